; x urem y < y whenever y != 0, at width 16.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 16))
(declare-const y (_ BitVec 16))
(assert (not (= y (_ bv0 16))))
(assert (not (bvult (bvurem x y) y)))
(check-sat)
(exit)
