"""Unit tests of the shrinker (scripts/shrink), the CNF tools and the option
sampling of the fuzzer."""

import os
import random
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, '..', '..', 'scripts')
sys.path.insert(0, SCRIPTS)

from fuzzlib import cnf as C  # noqa: E402
from fuzzlib import options as O  # noqa: E402
from fuzzlib import script as S  # noqa: E402
from fuzzlib import shrink  # noqa: E402
from fuzzlib import terms as T  # noqa: E402
from fuzzlib import checks as K  # noqa: E402


class DDMin(unittest.TestCase):
    def test_finds_the_two_needed_items(self):
        calls = []

        def test(items):
            calls.append(list(items))
            return 3 in items and 7 in items
        self.assertEqual(shrink.ddmin(list(range(20)), test), [3, 7])

    def test_one_item_and_nothing(self):
        self.assertEqual(shrink.ddmin([1, 2, 3], lambda xs: 2 in xs), [2])
        self.assertEqual(shrink.ddmin([1, 2, 3], lambda xs: True), [])

    def test_result_is_one_minimal(self):
        rng = random.Random(3)
        for _ in range(30):
            needed = set(rng.sample(range(40), rng.randint(1, 5)))
            result = shrink.ddmin(list(range(40)), lambda xs: needed <= set(xs))
            self.assertEqual(set(result), needed)


class CNF(unittest.TestCase):
    def test_brute_force_matches_known_answers(self):
        rng = random.Random(1)
        self.assertEqual(C.brute_force(*C.pigeonhole(rng, 3))[0], 'unsat')
        self.assertEqual(C.brute_force(*C.pigeonhole(rng, 3, 3))[0], 'sat')
        self.assertEqual(C.brute_force(*C.parity_chain(rng, 5, satisfiable=False))[0], 'unsat')
        self.assertEqual(C.brute_force(*C.parity_chain(rng, 5, satisfiable=True))[0], 'sat')
        self.assertEqual(C.brute_force(2, [[1], [-1, 2], [-2]]), ('unsat', None))
        self.assertEqual(C.brute_force(3, [[1], [-1, 2]]), ('sat', [1, 2, -3]))
        self.assertEqual(C.brute_force(1, [[]])[0], 'unsat')

    def test_brute_force_models_satisfy(self):
        rng = random.Random(2)
        for _ in range(50):
            family, nv, cl = C.generate(rng, small=True)
            nv, cl = C.perturb(rng, nv, cl)
            verdict = C.brute_force(nv, cl)
            self.assertIsNotNone(verdict, family)
            if verdict[0] == 'sat':
                self.assertTrue(C.satisfies(cl, verdict[1]), family)

    def test_dimacs_round_trip(self):
        rng = random.Random(4)
        nv, cl = C.random_ksat(rng, 10, 3)
        text = C.dimacs(nv, cl, rng, comment='x')
        self.assertEqual(C.parse_dimacs(text), (nv, cl))

    def test_shrink_keeps_unsatisfiability_and_is_minimal(self):
        rng = random.Random(6)
        nv, php = C.pigeonhole(rng, 2)            # 3 pigeons, 2 holes: 9 clauses
        noise = [[4, 5, 1], [-2, 6], [3, -6, 5]]  # satisfiable padding
        text = C.dimacs(nv + 2, php + noise)

        def unsat(candidate):
            n, cl = C.parse_dimacs(candidate)
            return C.brute_force(n, cl)[0] == 'unsat'
        result = shrink.shrink_cnf(text, unsat, log=lambda *a: None)
        n, clauses = C.parse_dimacs(result)
        self.assertEqual(C.brute_force(n, clauses)[0], 'unsat')
        self.assertLessEqual(len(clauses), len(php))
        for k in range(len(clauses)):
            fewer = clauses[:k] + clauses[k + 1:]
            self.assertEqual(C.brute_force(n, fewer)[0], 'sat', 'clause %d is not needed' % k)


SCRIPT = """(set-logic QF_BV)
(declare-const x (_ BitVec 4))
(declare-const y (_ BitVec 4))
(declare-fun p () Bool)
(assert (bvult x #xe))
(assert (let ((a (bvsmod x y)) (b (bvadd x #x1))) (and p (= a (bvmul b y y)) (bvuge y #x1))))
(push 1)
(assert (= (bvsdiv x #x0) #x1))
(check-sat)
(pop 1)
(assert (distinct x y #x3))
(check-sat-assuming (p (not p)))
(get-value (x y))
"""


