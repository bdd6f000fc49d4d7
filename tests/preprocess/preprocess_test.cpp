// Preprocessing end to end, through smt::Solver: random formulas shaped
// for the passes (definitions, single uses, extracts, divisions) under
// every configuration agree with brute force, incrementally too; models
// give eliminated constants values that satisfy the original assertions;
// and the cases where state carries over between checks.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "preprocess/preprocessor.hpp"
#include "smt/evaluator.hpp"
#include "support/brute_force.hpp"
#include "support/random_terms.hpp"
#include "support/smt_statistic.hpp"

namespace wang::testing {
namespace {

using smt::Kind;
using smt::Sort;
using smt::Term;

struct Fixture {
  smt::TermManager terms;
  std::vector<Term> constants;
  std::mt19937_64 rng;
  RandomTerms random;

  explicit Fixture(uint64_t seed) : rng(seed), random(terms, rng, make_constants()) {}

  std::vector<Term> make_constants() {
    constants = {terms.mk_const(Sort::bitvec(3), "x"), terms.mk_const(Sort::bitvec(2), "y"),
                 terms.mk_const(Sort::bitvec(4), "w"), terms.mk_const(Sort::bitvec(4), "v"),
                 terms.mk_const(Sort::boolean(), "p")};
    return constants;
  }

  Term constant_of_width(uint32_t width) {
    std::vector<Term> matching;
    for (const Term& c : constants) {
      if (!c.sort().is_bool() && c.sort().width() == width) matching.push_back(c);
    }
    return matching.empty() ? Term() : matching[rng() % matching.size()];
  }

  // A formula the passes have something to do with.
  Term shaped_formula() {
    const uint32_t width = 2 + static_cast<uint32_t>(rng() % 3);
    const Term c = constant_of_width(width);
    if (!c) return random.formula(2);
    switch (rng() % 8) {
      case 0: return terms.mk_term(Kind::Equal, {c, random.bitvector(width, 2)});
      case 1: {
        const Kind op = std::array{Kind::BvAdd, Kind::BvXor, Kind::BvSub}[rng() % 3];
        return terms.mk_term(Kind::BvUlt, {terms.mk_term(op, {c, random.bitvector(width, 1)}), random.bitvector(width, 1)});
      }
      case 2: {
        const uint32_t low = static_cast<uint32_t>(rng() % width);
        const uint32_t high = rng() % 2 == 0 ? width - 1 : low + static_cast<uint32_t>(rng() % (width - low));
        return terms.mk_term(Kind::Equal, {terms.mk_term(Kind::Extract, {c}, {high, low}),
                                           random.bitvector(high + 1 - low, 1)});
      }
      case 3: {
        const Kind op = std::array{Kind::BvUdiv, Kind::BvUrem, Kind::BvSdiv, Kind::BvSrem, Kind::BvSmod}[rng() % 5];
        return terms.mk_term(Kind::Distinct, {terms.mk_term(op, {c, random.bitvector(width, 1)}), random.bitvector(width, 1)});
      }
      case 4: return terms.mk_term(Kind::And, {random.formula(1), terms.mk_term(Kind::Equal, {c, random.bitvector(width, 1)})});
      case 5: return constants.back();
      case 6: return linear_equation(width);
      default: return random.formula(2);
    }
  }

  // k1 * c1 + k2 * c2 = t over the constants of one width, with random
  // coefficients (odd ones are solved for by substitution).
  Term linear_equation(uint32_t width) {
    std::vector<Term> summands;
    for (int i = 0; i < 2; ++i) {
      const Term coefficient = terms.mk_bv(bv::BitVector::from_uint64(width, rng()));
      summands.push_back(terms.mk_term(Kind::BvMul, {coefficient, constant_of_width(width)}));
    }
    return terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvAdd, summands), random.bitvector(width, 1)});
  }

  bool brute_force(const std::vector<Term>& formulas) const {
    return satisfiable_by_enumeration(constants, formulas);
  }
};

