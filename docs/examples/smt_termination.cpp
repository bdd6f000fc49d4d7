// The article's loop `while (x > y) x = x - y;` over 32-bit unsigned x, y,
// asked through wang's SMT interface instead of an SMT-LIB file.  It
// terminates if every iteration makes x smaller: a counterexample is a
// state where the body runs and x does not decrease.  With the
// precondition y > 0 (pushed, then popped) there is none; without it there
// is, and the model shows it.
#include <iostream>

#include <wang/smt.hpp>

using wang::bv::BitVector;
using wang::smt::Kind;
using wang::smt::Result;
using wang::smt::Sort;
using wang::smt::Term;

int main() {
  wang::smt::TermManager terms;
  const Sort u32 = Sort::bitvec(32);
  const Term x = terms.mk_const(u32, "x");
  const Term y = terms.mk_const(u32, "y");
  auto constant = [&terms](uint64_t value) { return terms.mk_bv(BitVector::from_uint64(32, value)); };

  const Term body_runs = terms.mk_term(Kind::BvUgt, {x, y});
  const Term x_decreases = terms.mk_term(Kind::BvUlt, {terms.mk_term(Kind::BvSub, {x, y}), x});

  wang::smt::Solver solver(terms);
  solver.assert_formula(body_runs);
  solver.assert_formula(terms.mk_term(Kind::Not, {x_decreases}));

  solver.push();
  solver.assert_formula(terms.mk_term(Kind::BvUgt, {y, constant(0)}));  // the precondition
  std::cout << "with y > 0: " << (solver.check_sat() == Result::unsat ? "no counterexample, it terminates" : "?")
            << '\n';
  solver.pop();

  if (solver.check_sat() != Result::sat) return 1;
  const uint64_t y_value = solver.get_value(y).bv_value().to_uint64();
  const uint64_t x_value = solver.get_value(x).bv_value().to_uint64();
  std::cout << "without it: a counterexample with y = " << y_value << (x_value > 0 ? " and x > 0" : "") << '\n';
  if (!solver.check_model()) return 1;  // every assertion holds in the model

  // The same question for one call, g2(5, 0): an assumption holds for one check only.
  const Term x_is_5 = terms.mk_term(Kind::Equal, {x, constant(5)});
  std::cout << "g2(5, y) loops for y = "
            << (solver.check_sat({&x_is_5, 1}) == Result::sat ? solver.get_value(y).bv_value().to_decimal_string() : "?")
            << '\n';
}
