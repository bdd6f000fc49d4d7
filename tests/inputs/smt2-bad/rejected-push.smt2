; After a rejected push the script's levels and wang's differ, and every
; later pop removes other assertions than the script meant: no answer is
; sound until reset-assertions.  Here the script's (pop 1) removes only
; x = 2 and keeps x = 1; wang's removes both.  As written, x = 3 then makes
; the script unsat while wang's stack is sat.
(declare-const x (_ BitVec 8))
(push 1)
(assert (= x #x01))
(push one)
(assert (= x #x02))
(pop 1)
(assert (= x #x03))
(check-sat)
(get-info :reason-unknown)
(push 2000000)
(reset-assertions)
(declare-const y Bool)
(assert y)
(check-sat)
; The other way round: the script's stack is sat, wang's unsat.  After the
; rejected push, the script's (pop 1) drops z = 1, wang's has no level to
; pop and keeps it.
(declare-const z (_ BitVec 8))
(push one)
(assert (= z #x01))
(pop 1)
(assert (= z #x02))
(check-sat)
