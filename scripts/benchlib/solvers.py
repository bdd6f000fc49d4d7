"""Solver definitions: how to run each solver and how to read what it prints.

A definition is data (command templates, which compressions the solver
reads itself, which output format it uses), so built-in solvers, solvers
from a config file and `NAME=CMD {}` solvers from the command line are all
handled by the same runner code.
"""

import configparser
import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass, replace

from . import checks

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_WANG = os.path.join(REPO, "build", "wang")
INPUT = "{}"
RESULT_FILE = "{out}"


class SolverError(Exception):
    """A solver that is unknown, misconfigured or not installed."""


@dataclass(frozen=True)
class Solver:
    """How to run one solver.

    Command templates are argument lists in which "{}" stands for the
    instance file and "{out}" for a result file the solver writes (minisat).
    `reads` lists the compressions the solver decompresses itself; other
    compressed inputs are decompressed to a temporary file first.
    """

    name: str
    cnf: tuple = None
    smt2: tuple = None
    smt2_incremental: tuple = None
    reads: frozenset = frozenset()
    cnf_format: str = checks.COMPETITION
    smt2_format: str = checks.SMTLIB
    prints_model: bool = True
    exit_codes: bool = False
    checks_own_models: bool = False
    version_args: tuple = ("--version",)
    custom: bool = False

    def supports(self, kind):
        """Whether this solver has a command line for "cnf" or "smt2" inputs."""
        return self.template(kind) is not None

    def template(self, kind, incremental=False):
        """The command template for an input kind."""
        if kind == "smt2":
            return (self.smt2_incremental or self.smt2) if incremental else self.smt2
        return self.cnf

    def command_text(self, kind, incremental=False):
        """The template as one string, as stored in results."""
        template = self.template(kind, incremental)
        return join_command(template) if template else ""

    def argv(self, kind, input_path, result_path, incremental=False):
        """The argument list for one run."""
        template = self.template(kind, incremental)
        substitutions = {INPUT: input_path, RESULT_FILE: result_path}
        return [_substitute(arg, substitutions) for arg in template]

    def output_format(self, kind):
        """Which parser in checks reads this solver's output for an input kind."""
        return self.smt2_format if kind == "smt2" else self.cnf_format

    def executables(self):
        """The distinct programs the templates start."""
        return sorted({t[0] for t in (self.cnf, self.smt2, self.smt2_incremental) if t})

    def check_available(self):
        """Raise SolverError unless every program of the definition can run."""
        for program in self.executables():
            if os.sep in program:
                if not os.access(program, os.X_OK):
                    hint = " (build it with: cmake --build build --target wang)" if program == DEFAULT_WANG else ""
                    raise SolverError(f"{self.name}: {program} is not an executable file{hint}")
            elif shutil.which(program) is None:
                raise SolverError(f"{self.name}: '{program}' is not on PATH")

    def version(self):
        """First line of the solver's --version output, or "" (best effort,
        recorded so that a report says which versions were compared)."""
        programs = self.executables()
        if not programs or not self.version_args:
            return ""
        try:
            done = subprocess.run([programs[0], *self.version_args], capture_output=True,
                                  timeout=10, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            return ""
        for line in (done.stdout + done.stderr).decode(errors="replace").splitlines():
            line = line.strip()
            if line.startswith("c "):
                line = line[2:].strip()
            if line:
                return line[:100]
        return ""


def join_command(argv):
    """Shell-quoted command line that leaves the placeholders readable."""
    return " ".join(a if a in (INPUT, RESULT_FILE) else shlex.quote(a) for a in argv)


def _substitute(arg, substitutions):
    """Replace placeholders inside one argument ("--out={out}" works too)."""
    for placeholder, value in substitutions.items():
        arg = arg.replace(placeholder, value)
    return arg


def builtin_solvers(wang=DEFAULT_WANG):
    """The solvers the harness knows, keyed by name.

    Flags: quiet modes that still print the answer and the model; z3 needs
    -dimacs for CNF; cvc5 and boolector need an incremental flag for
    push/pop files. minisat, picosat and cryptominisat read gzip but not xz;
    z3 and the SMT solvers read neither.
    """
    both = frozenset({"gz", "xz"})
    gz = frozenset({"gz"})
    definitions = [
        Solver("wang", cnf=(wang, INPUT), smt2=(wang, INPUT), reads=both,
               exit_codes=True, checks_own_models=True),
        Solver("minisat", cnf=("minisat", "-verb=0", INPUT, RESULT_FILE), reads=gz,
               cnf_format=checks.MINISAT, exit_codes=True, version_args=()),
        Solver("cadical", cnf=("cadical", "-q", INPUT), reads=both, exit_codes=True),
        Solver("kissat", cnf=("kissat", "-q", INPUT), reads=both, exit_codes=True),
        Solver("cryptominisat5", cnf=("cryptominisat5", "--verb", "0", INPUT), reads=gz,
               exit_codes=True),
        Solver("picosat", cnf=("picosat", INPUT), reads=gz, exit_codes=True),
        Solver("z3", cnf=("z3", "-dimacs", INPUT), smt2=("z3", INPUT),
               cnf_format=checks.Z3_DIMACS),
        Solver("boolector", smt2=("boolector", INPUT), smt2_incremental=("boolector", "-i", INPUT)),
        Solver("bitwuzla", smt2=("bitwuzla", INPUT)),
        Solver("cvc5", smt2=("cvc5", INPUT), smt2_incremental=("cvc5", "--incremental", INPUT)),
    ]
    return {s.name: s for s in definitions}


def custom_solver(name, command, builtins, base_dir=None):
    """A solver from `NAME=CMD {}`.

    "{}" is appended when the command lacks it. When the program is one of
    the built-in solvers (e.g. `build/wang --seed 1 {}`), its output format,
    compression support and model flags are inherited; otherwise the output
    is read in any known format, compressed inputs are decompressed first,
    and a SAT answer without a model is accepted (recorded as unchecked).
    """
    template = _command_template(command, builtins, base_dir)
    base = _builtin_for_program(template[0], builtins)
    if base is None:
        return Solver(name, cnf=template, smt2=template, cnf_format=checks.AUTO,
                      smt2_format=checks.AUTO, prints_model=False, version_args=(), custom=True)
    return replace(base, name=name, custom=True,
                   cnf=template if base.cnf else None,
                   smt2=template if base.smt2 else None, smt2_incremental=None)


def _command_template(command, builtins, base_dir=None):
    """A command string as an argument tuple: "{}" appended when missing,
    the program resolved by _resolve_program."""
    argv = shlex.split(command)
    if not argv:
        raise SolverError(f"empty command {command!r}")
    if not any(INPUT in arg for arg in argv):
        argv.append(INPUT)
    argv[0] = _resolve_program(argv[0], builtins["wang"].cnf[0], base_dir)
    return tuple(argv)


def _resolve_program(program, wang, base_dir=None):
    """`wang` means the configured wang binary; relative paths with a slash
    are taken relative to `base_dir` (the config file's directory, else the
    current directory); bare names are looked up on PATH when run."""
    if program == "wang":
        return wang
    if os.sep in program and not os.path.isabs(program):
        return os.path.normpath(os.path.join(base_dir or os.getcwd(), program))
    return program


def _builtin_for_program(program, builtins):
    """The built-in definition whose program has the same file name."""
    name = os.path.basename(program)
    for solver in builtins.values():
        if any(os.path.basename(p) == name for p in solver.executables()):
            return solver
    return None


_BOOL = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}


