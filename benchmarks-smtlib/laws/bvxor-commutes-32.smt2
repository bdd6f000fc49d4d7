; bvxor is commutative at width 32: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (not (= (bvxor x y) (bvxor y x))))
(check-sat)
(exit)
