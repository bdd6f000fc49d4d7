// Arrays, uninterpreted functions and uninterpreted sorts through
// smt::Solver: known answers for each lemma kind, and random formulas over
// tiny sorts compared with brute force over every array and function (an
// array with a 2-bit index is 4 values, so enumerating them is exact).
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "smt/evaluator.hpp"

namespace wang::testing {
namespace {

using smt::Kind;
using smt::Result;
using smt::Sort;
using smt::Term;

Term bv(smt::TermManager& terms, uint32_t width, uint64_t value) {
  return terms.mk_bv(bv::BitVector::from_uint64(width, value));
}

Result solve(smt::TermManager& terms, std::initializer_list<Term> formulas) {
  smt::Solver solver(terms);
  for (const Term& formula : formulas) solver.assert_formula(formula);
  const Result result = solver.check_sat();
  if (result == Result::sat) {
    std::string failure;
    EXPECT_TRUE(solver.check_model(&failure)) << failure;
  }
  return result;
}

TEST(Theories, ReadOverWrite) {
  smt::TermManager t;
  const Sort memory = Sort::array(Sort::bitvec(32), Sort::bitvec(8));
  const Term a = t.mk_const(memory, "a");
  const Term i = t.mk_const(Sort::bitvec(32), "i");
  const Term j = t.mk_const(Sort::bitvec(32), "j");
  const Term v = t.mk_const(Sort::bitvec(8), "v");
  const Term stored = t.mk_term(Kind::Store, {a, i, v});
  const Term read_i = t.mk_term(Kind::Select, {stored, i});
  const Term read_j = t.mk_term(Kind::Select, {stored, j});
  const Term old_j = t.mk_term(Kind::Select, {a, j});
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {read_i, v})}), Result::unsat);
  // A different index reads the old contents.
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {i, j}), t.mk_term(Kind::Distinct, {read_j, old_j})}),
            Result::unsat);
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {read_j, old_j})}), Result::sat);
}

TEST(Theories, Extensionality) {
  smt::TermManager t;
  const Sort memory = Sort::array(Sort::bitvec(16), Sort::bitvec(16));
  const Term a = t.mk_const(memory, "a");
  const Term b = t.mk_const(memory, "b");
  const Term i = t.mk_const(Sort::bitvec(16), "i");
  const Term j = t.mk_const(Sort::bitvec(16), "j");
  const Term a_i = t.mk_term(Kind::Select, {a, i});
  const Term a_j = t.mk_term(Kind::Select, {a, j});
  // Swapping two cells twice gives the array back.
  const Term swapped = t.mk_term(Kind::Store, {t.mk_term(Kind::Store, {a, i, a_j}), j, a_i});
  const Term s_i = t.mk_term(Kind::Select, {swapped, i});
  const Term s_j = t.mk_term(Kind::Select, {swapped, j});
  const Term back = t.mk_term(Kind::Store, {t.mk_term(Kind::Store, {swapped, i, s_j}), j, s_i});
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {back, a})}), Result::unsat);
  // Two arrays equal everywhere but one index differ; read anywhere else they agree.
  const Term differ = t.mk_term(Kind::Distinct, {a, b});
  EXPECT_EQ(solve(t, {differ}), Result::sat);
  EXPECT_EQ(solve(t, {differ, t.mk_term(Kind::Equal, {t.mk_term(Kind::Store, {a, i, bv(t, 16, 7)}),
                                                      t.mk_term(Kind::Store, {b, i, bv(t, 16, 7)})}),
                      t.mk_term(Kind::Equal, {a_i, t.mk_term(Kind::Select, {b, i})})}),
            Result::unsat);
}

TEST(Theories, ConstantArraysAndIte) {
  smt::TermManager t;
  const Sort memory = Sort::array(Sort::bitvec(8), Sort::bitvec(4));
  const Term zero = t.mk_const_array(memory, bv(t, 4, 0));
  const Term i = t.mk_const(Sort::bitvec(8), "i");
  const Term j = t.mk_const(Sort::bitvec(8), "j");
  const Term p = t.mk_const(Sort::boolean(), "p");
  const Term one_at_i = t.mk_term(Kind::Store, {zero, i, bv(t, 4, 1)});
  const Term chosen = t.mk_term(Kind::Ite, {p, one_at_i, zero});
  const Term read = t.mk_term(Kind::Select, {chosen, j});
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {read, bv(t, 4, 2)})}), Result::unsat);
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {read, bv(t, 4, 1)}), t.mk_term(Kind::Not, {p})}),
            Result::unsat);
  smt::Solver solver(t);
  solver.assert_formula(t.mk_term(Kind::Equal, {read, bv(t, 4, 1)}));
  ASSERT_EQ(solver.check_sat(), Result::sat);
  EXPECT_TRUE(solver.get_value(p).bool_value());
  EXPECT_EQ(solver.get_value(i), solver.get_value(j));
  // A constant array of 2^8 cells differs from one with a store of another value.
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {one_at_i, zero})}), Result::unsat);
}

