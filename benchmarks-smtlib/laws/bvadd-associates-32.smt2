; bvadd is associative at width 32.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(declare-const z (_ BitVec 32))
(assert (not (= (bvadd (bvadd x y) z) (bvadd x (bvadd y z)))))
(check-sat)
(exit)
