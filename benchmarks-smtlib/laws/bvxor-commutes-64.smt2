; bvxor is commutative at width 64: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 64))
(declare-const y (_ BitVec 64))
(assert (not (= (bvxor x y) (bvxor y x))))
(check-sat)
(exit)
