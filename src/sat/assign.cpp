// Assigning and unassigning literals.
//
// The trail lists assigned literals in order; `control_` remembers where each
// decision level starts, so backtracking is a truncation of the trail.  Phase
// saving happens while unassigning: the value a variable had is the value the
// next decision on it tries, which keeps the solver near assignments that
// satisfied many clauses.
#include "sat/internal.hpp"

namespace wang::sat {

void Internal::assign_root_unit(Lit lit, ClauseId id) {
  // Only in the root part of the trail (see check_trail).
  WANG_SAT_ASSERT(decision_level() == 0);
  assign(lit, kNoReason);
  vars_[var_of(lit)].level = 0;
  unit_ids_[var_of(lit)] = id;
}

void Internal::new_decision_level() { control_.push_back(static_cast<uint32_t>(trail_.size())); }

void Internal::decide_literal(Lit lit) {
  ++stats.decisions;
  new_decision_level();
  assign(lit, kNoReason);
}

void Internal::backtrack(uint32_t level, bool save_phases) {
  if (level >= decision_level()) return;
  const size_t keep = control_[level];
  for (size_t i = trail_.size(); i > keep; --i) {
    const Lit lit = trail_[i - 1];
    const Var var = var_of(lit);
    values_[lit] = kUnassigned;
    values_[negate(lit)] = kUnassigned;
    if (save_phases) saved_phase_[var] = is_negative(lit) ? -1 : 1;
    if (stable_) {
      heap_.push(var);
    } else {
      queue_.unassigned(var);
    }
  }
  trail_.resize(keep);
  control_.resize(level);
  if (propagated_ > keep) propagated_ = keep;
}

}  // namespace wang::sat
