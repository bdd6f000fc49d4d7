"""Statistics over run records: solved counts, PAR-2, virtual best solver,
unique solves, wrong answers and disagreements.

PAR-2 of a solver = sum over the instances of its wall time when it solved
the instance, else twice the timeout (timeouts, memouts, errors, unknown
and wrong answers, and runs not done all count as unsolved).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from . import checks

VBS = "VBS"
STATUSES = ("solved", "timeout", "memout", "error", "unknown", "wrong")


@dataclass
class SolverStats:
    """Counts and scores of one solver (or of the virtual best solver)."""

    name: str
    solved: int = 0
    sat: int = 0
    unsat: int = 0
    timeout: int = 0
    memout: int = 0
    error: int = 0
    unknown: int = 0
    wrong: int = 0
    missing: int = 0
    par2: float = 0.0
    mean_par2: float = 0.0
    unique: int = 0
    models_valid: int = 0
    models_by_solver: int = 0
    models_unchecked: int = 0


@dataclass
class InstanceInfo:
    """An instance as seen in the records."""

    path: str
    name: str
    family: str
    expected: str
    answer: str = None   # the agreed definite answer, if any solver solved it


@dataclass
class Summary:
    """Everything the report shows, computed once."""

    timeout: float
    solvers: list
    instances: list
    grid: dict                       # (solver, instance path) -> record
    stats: dict                      # solver name (and VBS) -> SolverStats
    families: list                   # (family, count, {solver: SolverStats})
    wrong: list = field(default_factory=list)
    disagreements: list = field(default_factory=list)
    expected_contradicted: list = field(default_factory=list)
    timeouts_seen: list = field(default_factory=list)

    def time(self, solver, path):
        """Wall time of a solved run, else None."""
        record = self.grid.get((solver, path))
        return record["wall"] if record and record["status"] == "solved" else None

    def vbs_time(self, path):
        """Virtual best solver's time on an instance (None if nobody solved it)."""
        times = [t for t in (self.time(s, path) for s in self.solvers) if t is not None]
        return min(times) if times else None


def par2(time, timeout):
    """PAR-2 contribution of one run: its time if solved (time given), else 2 x timeout."""
    return time if time is not None else 2.0 * timeout


def reconcile(records):
    """Apply evidence across solvers to the latest records.

    An `unsat` from one solver on an instance where another solver's model
    was verified against the formula is wrong, whatever the manifest says.
    Returns (records, disagreements) where disagreements lists
    (instance path, [(solver_a, answer_a, solver_b, answer_b), ...]).
    """
    by_instance = defaultdict(list)
    for record in records:
        by_instance[record["instance"]].append(record)
    fixed, disagreements = [], []
    for path, group in by_instance.items():
        proofs = [r["solver"] for r in group if r["status"] == "solved" and r.get("model") == "valid"]
        for record in group:
            if proofs and record["status"] == "solved" and record["answer"] == "unsat":
                record = dict(record, status="wrong",
                              reason=f"answered unsat, but {proofs[0]}'s model satisfies the formula")
            fixed.append(record)
        pairs = checks.disagreements({r["solver"]: r["answer"] for r in group})
        if pairs:
            disagreements.append((path, pairs))
    return fixed, disagreements


def summarize(records, timeout=None, order=()):
    """Summary of the latest record per (solver, instance).

    The timeout for PAR-2 is the given one, else the largest in the records;
    solvers come in `order` (the command line's), then as first seen.
    """
    records, disagreements = reconcile(records)
    timeouts = sorted({r["timeout"] for r in records if r.get("timeout")})
    if timeout is None:
        timeout = timeouts[-1] if timeouts else 0.0
    solvers = list(dict.fromkeys([*(n for n in order if any(r["solver"] == n for r in records)),
                                   *(r["solver"] for r in records)]))
    grid = {(r["solver"], r["instance"]): r for r in records}
    instances = _instances(records)
    summary = Summary(timeout=timeout, solvers=solvers, instances=instances, grid=grid,
                      stats={}, families=[], disagreements=disagreements, timeouts_seen=timeouts)
    summary.stats = _stats_over(summary, instances)
    summary.families = _families(summary)
    summary.wrong = [r for r in records if r["status"] == "wrong"]
    summary.expected_contradicted = [
        r for r in records if r["status"] == "solved" and checks.answers_conflict(r["answer"], r["expected"])]
    return summary