TEST(Theories, Congruence) {
  smt::TermManager t;
  const Sort word = Sort::bitvec(32);
  const Term f = t.mk_const(Sort::function({word, word}, word), "f");
  const Term x = t.mk_const(word, "x");
  const Term y = t.mk_const(word, "y");
  const Term f_xy = t.mk_term(Kind::Apply, {f, x, y});
  const Term f_yx = t.mk_term(Kind::Apply, {f, y, x});
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {x, y}), t.mk_term(Kind::Distinct, {f_xy, f_yx})}), Result::unsat);
  smt::Solver solver(t);
  solver.assert_formula(t.mk_term(Kind::Distinct, {f_xy, f_yx}));
  ASSERT_EQ(solver.check_sat(), Result::sat);
  const auto interpretation = solver.get_function_value(f);
  EXPECT_TRUE(interpretation.otherwise);
  EXPECT_NE(solver.get_value(f_xy), solver.get_value(f_yx));
}

TEST(Theories, UninterpretedSortsAndArrayValuedFunctions) {
  smt::TermManager t;
  const Sort state = Sort::uninterpreted("State");
  const Term s0 = t.mk_const(state, "s0");
  const Term s1 = t.mk_const(state, "s1");
  const Term s2 = t.mk_const(state, "s2");
  const Term next = t.mk_const(Sort::function({state}, state), "next");
  const Term n0 = t.mk_term(Kind::Apply, {next, s0});
  const Term n1 = t.mk_term(Kind::Apply, {next, s1});
  // Three pairwise distinct states, the successor function injective on two of them.
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {s0, s1, s2}), t.mk_term(Kind::Distinct, {n0, n1})}),
            Result::sat);
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {s0, s1}), t.mk_term(Kind::Distinct, {n0, n1})}), Result::unsat);
  // Memories per state, as yosys models them.
  const Sort memory = Sort::array(Sort::bitvec(4), Sort::bitvec(8));
  const Term mem = t.mk_const(Sort::function({state}, memory), "mem");
  const Term m0 = t.mk_term(Kind::Apply, {mem, s0});
  const Term m1 = t.mk_term(Kind::Apply, {mem, s1});
  const Term addr = t.mk_const(Sort::bitvec(4), "addr");
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Equal, {s0, s1}),
                      t.mk_term(Kind::Distinct, {t.mk_term(Kind::Select, {m0, addr}), t.mk_term(Kind::Select, {m1, addr})})}),
            Result::unsat);
  EXPECT_EQ(solve(t, {t.mk_term(Kind::Distinct, {m0, m1})}), Result::sat);
}

