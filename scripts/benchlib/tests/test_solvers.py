"""Solver definitions: built-ins, NAME=CMD, config files (benchlib.solvers)."""

import os
import tempfile
import unittest

import support  # noqa: F401
from benchlib import checks, solvers


class Solvers(unittest.TestCase):
    def test_builtins_have_commands(self):
        defs = solvers.builtin_solvers("/x/wang")
        for name in ("wang", "minisat", "cadical", "kissat", "cryptominisat5", "picosat", "z3",
                     "boolector", "bitwuzla", "cvc5"):
            self.assertIn(name, defs)
        self.assertEqual(defs["minisat"].argv("cnf", "in.cnf", "out"), ["minisat", "-verb=0", "in.cnf", "out"])
        self.assertEqual(defs["z3"].argv("cnf", "f", "o"), ["z3", "-dimacs", "f"])
        self.assertEqual(defs["z3"].argv("smt2", "f", "o"), ["z3", "f"])
        self.assertEqual(defs["cvc5"].argv("smt2", "f", "o", incremental=True), ["cvc5", "--incremental", "f"])
        self.assertFalse(defs["cvc5"].supports("cnf"))
        self.assertEqual(defs["wang"].argv("cnf", "f", "o"), ["/x/wang", "f"])
        self.assertNotIn("xz", defs["minisat"].reads)

    def test_custom_command(self):
        (mine,) = solvers.resolve_solvers(["mine=./my-solver --fast"], wang="/x/wang")
        self.assertEqual(mine.name, "mine")
        self.assertTrue(mine.custom)
        self.assertEqual(mine.argv("cnf", "f.cnf", "o")[1:], ["--fast", "f.cnf"])
        self.assertEqual(mine.output_format("cnf"), checks.AUTO)
        self.assertFalse(mine.prints_model)
        self.assertEqual(mine.reads, frozenset())

    def test_custom_command_inherits_from_a_builtin(self):
        wang1, cad = solvers.resolve_solvers(["w1=wang --seed 1 {}", "cad=/usr/bin/cadical -q {}"], wang="/x/wang")
        self.assertEqual(wang1.argv("cnf", "f", "o"), ["/x/wang", "--seed", "1", "f"])
        self.assertTrue(wang1.exit_codes and wang1.checks_own_models)
        self.assertIn("xz", cad.reads)
        self.assertIsNone(cad.smt2)

    def test_unknown_and_duplicate(self):
        with self.assertRaisesRegex(solvers.SolverError, "unknown solver"):
            solvers.resolve_solvers(["nosuch"])
        with self.assertRaisesRegex(solvers.SolverError, "twice"):
            solvers.resolve_solvers(["z3", "z3"])

    def test_availability(self):
        with self.assertRaisesRegex(solvers.SolverError, "not on PATH"):
            solvers.resolve_solvers(["x=no-such-program-here {}"])[0].check_available()
        with self.assertRaisesRegex(solvers.SolverError, "not an executable"):
            solvers.resolve_solvers(["wang"], wang="/nonexistent/wang")[0].check_available()

    def test_config_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "solvers.ini")
            with open(path, "w") as f:
                f.write("[wang]\npath = bin/wang\n\n[fast]\nbase = cadical\ncnf = cadical -q --sat {}\n\n"
                        "[other]\ncnf = ./tool {}\nreads = gz\ncnf_format = competition\nprints_model = yes\n")
            wang, fast, other = solvers.resolve_solvers(["wang", "fast", "other"], config=path)
            self.assertEqual(wang.cnf[0], os.path.join(tmp, "bin", "wang"))
            self.assertEqual(fast.argv("cnf", "f", "o"), ["cadical", "-q", "--sat", "f"])
            self.assertIn("xz", fast.reads)
            self.assertEqual(other.cnf[0], os.path.join(tmp, "tool"))
            self.assertEqual((other.reads, other.cnf_format, other.prints_model),
                             (frozenset({"gz"}), checks.COMPETITION, True))
            with open(path, "a") as f:
                f.write("\n[bad]\ncnf = x {}\ncnf_format = nonsense\n")
            with self.assertRaisesRegex(solvers.SolverError, "cnf_format"):
                solvers.resolve_solvers(["bad"], config=path)


if __name__ == "__main__":
    unittest.main()
