// Target and best phases, and rephasing.
//
// Besides the phase each variable had last (saved phase), the solver
// remembers the assignment of the longest conflict-free trail since the last
// rephase (target phase) and overall (best phase).  Stable mode decides with
// target phases, which steers the search back towards the largest partial
// model it has seen; this is what makes modern solvers strong on
// satisfiable instances.  Rephasing periodically resets the saved phases to
// the best phases, to the result of a local search, or to a fixed original
// or inverted assignment, to escape regions where phase saving keeps the
// search stuck.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::copy_trail_phases(std::vector<int8_t>& phases, size_t upto) {
  for (size_t i = 0; i < upto; ++i) {
    const Lit lit = trail_[i];
    phases[var_of(lit)] = is_negative(lit) ? -1 : 1;
  }
}

void Internal::update_phases(size_t consistent_trail) {
  if (consistent_trail > target_assigned_) {
    copy_trail_phases(target_phase_, consistent_trail);
    target_assigned_ = consistent_trail;
  }
  if (consistent_trail > best_assigned_) {
    copy_trail_phases(best_phase_, consistent_trail);
    best_assigned_ = consistent_trail;
  }
}

bool Internal::rephase_due() const { return opts.rephase && stats.conflicts >= next_rephase_; }

// The cycle of rephase steps: B(est), W(alk), O(riginal), B, W, I(nverted).
void Internal::rephase() {
  ++stats.rephases;
  const int8_t original = opts.phase ? 1 : -1;
  switch (rephase_count_++ % 6) {
    case 0:
    case 3:
      for (Var var = 0; var < num_vars; ++var) {
        if (best_phase_[var]) saved_phase_[var] = best_phase_[var];
      }
      best_assigned_ = 0;
      break;
    case 1:
    case 4:
      if (opts.walk) walk();
      break;
    case 2:
      std::fill(saved_phase_.begin(), saved_phase_.end(), original);
      break;
    case 5:
      std::fill(saved_phase_.begin(), saved_phase_.end(), static_cast<int8_t>(-original));
      break;
  }
  target_phase_ = saved_phase_;
  target_assigned_ = 0;
  next_rephase_ = stats.conflicts + opts.rephaseint * (rephase_count_ + 1);
}

}  // namespace wang::sat
