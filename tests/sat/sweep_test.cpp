// SAT sweeping (src/sat/sweep.cpp) on gates that only a case split shows
// equal or constant: models satisfy the formula, the internal checker
// re-verifies every step of the sub-solver, and refutations pass the
// independent proof checker in every format.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

// Gates over inputs a and b and the six variables from `first`:
// x = a xor b; y = a xnor b; u = x and y, which is false in every model;
// then o = a or b, n = a and b, z = o and not n, which equals x.
// Propagation and probing see neither: both need a split on a.  Returns z.
int add_gate_block(Formula& formula, int a, int b, int first) {
  const int x = first, y = first + 1, u = first + 2, o = first + 3, n = first + 4, z = first + 5;
  const Formula block = {
      {-x, a, b}, {-x, -a, -b}, {x, -a, b},  {x, a, -b},   // x = a xor b
      {y, a, b},  {y, -a, -b},  {-y, -a, b}, {-y, a, -b},  // y = a xnor b
      {-u, x},    {-u, y},      {u, -x, -y},               // u = x and y
      {-o, a, b}, {o, -a},      {o, -b},                   // o = a or b
      {-n, a},    {-n, b},      {n, -a, -b},               // n = a and b
      {-z, o},    {-z, -n},     {z, -o, n},                // z = o and not n
  };
  formula.insert(formula.end(), block.begin(), block.end());
  return z;
}

// Six blocks, each with fresh inputs, or (`chained`) with the previous
// block's z as its first input and its u in a clause (u x y), true since
// x or y is, so that environments overlap and meet the units of others.
Formula gates_beside_random_3sat(std::mt19937_64& rng, bool chained) {
  constexpr int kBlocks = 6;
  Formula formula;
  int next = 1;
  int previous = 0;
  for (int block = 0; block < kBlocks; ++block) {
    const int a = chained && previous != 0 ? previous : next++;
    const int b = next++;
    if (chained && previous != 0) formula.push_back({previous - 3, next, next + 1});
    previous = add_gate_block(formula, a, b, next);
    next += 6;
  }
  return beside_random_3sat(rng, formula, next);
}

// Forty rounds of gate blocks beside random 3-SAT: every answer checks,
// sweeping finds units and equivalences, and both answers occur.
void expect_sweeping_checks(const OptionList& options, bool chained, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const RoundTotals totals = solve_rounds(40, options, [&] { return gates_beside_random_3sat(rng, chained); },
                                          {"sweep_environments", "sweep_units", "sweep_equivalences", "substituted"});
  ASSERT_EQ(totals.failure, "");
  EXPECT_EQ(statistics_never_fired(totals), "");
  EXPECT_GT(totals.sat, 0);
  EXPECT_GT(totals.unsat, 0);
}

TEST(Sweep, FindsConstantAndEqualGatesThatCheck) {
  // Elimination would remove the gates before any round; probing and the
  // binary backbone are off to show what sweeping finds alone.
  expect_sweeping_checks({{"check", 1},
                          {"inprocessint", 10},
                          {"sweepeffort", 10000},
                          {"probe", 0},
                          {"backbone", 0},
                          {"elim", 0},
                          {"walk", 0},
                          {"lucky", 0}},
                         false, 20261208);
}

TEST(Sweep, CertifiesStepsOverUnitsFoundInEarlierEnvironments) {
  // Environments of a few variables over chained blocks: the units one of
  // them finds are root literals in the clauses of the next, named in LRAT
  // antecedents by their unit clauses.
  expect_sweeping_checks({{"check", 1},
                          {"inprocessint", 10},
                          {"sweepeffort", 10000},
                          {"sweepvars", 10},
                          {"probe", 0},
                          {"backbone", 0},
                          {"elim", 0},
                          {"walk", 0},
                          {"lucky", 0}},
                         true, 2026120801);
}

}  // namespace
}  // namespace wang::testing
