; x urem y < y whenever y != 0, at width 32.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (not (= y (_ bv0 32))))
(assert (not (bvult (bvurem x y) y)))
(check-sat)
(exit)
