; bvadd is commutative at width 64: no counterexample exists.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 64))
(declare-const y (_ BitVec 64))
(assert (not (= (bvadd x y) (bvadd y x))))
(check-sat)
(exit)
