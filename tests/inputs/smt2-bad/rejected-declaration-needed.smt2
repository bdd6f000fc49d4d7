; A rejected declaration leaves its name taken: every command that needs it
; is rejected in turn, so the assertions using f are missing.  As written
; the script is unsat (f x cannot equal its own complement); without them
; it is sat.  A declaration nothing needs changes nothing (g).
(declare-const x (_ BitVec 8))
(define-fun-rec g ((b Bool)) Bool b)
(assert (bvult x #x10))
(check-sat)
(define-fun-rec f ((y (_ BitVec 8))) (_ BitVec 8) y)
(assert (= (f x) (bvnot (f x))))
(check-sat)
(get-info :reason-unknown)
(declare-const f (_ BitVec 8))
(define-fun small () Bool (bvult x #b1))
(define-fun f () Bool small)
(echo "after")
