#!/usr/bin/env bash
# Regression run on the project's own SMT-LIB files (benchmarks-smtlib/):
#
#   smt_project.sh WANG DIR TIMEOUT
#
# 1. generate.py, run again into a scratch directory, reproduces every
#    generated file (those outside the manifest too) and MANIFEST.tsv byte
#    for byte (the files are what the generator says they are);
# 2. each file's answers (all check-sat answers of incremental files, comma
#    separated) equal the manifest's, and agree with the file's own
#    (set-info :status ...); wang runs with --check-models, so every sat was
#    checked against the assertions and every unsat core re-solved.
set -uo pipefail
wang="$1"; dir="$2"; timeout_s="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }

python3 "$dir/generate.py" "$work/generated" || fail generate.py "exit code $?"
diff -q "$work/generated/MANIFEST.tsv" "$dir/MANIFEST.tsv" > /dev/null || fail MANIFEST.tsv "differs from generate.py's"
while read -r path; do
  cmp -s "$work/generated/$path" "$dir/$path" || fail "$path" "differs from generate.py's output"
done < <(cd "$work/generated" && find . -name '*.smt2' | sed 's|^\./||' | sort)

runs=0
while IFS=$'\t' read -r path _family expected; do
  runs=$((runs + 1))
  "$wang" -t "$timeout_s" --check-models "$dir/$path" > "$work/out" 2> "$work/err"
  code=$?
  got="$(grep -xE 'sat|unsat|unknown' "$work/out" | paste -sd, -)"
  status="$(grep -oE '\(set-info :status [a-z]+\)' "$dir/$path" | head -1 | sed 's/.* \([a-z]*\))/\1/')"
  if [ "$code" -ne 0 ]; then fail "$path" "exit code $code: $(head -1 "$work/err")"; continue; fi
  if [ -s "$work/err" ]; then fail "$path" "stderr: $(head -1 "$work/err")"; continue; fi
  if grep -q '^(error' "$work/out"; then fail "$path" "$(grep -m1 '^(error' "$work/out")"; continue; fi
  if [ "${expected%%,*}" != "$status" ]; then fail "$path" "manifest says $expected, the file says $status"; continue; fi
  if [ "$got" != "$expected" ]; then fail "$path" "expected $expected, got ${got:-nothing}"; continue; fi
  echo "ok   $path ($got)"
done < <(tail -n +2 "$dir/MANIFEST.tsv")
echo "$runs files, $failures failures"
[ "$runs" -gt 0 ] && [ "$failures" -eq 0 ]
