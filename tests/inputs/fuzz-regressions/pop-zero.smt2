; Found by fuzz_smtlib (scripts/fuzz-lib, libFuzzer seed 2): (pop 0) read
; the stack of levels one element past its end (Environment::pop and
; Interpreter::pop in src/smtlib): a segmentation fault with no level open,
; a heap-buffer-overflow read under ASan otherwise, and in a release build
; a mark made of whatever lay there, which could drop or corrupt
; declarations.  (pop 0) and (push 0) are legal and change nothing.
(set-logic QF_BV)
(declare-const x (_ BitVec 8))
(pop 0)
(push 0)
(assert (bvult x #x0a))
(push 1)
(declare-const y (_ BitVec 8))
(assert (= (bvmul x #x03) #x15))
(pop 0)
(check-sat)
(get-model)
(pop 1)
(pop 0)
(assert (= x #x0b))
(check-sat)
