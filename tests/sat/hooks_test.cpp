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

}  // namespace
}  // namespace wang::testing
