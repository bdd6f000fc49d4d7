// Bit-blasting: the SMT-LIB bit-vector operators as circuits over an
// abstract bit type, one member function per operator.
//
// The circuits are built through a policy `Ops` (the BitOps concept) that
// creates gates over its `Bit` type: an AIG edge for the SAT back end, a
// bool for constant folding and tests.  A bit-vector is a `Bits` vector,
// least significant bit first.  The semantics, including division by zero
// and the 2.7 overflow predicates, are those of the reference `BitVector`
// functions in wang/bitvector.hpp.
//
// Constant bits are folded here rather than left to the policy: the gate
// helpers never pass a constant operand to `Ops`, so shifts and rotations
// by constants are pure wiring, adders fed constant zeros degenerate into
// half adders, multiplication by a constant costs only the rows its one
// bits select, and division by a constant skips the steps where the
// divisor cannot fit.  A policy may fold further (the AIG hashes
// structurally), but need not.
//
// Sizes: everything is linear in the width except the multiplier, the
// divider and the multiplication overflow predicates, which are quadratic.
// No function recurses, so widths of many thousands of bits are fine.
#pragma once

#include <algorithm>
#include <bit>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "wang/bitvector.hpp"

namespace wang::bv {

// What a policy knows of a bit: whether it is a constant and, if so, which.
// Used like std::optional<bool>, but both bytes are always set: an empty
// optional leaves its value byte uninitialised, and GCC at -O2 tests the two
// bytes at once, which makes valgrind report a jump on an uninitialised value
// in every circuit and so hides real reports.
struct ConstantBit {
  bool known = false;
  bool value = false;
  explicit operator bool() const { return known; }
  bool operator*() const { return value; }
};

// The gates a bit-blaster needs.  `constant_value` reports bits known to be
// constant so that the blaster can skip work on them.
template <class O>
concept BitOps = std::copyable<typename O::Bit> && requires(O& ops, typename O::Bit bit, bool value) {
  { ops.constant(value) } -> std::same_as<typename O::Bit>;
  { ops.not_(bit) } -> std::same_as<typename O::Bit>;
  { ops.and_(bit, bit) } -> std::same_as<typename O::Bit>;
  { ops.or_(bit, bit) } -> std::same_as<typename O::Bit>;
  { ops.xor_(bit, bit) } -> std::same_as<typename O::Bit>;
  { ops.ite(bit, bit, bit) } -> std::same_as<typename O::Bit>;
  { ops.constant_value(bit) } -> std::same_as<ConstantBit>;
};

// Bits that are plain truth values: blasting evaluates the operator.
struct BoolOps {
  using Bit = bool;
  Bit constant(bool value) const { return value; }
  Bit not_(Bit a) const { return !a; }
  Bit and_(Bit a, Bit b) const { return a && b; }
  Bit or_(Bit a, Bit b) const { return a || b; }
  Bit xor_(Bit a, Bit b) const { return a != b; }
  Bit ite(Bit c, Bit t, Bit e) const { return c ? t : e; }
  ConstantBit constant_value(Bit a) const { return {true, a}; }
};

// Operands of binary operators must have equal, nonzero widths and indices
// must be in range; violations throw std::invalid_argument, like BitVector.
template <BitOps Ops>
class BitBlaster {
 public:
  using Bit = typename Ops::Bit;
  using Bits = std::vector<Bit>;

  explicit BitBlaster(Ops& ops) : ops_(ops) {}

  // ------------------------------------------------------------ structure
  // Pure wiring: these create no gates.

  Bits constant(const BitVector& value) {
    Bits bits;
    bits.reserve(value.width());
    for (uint32_t i = 0; i < value.width(); ++i) bits.push_back(ops_.constant(value.bit(i)));
    return bits;
  }

  // `high` supplies the most significant bits, as in SMT-LIB.
  Bits concat(const Bits& high, const Bits& low) {
    check(high);
    check(low);
    Bits bits = low;
    bits.insert(bits.end(), high.begin(), high.end());
    return bits;
  }

