; bvuaddo x y holds exactly when x + y wraps around, at width 16.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 16))
(declare-const y (_ BitVec 16))
(assert (not (= (bvuaddo x y) (bvult (bvadd x y) x))))
(check-sat)
(exit)
