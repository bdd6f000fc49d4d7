// Hyper-ternary resolution (src/sat/ternary.cpp), run at every inprocessing
// round with a large budget: models satisfy the formula, the internal
// checker re-verifies every resolvent, and refutations pass the independent
// proof checker in every format.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(TernaryResolution, AddsResolventsThatCheck) {
  const OptionList options = {{"check", 1}, {"inprocessint", 10}, {"ternary", 1}, {"ternaryeffort", 10000},
                              {"elim", 0},  {"walk", 0}};
  std::mt19937_64 rng(20261207);
  // Few variables: ternary clauses that share two literals are common.
  const RoundTotals totals = solve_rounds(40, options, [&] { return random_ksat(rng, 40, 170, 3); },
                                          {"ternary_binaries", "ternary_resolvents"});
  ASSERT_EQ(totals.failure, "");
  EXPECT_EQ(statistics_never_fired(totals), "");
  EXPECT_GT(totals.sat, 0);
  EXPECT_GT(totals.unsat, 0);
}

// (1 2 3) and (-1 2 3) give the binary (2 3), which replaces both; (4 5 6)
// and (-4 5 7) give the ternary (5 6 7); (8 9 10) and (-8 11 12) give a
// resolvent of four literals, which is not added.  The techniques that
// could add or delete these clauses for reasons of their own are off.
TEST(TernaryResolution, AddsOnlyShortResolvents) {
  const OptionList options = {{"inprocessint", 10}, {"ternary", 1}, {"ternaryeffort", 10000}, {"elim", 0},
                              {"subsume", 0},       {"probe", 0},   {"decompose", 0},         {"transred", 0},
                              {"walk", 0},          {"lucky", 0},   {"backbone", 0}};
  std::mt19937_64 rng(7);
  for (int round = 0; round < 10; ++round) {
    const Formula formula =
        beside_random_3sat(rng, {{1, 2, 3}, {-1, 2, 3}, {4, 5, 6}, {-4, 5, 7}, {8, 9, 10}, {-8, 11, 12}}, 20);
    const CheckedSolve run = solve_and_check(formula, options, sat::ProofFormat::drat_text);
    ASSERT_EQ(run.failure, "") << round;
    ASSERT_GT(run.statistic("ternary_pivots"), 0) << round;
    const std::set<Clause> added = drat_clauses(run.proof, true);
    const std::set<Clause> deleted = drat_clauses(run.proof, false);
    EXPECT_TRUE(added.count({2, 3})) << round;
    EXPECT_TRUE(deleted.count({1, 2, 3})) << round;
    EXPECT_TRUE(deleted.count({-1, 2, 3})) << round;
    EXPECT_TRUE(added.count({5, 6, 7})) << round;
    EXPECT_FALSE(deleted.count({-4, 5, 7})) << round;
    EXPECT_FALSE(added.count({9, 10, 11, 12})) << round;
  }
}

}  // namespace
}  // namespace wang::testing
