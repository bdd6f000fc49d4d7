// Factoring with bit-vectors: n = p * q with 1 < p <= q, computed at twice
// the width of the factors so that the product cannot wrap around.  Each
// factorization found is ruled out and the solver asked again (it keeps
// what it learned), assumptions ask "what if" without changing the
// assertions, and a conflict limit bounds a question that is too hard.
#include <algorithm>
#include <iostream>
#include <vector>

#include <wang/smt.hpp>

using wang::bv::BitVector;
using wang::smt::Kind;
using wang::smt::Result;
using wang::smt::Sort;
using wang::smt::Term;

namespace {

struct Factoring {
  Factoring(wang::smt::TermManager& terms, uint32_t width, uint64_t n)
      : terms(terms), width(width), p(terms.mk_const(Sort::bitvec(width), "p")),
        q(terms.mk_const(Sort::bitvec(width), "q")), solver(terms) {
    const Term product = terms.mk_term(Kind::BvMul, {wide(p), wide(q)});
    solver.assert_formula(terms.mk_term(Kind::Equal, {product, terms.mk_bv(BitVector::from_uint64(2 * width, n))}));
    solver.assert_formula(terms.mk_term(Kind::BvUgt, {p, constant(1)}));
    solver.assert_formula(terms.mk_term(Kind::BvUle, {p, q}));
  }
  Term constant(uint64_t value) { return terms.mk_bv(BitVector::from_uint64(width, value)); }
  // (_ zero_extend width) t: the operator's index comes after its arguments.
  Term wide(Term t) { return terms.mk_term(Kind::ZeroExtend, {t}, {width}); }
  uint64_t value(Term t) { return solver.get_value(t).bv_value().to_uint64(); }

  wang::smt::TermManager& terms;
  uint32_t width;
  Term p, q;
  wang::smt::Solver solver;
};

}  // namespace

int main() {
  wang::smt::TermManager terms;

  Factoring f(terms, 16, 3 * 5 * 7 * 11);
  std::cout << "1155 =";
  std::vector<std::pair<uint64_t, uint64_t>> found;
  while (f.solver.check_sat() == Result::sat) {
    found.emplace_back(f.value(f.p), f.value(f.q));
    f.solver.assert_formula(terms.mk_term(Kind::Distinct, {f.p, f.constant(found.back().first)}));
  }
  std::sort(found.begin(), found.end());
  for (size_t i = 0; i < found.size(); ++i) std::cout << (i ? " =" : "") << ' ' << found[i].first << " * " << found[i].second;
  std::cout << '\n';

  Factoring g(terms, 16, 143);
  const Term p_even = terms.mk_term(Kind::Equal, {terms.mk_term(Kind::Extract, {g.p}, {0, 0}),
                                                  terms.mk_bv(BitVector::from_uint64(1, 0))});
  if (g.solver.check_sat({&p_even, 1}) == Result::unsat) {
    std::cout << "143 has no even factor; the assumptions used: " << g.solver.unsat_assumptions().size() << '\n';
  }
  if (g.solver.check_sat() == Result::sat) std::cout << "143 = " << g.value(g.p) << " * " << g.value(g.q) << '\n';

  Factoring hard(terms, 32, 3245897549ull * 4186851881ull);  // two primes of 32 bits
  wang::sat::Limits limits;
  limits.conflicts = 1000;
  hard.solver.set_limits(limits);
  const Result result = hard.solver.check_sat();
  std::cout << "a 64-bit semiprime with 1000 conflicts: "
            << (result == Result::unknown ? "unknown" : result == Result::sat ? "sat" : "unsat") << " ("
            << wang::sat::to_string(hard.solver.stop_reason()) << ")\n";
}
