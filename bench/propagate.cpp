// Propagation throughput: random decisions on a fixed random 3-SAT formula,
// propagated to fixpoint or conflict, then undone.  Reports propagated
// literals per second, the figure that bounds the whole solver's speed.
#include <benchmark/benchmark.h>

#include <random>

#include "internal_tester.hpp"

namespace wang::sat {
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
