// Learned clause database reduction: the time of one Internal::reduce() on
// a database of genuine learned clauses.
//
// Once per process, a search on a random 3-SAT formula runs with reduction
// switched off until it has learned the wanted number of clauses; their
// literals, glue, activity and usage marks are kept.  Every iteration then
// builds a fresh engine with the same formula and that learned database
// (untimed), runs one reduce() untimed, as the previous reduction would
// have run (it ages the usage marks: the clauses' first reduction only marks
// them), and times the next reduce() (manual time): ranking the candidates,
// deleting the worst share and compacting the arena and the watch lists.
#include <benchmark/benchmark.h>

#include <chrono>
#include <map>
#include <memory>
#include <vector>

#include "internal_tester.hpp"

namespace wang::sat {
namespace {

constexpr uint32_t kVariables = 20000;
constexpr uint32_t kClauses = 84000;  // ratio 4.2
constexpr uint64_t kSeed = 11;

using LearnedDatabase = std::vector<InternalTester::LearnedClause>;

// The learned clauses after `conflicts` conflicts without reduction.
const LearnedDatabase& learned_database(int64_t conflicts) {
  static std::map<int64_t, LearnedDatabase> cache;
  auto found = cache.find(conflicts);
  if (found != cache.end()) return found->second;
  Internal engine;
  engine.opts.reduceint = 1000000;       // no reduction while collecting
  engine.opts.inprocessint = 1000000000;  // nor inprocessing, which deletes learned clauses too
  InternalTester::load_random_3sat(engine, kVariables, kClauses, kSeed);
  engine.limits.conflicts = conflicts;
  engine.solve({});
  return cache.emplace(conflicts, InternalTester::learned_clauses(engine)).first->second;
}

void BM_ReduceLearned(benchmark::State& state) {
  const LearnedDatabase& learned = learned_database(state.range(0));
  int64_t deleted = 0;
  for (auto _ : state) {
    auto engine = std::make_unique<Internal>();
    InternalTester::load_random_3sat(*engine, kVariables, kClauses, kSeed);
    InternalTester::add_learned_clauses(*engine, learned);
    InternalTester::reduce(*engine);
    const int64_t before = InternalTester::redundant(*engine);
    const auto start = std::chrono::steady_clock::now();
    InternalTester::reduce(*engine);
    const auto stop = std::chrono::steady_clock::now();
    state.SetIterationTime(std::chrono::duration<double>(stop - start).count());
    deleted += before - InternalTester::redundant(*engine);
  }
  state.counters["learned"] = static_cast<double>(learned.size());  // before the untimed reduce
  state.counters["deleted"] = static_cast<double>(deleted) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(learned.size()));
}
BENCHMARK(BM_ReduceLearned)->Arg(20000)->Arg(50000)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace wang::sat
