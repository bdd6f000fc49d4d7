; Only simple symbols are reserved words: they cannot be declared.  Quoted,
; the same text is an ordinary symbol, and wang prints it quoted, as it
; prints symbols starting with @ or . (reserved for solvers, but declared
; by scripts that solvers dump, so accepted).
(set-option :produce-models true)
(declare-const let Bool)
(declare-const check-sat Bool)
(declare-const |let| Bool)
(declare-const |check-sat| Bool)
(declare-const @x Bool)
(declare-const |.y| Bool)
(declare-const |NUMERAL| (_ BitVec 4))
(assert (and |let| |check-sat| (not @x) .y (= |NUMERAL| #xa)))
(assert (let ((|as| |let|)) |as|))
(check-sat)
(get-model)
