; bvmul is commutative at width 4: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 4))
(declare-const y (_ BitVec 4))
(assert (not (= (bvmul x y) (bvmul y x))))
(check-sat)
(exit)
