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
  // The binary clauses are dense enough to force literals, the ternary
  // ones give the conflicts that start inprocessing.
  const RoundTotals totals = solve_rounds(40, options, [&] { return ksat_with_binaries(rng, 150, 350, 110); },
                                          {"backbone_tests", "backbone_units"});
  ASSERT_EQ(totals.failure, "");
  EXPECT_EQ(statistics_never_fired(totals), "");
  EXPECT_GT(totals.sat, 0);
  EXPECT_GT(totals.unsat, 0);
}

}  // namespace
}  // namespace wang::testing
