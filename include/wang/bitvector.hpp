// Fixed-width bit-vector values: the reference semantics of SMT-LIB's
// FixedSizeBitVectors theory (version 2.6, plus the overflow predicates of
// 2.7) for the model evaluator, the model checker and the bit-blaster's tests.
//
// A BitVector has a width w >= 1 and a value in [0, 2^w).  Operations are
// free functions named after their SMT-LIB symbols and return new values;
// operands of binary operations must have equal widths.  Violated
// preconditions (zero width, mismatched widths, indices out of range,
// malformed digits, results wider than 2^32 - 1 bits) throw
// std::invalid_argument rather than corrupt memory, because the values come
// from parsed input.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wang::bv {

class BitVector {
 public:
  // The zero vector of `width` bits.
  explicit BitVector(uint32_t width);

  // `value` reduced modulo 2^width.
  static BitVector from_uint64(uint32_t width, uint64_t value);
  // `value` in two's complement, sign-extended or truncated to `width`.
  static BitVector from_int64(uint32_t width, int64_t value);
  // The digits of an SMT-LIB #b / #x literal without the prefix, most
  // significant first; the width is 1 resp. 4 bits per digit.  Hex digits
  // may be upper or lower case.
  static BitVector from_binary(std::string_view digits);
  static BitVector from_hex(std::string_view digits);
  // A decimal numeral of any length reduced modulo 2^width: (_ bvN width).
  static BitVector from_decimal(uint32_t width, std::string_view digits);
  static BitVector ones(uint32_t width);
  static BitVector min_signed(uint32_t width);  // 100...0
  static BitVector max_signed(uint32_t width);  // 011...1

  uint32_t width() const { return width_; }
  // Bit i, where bit 0 is the least significant.
  bool bit(uint32_t i) const;
  void set_bit(uint32_t i, bool value);
  bool msb() const { return bit(width_ - 1); }
  bool is_zero() const;
  bool is_ones() const;
  bool is_min_signed() const;
  // The number of zero bits above the highest one bit (the width for zero).
  uint32_t count_leading_zeros() const;

  // The low 64 bits of the unsigned value.
  uint64_t to_uint64() const;
  // The signed value; the width must be at most 64.
  int64_t to_int64() const;
  // The value as little-endian 64-bit words; bits at and above the width
  // are zero.
  std::span<const uint64_t> words() const { return {data(), word_count()}; }

  // Exactly width() digits, most significant first.
  std::string to_binary_string() const;
  // width() / 4 lower-case digits; the width must be a multiple of 4.
  std::string to_hex_string() const;
  // The unsigned value in decimal without leading zeros.
  std::string to_decimal_string() const;
  // "#x..." when the width is a multiple of 4, "#b..." otherwise.
  std::string to_smtlib() const;

  // Equal vectors (same width, same value) hash alike.
  size_t hash() const;
  friend bool operator==(const BitVector& a, const BitVector& b);
  // A strict total order for ordered containers: by width, then by unsigned
  // value.
  friend std::strong_ordering operator<=>(const BitVector& a, const BitVector& b);

 private:
  // The word-level kernels in bitvector.cpp write results in place.
  friend struct WordAccess;

  size_t word_count() const { return (size_t{width_} + 63) / 64; }
  const uint64_t* data() const { return width_ <= 64 ? &small_ : large_.data(); }
  uint64_t* data() { return width_ <= 64 ? &small_ : large_.data(); }

  uint32_t width_;
  // Widths up to 64 keep their one word inline so that they never allocate;
  // wider vectors use large_ and leave small_ zero.
  uint64_t small_ = 0;
  std::vector<uint64_t> large_;
};

// Structural operations.  concat(s, t) has s as its high part;
// extract(s, hi, lo) needs lo <= hi < width; repeat needs n >= 1; rotations
// take the distance modulo the width.
BitVector concat(const BitVector& s, const BitVector& t);
BitVector extract(const BitVector& s, uint32_t hi, uint32_t lo);
BitVector repeat(const BitVector& s, uint32_t n);
BitVector zero_extend(const BitVector& s, uint32_t n);
BitVector sign_extend(const BitVector& s, uint32_t n);
BitVector rotate_left(const BitVector& s, uint64_t n);
BitVector rotate_right(const BitVector& s, uint64_t n);

// Bitwise operations.
BitVector bvnot(const BitVector& s);
BitVector bvand(const BitVector& s, const BitVector& t);
BitVector bvor(const BitVector& s, const BitVector& t);
BitVector bvxor(const BitVector& s, const BitVector& t);
BitVector bvnand(const BitVector& s, const BitVector& t);
BitVector bvnor(const BitVector& s, const BitVector& t);
BitVector bvxnor(const BitVector& s, const BitVector& t);

// Arithmetic modulo 2^width.  Division by zero follows SMT-LIB 2.6:
// bvudiv(s, 0) = ones, bvurem(s, 0) = s, and the signed operations are the
// standard's case splits over bvudiv, bvurem and bvneg.
BitVector bvneg(const BitVector& s);
BitVector bvadd(const BitVector& s, const BitVector& t);
BitVector bvsub(const BitVector& s, const BitVector& t);
BitVector bvmul(const BitVector& s, const BitVector& t);
BitVector bvudiv(const BitVector& s, const BitVector& t);
BitVector bvurem(const BitVector& s, const BitVector& t);
BitVector bvsdiv(const BitVector& s, const BitVector& t);
BitVector bvsrem(const BitVector& s, const BitVector& t);
BitVector bvsmod(const BitVector& s, const BitVector& t);
// The inverse of an odd s modulo 2^width: bvmul(s, odd_inverse(s)) = 1.
BitVector odd_inverse(const BitVector& s);

// Shifts by the unsigned value of t; distances >= width give 0 (bvshl,
// bvlshr) or copies of the sign bit (bvashr).
BitVector bvshl(const BitVector& s, const BitVector& t);
BitVector bvlshr(const BitVector& s, const BitVector& t);
BitVector bvashr(const BitVector& s, const BitVector& t);

// #b1 if s = t, else #b0.
BitVector bvcomp(const BitVector& s, const BitVector& t);

bool bvult(const BitVector& s, const BitVector& t);
bool bvule(const BitVector& s, const BitVector& t);
bool bvugt(const BitVector& s, const BitVector& t);
bool bvuge(const BitVector& s, const BitVector& t);
bool bvslt(const BitVector& s, const BitVector& t);
bool bvsle(const BitVector& s, const BitVector& t);
bool bvsgt(const BitVector& s, const BitVector& t);
bool bvsge(const BitVector& s, const BitVector& t);

// SMT-LIB 2.7 overflow predicates: true iff the operation on the unbounded
// unsigned (u) resp. signed (s) integers has a result outside the range of
// the width.
bool bvnego(const BitVector& s);
bool bvuaddo(const BitVector& s, const BitVector& t);
bool bvsaddo(const BitVector& s, const BitVector& t);
bool bvumulo(const BitVector& s, const BitVector& t);
bool bvsmulo(const BitVector& s, const BitVector& t);
bool bvusubo(const BitVector& s, const BitVector& t);
bool bvssubo(const BitVector& s, const BitVector& t);
bool bvsdivo(const BitVector& s, const BitVector& t);

}  // namespace wang::bv

template <>
struct std::hash<wang::bv::BitVector> {
  size_t operator()(const wang::bv::BitVector& v) const { return v.hash(); }
};
