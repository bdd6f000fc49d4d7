#!/usr/bin/env bash
# The IPASIR application bmc.c against the command line:
#
#   bmc_vs_cli.sh BMC WANG WIDTH TARGET MAX_DEPTH FIRST_SAT_DEPTH
#
# BMC answers depth after depth incrementally through libwang-ipasir and
# writes the question of each depth as a CNF file; WANG, the CLI, answers
# each file from scratch.  Every answer must agree, and the first sat must
# come at FIRST_SAT_DEPTH (the depth an explicit search of the state space
# gives, see the test's definition).
set -uo pipefail
bmc="$1"; wang="$2"; width="$3"; target="$4"; max_depth="$5"; first_sat="$6"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bmc" "$width" "$target" "$max_depth" "$work" > "$work/answers"
code=$?
if [ "$code" -ne 0 ]; then echo "FAIL: bmc exited with $code"; cat "$work/answers"; exit 1; fi

failures=0
depths=0
while read -r _ depth answer; do
  depth="${depth%:}"
  depths=$((depths + 1))
  "$wang" -q -n "$work/depth-$depth.cnf" > "$work/cli" 2>&1
  case "$(grep '^s ' "$work/cli")" in
    "s SATISFIABLE") cli=sat ;;
    "s UNSATISFIABLE") cli=unsat ;;
    *) cli="no answer: $(head -1 "$work/cli")" ;;
  esac
  if [ "$answer" != "$cli" ]; then
    echo "FAIL depth $depth: IPASIR says $answer, the CLI says $cli"
    failures=$((failures + 1))
  fi
done < "$work/answers"

last="$(tail -1 "$work/answers")"
if [ "$last" != "depth $first_sat: sat" ]; then
  echo "FAIL: expected the first sat at depth $first_sat, the last answer is '$last'"
  failures=$((failures + 1))
fi
echo "$depths depths, $failures failures"
[ "$failures" -eq 0 ]
