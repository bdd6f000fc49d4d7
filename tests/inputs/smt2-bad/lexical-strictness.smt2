; SMT-LIB 2.6 is stricter than wang was: each of these is an error.
; White space is tab, line feed, carriage return and space only: not form
; feed (line 5) or vertical tab (line 6).
(declare-const x (_ BitVec 8))
(assert(= x x))
(assert (=x x))
; A numeral other than 0 has no leading zeros, in any place.
(assert (= x (_ bv01 8)))
(assert (= x (_ bv5 08)))
(assert (= ((_ extract 07 0) x) x))
(push 01)
(assert (= x (_ bv0 8) (_ bv10 8)))
; (_ bvX n) needs X < 2^n.
(assert (= x (_ bv256 8)))
; :status is sat, unsat or unknown.
(set-info :status banana)
(set-info :status unknown)
(echo "after")
