; A rejected assert makes its level incomplete until that level is popped.
; Unsat as written (x = 1 and x = 2), sat without the rejected assertion.
(declare-const x (_ BitVec 8))
(assert (= x #x01))
(push 1)
(assert (= x #x02 #b1))
(check-sat)
(push 1)
(check-sat)
(pop 1)
(check-sat)
(pop 1)
(check-sat)
(get-info :reason-unknown)
