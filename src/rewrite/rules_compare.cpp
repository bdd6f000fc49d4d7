// Equalities, disequalities, comparisons and the overflow predicates.
#include <unordered_set>

#include "rewrite/polynomial.hpp"
#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

using bv::BitVector;

bool is_arithmetic(Term term) {
  switch (term.kind()) {
    case Kind::BvAdd:
    case Kind::BvSub:
    case Kind::BvNeg:
    case Kind::BvMul: return true;
    default: return false;
  }
}

// A bound on the monomials and factors of an expansion: identities of
// a few products of sums multiply out far below it, while a sum of
// thousands of terms is not worth comparing.
constexpr size_t kExpansionLimit = 256;

bool is_linear(const Polynomial& polynomial) {
  return std::ranges::all_of(polynomial.entries(), [](const Polynomial::Entry& entry) { return entry.factors.size() == 1; });
}

// The entry to solve for: a single atom with coefficient 1 or -1,
// declared constants preferred, then the earliest term.
std::optional<size_t> pivot(const Polynomial& difference) {
  std::optional<size_t> best;
  for (size_t i = 0; i < difference.entries().size(); ++i) {
    if (!solvable_for(difference, i) || !is_one_or_minus_one(difference.entries()[i].coefficient)) continue;
    if (!best) {
      best = i;
      continue;
    }
    const Term atom = difference.entries()[i].factors[0];
    const Term current = difference.entries()[*best].factors[0];
    const bool constant = atom.kind() == Kind::Constant, current_constant = current.kind() == Kind::Constant;
    if (constant != current_constant ? constant : atom.id() < current.id()) best = i;
  }
  return best;
}

}  // namespace

Term rule_bool_equal(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  if (!a.sort().is_bool()) return {};
  if (is_true(a)) return b;
  if (is_true(b)) return a;
  if (is_false(a)) return rw.mk_not(b);
  if (is_false(b)) return rw.mk_not(a);
  if (are_complements(a, b)) return rw.mk_bool(false);
  if (a.kind() == Kind::Not && b.kind() == Kind::Not) return rw.mk(Kind::Equal, {a.child(0), b.child(0)});
  return {};
}

Term rule_equal_same(Rewriter& rw, Term term) {
  return term.child(0) == term.child(1) ? rw.mk_bool(true) : Term();
}

// A repeated argument makes distinct false, and so do more arguments than
// the sort has values.
Term rule_distinct_to_equal(Rewriter& rw, Term term) {
  if (term.num_children() == 2) return rw.mk_not(rw.mk(Kind::Equal, {term.child(0), term.child(1)}));
  std::unordered_set<uint64_t> seen;
  for (const Term& child : term.children()) {
    if (!seen.insert(child.id()).second) return rw.mk_bool(false);
  }
  const Sort sort = term.child(0).sort();
  if (!sort.is_bool() && !sort.is_bitvec()) return {};
  const uint32_t bits = sort.is_bool() ? 1 : sort.width();
  if (bits < 63 && term.num_children() > (uint64_t{1} << bits)) return rw.mk_bool(false);
  return {};
}

// ~x = c iff x = ~c; x ^ c = d iff x = c ^ d; ~x = ~y iff x = y.
Term rule_equal_bitwise_const(Rewriter& rw, Term term) {
  for (int side = 0; side < 2; ++side) {
    const Term a = term.child(side), b = term.child(1 - side);
    if (a.kind() == Kind::BvNot && b.kind() == Kind::BvNot) return rw.mk(Kind::Equal, {a.child(0), b.child(0)});
    if (!is_bv_value(b)) continue;
    if (a.kind() == Kind::BvNot) return rw.mk(Kind::Equal, {a.child(0), rw.fold(Kind::BvNot, {b})});
    if (a.kind() == Kind::BvXor) {
      std::vector<Term> rest;
      Term constant = b;
      for (const Term& child : a.children()) {
        if (is_bv_value(child)) {
          constant = rw.fold(Kind::BvXor, {constant, child});
        } else {
          rest.push_back(child);
        }
      }
      if (rest.size() == a.num_children()) continue;
      const Term left = rest.size() == 1 ? rest[0] : rw.mk(Kind::BvXor, rest);
      return rw.mk(Kind::Equal, {left, constant});
    }
  }
  return {};
}

// A concatenation against a value or another concatenation is compared
// piece by piece: its last piece against the same bits of the other side.
// (Against any other term the equation is left whole: x = (concat a b)
// is how variable substitution finds a definition of x.)
Term rule_equal_concat(Rewriter& rw, Term term) {
  for (int side = 0; side < 2; ++side) {
    const Term a = term.child(side), b = term.child(1 - side);
    if (a.kind() != Kind::Concat || !(b.kind() == Kind::Concat || is_bv_value(b))) continue;
    const Term low = a.child(a.num_children() - 1);
    const uint32_t low_width = width_of(low), width = width_of(a);
    std::vector<Term> high_parts(a.children().begin(), a.children().end() - 1);
    const Term high = high_parts.size() == 1 ? high_parts[0] : rw.mk(Kind::Concat, high_parts);
    return rw.mk(Kind::And, {rw.mk(Kind::Equal, {high, rw.mk_extract(b, width - 1, low_width)}),
                             rw.mk(Kind::Equal, {low, rw.mk_extract(b, low_width - 1, 0)})});
  }
  return {};
}

