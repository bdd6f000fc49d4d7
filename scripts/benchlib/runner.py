"""One run: a solver on an instance under limits, measured and judged.

Each run is one child process in its own session (so that the whole process
group can be killed on a timeout), with RLIMIT_AS as memory limit, a
watchdog thread for the wall-clock limit, and os.wait4 for the child's own
CPU time and peak memory (RUSAGE_CHILDREN would mix up parallel runs).
"""

import bz2
import gzip
import lzma
import os
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from . import checks

KILL_GRACE = 1.0      # seconds between SIGTERM and SIGKILL
FIRST_POLL = 0.001    # seconds to the second sample of the solver's memory,
POLL_INTERVAL = 0.05  # doubling up to this interval
LOG_BYTES = 1 << 16   # output kept in logs/ for runs that failed


@dataclass
class Limits:
    """Per-run limits: wall-clock seconds and address space in MiB (None: no limit)."""

    timeout: float
    memory_mib: int = None


@dataclass
class Execution:
    """What the operating system tells about a finished process."""

    wall: float
    cpu: float
    maxrss_mib: float   # None when too short to measure, see _peak_memory
    exit_code: int = None
    signal: int = None
    timed_out: bool = False


def _child_setup(memory_bytes):
    """preexec_fn for the solver: address-space limit and no core dumps.

    It runs between fork and exec, where only async-signal-safe work is
    sound; setrlimit is a plain system call and `resource` is imported
    already, so this is safe even though the harness runs threads.
    """
    def apply():
        if memory_bytes:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _kill_group(pgid, sig):
    """Signal a whole process group, ignoring a group that is already gone."""
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


class _Watchdog(threading.Thread):
    """Kills a run's process group at its deadline (SIGTERM, then SIGKILL),
    and meanwhile samples the solver's VmHWM (see _peak_memory)."""

    def __init__(self, pgid, timeout):
        super().__init__(daemon=True)
        self.pgid = pgid
        self.deadline = time.monotonic() + timeout
        self.finished = threading.Event()
        self.fired = False
        self.hwm_mib = None

    def run(self):
        interval = FIRST_POLL
        self._sample()
        while (left := self.deadline - time.monotonic()) > 0:
            if self.finished.wait(min(interval, left)):
                return
            self._sample()
            interval = min(2 * interval, POLL_INTERVAL)
        self.fired = True
        _kill_group(self.pgid, signal.SIGTERM)
        if not self.finished.wait(KILL_GRACE):
            _kill_group(self.pgid, signal.SIGKILL)

    def _sample(self):
        """Read the high-water mark of the solver's resident memory. The pid
        cannot be reused meanwhile: it is reaped only after this thread ends."""
        try:
            with open(f"/proc/{self.pgid}/status", "rb") as f:
                for line in f:
                    if line.startswith(b"VmHWM:"):
                        self.hwm_mib = max(self.hwm_mib or 0.0, int(line.split()[1]) / 1024.0)
                        return
        except (OSError, ValueError, IndexError):
            pass


