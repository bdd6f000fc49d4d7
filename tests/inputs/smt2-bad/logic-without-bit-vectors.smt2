; QF_BOOL (and QF_CORE) has no bit-vectors: their sorts and terms are errors
; there, also those of definitions made before set-logic.
(define-fun one () (_ BitVec 1) #b1)
(set-logic QF_BOOL)
(declare-const x (_ BitVec 8))
(declare-const p Bool)
(assert (= #b1 #b0))
(assert (= (_ bv1 2) (_ bv1 2)))
(assert (= one one))
(assert p)
(check-sat)
(assert (not p))
(check-sat)
