; x urem y < y whenever y != 0, at width 12.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 12))
(declare-const y (_ BitVec 12))
(assert (not (= y (_ bv0 12))))
(assert (not (bvult (bvurem x y) y)))
(check-sat)
(exit)
