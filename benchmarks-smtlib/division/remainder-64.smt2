; x urem y < y whenever y != 0, at width 64.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 64))
(declare-const y (_ BitVec 64))
(assert (not (= y (_ bv0 64))))
(assert (not (bvult (bvurem x y) y)))
(check-sat)
(exit)
