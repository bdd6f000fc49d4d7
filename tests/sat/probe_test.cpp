// Failed literal probing and hyper-binary resolution (src/sat/probe.cpp),
// run at every inprocessing round with a large budget: models satisfy the
// formula, the internal checker re-verifies every unit and resolvent, and
// refutations pass the independent proof checker in every format.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(Probing, FindsUnitsAndResolventsThatCheck) {
  const sat::ProofFormat formats[] = {sat::ProofFormat::drat_text, sat::ProofFormat::drat_binary,
                                      sat::ProofFormat::lrat_text, sat::ProofFormat::lrat_binary};
  std::mt19937_64 rng(20261206);
  double probes = 0, failed = 0, resolvents = 0, subsumed = 0;
  for (int round = 0; round < 40; ++round) {
    // Near the threshold: enough conflicts for many inprocessing rounds,
    // whose learned binary clauses give probing its roots.
    const Formula formula = random_ksat(rng, 60, 256, 3);
    const sat::ProofFormat format = formats[round % 4];
    std::ostringstream proof;
    sat::Solver solver;
    for (const auto& [name, value] : {std::pair<const char*, int64_t>{"check", 1}, {"inprocessint", 10},
                                      {"probeeffort", 10000}, {"elim", 0}, {"walk", 0}}) {
      ASSERT_TRUE(solver.set_option(name, value));
    }
    solver.trace_proof(proof, format);
    add_formula(solver, formula);
    const sat::Result result = solver.solve();
    ASSERT_NE(result, sat::Result::unknown) << round;
    if (result == sat::Result::satisfiable) {
      ASSERT_TRUE(model_satisfies(solver, formula)) << round;
    } else {
      solver.flush_proof();
      const check::CheckOutcome outcome = check_refutation(formula, proof.str(), format);
      ASSERT_TRUE(outcome.verified) << round << ": " << outcome.reason;
    }
    probes += statistic(solver, "probes");
    failed += statistic(solver, "failed_literals");
    resolvents += statistic(solver, "hyper_binaries");
    subsumed += statistic(solver, "hyper_subsumed");
  }
  // The formulas must exercise what the test is about.
  EXPECT_GT(probes, 0);
  EXPECT_GT(failed, 0);
  EXPECT_GT(resolvents, 0);
  EXPECT_GT(subsumed, 0);
}

}  // namespace
}  // namespace wang::testing
