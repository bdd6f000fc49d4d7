"""Unit tests of the fuzzer's reference semantics (scripts/fuzzlib/bv.py and
terms.py): hand-computed values from the SMT-LIB definitions, then the two
evaluators (interpreter and compiled brute force), the peer lowering and
the printers checked against each other."""

import os
import random
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'scripts'))

from fuzzlib import bv  # noqa: E402
from fuzzlib import script as S  # noqa: E402
from fuzzlib import sexp as sx  # noqa: E402
from fuzzlib import smtgen  # noqa: E402
from fuzzlib import terms as T  # noqa: E402


def b(text):
    """The value of a binary string."""
    return int(text, 2)


class HandComputed(unittest.TestCase):
    """Width 4 unless said otherwise; -7 is 1001, -2 is 1110, -8 is 1000."""

    def test_unsigned_division_by_zero(self):
        self.assertEqual(bv.bvudiv(b('0110'), 0, 4), b('1111'))
        self.assertEqual(bv.bvudiv(0, 0, 4), b('1111'))
        self.assertEqual(bv.bvurem(b('0110'), 0, 4), b('0110'))
        self.assertEqual(bv.bvudiv(b('1111'), b('0010'), 4), b('0111'))
        self.assertEqual(bv.bvurem(b('1111'), b('0010'), 4), b('0001'))

    def test_bvsdiv_truncates_towards_zero(self):
        self.assertEqual(bv.bvsdiv(b('1001'), b('0010'), 4), b('1101'))  # -7 / 2 = -3
        self.assertEqual(bv.bvsdiv(b('0111'), b('1110'), 4), b('1101'))  # 7 / -2 = -3
        self.assertEqual(bv.bvsdiv(b('1001'), b('1110'), 4), b('0011'))  # -7 / -2 = 3
        self.assertEqual(bv.bvsdiv(b('0111'), b('0010'), 4), b('0011'))  # 7 / 2 = 3
        self.assertEqual(bv.bvsdiv(b('1000'), b('1111'), 4), b('1000'))  # -8 / -1 wraps to -8

    def test_bvsdiv_by_zero(self):
        # non-negative dividend: bvudiv by 0 = all ones; negative: bvneg of all ones = 1
        self.assertEqual(bv.bvsdiv(b('0101'), 0, 4), b('1111'))
        self.assertEqual(bv.bvsdiv(0, 0, 4), b('1111'))
        self.assertEqual(bv.bvsdiv(b('1001'), 0, 4), b('0001'))
        self.assertEqual(bv.bvsdiv(b('1000'), 0, 4), b('0001'))

    def test_bvsrem_takes_the_sign_of_the_dividend(self):
        self.assertEqual(bv.bvsrem(b('1001'), b('0010'), 4), b('1111'))  # -7 rem 2 = -1
        self.assertEqual(bv.bvsrem(b('0111'), b('1110'), 4), b('0001'))  # 7 rem -2 = 1
        self.assertEqual(bv.bvsrem(b('1001'), b('1110'), 4), b('1111'))  # -7 rem -2 = -1
        self.assertEqual(bv.bvsrem(b('1000'), b('1111'), 4), 0)          # -8 rem -1 = 0
        self.assertEqual(bv.bvsrem(b('0101'), 0, 4), b('0101'))          # x rem 0 = x
        self.assertEqual(bv.bvsrem(b('1001'), 0, 4), b('1001'))

    def test_bvsmod_takes_the_sign_of_the_divisor(self):
        self.assertEqual(bv.bvsmod(b('1001'), b('0010'), 4), b('0001'))  # -7 mod 2 = 1
        self.assertEqual(bv.bvsmod(b('0111'), b('1110'), 4), b('1111'))  # 7 mod -2 = -1
        self.assertEqual(bv.bvsmod(b('1001'), b('1110'), 4), b('1111'))  # -7 mod -2 = -1
        self.assertEqual(bv.bvsmod(b('0111'), b('0010'), 4), b('0001'))  # 7 mod 2 = 1
        self.assertEqual(bv.bvsmod(b('1000'), b('0011'), 4), b('0001'))  # -8 mod 3 = 1
        self.assertEqual(bv.bvsmod(b('1010'), b('0011'), 4), 0)          # -6 mod 3 = 0
        self.assertEqual(bv.bvsmod(b('0110'), b('1101'), 4), 0)          # 6 mod -3 = 0
        self.assertEqual(bv.bvsmod(b('0101'), 0, 4), b('0101'))          # x mod 0 = x
        self.assertEqual(bv.bvsmod(b('1001'), 0, 4), b('1001'))

    def test_shifts(self):
        self.assertEqual(bv.bvshl(b('0011'), 2, 4), b('1100'))
        self.assertEqual(bv.bvshl(b('0011'), 4, 4), 0)
        self.assertEqual(bv.bvshl(b('0011'), 15, 4), 0)
        self.assertEqual(bv.bvlshr(b('1000'), 3, 4), b('0001'))
        self.assertEqual(bv.bvlshr(b('1000'), 9, 4), 0)
        self.assertEqual(bv.bvashr(b('1000'), 1, 4), b('1100'))
        self.assertEqual(bv.bvashr(b('1000'), 5, 4), b('1111'))
        self.assertEqual(bv.bvashr(b('0100'), 1, 4), b('0010'))
        self.assertEqual(bv.bvashr(b('0100'), 7, 4), 0)

    def test_rotations_extensions_extract_repeat_concat(self):
        self.assertEqual(bv.rotate_left(1, b('1001'), 4), b('0011'))
        self.assertEqual(bv.rotate_right(1, b('1001'), 4), b('1100'))
        self.assertEqual(bv.rotate_left(5, b('1001'), 4), b('0011'))  # 5 mod 4
        self.assertEqual(bv.rotate_right(4, b('1001'), 4), b('1001'))
        self.assertEqual(bv.sign_extend(2, b('101'), 3), b('11101'))
        self.assertEqual(bv.sign_extend(2, b('011'), 3), b('00011'))
        self.assertEqual(bv.zero_extend(2, b('101'), 3), b('00101'))
        self.assertEqual(bv.extract(2, 1, b('0110')), b('11'))
        self.assertEqual(bv.extract(3, 3, b('1000')), 1)
        self.assertEqual(bv.repeat(3, b('10'), 2), b('101010'))
        self.assertEqual(bv.concat([(b('10'), 2), (b('011'), 3)]), b('10011'))

    def test_signed_comparison(self):
        self.assertTrue(bv.bvslt(b('1000'), b('0111'), 4))
        self.assertFalse(bv.bvult(b('1000'), b('0111'), 4))
        self.assertFalse(bv.bvslt(b('0000'), b('1111'), 4))

    def test_overflow_predicates(self):
        self.assertTrue(bv.bvnego(b('1000'), 4))
        self.assertFalse(bv.bvnego(b('0111'), 4))
        self.assertTrue(bv.bvnego(1, 1))  # width 1: -1 negated is 1, out of range
        self.assertTrue(bv.bvuaddo(b('1000'), b('1000'), 4))
        self.assertFalse(bv.bvuaddo(b('0111'), b('1000'), 4))
        self.assertTrue(bv.bvsaddo(b('0111'), b('0001'), 4))    # 7 + 1 = 8
        self.assertTrue(bv.bvsaddo(b('1000'), b('1111'), 4))    # -8 + -1 = -9
        self.assertFalse(bv.bvsaddo(b('1000'), b('0111'), 4))   # -1
        self.assertTrue(bv.bvumulo(b('0100'), b('0100'), 4))    # 16
        self.assertFalse(bv.bvumulo(b('0011'), b('0101'), 4))   # 15
        self.assertTrue(bv.bvsmulo(b('0100'), b('0010'), 4))    # 8
        self.assertFalse(bv.bvsmulo(b('1100'), b('0010'), 4))   # -8
        self.assertTrue(bv.bvsmulo(b('1000'), b('1111'), 4))    # 8
        self.assertTrue(bv.bvusubo(b('0001'), b('0010'), 4))
        self.assertFalse(bv.bvusubo(b('0010'), b('0010'), 4))
        self.assertTrue(bv.bvssubo(b('1000'), b('0001'), 4))    # -9
        self.assertTrue(bv.bvssubo(b('0111'), b('1111'), 4))    # 8
        self.assertTrue(bv.bvssubo(b('0000'), b('1000'), 4))    # 8
        self.assertFalse(bv.bvssubo(b('1111'), b('1000'), 4))   # 7
        self.assertTrue(bv.bvsdivo(b('1000'), b('1111'), 4))
        self.assertFalse(bv.bvsdivo(b('1000'), b('0001'), 4))

    def test_literals(self):
        self.assertEqual(bv.literal(10, 4), '#xa')
        self.assertEqual(bv.literal(5, 3), '#b101')
        self.assertEqual(sx.value_of(sx.parse('(_ bv300 8)')[0]), (8, 44))

    def test_evaluator_on_core_operators(self):
        x, y, p = T.var('x', 4), T.var('y', 4), T.var('p', T.BOOL)
        env = {'x': b('1001'), 'y': b('0010'), 'p': True}
        cases = [
            (T.mk('=>', [p, T.FALSE, p]), True),                 # p => (false => p)
            (T.mk('xor', [p, p, p]), True),
            (T.mk('distinct', [x, y, x]), False),
            (T.mk('=', [x, x, y]), False),
            (T.mk('bvcomp', [x, x]), 1),
            (T.mk('bvadd', [x, y, y]), b('1101')),
            (T.mk('bvsmod', [x, y]), b('0001')),
            (T.mk('bvxnor', [x, y]), b('0100')),
            (T.mk('ite', [p, x, y]), b('1001')),
        ]
        for term, expected in cases:
            self.assertEqual(T.evaluate([term], env)[0], expected, repr(term))


