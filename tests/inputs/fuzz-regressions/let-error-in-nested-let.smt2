; Found by fuzz_smtlib (scripts/fuzz-lib, libFuzzer seed 1): an error while
; the bindings of a let nested in another let are read (an unknown function,
; a malformed or repeated binding) made the parser's error recovery unbind
; the inner let's names although they were never bound: wang crashed
; (segmentation fault) when no such name existed, and otherwise removed the
; binding the name had, here the declaration of b, which later commands no
; longer saw.  Fixed in TermParser::unwind (src/smtlib/term_parser.cpp).
; (The rejected assertions are made in a level of their own, popped before
; check-sat: while they are in scope wang answers unknown, not sat.)
(set-option :produce-models true)
(declare-const b Bool)
(push 1)
(assert (let ((a true)) (let ((b (foo))) a)))
(assert (let ((a true)) (let ((c (foo))) a)))
(assert (let ((a true)) (let ((b true) (b false)) a)))
(assert (let ((a true)) (let ((c)) a)))
(pop 1)
(assert b)
(check-sat)
(get-value (b))
(declare-const b Bool)