def load_config(path, builtins):
    """Solvers defined in an INI file, one section per solver.

    Keys: cnf, smt2, smt2_incremental (command lines with {} and {out}),
    base (a built-in whose settings the section starts from), reads
    (e.g. "gz, xz"), cnf_format, smt2_format, prints_model, exit_codes,
    checks_own_models. A [wang] section with `path = ...` selects the wang
    binary for every solver that uses it.
    """
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(path):
        raise SolverError(f"cannot read solver config {path}")
    base_dir = os.path.dirname(os.path.abspath(path))
    if parser.has_option("wang", "path"):
        wang = parser.get("wang", "path").strip()
        builtins = builtin_solvers(os.path.normpath(os.path.join(base_dir, wang)))
    defined = {}
    for name in parser.sections():
        section = parser[name]
        keys = set(section) - {"path"}
        if name == "wang" and not keys:
            continue
        defined[name] = _solver_from_section(name, section, builtins, base_dir)
    return builtins, defined


def _solver_from_section(name, section, builtins, base_dir):
    """One config section to a Solver."""
    base_name = section.get("base", name if name in builtins else "")
    if base_name and base_name not in builtins:
        raise SolverError(f"[{name}]: unknown base solver {base_name!r}")
    solver = replace(builtins[base_name], name=name) if base_name else Solver(
        name, cnf_format=checks.AUTO, smt2_format=checks.AUTO, prints_model=False, version_args=(), custom=True)
    changes = {}
    for key in ("cnf", "smt2", "smt2_incremental"):
        if key in section:
            command = section[key].strip()
            changes[key] = _command_template(command, builtins, base_dir) if command else None
    if "reads" in section:
        changes["reads"] = frozenset(r.strip() for r in section["reads"].split(",") if r.strip())
    for key in ("cnf_format", "smt2_format"):
        if key in section:
            if section[key] not in checks.FORMATS:
                raise SolverError(f"[{name}]: {key} must be one of {', '.join(checks.FORMATS)}")
            changes[key] = section[key]
    for key in ("prints_model", "exit_codes", "checks_own_models"):
        if key in section:
            value = section[key].strip().lower()
            if value not in _BOOL:
                raise SolverError(f"[{name}]: {key} must be yes or no")
            changes[key] = _BOOL[value]
    solver = replace(solver, custom=True, **changes) if changes else solver
    if not solver.cnf and not solver.smt2:
        raise SolverError(f"[{name}]: needs a cnf or smt2 command")
    return solver


def resolve_solvers(specs, config=None, wang=None):
    """Turn --solver arguments into definitions, in the order given.

    A spec is a built-in name, a name defined in the config file, or
    `NAME=CMD {}`.
    """
    builtins = builtin_solvers(os.path.abspath(wang) if wang else DEFAULT_WANG)
    defined = {}
    if config:
        builtins, defined = load_config(config, builtins)
    solvers = []
    for spec in specs:
        name, sep, command = spec.partition("=")
        name = name.strip()
        if sep and is_name(name):
            solver = custom_solver(name, command, builtins)
        elif spec in defined:
            solver = defined[spec]
        elif spec in builtins:
            solver = builtins[spec]
        else:
            known = ", ".join(sorted(set(builtins) | set(defined)))
            raise SolverError(f"unknown solver {spec!r} (known: {known}; or use NAME='CMD {{}}')")
        if any(s.name == solver.name for s in solvers):
            raise SolverError(f"solver {solver.name!r} given twice")
        solvers.append(solver)
    return solvers


def is_name(text):
    """Solver names are used in file names: letters, digits, - _ . +"""
    return bool(text) and all(c.isalnum() or c in "-_.+" for c in text)
