// Scheduling of preprocessing and inprocessing.
//
// The techniques run in the order of one table, `kSchedule`.  Before the
// first search the preprocessing steps run (elimination until it stops
// making progress, adding no clauses).  During search the whole table runs
// at growing conflict intervals; each technique gets its own budget, a
// share (its effort option, in permille) of the propagation ticks the
// search spent since the last round, so that simplification costs stay
// proportional to search however long the run is.  Elimination works on
// the variables touched since its last round, with a bound on added
// clauses that grows from round to round, as learned units and
// strengthened clauses keep opening new opportunities.
//
// Adding a technique: its type in its own file, its options in options.def,
// and a row here.
#include <algorithm>

#include "sat/backbone.hpp"
#include "sat/decompose.hpp"
#include "sat/elim.hpp"
#include "sat/factor.hpp"
#include "sat/internal.hpp"
#include "sat/probe.hpp"
#include "sat/sweep.hpp"
#include "sat/ternary.hpp"
#include "sat/transred.hpp"
#include "sat/vivify.hpp"

namespace wang::sat {

namespace {

constexpr int64_t kPreprocessRounds = 8;
constexpr int64_t kInprocessRounds = 2;
// Before the first search there are no ticks to take a share of.
constexpr int64_t kMinimumEliminationSteps = 20'000'000;

// What one scheduled step is given.
struct Round {
  const Options& opts;
  int64_t search_ticks;  // since the last round
  int64_t count;         // inprocessing rounds so far, 0 when preprocessing

  // The effort option's share of the search ticks, at least `minimum`.
  int64_t budget(int64_t effort_permille, int64_t minimum) const {
    return std::max(minimum, search_ticks * effort_permille / 1000);
  }
};

struct ScheduledStep {
  bool (*enabled)(const Options&);
  bool preprocess;  // runs before the first search too
  void (*run)(Internal&, const Round&);
};

constexpr ScheduledStep kSchedule[] = {
    // Units first: they shorten what every step after them works on.
    {[](const Options& o) { return o.backbone != 0; }, false,
     [](Internal& engine, const Round& round) {
       BackboneFinder(engine).run(round.budget(round.opts.backboneeffort, 0));
     }},
    // Probing next: its units and binary clauses feed every step after it.
    {[](const Options& o) { return o.probe != 0; }, false,
     [](Internal& engine, const Round& round) { Prober(engine).run(round.budget(round.opts.probeeffort, 0)); }},
    // Before decompose, which substitutes the equivalences it finds.
    {[](const Options& o) { return o.sweep != 0; }, false,
     [](Internal& engine, const Round& round) { Sweeper(engine).run(round.budget(round.opts.sweepeffort, 0)); }},
    {[](const Options& o) { return o.decompose != 0; }, true,
     [](Internal& engine, const Round&) { Decomposer(engine).run(); }},
    // Its binary resolvents feed transitive reduction now and probing and
    // decompose at the next round.
    {[](const Options& o) { return o.ternary != 0; }, false,
     [](Internal& engine, const Round& round) {
       TernaryResolver(engine).run(round.budget(round.opts.ternaryeffort, 0));
     }},
    // After decompose: inside a cycle of binary clauses every edge has a path
    // around it, and substitution removes those edges anyway.
    {[](const Options& o) { return o.transred != 0; }, false,
     [](Internal& engine, const Round& round) {
       TransitiveReducer(engine).run(round.budget(round.opts.transredeffort, 0));
     }},
    // Before elimination and only then: factoring the resolvents of
    // elimination would put back variables it removed, which on the
    // 105-instance campaign cost more satisfiable instances than it gained.
    {[](const Options& o) { return o.factor != 0; }, true,
     [](Internal& engine, const Round& round) {
       if (round.count == 0) Factorizer(engine, round.opts.factorsteps * 1'000'000).run();
     }},
    // Subsumption runs within the rounds of elimination: each removes
    // clauses the other would have to visit.
    {[](const Options& o) { return o.elim != 0 || o.subsume != 0; }, true,
     [](Internal& engine, const Round& round) {
       const Options& opts = round.opts;
       // Before the first search only eliminations that add no clauses: the
       // bound grows later, when search has shown whether the formula is
       // hard enough to be worth larger resolvents.
       const int64_t bound = std::min<int64_t>(opts.elimboundmax, (int64_t{1} << round.count) / 2);
       Eliminator eliminator(engine, round.budget(opts.elimeffort, kMinimumEliminationSteps),
                             round.budget(opts.subsumeeffort, kMinimumEliminationSteps));
       eliminator.run(round.count == 0 ? kPreprocessRounds : kInprocessRounds, bound);
     }},
    {[](const Options& o) { return o.vivify != 0; }, false,
     [](Internal& engine, const Round& round) { Vivifier(engine).run(round.budget(round.opts.vivifyeffort, 0)); }},
};

}  // namespace

bool Internal::inprocessing_due() const {
  return stats.conflicts >= next_inprocess_ &&
         std::any_of(std::begin(kSchedule), std::end(kSchedule), [this](const ScheduledStep& step) {
           return step.enabled(opts);
         });
}

void Internal::run_schedule(bool preprocessing) {
  const Round round{opts, stats.ticks - ticks_at_inprocess_, preprocessing ? 0 : inprocess_count_};
  for (const ScheduledStep& step : kSchedule) {
    if (preprocessing && !step.preprocess) continue;
    if (!step.enabled(opts)) continue;
    // Each step leaves a consistent formula, so the search (which stops at
    // its first check) can follow any of them.
    if (inconsistent_ || !propagate_root_level() || limits_reached_now()) break;
    simplify_root();
    step.run(*this, round);
  }
  if (!inconsistent_) propagate_root_level();
  ticks_at_inprocess_ = stats.ticks;
}

void Internal::preprocess() { run_schedule(true); }

void Internal::inprocess() {
  ++inprocess_count_;
  backtrack(0);
  run_schedule(false);
  check_invariants();
  next_inprocess_ = stats.conflicts + opts.inprocessint * (inprocess_count_ + 1);
}

}  // namespace wang::sat
