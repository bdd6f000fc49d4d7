; A rejected pop leaves sat sound, a rejected assert unsat: together they
; leave no answer sound, and wang answers unknown without solving;
; :reason-unknown names the older of the two.  reset-assertions ends both.
(declare-const x (_ BitVec 8))
(pop 1)
(assert (= x #b1))
(check-sat)
(get-info :reason-unknown)
(reset-assertions)
(check-sat)
