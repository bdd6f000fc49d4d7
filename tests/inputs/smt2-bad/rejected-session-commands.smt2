; A rejected reset, exit or :global-declarations leaves later commands
; answering for a script that was not written (its declarations in other
; scopes, or commands the script meant never to run): no answer is sound
; until a reset succeeds.  A rejected reset-assertions leaves assertions
; the script removed, as a rejected pop does.
(declare-const x (_ BitVec 8))
(assert (= x #x01))
(reset-assertions now)
(declare-const y (_ BitVec 8))
(assert (= x #x02))
(check-sat)
(get-info :reason-unknown)
(reset)
(set-option :global-declarations maybe)
(declare-const p Bool)
(check-sat)
(get-info :reason-unknown)
(reset)
(declare-const p Bool)
(assert p)
(check-sat)
(reset 1)
(check-sat)
(reset)
(exit now)
(check-sat)
(get-info :reason-unknown)
