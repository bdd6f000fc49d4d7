"""BenchExec tool-info module for wang, the SAT/SMT solver of this project.

`scripts/bench benchexec` copies this file to OUT/wangbench/wang.py; the
benchmark definition names it as tool="wangbench.wang", so run BenchExec
with OUT on PYTHONPATH (see docs/benchmarking.md).

Command line: `wang [options] TASK`. A run definition whose options are
`--bench-command CMD` runs CMD instead, with {} replaced by the task file:
that is how one benchmark definition compares wang with other solvers (the
tool version BenchExec records is then still wang's).

Results. The tasks use the property file with the content SATISFIABLE,
which BenchExec knows as the property "sat", whose valid results are
RESULT_SAT ("sat") and RESULT_UNSAT ("unsat"); a task's expected_verdict
true means satisfiable. So:
  `s SATISFIABLE`, `SATISFIABLE` (minisat), `sat`      -> RESULT_SAT
  `s UNSATISFIABLE`, `UNSATISFIABLE`, `unsat`           -> RESULT_UNSAT
  `s UNKNOWN`, `unknown`                                -> RESULT_UNKNOWN
  several definite sat/unsat lines (incremental SMT-LIB) -> RESULT_DONE
  (BenchExec cannot compare answer sequences; scripts/bench can)
BenchExec versions without RESULT_SAT/RESULT_UNSAT get RESULT_TRUE_PROP /
RESULT_FALSE_PROP instead. No answer: "TIMEOUT" after a timeout, else
"ERROR (exit code N)" or "ERROR (signal N)".
"""

import shlex

import benchexec.result as result
import benchexec.tools.template

RESULT_SAT = getattr(result, "RESULT_SAT", result.RESULT_TRUE_PROP)
RESULT_UNSAT = getattr(result, "RESULT_UNSAT", result.RESULT_FALSE_PROP)

_ANSWERS = {
    "s SATISFIABLE": "sat", "SATISFIABLE": "sat", "sat": "sat",
    "s UNSATISFIABLE": "unsat", "UNSATISFIABLE": "unsat", "unsat": "unsat",
    "s UNKNOWN": "unknown", "INDETERMINATE": "unknown", "unknown": "unknown",
}


class Tool(benchexec.tools.template.BaseTool2):
    """wang: CDCL SAT and bit-vector SMT solver (DIMACS CNF, SMT-LIB 2)."""

    def executable(self, tool_locator):
        return tool_locator.find_executable("wang", subdir="build")

    def name(self):
        return "wang"

    def version(self, executable):
        text = self._version_from_tool(executable)
        return text[len("wang"):].strip() if text.startswith("wang") else text

    def cmdline(self, executable, options, task, rlimits):
        files = list(task.input_files_or_identifier)
        if options[:1] == ["--bench-command"]:
            if len(options) < 2:
                raise benchexec.tools.template.UnsupportedFeatureException(
                    "--bench-command needs a command line")
            command = shlex.split(options[1])
            if "{}" not in command:
                command.append("{}")
            return [part for arg in command for part in (files if arg == "{}" else [arg])]
        return [executable, *options, *files]

    def determine_result(self, run):
        answers = [_ANSWERS[line.strip()] for line in run.output if line.strip() in _ANSWERS]
        if len(answers) == 1:
            return {"sat": RESULT_SAT, "unsat": RESULT_UNSAT}.get(answers[0], result.RESULT_UNKNOWN)
        if answers:
            return result.RESULT_UNKNOWN if "unknown" in answers else result.RESULT_DONE
        if run.was_timeout:
            return "TIMEOUT"
        code = run.exit_code
        if code.signal:
            return f"ERROR (signal {code.signal})"
        return f"ERROR (exit code {code.value})"
