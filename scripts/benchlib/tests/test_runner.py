"""Running one process under limits, judging runs, and resuming (benchlib.runner, results)."""

import json
import os
import signal
import sys
import tempfile
import time
import unittest

import support
from benchlib import campaign as campaigns, checks, results, runner, solvers, suites


class Execute(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)
        self.out = os.path.join(self.dir.name, "out")
        self.err = os.path.join(self.dir.name, "err")

    def test_exit_code_cpu_time_and_memory(self):
        code = "import sys\nx = bytearray(80 << 20)\nt = 0\nfor i in range(3_000_000): t += i\nsys.exit(20)"
        ex = runner.execute([sys.executable, "-c", code], runner.Limits(30), self.out, self.err)
        self.assertEqual((ex.exit_code, ex.signal, ex.timed_out), (20, None, False))
        self.assertGreater(ex.cpu, 0.05)
        self.assertGreater(ex.maxrss_mib, 80)
        self.assertGreaterEqual(ex.wall, ex.cpu * 0.5)

    def test_small_solver_is_not_charged_for_the_harness(self):
        ballast = bytearray(64 << 20)   # a fork copies this into the child's ru_maxrss
        ballast[::4096] = b"x" * len(ballast[::4096])
        ex = runner.execute(["sleep", "0.3"], runner.Limits(5), self.out, self.err)
        self.assertIsNotNone(ex.maxrss_mib)
        self.assertLess(ex.maxrss_mib, 32)

    def test_peak_memory_rule(self):
        self.assertEqual(runner._peak_memory(500.0, 20.0, 400.0), 500.0)   # above the floor: exact
        self.assertEqual(runner._peak_memory(20.0, 20.0, 3.5), 3.5)        # below: sampled VmHWM
        self.assertIsNone(runner._peak_memory(20.0, 20.0, None))          # too short to sample

    def test_timeout_kills_the_group(self):
        piddir = os.path.join(self.dir.name, "pids")
        os.mkdir(piddir)
        script = support.write_script(os.path.join(self.dir.name, "hang.sh"),
                                      support.HANGING_SOLVER.format(piddir=piddir))
        start = time.monotonic()
        ex = runner.execute([script], runner.Limits(0.5), self.out, self.err)
        elapsed = time.monotonic() - start
        self.assertTrue(ex.timed_out)
        self.assertEqual(ex.signal, signal.SIGKILL)   # it ignores SIGTERM
        self.assertLess(elapsed, 0.5 + runner.KILL_GRACE + 2)
        (pidfile,) = os.listdir(piddir)
        with open(os.path.join(piddir, pidfile)) as f:
            child = int(f.read())
        deadline = time.monotonic() + 2
        while not support.process_gone(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertTrue(support.process_gone(child), "the solver's child survived")

    def test_sigterm_is_enough_for_a_polite_solver(self):
        ex = runner.execute(["sleep", "30"], runner.Limits(0.3), self.out, self.err)
        self.assertTrue(ex.timed_out)
        self.assertEqual(ex.signal, signal.SIGTERM)
        self.assertLess(ex.wall, 0.3 + runner.KILL_GRACE)

    def test_memory_limit(self):
        instance = suites.Instance(support.write_file(os.path.join(self.dir.name, "f.cnf"), "p cnf 1 1\n1 0\n"),
                                   "f.cnf", "x", expected="sat")
        (hog,) = solvers.resolve_solvers([f"hog={sys.executable} -c 'x = bytearray(1 << 31)' {{}}"])
        record = runner.run_one(instance, hog, runner.Limits(20, memory_mib=300), self.dir.name)
        self.assertEqual(record["status"], "memout", record)


def instance(expected="sat", kind="cnf", incremental=False):
    path = "/nonexistent/f." + kind
    return suites.Instance(path, "f", "fam", expected=expected, incremental=incremental)


def execution(exit_code=10, timed_out=False, signal_=None):
    return runner.Execution(wall=1.0, cpu=1.0, maxrss_mib=10, exit_code=exit_code, signal=signal_,
                            timed_out=timed_out)


def outcome(answers, model=None, model_error=""):
    return checks.Outcome(answers=answers, model=model, model_terminated=True, model_error=model_error)


GOOD = checks.ModelCheck(True, 3)
BAD = checks.ModelCheck(False, 1, "clause 1 is falsified: 1 0")


class Judge(unittest.TestCase):
    def setUp(self):
        self.defs = solvers.builtin_solvers("/x/wang")

    def judge(self, inst, out, ex, solver="cadical", memout=False, check=GOOD):
        return runner.judge(inst, self.defs[solver], out, ex, memout, check_model=lambda p, m: check)

    def test_solved_sat_with_valid_model(self):
        self.assertEqual(self.judge(instance(), outcome(["sat"], {b"1"}), execution()), ("solved", "", "valid"))

    def test_invalid_model_is_wrong(self):
        status, reason, model = self.judge(instance(), outcome(["sat"], {b"1"}), execution(), check=BAD)
        self.assertEqual((status, model), ("wrong", "invalid"))
        self.assertIn("clause 1", reason)

    def test_missing_model_is_wrong_for_solvers_that_print_one(self):
        self.assertEqual(self.judge(instance(), outcome(["sat"]), execution())[0], "wrong")
        (custom,) = solvers.resolve_solvers(["c=./x {}"])
        status, _, model = runner.judge(instance(), custom, outcome(["sat"]), execution(), False)
        self.assertEqual((status, model), ("solved", "unchecked"))

    def test_contradicting_the_expected_answer(self):
        status, reason, _ = self.judge(instance("unsat"), outcome(["sat"]), execution())
        self.assertEqual(status, "wrong")
        self.assertIn("expected unsat", reason)
        self.assertEqual(self.judge(instance("sat"), outcome(["unsat"]), execution(20))[0], "wrong")

    def test_verified_model_beats_the_manifest(self):
        status, reason, model = self.judge(instance("unsat"), outcome(["sat"], {b"1"}), execution())
        self.assertEqual((status, model), ("solved", "valid"))
        self.assertIn("contradicts", reason)

    def test_wrong_even_when_it_then_times_out(self):
        self.assertEqual(self.judge(instance("unsat"), outcome(["sat"]), execution(None, True, 9))[0], "wrong")

    def test_timeout_memout_error_unknown(self):
        self.assertEqual(self.judge(instance(), outcome([]), execution(None, True, 15))[0], "timeout")
        self.assertEqual(self.judge(instance(), outcome([]), execution(None, False, 9), memout=True)[0], "memout")
        self.assertEqual(self.judge(instance(), outcome([]), execution(1))[:1], ("error",))
        self.assertEqual(self.judge(instance(), outcome(["unknown"]), execution(0))[0], "unknown")

    def test_exit_code_must_match_the_answer(self):
        status, reason, _ = self.judge(instance("unsat"), outcome(["unsat"]), execution(10))
        self.assertEqual(status, "error")
        self.assertIn("exit code", reason)
        self.assertEqual(self.judge(instance("unsat"), outcome(["unsat"]), execution(0), solver="z3")[0], "solved")

    def test_several_answers_to_one_question(self):
        self.assertEqual(self.judge(instance(), outcome(["sat", "sat"], {b"1"}), execution())[0], "error")

    def test_smt(self):
        smt = instance("sat", "smt2")
        self.assertEqual(self.judge(smt, outcome(["sat"]), execution(0), solver="wang"),
                         ("solved", "", "checked-by-solver"))
        self.assertEqual(self.judge(smt, outcome(["sat"]), execution(0), solver="z3"), ("solved", "", "unchecked"))
        inc = instance("unsat,sat", "smt2", incremental=True)
        self.assertEqual(self.judge(inc, outcome(["unsat", "sat"]), execution(0), solver="cvc5")[0], "solved")
        self.assertEqual(self.judge(inc, outcome(["unsat", "unsat"]), execution(0), solver="cvc5")[0], "wrong")
        self.assertEqual(self.judge(inc, outcome(["unsat"]), execution(0), solver="cvc5")[0], "error")
        self.assertEqual(self.judge(inc, outcome(["unsat"]), execution(None, True, 15), solver="cvc5")[0], "timeout")


class Resume(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def test_store_survives_a_torn_line(self):
        store = results.ResultStore(self.dir.name)
        store.append({"solver": "a", "instance": "i1", "status": "solved"})
        with open(store.path, "a") as f:
            f.write('{"solver": "a", "inst')   # killed while writing
        store.append({"solver": "a", "instance": "i2", "status": "timeout"})
        loaded = store.load(warn=False)
        self.assertEqual([r["instance"] for r in loaded], ["i1", "i2"])

    def test_pending_skips_recorded_pairs(self):
        suite = suites.load_suite(support.write_tiny_suite(self.dir.name))
        defs = solvers.resolve_solvers(["cadical", "z3"])
        done = [{"solver": "cadical", "instance": suite[0].path}, {"solver": "z3", "instance": suite[1].path}]
        campaign = campaigns.Campaign(suite, defs, runner.Limits(1), self.dir.name)
        pending = [(i.path, s.name) for i, s in campaign.pending(done)]
        self.assertEqual(len(pending), 2 * len(suite) - 2)
        self.assertNotIn((suite[0].path, "cadical"), pending)
        self.assertIn((suite[0].path, "z3"), pending)
        campaign.rerun = True
        self.assertEqual(len(campaign.pending(done)), 2 * len(suite))

    def test_latest_record_wins(self):
        records = [{"solver": "a", "instance": "i", "status": "timeout"},
                   {"solver": "b", "instance": "i", "status": "solved"},
                   {"solver": "a", "instance": "i", "status": "solved"}]
        latest = results.latest_records(records)
        self.assertEqual([(r["solver"], r["status"]) for r in latest], [("a", "solved"), ("b", "solved")])

    def test_campaign_file(self):
        results.add_campaign_run(self.dir.name, {"timeout": 5})
        results.add_campaign_run(self.dir.name, {"timeout": 6})
        self.assertEqual([r["timeout"] for r in results.read_campaign(self.dir.name)["runs"]], [5, 6])
        with open(os.path.join(self.dir.name, "campaign.json")) as f:
            json.load(f)


if __name__ == "__main__":
    unittest.main()
