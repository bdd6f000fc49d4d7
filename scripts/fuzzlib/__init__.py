"""Fuzzing and differential testing of wang (scripts/fuzz, scripts/shrink,
scripts/fuzz-lib; docs/fuzzing.md).

Python 3 standard library only.  Modules:

- sexp:     an s-expression reader and printer for SMT-LIB text and responses
- bv:       the reference semantics of the bit-vector operators, from the
            SMT-LIB definitions
- terms:    QF_BV terms, the reference evaluator, its compiled twin for brute
            force, the rewriting of terms for the peer solvers
- script:   reading SMT-LIB scripts (following the assertion stack) and
            printing them for wang and for the peers
- smtgen:   random QF_BV scripts
- cnf:      random and structured CNF generators, DIMACS text, brute force
- runner:   running solvers with time and memory limits, recognising crashes
- options:  the solver options of `wang --help` and random samples of them
- checks:   the checks of one fuzz case (brute force, options, peers)
- fuzzer:   the command line of scripts/fuzz
- shrink:   the delta debugger of scripts/shrink
"""
