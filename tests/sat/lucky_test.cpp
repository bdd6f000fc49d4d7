// Lucky assignments before the first search and after new clauses
// (src/sat/lucky.cpp): formulas
// that one sign satisfies under propagation are solved without a conflict,
// in both directions of the variable order; where every attempt fails the
// search answers as it would without them; assumptions turn them off.
#include <gtest/gtest.h>

#include <random>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

// Random 3-clauses each with at least one literal of sign `sign` (-1 or 1):
// setting every variable to that sign satisfies them, whatever propagation
// forces on the way (it can only force literals of the same sign).
Formula one_sign_satisfies(std::mt19937_64& rng, int variables, int clauses, int sign) {
  Formula formula = random_ksat(rng, variables, clauses, 3);
  for (Clause& clause : formula) {
    if (clause[0] * sign < 0) clause[0] = -clause[0];
  }
  return formula;
}

struct Outcome {
  sat::Result result;
  double lucky_models;
  double conflicts;
};

Outcome solve(const Formula& formula, int64_t lucky) {
  sat::Solver solver;
  EXPECT_TRUE(solver.set_option("lucky", lucky));
  EXPECT_TRUE(solver.set_option("check", 1));
  add_formula(solver, formula);
  const sat::Result result = solver.solve();
  if (result == sat::Result::satisfiable) EXPECT_TRUE(model_satisfies(solver, formula));
  return {result, statistic(solver, "lucky_models"), statistic(solver, "conflicts")};
}

TEST(Lucky, EveryVariableFalse) {
  std::mt19937_64 rng(1);
  const Outcome outcome = solve(one_sign_satisfies(rng, 300, 1400, -1), 1);
  EXPECT_EQ(outcome.result, sat::Result::satisfiable);
  EXPECT_EQ(outcome.lucky_models, 1);
  EXPECT_EQ(outcome.conflicts, 0);
}

// All-false fails from either end: (1 2) (1 -2) conflicts as soon as 1 is
// set false first, and (n n-1) (n -(n-1)) likewise from the other end.
TEST(Lucky, EveryVariableTrueWhereFalseFailsFromBothEnds) {
  std::mt19937_64 rng(2);
  const int n = 300;
  Formula formula = one_sign_satisfies(rng, n, 1400, 1);
  for (const Clause& clause : {Clause{1, 2}, Clause{1, -2}, Clause{n, n - 1}, Clause{n, -(n - 1)}}) {
    formula.push_back(clause);
  }
  const Outcome outcome = solve(formula, 1);
  EXPECT_EQ(outcome.result, sat::Result::satisfiable);
  EXPECT_EQ(outcome.lucky_models, 1);
  EXPECT_EQ(outcome.conflicts, 0);
}

TEST(Lucky, FailedAttemptsLeaveTheAnswerAlone) {
  std::mt19937_64 rng(3);
  int sat = 0, unsat = 0;
  for (int round = 0; round < 60; ++round) {
    const Formula formula = random_ksat(rng, 50, 213, 3);
    const Outcome with = solve(formula, 1), without = solve(formula, 0);
    ASSERT_NE(with.result, sat::Result::unknown) << round;
    ASSERT_EQ(with.result, without.result) << round;
    (with.result == sat::Result::satisfiable ? sat : unsat)++;
  }
  EXPECT_GT(sat, 10);
  EXPECT_GT(unsat, 10);
}

// An incremental client (the SMT solver's lemma loop) adds clauses after a
// model: the next solve tries the lucky assignments again, and a solve
// without new clauses does not.
TEST(Lucky, AgainAfterNewClausesOnly) {
  std::mt19937_64 rng(5);
  const int n = 300;
  Formula formula = one_sign_satisfies(rng, n, 1400, 1);
  sat::Solver solver;
  add_formula(solver, formula);
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_EQ(statistic(solver, "lucky_models"), 1);
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_EQ(statistic(solver, "lucky_models"), 1);
  // All-true still satisfies; the clauses only rule out the first model
  // if it was anything else.
  for (const Clause& clause : {Clause{1, 2}, Clause{1, -2}, Clause{n, n - 1}, Clause{n, -(n - 1)}}) {
    solver.add_clause(clause);
    formula.push_back(clause);
  }
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_TRUE(model_satisfies(solver, formula));
  EXPECT_EQ(statistic(solver, "lucky_models"), 2);
}

TEST(Lucky, NotUnderAssumptions) {
  std::mt19937_64 rng(4);
  const Formula formula = one_sign_satisfies(rng, 300, 1400, -1);
  sat::Solver solver;
  add_formula(solver, formula);
  solver.assume(-1);
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_TRUE(model_satisfies(solver, formula));
  EXPECT_EQ(statistic(solver, "lucky_models"), 0);
}

}  // namespace
}  // namespace wang::testing