def _own_rss_mib():
    """Resident memory of the harness now (what a forked child starts with)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 2 ** 20
    except (OSError, ValueError, IndexError):
        return 0.0


def _peak_memory(maxrss_mib, floor_mib, hwm_mib):
    """The solver's peak resident memory in MiB.

    Linux carries a process's ru_maxrss across exec, so the forked copy of
    the harness (floor_mib) is a lower bound of wait4's ru_maxrss. Above that
    floor ru_maxrss is exact; below it the VmHWM sampled while the solver ran
    is used. None: the run ended before it could be sampled and stayed
    below the floor, so its peak is unknown (and small).
    """
    if maxrss_mib > floor_mib * 1.05 + 1:
        return maxrss_mib
    return hwm_mib


class ProcessRegistry:
    """Process groups of the runs in progress, so that an interrupted
    campaign can kill all of them instead of leaving solvers behind."""

    def __init__(self):
        self._lock = threading.Lock()
        self._groups = set()
        self.aborted = False

    def add(self, pgid):
        with self._lock:
            self._groups.add(pgid)
            if self.aborted:
                _kill_group(pgid, signal.SIGKILL)

    def remove(self, pgid):
        with self._lock:
            self._groups.discard(pgid)

    def abort(self):
        """Kill every running solver; runs finishing afterwards are dropped."""
        with self._lock:
            self.aborted = True
            for pgid in self._groups:
                _kill_group(pgid, signal.SIGKILL)


def execute(argv, limits, stdout_path, stderr_path, registry=None):
    """Run one command to completion under the limits and measure it.

    The leader is first waited for without reaping it (waitid WNOWAIT):
    while it is a zombie its process-group id cannot be reused, so the group
    can safely be SIGKILLed to remove any children it left behind; then
    wait4 reaps it and returns its resource usage (CPU time of the solver
    and of the descendants it waited for; peak memory, see _peak_memory).
    """
    memory = limits.memory_mib * 1024 * 1024 if limits.memory_mib else None
    floor = _own_rss_mib()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                start_new_session=True, preexec_fn=_child_setup(memory))
    pid = proc.pid
    if registry:
        registry.add(pid)
    watchdog = _Watchdog(pid, limits.timeout)
    watchdog.start()
    try:
        os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)
        wall = time.monotonic() - start
        watchdog.finished.set()
        watchdog.join()
        _kill_group(pid, signal.SIGKILL)
        _, status, usage = os.wait4(pid, 0)
    finally:
        if registry:
            registry.remove(pid)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Execution(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        maxrss_mib=_peak_memory(usage.ru_maxrss / 1024.0, floor, watchdog.hwm_mib),
        exit_code=proc.returncode if proc.returncode >= 0 else None,
        signal=-proc.returncode if proc.returncode < 0 else None,
        timed_out=watchdog.fired or wall > limits.timeout,
    )


# ------------------------------------------------------------------ one run

_OPENERS = {"gz": gzip.open, "xz": lzma.open, "bz2": bz2.open}


def prepare_input(instance, solver, workdir):
    """Path to give the solver: the instance itself, or a decompressed copy
    in `workdir` when the solver cannot read the compression."""
    compression = instance.compression
    if not compression or compression in solver.reads:
        return instance.path
    plain = os.path.join(workdir, "input." + instance.kind)
    with _OPENERS[compression](instance.path, "rb") as src, open(plain, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    return plain


_MEMORY_MESSAGES = re.compile(
    rb"out of memory|bad_alloc|MemoryError|Cannot allocate memory|memory exhausted"
    rb"|failed to allocate|allocation failed|std::length_error", re.IGNORECASE)


def _tail(path, size=LOG_BYTES):
    """The last `size` bytes of a file."""
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        f.seek(max(0, f.tell() - size))
        return f.read()


def _head(path, size=LOG_BYTES):
    """The first `size` bytes of a file."""
    with open(path, "rb") as f:
        return f.read(size)


def _looks_like_memout(execution, limits, stdout_path, stderr_path):
    """Heuristic: did the run die of the memory limit?

    RLIMIT_AS makes allocations fail, which solvers report in many ways
    (a message, an abort, a crash), so look for the usual messages, for a
    peak near the limit, or for a SIGKILL we did not send (the OOM killer).
    """
    if execution.timed_out:
        return False
    if execution.signal == signal.SIGKILL:
        return True
    if limits.memory_mib and (execution.maxrss_mib or 0) >= 0.9 * limits.memory_mib:
        return True
    return bool(_MEMORY_MESSAGES.search(_tail(stderr_path)) or _MEMORY_MESSAGES.search(_tail(stdout_path)))


def _failure_reason(execution, outcome, stdout_path, stderr_path):
    """Short description of a run that gave no answer: the solver's own
    error message (last line of stderr, else of stdout) when there is one."""
    if outcome.errors:
        return outcome.errors[0]
    if execution.signal:
        return f"killed by signal {signal.Signals(execution.signal).name}"
    detail = ""
    for path in (stderr_path, stdout_path):
        lines = [l for l in _tail(path, 4096).decode(errors="replace").splitlines() if l.strip()]
        if lines:
            detail = f": {lines[-1].strip()[:160]}"
            break
    return f"no answer, exit code {execution.exit_code}{detail}"


def parse_run_output(solver, kind, stdout_path, result_path):
    """Parse a finished run's stdout (and result file, if the solver wrote one)."""
    with open(stdout_path, "rb") as out:
        if os.path.exists(result_path):
            with open(result_path, "rb") as result:
                return checks.parse_output(solver.output_format(kind), out, result)
        return checks.parse_output(solver.output_format(kind), out)