struct Configuration {
  std::string name;
  std::vector<std::pair<std::string, int64_t>> options;
};

std::vector<Configuration> configurations() {
  std::vector<Configuration> all = {{"level0", {{"rewrite_level", 0}}}, {"level1", {{"rewrite_level", 1}}}, {"level2", {}},
                                    {"abstracted", {{"abstraction_width", 1}}}};
  for (const preprocess::PassInfo& pass : preprocess::passes()) {
    const std::string option = "pp_" + std::string(pass.name);
    all.push_back({"without_" + std::string(pass.name), {{option, 0}}});
    Configuration only{"only_" + std::string(pass.name), {}};
    for (const preprocess::PassInfo& other : preprocess::passes()) {
      if (other.id != pass.id) {
        only.options.emplace_back("pp_" + std::string(other.name), 0);
      }
    }
    all.push_back(only);
  }
  return all;
}

class Preprocessing : public ::testing::TestWithParam<Configuration> {
 protected:
  void configure(smt::Solver& solver) {
    for (const auto& [name, value] : GetParam().options) solver.set_option(name, value);
  }
};

TEST_P(Preprocessing, OneCheckAgreesWithBruteForce) {
  int sat = 0, unsat = 0;
  for (uint64_t round = 0; round < 60; ++round) {
    Fixture f(1000 + round);
    std::vector<Term> formulas;
    const int count = 1 + static_cast<int>(f.rng() % 5);
    for (int i = 0; i < count; ++i) formulas.push_back(f.shaped_formula());
    smt::Solver solver(f.terms);
    configure(solver);
    for (const Term& formula : formulas) solver.assert_formula(formula);
    const smt::Result result = solver.check_sat();
    ASSERT_NE(result, smt::Result::unknown);
    ASSERT_EQ(result == smt::Result::sat, f.brute_force(formulas)) << "round " << round;
    if (result == smt::Result::sat) {
      ++sat;
      std::string failure;
      ASSERT_TRUE(solver.check_model(&failure)) << "round " << round << ": " << failure;
      for (const Term& formula : formulas) ASSERT_TRUE(solver.get_value(formula).bool_value()) << "round " << round;
    } else {
      ++unsat;
    }
  }
  EXPECT_GT(sat, 10);
  EXPECT_GT(unsat, 10);
}

