// The CDCL loop.
//
// Propagate; on a conflict learn and backjump; otherwise run whatever is
// scheduled (restart, rephase, reduce, mode switch, root simplification),
// decide the assumptions, then a heuristic decision.  Every scheduled step
// runs only after a conflict-free propagation, when the trail and the watch
// lists are consistent.
#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::propagate_root_level() {
  const ClauseRef conflict = propagate();
  if (conflict != kNoReason) {
    learn_empty_clause(conflict);
    return false;
  }
  derive_root_units();
  return true;
}

Result Internal::search() {
  PhaseTimer timer(stats.time_search);
  for (;;) {
    const ClauseRef conflict = propagate();
    if (conflict != kNoReason) {
      if (decision_level() == 0) {
        learn_empty_clause(conflict);
        return Result::unsatisfiable;
      }
      analyze(conflict);
      continue;
    }
    if (decision_level() == 0) {
      derive_root_units();
      stats.fixed = static_cast<int64_t>(trail_.size());
    }
    if (limits_reached()) return Result::unknown;
    if (restart_due()) restart();
    if (rephase_due()) rephase();
    if (reduce_due()) reduce();
    if (mode_switch_due()) switch_mode();
    if (simplify_due()) simplify_root();
    if (inprocessing_due()) {
      inprocess();
      if (inconsistent_) return Result::unsatisfiable;
      continue;
    }
    bool decided = false;
    if (!decide_assumption(decided)) return Result::unsatisfiable;
    if (decided) continue;
    if (!decide()) return Result::satisfiable;
  }
}

}  // namespace wang::sat
