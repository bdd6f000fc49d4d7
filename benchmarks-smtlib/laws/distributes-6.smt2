; bvmul distributes over bvadd at width 6.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 6))
(declare-const y (_ BitVec 6))
(declare-const z (_ BitVec 6))
(assert (not (= (bvmul x (bvadd y z)) (bvadd (bvmul x y) (bvmul x z)))))
(check-sat)
(exit)
