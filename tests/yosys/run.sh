#!/usr/bin/env bash
# wang as the solver behind yosys-smtbmc, the way a user plugs it in: a
# script named like a solver yosys-smtbmc knows, first on PATH, runs wang.
# Under the name boolector, yosys-smtbmc unrolls the design itself and
# speaks QF_ABV (arrays for memories); under the names z3 and yices (the
# command yices-smt2) it speaks QF_AUFBV with a declared state sort and
# functions of it.  Each design in DESIGNS says in its header what must
# come out: `// expect: PASSED` or `// expect: FAILED K` (the first failing
# step), `// depth: N` for bounded model checking, optionally
# `// induction: N` for a proof by k-induction and `// trace: TEXT` for a
# value the counterexample trace (VCD) must show.  Skips (77) without yosys.
#
#   tests/yosys/run.sh WANG DESIGNS
set -uo pipefail
wang=$(realpath "$1")
designs=$2
if ! command -v yosys >/dev/null || ! command -v yosys-smtbmc >/dev/null; then
  echo "yosys or yosys-smtbmc not installed: skipped"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
for name in boolector z3 yices-smt2; do
  printf '#!/bin/sh\nexec "%s" -\n' "$wang" >"$work/bin/$name"
  chmod +x "$work/bin/$name"
done

# PASSED, or FAILED with the step whose assertions failed, or the last
# lines of the log.
outcome() {
  local log=$1
  if grep -q "Status: PASSED" "$log"; then
    echo PASSED
  elif grep -q "Status: FAILED" "$log"; then
    echo "FAILED $(grep -o 'Checking assertions in step [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')"
  else
    echo "ERROR: $(tail -3 "$log" | tr '\n' ' ')"
  fi
}

failures=0
check() {
  local what=$1 expected=$2 log=$3
  local got
  got=$(outcome "$log")
  if [ "$got" = "$expected" ]; then
    echo "ok   $what: $got"
  else
    echo "FAIL $what: expected $expected, got $got"
    failures=$((failures + 1))
  fi
}

for design in "$designs"/*.sv; do
  top=$(basename "$design" .sv)
  expect=$(sed -n 's|^// expect: ||p' "$design")
  depth=$(sed -n 's|^// depth: ||p' "$design")
  induction=$(sed -n 's|^// induction: ||p' "$design")
  trace=$(sed -n 's|^// trace: ||p' "$design")
  if ! yosys -q -p "read_verilog -formal $design; prep -top $top; write_smt2 -wires $work/$top.smt2" \
    >"$work/$top.yosys.log" 2>&1; then
    echo "FAIL $top: yosys could not read the design"
    cat "$work/$top.yosys.log"
    failures=$((failures + 1))
    continue
  fi
  for solver in boolector z3 yices; do
    log="$work/$top.$solver.bmc.log"
    PATH="$work/bin:$PATH" timeout 300 yosys-smtbmc -s "$solver" -t "$depth" \
      --dump-vcd "$work/$top.$solver.vcd" "$work/$top.smt2" >"$log" 2>&1
    check "$top bmc -t $depth as $solver" "$expect" "$log"
    if [ "${expect%% *}" = FAILED ] && [ ! -s "$work/$top.$solver.vcd" ]; then
      echo "FAIL $top as $solver: no counterexample trace written"
      failures=$((failures + 1))
    elif [ -n "$trace" ] && ! grep -q "^$trace " "$work/$top.$solver.vcd"; then
      echo "FAIL $top as $solver: the counterexample trace never shows $trace"
      failures=$((failures + 1))
    fi
    if [ -n "$induction" ]; then
      log="$work/$top.$solver.induction.log"
      PATH="$work/bin:$PATH" timeout 300 yosys-smtbmc -s "$solver" -i -t "$induction" "$work/$top.smt2" >"$log" 2>&1
      check "$top induction -t $induction as $solver" PASSED "$log"
    fi
  done
done
[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
echo "all designs gave their expected outcome"
