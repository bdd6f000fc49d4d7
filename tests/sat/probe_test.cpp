// Failed literal probing and hyper-binary resolution (src/sat/probe.cpp),
// run at every inprocessing round with a large budget: models satisfy the
// formula, the internal checker re-verifies every unit and resolvent, and
// refutations pass the independent proof checker in every format.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(Probing, FindsUnitsAndResolventsThatCheck) {
  const OptionList options = {{"check", 1}, {"inprocessint", 10}, {"probeeffort", 10000}, {"elim", 0}, {"walk", 0}};
  std::mt19937_64 rng(20261206);
  // Near the threshold: enough conflicts for many inprocessing rounds,
  // whose learned binary clauses give probing its roots.
  const RoundTotals totals = solve_rounds(40, options, [&] { return random_ksat(rng, 60, 256, 3); },
                                          {"probes", "failed_literals", "hyper_binaries", "hyper_subsumed"});
  ASSERT_EQ(totals.failure, "");
  EXPECT_EQ(statistics_never_fired(totals), "");
}

}  // namespace
}  // namespace wang::testing