TEST_P(Preprocessing, IncrementalChecksAgreeWithBruteForce) {
  for (uint64_t round = 0; round < 12; ++round) {
    Fixture f(5000 + round);
    smt::Solver solver(f.terms);
    configure(solver);
    std::vector<std::vector<Term>> stack{{}};
    std::string script;  // the steps so far, for the failure message
    for (int step = 0; step < 10; ++step) {
      const uint64_t action = f.rng() % 5;
      if (action == 0) {
        solver.push();
        stack.push_back({});
        script += "(push)\n";
      } else if (action == 1 && stack.size() > 1) {
        solver.pop();
        stack.pop_back();
        script += "(pop)\n";
      } else {
        const Term formula = f.shaped_formula();
        solver.assert_formula(formula);
        stack.back().push_back(formula);
        script += "(assert " + formula.to_string() + ")\n";
      }
      std::vector<Term> active;
      for (const auto& level : stack) active.insert(active.end(), level.begin(), level.end());
      std::vector<Term> assumptions;
      if (f.rng() % 2) assumptions.push_back(f.shaped_formula());
      const smt::Result result = solver.check_sat(assumptions);
      active.insert(active.end(), assumptions.begin(), assumptions.end());
      script += assumptions.empty() ? "(check-sat)\n" : "(check-sat-assuming (" + assumptions[0].to_string() + "))\n";
      ASSERT_EQ(result == smt::Result::sat, f.brute_force(active)) << "round " << round << " step " << step << "\n"
                                                                    << script;
      if (result == smt::Result::sat) {
        std::string failure;
        ASSERT_TRUE(solver.check_model(&failure)) << "round " << round << " step " << step << ": " << failure;
        for (const Term& c : f.constants) solver.get_value(c);
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Configurations, Preprocessing, ::testing::ValuesIn(configurations()),
                         [](const ::testing::TestParamInfo<Configuration>& info) { return info.param.name; });

// ---- state carried from one check to the next

class Carried : public ::testing::Test {
 protected:
  Term bv(uint64_t value) { return terms.mk_bv(bv::BitVector::from_uint64(8, value)); }
  Term eq(Term a, Term b) { return terms.mk_term(Kind::Equal, {a, b}); }
  uint64_t value(Term term) { return solver.get_value(term).bv_value().to_uint64(); }

  smt::TermManager terms;
  Term x = terms.mk_const(Sort::bitvec(8), "x");
  Term y = terms.mk_const(Sort::bitvec(8), "y");
  Term z = terms.mk_const(Sort::bitvec(8), "z");
  smt::Solver solver{terms};
};

TEST_F(Carried, ASubstitutionEndsWithItsLevel) {
  solver.push();
  solver.assert_formula(eq(x, bv(5)));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 5u);
  solver.pop();
  solver.assert_formula(eq(x, bv(7)));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 7u);
}

TEST_F(Carried, ASubstitutionAtLevelZeroServesDeeperLevels) {
  solver.assert_formula(eq(x, terms.mk_term(Kind::BvAdd, {y, bv(1)})));
  solver.push();
  solver.assert_formula(eq(y, bv(3)));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 4u);
  solver.pop();
  solver.assert_formula(eq(y, bv(9)));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 10u);
  solver.assert_formula(eq(x, bv(3)));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
}

TEST_F(Carried, AssumptionsSeeSubstitutedConstants) {
  solver.assert_formula(eq(x, terms.mk_term(Kind::BvAdd, {y, bv(1)})));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  const Term assumptions[] = {eq(x, bv(0))};
  ASSERT_EQ(solver.check_sat(assumptions), smt::Result::sat);
  EXPECT_EQ(value(y), 255u);
  EXPECT_EQ(value(x), 0u);
}

TEST_F(Carried, AnUnconstrainedConstantMentionedLaterIsRestored) {
  // x has one use, x + y, so the first check abstracts it; asserting x and
  // y afterwards must bring the sum back.
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvAdd, {x, y}), bv(5)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_LT((value(x) + value(y)) % 256, 5u);
  solver.assert_formula(eq(x, bv(16)));
  solver.assert_formula(eq(y, bv(0)));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
}

TEST_F(Carried, AnUnconstrainedConstantInAnAssumptionIsRestored) {
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvAdd, {x, y}), bv(5)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  const Term assumptions[] = {eq(x, bv(16)), eq(y, bv(0))};
  EXPECT_EQ(solver.check_sat(assumptions), smt::Result::unsat);
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
}

TEST_F(Carried, SlicedConstantsHaveWholeValues) {
  solver.assert_formula(eq(terms.mk_term(Kind::Extract, {x}, {3, 0}), terms.mk_bv(bv::BitVector::from_uint64(4, 9))));
  solver.assert_formula(eq(terms.mk_term(Kind::Extract, {x}, {7, 6}), terms.mk_bv(bv::BitVector::from_uint64(2, 2))));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x) & 0xcf, 0x89u);
  EXPECT_TRUE(solver.check_model());
}

double aig_nodes(const smt::Solver& solver) { return statistic(solver, "aig_nodes"); }

TEST_F(Carried, AnExtractEquationEndsWithItsLevel) {
  const Term high_nibble = terms.mk_term(Kind::Extract, {x}, {7, 4});
  solver.push();
  solver.assert_formula(eq(high_nibble, terms.mk_bv(bv::BitVector::from_uint64(4, 0xa))));
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvMul, {x, y}), bv(3)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x) >> 4, 0xau);
  EXPECT_LT(value(x) * value(y) % 256, 3u);
  EXPECT_TRUE(solver.check_model());
  EXPECT_GE(statistic(solver, "pass_substitute_eliminated"), 1);
  solver.pop();
  solver.assert_formula(eq(x, bv(5)));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 5u);
}

