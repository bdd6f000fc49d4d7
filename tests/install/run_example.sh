#!/usr/bin/env bash
# Runs one example program of docs/examples and checks what it did:
#
#   run_example.sh PROGRAM EXPECTED_OUTPUT WANG_CHECK
#
# PROGRAM runs in an empty scratch directory; its standard output must equal
# EXPECTED_OUTPUT (docs/examples/NAME.expected) and it must exit with 0.
# Every proof it leaves there, NAME.lrat or NAME.drat next to NAME.cnf, must
# be verified by WANG_CHECK.
set -uo pipefail
program="$1"; expected="$2"; wang_check="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

"$program" > output
code=$?
if [ "$code" -ne 0 ]; then echo "FAIL: $program exited with $code"; cat output; exit 1; fi
if ! diff -u "$expected" output; then echo "FAIL: the output of $program differs from $expected"; exit 1; fi
for proof in *.lrat *.drat; do
  [ -e "$proof" ] || continue
  verdict="$("$wang_check" "${proof%.*}.cnf" "$proof" | grep '^s ')"
  if [ "$verdict" != "s VERIFIED" ]; then echo "FAIL: $proof: ${verdict:-no verdict}"; exit 1; fi
  echo "$proof: $verdict"
done
echo "ok $(basename "$program")"
