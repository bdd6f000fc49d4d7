// Lucky assignments: many formulas from applications are satisfied by
// setting every variable false, or every variable true, as long as
// propagation fixes what those choices leave open (Kissat's lucky.c tries
// the same before its search).  Each attempt decides the unassigned
// variables in index order, or in reverse, all with one sign, and
// propagates after each decision; the first conflict ends it.  An attempt
// costs one propagation of the whole formula, so the four together are
// cheap next to the search they may spare; they add no clauses, so proofs
// are unaffected.
#include "sat/lucky.hpp"

namespace wang::sat {

bool Lucky::run() {
  for (const bool negative : {true, false}) {
    for (const bool forward : {true, false}) {
      if (attempt(forward, negative)) {
        ++stats().lucky_models;
        return true;
      }
    }
  }
  return false;
}

bool Lucky::attempt(bool forward, bool negative) {
  // Limits (time, termination) are read every so many variables.
  constexpr Var kLimitCheckInterval = 1024;
  const auto give_up = [this] {
    backtrack_probe(0);
    return false;
  };
  const Var vars = num_vars();
  for (Var i = 0; i < vars; ++i) {
    const Var var = forward ? i : vars - 1 - i;
    if (status(var) != VarStatus::active || value(make_lit(var, false)) != kUnassigned) continue;
    if (i % kLimitCheckInterval == 0 && limits_reached_now()) return give_up();
    new_decision_level();
    assign_decision(make_lit(var, negative));
    if (propagate() != kNoReason) return give_up();
  }
  return true;
}

}  // namespace wang::sat
