; scripts/fuzz --kind smt --seed 40207 (shrunk by hand): at level 1, x2 := 13
; and x3 := x2 were adopted in one substitution pass; x3 occurs at level 0,
; so its equation stays, but it was emitted as found, x3 = x2, over the bits
; of the eliminated x2: the model failed its check (internal error).
(set-option :produce-models true)
(set-logic QF_BV)
(declare-const x1 (_ BitVec 2))
(declare-const x2 (_ BitVec 6))
(declare-const x3 (_ BitVec 6))
(assert (=> (distinct ((_ sign_extend 59) x3) ((_ zero_extend 59) x3)) (= x1 #b01)))
(push 1)
(assert (= #b001101 x2 x3))
(check-sat)
(get-value (x1 x2 x3))
(exit)
