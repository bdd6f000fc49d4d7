// Bounded variable addition (src/sat/factor.cpp) on pigeonhole formulas,
// whose exclusion clauses are products it factors: the internal checker
// re-verifies every step (the RAT steps of the new variables included),
// refutations pass the independent proof checker in every format, models
// satisfy the formula, and the client never sees the new variables.
#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <stdexcept>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

struct ClosedRun {
  sat::Result result;
  double factored;
};

// Solves `formula` with closed variables, checking the answer.
ClosedRun solve_closed(const Formula& formula, sat::ProofFormat format) {
  std::ostringstream proof;
  sat::Solver solver;
  EXPECT_TRUE(solver.set_option("check", 1));
  solver.trace_proof(proof, format);
  add_formula(solver, formula);
  solver.close_variables();
  const sat::Result result = solver.solve();
  EXPECT_EQ(solver.max_var(), max_variable(formula));
  if (result == sat::Result::satisfiable) {
    EXPECT_TRUE(model_satisfies(solver, formula));
  } else if (result == sat::Result::unsatisfiable) {
    solver.flush_proof();
    const check::CheckOutcome outcome = check_refutation(formula, proof.str(), format);
    EXPECT_TRUE(outcome.verified) << outcome.reason;
  }
  return {result, statistic(solver, "factored")};
}

TEST(Factor, PigeonholeExclusionsFactorAndEveryProofChecks) {
  double factored_open = 0;
  for (int holes = 5; holes <= 7; ++holes) {
    for (const sat::ProofFormat format : kProofFormats) {
      const ClosedRun unsat = solve_closed(pigeonhole(holes), format);
      EXPECT_EQ(unsat.result, sat::Result::unsatisfiable) << holes;
      EXPECT_GT(unsat.factored, 0) << holes;
      // Without the clause of the first pigeon it may stay out: satisfiable.
      Formula open = pigeonhole(holes);
      open.erase(open.begin());
      const ClosedRun opened = solve_closed(open, format);
      EXPECT_EQ(opened.result, sat::Result::satisfiable) << holes;
      factored_open += opened.factored;
    }
  }
  EXPECT_GT(factored_open, 0);
}

// Exclusions among random clauses: the factors meet clauses they do not
// cover, and either answer comes out.
TEST(Factor, MixedWithRandomClausesAnswersCheck) {
  std::mt19937_64 rng(20261207);
  int answers[2] = {0, 0};
  double factored = 0;
  for (int round = 0; round < 40; ++round) {
    Formula formula = random_ksat(rng, 40, 40 + 2 * round, 3);
    for (int group = 0; group < 4; ++group) {
      const int first = 1 + 8 * group;
      for (int p = first; p < first + 8; ++p) {
        for (int q = p + 1; q < first + 8; ++q) formula.push_back({-p, -q});
      }
    }
    const ClosedRun run = solve_closed(formula, kProofFormats[round % 4]);
    ASSERT_NE(run.result, sat::Result::unknown);
    ++answers[run.result == sat::Result::satisfiable ? 0 : 1];
    factored += run.factored;
  }
  EXPECT_GT(answers[0], 0);
  EXPECT_GT(answers[1], 0);
  EXPECT_GT(factored, 0);
}

TEST(Factor, OnlyOnceTheClientClosesItsVariables) {
  sat::Solver open_solver;
  add_formula(open_solver, pigeonhole(5));
  EXPECT_EQ(open_solver.solve(), sat::Result::unsatisfiable);
  EXPECT_EQ(statistic(open_solver, "factored"), 0);

  sat::Solver closed;
  add_formula(closed, pigeonhole(5));
  closed.close_variables();
  EXPECT_EQ(closed.solve(), sat::Result::unsatisfiable);
  EXPECT_GT(statistic(closed, "factored"), 0);
  // The engine's variables stay its own: the client may not name them.
  const int beyond = max_variable(pigeonhole(5)) + 1;
  EXPECT_THROW(closed.add_clause(std::vector<int>{beyond}), std::logic_error);
  EXPECT_THROW(closed.assume(-beyond), std::logic_error);
}

}  // namespace
}  // namespace wang::testing
