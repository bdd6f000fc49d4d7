"""Parsing of each solver's output format (checks.parse_*)."""

import unittest

import support  # noqa: F401  (sets the import path)
from benchlib import checks


def lines(text):
    return [line.encode() + b"\n" for line in text.splitlines()]


class CompetitionOutput(unittest.TestCase):
    def test_sat_with_model_over_several_v_lines(self):
        out = checks.parse_competition(lines("c wang 0.1\ns SATISFIABLE\nv 1 -2\nv 3 0\n"))
        self.assertEqual(out.answers, ["sat"])
        self.assertEqual(out.model, {b"1", b"-2", b"3"})
        self.assertTrue(out.model_terminated)
        self.assertEqual(out.model_error, "")

    def test_unsat_and_unknown(self):
        self.assertEqual(checks.parse_competition(lines("s UNSATISFIABLE\n")).answer, "unsat")
        out = checks.parse_competition(lines("c limit reached\ns UNKNOWN\n"))
        self.assertEqual(out.answer, "unknown")
        self.assertIsNone(out.model)

    def test_no_answer(self):
        out = checks.parse_competition(lines("c parse error\n"))
        self.assertIsNone(out.answer)
        self.assertIsNone(out.model)

    def test_truncated_model_is_an_error(self):
        out = checks.parse_competition(lines("s SATISFIABLE\nv 1 2\n"))
        self.assertIn("not terminated", out.model_error)

    def test_conflicting_literals_are_an_error(self):
        out = checks.parse_competition(lines("s SATISFIABLE\nv 1 -1 0\n"))
        self.assertIn("both ways", out.model_error)

    def test_garbage_in_model(self):
        out = checks.parse_competition(lines("s SATISFIABLE\nv 1 x 0\n"))
        self.assertIn("not a literal", out.model_error)

    def test_strange_answer_line(self):
        out = checks.parse_competition(lines("s MAYBE\n"))
        self.assertEqual(out.answers, ["unknown"])
        self.assertTrue(out.errors)


class MinisatOutput(unittest.TestCase):
    def test_result_file_sat_with_model(self):
        out = checks.parse_minisat(lines("SATISFIABLE\n"), lines("SAT\n1 -2 3 0\n"))
        self.assertEqual(out.answer, "sat")
        self.assertEqual(out.model, {b"1", b"-2", b"3"})

    def test_result_file_unsat_and_indet(self):
        self.assertEqual(checks.parse_minisat([], lines("UNSAT\n")).answer, "unsat")
        self.assertEqual(checks.parse_minisat([], lines("INDET\n")).answer, "unknown")

    def test_stdout_when_no_result_file(self):
        out = checks.parse_minisat(lines("WARNING: for repeatability\nUNSATISFIABLE\n"))
        self.assertEqual(out.answer, "unsat")
        out = checks.parse_minisat(lines("SATISFIABLE\n"))
        self.assertEqual(out.answer, "sat")
        self.assertIsNone(out.model)

    def test_empty_result_file_falls_back_to_stdout(self):
        self.assertEqual(checks.parse_minisat(lines("SATISFIABLE\n"), []).answer, "sat")


class SmtlibOutput(unittest.TestCase):
    def test_single_answers(self):
        for word in ("sat", "unsat", "unknown"):
            self.assertEqual(checks.parse_smtlib(lines(word + "\n")).answer, word)

    def test_sequence_ignores_models_and_values(self):
        text = "unsat\nsat\n(model\n  (define-fun x () (_ BitVec 4) #x3)\n)\n((x #x3))\nunknown\n"
        self.assertEqual(checks.parse_smtlib(lines(text)).answer, "unsat,sat,unknown")

    def test_errors_are_collected(self):
        out = checks.parse_smtlib(lines('(error "line 3: unknown command")\nsat\n'))
        self.assertEqual(out.answer, "sat")
        self.assertEqual(len(out.errors), 1)

    def test_words_inside_lines_are_not_answers(self):
        self.assertIsNone(checks.parse_smtlib(lines("c the formula is sat\n; unsat\n")).answer)


class Z3DimacsOutput(unittest.TestCase):
    def test_model_without_final_zero(self):
        out = checks.parse_z3_dimacs(lines("s SATISFIABLE\nv 1 -2 3 \n"))
        self.assertEqual(out.answer, "sat")
        self.assertEqual(out.model, {b"1", b"-2", b"3"})
        self.assertEqual(out.model_error, "")

    def test_unsat(self):
        self.assertEqual(checks.parse_z3_dimacs(lines("s UNSATISFIABLE\n")).answer, "unsat")

    def test_parse_error_voids_the_answer(self):
        out = checks.parse_z3_dimacs(lines('(error, "unexpected char: 253 line: 0")\ns SATISFIABLE\nv \n'))
        self.assertIsNone(out.answer)
        self.assertIsNone(out.model)
        self.assertTrue(out.errors)


class AutoOutput(unittest.TestCase):
    def test_detects_each_format(self):
        self.assertEqual(checks.parse_auto(lines("s UNSATISFIABLE\n")).answer, "unsat")
        self.assertEqual(checks.parse_auto(lines("sat\nunsat\n")).answer, "sat,unsat")
        self.assertEqual(checks.parse_auto(lines("UNSATISFIABLE\n")).answer, "unsat")
        self.assertEqual(checks.parse_output(checks.AUTO, lines("s SATISFIABLE\nv 1 0\n")).model, {b"1"})


class Answers(unittest.TestCase):
    def test_conflicts(self):
        self.assertTrue(checks.answers_conflict("sat", "unsat"))
        self.assertFalse(checks.answers_conflict("sat", "unknown"))
        self.assertFalse(checks.answers_conflict(None, "unsat"))
        self.assertTrue(checks.answers_conflict("unsat,sat", "unsat,unsat"))
        self.assertFalse(checks.answers_conflict("unsat", "unsat,sat"))

    def test_disagreements(self):
        found = checks.disagreements({"a": "sat", "b": "unsat", "c": None, "d": "sat"})
        self.assertEqual(found, [("a", "sat", "b", "unsat"), ("b", "unsat", "d", "sat")])


if __name__ == "__main__":
    unittest.main()
