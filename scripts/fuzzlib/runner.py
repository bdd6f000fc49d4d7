"""Running solvers: time limits, and recognising crashes in what they leave."""

import os
import resource
import shutil
import signal
import subprocess
import time

SANITIZER_MARKS = ('AddressSanitizer', 'LeakSanitizer', 'UndefinedBehaviorSanitizer', 'runtime error:',
                   'MemorySanitizer', 'ThreadSanitizer')


class Run:
    def __init__(self, argv, returncode, stdout, stderr, seconds, timed_out):
        self.argv = argv
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr
        self.seconds = seconds
        self.timed_out = timed_out
        self.not_started = False

    def crash(self):
        """A description of a crash, or None: a signal (other than our own
        time-out kill), a sanitizer report, an internal error."""
        if self.timed_out or self.not_started:
            return None
        for mark in SANITIZER_MARKS:
            if mark in self.stderr:
                line = next((l for l in self.stderr.splitlines() if mark in l), mark)
                return 'sanitizer: %s' % line.strip()[:300]
        if self.returncode is not None and self.returncode < 0:
            try:
                name = signal.Signals(-self.returncode).name
            except ValueError:
                name = str(-self.returncode)
            return 'killed by signal %s' % name
        if 'internal error' in self.stderr or 'internal error' in self.stdout:
            return 'internal error: %s' % next(
                (l for l in (self.stderr + self.stdout).splitlines() if 'internal error' in l), '')[:300]
        return None

    def describe(self):
        return '%s -> exit %s in %.2f s%s' % (' '.join(self.argv), self.returncode, self.seconds,
                                               ' (timed out)' if self.timed_out else '')


# Address-space limit of the solvers started (MiB); None: as inherited.
CHILD_MEMORY_MIB = None


def _limits(memory_mib):
    def apply():
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if memory_mib is None:
            # back to the hard limit: sanitizer builds reserve terabytes of
            # address space (wang is limited by --memory-limit instead)
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
        else:
            limit = memory_mib << 20
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def run(argv, timeout, stdin_text=None, env=None, memory_mib='default'):
    """Runs argv with a wall-clock limit; the whole process group is killed
    when it is exceeded.  memory_mib limits the address space (default:
    CHILD_MEMORY_MIB; None: no limit beyond the hard one)."""
    if memory_mib == 'default':
        memory_mib = CHILD_MEMORY_MIB
    start = time.monotonic()
    # A binary that is being rebuilt cannot be started for a moment: retry.
    for attempt in range(10):
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin_text is not None else subprocess.DEVNULL,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors='replace',
                                    start_new_session=True, env=env, preexec_fn=_limits(memory_mib))
            break
        except OSError as error:
            if attempt == 9:
                run = Run(argv, None, '', 'cannot start: %s' % error, time.monotonic() - start, False)
                run.not_started = True
                return run
            time.sleep(3)
    timed_out = False
    try:
        out, err = proc.communicate(stdin_text, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    return Run(argv, proc.returncode, out, err, time.monotonic() - start, timed_out)


def which(name):
    return shutil.which(name)


class Peers:
    """The peer solvers found on PATH (or disabled by the caller)."""

    def __init__(self, use=('z3', 'boolector', 'cadical', 'minisat')):
        self.paths = {}
        for name in use:
            path = which(name)
            if path:
                self.paths[name] = path

    def has(self, name):
        return name in self.paths

    def path(self, name):
        return self.paths[name]

    def names(self):
        return sorted(self.paths)
