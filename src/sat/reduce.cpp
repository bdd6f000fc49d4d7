// Reduction of the learned clause database.
//
// Learned clauses are kept in three tiers by glue.  Tier 1 (glue up to
// tier1glue) is kept forever: such clauses are rare and keep proving useful.
// Tier 2 survives as long as it keeps being used in conflict analysis.  The
// rest (tier 3) is kept only while recently used; at each reduction the
// unused ones are ranked by glue and then activity, and the worst share is
// deleted.  Hyper-binary resolvents of probing (there can be millions of
// them on large circuits) and ternary resolvents are not ranked: each goes
// at the first reduction it was not used since.  Reason clauses of the
// current trail are never deleted.  The interval between reductions grows
// with the square root of their number, so the database grows slowly over a
// long run.
#include <algorithm>
#include <cmath>

#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::reduce_due() const { return stats.conflicts >= next_reduce_; }

bool Internal::is_reason(ClauseRef ref) const {
  const Clause& clause = arena_[ref];
  for (size_t i = 0; i < std::min<size_t>(clause.size, 2); ++i) {
    const Lit lit = clause[i];
    if (value(lit) == kTrue && vars_[var_of(lit)].reason == ref) return true;
  }
  return false;
}

void Internal::mark_reasons(bool protect) {
  for (uint32_t i = decision_level() ? control_[0] : static_cast<uint32_t>(trail_.size()); i < trail_.size(); ++i) {
    const ClauseRef reason = vars_[var_of(trail_[i])].reason;
    if (reason != kNoReason) arena_[reason].reason = protect ? 1 : 0;
  }
}

void Internal::reduce() {
  PhaseTimer timer(stats.time_reduce);
  ++stats.reductions;
  mark_reasons(true);
  std::vector<ClauseRef> candidates;
  const uint32_t tier1 = static_cast<uint32_t>(opts.tier1glue);
  for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
    Clause& clause = arena_[ref];
    if (!clause.learnt || clause.garbage || clause.reason) continue;
    if (clause.hyper) {
      if (clause.used) {
        --clause.used;
      } else {
        delete_clause(ref);
        ++stats.deleted;
      }
      continue;
    }
    if (clause.glue <= tier1) continue;
    if (clause.used) {
      --clause.used;
      continue;
    }
    candidates.push_back(ref);
  }
  // Worst first: high glue, then low activity.
  std::sort(candidates.begin(), candidates.end(), [this](ClauseRef a, ClauseRef b) {
    const Clause& x = arena_[a];
    const Clause& y = arena_[b];
    if (x.glue != y.glue) return x.glue > y.glue;
    return x.activity < y.activity;
  });
  const size_t target = candidates.size() * static_cast<size_t>(opts.reducetarget) / 100;
  for (size_t i = 0; i < target; ++i) delete_clause(candidates[i]);
  stats.deleted += static_cast<int64_t>(target);
  mark_reasons(false);
  collect_garbage();
  next_reduce_ = stats.conflicts +
                 static_cast<int64_t>(static_cast<double>(opts.reduceint) * std::sqrt(static_cast<double>(stats.reductions + 1)));
}

}  // namespace wang::sat