// Applications to constants of a sort used only as arguments become
// constants of their own (solver/purify.hpp); a use of the sort's elements
// anywhere else, asserted or assumed, must bring the congruences back for
// as long as it lasts, and models must still satisfy the original formulas.
TEST(Theories, PurifiedApplicationsStayExactWhenTheSortIsUsedOtherwise) {
  smt::TermManager t;
  const Sort state = Sort::uninterpreted("State");
  const Sort memory = Sort::array(Sort::bitvec(2), Sort::bitvec(4));
  const Term s0 = t.mk_const(state, "s0");
  const Term s1 = t.mk_const(state, "s1");
  const Term mem = t.mk_const(Sort::function({state}, memory), "mem");
  const Term valid = t.mk_const(Sort::function({state}, Sort::boolean()), "valid");
  const Term m0 = t.mk_term(Kind::Apply, {mem, s0});
  const Term m1 = t.mk_term(Kind::Apply, {mem, s1});
  const Term addr = t.mk_const(Sort::bitvec(2), "addr");
  const Term read0 = t.mk_term(Kind::Select, {m0, addr});
  const Term read1 = t.mk_term(Kind::Select, {m1, addr});
  const Term same_state = t.mk_term(Kind::Equal, {s0, s1});
  const Term flag = t.mk_const(Sort::boolean(), "flag");
  for (int purify = 0; purify <= 1; ++purify) {
    smt::Solver solver(t);
    solver.set_option("purify", purify);
    const auto expect_model = [&solver] {
      std::string failure;
      EXPECT_TRUE(solver.check_model(&failure)) << failure;
    };
    // A step as yosys-smtbmc writes it: the next state's memory is a store
    // into this one's.
    solver.assert_formula(t.mk_term(Kind::Equal, {m1, t.mk_term(Kind::Store, {m0, addr, bv(t, 4, 9)})}));
    solver.assert_formula(t.mk_term(Kind::Apply, {valid, s0}));
    solver.assert_formula(t.mk_term(Kind::Not, {t.mk_term(Kind::Apply, {valid, s1})}));
    ASSERT_EQ(solver.check_sat(), Result::sat) << purify;
    expect_model();
    EXPECT_NE(solver.get_value(s0), solver.get_value(s1));
    EXPECT_EQ(solver.get_value(read1), bv(t, 4, 9));
    // Equal states would need valid(s0) = valid(s1).
    const Term assumptions[] = {same_state};
    EXPECT_EQ(solver.check_sat(assumptions), Result::unsat) << purify;
    ASSERT_EQ(solver.check_sat(), Result::sat) << purify;
    expect_model();
    solver.push(1);
    solver.assert_formula(t.mk_term(Kind::Ite, {flag, same_state, t.mk_bool(false)}));
    EXPECT_EQ(solver.check_sat(), Result::unsat) << purify;
    solver.pop(1);
    // A state chosen by an ite: with flag, mem of it is m0, whose read is
    // not the stored 9 unless it was 9 before.
    solver.push(1);
    const Term chosen = t.mk_term(Kind::Apply, {mem, t.mk_term(Kind::Ite, {flag, s0, s1})});
    solver.assert_formula(flag);
    solver.assert_formula(t.mk_term(Kind::Equal, {t.mk_term(Kind::Select, {chosen, addr}), bv(t, 4, 9)}));
    solver.assert_formula(t.mk_term(Kind::Distinct, {read0, bv(t, 4, 9)}));
    EXPECT_EQ(solver.check_sat(), Result::unsat) << purify;
    solver.pop(1);
    solver.assert_formula(t.mk_term(Kind::Distinct, {read0, bv(t, 4, 9)}));
    ASSERT_EQ(solver.check_sat(), Result::sat) << purify;
    expect_model();
    EXPECT_NE(solver.get_value(read0), solver.get_value(read1));
  }
}

// Random formulas over two arrays with 2-bit indices and 1-bit elements and
// two index constants, or over a function on 2-bit words and two words.
struct Family {
  smt::TermManager terms;
  std::mt19937_64& rng;
  std::vector<Term> arrays, indices;
  Term function;
  bool with_arrays;
  Sort index = Sort::bitvec(2);

  Family(std::mt19937_64& rng, bool arrays_family) : rng(rng), with_arrays(arrays_family) {
    if (with_arrays) {
      const Sort memory = Sort::array(index, Sort::bitvec(1));
      arrays = {terms.mk_const(memory, "a"), terms.mk_const(memory, "b")};
    } else {
      function = terms.mk_const(Sort::function({index}, index), "f");
    }
    indices = {terms.mk_const(index, "i"), terms.mk_const(index, "j")};
  }

  uint64_t pick(uint64_t n) { return rng() % n; }

  Term index_term(int depth) {
    if (depth == 0 || pick(3) == 0) {
      return pick(3) == 0 ? bv(terms, 2, pick(4)) : indices[pick(indices.size())];
    }
    if (!with_arrays && pick(2) == 0) return terms.mk_term(Kind::Apply, {function, index_term(depth - 1)});
    if (pick(2) == 0) return terms.mk_term(Kind::BvAdd, {index_term(depth - 1), index_term(depth - 1)});
    if (with_arrays) return terms.mk_term(Kind::Concat, {element(depth - 1), element(depth - 1)});
    return terms.mk_term(Kind::Ite, {formula(depth - 1), index_term(depth - 1), index_term(depth - 1)});
  }

  Term element(int depth) {
    if (depth == 0 || pick(4) == 0) return bv(terms, 1, pick(2));
    return terms.mk_term(Kind::Select, {array(depth - 1), index_term(depth - 1)});
  }

