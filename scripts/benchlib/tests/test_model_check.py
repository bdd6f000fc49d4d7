"""The streaming model checker (checks.check_model)."""

import os
import random
import tempfile
import unittest
from unittest import mock

import support
from benchlib import checks


def model(*lits):
    return {b"%d" % lit for lit in lits}


class ModelCheck(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def cnf(self, text, name="f.cnf"):
        return support.write_file(os.path.join(self.dir.name, name), text)

    def test_good_model(self):
        path = self.cnf("c comment\np cnf 3 3\n1 2 0\n-1 3 0\n-2 -3 0\n")
        result = checks.check_model(path, model(1, -2, 3))
        self.assertTrue(result.ok)
        self.assertEqual(result.clauses, 3)

    def test_bad_model_names_the_clause(self):
        path = self.cnf("p cnf 3 3\n1 2 0\n-1 3 0\n-2 -3 0\n")
        result = checks.check_model(path, model(1, -2, -3))
        self.assertFalse(result.ok)
        self.assertIn("clause 2", result.message)
        self.assertIn("-1 3 0", result.message)

    def test_unassigned_variable_does_not_satisfy(self):
        self.assertFalse(checks.check_model(self.cnf("p cnf 2 1\n1 2 0\n"), model(-1)).ok)

    def test_layout_free_clauses(self):
        # several clauses per line, clauses across lines, tabs, comments in between
        path = self.cnf("p cnf 4 4\n1 2 0 -1\n  3 0\nc mid\n\t-3 4 0 -4 -2\n0\n")
        self.assertTrue(checks.check_model(path, model(1, -2, 3, 4)).ok)
        self.assertFalse(checks.check_model(path, model(1, 2, 3, 4)).ok)

    def test_satlib_percent_terminator(self):
        path = self.cnf("p cnf 2 1\n1 2 0\n%\n0\n\n")
        self.assertTrue(checks.check_model(path, model(1, 2)).ok)

    def test_empty_clause_is_never_satisfied(self):
        self.assertFalse(checks.check_model(self.cnf("p cnf 1 2\n1 0\n0\n"), model(1)).ok)

    def test_unterminated_last_clause(self):
        result = checks.check_model(self.cnf("p cnf 2 1\n1 2"), model(1, 2))
        self.assertFalse(result.ok)
        self.assertIn("not terminated", result.message)

    def test_non_canonical_literals(self):
        self.assertTrue(checks.check_model(self.cnf("p cnf 2 1\n+1 02 0\n"), model(-1, 2)).ok)

    def test_not_a_literal(self):
        with self.assertRaises(checks.CNFError):
            checks.check_model(self.cnf("p cnf 2 1\n1 x 0\n"), model(-1))

    def test_compressed_inputs_by_magic_bytes(self):
        for name in ("f.cnf.gz", "f.cnf.xz", "misnamed.cnf"):
            text = "p cnf 2 2\n1 2 0\n-1 0\n"
            path = self.cnf(text, name if name != "misnamed.cnf" else "tmp.cnf.gz")
            if name == "misnamed.cnf":
                os.rename(path, os.path.join(self.dir.name, name))
                path = os.path.join(self.dir.name, name)
            self.assertTrue(checks.check_model(path, model(-1, 2)).ok, name)
            self.assertFalse(checks.check_model(path, model(1, 2)).ok, name)

    def test_chunk_boundaries(self):
        # random 3-CNF satisfied by a planted model, read in tiny chunks
        rng = random.Random(7)
        planted = {v: rng.choice((1, -1)) for v in range(1, 60)}
        clauses = []
        for _ in range(400):
            lits = [rng.choice((1, -1)) * rng.randint(1, 59) for _ in range(3)]
            if not any(planted[abs(l)] * l > 0 for l in lits):
                lits[0] = -lits[0]
            clauses.append(" ".join(map(str, lits)) + " 0")
        path = self.cnf("c planted\np cnf 59 400\n" + "\n".join(clauses) + "\n")
        good = model(*(v * s for v, s in planted.items()))
        for chunk in (7, 64, 1000):
            with mock.patch.object(checks, "CHUNK", chunk):
                result = checks.check_model(path, good)
                self.assertTrue(result.ok, chunk)
                self.assertEqual(result.clauses, 400)
                flipped = {b"%d" % -int(t) for t in good}
                self.assertFalse(checks.check_model(path, flipped).ok)


if __name__ == "__main__":
    unittest.main()