class SMT(unittest.TestCase):
    def test_shrink_keeps_the_predicate(self):
        # the predicate: readable, some check is unsat by enumeration, and
        # bvsdiv occurs
        def predicate(text):
            if 'bvsdiv' not in text:
                return False
            script = S.read(text)
            return any(T.brute_force(c.active + c.assumptions, 12)[0] == 'unsat' for c in script.checks)
        self.assertTrue(predicate(SCRIPT))
        result = shrink.shrink_smt(SCRIPT, shrink.Predicate(predicate, '.smt2'), log=lambda *a: None)
        self.assertTrue(predicate(result))
        self.assertLess(len(result), len(SCRIPT) // 2)
        self.assertNotIn('bvsmod', result)
        self.assertNotIn('push', result)

    def test_let_inlining_respects_shadowing(self):
        expr = shrink.sx.parse('(let ((a x)) (bvadd a (let ((a y)) a)))')[0]
        self.assertEqual(shrink.sx.to_text(shrink._substitute(expr[2], {'a': expr[1][0][1]})),
                         '(bvadd x (let ((a y)) a))')

    def test_command_line_with_a_check_command(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'case.smt2')
            with open(path, 'w') as f:
                f.write(SCRIPT)
            out = os.path.join(d, 'small.smt2')
            r = subprocess.run([sys.executable, os.path.join(SCRIPTS, 'shrink'), path, '--check',
                                'grep -q bvsdiv {}', '--out', out, '--quiet'],
                               capture_output=True, text=True, timeout=600)
            self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
            with open(out) as f:
                small = f.read()
            self.assertIn('bvsdiv', small)
            S.read(small)  # still a valid script
            self.assertLess(len(small), 120)


class Options(unittest.TestCase):
    HELP = """wang: a CDCL SAT and bit-vector SMT solver

 Solver options:
      --seed N           seed of the random number generator
                         [0..2147483647, default 0]
      --scoredecay N     EVSIDS decay factor in permille [500..999, default
                         950]
      --minimize N       recursive minimization of learned clauses [0..1,
                         default 1]
"""

    def test_help_is_parsed_with_wrapped_ranges(self):
        options = O.parse_help(self.HELP)
        self.assertEqual([(o.name, o.lo, o.hi, o.default) for o in options],
                         [('seed', 0, 2147483647, 0), ('scoredecay', 500, 999, 950), ('minimize', 0, 1, 1)])

    def test_samples_stay_in_range(self):
        options = O.parse_help(self.HELP)
        rng = random.Random(1)
        for _ in range(200):
            for name, value in O.sample(rng, options):
                o = next(x for x in options if x.name == name)
                self.assertTrue(o.lo <= value <= o.hi)

    @unittest.skipUnless(os.environ.get('WANG_BINARY'), 'WANG_BINARY not set')
    def test_every_option_of_the_tables_is_found(self):
        src = os.path.join(HERE, '..', '..', 'src')

        def first_arguments(path, macro):
            with open(os.path.join(src, path)) as f:
                return [line.split('(')[1].split(',')[0] for line in f if line.startswith(macro + '(')]
        # The SAT core's table, the word-level table (flags with dashes) and
        # a switch per preprocessing pass.
        names = first_arguments(os.path.join('sat', 'options.def'), 'OPTION')
        names += [n.replace('_', '-') for n in first_arguments(os.path.join('solver', 'options.def'), 'OPTION')]
        names += ['pp-' + n for n in first_arguments(os.path.join('preprocess', 'passes.def'), 'PASS')]
        found = [o.name for o in O.solver_options(os.environ['WANG_BINARY'])]
        self.assertEqual(sorted(found), sorted(names))


class Responses(unittest.TestCase):
    def test_models_are_parsed(self):
        model = K.parse_model(shrink.sx.parse('((define-fun x () (_ BitVec 4) #x3) '
                                              '(define-fun |a b| () Bool false) '
                                              '(define-fun y () (_ BitVec 3) (_ bv9 3)))')[0])
        self.assertEqual(model, {'x': (4, 3), 'a b': (0, False), 'y': (3, 1)})
        self.assertIsNone(K.parse_model(shrink.sx.parse('((define-fun x () (_ BitVec 4) #b1))')[0]))


if __name__ == '__main__':
    unittest.main()
