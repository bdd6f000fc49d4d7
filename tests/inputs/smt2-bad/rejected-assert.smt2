; A rejected assert leaves its constraint out of the assertion stack.  The
; script as written is unsat (x > 16 and x < 1); without the rejected
; assertion it is sat: wang must answer unknown, never sat.  Unsat stays
; sound: the missing constraint cannot make an unsat stack sat.
(set-option :produce-models true)
(declare-const x (_ BitVec 8))
(assert (bvugt x #x10))
(assert (bvult x #b1))
(check-sat)
(get-info :reason-unknown)
(get-model)
(check-sat-assuming ((= x #x11)))
(check-sat-assuming ((= x #x00)))
(assert (= x #x00))
(check-sat)
