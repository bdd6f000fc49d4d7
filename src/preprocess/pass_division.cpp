// Division at the word level.  bvudiv(a, b) and bvurem(a, b) become fresh
// constants q and r with the constraint that defines them,
//
//   b = 0 -> q = ~0 and r = a
//   b != 0 -> a = q*b + r and r < b, with q*b + r computed without overflow
//
// so that a term like (a udiv b)*b + (a urem b) is the same polynomial as
// the constraint's q*b + r and an identity over it needs no divider at
// all.  The signed operations are first written over the unsigned ones
// on the operands' magnitudes, as SMT-LIB defines them.
//
// The constraint costs a multiplier and its overflow check, more than the
// divider it replaces, and only pays where the polynomial rules can use it:
// a divisor that is a value (the product by a value is a few adders) or a
// quotient multiplied by its divisor.  Other divisions keep their divider
// and get their bounds asserted, which is what comparisons against the
// operands need (r < b, r <= a and q <= a for b != 0): the divider alone
// made the SAT solver rediscover them (uremsimp32, issue9874, bvugt).
#include <algorithm>

#include "preprocess/preprocessor.hpp"
#include "preprocess/uses.hpp"

namespace wang::preprocess {

namespace {

struct Builder {
  rewrite::Rewriter& rw;

  Term mk(Kind kind, std::initializer_list<Term> arguments) { return rw.mk(kind, arguments); }
  Term negative(Term x) {
    const uint32_t width = x.sort().width();
    return mk(Kind::Equal, {rw.mk_extract(x, width - 1, width - 1), rw.ones(1)});
  }
  Term magnitude(Term x) { return mk(Kind::Ite, {negative(x), mk(Kind::BvNeg, {x}), x}); }
};

// bvsdiv, bvsrem and bvsmod over bvudiv and bvurem of the magnitudes.
Term signed_division(rewrite::Rewriter& rw, Term term) {
  Builder b{rw};
  const Term s = term.child(0), t = term.child(1);
  const Term negative_s = b.negative(s), negative_t = b.negative(t);
  const Term abs_s = b.magnitude(s), abs_t = b.magnitude(t);
  switch (term.kind()) {
    case Kind::BvSdiv: {
      const Term quotient = b.mk(Kind::BvUdiv, {abs_s, abs_t});
      return b.mk(Kind::Ite, {b.mk(Kind::Xor, {negative_s, negative_t}), b.mk(Kind::BvNeg, {quotient}), quotient});
    }
    case Kind::BvSrem: {
      const Term remainder = b.mk(Kind::BvUrem, {abs_s, abs_t});
      return b.mk(Kind::Ite, {negative_s, b.mk(Kind::BvNeg, {remainder}), remainder});
    }
    default: {
      // bvsmod: the remainder takes the divisor's sign.
      const Term u = b.mk(Kind::BvUrem, {abs_s, abs_t});
      const Term zero = rw.zero(s.sort().width());
      const Term signs_differ =
          b.mk(Kind::Ite, {negative_s, b.mk(Kind::BvAdd, {b.mk(Kind::BvNeg, {u}), t}), b.mk(Kind::BvAdd, {u, t})});
      const Term same_signs = b.mk(Kind::Ite, {negative_s, b.mk(Kind::BvNeg, {u}), u});
      const Term by_signs = b.mk(Kind::Ite, {b.mk(Kind::Xor, {negative_s, negative_t}), signs_differ, same_signs});
      return b.mk(Kind::Ite, {b.mk(Kind::Equal, {u, zero}), u, by_signs});
    }
  }
}

Term defining_constraint(rewrite::Rewriter& rw, Term a, Term b, Term q, Term r) {
  Builder build{rw};
  const uint32_t width = a.sort().width();
  const Term product = build.mk(Kind::BvMul, {q, b});
  const Term by_zero = build.mk(Kind::And, {build.mk(Kind::Equal, {q, rw.ones(width)}), build.mk(Kind::Equal, {r, a})});
  const Term exact = build.mk(Kind::And, {build.mk(Kind::Equal, {a, build.mk(Kind::BvAdd, {product, r})}),
                                          build.mk(Kind::BvUlt, {r, b}),
                                          rw.mk_not(build.mk(Kind::BvUmulo, {q, b})),
                                          rw.mk_not(build.mk(Kind::BvUaddo, {product, r}))});
  return build.mk(Kind::Ite, {build.mk(Kind::Equal, {b, rw.zero(width)}), by_zero, exact});
}

// The bounds of a quotient or remainder that keeps its divider.
Term bounds(rewrite::Rewriter& rw, Term division) {
  Builder build{rw};
  const Term a = division.child(0), b = division.child(1);
  const Term by_zero = build.mk(Kind::Equal, {b, rw.zero(b.sort().width())});
  if (division.kind() == Kind::BvUdiv) return build.mk(Kind::Or, {by_zero, build.mk(Kind::BvUle, {division, a})});
  return build.mk(Kind::And, {build.mk(Kind::Or, {by_zero, build.mk(Kind::BvUlt, {division, b})}),
                              build.mk(Kind::BvUle, {division, a})});
}

}  // namespace

bool pass_division(Preprocessor& pp, Preprocessor::Group& group) {
  std::vector<Term> divisions;
  smt::SparseTermMap<bool> multiplied_by_divisor;  // quotients
  for_each_term(group.assertions, [&](Term term) {
    switch (term.kind()) {
      case Kind::BvUdiv:
      case Kind::BvUrem:
      case Kind::BvSdiv:
      case Kind::BvSrem:
      case Kind::BvSmod:
        if (!pp.is_replaced(term)) divisions.push_back(term);
        break;
      case Kind::BvMul:
        for (const Term& factor : term.children()) {
          if (factor.kind() != Kind::BvUdiv) continue;
          if (std::ranges::find(term.children(), factor.child(1)) != term.children().end()) {
            multiplied_by_divisor.set(factor, true);
          }
        }
        break;
      default: break;
    }
  });
  if (divisions.empty()) return false;
  PassStatistics& stats = pp.statistics(PassId::division);
  rewrite::Rewriter& rw = pp.rewriter();
  const uint64_t changes_before = stats.changes;
  for (const Term& division : divisions) {
    if (pp.is_replaced(division)) continue;  // the partner of one done here
    const Term a = division.child(0), b = division.child(1);
    if (division.kind() != Kind::BvUdiv && division.kind() != Kind::BvUrem) {
      pp.replace(division, signed_division(rw, division), group.level);
    } else if (!b.is_value() && !multiplied_by_divisor.contains(rw.mk(Kind::BvUdiv, {a, b}))) {
      if (!pp.mark_bounded(division, group.level)) continue;
      group.assertions.push_back(bounds(rw, division));
    } else {
      const Term q = pp.fresh_constant(a.sort(), "quotient"), r = pp.fresh_constant(a.sort(), "remainder");
      for (const auto& [kind, stand_in] : {std::pair{Kind::BvUdiv, q}, std::pair{Kind::BvUrem, r}}) {
        const Term key = rw.mk(kind, {a, b});
        if (!key.is_value() && !pp.is_replaced(key)) pp.replace(key, stand_in, group.level);
      }
      group.assertions.push_back(defining_constraint(rw, a, b, q, r));
    }
    ++stats.changes;
  }
  return stats.changes > changes_before;
}

}  // namespace wang::preprocess
