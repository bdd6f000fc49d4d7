// Preprocessing: the time of one check-sat on a chain of n equations
// x_i = x_{i+1} + 1 with x_0 = 5, which variable substitution solves
// completely (nothing is left to bit-blast).  Each iteration builds the
// chain in a fresh term manager and solver (untimed) and times check_sat,
// so the figure grows with n as the passes do: linearly unless some pass
// pays per candidate for every term made.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "wang/smt.hpp"

namespace {

using wang::smt::Kind;
using wang::smt::Sort;
using wang::smt::Term;
using wang::smt::TermManager;

void BM_SubstituteChain(benchmark::State& state) {
  const int64_t length = state.range(0);
  for (auto _ : state) {
    state.PauseTiming();
    auto terms = std::make_unique<TermManager>();
    auto solver = std::make_unique<wang::smt::Solver>(*terms);
    const Sort sort = Sort::bitvec(32);
    const Term one = terms->mk_bv(wang::bv::BitVector::from_uint64(32, 1));
    std::vector<Term> xs;
    for (int64_t i = 0; i <= length; ++i) xs.push_back(terms->mk_const(sort, "x" + std::to_string(i)));
    for (int64_t i = 0; i < length; ++i) {
      solver->assert_formula(terms->mk_term(Kind::Equal, {xs[i], terms->mk_term(Kind::BvAdd, {xs[i + 1], one})}));
    }
    solver->assert_formula(terms->mk_term(Kind::Equal, {xs[0], terms->mk_bv(wang::bv::BitVector::from_uint64(32, 5))}));
    state.ResumeTiming();
    benchmark::DoNotOptimize(solver->check_sat());
    state.PauseTiming();
    solver.reset();
    terms.reset();
    state.ResumeTiming();
  }
  state.SetComplexityN(length);
}
BENCHMARK(BM_SubstituteChain)->Arg(10000)->Arg(40000)->Unit(benchmark::kMillisecond)->Complexity();

}  // namespace