def judge(instance, solver, outcome, execution, memout, check_model=checks.check_model):
    """Status, reason and model verdict of one run. See docs/benchmarking.md.

    Order matters: an answer that contradicts the expected one is wrong even
    if the run then timed out; a SAT answer on a CNF is solved only with a
    model that satisfies every clause.
    """
    answer, kind = outcome.answer, instance.kind
    if checks.answers_conflict(answer, instance.expected):
        if kind == "cnf" and outcome.answers == ["sat"] and outcome.model is not None:
            status, _, model = _judge_cnf_model(instance, solver, outcome, check_model)
            if status == "solved":
                return "solved", f"verified model contradicts the expected answer {instance.expected}", model
        return "wrong", f"answered {answer}, expected {instance.expected}", None
    if execution.timed_out:
        return "timeout", "", None
    if not outcome.answers:
        return ("memout", "memory limit", None) if memout else ("error", None, None)
    expected_count = len(checks.split_answer(instance.expected)) if instance.incremental else 1
    if len(outcome.answers) > expected_count and not (instance.incremental and instance.expected == "unknown"):
        return "error", f"{len(outcome.answers)} answers for {expected_count} check-sat", None
    if "unknown" in outcome.answers:
        return "unknown", "the solver answered unknown", None
    if instance.incremental and len(outcome.answers) < expected_count:
        if memout:
            return "memout", "memory limit", None
        return "error", f"only {len(outcome.answers)} of {expected_count} answers", None
    if kind == "cnf" and solver.exit_codes:
        wanted = {"sat": 10, "unsat": 20}[outcome.answers[0]]
        if execution.exit_code != wanted:
            got = execution.exit_code if execution.signal is None else f"signal {execution.signal}"
            return "error", f"answer {answer} with exit code {got} (expected {wanted})", None
    if "sat" not in outcome.answers:
        return "solved", "", None
    if kind == "smt2":
        return "solved", "", "checked-by-solver" if solver.checks_own_models else "unchecked"
    return _judge_cnf_model(instance, solver, outcome, check_model)


def _judge_cnf_model(instance, solver, outcome, check_model):
    """Verdict of a SAT answer on a CNF from its model."""
    if outcome.model is None:
        if solver.prints_model:
            return "wrong", "SAT answer without a model", "missing"
        return "solved", "", "unchecked"
    if outcome.model_error:
        return "wrong", f"invalid model: {outcome.model_error}", "invalid"
    try:
        result = check_model(instance.path, outcome.model)
    except (checks.CNFError, OSError, EOFError, lzma.LZMAError) as error:
        return "error", f"cannot check the model: {error}", None
    if not result.ok:
        return "wrong", f"invalid model: {result.message}", "invalid"
    return "solved", "", "valid"


def run_one(instance, solver, limits, scratch, registry=None, logs_dir=None, keep_logs=False):
    """Run one solver on one instance; return the record for results.jsonl."""
    record = _record_base(instance, solver, limits)
    with tempfile.TemporaryDirectory(dir=scratch, prefix="run-") as work:
        stdout_path = os.path.join(work, "stdout")
        stderr_path = os.path.join(work, "stderr")
        result_path = os.path.join(work, "result")
        try:
            input_path = prepare_input(instance, solver, work)
            argv = solver.argv(instance.kind, input_path, result_path, instance.incremental)
            execution = execute(argv, limits, stdout_path, stderr_path, registry)
        except (OSError, EOFError, lzma.LZMAError) as error:
            record.update(status="error", reason=f"cannot run: {error}")
            return record
        outcome = parse_run_output(solver, instance.kind, stdout_path, result_path)
        memout = _looks_like_memout(execution, limits, stdout_path, stderr_path)
        status, reason, model = judge(instance, solver, outcome, execution, memout)
        if reason is None:
            reason = _failure_reason(execution, outcome, stdout_path, stderr_path)
        record.update(
            answer=outcome.answer, status=status, reason=reason, model=model,
            wall=round(execution.wall, 4), cpu=round(execution.cpu, 4),
            memory_mib=None if execution.maxrss_mib is None else round(execution.maxrss_mib, 1),
            exit_code=execution.exit_code, signal=execution.signal)
        if logs_dir and (keep_logs or status not in ("solved", "timeout")):
            record["log"] = _save_log(logs_dir, instance, solver, stdout_path, stderr_path, result_path)
    return record


def _record_base(instance, solver, limits):
    """Fields of a record known before the run."""
    return {
        "solver": solver.name,
        "command": solver.command_text(instance.kind, instance.incremental),
        "instance": instance.path,
        "name": instance.name,
        "family": instance.family,
        "tier": instance.tier,
        "expected": instance.expected,
        "answer": None,
        "status": "error",
        "reason": "",
        "model": None,
        "wall": None,
        "cpu": None,
        "memory_mib": None,
        "exit_code": None,
        "signal": None,
        "timeout": limits.timeout,
        "memory_limit_mib": limits.memory_mib,
        "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def _save_log(logs_dir, instance, solver, stdout_path, stderr_path, result_path):
    """Keep the start of stdout and the end of stderr of a run worth a look."""
    safe = instance.name.replace(os.sep, "__")
    path = os.path.join(logs_dir, solver.name, safe + ".log")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as log:
        log.write(b"=== stdout (first 64 KiB)\n" + _head(stdout_path))
        if os.path.exists(result_path):
            log.write(b"\n=== result file (first 64 KiB)\n" + _head(result_path))
        log.write(b"\n=== stderr (last 64 KiB)\n" + _tail(stderr_path))
    return os.path.relpath(path, os.path.dirname(logs_dir))
