"""PAR-2, virtual best solver, unique solves, reconciliation (benchlib.stats)."""

import unittest

import support  # noqa: F401
from benchlib import stats


def rec(solver, instance, status, wall=None, answer=None, model=None, family="f", expected="unknown"):
    return {"solver": solver, "instance": instance, "name": instance, "family": family,
            "expected": expected, "status": status, "wall": wall, "answer": answer,
            "model": model, "timeout": 10.0, "reason": "", "command": solver}


class Scores(unittest.TestCase):
    def setUp(self):
        # timeout 10 s, so every unsolved run costs 20 s
        self.records = [
            rec("a", "i1", "solved", 1.0, "sat", "valid"),
            rec("b", "i1", "solved", 2.0, "sat", "valid"),
            rec("a", "i2", "timeout", 10.0),
            rec("b", "i2", "solved", 4.0, "unsat"),
            rec("a", "i3", "solved", 3.0, "unsat", family="g"),
            rec("b", "i3", "memout", 0.5, family="g"),
            rec("a", "i4", "error", 0.1, family="g"),
            rec("b", "i4", "timeout", 10.0, family="g"),
        ]
        self.summary = stats.summarize(self.records)

    def test_par2(self):
        self.assertEqual(self.summary.timeout, 10.0)
        self.assertAlmostEqual(self.summary.stats["a"].par2, 1 + 20 + 3 + 20)
        self.assertAlmostEqual(self.summary.stats["b"].par2, 2 + 4 + 20 + 20)
        self.assertAlmostEqual(self.summary.stats["a"].mean_par2, 44 / 4)

    def test_counts(self):
        a, b = self.summary.stats["a"], self.summary.stats["b"]
        self.assertEqual((a.solved, a.sat, a.unsat, a.timeout, a.error), (2, 1, 1, 1, 1))
        self.assertEqual((b.solved, b.sat, b.unsat, b.timeout, b.memout), (2, 1, 1, 1, 1))
        self.assertEqual(a.models_valid, 1)

    def test_virtual_best_solver(self):
        vbs = self.summary.stats[stats.VBS]
        self.assertEqual(vbs.solved, 3)
        self.assertAlmostEqual(vbs.par2, 1 + 4 + 3 + 20)
        self.assertEqual((vbs.sat, vbs.unsat), (1, 2))

    def test_unique(self):
        self.assertEqual(self.summary.stats["a"].unique, 1)   # i3
        self.assertEqual(self.summary.stats["b"].unique, 1)   # i2

    def test_families(self):
        families = {f: (n, s) for f, n, s in self.summary.families}
        self.assertEqual(families["f"][0], 2)
        self.assertEqual(families["g"][1]["a"].solved, 1)
        self.assertEqual(families["g"][1]["b"].solved, 0)
        self.assertEqual(families["g"][1][stats.VBS].solved, 1)

    def test_missing_runs_count_as_unsolved(self):
        summary = stats.summarize(self.records + [rec("c", "i1", "solved", 0.5, "sat", "valid")])
        c = summary.stats["c"]
        self.assertEqual((c.solved, c.missing), (1, 3))
        self.assertAlmostEqual(c.par2, 0.5 + 3 * 20)
        self.assertAlmostEqual(summary.stats[stats.VBS].par2, 0.5 + 4 + 3 + 20)

    def test_cactus_and_scatter_data(self):
        series = stats.cactus_series(self.summary)
        self.assertEqual(series["a"], [1.0, 3.0])
        self.assertEqual(series[stats.VBS], [1.0, 3.0, 4.0])
        points = stats.scatter_points(self.summary, "a", "b")
        self.assertIn((None, 4.0, "unsat"), points)
        self.assertIn((None, None, "unknown"), points)

    def test_explicit_timeout_and_order(self):
        summary = stats.summarize(self.records, timeout=100.0, order=["b", "a"])
        self.assertEqual(summary.solvers, ["b", "a"])
        self.assertAlmostEqual(summary.stats["a"].par2, 1 + 200 + 3 + 200)


class Reconcile(unittest.TestCase):
    def test_unsat_against_a_verified_model_is_wrong(self):
        records = [rec("a", "i", "solved", 1.0, "sat", "valid"), rec("b", "i", "solved", 1.0, "unsat")]
        summary = stats.summarize(records)
        self.assertEqual(summary.stats["b"].wrong, 1)
        self.assertEqual(summary.stats["b"].solved, 0)
        self.assertIn("model satisfies", summary.wrong[0]["reason"])
        self.assertEqual(len(summary.disagreements), 1)

    def test_unverified_disagreement_is_only_reported(self):
        records = [rec("a", "i", "solved", 1.0, "sat", "unchecked"), rec("b", "i", "solved", 1.0, "unsat")]
        summary = stats.summarize(records)
        self.assertEqual(summary.wrong, [])
        path, pairs = summary.disagreements[0]
        self.assertEqual((path, pairs), ("i", [("a", "sat", "b", "unsat")]))

    def test_manifest_contradicted_by_a_model(self):
        records = [rec("a", "i", "solved", 1.0, "sat", "valid", expected="unsat")]
        self.assertEqual(len(stats.summarize(records).expected_contradicted), 1)


if __name__ == "__main__":
    unittest.main()