// x is encoded by the first check, so the later equation for its bits
// must not define it anew.
TEST_F(Carried, AnExtractEquationOfAnEncodedConstantIsKept) {
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {bv(200), terms.mk_term(Kind::BvMul, {x, y})}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  solver.assert_formula(eq(terms.mk_term(Kind::Extract, {x}, {7, 1}), terms.mk_bv(bv::BitVector(7))));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_EQ(value(x), 1u);
  EXPECT_GT(value(y), 200u);
  solver.assert_formula(eq(y, bv(3)));
  EXPECT_EQ(solver.check_sat(), smt::Result::unsat);
}

// Operands whose upper halves are asserted zero (smulov4bw*): with the
// equations substituted, the multiplier is built over the lower halves.
double aig_nodes_of_half_width_product(bool substitute) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("pp_substitute", substitute ? 1 : 0);
  solver.set_option("abstraction_width", 0);  // the circuit is what is measured
  const Term a = terms.mk_const(Sort::bitvec(32), "a"), b = terms.mk_const(Sort::bitvec(32), "b");
  const Term zero = terms.mk_bv(bv::BitVector(16));
  solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::Extract, {a}, {31, 16}), zero}));
  solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::Extract, {b}, {31, 16}), zero}));
  const Term product = terms.mk_term(Kind::BvMul, {a, b});
  solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_bv(bv::BitVector::from_uint64(32, 0xfffe0000)), product}));
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_TRUE(solver.check_model());
  const uint64_t value = solver.get_value(product).bv_value().to_uint64();
  EXPECT_GT(value, 0xfffe0000u);
  return aig_nodes(solver);
}

TEST(ExtractEquations, AZeroUpperHalfShrinksAMultiplier) {
  const double substituted = aig_nodes_of_half_width_product(true);
  const double whole = aig_nodes_of_half_width_product(false);
  EXPECT_LT(substituted * 2, whole) << substituted << " AIG nodes against " << whole;
}

// Partial sums s_k = s_(k-1) + x_k + 3, each compared in an assertion of its
// own, reach the rewriter through the preprocessor; merged into one
// another they would need about n^2 / 2 adders where the input has n.
double aig_nodes_of_sum_chain(int rewrite_level) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("rewrite_level", rewrite_level);
  Term sum = terms.mk_const(Sort::bitvec(16), "s");
  for (int k = 0; k < 12; ++k) {
    const Term summand = terms.mk_const(Sort::bitvec(16), "x" + std::to_string(k));
    // A second use keeps the summand from being eliminated as unconstrained.
    solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_bv(bv::BitVector::from_uint64(16, k)), summand}));
    sum = terms.mk_term(Kind::BvAdd, {sum, summand, terms.mk_bv(bv::BitVector::from_uint64(16, 3))});
    solver.assert_formula(terms.mk_term(Kind::BvUlt, {sum, terms.mk_bv(bv::BitVector::from_uint64(16, 1000 + k))}));
  }
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
  return aig_nodes(solver);
}

TEST(SharedSums, PreprocessingKeepsPartialSumsShared) {
  EXPECT_LE(aig_nodes_of_sum_chain(2), aig_nodes_of_sum_chain(0));
}

