; bvadd is associative at width 16.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 16))
(declare-const y (_ BitVec 16))
(declare-const z (_ BitVec 16))
(assert (not (= (bvadd (bvadd x y) z) (bvadd x (bvadd y z)))))
(check-sat)
(exit)
