// Scheduling of preprocessing and inprocessing.
//
// Before the first search, subsumption and bounded variable elimination
// run until they stop making progress (within a step budget).  During
// search they run again at growing conflict intervals, on the variables
// touched since the last round, with a bound on added clauses that grows
// from round to round, as learned units and strengthened clauses keep
// opening new opportunities.  Vivification of learned clauses follows.
#include <algorithm>

#include "sat/decompose.hpp"
#include "sat/elim.hpp"
#include "sat/internal.hpp"
#include "sat/subsume.hpp"
#include "sat/vivify.hpp"

namespace wang::sat {

namespace {
constexpr int64_t kPreprocessRounds = 8;
constexpr int64_t kMinimumStepBudget = 20'000'000;
}  // namespace

bool Internal::inprocessing_due() const {
  return (opts.elim || opts.subsume || opts.decompose || opts.vivify) && stats.conflicts >= next_inprocess_;
}

// Subsumption and elimination rounds until no progress, `max_rounds` at most.
void Internal::simplify_formula(int64_t max_rounds, int64_t bound) {
  StepBudget budget;
  budget.limit = std::max<int64_t>(kMinimumStepBudget, (stats.ticks - ticks_at_inprocess_) / 10);
  for (int64_t round = 0; round < max_rounds && !inconsistent_; ++round) {
    if (!propagate_root_level()) return;
    // Each phase leaves a consistent formula, so the search (which stops
    // at its first check) can follow any of them.
    if (limits_reached_now()) break;
    simplify_root();
    if (opts.decompose && !limits_reached_now()) {
      Decomposer(*this).run();
      if (inconsistent_ || !propagate_root_level()) return;
      if (limits_reached_now()) break;
      simplify_root();
    }
    if (limits_reached_now()) break;
    OccurrenceLists occurrences;
    occurrences.connect(arena_, num_vars);
    if (opts.subsume) Subsumer(*this, occurrences, budget).run();
    const bool stopped = limits_reached_now();
    Eliminator eliminator(*this, occurrences, budget);
    const bool progress = !inconsistent_ && opts.elim && !stopped && eliminator.run(bound);
    eliminator.delete_learnt_with_eliminated();
    collect_garbage();
    if (stopped || !progress || budget.exhausted()) break;
  }
  if (!inconsistent_) propagate_root_level();
  ticks_at_inprocess_ = stats.ticks;
}

// Before the first search only eliminations that do not add clauses: the
// bound grows later, in inprocessing, when search has shown whether the
// formula is hard enough to be worth larger resolvents.
void Internal::preprocess() {
  if (!opts.elim && !opts.subsume && !opts.decompose) return;
  simplify_formula(kPreprocessRounds, 0);
}

void Internal::inprocess() {
  ++inprocess_count_;
  backtrack(0);
  const int64_t bound = std::min<int64_t>(opts.elimboundmax, (int64_t{1} << inprocess_count_) / 2);
  if (opts.elim || opts.subsume || opts.decompose) simplify_formula(2, bound);
  if (opts.vivify && !inconsistent_) {
    Vivifier(*this).run((stats.ticks - ticks_at_vivify_) * opts.vivifyeffort / 1000);
    ticks_at_vivify_ = stats.ticks;
  }
  next_inprocess_ = stats.conflicts + opts.inprocessint * (inprocess_count_ + 1);
}

}  // namespace wang::sat
