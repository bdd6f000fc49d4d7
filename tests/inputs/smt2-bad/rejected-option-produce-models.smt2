; A rejected :produce-models leaves the option as it was: get-model is an
; error rather than a model of anything.  Only a check that answered sat
; on a complete stack has a model to show.
(declare-const x (_ BitVec 8))
(set-option :produce-models yes)
(assert (= x #x01))
(check-sat)
(get-model)
(get-value (x))
