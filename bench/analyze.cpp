// Conflict analysis on a fixed random 3-SAT formula near the threshold
// (4.26 clauses per variable), two ways:
//
// - BM_AnalyzeConflict: the time of Internal::analyze alone (first-UIP
//   learning, minimization and shrinking, bumping, backjump, asserting the
//   learned clause).  The CDCL loop runs untimed up to each conflict; only
//   the analyze call is timed (manual time), so the figure is analyses per
//   second, independent of propagation speed.
// - BM_SolveConflictLimit: conflicts per second of the whole solver through
//   the public API, each iteration a fresh solver stopped after a fixed
//   number of conflicts (the solver's construction and the clauses'
//   addition are not timed).
#include <benchmark/benchmark.h>

#include <chrono>
#include <memory>
#include <random>
#include <vector>

#include "internal_tester.hpp"
#include "wang/sat.hpp"

namespace wang::sat {
namespace {

constexpr double kRatio = 4.26;

// A fresh engine with the formula, configured and past preprocessing (a
// short search through the normal entry point), ready for the CDCL loop.
std::unique_ptr<Internal> prepared_engine(uint32_t variables, uint64_t seed) {
  auto engine = std::make_unique<Internal>();
  InternalTester::load_random_3sat(*engine, variables, static_cast<uint32_t>(variables * kRatio), seed);
  engine->limits.conflicts = 100;
  engine->solve({});
  engine->limits.conflicts = -1;
  return engine;
}

void BM_AnalyzeConflict(benchmark::State& state) {
  const uint32_t variables = static_cast<uint32_t>(state.range(0));
  uint64_t seed = 1;
  std::unique_ptr<Internal> engine = prepared_engine(variables, seed);
  int64_t learned_literals = 0;
  int64_t analyses = 0;
  for (auto _ : state) {
    ClauseRef conflict = InternalTester::next_conflict(*engine);
    while (conflict == kNoReason) {  // solved: go on with another formula of the same kind
      engine = prepared_engine(variables, ++seed);
      conflict = InternalTester::next_conflict(*engine);
    }
    const auto start = std::chrono::steady_clock::now();
    InternalTester::analyze(*engine, conflict);
    const auto stop = std::chrono::steady_clock::now();
    state.SetIterationTime(std::chrono::duration<double>(stop - start).count());
    learned_literals += static_cast<int64_t>(InternalTester::learnt_size(*engine));
    ++analyses;
  }
  state.SetItemsProcessed(analyses);
  state.counters["learned_size"] = analyses ? static_cast<double>(learned_literals) / static_cast<double>(analyses) : 0;
}
BENCHMARK(BM_AnalyzeConflict)->Arg(5000)->Arg(50000)->UseManualTime();

std::vector<std::vector<int>> random_3sat_dimacs(int variables, int clauses, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::vector<int>> result(static_cast<size_t>(clauses), std::vector<int>(3));
  for (auto& clause : result) {
    for (int& literal : clause) {
      literal = static_cast<int>(rng() % static_cast<uint64_t>(variables)) + 1;
      if (rng() & 1) literal = -literal;
    }
  }
  return result;
}

void BM_SolveConflictLimit(benchmark::State& state) {
  const int variables = static_cast<int>(state.range(0));
  const int64_t conflict_limit = state.range(1);
  const auto formula = random_3sat_dimacs(variables, static_cast<int>(variables * kRatio), 3);
  int64_t conflicts = 0;
  std::unique_ptr<Solver> solver;
  for (auto _ : state) {
    state.PauseTiming();
    solver = std::make_unique<Solver>();
    for (const auto& clause : formula) solver->add_clause(clause);
    Limits limits;
    limits.conflicts = conflict_limit;
    solver->set_limits(limits);
    state.ResumeTiming();
    benchmark::DoNotOptimize(solver->solve());
    state.PauseTiming();
    for (const Statistic& statistic : solver->statistics()) {
      if (statistic.name == "conflicts") conflicts += static_cast<int64_t>(statistic.value);
    }
    solver.reset();
    state.ResumeTiming();
  }
  state.counters["conflicts"] = benchmark::Counter(static_cast<double>(conflicts), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SolveConflictLimit)->Args({5000, 20000})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace wang::sat
