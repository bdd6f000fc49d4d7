"""Shared helpers of the harness tests: import path, tiny CNF files, fake solvers."""

import gzip
import lzma
import os
import stat
import sys

SCRIPTS = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if SCRIPTS not in sys.path:
    sys.path.insert(0, SCRIPTS)

# name -> (DIMACS text, expected answer); the .gz/.xz ones exercise decompression.
TINY_CNFS = {
    "sat1.cnf": ("c x2 must be true\np cnf 2 2\n1 2 0\n-1 0\n", "sat"),
    "sat2.cnf.gz": ("p cnf 3 2\n1 0\n-2 3 0\n", "sat"),
    "unsat1.cnf": ("p cnf 1 2\n1 0\n-1 0\n", "unsat"),
    "unsat2.cnf.xz": ("p cnf 2 4\n1 2 0\n-1 2 0\n1 -2 0\n-1 -2 0\n", "unsat"),
}


def write_file(path, text):
    """Write text, compressed according to the file name."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode()
    if path.endswith(".gz"):
        data = gzip.compress(data)
    elif path.endswith(".xz"):
        data = lzma.compress(data)
    with open(path, "wb") as f:
        f.write(data)
    return path


def write_tiny_suite(root, family="tiny"):
    """The TINY_CNFS in root/family/ plus root/MANIFEST.tsv; returns the manifest path."""
    lines = ["path\tfamily\ttier\texpected"]
    for name, (text, expected) in TINY_CNFS.items():
        write_file(os.path.join(root, family, name), text)
        lines.append(f"{family}/{name}\t{family}\teasy\t{expected}")
    manifest = os.path.join(root, "MANIFEST.tsv")
    with open(manifest, "w") as f:
        f.write("\n".join(lines) + "\n")
    return manifest


def write_script(path, text):
    """An executable script."""
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


# A correct (brute-force) solver for tiny plain CNFs, in competition format.
GOOD_SOLVER = '''#!{python}
import itertools, sys
clauses, lits, nvars = [], [], 0
for line in open(sys.argv[1]):
    if line[:1] in "cp%" or not line.strip():
        continue
    for tok in line.split():
        lit = int(tok)
        if lit == 0:
            clauses.append(lits); lits = []
        else:
            lits.append(lit); nvars = max(nvars, abs(lit))
for values in itertools.product([False, True], repeat=nvars):
    if all(any(values[abs(l) - 1] == (l > 0) for l in c) for c in clauses):
        print("s SATISFIABLE")
        print("v " + " ".join(str(i + 1 if v else -(i + 1)) for i, v in enumerate(values)) + " 0")
        sys.exit(10)
print("s UNSATISFIABLE")
sys.exit(20)
'''

# Always claims SAT with the all-false assignment: wrong on every TINY_CNF.
WRONG_SOLVER = '''#!/bin/sh
echo "s SATISFIABLE"
echo "v -1 -2 -3 0"
exit 10
'''

# Ignores SIGTERM (so the SIGKILL escalation is needed), starts a child that
# would outlive it, and records the child's pid in {piddir}.
HANGING_SOLVER = '''#!/bin/sh
trap '' TERM
sleep 1000 &
echo $! > "{piddir}/$$"
wait
'''


def process_gone(pid):
    """True if a process no longer runs (absent, or a zombie nobody reaped yet)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")
