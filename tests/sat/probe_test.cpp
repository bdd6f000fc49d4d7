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
  double probes = 0, failed = 0, resolvents = 0, subsumed = 0;
  for (int round = 0; round < 40; ++round) {
    // Near the threshold: enough conflicts for many inprocessing rounds,
    // whose learned binary clauses give probing its roots.
    const Formula formula = random_ksat(rng, 60, 256, 3);
    const CheckedSolve run = solve_and_check(formula, options, kProofFormats[round % 4]);
    ASSERT_EQ(run.failure, "") << round;
    probes += run.statistic("probes");
    failed += run.statistic("failed_literals");
    resolvents += run.statistic("hyper_binaries");
    subsumed += run.statistic("hyper_subsumed");
  }
  // The formulas must exercise what the test is about.
  EXPECT_GT(probes, 0);
  EXPECT_GT(failed, 0);
  EXPECT_GT(resolvents, 0);
  EXPECT_GT(subsumed, 0);
}

}  // namespace
}  // namespace wang::testing