// A product under a coefficient, as program verifiers write it: p = a * b
// and t = 1000 * p, both compared.  The monomial 1000 * a * b must reuse
// the product p, not multiply 1000 * a by b in a second multiplier.  The
// multipliers are blasted whole: with lemmas on demand, how many circuits
// the refinement needs depends on the models the SAT core finds.
double aig_nodes_of_scaled_product(int rewrite_level) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  solver.set_option("rewrite_level", rewrite_level);
  solver.set_option("abstraction_width", 0);
  const auto bv32 = [&](uint64_t value) { return terms.mk_bv(bv::BitVector::from_uint64(32, value)); };
  const auto define = [&](const std::string& name, Term definition) {
    const Term constant = terms.mk_const(Sort::bitvec(32), name);
    solver.assert_formula(terms.mk_term(Kind::Equal, {constant, definition}));
    return constant;
  };
  const Term a = terms.mk_const(Sort::bitvec(32), "a"), b = terms.mk_const(Sort::bitvec(32), "b");
  const Term p = define("p", terms.mk_term(Kind::BvMul, {a, b}));
  const Term t = define("t", terms.mk_term(Kind::BvMul, {p, bv32(1000)}));
  solver.assert_formula(terms.mk_term(Kind::BvSle, {bv32(7), p}));
  solver.assert_formula(terms.mk_term(Kind::BvSlt, {t, bv32(1 << 30)}));
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
  return aig_nodes(solver);
}

TEST(SharedProducts, AScaledProductReusesTheProduct) {
  EXPECT_LE(aig_nodes_of_scaled_product(2), aig_nodes_of_scaled_product(0));
}

// A system of linear equations over 32 bits with random coefficients,
// consistent by construction or made inconsistent in its last equation:
// Gaussian elimination in the substitution pass decides either before
// anything is blasted, and the model satisfies the original equations.
struct LinearSystem {
  smt::TermManager terms;
  smt::Solver solver{terms};
  std::vector<Term> unknowns;

  LinearSystem(int equations, int variables, bool consistent) {
    sat::Limits limits;
    limits.conflicts = 10000;  // blasted, these systems take far more
    solver.set_limits(limits);
    std::mt19937_64 rng(equations * 100 + variables);
    std::vector<uint64_t> solution;
    for (int j = 0; j < variables; ++j) {
      unknowns.push_back(terms.mk_const(Sort::bitvec(32), "x" + std::to_string(j)));
      solution.push_back(rng() & 0xffffffff);
    }
    std::vector<std::vector<uint64_t>> rows;
    for (int i = 0; i < equations; ++i) {
      rows.emplace_back();
      for (int j = 0; j < variables; ++j) rows.back().push_back(rng() & 0x3ff);
    }
    if (!consistent) {
      // The last equation is the sum of the others with its right side off by one.
      for (int j = 0; j < variables; ++j) {
        rows.back()[j] = 0;
        for (int i = 0; i + 1 < equations; ++i) rows.back()[j] += rows[i][j];
      }
    }
    std::vector<uint64_t> sides;
    for (const auto& row : rows) {
      uint64_t side = 0;
      for (int j = 0; j < variables; ++j) side += row[j] * solution[j];
      sides.push_back(side & 0xffffffff);
    }
    if (!consistent) sides.back() = (sides.back() + 1) & 0xffffffff;
    for (size_t i = 0; i < rows.size(); ++i) {
      std::vector<Term> summands;
      for (int j = 0; j < variables; ++j) {
        summands.push_back(terms.mk_term(Kind::BvMul, {bv32(rows[i][j]), unknowns[j]}));
      }
      solver.assert_formula(terms.mk_term(Kind::Equal, {terms.mk_term(Kind::BvAdd, summands), bv32(sides[i])}));
    }
  }

  Term bv32(uint64_t value) { return terms.mk_bv(bv::BitVector::from_uint64(32, value)); }
};

TEST(LinearSystems, AConsistentSystemIsSolvedWithoutBlasting) {
  for (const auto& [equations, variables] : {std::pair{4, 8}, std::pair{8, 8}, std::pair{12, 24}}) {
    LinearSystem system(equations, variables, true);
    ASSERT_EQ(system.solver.check_sat(), smt::Result::sat) << equations << "x" << variables;
    std::string failure;
    EXPECT_TRUE(system.solver.check_model(&failure)) << failure;
    EXPECT_EQ(aig_nodes(system.solver), 1) << equations << "x" << variables;
  }
}

