// Division and remainder by constants, and the cases where dividend and
// divisor are tied.  SMT-LIB defines division by zero: x / 0 is all ones
// and x % 0 is x, which these rules follow.
#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

using bv::BitVector;

// k when `value` is 2^k.
std::optional<uint32_t> power_of_two(const BitVector& value) {
  if (value.is_zero()) return std::nullopt;
  const uint32_t k = value.width() - 1 - value.count_leading_zeros();
  BitVector power(value.width());
  power.set_bit(k, true);
  if (power != value) return std::nullopt;
  return k;
}

}  // namespace

Term rule_division_const(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  const uint32_t width = width_of(a);
  const bool quotient = term.kind() == Kind::BvUdiv;
  const Term zero = rw.zero(width);
  const auto if_zero = [&](Term x, Term then_value, Term else_value) {
    return rw.mk(Kind::Ite, {rw.mk(Kind::Equal, {x, zero}), then_value, else_value});
  };
  const Term one = rw.mk_bv(BitVector::from_uint64(width, 1));
  if (a == b) return quotient ? if_zero(a, rw.ones(width), one) : zero;
  if (is_zero(a)) return quotient ? if_zero(b, rw.ones(width), zero) : zero;
  if (!is_bv_value(b)) return {};
  if (is_zero(b)) return quotient ? rw.ones(width) : a;
  const std::optional<uint32_t> k = power_of_two(b.bv_value());
  if (!k) return {};
  if (*k == 0) return quotient ? a : zero;
  if (quotient) return rw.mk(Kind::Concat, {rw.zero(*k), rw.mk_extract(a, width - 1, *k)});
  return rw.mk(Kind::Concat, {rw.zero(width - *k), rw.mk_extract(a, *k - 1, 0)});
}

// By 1 (at widths above 1, where the vector 1 is the positive one) and by 0.
Term rule_signed_division_const(Rewriter& rw, Term term) {
  const Term a = term.child(0), b = term.child(1);
  const uint32_t width = width_of(a);
  if (is_zero(b)) {
    if (term.kind() != Kind::BvSdiv) return a;
    // x / 0 is all ones for x >= 0, and -(-x / 0) = 1 for x < 0.
    const Term negative = rw.mk(Kind::Equal, {rw.mk_extract(a, width - 1, width - 1), rw.ones(1)});
    return rw.mk(Kind::Ite, {negative, rw.mk_bv(BitVector::from_uint64(width, 1)), rw.ones(width)});
  }
  if (width > 1 && is_one(b)) return term.kind() == Kind::BvSdiv ? a : rw.zero(width);
  return {};
}

}  // namespace wang::rewrite
