// Incremental use: assumptions, failed assumptions, clauses added between
// calls, checked against brute force on random formulas.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

std::vector<int> random_assumptions(std::mt19937_64& rng, int variables, int count) {
  std::vector<int> assumptions;
  for (int i = 0; i < count; ++i) {
    const int var = 1 + static_cast<int>(rng() % variables);
    assumptions.push_back(rng() % 2 ? var : -var);
  }
  return assumptions;
}

// One call under `assumptions`, checked against brute force: the answer,
// a model that satisfies the formula and the assumptions, or failed
// assumptions that alone contradict the formula.
void solve_and_check(sat::Solver& solver, const Formula& formula, int variables, const std::vector<int>& assumptions,
                     sat::Result& result) {
  for (int lit : assumptions) solver.assume(lit);
  result = solver.solve();
  ASSERT_EQ(result == sat::Result::satisfiable, brute_force_satisfiable(formula, variables, assumptions));
  if (result == sat::Result::satisfiable) {
    ASSERT_TRUE(model_satisfies(solver, formula));
    for (int lit : assumptions) ASSERT_EQ(solver.value(lit), lit);
    return;
  }
  std::vector<int> failed;
  for (int lit : assumptions) {
    if (solver.failed(lit)) failed.push_back(lit);
  }
  ASSERT_FALSE(brute_force_satisfiable(formula, variables, failed));
}

TEST(Incremental, FailedAssumptionsAreUnsatisfiableWithFormula) {
  std::mt19937_64 rng(42);
  int unsat_under_assumptions = 0;
  for (int round = 0; round < 500; ++round) {
    const int variables = 4 + static_cast<int>(rng() % 9);
    const Formula formula = random_formula(rng, variables, variables * 2, 3);
    sat::Solver solver;
    add_formula(solver, formula);
    for (int call = 0; call < 5; ++call) {
      const int count = 1 + static_cast<int>(rng() % 4);
      const std::vector<int> assumptions = random_assumptions(rng, variables, count);
      SCOPED_TRACE("round " + std::to_string(round) + " call " + std::to_string(call));
      sat::Result result;
      ASSERT_NO_FATAL_FAILURE(solve_and_check(solver, formula, variables, assumptions, result));
      if (result != sat::Result::satisfiable) ++unsat_under_assumptions;
    }
  }
  EXPECT_GT(unsat_under_assumptions, 200);
}

TEST(Incremental, ClausesAddedBetweenCalls) {
  std::mt19937_64 rng(99);
  double restored = 0;
  for (int round = 0; round < 300; ++round) {
    const int variables = 5 + static_cast<int>(rng() % 8);
    Formula formula;
    sat::Solver solver;
    for (int step = 0; step < 6; ++step) {
      const Formula more = random_formula(rng, variables, variables, 3);
      add_formula(solver, more);
      formula.insert(formula.end(), more.begin(), more.end());
      const sat::Result result = solver.solve();
      const bool expected = brute_force_satisfiable(formula, variables);
      ASSERT_EQ(result == sat::Result::satisfiable, expected) << "round " << round << " step " << step;
      if (result == sat::Result::satisfiable) {
        ASSERT_TRUE(model_satisfies(solver, formula));
      } else {
        break;  // stays unsatisfiable whatever is added
      }
    }
    restored += statistic(solver, "restored");
  }
  // New clauses over eliminated variables must have brought some back.
  EXPECT_GT(restored, 0);
}

