"""wang's benchmarking harness: runs solvers on suites, checks answers, reports.

The command-line entry point is ``scripts/bench``; docs/benchmarking.md
describes the commands and the files they write.
"""