class Consistency(unittest.TestCase):
    def test_desugared_overflow_predicates_agree(self):
        for op in T.OVERFLOW:
            for m in range(1, 6):
                x, y = T.var('x', m), T.var('y', m)
                args = [x] if op == 'bvnego' else [x, y]
                direct = T.mk(op, args)
                (lowered,) = T.lower([direct], binary=True)
                for vx in range(1 << m):
                    for vy in range(1 << m):
                        env = {'x': vx, 'y': vy}
                        self.assertEqual(T.evaluate([direct], env), T.evaluate([lowered], env),
                                         '%s at width %d on %d, %d' % (op, m, vx, vy))

    def test_compiled_search_agrees_with_the_interpreter(self):
        rng = random.Random(5)
        for case in range(60):
            g = smtgen.Generator(rng, 'tiny')
            for _ in range(3):
                g.declare()
            g.declare(T.BOOL)
            query = [g.boolterm(3) for _ in range(rng.randint(1, 2))]
            order = sorted(T.variables(query).values(), key=lambda v: v.name)
            bits = T.input_bits(order)
            if bits > 12:
                continue
            search = T.compile_search(query, order)
            for a in range(1 << bits):
                env = T.assignment_of(a, order)
                expected = all(T.evaluate(query, env))
                self.assertEqual(search(a, a + 1) == a, expected, 'case %d assignment %d' % (case, a))

    def test_lowering_and_printing_keep_values(self):
        rng = random.Random(9)
        for case in range(80):
            g = smtgen.Generator(rng, rng.choice(['tiny', 'small', 'wide']))
            for _ in range(4):
                g.declare()
            g.declare(T.BOOL)
            t = g.boolterm(4)
            variables = g.visible_vars()
            env = {v.name: (rng.random() < 0.5 if v.width == T.BOOL else rng.getrandbits(v.width)) for v in variables}
            expected = T.evaluate([t], env)[0]
            # the peer lowering, binary and n-ary
            for binary in (False, True):
                (low,) = T.lower([t], binary=binary)
                self.assertEqual(T.evaluate([low], env)[0], expected)
            # printed for wang (lets, shadowing) and for the peers, then read back
            peer_names = {v.name: 'v%d' % k for k, v in enumerate(variables)}
            peer_env = {peer_names[name]: value for name, value in env.items()}
            for text, names, values in (
                    (sx.to_text(S.wang_term(t, rng, p_shared=0.9, p_single=0.2, p_reuse=0.6,
                                            extra_names=[v.name for v in variables])), None, env),
                    (sx.to_text(S.peer_term(T.lower([t])[0], peer_names)), peer_names, peer_env)):
                decls = ''.join('(declare-const %s %s)\n' % (
                    sx.to_text(S.symbol(names[v.name] if names else v.name)),
                    sx.to_text(S.sort_expr(v.width))) for v in variables)
                script = S.read(decls + '(assert %s)\n(check-sat)\n' % text)
                got = T.evaluate(script.checks[0].active, values)[0]
                self.assertEqual(got, expected, text)

    def test_generated_scripts_are_readable(self):
        for seed in range(40):
            profile, text = smtgen.generate(seed)
            script = S.read(text, rejections=True)
            self.assertTrue(script.checks, 'seed %d has no check' % seed)

    def test_brute_force_finds_models(self):
        x = T.var('x', 6)
        q = [T.mk('=', [T.mk('bvmul', [x, T.const(3, 6)]), T.const(33, 6)])]
        verdict, env = T.brute_force(q, 12)
        self.assertEqual(verdict, 'sat')
        self.assertEqual((env['x'] * 3) % 64, 33)
        self.assertEqual(T.brute_force([T.mk('bvult', [x, T.const(0, 6)])], 12), ('unsat', None))
        self.assertIsNone(T.brute_force([T.mk('bvult', [T.var('w', 20), T.mk('zero_extend', [x], (14,))])], 12))


if __name__ == '__main__':
    unittest.main()
