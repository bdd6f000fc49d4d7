"""Unit tests of the fuzzer's checks of wang's SMT-LIB conformance: its model
of rejected commands (script.Reader with rejections=True) agrees with wang
on the scripts of tests/inputs/smt2-bad/rejected-*.smt2; the checks fail
when wang answers what a rejected command makes unsound, names the wrong
command in :reason-unknown, or writes a value other than as the standard
does; quoted reserved words are ordinary symbols.  Tests that run wang need
WANG_BINARY."""

import os
import random
import stat
import subprocess
import sys
import tempfile
import unittest

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
sys.path.insert(0, os.path.join(TOP, 'scripts'))

from fuzzlib import checks as K  # noqa: E402
from fuzzlib import runner  # noqa: E402
from fuzzlib import script as S  # noqa: E402
from fuzzlib import sexp as sx  # noqa: E402
from fuzzlib import smtgen  # noqa: E402

WANG = os.environ.get('WANG_BINARY')
BAD = os.path.join(TOP, 'tests', 'inputs', 'smt2-bad')

# x > 16 and x < 1 (ill-sorted, rejected): sat without the rejected assertion,
# unsat as written.
MISSING = ('(declare-const x (_ BitVec 8))\n(assert (bvugt x #x10))\n(assert (bvult x #b1))\n'
           '(check-sat)\n(get-info :reason-unknown)\n')


class Reader(unittest.TestCase):
    def test_a_rejected_assert_makes_sat_unsound_until_its_level_is_popped(self):
        script = S.read('(declare-const p Bool)\n(push 1)\n(assert (= p #b1))\n(check-sat)\n(pop 1)\n(check-sat)\n',
                        rejections=True)
        rejected = [c for c in script.commands if c.rejected]
        self.assertEqual([c.kind for c in rejected], ['assert'])
        first, second = script.checks
        self.assertEqual(first.unsound, {'sat'})
        self.assertEqual(first.marks[0].position, (3, 1))
        self.assertEqual(second.unsound, set())

    def test_a_rejected_pop_makes_unsat_unsound_until_reset_assertions(self):
        script = S.read('(push 1)\n(pop 2)\n(check-sat)\n(pop 1)\n(check-sat)\n(reset-assertions)\n(check-sat)\n',
                        rejections=True)
        self.assertEqual([c.unsound for c in script.checks], [{'unsat'}, {'unsat'}, set()])

    def test_names_of_rejected_declarations_stay_taken(self):
        script = S.read('(declare-fun f ((Array Bool Bool)) Bool)\n(assert (f true))\n(declare-const f Bool)\n(check-sat)\n',
                        rejections=True)
        self.assertEqual([bool(c.rejected) for c in script.commands], [True, True, True, False])
        self.assertEqual(script.checks[0].unsound, {'sat'})

    def test_an_unsupported_logic_lasts_until_a_set_logic_succeeds(self):
        script = S.read('(set-logic QF_LIA)\n(check-sat)\n(set-logic QF_BV)\n(check-sat)\n', rejections=True)
        self.assertEqual([c.unsound for c in script.checks], [{'sat'}, set()])

    def test_quoted_reserved_words_are_ordinary_symbols(self):
        script = S.read('(declare-const |let| Bool)\n(declare-const let Bool)\n'
                        '(assert (let ((|as| |let|)) (! |as| :named |check-sat|)))\n(check-sat)\n', rejections=True)
        self.assertEqual([bool(c.rejected) for c in script.commands], [False, True, False, False])
        self.assertEqual(script.checks[0].scope_vars['let'].width, 0)
        self.assertEqual(S.symbol('let'), '|let|')
        self.assertEqual(S.symbol('check-sat'), '|check-sat|')
        self.assertEqual(S.symbol('lets'), 'lets')

    def test_values_are_binary_with_one_digit_per_bit(self):
        self.assertTrue(K.is_value_text(sx.Symbol('#b0101'), 4))
        self.assertFalse(K.is_value_text(sx.Symbol('#x5'), 4))
        self.assertFalse(K.is_value_text(sx.Symbol('#b101'), 4))
        self.assertFalse(K.is_value_text([sx.Symbol('_'), sx.Symbol('bv5'), sx.Symbol('4')], 4))
        self.assertTrue(K.is_value_text(sx.Symbol('false'), 0))
        self.assertFalse(K.is_value_text(sx.String('true'), 0))

    def test_without_rejections_a_rejected_command_is_an_error(self):
        with self.assertRaises(S.ScriptError):
            S.read('(assert (= true #b1))\n')

    def test_generated_scripts_with_rejected_commands_are_readable(self):
        found = 0
        for seed in range(60):
            _, text = smtgen.generate(seed)
            script = S.read(K.SMT_PREFIX + text, rejections=True)
            found += sum(1 for c in script.commands if c.rejected)
        self.assertGreater(found, 5)


