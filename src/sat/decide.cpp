// Decisions.
//
// Focused mode takes the most recently bumped unassigned variable from the
// VMTF queue; stable mode takes the variable of highest EVSIDS score from the
// heap.  VMTF reacts at once to the latest conflicts, which pays off with the
// frequent restarts of focused mode; EVSIDS averages over many conflicts and
// suits the long runs of stable mode.
#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::decide() {
  const Var var = stable_ ? next_stable_variable() : next_focused_variable();
  if (var == VmtfQueue::kNone) return false;
  decide_literal(decision_phase(var));
  return true;
}

Var Internal::next_focused_variable() {
  Var var = queue_.cursor();
  while (var != VmtfQueue::kNone &&
         (values_[make_lit(var, false)] != kUnassigned || status_[var] != VarStatus::active)) {
    var = queue_.previous(var);
  }
  queue_.set_cursor(var);
  return var;
}

Var Internal::next_stable_variable() {
  while (!heap_.empty()) {
    const Var var = heap_.pop();
    if (values_[make_lit(var, false)] == kUnassigned && status_[var] == VarStatus::active) return var;
  }
  return VmtfQueue::kNone;
}

Lit Internal::decision_phase(Var var) const {
  int8_t phase = 0;
  if (opts.target == 2 || (opts.target == 1 && stable_)) phase = target_phase_[var];
  if (phase == 0) phase = saved_phase_[var];
  if (phase == 0) phase = opts.phase ? 1 : -1;
  return make_lit(var, phase < 0);
}

}  // namespace wang::sat
