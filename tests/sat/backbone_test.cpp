// Units from the backbone of the binary clauses (src/sat/backbone.cpp), run
// at every inprocessing round with a large budget: models satisfy the
// formula, the internal checker re-verifies every unit, and refutations
// pass the independent proof checker in every format.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(Backbone, FindsUnitsThatCheck) {
  // Probing would find many of the units first.
  const OptionList options = {{"check", 1}, {"inprocessint", 10}, {"backboneeffort", 10000},
                              {"probe", 0}, {"elim", 0},          {"walk", 0}};
  std::mt19937_64 rng(20261207);
  double tests = 0, units = 0, sat = 0, unsat = 0;
  for (int round = 0; round < 40; ++round) {
    // The binary clauses are dense enough to force literals, the ternary
    // ones give the conflicts that start inprocessing.
    Formula formula = random_ksat(rng, 150, 350, 3);
    for (const Clause& clause : random_ksat(rng, 150, 110, 2)) formula.push_back(clause);
    const CheckedSolve run = solve_and_check(formula, options, kProofFormats[round % 4]);
    ASSERT_EQ(run.failure, "") << round;
    ++(run.result == sat::Result::satisfiable ? sat : unsat);
    tests += run.statistic("backbone_tests");
    units += run.statistic("backbone_units");
  }
  // The formulas must exercise what the test is about.
  EXPECT_GT(tests, 0);
  EXPECT_GT(units, 0);
  EXPECT_GT(sat, 0);
  EXPECT_GT(unsat, 0);
}

}  // namespace
}  // namespace wang::testing
