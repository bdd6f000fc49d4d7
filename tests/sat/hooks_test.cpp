// The client's hooks into a running solve.
#include <gtest/gtest.h>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

TEST(TerminateCheck, StopsTheSearchWhenItSaysSo) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(10));
  int64_t calls = 0;
  solver.set_terminate_check([&calls] { return ++calls == 1000; });
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::terminated);
  EXPECT_EQ(calls, 1000);
}

TEST(TerminateCheck, IsPolledThroughoutAndCanBeRemoved) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(9));
  int64_t calls = 0;
  solver.set_terminate_check([&calls] {
    ++calls;
    return false;
  });
  sat::Limits limits;
  limits.conflicts = 2000;
  solver.set_limits(limits);
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::conflict_limit);
  EXPECT_GE(calls, 2000);  // at least once between two conflicts

  solver.set_terminate_check({});
  const int64_t before = calls;
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(calls, before);
}

TEST(TerminateCheck, EndsOneCallNotTheSolver) {
  std::mt19937_64 rng(5);
  const Formula formula = random_ksat(rng, 200, 700, 3);
  sat::Solver solver;
  add_formula(solver, formula);
  bool stop = true;
  solver.set_terminate_check([&stop] { return stop; });
  EXPECT_EQ(solver.solve(), sat::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::terminated);
  stop = false;
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_TRUE(model_satisfies(solver, formula));
}

// Whether `formula` implies `clause`: with the clause's negation assumed, it
// is unsatisfiable.
bool implies(const Formula& formula, std::span<const int> clause) {
  sat::Solver solver;
  add_formula(solver, formula);
  for (int lit : clause) solver.assume(-lit);
  return solver.solve() == sat::Result::unsatisfiable;
}

TEST(LearnObserver, SeesShortLearnedClausesThatTheFormulaImplies) {
  std::mt19937_64 rng(11);
  const Formula formula = random_ksat(rng, 100, 426, 3);
  sat::Solver solver;
  add_formula(solver, formula);
  std::vector<Clause> learned;
  solver.set_learn_observer(3, [&learned](std::span<const int> clause) { learned.emplace_back(clause.begin(), clause.end()); });
  solver.assume(5);  // assumptions are decisions: nothing learned depends on them
  solver.assume(-8);
  ASSERT_NE(solver.solve(), sat::Result::unknown);
  ASSERT_GT(learned.size(), 10u);
  for (const Clause& clause : learned) {
    ASSERT_FALSE(clause.empty());
    ASSERT_LE(clause.size(), 3u);
    ASSERT_TRUE(implies(formula, clause)) << ::testing::PrintToString(clause);
  }
}

TEST(LearnObserver, LengthZeroOrRemovedSeesNothing) {
  sat::Solver solver;
  add_formula(solver, pigeonhole(6));
  int64_t seen = 0;
  solver.set_learn_observer(0, [&seen](std::span<const int>) { ++seen; });
  EXPECT_EQ(solver.solve(), sat::Result::unsatisfiable);
  EXPECT_EQ(seen, 0);

  sat::Solver other;
  add_formula(other, pigeonhole(6));
  other.set_learn_observer(100, [&seen](std::span<const int>) { ++seen; });
  other.set_learn_observer(100, {});
  EXPECT_EQ(other.solve(), sat::Result::unsatisfiable);
  EXPECT_EQ(seen, 0);
}

}  // namespace
}  // namespace wang::testing
