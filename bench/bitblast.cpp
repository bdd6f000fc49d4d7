// Bit-blasting: the time to turn one bit-vector operation on fresh
// constants into AIG gates (TermBlaster, no CNF), and to assert an equation
// through smt::Solver::assert_formula (bit-blasting plus CNF encoding into
// the SAT core, no solving).  The terms are built once, outside the timed
// loop; every iteration blasts into a fresh AIG or solver.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>

#include "aig/aig.hpp"
#include "solver/term_blaster.hpp"
#include "wang/smt.hpp"

namespace {

using wang::smt::Kind;
using wang::smt::Sort;
using wang::smt::Term;
using wang::smt::TermManager;

constexpr Kind kOperations[] = {Kind::BvAdd, Kind::BvMul, Kind::BvUdiv, Kind::BvUrem, Kind::BvSdiv};

// x OP y over fresh constants of the given width.
Term operation(TermManager& terms, Kind kind, uint32_t width) {
  const Term x = terms.mk_const(Sort::bitvec(width), "x");
  const Term y = terms.mk_const(Sort::bitvec(width), "y");
  return terms.mk_term(kind, {x, y});
}

void BM_BlastToAig(benchmark::State& state) {
  const Kind kind = kOperations[state.range(0)];
  const uint32_t width = static_cast<uint32_t>(state.range(1));
  TermManager terms;
  const Term term = operation(terms, kind, width);
  uint32_t nodes = 0;
  for (auto _ : state) {
    wang::aig::Aig aig;
    wang::smt::TermBlaster blaster(aig, terms);
    benchmark::DoNotOptimize(blaster.bits(term).data());
    nodes = aig.num_nodes();
  }
  state.SetLabel(std::string(wang::smt::op_info(kind).name) + " " + std::to_string(width));
  state.counters["aig_nodes"] = nodes;
}
BENCHMARK(BM_BlastToAig)
    ->ArgsProduct({{0, 1, 2, 3, 4}, {32, 64}})
    ->Unit(benchmark::kMicrosecond);

void BM_AssertFormula(benchmark::State& state) {
  const Kind kind = kOperations[state.range(0)];
  const uint32_t width = static_cast<uint32_t>(state.range(1));
  TermManager terms;
  const Term z = terms.mk_const(Sort::bitvec(width), "z");
  const Term equation = terms.mk_term(Kind::Equal, {operation(terms, kind, width), z});
  for (auto _ : state) {
    state.PauseTiming();
    auto solver = std::make_unique<wang::smt::Solver>(terms);
    state.ResumeTiming();
    solver->assert_formula(equation);
    state.PauseTiming();
    solver.reset();
    state.ResumeTiming();
  }
  state.SetLabel(std::string(wang::smt::op_info(kind).name) + " " + std::to_string(width));
}
BENCHMARK(BM_AssertFormula)->ArgsProduct({{1, 2}, {64}})->Unit(benchmark::kMicrosecond);

}  // namespace