def _responses(text):
    run = subprocess.run([WANG, '--lang', 'smt2', '-'], input=text, capture_output=True, text=True, timeout=60)
    return sx.parse(run.stdout)


@unittest.skipUnless(WANG, 'needs WANG_BINARY')
class AgreesWithWang(unittest.TestCase):
    def test_rejected_scripts(self):
        for name in sorted(os.listdir(BAD)):
            if not (name.startswith('rejected-') and name.endswith('.smt2')):
                continue
            with open(os.path.join(BAD, name)) as f:
                # one response per command, also after (reset)
                text = ('(set-option :print-success true)\n' + f.read()).replace(
                    '(reset)\n', '(reset)\n(set-option :print-success true)\n')
            try:
                script = S.read(text, rejections=True)
            except S.ScriptError:
                continue  # junk the s-expression reader cannot split (a stray ')')
            items = _responses(text)
            self.assertEqual(len(items), len(script.commands), name)
            for cmd, item in zip(script.commands, items):
                where = '%s:%d:%d' % ((name,) + cmd.position)
                refused = (isinstance(item, list) and item[:1] == ['error']) or item == 'unsupported'
                if cmd.rejected:
                    self.assertTrue(refused, '%s: %s' % (where, sx.to_text(item)))
                elif not cmd.kind.startswith('get-'):  # (queries in the wrong state are errors)
                    self.assertFalse(refused, '%s: %s' % (where, sx.to_text(item)))
                if cmd.is_check:
                    self.assertNotIn(item, cmd.unsound, where)
                    if item == 'unknown':
                        self.assertTrue(cmd.unsound, where)


def _fake_wang(directory, sed, delay=0):
    """A `wang` that passes its arguments to the real one and edits its
    output with the sed script `sed`, after `delay` seconds."""
    path = os.path.join(directory, 'wang')
    with open(path, 'w') as f:
        f.write('#!/bin/sh\nsleep %s\n"%s" "$@" | sed -e \'%s\'\n' % (delay, WANG, sed))
    os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)
    return path


@unittest.skipUnless(WANG, 'needs WANG_BINARY')
class ChecksFail(unittest.TestCase):
    def categories(self, sed, text, delay=0, timeout=20.0):
        with tempfile.TemporaryDirectory() as d:
            ctx = K.Context(_fake_wang(d, sed, delay), peers=runner.Peers(()), option_runs=0, workdir=d,
                            timeout=timeout)
            out = K.check_smt(text, ctx, random.Random(1))
        return {category for category, _ in out.failures}

    def test_the_real_answers_pass(self):
        self.assertEqual(self.categories('', MISSING), set())

    def test_sat_after_a_rejected_assert(self):
        self.assertIn('unsound-answer', self.categories('s/^unknown$/sat/', MISSING))

    def test_unknown_where_unsat_is_sound(self):
        text = MISSING.replace('(check-sat)', '(assert (= x #x00))\n(check-sat)')
        self.assertIn('needless-unknown', self.categories('s/^unsat$/unknown/', text))

    def test_a_reason_naming_another_command(self):
        # (the checks put two lines of options before the script)
        self.assertIn('bad-reason-unknown', self.categories('s/:5:1 /:4:1 /', MISSING))

    def test_a_limit_as_the_reason_of_a_run_far_from_it(self):
        self.assertIn('bad-reason-unknown', self.categories('s/(:reason-unknown ".*")/(:reason-unknown timeout)/', MISSING))

    def test_a_limit_as_the_reason_of_a_run_that_reached_it(self):
        # wang stopped by -t before any answer: a time-out, not a failure
        self.assertEqual(self.categories('s/(:reason-unknown ".*")/(:reason-unknown timeout)/', MISSING,
                                         delay=1, timeout=1.0), set())

    def test_success_for_a_command_wang_must_reject(self):
        self.assertIn('accepted-rejected', self.categories('s/^(error.*bvult.*$/success/', MISSING))

    def test_values_in_hexadecimal(self):
        text = '(declare-const x (_ BitVec 8))\n(assert (= x #x05))\n(check-sat)\n(get-value (x))\n(get-model)\n'
        self.assertEqual(self.categories('', text), set())
        self.assertEqual(self.categories('s/#b00000101/#x05/', text), {'value-format'})


if __name__ == '__main__':
    unittest.main()
