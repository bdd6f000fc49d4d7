"""Benchmark suites: a directory of instance files, or a manifest TSV.

A suite is turned into a list of Instance records once, up front, so that the
runner, the checks and the report all agree on each instance's identity
(its absolute path), family and expected answer.
"""

import csv
import os
import re
from dataclasses import dataclass

CNF_SUFFIXES = (".cnf", ".cnf.gz", ".cnf.xz")
SMT_SUFFIXES = (".smt2",)
ANSWERS = ("sat", "unsat", "unknown")


class SuiteError(Exception):
    """A suite that cannot be read; the message is meant for the user."""


@dataclass(frozen=True)
class Instance:
    """One benchmark file and what is known about it before any solver runs.

    `expected` is "sat", "unsat" or "unknown"; for incremental SMT-LIB files
    it is the comma-separated sequence of answers, one per check-sat.
    """

    path: str
    name: str
    family: str
    tier: str = ""
    expected: str = "unknown"
    logic: str = ""
    incremental: bool = False

    @property
    def kind(self):
        """"cnf" or "smt2": selects the solver command line and the checks."""
        return instance_kind(self.path)

    @property
    def compression(self):
        """"gz", "xz" or "": whether a solver needs a decompressed copy."""
        return compression_of(self.path)


def instance_kind(path):
    """Input language of a file, from its name."""
    return "smt2" if path.endswith(SMT_SUFFIXES) else "cnf"


def compression_of(path):
    """Compression format of a file, from its name."""
    for suffix in ("gz", "xz"):
        if path.endswith("." + suffix):
            return suffix
    return ""


def is_instance_file(name):
    """Whether a file name is one the harness knows how to run."""
    return name.endswith(CNF_SUFFIXES + SMT_SUFFIXES)


def load_suite(path, tiers=(), families=(), limit=None):
    """Read a suite (directory or manifest) and apply the filters.

    Filters apply in order tier, family, limit, so `--limit 5 --tier easy`
    means the first five easy instances.
    """
    if os.path.isdir(path):
        if tiers:
            raise SuiteError(f"{path}: a directory suite has no tiers; use a manifest for --tier")
        instances = _scan_directory(path)
    elif os.path.isfile(path):
        instances = _read_manifest(path)
    else:
        raise SuiteError(f"{path}: no such suite (expected a directory or a manifest .tsv)")
    if tiers:
        instances = [i for i in instances if i.tier in set(tiers)]
    if families:
        instances = [i for i in instances if i.family in set(families)]
    if limit is not None:
        instances = instances[:limit]
    return instances


def _scan_directory(root):
    """All instance files below `root`, sorted by relative path."""
    root = os.path.abspath(root)
    found = []
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        for name in sorted(files):
            if is_instance_file(name):
                found.append(_instance_from_file(root, os.path.join(directory, name)))
    return found


def _instance_from_file(root, path):
    """Instance for a file found in a directory suite.

    The family is the file's directory relative to the suite root (the root's
    own name for files directly in it), which matches how the shared
    benchmark sets are laid out.
    """
    rel = os.path.relpath(path, root)
    family = os.path.dirname(rel) or os.path.basename(root)
    expected, logic, incremental = "unknown", "", False
    if instance_kind(path) == "smt2":
        expected, logic, incremental = smt2_header(path)
    return Instance(path=os.path.normpath(path), name=rel, family=family,
                    expected=expected, logic=logic, incremental=incremental)


_STATUS = re.compile(rb"\(\s*set-info\s+:status\s+(sat|unsat|unknown)\s*\)")
_LOGIC = re.compile(rb"\(\s*set-logic\s+([A-Za-z_]+)\s*\)")
_CHECK_SAT = re.compile(rb"\(\s*check-sat")
_PUSH = re.compile(rb"\(\s*push\b")


def smt2_header(path):
    """Expected answer(s), logic and incrementality of an SMT-LIB 2 file.

    Reads `(set-info :status ...)`; a file with several check-sat commands is
    incremental, and its expected sequence is known only when it has one
    status per check-sat.
    """
    statuses, logic, checks, pushes = [], "", 0, 0
    with open(path, "rb") as f:
        for line in f:
            code = line.split(b";", 1)[0]
            if b"(" not in code:
                continue
            statuses += [m.decode() for m in _STATUS.findall(code)]
            checks += len(_CHECK_SAT.findall(code))
            pushes += len(_PUSH.findall(code))
            match = _LOGIC.search(code)
            if match and not logic:
                logic = match.group(1).decode()
    incremental = checks > 1 or pushes > 0
    if not incremental:
        expected = statuses[0] if statuses else "unknown"
    elif len(statuses) == checks:
        expected = ",".join(statuses)
    else:
        expected = ",".join(["unknown"] * max(checks, 1))
    return expected, logic, incremental


def _read_manifest(path):
    """Instances listed in a manifest TSV (paths relative to its directory)."""
    base = os.path.dirname(os.path.abspath(path))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    if rows and "path" not in rows[0]:
        raise SuiteError(f"{path}: a manifest needs a 'path' column")
    instances = [_instance_from_row(base, row, path, n) for n, row in enumerate(rows, start=2)]
    missing = [i.path for i in instances if not os.path.isfile(i.path)]
    if missing:
        raise SuiteError(f"{path}: {len(missing)} listed files do not exist, e.g. {missing[0]}")
    return instances


def _instance_from_row(base, row, manifest, line):
    """Instance for one manifest row; unknown columns are ignored."""
    rel = (row.get("path") or "").strip()
    if not rel:
        raise SuiteError(f"{manifest}:{line}: empty path")
    expected = normalize_expected(row.get("expected", ""))
    incremental = (row.get("incremental") or "").strip().lower() in ("yes", "true", "1") or "," in expected
    return Instance(
        path=os.path.normpath(os.path.join(base, rel)),
        name=rel,
        family=(row.get("family") or "").strip() or os.path.dirname(rel) or ".",
        tier=(row.get("tier") or "").strip(),
        expected=expected,
        logic=(row.get("logic") or "").strip(),
        incremental=incremental,
    )


def normalize_expected(text):
    """Canonical expected answer: each element sat/unsat/unknown, lower case."""
    parts = [p.strip().lower() for p in (text or "").split(",")]
    parts = [p if p in ANSWERS else "unknown" for p in parts]
    return ",".join(parts) if parts else "unknown"
