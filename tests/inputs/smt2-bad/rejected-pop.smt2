; A rejected pop leaves assertions on the stack that the script removed:
; sat stays sound (the script's stack is part of wang's), unsat does not.
; As written the script asks x = 2 alone (sat); wang's stack also holds
; x = 1 (unsat): wang must answer unknown, never unsat.  reset-assertions
; empties both stacks and ends the doubt.
(declare-const x (_ BitVec 8))
(push 1)
(assert (= x #x01))
(pop 2)
(check-sat)
(assert (= x #x02))
(check-sat)
(get-info :reason-unknown)
(push 1)
(pop 1)
(check-sat)
(reset-assertions)
(declare-const y (_ BitVec 8))
(assert (= y #x01))
(assert (= y #x02))
(check-sat)