def _instances(records):
    """InstanceInfo for each instance in the records, sorted by name."""
    infos = {}
    for record in records:
        info = infos.setdefault(record["instance"], InstanceInfo(
            record["instance"], record.get("name") or record["instance"],
            record.get("family") or "", record.get("expected") or "unknown"))
        if record["status"] == "solved" and checks.is_definite(record["answer"]):
            info.answer = info.answer or record["answer"]
    return sorted(infos.values(), key=lambda i: i.name)


def _stats_over(summary, instances):
    """Per-solver and VBS statistics over a set of instances."""
    stats = {name: SolverStats(name) for name in summary.solvers}
    vbs = SolverStats(VBS)
    for info in instances:
        solved_by = []
        for name in summary.solvers:
            record = summary.grid.get((name, info.path))
            _count(stats[name], record, summary.timeout)
            if record and record["status"] == "solved":
                solved_by.append(name)
        if len(solved_by) == 1:
            stats[solved_by[0]].unique += 1
        best = summary.vbs_time(info.path)
        vbs.par2 += par2(best, summary.timeout)
        if best is not None:
            vbs.solved += 1
            _count_answer(vbs, info.answer)
    for s in [*stats.values(), vbs]:
        s.mean_par2 = s.par2 / len(instances) if instances else 0.0
    stats[VBS] = vbs
    return stats


def _count(stats, record, timeout):
    """Add one run (or a missing run) to a solver's statistics."""
    if record is None:
        stats.missing += 1
        stats.par2 += par2(None, timeout)
        return
    status = record["status"] if record["status"] in STATUSES else "error"
    setattr(stats, status, getattr(stats, status) + 1)
    solved = status == "solved"
    stats.par2 += par2(record["wall"] if solved else None, timeout)
    if solved:
        _count_answer(stats, record["answer"])
        model = record.get("model")
        stats.models_valid += model == "valid"
        stats.models_by_solver += model == "checked-by-solver"
        stats.models_unchecked += model == "unchecked"


def _count_answer(stats, answer):
    """sat/unsat split of solved instances (a sequence counts by its last answer)."""
    last = checks.primary_answer(answer)
    if last == "sat":
        stats.sat += 1
    elif last == "unsat":
        stats.unsat += 1


def _families(summary):
    """(family, number of instances, {solver or VBS: SolverStats}) per family."""
    groups = defaultdict(list)
    for info in summary.instances:
        groups[info.family].append(info)
    return [(family, len(members), _stats_over(summary, members))
            for family, members in sorted(groups.items())]


def cactus_series(summary):
    """Per solver (and VBS), the sorted times of its solved instances."""
    series = {}
    for name in summary.solvers:
        series[name] = sorted(t for t in (summary.time(name, i.path) for i in summary.instances)
                              if t is not None)
    series[VBS] = sorted(t for t in (summary.vbs_time(i.path) for i in summary.instances) if t is not None)
    return series


def scatter_points(summary, first, second):
    """(time of first or None, time of second or None, answer class) per
    instance that at least one of the two attempted."""
    points = []
    for info in summary.instances:
        if (first, info.path) not in summary.grid and (second, info.path) not in summary.grid:
            continue
        answer = checks.primary_answer(info.answer) or (
            info.expected if info.expected in checks.DEFINITE else "unknown")
        points.append((summary.time(first, info.path), summary.time(second, info.path), answer))
    return points
