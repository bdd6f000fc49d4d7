; x urem y < y whenever y != 0, at width 8.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 8))
(declare-const y (_ BitVec 8))
(assert (not (= y (_ bv0 8))))
(assert (not (bvult (bvurem x y) y)))
(check-sat)
(exit)