TEST(LinearSystems, AnInconsistentSystemIsRefutedWithoutBlasting) {
  for (const auto& [equations, variables] : {std::pair{3, 2}, std::pair{8, 8}, std::pair{12, 24}}) {
    LinearSystem system(equations, variables, false);
    EXPECT_EQ(system.solver.check_sat(), smt::Result::unsat) << equations << "x" << variables;
    EXPECT_EQ(aig_nodes(system.solver), 1) << equations << "x" << variables;
  }
}

// An equation solved at a push level stops holding when the level goes:
// 3x + 5y = 7 at level 1, then x = y = 1 (3 + 5 = 8) after the pop.
TEST(LinearSystems, AnEquationSolvedInAPushEndsWithIt) {
  smt::TermManager terms;
  smt::Solver solver(terms);
  const auto bv32 = [&](uint64_t value) { return terms.mk_bv(bv::BitVector::from_uint64(32, value)); };
  const Term x = terms.mk_const(Sort::bitvec(32), "x"), y = terms.mk_const(Sort::bitvec(32), "y");
  const Term sum = terms.mk_term(Kind::BvAdd, {terms.mk_term(Kind::BvMul, {bv32(3), x}), terms.mk_term(Kind::BvMul, {bv32(5), y})});
  solver.push(1);
  solver.assert_formula(terms.mk_term(Kind::Equal, {sum, bv32(7)}));
  ASSERT_EQ(solver.check_sat(), smt::Result::sat);
  EXPECT_TRUE(solver.check_model());
  solver.pop(1);
  solver.assert_formula(terms.mk_term(Kind::Equal, {x, bv32(1)}));
  solver.assert_formula(terms.mk_term(Kind::Equal, {y, bv32(1)}));
  EXPECT_EQ(solver.check_sat(), smt::Result::sat);
}

TEST(WordLevelDivision, QuotientTimesDivisorPlusRemainderIsTheDividend) {
  for (uint32_t width : {16U, 24U, 32U, 64U}) {
    smt::TermManager terms;
    const Term x = terms.mk_const(Sort::bitvec(width), "x"), y = terms.mk_const(Sort::bitvec(width), "y");
    const Term identity = terms.mk_term(
        Kind::Equal, {x, terms.mk_term(Kind::BvAdd, {terms.mk_term(Kind::BvMul, {terms.mk_term(Kind::BvUdiv, {x, y}), y}),
                                                     terms.mk_term(Kind::BvUrem, {x, y})})});
    smt::Solver solver(terms);
    solver.assert_formula(terms.mk_term(Kind::Not, {identity}));
    sat::Limits limits;
    limits.conflicts = 100000;  // a divider at 64 bits would need far more
    solver.set_limits(limits);
    EXPECT_EQ(solver.check_sat(), smt::Result::unsat) << width << " bits";
  }
}

// A remainder compared with its divisor: the bounds the pass asserts
// decide it; a divider alone leaves the SAT solver to rediscover them.
TEST(WordLevelDivision, RemaindersAreBelowTheirDivisors) {
  for (uint32_t width : {32U, 64U}) {
    smt::TermManager terms;
    const Term x = terms.mk_const(Sort::bitvec(width), "x"), y = terms.mk_const(Sort::bitvec(width), "y");
    const Term zero = terms.mk_bv(bv::BitVector(width));
    smt::Solver solver(terms);
    solver.assert_formula(terms.mk_term(Kind::Distinct, {y, zero}));
    solver.assert_formula(terms.mk_term(Kind::BvUge, {terms.mk_term(Kind::BvUrem, {x, y}), y}));
    sat::Limits limits;
    limits.conflicts = 1000;
    solver.set_limits(limits);
    EXPECT_EQ(solver.check_sat(), smt::Result::unsat) << width << " bits";
  }
}