  // Bits hi down to lo; needs lo <= hi < width.
  Bits extract(const Bits& bits, uint32_t hi, uint32_t lo) {
    require(lo <= hi && hi < bits.size(), "extract: indices out of range");
    return slice(bits, lo, size_t{hi} - lo + 1);
  }

  Bits repeat(const Bits& bits, uint32_t n) {
    check(bits);
    require(n >= 1, "repeat: count must be at least 1");
    Bits result;
    result.reserve(bits.size() * n);
    for (uint32_t i = 0; i < n; ++i) result.insert(result.end(), bits.begin(), bits.end());
    return result;
  }

  Bits zero_extend(const Bits& bits, uint32_t n) {
    check(bits);
    return extend(bits, n, ops_.constant(false));
  }

  Bits sign_extend(const Bits& bits, uint32_t n) {
    check(bits);
    return extend(bits, n, bits.back());
  }

  // Rotations by a constant are a permutation; the distance is taken
  // modulo the width.
  Bits rotate_left(const Bits& bits, uint64_t n) {
    check(bits);
    const size_t width = bits.size();
    const size_t distance = n % width;
    Bits result;
    result.reserve(width);
    for (size_t i = 0; i < width; ++i) result.push_back(bits[(i + width - distance) % width]);
    return result;
  }

  Bits rotate_right(const Bits& bits, uint64_t n) {
    check(bits);
    return rotate_left(bits, bits.size() - n % bits.size());
  }

  // -------------------------------------------------------------- bitwise
  // One gate per bit.  The negated forms are the plain gate plus inverters,
  // which an AIG gets for free and which keeps one gate shape to hash.

  Bits bvnot(const Bits& a) {
    check(a);
    return invert(a);
  }

  Bits bvand(const Bits& a, const Bits& b) {
    return zip(a, b, [this](Bit x, Bit y) { return bit_and(x, y); });
  }
  Bits bvor(const Bits& a, const Bits& b) {
    return zip(a, b, [this](Bit x, Bit y) { return bit_or(x, y); });
  }
  Bits bvxor(const Bits& a, const Bits& b) {
    return zip(a, b, [this](Bit x, Bit y) { return bit_xor(x, y); });
  }
  Bits bvnand(const Bits& a, const Bits& b) { return bvnot(bvand(a, b)); }
  Bits bvnor(const Bits& a, const Bits& b) { return bvnot(bvor(a, b)); }
  Bits bvxnor(const Bits& a, const Bits& b) { return bvnot(bvxor(a, b)); }

  // Per-bit multiplexer: c ? t : e.
  Bits ite(Bit c, const Bits& t, const Bits& e) {
    return zip(t, e, [this, c](Bit x, Bit y) { return bit_ite(c, x, y); });
  }

  // ----------------------------------------------------------- arithmetic

  // 0 - a through the subtractor; with the constant zero operand the full
  // adders fold into the half adders of an incrementer of ~a.
  Bits bvneg(const Bits& a) {
    check(a);
    return bvsub(zeros(a.size()), a);
  }

  // Ripple-carry adder: the smallest adder.  Logic depth, which faster
  // hardware adders buy with size, is no cost to a SAT solver.
  Bits bvadd(const Bits& a, const Bits& b) {
    check(a, b);
    return ripple_add(a, b, ops_.constant(false));
  }

  // a + ~b + 1: the adder with the carry-in as the two's complement's +1.
  Bits bvsub(const Bits& a, const Bits& b) {
    check(a, b);
    return ripple_add(a, invert(b), ops_.constant(true));
  }

