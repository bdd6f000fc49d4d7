"""A campaign: every (solver, instance) pair of a suite, run in parallel,
each record appended to results.jsonl as soon as its run ends, with a
progress line and loud messages for wrong answers and disagreements.
"""

import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from . import checks
from .results import ResultStore
from .runner import ProcessRegistry, run_one


class Progress:
    """Counts of finished runs and an estimate of the time left, on stderr.

    On a terminal one line is redrawn in place; otherwise (CI logs) a plain
    line is printed every `interval` seconds.
    """

    COUNTED = ("solved", "wrong", "timeout")

    def __init__(self, total, stream=None, interval=30.0):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = stream.isatty()
        self.interval = interval
        self.start = time.monotonic()
        self.last_plain = self.start
        self.counts = {}
        self.done = 0
        self.lock = threading.Lock()

    def add(self, status):
        with self.lock:
            self.done += 1
            self.counts[status] = self.counts.get(status, 0) + 1

    def line(self):
        """The progress text: counts, elapsed time, estimated time left."""
        elapsed = time.monotonic() - self.start
        other = self.done - sum(self.counts.get(k, 0) for k in self.COUNTED)
        text = (f"[{self.done}/{self.total}] solved {self.counts.get('solved', 0)}"
                f"  wrong {self.counts.get('wrong', 0)}  timeout {self.counts.get('timeout', 0)}"
                f"  other {other}  elapsed {_clock(elapsed)}")
        if 0 < self.done < self.total:
            text += f"  left ~{_clock(elapsed / self.done * (self.total - self.done))}"
        return text

    def refresh(self, force=False):
        """Redraw (terminal) or print a line when the interval has passed."""
        with self.lock:
            if self.tty:
                self.stream.write("\r" + self.line() + "\x1b[K")
                self.stream.flush()
            elif force or time.monotonic() - self.last_plain >= self.interval:
                self.last_plain = time.monotonic()
                print(self.line(), file=self.stream, flush=True)

    def message(self, text):
        """Print a message without mangling the progress line."""
        with self.lock:
            if self.tty:
                self.stream.write("\r\x1b[K")
            print(text, file=self.stream, flush=True)

    def finish(self):
        self.refresh(force=True)
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds):
    """Seconds as h:mm:ss."""
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Campaign:
    """Runs every (solver, instance) pair not yet in the results, `jobs` at a
    time, appending each record as soon as its run ends."""

    def __init__(self, instances, solvers, limits, out_dir, jobs=1, rerun=False,
                 scratch=None, keep_logs=False, stream=None):
        self.instances = instances
        self.solvers = solvers
        self.limits = limits
        self.store = ResultStore(out_dir)
        self.logs_dir = os.path.join(out_dir, "logs")
        self.jobs = max(1, jobs)
        self.rerun = rerun
        self.scratch_parent = scratch
        self.keep_logs = keep_logs
        self.stream = stream or sys.stderr
        self.registry = ProcessRegistry()
        self.lock = threading.Lock()
        self.answers = {}
        self.alarms = []

    def pending(self, previous):
        """The runs still to do, instance by instance (so that all solvers'
        answers on an instance are soon available for cross-checking)."""
        done = {(r["solver"], r["instance"]) for r in previous}
        return [(instance, solver) for instance in self.instances for solver in self.solvers
                if solver.supports(instance.kind)
                and (self.rerun or (solver.name, instance.path) not in done)]

    def run(self):
        """Run the campaign; returns the number of runs done.

        KeyboardInterrupt (also raised for SIGTERM by the CLI) kills the
        running solvers and propagates; the runs recorded so far are kept,
        so running the same command again resumes.
        """
        previous = self.store.load()
        for record in previous:
            self.answers.setdefault(record["instance"], {})[record["solver"]] = record
        tasks = self.pending(previous)
        skipped = sum(1 for i in self.instances for s in self.solvers if not s.supports(i.kind))
        if skipped:
            print(f"note: {skipped} runs skipped: solver does not take that input language", file=self.stream)
        if len(previous) and not self.rerun:
            print(f"resuming: {len(previous)} runs already in {self.store.path}, {len(tasks)} to do",
                  file=self.stream)
        progress = Progress(len(tasks), self.stream)
        scratch = tempfile.mkdtemp(prefix="bench-", dir=self.scratch_parent)
        try:
            with ThreadPoolExecutor(max_workers=self.jobs) as pool:
                futures = {pool.submit(self._task, inst, solver, scratch, progress)
                           for inst, solver in tasks}
                try:
                    self._wait(futures, progress)
                except BaseException:
                    self.registry.abort()
                    for future in futures:
                        future.cancel()
                    raise
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            progress.finish()
        return progress.done

    def _wait(self, futures, progress):
        """Wait for the runs, refreshing the progress line every second."""
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()
            progress.refresh()

    def _task(self, instance, solver, scratch, progress):
        """One run in a worker thread: run, record, cross-check."""
        record = run_one(instance, solver, self.limits, scratch, self.registry,
                         self.logs_dir, self.keep_logs)
        if self.registry.aborted:
            return
        with self.lock:
            self.store.append(record)
            progress.add(record["status"])
            self._check_record(record, progress)

    def _check_record(self, record, progress):
        """Loud messages for wrong answers and for disagreements between solvers."""
        if record["status"] == "wrong":
            self._alarm(progress, f"WRONG: {record['solver']} on {record['instance']}: {record['reason']}")
        elif record["status"] == "solved" and checks.answers_conflict(record["answer"], record["expected"]):
            self._alarm(progress, f"EXPECTED ANSWER WRONG? {record['solver']} on {record['instance']}: "
                                  f"{record['reason']}")
        seen = self.answers.setdefault(record["instance"], {})
        seen[record["solver"]] = record
        for other in seen.values():
            if other["solver"] != record["solver"] and checks.answers_conflict(record["answer"], other["answer"]):
                self._alarm(progress, f"DISAGREEMENT on {record['instance']}: {record['solver']} says "
                                      f"{record['answer']}, {other['solver']} says {other['answer']}")

    def _alarm(self, progress, text):
        self.alarms.append(text)
        progress.message(("\x1b[1;31m" if progress.tty else "") + "!!! " + text
                         + ("\x1b[0m" if progress.tty else ""))
