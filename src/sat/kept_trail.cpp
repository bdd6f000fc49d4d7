// Keeping the trail between incremental calls (lazy backtracking).
//
// A client that refines its problem after each model (the lemma loop of the
// SMT layer: solve, check the theories, add lemmas, solve again) would pay
// for a complete assignment per call if every call started from the root.
// After a satisfiable call the trail stays instead; a clause added then
// backtracks only as far as it must to be watched correctly, and the next
// call keeps the decision levels whose decisions are still its assumptions.
// Off by default: on the lemma loops measured (yosys-smtbmc under -s z3) it
// did not pay, since the definitions of a lemma's new gates already send the
// trail back to the levels of their inputs (docs/performance.md).
//
// A clause added on a trail is sorted so that its watches are two literals
// that are not false, or one such literal and the false literal assigned
// last.  It then falls in one of these cases, with L the highest level of
// its false literals and L' the next lower one:
//   two literals not false        nothing to undo;
//   one true literal at <= L      nothing to undo (it stays true as long as
//                                 the other watch stays false);
//   one other literal             backtrack to L and propagate it there;
//   all false, two of them at L   backtrack below L: two watches unassigned;
//   all false, one of them at L   backtrack to L' and propagate it there;
//   all false at the root         the formula is unsatisfiable.
// Propagating at the level of the highest other literal keeps the invariant
// that a reason has a literal at its own level (minimization needs it).
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::add_clause_on_trail(std::span<const Lit> literals, ClauseId id) {
  if (decision_level() == 0 || literals.size() < 2) {
    backtrack(0);
    add_clause_at_root(literals, id);
    return;
  }
  std::vector<Lit> clause(literals.begin(), literals.end());
  const auto rank = [this](Lit lit) -> int64_t {
    // Unassigned first, then true (oldest first), then false (newest first).
    const Value v = value(lit);
    if (v == kUnassigned) return -1;
    if (v == kTrue) return level_of(lit);
    return int64_t{1} << 40 | (UINT32_MAX - level_of(lit));
  };
  const auto sort_for_watching = [&] {
    std::sort(clause.begin(), clause.end(), [&](Lit a, Lit b) { return rank(a) < rank(b); });
  };
  sort_for_watching();
  const auto is_false = [this](Lit lit) { return value(lit) == kFalse; };
  const size_t open = static_cast<size_t>(std::find_if(clause.begin(), clause.end(), is_false) - clause.begin());
  const uint32_t highest = open < clause.size() ? level_of(clause[open]) : 0;
  uint32_t target = decision_level();
  bool propagates = false;
  if (open == 1) {
    if (value(clause[0]) != kTrue || level_of(clause[0]) > highest) {
      target = highest;
      propagates = true;
    }
  } else if (open == 0) {
    if (highest == 0) {
      target = 0;  // falsified at the root
    } else if (level_of(clause[1]) == highest) {
      target = highest - 1;
    } else {
      target = level_of(clause[1]);
      propagates = true;
    }
  }
  backtrack(target);
  if (target == 0) {
    add_clause_at_root(clause, id);
    return;
  }
  if (open == 0 && !propagates) sort_for_watching();  // both newest literals are unassigned now
  const ClauseRef ref = new_clause(clause, false, 0, id);
  for (Lit lit : clause) elim_touched_[var_of(lit)] = 1;
  if (propagates) assign(clause[0], ref);
}

void Internal::keep_assumption_levels() {
  uint32_t kept = 0;
  while (kept < decision_level() && kept < assumptions_.size()) {
    const size_t begin = control_[kept];
    const size_t end = kept + 1 < decision_level() ? control_[kept + 1] : trail_.size();
    if (begin == end || trail_[begin] != assumptions_[kept]) break;
    ++kept;
  }
  if (kept < assumptions_.size() || !opts.keeptrail) backtrack(opts.keeptrail ? kept : 0);
  stats.kept_levels += decision_level();
}

}  // namespace wang::sat
