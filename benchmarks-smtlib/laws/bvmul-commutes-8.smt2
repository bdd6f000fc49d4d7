; bvmul is commutative at width 8: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 8))
(declare-const y (_ BitVec 8))
(assert (not (= (bvmul x y) (bvmul y x))))
(check-sat)
(exit)
