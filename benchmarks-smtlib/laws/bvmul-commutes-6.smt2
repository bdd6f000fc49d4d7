; bvmul is commutative at width 6: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 6))
(declare-const y (_ BitVec 6))
(assert (not (= (bvmul x y) (bvmul y x))))
(check-sat)
(exit)
