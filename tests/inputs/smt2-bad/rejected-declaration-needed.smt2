; A rejected declaration leaves its name taken: every command that needs it
; is rejected in turn, so the assertions using f are missing.  As written
; the script is unsat (f x cannot equal its own complement); without them
; it is sat.  A declaration nothing needs changes nothing (g).
(declare-const x (_ BitVec 8))
(declare-fun g (Bool) Bool)
(assert (bvult x #x10))
(check-sat)
(declare-fun f ((_ BitVec 8)) (_ BitVec 8))
(assert (= (f x) (bvnot (f x))))
(check-sat)
(get-info :reason-unknown)
(declare-const f (_ BitVec 8))
(define-fun small () Bool (bvult x #b1))
(define-fun f () Bool small)
(echo "after")
