; g(x, y) runs "while (x > y) x = x - y;" and is only called with y > 0.
; It terminates if every iteration makes x strictly smaller.  A state where
; the loop body runs (x > y, y > 0) and does not decrease x would be a
; counterexample; "unsat" proves there is none, so g terminates.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (bvugt y #x00000000))
(assert (bvugt x y))
(assert (not (bvult (bvsub x y) x)))
(check-sat)
(exit)
