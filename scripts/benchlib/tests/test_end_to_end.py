"""A whole campaign on a tiny suite with fake solvers: one correct, one that
answers wrong on purpose, one that hangs and leaves a child behind."""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from contextlib import redirect_stderr, redirect_stdout

import support
from benchlib import cli, plots

BENCH = os.path.join(support.SCRIPTS, "bench")
TIMEOUT = "1"


class EndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = cls.tmp.name
        cls.manifest = support.write_tiny_suite(os.path.join(root, "suite"))
        cls.piddir = os.path.join(root, "pids")
        os.mkdir(cls.piddir)
        cls.good = support.write_script(os.path.join(root, "good.py"),
                                        support.GOOD_SOLVER.format(python=sys.executable))
        cls.wrong = support.write_script(os.path.join(root, "wrong.sh"), support.WRONG_SOLVER)
        cls.hang = support.write_script(os.path.join(root, "hang.sh"),
                                        support.HANGING_SOLVER.format(piddir=cls.piddir))
        cls.out = os.path.join(root, "out")
        cls.status, cls.stderr = cls.bench("run", "--suite", cls.manifest, "--solver", f"good={cls.good} {{}}",
                                           "--solver", f"bad={cls.wrong} {{}}", "--solver", f"hang={cls.hang}",
                                           "--timeout", TIMEOUT, "--memory", "1000", "--jobs", "2",
                                           "--out", cls.out)
        cls.records = cls.load()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def bench(cls, *args):
        """Run the CLI in-process; returns (exit status, stderr text)."""
        err = io.StringIO()
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            status = cli.main(list(args))
        return status, err.getvalue()

    @classmethod
    def load(cls):
        with open(os.path.join(cls.out, "results.jsonl")) as f:
            return [json.loads(line) for line in f]

    def by_solver(self, name):
        return {os.path.basename(r["instance"]): r for r in self.records if r["solver"] == name}

    def test_every_pair_ran_once(self):
        self.assertEqual(len(self.records), 3 * len(support.TINY_CNFS))
        for record in self.records:
            for key in ("solver", "command", "instance", "family", "expected", "answer", "status", "wall",
                        "cpu", "memory_mib", "exit_code", "timestamp"):
                self.assertIn(key, record)

    def test_correct_solver_solves_everything_with_checked_models(self):
        good = self.by_solver("good")
        for name, (_, expected) in support.TINY_CNFS.items():
            self.assertEqual((good[name]["status"], good[name]["answer"]), ("solved", expected), good[name])
            self.assertEqual(good[name]["model"], "valid" if expected == "sat" else None)

    def test_wrong_solver_is_flagged(self):
        bad = self.by_solver("bad")
        self.assertTrue(all(r["status"] == "wrong" for r in bad.values()), bad)
        self.assertIn("expected unsat", bad["unsat1.cnf"]["reason"])
        self.assertIn("invalid model", bad["sat1.cnf"]["reason"])
        self.assertIn("WRONG", self.stderr)
        self.assertIn("DISAGREEMENT", self.stderr)
        self.assertEqual(self.status, cli.EXIT_PROBLEMS)

    def test_hanging_solver_and_its_children_are_killed(self):
        hang = self.by_solver("hang")
        for record in hang.values():
            self.assertEqual(record["status"], "timeout")
            self.assertLess(record["wall"], float(TIMEOUT) + 3)
        children = []
        for name in os.listdir(self.piddir):
            with open(os.path.join(self.piddir, name)) as f:
                children.append(int(f.read()))
        self.assertEqual(len(children), len(support.TINY_CNFS))
        deadline = time.monotonic() + 2
        while not all(map(support.process_gone, children)) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(all(map(support.process_gone, children)), "a child of the hanging solver survived")

    def test_report(self):
        with open(os.path.join(self.out, "report.md")) as f:
            text = f.read()
        for heading in ("## Summary", "## Wrong answers and disagreements", "## Per family", "PAR-2", "VBS"):
            self.assertIn(heading, text)
        self.assertIn("WRONG", text)
        with open(os.path.join(self.out, "report.html")) as f:
            page = f.read()
        self.assertIn("<table>", page)
        if plots.available():
            self.assertIn("data:image/png;base64,", page)

    def test_resume_skips_done_runs(self):
        status, err = self.bench("run", "--suite", self.manifest, "--solver", f"good={self.good} {{}}",
                                 "--timeout", TIMEOUT, "--out", self.out, "--no-report")
        self.assertIn("resuming", err)
        self.assertEqual(len(self.load()), len(self.records))

    def test_command_line_entry_point(self):
        copy = os.path.join(self.tmp.name, "copy")
        shutil.copytree(self.out, copy)
        done = subprocess.run([sys.executable, BENCH, "report", copy, "--no-plots"],
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(done.returncode, cli.EXIT_PROBLEMS, done.stderr)
        self.assertIn("| good |", done.stdout)
        self.assertIn("WRONG", done.stderr)


class Rerun(unittest.TestCase):
    def test_rerun_appends_and_the_newest_record_counts(self):
        with tempfile.TemporaryDirectory() as root:
            manifest = support.write_tiny_suite(os.path.join(root, "suite"))
            good = support.write_script(os.path.join(root, "good.py"),
                                        support.GOOD_SOLVER.format(python=sys.executable))
            out = os.path.join(root, "out")
            args = ["run", "--suite", manifest, "--limit", "2", "--solver", f"good={good}",
                    "--timeout", "5", "--out", out, "--no-report"]
            self.assertEqual(EndToEnd.bench(*args)[0], 0)
            self.assertEqual(EndToEnd.bench(*args, "--rerun")[0], 0)
            with open(os.path.join(out, "results.jsonl")) as f:
                self.assertEqual(len(f.readlines()), 4)


@unittest.skipUnless(plots.available(), "matplotlib is not installed")
class Plots(unittest.TestCase):
    def test_cactus_and_scatter_files(self):
        from benchlib import stats
        records = [
            {"solver": s, "instance": i, "name": i, "family": "f", "expected": "sat", "status": st,
             "wall": w, "answer": "sat" if st == "solved" else None, "model": None, "timeout": 10.0,
             "reason": "", "command": s}
            for s, i, st, w in [("a", "x", "solved", 0.5), ("a", "y", "timeout", 10), ("b", "x", "solved", 2.0),
                                ("b", "y", "solved", 0.001)]]
        with tempfile.TemporaryDirectory() as out:
            made = plots.all_plots(stats.summarize(records), out, log_y=True)
            self.assertEqual([name for _, name in made], ["cactus.png", "scatter-a-vs-b.png"])
            for base in ("cactus", "scatter-a-vs-b"):
                for ext in (".png", ".svg"):
                    self.assertGreater(os.path.getsize(os.path.join(out, base + ext)), 1000)


if __name__ == "__main__":
    unittest.main()
