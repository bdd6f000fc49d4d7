// Unconstrained constants: a constant v with a single use f(..., v, ...),
// where for every value of the other arguments f takes every value as v
// varies, can be dropped together with its use: the use becomes a fresh
// constant u, and any model of the rest extends by choosing v with
// f(..., v, ...) = u.  Only when every assertion of the check is in this
// group (otherwise another level might see v) and v is in nothing handed
// out or assumed; a later mention of v restores the use's definition.
#include "preprocess/preprocessor.hpp"
#include "preprocess/uses.hpp"

namespace wang::preprocess {

namespace {

using bv::BitVector;

bool is_odd_constant(Term term) { return rewrite::is_bv_value(term) && term.bv_value().bit(0); }

const BitVector& bits(const smt::Value& value) { return std::get<BitVector>(value); }

}  // namespace

bool is_invertible(Term use, size_t position) {
  switch (use.kind()) {
    case Kind::BvAdd:
    case Kind::BvSub:
    case Kind::BvNeg:
    case Kind::BvNot:
    case Kind::BvXor:
    case Kind::Xor:
    case Kind::Not:
    case Kind::Equal:
    case Kind::Extract: return true;
    case Kind::Distinct: return use.num_children() == 2;
    case Kind::BvMul: return use.num_children() == 2 && is_odd_constant(use.child(1 - position));
    default: return false;
  }
}

smt::Value inverse(Term use, Term constant, const smt::Value& target, const std::function<smt::Value(Term)>& value_of) {
  size_t position = 0;
  while (use.child(position) != constant) ++position;
  const auto other = [&](size_t i) { return value_of(use.child(i)); };
  switch (use.kind()) {
    case Kind::BvAdd:
    case Kind::BvXor: {
      BitVector value = bits(target);
      for (size_t i = 0; i < use.num_children(); ++i) {
        if (i == position) continue;
        value = use.kind() == Kind::BvAdd ? bv::bvsub(value, bits(other(i))) : bv::bvxor(value, bits(other(i)));
      }
      return value;
    }
    case Kind::Xor: {
      bool value = std::get<bool>(target);
      for (size_t i = 0; i < use.num_children(); ++i) {
        if (i != position) value = value != std::get<bool>(other(i));
      }
      return value;
    }
    case Kind::BvSub:
      return position == 0 ? bv::bvadd(bits(target), bits(other(1))) : bv::bvsub(bits(other(0)), bits(target));
    case Kind::BvNeg: return bv::bvneg(bits(target));
    case Kind::BvNot: return bv::bvnot(bits(target));
    case Kind::Not: return !std::get<bool>(target);
    case Kind::Equal:
    case Kind::Distinct: {
      // Equal to the other side, or different from it.
      const smt::Value side = other(1 - position);
      const bool same = std::get<bool>(target) == (use.kind() == Kind::Equal);
      if (same) return side;
      if (const bool* truth = std::get_if<bool>(&side)) return !*truth;
      return bv::bvadd(bits(side), BitVector::from_uint64(bits(side).width(), 1));
    }
    case Kind::Extract: {
      const uint32_t width = constant.sort().width(), high = use.index(0), low = use.index(1);
      BitVector value = bits(target);
      if (low > 0) value = bv::concat(value, BitVector(low));
      if (high + 1 < width) value = bv::concat(BitVector(width - 1 - high), value);
      return value;
    }
    case Kind::BvMul: return bv::bvmul(bits(target), bv::odd_inverse(bits(other(1 - position))));
    default: throw std::logic_error("inverse: not an invertible use");
  }
}

bool pass_unconstrained(Preprocessor& pp, Preprocessor::Group& group) {
  if (!group.whole_batch) return false;
  const ConstantUses uses = constant_uses(group.assertions);
  PassStatistics& stats = pp.statistics(PassId::unconstrained);
  smt::TermMap<bool> abstracted;
  bool changed = false;
  for (const Term& constant : uses.constants) {
    if (pp.visible(constant) || uses.is_root.contains(constant)) continue;
    // An array, a function or an element of a declared sort has no inverse here.
    if (!constant.sort().is_bool() && !constant.sort().is_bitvec()) continue;
    const std::vector<Term>& parents = uses.parents.at(constant);
    if (parents.size() != 1) continue;
    const Term use = parents[0];
    if (abstracted.contains(use) || pp.is_replaced(use)) continue;
    size_t position = use.num_children(), count = 0;
    for (size_t i = 0; i < use.num_children(); ++i) {
      if (use.child(i) == constant) {
        position = i;
        ++count;
      }
    }
    if (count != 1 || !is_invertible(use, position)) continue;
    abstracted.set(use, true);
    pp.eliminate_unconstrained(constant, use, pp.fresh_constant(use.sort(), "unconstrained"), group.level);
    ++stats.changes;
    ++stats.eliminated;
    changed = true;
  }
  return changed;
}

}  // namespace wang::preprocess
