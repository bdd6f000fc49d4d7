; A command wang does not know, or text that is not a command, may have
; been an assertion (assert-soft, a broken assert): its level counts as
; incomplete.  As written the first query is unsat, without x = 1 sat.
(declare-const x (_ BitVec 8))
(push 1)
(assert (= x #x02))
(assert-soft (= x #x01))
(check-sat)
(get-info :reason-unknown)
(pop 1)
(check-sat)
(push 1)
(assert (= x #x02))
assert (= x #x01))
(check-sat)
(get-info :reason-unknown)
(pop 1)
(check-sat)
