; bvuaddo x y holds exactly when x + y wraps around, at width 64.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 64))
(declare-const y (_ BitVec 64))
(assert (not (= (bvuaddo x y) (bvult (bvadd x y) x))))
(check-sat)
(exit)
