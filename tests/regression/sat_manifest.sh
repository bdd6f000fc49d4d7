#!/usr/bin/env bash
# Regression run of wang on one tier of ../shared/benchmarks/sat.
#
#   sat_manifest.sh WANG WANG_CHECK MANIFEST TIER TIMEOUT
#
# Every answer is compared with the manifest; every model is checked against
# the CNF by an awk script that shares nothing with the solver; every
# refutation's DRAT proof goes through wang-check.  Exits 77 (skipped) when
# the manifest is absent.
set -uo pipefail
wang="$1"; checker="$2"; manifest="$3"; tier="$4"; timeout_s="$5"
[ -f "$manifest" ] || { echo "skipped: $manifest not found"; exit 77; }
root="$(dirname "$manifest")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Checks a model (v lines in $2) against a CNF read from stdin.
check_model() {
  awk -v model="$1" '
    BEGIN { while ((getline line < model) > 0) { if (line ~ /^v /) { n = split(line, f, " ");
              for (i = 2; i <= n; i++) if (f[i] != 0) value[f[i] < 0 ? -f[i] : f[i]] = (f[i] > 0) } } }
    /^[cp%]/ || NF == 0 { next }
    { for (i = 1; i <= NF; i++) { lit = $i;
        if (lit == 0) { if (!sat) { bad++ } sat = 0; continue }
        var = lit < 0 ? -lit : lit;
        if ((var in value) && ((lit > 0 && value[var]) || (lit < 0 && !value[var]))) sat = 1 } }
    END { exit bad > 0 }'
}

failures=0; runs=0
while IFS=$'\t' read -r path family file_tier expected _; do
  [ "$file_tier" = "$tier" ] || continue
  runs=$((runs + 1))
  file="$root/$path"
  out="$work/out"; proof="$work/proof"
  timeout "$timeout_s" "$wang" --proof "$proof" "$file" > "$out" 2> "$work/err"
  code=$?
  case "$code" in
    10) got=sat ;;
    20) got=unsat ;;
    *) got="exit-$code" ;;
  esac
  if [ "$got" != "$expected" ]; then
    echo "FAIL $path: expected $expected, got $got"; failures=$((failures + 1)); continue
  fi
  if [ "$got" = sat ]; then
    if ! (case "$file" in *.xz) xz -dc "$file" ;; *.gz) gzip -dc "$file" ;; *) cat "$file" ;; esac) | check_model "$out"; then
      echo "FAIL $path: model does not satisfy the formula"; failures=$((failures + 1)); continue
    fi
  else
    if ! "$checker" -q "$file" "$proof" > "$work/check" 2>&1; then
      echo "FAIL $path: proof rejected: $(cat "$work/check")"; failures=$((failures + 1)); continue
    fi
  fi
  echo "ok   $path ($got)"
done < <(tail -n +2 "$manifest")
echo "$runs runs, $failures failures"
[ "$runs" -gt 0 ] && [ "$failures" -eq 0 ]
