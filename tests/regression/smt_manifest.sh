#!/usr/bin/env bash
# Regression run of wang on ../shared/benchmarks/smt: the easy tier of qf_bv/
# and every file of qf_abv/, qf_aufbv/, qf_ufbv/ and incremental/.
#
#   smt_manifest.sh WANG MANIFEST TIMEOUT UNSOLVED
#
# wang runs with `-t TIMEOUT`.  UNSOLVED lists files wang does not yet
# answer in time: there an `unknown` stands in for an expected answer, but
# a wrong answer still fails; everywhere else the answers must be exact.
# The answers (for incremental files, the comma-separated sequence of
# check-sat answers) are compared with the manifest.  Models are checked
# inside wang before it says sat, and --check-models re-solves unsat cores
# and failed assumptions.  A QF_BV script must also draw no error response,
# except for commands outside SMT-LIB 2.6 (get-interpolant, ...); scripts
# of the other logics wang decides are held to exact answers too unless
# they draw errors (other solvers' extensions such as a one-argument `or`),
# which are then checked as the following.  Scripts
# in logics wang does not decide (arithmetic, by the manifest or by a
# set-logic after a reset) must be
# processed without a crash, and their answers must not contradict the
# expected ones: wang answers `unknown` where a rejected command could have
# changed the answer, and a rejected check-sat-assuming answers nothing, so
# the answers must match a subsequence of the expected ones, `unknown`
# matching anything.
# Exits 77 (skipped) when the manifest is absent.  Not for sanitizer builds,
# which need more address space than the limit below.
set -uo pipefail
wang="$1"; manifest="$2"; timeout_s="$3"; unsolved_list="$4"
[ -f "$manifest" ] || { echo "skipped: $manifest not found"; exit 77; }
root="$(dirname "$manifest")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

decided='QF_BV|QF_ABV|QF_UFBV|QF_AUFBV|QF_UF|QF_AX|QF_BOOL|QF_CORE|ALL'
known_unsolved="$(grep -v '^#' "$unsolved_list" | awk 'NF { print $1 }')"
failures=0; runs=0; compared=0; other_logic=0
sat=0; unsat=0; unknown=0
# True when the answer sequence $1 has the length of $2 and agrees with it
# wherever $1 is not `unknown`.
matches_where_known() {
  local -a got want
  IFS=, read -ra got <<< "$1"; IFS=, read -ra want <<< "$2"
  [ "${#got[@]}" -eq "${#want[@]}" ] || return 1
  for i in "${!got[@]}"; do
    [ "${got[$i]}" = unknown ] || [ "${got[$i]}" = "${want[$i]}" ] || return 1
  done
}
# True when the answer sequence $1 matches, in order, some of the answers
# of $2, with `unknown` matching any.  Greedy matching is enough: taking the
# earliest place for each answer leaves the most room for the rest.
matches_some_in_order() {
  local -a got want
  IFS=, read -ra got <<< "$1"; IFS=, read -ra want <<< "$2"
  local j=0
  for answer in "${got[@]}"; do
    while [ "$j" -lt "${#want[@]}" ] && [ "$answer" != unknown ] && [ "$answer" != "${want[$j]}" ]; do
      j=$((j + 1))
    done
    [ "$j" -lt "${#want[@]}" ] || return 1
    j=$((j + 1))
  done
}
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }

while IFS=$'\t' read -r path logic _family tier _incremental expected _; do
  case "$path" in
    qf_bv/*) [ "$tier" = easy ] || continue ;;
    incremental/* | qf_abv/* | qf_aufbv/* | qf_ufbv/*) ;;
    *) continue ;;
  esac
  runs=$((runs + 1))
  # 8 GiB of address space at most, so that a blow-up ends in `unknown`
  # (memout) rather than in the kernel's OOM killer on a shared machine.
  (ulimit -v $((8 << 20)); exec timeout $((timeout_s + 30)) "$wang" -t "$timeout_s" --check-models "$root/$path") > "$work/out" 2> "$work/err"
  code=$?
  got="$(grep -xE 'sat|unsat|unknown' "$work/out" | paste -sd, -)"
  if [ "$code" -eq 124 ]; then fail "$path" "ignored its time limit of $timeout_s s"; continue; fi
  if [ "$code" -ne 0 ]; then fail "$path" "exit code $code"; continue; fi
  if grep -q 'internal error' "$work/err"; then fail "$path" "$(grep 'internal error' "$work/err" | head -1)"; continue; fi
  other="$(grep -oE '\(set-logic +[A-Za-z_]+' "$root/$path" | grep -vE " ($decided)\$" | head -1)"
  errors="$(grep '^(error' "$work/out" | grep -v ": unknown command '")"
  if ! [[ "$logic" =~ ^($decided)$ ]] || [ -n "$other" ] || { [ "$logic" != QF_BV ] && [ -n "$errors" ]; }; then
    if [ -n "$other" ]; then
      why="sets ${other#(set-logic }"
    elif [ -n "$errors" ]; then
      why="$logic with errors: $(head -1 <<< "$errors")"
    else
      why="$logic"
    fi
    if ! matches_some_in_order "$got" "$expected"; then
      fail "$path" "($why) answers ${got:-none} contradict the expected $expected"; continue
    fi
    echo "---- $path ($why; answers ${got:-none}, expected $expected)"
    other_logic=$((other_logic + 1))
    continue
  fi
  compared=$((compared + 1))
  for answer in ${got//,/ }; do
    case "$answer" in sat) sat=$((sat + 1)) ;; unsat) unsat=$((unsat + 1)) ;; *) unknown=$((unknown + 1)) ;; esac
  done
  if [ -n "$errors" ]; then fail "$path" "$(head -1 <<< "$errors")"; continue; fi
  if [ "$got" != "$expected" ] && grep -qxF "$path" <<< "$known_unsolved"; then
    if matches_where_known "$got" "$expected"; then
      echo "open $path (known unsolved: $got, expected $expected)"; continue
    fi
  fi
  if [ "$got" != "$expected" ]; then fail "$path" "expected $expected, got ${got:-nothing}"; continue; fi
  echo "ok   $path ($got)"
done < <(tail -n +2 "$manifest")
echo "$runs runs: $compared compared ($sat sat, $unsat unsat, $unknown unknown answers), $other_logic in other logics, $failures failures"
[ "$runs" -gt 0 ] && [ "$failures" -eq 0 ]
