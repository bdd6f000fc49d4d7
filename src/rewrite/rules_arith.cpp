// Addition, subtraction, negation and multiplication.
#include "rewrite/polynomial.hpp"
#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

// The local laws, for level 1 where the polynomial normal form is off.
Term rule_arith_neutral(Rewriter& rw, Term term) {
  switch (term.kind()) {
    case Kind::BvNeg: return term.child(0).kind() == Kind::BvNeg ? term.child(0).child(0) : Term();
    case Kind::BvSub:
      if (term.child(0) == term.child(1)) return rw.zero(width_of(term));
      if (is_zero(term.child(1))) return term.child(0);
      if (is_zero(term.child(0))) return rw.mk(Kind::BvNeg, {term.child(1)});
      return {};
    case Kind::BvMul:
      for (const Term& child : term.children()) {
        if (is_zero(child)) return child;
      }
      break;
    default: break;
  }
  // bvadd without zeros, bvmul without ones.
  std::vector<Term> kept;
  for (const Term& child : term.children()) {
    if (!(term.kind() == Kind::BvAdd ? is_zero(child) : is_one(child))) kept.push_back(child);
  }
  if (kept.size() == term.num_children()) return {};
  if (kept.empty()) return term.kind() == Kind::BvAdd ? rw.zero(width_of(term)) : rw.mk_bv(bv::BitVector::from_uint64(width_of(term), 1));
  if (kept.size() == 1) return kept[0];
  return rw.mk(term.kind(), kept);
}

Term rule_polynomial(Rewriter& rw, Term term) { return polynomial_term(rw, linear_polynomial(rw, term)); }

}  // namespace wang::rewrite