  // Shift-and-add: row i adds `other` << i, gated by bit i of `selector`,
  // into the upper w - i bits of the product (the lower ones are unaffected
  // by the row).  The operand with more constant bits selects, because a
  // constant-zero selector bit drops its whole row and a constant-one bit
  // makes its row gate-free; constant zeros of `other` fold away in the
  // partial products and turn the adder cells they feed into half adders.
  // Multiplying by a constant with k one bits thus costs k - 1 adders.
  Bits bvmul(const Bits& a, const Bits& b) {
    check(a, b);
    const bool b_selects = constant_count(b) >= constant_count(a);
    const Bits& selector = b_selects ? b : a;
    const Bits& other = b_selects ? a : b;
    const size_t width = a.size();
    Bits product = zeros(width);
    for (size_t i = 0; i < width; ++i) {
      if (is_constant(selector[i], false)) continue;
      Bits row;
      row.reserve(width - i);
      for (size_t j = 0; i + j < width; ++j) row.push_back(bit_and(other[j], selector[i]));
      const Bits sum = accumulate(slice(product, i, width - i), row);
      std::copy(sum.begin(), sum.end(), product.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return product;
  }

  // Restoring division, returning {quotient, remainder} so that bvudiv and
  // bvurem of the same operands share one circuit.  Step k (k = 1..w)
  // brings down dividend bit w - k next to the partial remainder r, giving
  // s = 2r + a_{w-k}, and subtracts b when s >= b.  As r is at most the
  // previous step's s, s has only k bits, so s >= b needs the divisor's
  // bits k and up to be zero and otherwise depends on its low k bits only:
  // a k-bit subtractor per step, w(w+1)/2 cells instead of w^2, and the
  // remainder's high bits are constant zeros rather than multiplexers.
  //
  // Division by zero comes out as SMT-LIB defines it without extra logic:
  // every step finds s >= 0 and subtracts nothing, so the quotient is all
  // ones and the remainder is the dividend.
  std::pair<Bits, Bits> udiv_urem(const Bits& a, const Bits& b) {
    check(a, b);
    const size_t width = a.size();
    const Bits divisor_above = suffix_or(b);  // [k]: b has a one at k or above
    Bits quotient = zeros(width);
    Bits remainder;
    for (size_t k = 1; k <= width; ++k) {
      const size_t i = width - k;
      Bits shifted{a[i]};
      shifted.insert(shifted.end(), remainder.begin(), remainder.end());
      // A divisor known to have a one at k or above (as constant divisors
      // do in the first steps) cannot fit: no subtractor to build.
      if (is_constant(divisor_above[k], true)) {
        remainder = std::move(shifted);
        continue;
      }
      Bit no_borrow = ops_.constant(false);
      const Bits difference = ripple_add(shifted, invert(slice(b, 0, k)), ops_.constant(true), &no_borrow);
      quotient[i] = bit_and(no_borrow, bit_not(divisor_above[k]));
      remainder = ite(quotient[i], difference, shifted);
    }
    return {std::move(quotient), std::move(remainder)};
  }

  // The signed operations follow SMT-LIB's case splits on the operands'
  // signs, merged: divide the magnitudes, then negate conditionally.  With
  // a zero divisor they inherit the unsigned conventions exactly as the
  // standard's definitions do.  The magnitude division is built the same
  // way each time, so a structurally hashing policy shares it between
  // bvsdiv, bvsrem and bvsmod of the same operands.
  Bits bvsdiv(const Bits& a, const Bits& b) {
    check(a, b);
    return negate_if(bit_xor(a.back(), b.back()), divide_magnitudes(a, b).first);
  }

  // The remainder takes the dividend's sign.
  Bits bvsrem(const Bits& a, const Bits& b) {
    check(a, b);
    return negate_if(a.back(), divide_magnitudes(a, b).second);
  }

  // The remainder takes the divisor's sign instead: when the signs differ
  // and the remainder is nonzero, bvsmod = bvsrem + b (for a < 0 <= b it is
  // -u + b, for b < 0 <= a it is u + b, with u the magnitude remainder).
  Bits bvsmod(const Bits& a, const Bits& b) {
    const Bits remainder = bvsrem(a, b);
    const Bit adjust = bit_and(bit_xor(a.back(), b.back()), bit_not(is_zero(remainder)));
    return ite(adjust, bvadd(remainder, b), remainder);
  }

  // ---------------------------------------------------------------- shifts
  // Barrel shifters: stage k shifts by 2^k under amount bit k, for the
  // ceil(log2(w)) stages that reach every distance below w.  Distances from
  // w to 2^stages - 1 shift every bit out through the stages; larger ones
  // set an amount bit above the stages, and the OR of those bits selects
  // the fill instead of stages for all of them.

  Bits bvshl(const Bits& a, const Bits& amount) {
    check(a, amount);
    return barrel_shift(a, amount, Direction::left, ops_.constant(false));
  }

  Bits bvlshr(const Bits& a, const Bits& amount) {
    check(a, amount);
    return barrel_shift(a, amount, Direction::right, ops_.constant(false));
  }

  // The sign bit is its own fill: every stage keeps it in place.
  Bits bvashr(const Bits& a, const Bits& amount) {
    check(a, amount);
    return barrel_shift(a, amount, Direction::right, a.back());
  }

  // ------------------------------------------------------------ comparison

  // XNOR per bit, then a balanced AND tree (logarithmic depth).
  Bit eq(const Bits& a, const Bits& b) { return reduce_and(bvxnor(a, b)); }
  Bits bvcomp(const Bits& a, const Bits& b) { return {eq(a, b)}; }

  // The orders are the carry out of a + ~b + carry_in, computed without
  // the sum bits: a + ~b + 1 carries iff a >= b and a + ~b carries iff
  // a > b.  Signed orders flip both sign bits first, which maps two's
  // complement order onto unsigned order.
  Bit ult(const Bits& a, const Bits& b) { return less(a, b, Signedness::unsigned_, Strictness::strict); }
  Bit ule(const Bits& a, const Bits& b) { return less(a, b, Signedness::unsigned_, Strictness::or_equal); }
  Bit ugt(const Bits& a, const Bits& b) { return ult(b, a); }
  Bit uge(const Bits& a, const Bits& b) { return ule(b, a); }
  Bit slt(const Bits& a, const Bits& b) { return less(a, b, Signedness::signed_, Strictness::strict); }
  Bit sle(const Bits& a, const Bits& b) { return less(a, b, Signedness::signed_, Strictness::or_equal); }
  Bit sgt(const Bits& a, const Bits& b) { return slt(b, a); }
  Bit sge(const Bits& a, const Bits& b) { return sle(b, a); }

  // -------------------------------------------------- overflow predicates

  // Only the minimum signed value has no negation.
  Bit nego(const Bits& a) {
    check(a);
    return eq(a, constant(BitVector::min_signed(static_cast<uint32_t>(a.size()))));
  }

  // The carry out of the adder (carries only, no sum bits).
  Bit uaddo(const Bits& a, const Bits& b) {
    check(a, b);
    return carry_chain(a, b, ops_.constant(false)).out;
  }

  // Two's complement addition overflows iff the carry into the sign bit
  // differs from the carry out of it.
  Bit saddo(const Bits& a, const Bits& b) {
    check(a, b);
    const Carries carries = carry_chain(a, b, ops_.constant(false));
    return bit_xor(carries.into_msb, carries.out);
  }

  Bit usubo(const Bits& a, const Bits& b) { return ult(a, b); }

  // As saddo, for the subtractor's a + ~b + 1.
  Bit ssubo(const Bits& a, const Bits& b) {
    check(a, b);
    const Carries carries = carry_chain(a, invert(b), ops_.constant(true));
    return bit_xor(carries.into_msb, carries.out);
  }

  // With p and q the positions of the highest one bits of a and b,
  // 2^(p+q) <= a*b < 2^(p+q+2).  So the product overflows if p + q >= w
  // (some a_i & b_j with i + j >= w, found in linear size from the OR of
  // a's top bits), cannot if p + q <= w - 2, and for p + q = w - 1 the
  // overflow shows in bit w of the (w+1)-bit product.  That multiplier is
  // the price of the circuit, about half a double-width product even with
  // the latter's zero halves folded (a third for smulo); its low bits are
  // built exactly as bvmul's, so a structurally hashing policy shares them
  // with a bvmul of the same operands.
  Bit umulo(const Bits& a, const Bits& b) {
    check(a, b);
    const Bits product = bvmul(zero_extend(a, 1), zero_extend(b, 1));
    return bit_or(any_product_reaches_width(a, b), product.back());
  }

  // The same idea on magnitudes.  Let a' = a XOR sign(a) be the ones'
  // complement magnitude (|a| or |a| - 1, the sign bit cleared), likewise
  // b'.  If a'_i & b'_j for some i + j >= w - 1, then |a*b| >= 2^(w-1),
  // and > 2^(w-1) when the product is negative: overflow.  Otherwise
  // |a*b| <= 2^w, and the (w+1)-bit product of the sign-extended operands
  // overflows w bits iff its top two bits differ (2^w itself wraps to bits
  // 10..., which is flagged as it must be).
  Bit smulo(const Bits& a, const Bits& b) {
    check(a, b);
    const Bits product = bvmul(sign_extend(a, 1), sign_extend(b, 1));
    const Bit wide = bit_xor(product[a.size()], product[a.size() - 1]);
    return bit_or(any_product_reaches_width(ones_complement_magnitude(a), ones_complement_magnitude(b)), wide);
  }

  // Only min_signed / -1 leaves the range.
  Bit sdivo(const Bits& a, const Bits& b) {
    check(a, b);
    return bit_and(nego(a), reduce_and(b));
  }

 private:
  enum class Direction { left, right };
  enum class Signedness { unsigned_, signed_ };
  enum class Strictness { strict, or_equal };

  struct Carries {
    Bit into_msb;
    Bit out;
  };

  static void require(bool condition, const char* message) {
    if (!condition) throw std::invalid_argument(std::string("bit-blaster: ") + message);
  }
  static void check(const Bits& a) { require(!a.empty(), "zero-width operand"); }
  static void check(const Bits& a, const Bits& b) {
    check(a);
    require(a.size() == b.size(), "operand widths differ");
  }

  // ---- gates with constant folding: `ops_` never sees a constant operand

  bool is_constant(Bit bit, bool value) const {
    const ConstantBit constant = ops_.constant_value(bit);
    return constant && *constant == value;
  }

  Bit bit_not(Bit a) {
    if (const auto value = ops_.constant_value(a)) return ops_.constant(!*value);
    return ops_.not_(a);
  }

  Bit bit_and(Bit a, Bit b) {
    if (const auto value = ops_.constant_value(a)) return *value ? b : a;
    if (const auto value = ops_.constant_value(b)) return *value ? a : b;
    return ops_.and_(a, b);
  }

  Bit bit_or(Bit a, Bit b) {
    if (const auto value = ops_.constant_value(a)) return *value ? a : b;
    if (const auto value = ops_.constant_value(b)) return *value ? b : a;
    return ops_.or_(a, b);
  }

  Bit bit_xor(Bit a, Bit b) {
    if (const auto value = ops_.constant_value(a)) return *value ? bit_not(b) : b;
    if (const auto value = ops_.constant_value(b)) return *value ? bit_not(a) : a;
    return ops_.xor_(a, b);
  }

  Bit bit_ite(Bit c, Bit t, Bit e) {
    if (const auto value = ops_.constant_value(c)) return *value ? t : e;
    if (const auto value = ops_.constant_value(t)) return *value ? bit_or(c, e) : bit_and(bit_not(c), e);
    if (const auto value = ops_.constant_value(e)) return *value ? bit_or(bit_not(c), t) : bit_and(c, t);
    return ops_.ite(c, t, e);
  }

  // The majority of three bits, as a carry without its sum: (x & y) |
  // (z & (x | y)) is four ANDs in an AIG where the sum-sharing form of the
  // adder needs five.  A constant z, as at the start of a chain, leaves a
  // single gate.
  Bit majority(Bit x, Bit y, Bit z) {
    if (const auto value = ops_.constant_value(z)) return *value ? bit_or(x, y) : bit_and(x, y);
    return bit_or(bit_and(x, y), bit_and(z, bit_or(x, y)));
  }

  // ---- word-level helpers

  Bits zeros(size_t width) { return Bits(width, ops_.constant(false)); }

  static Bits slice(const Bits& bits, size_t from, size_t count) {
    const auto begin = bits.begin() + static_cast<std::ptrdiff_t>(from);
    return Bits(begin, begin + static_cast<std::ptrdiff_t>(count));
  }

  static Bits extend(const Bits& bits, uint32_t n, Bit fill) {
    Bits result = bits;
    result.insert(result.end(), n, fill);
    return result;
  }

  size_t constant_count(const Bits& bits) const {
    return static_cast<size_t>(
        std::count_if(bits.begin(), bits.end(), [this](Bit bit) { return ops_.constant_value(bit).known; }));
  }

  template <class Gate>
  Bits zip(const Bits& a, const Bits& b, Gate gate) {
    check(a, b);
    Bits result;
    result.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i) result.push_back(gate(a[i], b[i]));
    return result;
  }

  // A balanced tree, iteratively: depth log2(n); the empty AND is true.
  Bit reduce_and(Bits bits) {
    if (bits.empty()) return ops_.constant(true);
    while (bits.size() > 1) {
      Bits next;
      next.reserve((bits.size() + 1) / 2);
      for (size_t i = 0; i + 1 < bits.size(); i += 2) next.push_back(bit_and(bits[i], bits[i + 1]));
      if (bits.size() % 2 != 0) next.push_back(bits.back());
      bits = std::move(next);
    }
    return bits.front();
  }

  Bit reduce_or(const Bits& bits) { return bit_not(reduce_and(invert(bits))); }
  Bit is_zero(const Bits& bits) { return bit_not(reduce_or(bits)); }

  // bvnot without the width check, for internal slices that may be empty.
  Bits invert(const Bits& bits) {
    Bits result;
    result.reserve(bits.size());
    for (const Bit bit : bits) result.push_back(bit_not(bit));
    return result;
  }

  // [k] = OR of bits k and up, for k = 0..n (so [n] is false).
  Bits suffix_or(const Bits& bits) {
    Bits result(bits.size() + 1, ops_.constant(false));
    for (size_t k = bits.size(); k-- > 0;) result[k] = bit_or(result[k + 1], bits[k]);
    return result;
  }

  // Sum bits of a + b + carry_in (equal widths), ripple-carry.  Each cell
  // is sum = t ^ c, carry = (a & b) | (t & c) with t = a ^ b: in an AIG the
  // two ANDs are nodes of the two XORs when the polarities line up, so a
  // cell costs 7 to 9 ANDs, where majority() would share nothing with the
  // sums.  The carry out of the top cell is only built when `carry_out`
  // asks for it.
  Bits ripple_add(const Bits& a, const Bits& b, Bit carry, Bit* carry_out = nullptr) {
    return ripple(a, b, carry, carry_out, [this](Bit x, Bit y, Bit carry_in, bool carry_needed) {
      const Bit half = bit_xor(x, y);
      const Bit sum = bit_xor(half, carry_in);
      if (!carry_needed) return Cell{sum, carry_in};
      return Cell{sum, bit_or(bit_and(x, y), bit_and(half, carry_in))};
    });
  }

  // The multiplier's adder, a + b with the carry out of the top dropped.
  // Its full adders are two half adders whose sums are built on their own
  // carries, x ^ y = !(x & y) & (x | y): seven ANDs in an AIG for any
  // polarity of the operands.  ripple_add's cells take up to nine, as the
  // AIG's xor strips its operands' negations (to share xor and xnor) and
  // then shares no node with the carry's x & y when exactly one operand is
  // negated; but they share their xors with comparisons and other adders
  // of the same operands, and with these cells the 17-bit dividers of
  // lemma_mod_symmetry took 1.3-1.8x as long to refute (three seeds).  A
  // multiplier's partial products and sums are its own, so there the
  // smaller cell is kept.
  Bits accumulate(const Bits& a, const Bits& b) {
    return ripple(a, b, ops_.constant(false), nullptr, [this](Bit x, Bit y, Bit carry_in, bool carry_needed) {
      const auto [half, first_carry] = half_add(x, y);
      const auto [sum, second_carry] = half_add(half, carry_in);
      if (!carry_needed) return Cell{sum, carry_in};
      return Cell{sum, bit_or(first_carry, second_carry)};
    });
  }

  // A full adder's sum bit and carry out (the carry in where the carry out
  // is not needed).
  struct Cell {
    Bit sum;
    Bit carry;
  };

  // The ripple-carry chain of `full_add` cells shared by the two adders.
  template <class FullAdd>
  Bits ripple(const Bits& a, const Bits& b, Bit carry, Bit* carry_out, FullAdd full_add) {
    Bits sum;
    sum.reserve(a.size());
    for (size_t i = 0; i < a.size(); ++i) {
      const Cell cell = full_add(a[i], b[i], carry, i + 1 < a.size() || carry_out != nullptr);
      sum.push_back(cell.sum);
      carry = cell.carry;
    }
    if (carry_out != nullptr) *carry_out = carry;
    return sum;
  }

  // {x ^ y, x & y}
  std::pair<Bit, Bit> half_add(Bit x, Bit y) {
    const Bit carry = bit_and(x, y);
    return {bit_and(bit_not(carry), bit_or(x, y)), carry};
  }

  // The carries into and out of the sign bit of a + b + carry_in.
  Carries carry_chain(const Bits& a, const Bits& b, Bit carry) {
    for (size_t i = 0; i + 1 < a.size(); ++i) carry = majority(a[i], b[i], carry);
    return {carry, majority(a.back(), b.back(), carry)};
  }

  Bit less(const Bits& a, const Bits& b, Signedness signedness, Strictness strictness) {
    check(a, b);
    Bits x = a;
    Bits y = invert(b);
    if (signedness == Signedness::signed_) {
      x.back() = bit_not(x.back());
      y.back() = bit_not(y.back());
    }
    return bit_not(carry_chain(x, y, ops_.constant(strictness == Strictness::strict)).out);
  }

  Bits negate_if(Bit condition, const Bits& bits) { return ite(condition, bvneg(bits), bits); }
  Bits absolute(const Bits& bits) { return negate_if(bits.back(), bits); }

  std::pair<Bits, Bits> divide_magnitudes(const Bits& a, const Bits& b) { return udiv_urem(absolute(a), absolute(b)); }

  // The low w - 1 bits of a XOR sign(a): |a| for a >= 0, |a| - 1 otherwise.
  Bits ones_complement_magnitude(const Bits& a) {
    Bits result;
    result.reserve(a.size() - 1);
    for (size_t i = 0; i + 1 < a.size(); ++i) result.push_back(bit_xor(a[i], a.back()));
    return result;
  }

  // Whether x_i & y_j for some i + j >= n, where n is the common width:
  // for each j, y_j meets the OR of x's bits n - j and up.
  Bit any_product_reaches_width(const Bits& x, const Bits& y) {
    const size_t n = x.size();
    const Bits x_above = suffix_or(x);
    Bit result = ops_.constant(false);
    for (size_t j = 1; j < n; ++j) result = bit_or(result, bit_and(y[j], x_above[n - j]));
    return result;
  }

  Bits barrel_shift(const Bits& a, const Bits& amount, Direction direction, Bit fill) {
    const size_t width = a.size();
    const size_t stages = std::bit_width(width - 1);
    Bits result = a;
    for (size_t k = 0; k < stages; ++k) {
      const size_t distance = size_t{1} << k;
      Bits next;
      next.reserve(width);
      for (size_t i = 0; i < width; ++i) {
        const bool inside = direction == Direction::left ? i >= distance : i + distance < width;
        const Bit moved = !inside ? fill : result[direction == Direction::left ? i - distance : i + distance];
        next.push_back(bit_ite(amount[k], moved, result[i]));
      }
      result = std::move(next);
    }
    const Bit too_far = reduce_or(slice(amount, stages, width - stages));
    return ite(too_far, Bits(width, fill), result);
  }

  Ops& ops_;
};

}  // namespace wang::bv