  Term array(int depth) {
    if (depth == 0 || pick(3) == 0) {
      if (pick(6) == 0) return terms.mk_const_array(arrays[0].sort(), bv(terms, 1, pick(2)));
      return arrays[pick(arrays.size())];
    }
    if (pick(4) == 0) return terms.mk_term(Kind::Ite, {formula(depth - 1), array(depth - 1), array(depth - 1)});
    return terms.mk_term(Kind::Store, {array(depth - 1), index_term(depth - 1), element(depth - 1)});
  }

  Term formula(int depth) {
    const uint64_t choice = pick(depth == 0 ? 2 : 6);
    switch (choice) {
      case 0:
        return terms.mk_term(Kind::Equal, {index_term(depth), index_term(depth)});
      case 1:
        return with_arrays ? terms.mk_term(Kind::Equal, {element(depth), element(depth)})
                           : terms.mk_term(Kind::BvUlt, {index_term(depth), index_term(depth)});
      case 2:
        return with_arrays ? terms.mk_term(Kind::Equal, {array(depth), array(depth)})
                           : terms.mk_term(Kind::Distinct, {index_term(depth), index_term(depth)});
      case 3:
        return terms.mk_term(Kind::Not, {formula(depth - 1)});
      case 4:
        return terms.mk_term(Kind::Or, {formula(depth - 1), formula(depth - 1)});
      default:
        return terms.mk_term(Kind::And, {formula(depth - 1), formula(depth - 1)});
    }
  }

  // Every array (or the function) and every index constant: 12 bits.
  bool satisfiable(const std::vector<Term>& formulas) {
    for (uint64_t code = 0; code < (uint64_t{1} << 12); ++code) {
      std::map<uint64_t, smt::Value> values;
      uint64_t rest = code;
      auto take = [&rest](uint32_t bits) {
        const uint64_t value = rest & ((uint64_t{1} << bits) - 1);
        rest >>= bits;
        return value;
      };
      for (const Term& a : arrays) {
        std::vector<std::pair<smt::Value, smt::Value>> cells;
        for (uint64_t k = 0; k < 4; ++k) cells.emplace_back(bv::BitVector::from_uint64(2, k), bv::BitVector::from_uint64(1, take(1)));
        values.emplace(a.id(), smt::make_array(a.sort(), bv::BitVector::from_uint64(1, 0), cells));
      }
      if (function) {
        std::vector<std::pair<std::vector<smt::Value>, smt::Value>> table;
        for (uint64_t k = 0; k < 4; ++k) {
          table.emplace_back(std::vector<smt::Value>{bv::BitVector::from_uint64(2, k)}, bv::BitVector::from_uint64(2, take(2)));
        }
        values.emplace(function.id(), smt::make_function(function.sort(), bv::BitVector::from_uint64(2, 0), table));
      }
      for (const Term& i : indices) values.emplace(i.id(), bv::BitVector::from_uint64(2, take(2)));
      smt::Evaluator evaluator([&values](Term c) { return values.at(c.id()); });
      bool all = true;
      for (const Term& formula : formulas) all = all && std::get<bool>(evaluator.evaluate(formula));
      if (all) return true;
    }
    return false;
  }
};

void random_family(bool arrays, uint64_t seed, int rounds) {
  std::mt19937_64 rng(seed);
  int sat = 0, unsat = 0;
  for (int round = 0; round < rounds; ++round) {
    Family family(rng, arrays);
    std::vector<Term> formulas;
    const int count = 1 + static_cast<int>(family.pick(3));
    for (int k = 0; k < count; ++k) formulas.push_back(family.formula(3));
    smt::Solver solver(family.terms);
    for (const Term& formula : formulas) solver.assert_formula(formula);
    const Result result = solver.check_sat();
    ASSERT_NE(result, Result::unknown);
    ASSERT_EQ(result == Result::sat, family.satisfiable(formulas)) << "round " << round << ": " << formulas[0].to_string();
    if (result == Result::sat) {
      ++sat;
      std::string failure;
      ASSERT_TRUE(solver.check_model(&failure)) << failure;
    } else {
      ++unsat;
    }
  }
  EXPECT_GT(sat, rounds / 5);
  EXPECT_GT(unsat, rounds / 10);
}

TEST(Theories, RandomArrayFormulasAgreeWithBruteForce) { random_family(true, 4242, 150); }

TEST(Theories, RandomFunctionFormulasAgreeWithBruteForce) { random_family(false, 2424, 150); }

}  // namespace
}  // namespace wang::testing
