// Restarts.
//
// Focused mode restarts as soon as the glue of recent learned clauses (a
// fast moving average) rises clearly above the long-term average: the search
// has wandered into a region where it learns poor clauses.  Stable mode
// restarts rarely, after a number of conflicts following the Luby sequence,
// to give target phases time to steer the search towards a model.
// A restart keeps the assumption levels: they would be re-decided anyway.
// It also keeps the decision levels whose decisions the heuristic would make
// again right away (trail reuse): their decision variables rank above the
// best unassigned variable, so backtracking over them would only repeat
// them.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::update_glue_averages(uint32_t glue) {
  fast_glue_.update(glue);
  slow_glue_.update(glue);
}

bool Internal::restart_due() const {
  if (stable_) return stats.conflicts >= next_stable_restart_;
  if (stats.conflicts - conflicts_at_restart_ < opts.restartint) return false;
  return fast_glue_.value() > slow_glue_.value() * static_cast<double>(opts.restartmargin) / 100.0;
}

void Internal::schedule_stable_restart() {
  const uint64_t interval = reluctant_.next() * static_cast<uint64_t>(opts.reluctant);
  next_stable_restart_ = stats.conflicts + static_cast<int64_t>(std::min<uint64_t>(interval, opts.reluctantmax));
}

uint32_t Internal::reusable_levels() {
  const uint32_t assumed = std::min<uint32_t>(decision_level(), static_cast<uint32_t>(assumptions_.size()));
  const Var next = stable_ ? next_stable_variable() : next_focused_variable();
  if (next == VmtfQueue::kNone) return decision_level();
  if (stable_) heap_.push(next);  // only looked at, not decided
  const auto ranks_above_next = [&](Var var) {
    return stable_ ? scores_[var] > scores_[next] : queue_.stamp(var) > queue_.stamp(next);
  };
  uint32_t level = assumed;
  while (level < decision_level() && ranks_above_next(var_of(trail_[control_[level]]))) ++level;
  if (level > assumed) stats.reused_levels += level - assumed;
  return level;
}

void Internal::restart() {
  ++stats.restarts;
  update_phases(trail_.size());
  backtrack(opts.reusetrail ? reusable_levels()
                            : std::min<uint32_t>(decision_level(), static_cast<uint32_t>(assumptions_.size())));
  conflicts_at_restart_ = stats.conflicts;
  if (stable_) schedule_stable_restart();
}

}  // namespace wang::sat
