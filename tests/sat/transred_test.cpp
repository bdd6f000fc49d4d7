// Transitive reduction of the binary implication graph (src/sat/transred.cpp),
// run at every inprocessing round with a large budget: models satisfy the
// formula, the internal checker re-verifies every step, and refutations
// pass the independent proof checker in every format, so no deletion lost a
// clause the refutation needed.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(TransitiveReduction, DeletesImpliedBinariesAndProofsCheck) {
  const OptionList options = {{"check", 1}, {"inprocessint", 10}, {"transredeffort", 10000}, {"elim", 0}, {"walk", 0}};
  std::mt19937_64 rng(20261207);
  // The binary clauses give the implication graph paths of several edges
  // from the start, to which learned and hyper-binary clauses add shortcuts.
  const RoundTotals totals = solve_rounds(40, options, [&] { return ksat_with_binaries(rng, 150, 480, 60); },
                                          {"transitive_checks", "transitive_reduced"});
  ASSERT_EQ(totals.failure, "");
  EXPECT_EQ(statistics_never_fired(totals), "");
  EXPECT_GT(totals.sat, 0);
  EXPECT_GT(totals.unsat, 0);
}

// A chain 1 -> 2 -> 3 -> 9 with the shortcut (-1 | 3), and (7 | 8) beside
// (7 | -8), where -7 reaches -8 but not 8: only the shortcut may go.  The
// techniques that could delete these clauses for reasons of their own are
// off.
TEST(TransitiveReduction, DeletesExactlyTheImpliedClause) {
  const OptionList options = {{"inprocessint", 10}, {"transredeffort", 10000},
                              {"elim", 0},          {"subsume", 0},
                              {"probe", 0},         {"decompose", 0},
                              {"walk", 0},          {"lucky", 0},
                              {"backbone", 0},      {"sweep", 0}};
  std::mt19937_64 rng(7);
  for (int round = 0; round < 10; ++round) {
    const Formula formula = beside_random_3sat(rng, {{-1, 2}, {-2, 3}, {-1, 3}, {7, 8}, {7, -8}, {-3, 9}}, 10);
    const CheckedSolve run = solve_and_check(formula, options, sat::ProofFormat::drat_text);
    ASSERT_EQ(run.failure, "") << round;
    ASSERT_GT(run.statistic("transitive_checks"), 0) << round;
    const std::set<Clause> deleted = drat_clauses(run.proof, false);
    EXPECT_TRUE(deleted.count({-1, 3})) << round;
    for (const Clause& kept : {Clause{-1, 2}, Clause{-2, 3}, Clause{7, 8}, Clause{-8, 7}, Clause{-3, 9}}) {
      EXPECT_FALSE(deleted.count(kept)) << round << ": " << kept[0] << " " << kept[1];
    }
  }
}

}  // namespace
}  // namespace wang::testing
