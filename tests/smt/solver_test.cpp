// The SMT solver end to end: random formulas over every operator are
// decided by bit-blasting and compared with brute-force evaluation; models
// are checked by the evaluator; push/pop and assumptions agree with brute
// force too.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "smt/evaluator.hpp"
#include "support/brute_force.hpp"
#include "support/random_terms.hpp"
#include "support/smt_statistic.hpp"

namespace wang::testing {
namespace {

using smt::Kind;
using smt::Term;

struct Fixture {
  smt::TermManager terms;
  std::vector<Term> constants;

  Fixture() {
    constants.push_back(terms.mk_const(smt::Sort::bitvec(3), "x"));
    constants.push_back(terms.mk_const(smt::Sort::bitvec(2), "y"));
    constants.push_back(terms.mk_const(smt::Sort::bitvec(4), "w"));
    constants.push_back(terms.mk_const(smt::Sort::boolean(), "p"));
  }

  bool brute_force(const std::vector<Term>& formulas) const {
    return satisfiable_by_enumeration(constants, formulas);
  }
};

TEST(SmtSolver, RandomFormulasAgreeWithBruteForce) {
  std::mt19937_64 rng(314159);
  int sat = 0, unsat = 0;
  for (int round = 0; round < 400; ++round) {
    Fixture f;
    RandomTerms generator(f.terms, rng, f.constants);
    std::vector<Term> formulas;
    const int count = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < count; ++i) formulas.push_back(generator.formula(3));
    smt::Solver solver(f.terms);
    for (const Term& formula : formulas) solver.assert_formula(formula);
    const smt::Result result = solver.check_sat();
    ASSERT_NE(result, smt::Result::unknown);
    const bool expected = f.brute_force(formulas);
    ASSERT_EQ(result == smt::Result::sat, expected) << "round " << round << ": " << formulas[0].to_string();
    if (result == smt::Result::sat) {
      ++sat;
      std::string failure;
      ASSERT_TRUE(solver.check_model(&failure)) << failure;
      // get-value agrees with the model check.
      for (const Term& formula : formulas) EXPECT_TRUE(solver.get_value(formula).bool_value());
    } else {
      ++unsat;
    }
  }
  EXPECT_GT(sat, 80);
  EXPECT_GT(unsat, 40);
}

TEST(SmtSolver, PushPopAndAssumptionsAgreeWithBruteForce) {
  std::mt19937_64 rng(2718);
  for (int round = 0; round < 60; ++round) {
    Fixture f;
    RandomTerms generator(f.terms, rng, f.constants);
    smt::Solver solver(f.terms);
    std::vector<std::vector<Term>> stack{{}};
    for (int step = 0; step < 12; ++step) {
      const int action = static_cast<int>(rng() % 4);
      if (action == 0) {
        solver.push();
        stack.push_back({});
      } else if (action == 1 && stack.size() > 1) {
        solver.pop();
        stack.pop_back();
      } else {
        const Term formula = generator.formula(2);
        solver.assert_formula(formula);
        stack.back().push_back(formula);
      }
      std::vector<Term> active;
      for (const auto& level : stack) active.insert(active.end(), level.begin(), level.end());
      const Term assumption = generator.formula(1);
      const Term assumptions[] = {assumption};
      const smt::Result result = solver.check_sat(assumptions);
      active.push_back(assumption);
      ASSERT_EQ(result == smt::Result::sat, f.brute_force(active)) << "round " << round << " step " << step;
      if (result == smt::Result::sat) {
        ASSERT_TRUE(solver.check_model());
      } else {
        const std::vector<Term> failed = solver.unsat_assumptions();
        ASSERT_LE(failed.size(), 1u);
        // Without the failed assumptions the rest is unsatisfiable.
        if (failed.empty()) {
          active.pop_back();
          ASSERT_FALSE(f.brute_force(active));
        }
      }
    }
  }
}

TEST(SmtSolver, ArticleExamples) {
  smt::TermManager terms;
  const smt::Sort word = smt::Sort::bitvec(32);
  const Term x = terms.mk_const(word, "x");
  const Term y = terms.mk_const(word, "y");
  {
    // f: x + y == y + x for all x, y: the negation is unsatisfiable.
    smt::Solver solver(terms);
    solver.assert_formula(terms.mk_term(Kind::Not, {terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvAdd, {x, y}),
                                                                               terms.mk_term(Kind::BvAdd, {y, x})})}));
    EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
  }
  const Term decreased = terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvSub, {x, y}), x});
  {
    // g: with y > 0 and x > y, x - y < x: the negation is unsatisfiable.
    smt::Solver solver(terms);
    const Term zero = terms.mk_bv(bv::BitVector(32));
    solver.assert_formula(terms.mk_term(Kind::BvUgt, {y, zero}));
    solver.assert_formula(terms.mk_term(Kind::BvUgt, {x, y}));
    solver.assert_formula(terms.mk_term(Kind::Not, {decreased}));
    EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
  }
  {
    // g2: without the guard there is a state where x does not decrease.
    smt::Solver solver(terms);
    solver.assert_formula(terms.mk_term(Kind::Not, {decreased}));
    ASSERT_EQ(solver.check_sat(), smt::Result::sat);
    const bv::BitVector vx = solver.get_value(x).bv_value(), vy = solver.get_value(y).bv_value();
    EXPECT_FALSE(bv::bvult(bv::bvsub(vx, vy), vx));
  }
}

