"""Reading solver output and checking it: answers, models, verdicts.

Nothing a solver says is trusted: a SAT answer on a CNF must come with a
model that satisfies every clause, every answer is compared with the
expected one, and a run whose answer cannot be confirmed is never counted
as solved when it contradicts something known.
"""

import bz2
import gzip
import lzma
import re
from dataclasses import dataclass, field

DEFINITE = ("sat", "unsat")

# Output formats a solver definition can name.
COMPETITION = "competition"   # s/v lines (SAT Competition)
MINISAT = "minisat"           # minisat's result file, or its stdout words
SMTLIB = "smtlib"             # one sat/unsat/unknown line per check-sat
Z3_DIMACS = "z3-dimacs"       # competition-like, v lines without the final 0
AUTO = "auto"                 # any of the above (custom solvers)
FORMATS = (COMPETITION, MINISAT, SMTLIB, Z3_DIMACS, AUTO)


class CNFError(Exception):
    """A CNF file the model checker cannot read."""


@dataclass
class Outcome:
    """What a run printed, reduced to what the checks need.

    `model` holds the literals the solver set true, as canonical decimal byte
    strings (b"12", b"-7"): the checker then tests clause tokens against it
    without converting each literal to an int, which keeps checking
    files with millions of clauses fast.
    """

    answers: list = field(default_factory=list)
    model: set = None
    model_terminated: bool = False
    model_error: str = ""
    errors: list = field(default_factory=list)

    @property
    def answer(self):
        """The answers as recorded in results: "sat", or "unsat,sat,..."; None if none."""
        return ",".join(self.answers) if self.answers else None


class _ModelBuilder:
    """Accumulates literals from v lines (or a model line) into a set."""

    def __init__(self):
        self.true = set()
        self.terminated = False
        self.error = ""

    def add_tokens(self, tokens):
        """Add literals; 0 ends the model, anything after it is an error."""
        for token in tokens:
            try:
                lit = int(token)
            except ValueError:
                self.error = self.error or f"not a literal in model: {token[:20]!r}"
                continue
            if lit == 0:
                self.terminated = True
                continue
            if self.terminated:
                self.error = self.error or "literals after the terminating 0"
            text = b"%d" % lit
            if (b"%d" % -lit) in self.true:
                self.error = self.error or f"variable {abs(lit)} assigned both ways"
            self.true.add(text)

    def store(self, outcome, require_zero=True):
        """Copy the model into an outcome (nothing if no literal was seen)."""
        if self.true or self.terminated:
            outcome.model = self.true
            outcome.model_terminated = self.terminated
            outcome.model_error = self.error
            if require_zero and not self.terminated and not self.error:
                outcome.model_error = "model not terminated by 0 (truncated output?)"


_S_LINE = {b"SATISFIABLE": "sat", b"UNSATISFIABLE": "unsat", b"UNKNOWN": "unknown"}
_SMT_LINE = {b"sat": "sat", b"unsat": "unsat", b"unknown": "unknown"}
_MINISAT_FILE = {b"SAT": "sat", b"UNSAT": "unsat", b"INDET": "unknown"}
_MINISAT_STDOUT = {b"SATISFIABLE": "sat", b"UNSATISFIABLE": "unsat", b"INDETERMINATE": "unknown"}


def parse_competition(lines, require_zero=True):
    """SAT Competition output: `s ...` answer lines and `v ...` model lines."""
    outcome, model = Outcome(), _ModelBuilder()
    for line in lines:
        if line.startswith(b"s "):
            word = line[2:].strip()
            outcome.answers.append(_S_LINE.get(word, "unknown"))
            if word not in _S_LINE:
                outcome.errors.append(f"unrecognised answer line {line.strip()[:60]!r}")
        elif line.startswith(b"v"):
            model.add_tokens(line[1:].split())
        elif line.startswith(b"(error"):
            outcome.errors.append(line.strip().decode(errors="replace")[:200])
    model.store(outcome, require_zero)
    return outcome


def parse_z3_dimacs(lines):
    """`z3 -dimacs`: competition-like, but the model lacks the final 0.

    z3 reports a parse error as `(error ...)` and then still prints
    `s SATISFIABLE`, so an error line voids the answer.
    """
    outcome = parse_competition(lines, require_zero=False)
    if outcome.errors:
        outcome.answers = []
        outcome.model = None
    return outcome


def parse_smtlib(lines):
    """SMT-LIB 2 output: each line that is exactly sat/unsat/unknown is an answer."""
    outcome = Outcome()
    for line in lines:
        word = line.strip()
        if word in _SMT_LINE:
            outcome.answers.append(_SMT_LINE[word])
        elif word.startswith(b"(error"):
            outcome.errors.append(word.decode(errors="replace")[:200])
    return outcome


def parse_minisat(lines, result_lines=None):
    """minisat: the result file (SAT/UNSAT/INDET, then the model line) if it
    was written, else the SATISFIABLE/UNSATISFIABLE word on stdout."""
    outcome = Outcome()
    if result_lines is not None:
        model = _ModelBuilder()
        for n, line in enumerate(result_lines):
            if n == 0:
                word = line.strip()
                if word in _MINISAT_FILE:
                    outcome.answers.append(_MINISAT_FILE[word])
                elif word:
                    outcome.errors.append(f"unrecognised result file line {word[:60]!r}")
            else:
                model.add_tokens(line.split())
        model.store(outcome)
        if outcome.answers:
            return outcome
    for line in lines:
        word = line.strip()
        if word in _MINISAT_STDOUT:
            outcome.answers.append(_MINISAT_STDOUT[word])
    return outcome


