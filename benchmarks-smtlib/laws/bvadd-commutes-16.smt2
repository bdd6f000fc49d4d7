; bvadd is commutative at width 16: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 16))
(declare-const y (_ BitVec 16))
(assert (not (= (bvadd x y) (bvadd y x))))
(check-sat)
(exit)