// An ite against one of its branches, or with values everywhere.
Term rule_equal_ite(Rewriter& rw, Term term) {
  for (int side = 0; side < 2; ++side) {
    const Term ite = term.child(side), other = term.child(1 - side);
    if (ite.kind() != Kind::Ite) continue;
    const Term c = ite.child(0), a = ite.child(1), b = ite.child(2);
    if (other == a) return rw.mk(Kind::Or, {c, rw.mk(Kind::Equal, {b, other})});
    if (other == b) return rw.mk(Kind::Or, {rw.mk_not(c), rw.mk(Kind::Equal, {a, other})});
    if (a.is_value() && b.is_value() && other.is_value()) return rw.mk_bool(false);
  }
  return {};
}

// A 1-bit vector against a value is a Boolean: (bvand a b) = #b1 iff
// a = #b1 and b = #b1.  Conjunctions that a circuit wrote as 1-bit vectors
// (smulov4bw*: "(not (= (bvand p q ...) #b0))") then split at the top
// level, where their parts become facts and substitutions.  The circuit
// is the same: the AIG of (= a #b1) is a's bit.
Term rule_equal_bit(Rewriter& rw, Term term) {
  for (int side = 0; side < 2; ++side) {
    const Term a = term.child(side), value = term.child(1 - side);
    if (!is_bv_value(value) || width_of(value) != 1) continue;
    const bool one = value.bv_value().bit(0);
    const auto equal_to = [&rw](Term child, Term bit) { return rw.mk(Kind::Equal, {child, bit}); };
    std::vector<Term> parts;
    switch (a.kind()) {
      case Kind::BvAnd:
      case Kind::BvOr:
        for (const Term& child : a.children()) parts.push_back(equal_to(child, value));
        return rw.mk((a.kind() == Kind::BvAnd) == one ? Kind::And : Kind::Or, parts);
      case Kind::BvXor: {
        for (const Term& child : a.children()) parts.push_back(equal_to(child, rw.ones(1)));
        const Term odd = rw.mk(Kind::Xor, parts);
        return one ? odd : rw.mk_not(odd);
      }
      case Kind::Ite:
        return rw.mk(Kind::Ite, {a.child(0), equal_to(a.child(1), value), equal_to(a.child(2), value)});
      default: break;
    }
  }
  return {};
}

// a = b iff a - b = 0 in Z / 2^w.  Decided outright when the expanded
// difference is a constant; otherwise solved for an atom with coefficient
// +-1, or written as (= positive-part negative-part).
Term rule_equal_polynomial(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  if (!a.sort().is_bitvec() || !(is_arithmetic(a) || is_arithmetic(b))) return {};
  std::optional<Polynomial> expanded;
  if (const auto left = expanded_polynomial(rw, a, kExpansionLimit)) {
    if (const auto right = expanded_polynomial(rw, b, kExpansionLimit)) {
      expanded = *left;
      expanded->add(*right, BitVector::ones(width_of(a)));
      if (expanded->is_constant()) return rw.mk_bool(expanded->constant().is_zero());
    }
  }
  const Polynomial left = linear_polynomial(rw, a), right = linear_polynomial(rw, b);
  Polynomial difference = left;
  difference.add(right, BitVector::ones(width_of(a)));
  if (difference.is_constant()) return rw.mk_bool(difference.constant().is_zero());
  // The expanded difference is built only where it is a linear sum with
  // fewer monomials: then expanding cancelled something the linear view
  // could not see, such as x + y = x << 1, which is y = x.
  const bool expansion_cancels = expanded && is_linear(*expanded) &&
                                 expanded->entries().size() < difference.entries().size();
  if (expansion_cancels) difference = *expanded;
  const std::optional<size_t> index = pivot(difference);
  // Terms move across only where that simplifies the equation: monomials
  // cancel, constants merge, one side is a constant, or it is solved for a
  // declared constant (which substitution and unconstrained-variable
  // elimination can then use).  Otherwise it keeps its shape: moving terms
  // across made chains of shifts and additions far harder (shift1add, tea:
  // seconds at --rewrite-level 0, time-outs at 60 s).
  const bool cancels =
      expansion_cancels || difference.entries().size() < left.entries().size() + right.entries().size();
  const bool merges_constants = !left.constant().is_zero() && !right.constant().is_zero();
  const bool against_constant = left.is_constant() || right.is_constant();
  const bool solves_constant = index && difference.entries()[*index].factors[0].kind() == Kind::Constant &&
                               !(a.kind() == Kind::Constant || b.kind() == Kind::Constant);
  if (!cancels && !merges_constants && !against_constant && !solves_constant) return {};
  if (index) {
    return rw.mk(Kind::Equal, {difference.entries()[*index].factors[0], solved_for(rw, difference, *index)});
  }
  // p = n with the negatively counted monomials of the difference on the
  // right: polynomial_term writes the difference as p - n.
  const Term written = polynomial_term(rw, difference);
  if (written.kind() == Kind::BvSub) return rw.mk(Kind::Equal, {written.child(0), written.child(1)});
  if (written.kind() == Kind::BvNeg) return rw.mk(Kind::Equal, {written.child(0), rw.zero(width_of(a))});
  return rw.mk(Kind::Equal, {written, rw.zero(width_of(a))});
}