// A quotient that is not multiplied by its divisor keeps its divider:
// the defining constraint's multiplier and overflow check cost more.
TEST(WordLevelDivision, AQuotientOutsideAProductKeepsItsDivider) {
  const auto nodes = [](int64_t division_pass) {
    smt::TermManager terms;
    const Term x = terms.mk_const(Sort::bitvec(32), "x"), y = terms.mk_const(Sort::bitvec(32), "y");
    smt::Solver solver(terms);
    solver.set_option("pp_division", division_pass);
    solver.set_option("abstraction_width", 0);  // circuits are what is compared
    solver.assert_formula(terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvUdiv, {x, y}), terms.mk_const(Sort::bitvec(32), "z")}));
    EXPECT_EQ(solver.check_sat(), smt::Result::sat);
    return aig_nodes(solver);
  };
  EXPECT_LE(nodes(1), 1.1 * nodes(0));
}

TEST(Inverse, UnconstrainedUsesTakeTheTargetValue) {
  smt::TermManager terms;
  const Term v = terms.mk_const(Sort::bitvec(4), "v"), s = terms.mk_const(Sort::bitvec(4), "s");
  const Term b = terms.mk_const(Sort::boolean(), "b"), q = terms.mk_const(Sort::boolean(), "q");
  const Term seven = terms.mk_bv(bv::BitVector::from_uint64(4, 7));
  const std::vector<std::pair<Term, Term>> uses = {
      {terms.mk_term(Kind::BvAdd, {s, v}), v},    {terms.mk_term(Kind::BvSub, {v, s}), v},
      {terms.mk_term(Kind::BvSub, {s, v}), v},    {terms.mk_term(Kind::BvNeg, {v}), v},
      {terms.mk_term(Kind::BvNot, {v}), v},       {terms.mk_term(Kind::BvXor, {v, s, seven}), v},
      {terms.mk_term(Kind::Xor, {q, b}), b},      {terms.mk_term(Kind::Not, {b}), b},
      {terms.mk_term(Kind::Equal, {s, v}), v},    {terms.mk_term(Kind::Distinct, {v, s}), v},
      {terms.mk_term(Kind::Extract, {v}, {2, 1}), v}, {terms.mk_term(Kind::BvMul, {seven, v}), v},
      {terms.mk_term(Kind::Equal, {q, b}), b},
  };
  for (const auto& [use, constant] : uses) {
    size_t position = 0;
    while (use.child(position) != constant) ++position;
    ASSERT_TRUE(preprocess::is_invertible(use, position)) << use.to_string();
    const uint32_t target_bits = use.sort().is_bool() ? 1 : use.sort().width();
    for (uint64_t other = 0; other < 16; ++other) {
      for (uint64_t target = 0; target < (uint64_t{1} << target_bits); ++target) {
        const smt::Value target_value = use.sort().is_bool() ? smt::Value(target != 0)
                                                             : smt::Value(bv::BitVector::from_uint64(target_bits, target));
        const auto others = [&](Term term) -> smt::Value {
          if (term == s) return bv::BitVector::from_uint64(4, other);
          if (term == q) return (other & 1) != 0;
          return smt::Evaluator([](Term) -> smt::Value { return false; }).evaluate(term);
        };
        const smt::Value chosen = preprocess::inverse(use, constant, target_value, others);
        smt::Evaluator evaluator([&](Term c) { return c == constant ? chosen : others(c); });
        EXPECT_EQ(evaluator.evaluate(use), target_value) << use.to_string() << " other " << other << " target " << target;
      }
    }
  }
  EXPECT_FALSE(preprocess::is_invertible(terms.mk_term(Kind::BvMul, {terms.mk_bv(bv::BitVector::from_uint64(4, 6)), v}), 1));
  EXPECT_FALSE(preprocess::is_invertible(terms.mk_term(Kind::Concat, {v, s}), 0));
}

}  // namespace
}  // namespace wang::testing
