// Propagation throughput: random decisions on a fixed random 3-SAT formula,
// propagated to fixpoint or conflict, then undone.  Reports propagated
// literals per second, the figure that bounds the whole solver's speed.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "sat/internal.hpp"

namespace wang::sat {

// The engine's white-box access point (declared a friend by Internal).
class InternalTester {
 public:
  static void load_random_3sat(Internal& engine, uint32_t variables, uint32_t clauses, uint64_t seed) {
    std::mt19937_64 rng(seed);
    engine.reserve_variables(variables);
    std::vector<Lit> clause(3);
    for (uint32_t i = 0; i < clauses; ++i) {
      for (Lit& lit : clause) lit = make_lit(static_cast<Var>(rng() % variables), rng() & 1);
      engine.add_original_clause(clause);
    }
  }

  // Decides random unassigned literals until a conflict or `depth` levels.
  static int64_t descend(Internal& engine, std::mt19937_64& rng, uint32_t depth) {
    const int64_t before = engine.stats.propagations;
    for (uint32_t level = 0; level < depth; ++level) {
      const Var var = static_cast<Var>(rng() % engine.num_vars);
      const Lit lit = make_lit(var, rng() & 1);
      if (engine.value(lit) != kUnassigned) continue;
      engine.decide_literal(lit);
      if (engine.propagate() != kNoReason) break;
    }
    engine.backtrack(0);
    return engine.stats.propagations - before;
  }
};

namespace {

void BM_PropagateRandom3Sat(benchmark::State& state) {
  const uint32_t variables = static_cast<uint32_t>(state.range(0));
  Internal engine;
  InternalTester::load_random_3sat(engine, variables, variables * 4, 1);
  std::mt19937_64 rng(2);
  int64_t propagated = 0;
  for (auto _ : state) propagated += InternalTester::descend(engine, rng, 1000);
  state.SetItemsProcessed(propagated);
}
BENCHMARK(BM_PropagateRandom3Sat)->Arg(10000)->Arg(1000000);

}  // namespace
}  // namespace wang::sat