Term rule_equal_order(Rewriter& rw, Term term) {
  if (!smt::op_info(term.kind()).has(smt::kCommutative)) return {};
  std::vector<Term> sorted = children_of(term);
  std::stable_sort(sorted.begin(), sorted.end(), term_order);
  if (std::equal(sorted.begin(), sorted.end(), term.children().begin())) return {};
  return rw.mk(term.kind(), sorted);
}

Term rule_compare_swap(Rewriter& rw, Term term) {
  const Kind swapped = term.kind() == Kind::BvUgt   ? Kind::BvUlt
                       : term.kind() == Kind::BvUge ? Kind::BvUle
                       : term.kind() == Kind::BvSgt ? Kind::BvSlt
                                                    : Kind::BvSle;
  return rw.mk(swapped, {term.child(1), term.child(0)});
}

Term rule_compare_same(Rewriter& rw, Term term) {
  if (term.child(0) != term.child(1)) return {};
  return rw.mk_bool(term.kind() == Kind::BvUle || term.kind() == Kind::BvSle);
}

// Against the least value l and the greatest value g of the order:
// x < l and g < x are false, l <= x and x <= g true, x <= l means x = l,
// l < x means x != l, and likewise at g.
Term rule_compare_bounds(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  const uint32_t width = width_of(a);
  const bool is_signed = term.kind() == Kind::BvSlt || term.kind() == Kind::BvSle;
  const bool strict = term.kind() == Kind::BvUlt || term.kind() == Kind::BvSlt;
  const Term least = rw.mk_bv(is_signed ? BitVector::min_signed(width) : BitVector(width));
  const Term greatest = rw.mk_bv(is_signed ? BitVector::max_signed(width) : BitVector::ones(width));
  const auto equal = [&rw](Term x, Term y) { return rw.mk(Kind::Equal, {x, y}); };
  if (strict) {
    if (b == least || a == greatest) return rw.mk_bool(false);
    if (a == least) return rw.mk_not(equal(b, least));
    if (b == greatest) return rw.mk_not(equal(a, greatest));
  } else {
    if (a == least || b == greatest) return rw.mk_bool(true);
    if (b == least) return equal(a, least);
    if (a == greatest) return equal(b, greatest);
  }
  return {};
}

Term rule_compare_strict(Rewriter& rw, Term term) {
  const Kind strict = term.kind() == Kind::BvUle ? Kind::BvUlt : Kind::BvSlt;
  return rw.mk_not(rw.mk(strict, {term.child(1), term.child(0)}));
}

// Equal zero prefixes do not decide an unsigned comparison.
Term rule_compare_concat_zero(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  if (a.kind() != Kind::Concat || b.kind() != Kind::Concat) return {};
  const Term prefix_a = a.child(0), prefix_b = b.child(0);
  if (!is_zero(prefix_a) || !is_zero(prefix_b) || width_of(prefix_a) != width_of(prefix_b)) return {};
  const uint32_t low = width_of(a) - width_of(prefix_a);
  return rw.mk(term.kind(), {rw.mk_extract(a, low - 1, 0), rw.mk_extract(b, low - 1, 0)});
}

Term rule_bvcomp_to_ite(Rewriter& rw, Term term) {
  return rw.mk(Kind::Ite, {rw.mk(Kind::Equal, {term.child(0), term.child(1)}), rw.mk_bv(BitVector::ones(1)), rw.zero(1)});
}

// An operation that cannot overflow with one operand fixed: adding or
// subtracting 0, multiplying by 0 or 1, dividing by anything but -1.
Term rule_overflow_trivial(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  switch (term.kind()) {
    case Kind::BvUaddo:
    case Kind::BvSaddo:
      if (is_zero(a) || is_zero(b)) return rw.mk_bool(false);
      break;
    case Kind::BvUsubo:
    case Kind::BvSsubo:
      if (is_zero(b)) return rw.mk_bool(false);
      break;
    case Kind::BvUmulo:
      if (is_zero(a) || is_zero(b) || is_one(a) || is_one(b)) return rw.mk_bool(false);
      break;
    case Kind::BvSmulo:
      // At width 1 the vector 1 is -1, and -1 * -1 overflows.
      if (is_zero(a) || is_zero(b) || (width_of(a) > 1 && (is_one(a) || is_one(b)))) return rw.mk_bool(false);
      break;
    case Kind::BvSdivo:
      if ((is_bv_value(b) && !b.bv_value().is_ones()) || (is_bv_value(a) && !a.bv_value().is_min_signed())) {
        return rw.mk_bool(false);
      }
      break;
    default: break;
  }
  return {};
}

}  // namespace wang::rewrite
