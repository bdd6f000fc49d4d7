// The IPASIR contract of libwang-ipasir: states, assumptions that last one
// solve, the terminate and learn callbacks, and the calls the interface does
// not allow (they abort with a message).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "ipasir.h"
#include "support/cnf.hpp"

namespace wang::testing {
namespace {

// One solver for the length of a test.
class Ipasir {
 public:
  Ipasir() : solver_(ipasir_init()) {}
  ~Ipasir() { ipasir_release(solver_); }
  Ipasir(const Ipasir&) = delete;
  Ipasir& operator=(const Ipasir&) = delete;
  void* get() const { return solver_; }

  void add_clause(const Clause& clause) {
    for (int lit : clause) ipasir_add(solver_, lit);
    ipasir_add(solver_, 0);
  }
  void add_formula(const Formula& formula) {
    for (const Clause& clause : formula) add_clause(clause);
  }

 private:
  void* solver_;
};

// Whether `formula` implies `clause`: the formula with the clause's
// negation assumed is unsatisfiable.
bool implies(const Formula& formula, const std::vector<int32_t>& clause) {
  Ipasir fresh;
  fresh.add_formula(formula);
  for (int32_t lit : clause) ipasir_assume(fresh.get(), -lit);
  return ipasir_solve(fresh.get()) == 20;
}

TEST(Ipasir, SignatureNamesWangAndItsVersion) {
  EXPECT_EQ(std::string(ipasir_signature()).rfind("wang 0.", 0), 0u) << ipasir_signature();
}

TEST(Ipasir, ModelsAndFailedAssumptions) {
  Ipasir s;
  s.add_clause({1, 2});
  s.add_clause({-1, 2});
  s.add_clause({-2, 3});
  ASSERT_EQ(ipasir_solve(s.get()), 10);
  EXPECT_EQ(ipasir_val(s.get(), 2), 2);
  EXPECT_EQ(ipasir_val(s.get(), -2), 2);  // -2 is false: the answer is its negation
  EXPECT_EQ(ipasir_val(s.get(), 3), 3);

  ipasir_assume(s.get(), -3);
  ipasir_assume(s.get(), 4);
  ASSERT_EQ(ipasir_solve(s.get()), 20);
  EXPECT_EQ(ipasir_failed(s.get(), -3), 1);
  EXPECT_EQ(ipasir_failed(s.get(), 4), 0);  // not needed for the refutation
}

TEST(Ipasir, AssumptionsLastOneSolve) {
  Ipasir s;
  s.add_clause({1, 2});
  ipasir_assume(s.get(), -1);
  ipasir_assume(s.get(), -2);
  ASSERT_EQ(ipasir_solve(s.get()), 20);
  ASSERT_EQ(ipasir_solve(s.get()), 10);  // the assumptions are gone
  ipasir_assume(s.get(), -1);
  ASSERT_EQ(ipasir_solve(s.get()), 10);
  EXPECT_EQ(ipasir_val(s.get(), 2), 2);
  ASSERT_EQ(ipasir_solve(s.get()), 10);
}

TEST(Ipasir, ValOfAVariableNoClauseMentionsIsFalse) {
  Ipasir s;
  s.add_clause({1});
  ASSERT_EQ(ipasir_solve(s.get()), 10);
  EXPECT_EQ(ipasir_val(s.get(), 1000), -1000);
  EXPECT_EQ(ipasir_val(s.get(), -1000), 1000);
}

TEST(Ipasir, ClausesAddedAfterASolveCount) {
  Ipasir s;
  s.add_clause({1, 2});
  ASSERT_EQ(ipasir_solve(s.get()), 10);
  s.add_clause({-1});
  s.add_clause({-2});
  EXPECT_EQ(ipasir_solve(s.get()), 20);
  EXPECT_EQ(ipasir_failed(s.get(), 1), 0);
}

using IpasirDeathTest = ::testing::Test;

TEST(IpasirDeathTest, ValOutsideStateSat) {
  EXPECT_DEATH(
      {
        Ipasir s;
        s.add_clause({1});
        ipasir_val(s.get(), 1);
      },
      "wang ipasir: ipasir_val: .*satisfiable");
  EXPECT_DEATH(
      {
        Ipasir s;
        s.add_clause({1});
        ipasir_solve(s.get());
        s.add_clause({2});  // back to INPUT
        ipasir_val(s.get(), 1);
      },
      "wang ipasir: ipasir_val: ");
  EXPECT_DEATH(
      {
        Ipasir s;
        s.add_clause({1});
        ipasir_assume(s.get(), -1);
        ipasir_solve(s.get());  // UNSAT
        ipasir_val(s.get(), 1);
      },
      "wang ipasir: ipasir_val: ");
}

TEST(IpasirDeathTest, FailedOutsideStateUnsat) {
  EXPECT_DEATH(
      {
        Ipasir s;
        s.add_clause({1});
        ipasir_solve(s.get());  // SAT
        ipasir_failed(s.get(), 1);
      },
      "wang ipasir: ipasir_failed: .*unsatisfiable");
  EXPECT_DEATH(
      {
        Ipasir s;
        s.add_clause({1});
        ipasir_assume(s.get(), -1);
        ipasir_solve(s.get());
        ipasir_assume(s.get(), -1);  // back to INPUT
        ipasir_failed(s.get(), -1);
      },
      "wang ipasir: ipasir_failed: ");
}

TEST(IpasirDeathTest, SolveWithAnOpenClause) {
  EXPECT_DEATH(
      {
        Ipasir s;
        ipasir_add(s.get(), 1);
        ipasir_solve(s.get());
      },
      "wang ipasir: ipasir_solve: .*open");
}

TEST(IpasirDeathTest, LiteralOutOfRange) {
  EXPECT_DEATH(
      {
        Ipasir s;
        ipasir_add(s.get(), INT32_MAX);
      },
      "wang ipasir: ipasir_add: invalid literal 2147483647");
  EXPECT_DEATH(
      {
        Ipasir s;
        ipasir_assume(s.get(), 0);
      },
      "wang ipasir: ipasir_assume: invalid literal 0");
}

struct TerminateAfter {
  int64_t calls = 0;
  int64_t limit = 0;
};

int terminate_after(void* data) {
  auto* state = static_cast<TerminateAfter*>(data);
  return ++state->calls >= state->limit;
}

TEST(Ipasir, TerminateStopsTheSolveInStateInput) {
  Ipasir s;
  s.add_formula(pigeonhole(10));
  TerminateAfter state{0, 500};
  ipasir_set_terminate(s.get(), &state, terminate_after);
  EXPECT_EQ(ipasir_solve(s.get()), 0);
  EXPECT_GE(state.calls, 500);  // polled until it said stop
  EXPECT_DEATH(ipasir_val(s.get(), 1), "ipasir_val");
  EXPECT_DEATH(ipasir_failed(s.get(), 1), "ipasir_failed");

  // Removed, it no longer stops anything; a small contradiction then gives 20.
  ipasir_set_terminate(s.get(), nullptr, nullptr);
  s.add_clause({1});
  s.add_clause({-1});
  EXPECT_EQ(ipasir_solve(s.get()), 20);
  EXPECT_EQ(state.calls, 500);
}

// An interrupted solve drops its assumptions too.  The pigeonhole clauses
// hold only while `selector` is assumed; without it they are switched off.
TEST(Ipasir, AnInterruptedSolveClearsTheAssumptions) {
  Ipasir s;
  const Formula formula = pigeonhole(8);  // thousands of conflicts, see below
  int selector = 0;
  for (const Clause& clause : formula) {
    for (int lit : clause) selector = std::max(selector, std::abs(lit) + 1);
  }
  for (Clause clause : formula) {
    clause.push_back(-selector);
    s.add_clause(clause);
  }
  ipasir_assume(s.get(), selector);
  TerminateAfter state{0, 100};
  ipasir_set_terminate(s.get(), &state, terminate_after);
  ASSERT_EQ(ipasir_solve(s.get()), 0);

  ipasir_set_terminate(s.get(), nullptr, nullptr);
  ASSERT_EQ(ipasir_solve(s.get()), 10);  // with the assumption still there: 20
  EXPECT_EQ(ipasir_val(s.get(), selector), -selector);
}

TEST(Ipasir, TerminateIsPolledDuringTheSearch) {
  Ipasir s;
  s.add_formula(pigeonhole(8));
  TerminateAfter state{0, INT64_MAX};
  ipasir_set_terminate(s.get(), &state, terminate_after);
  EXPECT_EQ(ipasir_solve(s.get()), 20);
  EXPECT_GT(state.calls, 1000);  // pigeonhole(8) takes thousands of conflicts
}

struct Learned {
  std::vector<std::vector<int32_t>> clauses;
};

void learn(void* data, int32_t* clause) {
  std::vector<int32_t> copy;
  while (*clause != 0) copy.push_back(*clause++);
  static_cast<Learned*>(data)->clauses.push_back(copy);
}

TEST(Ipasir, LearnedClausesUpToTheLengthAreImpliedByTheClauses) {
  std::mt19937_64 rng(3);
  const Formula formula = random_ksat(rng, 200, 852, 3);  // hard enough to learn, small enough to check
  Ipasir s;
  s.add_formula(formula);
  Learned learned;
  ipasir_set_learn(s.get(), &learned, 4, learn);
  // Assumptions take part in the search but not in what is learned.
  ipasir_assume(s.get(), 7);
  ipasir_assume(s.get(), -19);
  const int result = ipasir_solve(s.get());
  ASSERT_NE(result, 0);
  ASSERT_GT(learned.clauses.size(), 20u);
  for (const auto& clause : learned.clauses) {
    ASSERT_GE(clause.size(), 1u);
    ASSERT_LE(clause.size(), 4u);
    ASSERT_TRUE(implies(formula, clause)) << "learned clause " << ::testing::PrintToString(clause);
  }

  const size_t before = learned.clauses.size();
  ipasir_set_learn(s.get(), nullptr, 4, nullptr);
  s.add_clause({1, 2, 3});
  ipasir_solve(s.get());
  EXPECT_EQ(learned.clauses.size(), before);
}

TEST(Ipasir, LearnWithLengthZeroPassesNothing) {
  Ipasir s;
  s.add_formula(pigeonhole(6));
  Learned learned;
  ipasir_set_learn(s.get(), &learned, 0, learn);
  EXPECT_EQ(ipasir_solve(s.get()), 20);
  EXPECT_TRUE(learned.clauses.empty());
}

}  // namespace
}  // namespace wang::testing