TEST(SmtSolver, DeepTermsDoNotOverflowTheStack) {
  // 100,000 levels of wiring (no gates) and a 100,000-deep chain of ANDs:
  // every walk (blasting, encoding, evaluation, printing) must be iterative.
  smt::TermManager terms;
  const Term x = terms.mk_const(smt::Sort::bitvec(8), "x");
  Term wiring = x;
  for (int i = 0; i < 100000; ++i) {
    wiring = i % 2 ? terms.mk_term(Kind::BvNot, {wiring}) : terms.mk_term(Kind::RotateLeft, {wiring}, {1});
  }
  Term chain = terms.mk_term(Kind::Equal, {wiring, terms.mk_bv(bv::BitVector::from_uint64(8, 5))});
  for (int i = 0; i < 100000; ++i) {
    chain = terms.mk_term(Kind::And, {terms.mk_const(smt::Sort::boolean(), "p" + std::to_string(i)), chain});
  }
  smt::Solver solver(terms);
  solver.assert_formula(chain);
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_TRUE(solver.check_model());
  EXPECT_FALSE(chain.to_string().empty());
}

TEST(SmtSolver, PopDisablesAssertionsForGood) {
  smt::TermManager terms;
  const Term p = terms.mk_const(smt::Sort::boolean(), "p");
  smt::Solver solver(terms);
  solver.push();
  solver.assert_formula(p);
  solver.assert_formula(terms.mk_term(Kind::Not, {p}));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
  solver.pop();
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(solver.assertions().size(), 0u);
  EXPECT_THROW(solver.pop(), std::invalid_argument);
}

}  // namespace
}  // namespace wang::testing

namespace wang::testing {
namespace {

// Limits apply to bit-blasting and encoding too: a deadline in the past
// stops a check before any circuit is built, and a later check without the
// limit picks up the pending assertions and answers correctly.
TEST(SmtSolver, LimitsInterruptBitBlastingAndSolvingResumes) {
  smt::TermManager terms;
  const smt::Sort byte = smt::Sort::bitvec(8);
  const Term a = terms.mk_const(byte, "a"), b = terms.mk_const(byte, "b");
  smt::Solver solver(terms);
  // a * b != b * a: unsat, but only after blasting two multipliers.
  solver.assert_formula(terms.mk_term(Kind::Distinct, {terms.mk_term(Kind::BvMul, {a, b}),
                                                       terms.mk_term(Kind::BvMul, {b, a})}));
  sat::Limits limits;
  limits.deadline = std::chrono::steady_clock::now();
  solver.set_limits(limits);
  EXPECT_EQ(solver.check_sat(), smt::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::time_limit);
  solver.terminate();
  solver.set_limits(sat::Limits{});
  EXPECT_EQ(solver.check_sat(), smt::Result::unknown);
  EXPECT_EQ(solver.stop_reason(), sat::StopReason::terminated);
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
}

// A 16-bit equation is the AND of 16 bit equations in the AIG.  Asserted
// whole, at the root or under a push, it must cost no more CNF variables
// than its 16 bit equations asserted one by one: the AND gates above the
// bits get none.
double cnf_variables_of_equation(bool whole, bool pushed) {
  smt::TermManager terms;
  const smt::Sort word = smt::Sort::bitvec(16);
  const Term x = terms.mk_const(word, "x"), y = terms.mk_const(word, "y"), z = terms.mk_const(word, "z");
  const Term sum = terms.mk_term(Kind::BvAdd, {x, y}), bits = terms.mk_term(Kind::BvOr, {x, z});
  smt::Solver solver(terms);
  solver.set_option("rewrite_level", 0);
  if (pushed) solver.push();
  if (whole) {
    solver.assert_formula(terms.mk_term(Kind::Equal, {sum, bits}));
  } else {
    for (uint32_t i = 0; i < 16; ++i) {
      solver.assert_formula(terms.mk_term(
          Kind::Equal, {terms.mk_term(Kind::Extract, {sum}, {i, i}), terms.mk_term(Kind::Extract, {bits}, {i, i})}));
    }
  }
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_TRUE(solver.check_model());
  return statistic(solver, "cnf_variables");
}

TEST(SmtSolver, AnEquationCostsNoMoreThanItsBitEquations) {
  for (const bool pushed : {false, true}) {
    EXPECT_LE(cnf_variables_of_equation(true, pushed), cnf_variables_of_equation(false, pushed)) << pushed;
  }
}

}  // namespace
}  // namespace wang::testing