// After a satisfiable call the trail stays, and clauses added then backtrack
// only as far as they must (kept_trail.cpp): every case of that, with and
// without assumptions, against brute force.
TEST(Incremental, ClausesAddedOnAKeptTrail) {
  std::mt19937_64 rng(2026);
  double kept = 0;
  for (int round = 0; round < 400; ++round) {
    const int variables = 6 + static_cast<int>(rng() % 10);
    Formula formula = random_formula(rng, variables, variables, 3);
    sat::Solver solver;
    ASSERT_TRUE(solver.set_option("keeptrail", 1));
    add_formula(solver, formula);
    for (int step = 0; step < 8; ++step) {
      const int count = static_cast<int>(rng() % 3);
      const std::vector<int> assumptions = random_assumptions(rng, variables, count);
      SCOPED_TRACE("round " + std::to_string(round) + " step " + std::to_string(step));
      sat::Result result;
      ASSERT_NO_FATAL_FAILURE(solve_and_check(solver, formula, variables, assumptions, result));
      if (result != sat::Result::satisfiable && !brute_force_satisfiable(formula, variables, {})) break;
      // Clauses of one to four literals; after a model, half of them false
      // in it, so that the trail must give way.
      const int width = 1 + static_cast<int>(rng() % 4);
      Formula more = random_formula(rng, variables, 1 + static_cast<int>(rng() % 3), width);
      if (result == sat::Result::satisfiable && rng() % 2) {
        for (int& lit : more.front()) lit = -solver.value(std::abs(lit));
      }
      add_formula(solver, more);
      formula.insert(formula.end(), more.begin(), more.end());
    }
    kept += statistic(solver, "kept_levels");
  }
  EXPECT_GT(kept, 100);
}

TEST(Incremental, ContradictoryAssumptionsBothFail) {
  sat::Solver solver;
  solver.add_clause(std::vector<int>{1, 2});
  solver.assume(3);
  solver.assume(-3);
  ASSERT_EQ(solver.solve(), sat::Result::unsatisfiable);
  EXPECT_TRUE(solver.failed(3));
  EXPECT_TRUE(solver.failed(-3));
  // Without the assumptions the formula is satisfiable again.
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
}

TEST(Incremental, AssumptionFalsifiedAtRootFailsAlone) {
  sat::Solver solver;
  solver.add_clause(std::vector<int>{-1});
  solver.assume(2);
  solver.assume(1);
  ASSERT_EQ(solver.solve(), sat::Result::unsatisfiable);
  EXPECT_TRUE(solver.failed(1));
  EXPECT_FALSE(solver.failed(2));
}

TEST(Incremental, EmptyFormulaAndEmptyClause) {
  sat::Solver solver;
  EXPECT_EQ(solver.solve(), sat::Result::satisfiable);
  solver.add(0);
  EXPECT_EQ(solver.solve(), sat::Result::unsatisfiable);
  solver.add_clause(std::vector<int>{1});
  EXPECT_EQ(solver.solve(), sat::Result::unsatisfiable);
}

TEST(Contracts, MisuseIsReported) {
  sat::Solver solver;
  EXPECT_THROW(solver.add_clause(std::vector<int>{1, 0, 2}), std::invalid_argument);
  sat::Solver fresh;
  EXPECT_THROW((void)fresh.value(1), std::logic_error);
  fresh.add(1);
  EXPECT_THROW(fresh.solve(), std::logic_error);  // clause still open
  fresh.add(0);
  EXPECT_THROW(fresh.set_option("seed", 3), std::logic_error);
  ASSERT_EQ(fresh.solve(), sat::Result::satisfiable);
  EXPECT_THROW((void)fresh.failed(1), std::logic_error);
  sat::Solver options;
  EXPECT_FALSE(options.set_option("no-such-option", 1));
  EXPECT_THROW(options.set_option("stable", 7), std::out_of_range);
}

TEST(Limits, ConflictLimitGivesUnknownWithReason) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(9));
  sat::Limits limits;
  limits.conflicts = 100;
  solver.set_limits(limits);
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::conflict_limit);
}

TEST(Limits, DeadlineInThePastGivesUnknown) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(9));
  sat::Limits limits;
  limits.deadline = std::chrono::steady_clock::now();
  solver.set_limits(limits);
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::time_limit);
}

TEST(Limits, TerminateBeforeSolveStopsIt) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(9));
  solver.terminate();
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::terminated);
}

}  // namespace
}  // namespace wang::testing
