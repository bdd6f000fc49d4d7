; f(x, y) returns x + y == y + x for 32-bit unsigned x and y.  Is it true for
; all 2^64 inputs?  Exhaustive testing would take centuries; the solver is
; asked for a counterexample instead, and "unsat" means there is none.
(set-info :status unsat)
(set-logic QF_BV)
(declare-const x (_ BitVec 32))
(declare-const y (_ BitVec 32))
(assert (not (= (bvadd x y) (bvadd y x))))
(check-sat)
(exit)
