// Alternation between focused and stable mode.
//
// Focused mode (VMTF, frequent restarts) is good at refuting, stable mode
// (EVSIDS, target phases, rare restarts) at finding models; alternating gets
// most of both.  The first focused mode lasts a fixed number of conflicts.
// Later modes are measured in propagation ticks rather than conflicts,
// because the two modes produce conflicts at very different rates; each mode
// lasts twice as long as the previous one, so that a long run spends long
// stretches in each mode while short runs still see both.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::mode_switch_due() const {
  if (opts.stable != 1) return false;
  if (mode_ticks_ == 0) return stats.conflicts >= opts.modeinit;
  if (!opts.modeticks) return stats.conflicts >= next_mode_switch_conflicts_;
  return stats.ticks >= next_mode_switch_ticks_;
}

void Internal::switch_mode() {
  if (mode_ticks_ == 0) mode_ticks_ = std::max<int64_t>(stats.ticks - ticks_at_first_mode_, 1);
  ++stats.mode_switches;
  const int64_t doublings = std::min<int64_t>(stats.mode_switches, 40);
  next_mode_switch_ticks_ = stats.ticks + mode_ticks_ * (int64_t{1} << doublings);
  next_mode_switch_conflicts_ = stats.conflicts + opts.modeinit * (int64_t{1} << doublings);
  backtrack(0);
  if (stable_) {
    stable_ = false;
    queue_.set_cursor(queue_.last());
  } else {
    enter_stable_mode();
  }
  conflicts_at_restart_ = stats.conflicts;
}

void Internal::enter_stable_mode() {
  stable_ = true;
  heap_.clear();
  for (Var var = 0; var < num_vars; ++var) {
    if (status_[var] == VarStatus::active && values_[make_lit(var, false)] == kUnassigned) heap_.push(var);
  }
  reluctant_ = ReluctantDoubling{};
  schedule_stable_restart();
}

}  // namespace wang::sat