def parse_auto(lines, result_lines=None):
    """Custom solvers: competition lines if any, else SMT-LIB lines, else
    minisat-style words."""
    lines = list(lines)
    outcome = parse_competition(lines)
    if outcome.answers or outcome.model is not None:
        return outcome
    outcome = parse_smtlib(lines)
    if outcome.answers:
        return outcome
    return parse_minisat(lines, result_lines)


def parse_output(fmt, lines, result_lines=None):
    """Dispatch on a solver definition's output format."""
    if fmt == COMPETITION:
        return parse_competition(lines)
    if fmt == Z3_DIMACS:
        return parse_z3_dimacs(lines)
    if fmt == SMTLIB:
        return parse_smtlib(lines)
    if fmt == MINISAT:
        return parse_minisat(lines, result_lines)
    if fmt == AUTO:
        return parse_auto(lines, result_lines)
    raise ValueError(f"unknown output format {fmt!r}")


# ---------------------------------------------------------------- model check

@dataclass
class ModelCheck:
    """Result of checking a model against a CNF file."""

    ok: bool
    clauses: int
    message: str = ""


def open_maybe_compressed(path):
    """Binary stream of a file, decompressing gzip/xz/bzip2 by magic bytes
    (names are not trusted: a .cnf file may well be compressed)."""
    with open(path, "rb") as f:
        magic = f.read(6)
    if magic.startswith(b"\x1f\x8b"):
        return gzip.open(path, "rb")
    if magic.startswith(b"\xfd7zXZ\x00"):
        return lzma.open(path, "rb")
    if magic.startswith(b"BZh"):
        return bz2.open(path, "rb")
    return open(path, "rb")


_SPECIAL_LINE = re.compile(rb"^[ \t]*[cp%]", re.MULTILINE)
CHUNK = 1 << 22


def _without_special_lines(data):
    """Drop comment and header lines; `%` ends the formula (SATLIB files
    put a stray `0` after it). Returns (data, stop)."""
    kept = []
    for line in data.split(b"\n"):
        head = line.lstrip()[:1]
        if head == b"%":
            return b"\n".join(kept), True
        if head not in (b"c", b"p"):
            kept.append(line)
    return b"\n".join(kept), False


def _token_chunks(stream):
    """Clause tokens of a DIMACS stream, a few MB at a time, cut at line ends.

    Comment lines are removed only in chunks that contain one (found by one
    regex search), so the common case costs a read and a split.
    """
    pending = b""
    while True:
        block = stream.read(CHUNK)
        data = pending + block
        if block:
            cut = data.rfind(b"\n") + 1
            data, pending = data[:cut], data[cut:]
        stop = False
        if _SPECIAL_LINE.search(data):
            data, stop = _without_special_lines(data)
        yield data.split()
        if stop or not block:
            return


def _satisfied_slowly(clause, true_lits):
    """Fallback for clauses whose tokens are not canonical integers (+3, 007):
    convert each token and try again."""
    for token in clause:
        try:
            lit = int(token)
        except ValueError:
            raise CNFError(f"not a literal: {token[:20]!r}") from None
        if (b"%d" % lit) in true_lits:
            return True
    return False


def check_model(cnf_path, true_lits):
    """Check that the literals in `true_lits` satisfy every clause of a CNF.

    Streams the file (plain, gzip or xz), so memory stays bounded by the
    model and one chunk; each clause costs a few C-level calls (list.index
    for its terminating 0, set.isdisjoint for the test).
    """
    clauses = 0
    carry = []
    with open_maybe_compressed(cnf_path) as stream:
        for tokens in _token_chunks(stream):
            if carry:
                tokens = carry + tokens
            start = 0
            find = tokens.index
            while True:
                try:
                    end = find(b"0", start)
                except ValueError:
                    break
                clause = tokens[start:end]
                if true_lits.isdisjoint(clause) and not _satisfied_slowly(clause, true_lits):
                    shown = " ".join(t.decode() for t in clause[:12])
                    more = " ..." if len(clause) > 12 else ""
                    return ModelCheck(False, clauses,
                                      f"clause {clauses + 1} is falsified: {shown}{more} 0")
                clauses += 1
                start = end + 1
            carry = tokens[start:]
    if carry:
        return ModelCheck(False, clauses, "last clause is not terminated by 0")
    return ModelCheck(True, clauses)


# ----------------------------------------------------------- comparing answers

def split_answer(answer):
    """Answer string to list ("sat,unsat" -> ["sat", "unsat"]; None -> [])."""
    return answer.split(",") if answer else []


def answers_conflict(first, second):
    """Whether two answers (or answer sequences) contradict each other: some
    check-sat where both are definite and differ."""
    return any(a in DEFINITE and b in DEFINITE and a != b
               for a, b in zip(split_answer(first), split_answer(second)))


def is_definite(answer):
    """Whether an answer is complete and definite (every check-sat sat/unsat)."""
    parts = split_answer(answer)
    return bool(parts) and all(p in DEFINITE for p in parts)


def primary_answer(answer):
    """sat/unsat class of an answer for the per-solver counts: the last
    check-sat of a sequence decides."""
    parts = split_answer(answer)
    return parts[-1] if parts else None


def disagreements(answers_by_solver):
    """Pairs of solvers whose definite answers on one instance contradict.

    `answers_by_solver` maps solver -> answer string; returns a list of
    (solver_a, answer_a, solver_b, answer_b).
    """
    names = sorted(n for n, a in answers_by_solver.items() if a)
    found = []
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            if answers_conflict(answers_by_solver[first], answers_by_solver[second]):
                found.append((first, answers_by_solver[first], second, answers_by_solver[second]))
    return found
