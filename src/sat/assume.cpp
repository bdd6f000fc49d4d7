// Assumptions.
//
// Assumptions are decided first, one per decision level, so that conflict
// analysis treats them as ordinary decisions and learned clauses stay valid
// without them.  When an assumption is found false, the assumptions it
// depends on are collected by walking the implication graph backwards from
// its negation: the decisions reached are exactly the failed assumptions.
#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::decide_assumption(bool& decided) {
  while (decision_level() < assumptions_.size()) {
    const Lit lit = assumptions_[decision_level()];
    const Value v = value(lit);
    if (v == kTrue) {
      new_decision_level();  // keeps levels and assumptions aligned
      continue;
    }
    if (v == kFalse) {
      analyze_failed_assumption(lit);
      return false;
    }
    decide_literal(lit);
    decided = true;
    return true;
  }
  return true;
}

void Internal::analyze_failed_assumption(Lit lit) {
  std::vector<uint8_t> failed_var(num_vars, 0);
  failed_var[var_of(lit)] = 1;
  if (level_of(lit) > 0) {
    seen_[var_of(lit)] = mark::kSeen;
    analyzed_.push_back(var_of(lit));
    for (size_t i = trail_.size(); i > control_[0]; --i) {
      const Var var = var_of(trail_[i - 1]);
      if (!(seen_[var] & mark::kSeen)) continue;
      const ClauseRef reason = vars_[var].reason;
      if (reason == kNoReason) {
        failed_var[var] = 1;
        continue;
      }
      for (Lit other : arena_[reason].literals()) {
        const Var other_var = var_of(other);
        if (other_var == var || vars_[other_var].level == 0 || (seen_[other_var] & mark::kSeen)) continue;
        seen_[other_var] = mark::kSeen;
        analyzed_.push_back(other_var);
      }
    }
    clear_analysis();
  }
  for (Lit assumption : assumptions_) {
    if (failed_var[var_of(assumption)]) failed_[assumption] = 1;
  }
}

}  // namespace wang::sat
