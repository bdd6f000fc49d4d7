; bvmul is commutative at width 32: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (not (= (bvmul x y) (bvmul y x))))
(check-sat)
(exit)
