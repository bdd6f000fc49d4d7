; bvadd is associative at width 8.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 8))
(declare-const y (_ BitVec 8))
(declare-const z (_ BitVec 8))
(assert (not (= (bvadd (bvadd x y) z) (bvadd x (bvadd y z)))))
(check-sat)
(exit)
