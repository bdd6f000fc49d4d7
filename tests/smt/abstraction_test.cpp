// Abstraction of wide multiplications and divisions (solver/abstraction.hpp):
// answers and models agree with brute force when every product, quotient
// and remainder is abstracted, lemmas settle easy cases without circuits,
// and a term that keeps disagreeing gets its circuit.
#include <gtest/gtest.h>

#include <random>

#include "support/brute_force.hpp"
#include "support/random_terms.hpp"
#include "support/smt_statistic.hpp"
#include "wang/smt.hpp"

namespace wang::testing {
namespace {

using smt::Kind;
using smt::Sort;
using smt::Term;

Term value(smt::TermManager& terms, uint32_t width, uint64_t number) {
  return terms.mk_bv(bv::BitVector::from_uint64(width, number));
}

// Arithmetic over two 4-bit constants, a 3-bit one and a Bool, every
// operator abstracted: the lemmas must never cut off a model, and the
// models they let through must be models.
TEST(Abstraction, RandomArithmeticAgreesWithBruteForce) {
  int sat = 0, unsat = 0;
  for (uint64_t round = 0; round < 150; ++round) {
    smt::TermManager terms;
    std::mt19937_64 rng(7000 + round);
    const std::vector<Term> constants = {terms.mk_const(Sort::bitvec(4), "x"), terms.mk_const(Sort::bitvec(4), "y"),
                                         terms.mk_const(Sort::bitvec(3), "z"), terms.mk_const(Sort::boolean(), "p")};
    RandomTerms random(terms, rng, constants);
    std::vector<Term> formulas;
    for (int i = 0; i < 3; ++i) {
      const uint32_t width = rng() % 2 == 0 ? 4 : 3;
      const Kind op = std::array{Kind::BvMul, Kind::BvUdiv, Kind::BvUrem}[rng() % 3];
      const Term operation = terms.mk_term(op, {random.bitvector(width, 2), random.bitvector(width, 2)});
      const Kind relation = std::array{Kind::Equal, Kind::BvUlt, Kind::Distinct}[rng() % 3];
      formulas.push_back(terms.mk_term(relation, {operation, random.bitvector(width, 1)}));
    }
    smt::Solver solver(terms);
    solver.set_option("abstraction_width", 1);
    for (const Term& formula : formulas) solver.assert_formula(formula);
    const smt::Result result = solver.check_sat();
    const bool expected = satisfiable_by_enumeration(constants, formulas);
    ASSERT_EQ(result, expected ? smt::Result::sat : smt::Result::unsat) << "round " << round;
    if (expected) {
      EXPECT_TRUE(solver.check_model()) << "round " << round;
      ++sat;
    } else {
      ++unsat;
    }
  }
  EXPECT_GT(sat, 20);
  EXPECT_GT(unsat, 20);
}

// 1 < x < 3 makes x 2, whose one 1 gives the product lemma x = 2 ->
// x * y = 2 * y: an even product, so 7 is out of reach without a
// multiplier circuit.
TEST(Abstraction, ASparseOperandSettlesAProductWithoutItsCircuit) {
  for (const uint64_t target : {6, 7}) {
    smt::TermManager terms;
    smt::Solver solver(terms);
    solver.set_option("abstraction_width", 32);
    const Term x = terms.mk_const(Sort::bitvec(64), "x"), y = terms.mk_const(Sort::bitvec(64), "y");
    solver.assert_formula(terms.mk_term(Kind::BvUlt, {value(terms, 64, 1), x}));
    solver.assert_formula(terms.mk_term(Kind::BvUlt, {x, value(terms, 64, 3)}));
    solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvMul, {x, y}), value(terms, 64, target)}));
    const smt::Result result = solver.check_sat();
    EXPECT_EQ(result, target == 6 ? smt::Result::sat : smt::Result::unsat) << target;
    if (result == smt::Result::sat) {
      EXPECT_TRUE(solver.check_model());
    }
    EXPECT_GE(statistic(solver, "abstraction_lemmas"), 1) << target;
    EXPECT_EQ(statistic(solver, "abstraction_circuits"), 0) << target;
    EXPECT_LT(statistic(solver, "aig_nodes"), 2000) << target;
  }
}

// x = -1 is sparse as a negation: the lemma is x = -1 -> x * y = -(1 * y),
// and the one y it allows here is -1 too.
TEST(Abstraction, ANegatedSparseOperandGivesTheNegatedProduct) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("abstraction_width", 32);
  const Term x = terms.mk_const(Sort::bitvec(64), "x"), y = terms.mk_const(Sort::bitvec(64), "y");
  const Term minus_two = value(terms, 64, ~uint64_t{1});
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {minus_two, x}));
  solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvMul, {x, y}), value(terms, 64, 1)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_TRUE(solver.check_model());
  EXPECT_EQ(solver.get_value(y).bv_value().to_uint64(), ~uint64_t{0});
  EXPECT_EQ(statistic(solver, "abstraction_circuits"), 0);
}

// z / y <= z, z % y < y for y != 0: facts of the operators settle bounds
// that the values alone would take thousands of rounds to.  (The
// division pass is off: its bounds would settle them before the
// abstraction sees the terms.)
TEST(Abstraction, FactsOfDivisionRefuteImpossibleBounds) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("pp_division", 0);
  solver.set_option("abstraction_width", 32);
  const Term x = terms.mk_const(Sort::bitvec(64), "x"), y = terms.mk_const(Sort::bitvec(64), "y"),
             z = terms.mk_const(Sort::bitvec(64), "z");
  solver.assert_formula(terms.mk_term(Kind::Distinct, {y, value(terms, 64, 0)}));
  solver.assert_formula(terms.mk_term(Kind::BvUle, {z, x}));
  const Term quotient = terms.mk_term(Kind::BvUdiv, {z, y}), remainder = terms.mk_term(Kind::BvUrem, {z, y});
  solver.assert_formula(
      terms.mk_term(Kind::Or, {terms.mk_term(Kind::BvUlt, {x, quotient}), terms.mk_term(Kind::BvUle, {y, remainder})}));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
  EXPECT_GE(statistic(solver, "abstraction_lemmas"), 2);
  EXPECT_EQ(statistic(solver, "abstraction_circuits"), 0);
}

// x * x = 0x805 has no solution (a square is 0, 1 or 4 mod 8; 0x805 is 5),
// but the facts allow one and each value lemma rules out one x: the term
// is refuted until it gets its circuit, and the answer is still right.
TEST(Abstraction, ATermRefutedAgainAndAgainGetsItsCircuit) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  const Term x = terms.mk_const(Sort::bitvec(12), "x"), y = terms.mk_const(Sort::bitvec(12), "y");
  solver.set_option("abstraction_width", 8);
  solver.assert_formula(terms.mk_term(Kind::Equal, {x, y}));
  solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvMul, {x, y}), value(terms, 12, 0x805)}));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
  EXPECT_EQ(statistic(solver, "abstraction_circuits"), 1);
}

TEST(Abstraction, ThirtyTwoBitsByDefault) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  EXPECT_EQ(solver.get_option("abstraction_width"), 32);
}

TEST(Abstraction, WidthZeroBlastsEverything) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("abstraction_width", 0);
  const Term x = terms.mk_const(Sort::bitvec(64), "x"), y = terms.mk_const(Sort::bitvec(64), "y");
  solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvMul, {x, y}), value(terms, 64, 6)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(statistic(solver, "abstraction_lemmas"), 0);
  EXPECT_GT(statistic(solver, "aig_nodes"), 4000);
}

}  // namespace
}  // namespace wang::testing
