; g2 is g without the guard y > 0.  Now there is a state where the loop
; body runs and x does not decrease: the model shows one (y = 0, as in
; g2(5, 0), which loops forever).
(set-info :status sat)
(set-option :produce-models true)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (bvugt x y))
(assert (not (bvult (bvsub x y) x)))
(check-sat)
(get-value (x y))
(exit)
