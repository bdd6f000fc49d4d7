// Construction, parsing and printing, comparison and hashing, and the edge
// cases of the operations: width 1, the 64-bit word boundary, shift
// distances far beyond the width, rotations by multiples of the width.
// Expected big numbers were computed independently with Python integers.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

#include "wang/bitvector.hpp"
#include "bv_test_support.hpp"

namespace wang::bv::testing {
namespace {

BitVector bin(const std::string& digits) { return BitVector::from_binary(digits); }

// ---------------------------------------------------------------- construction

TEST(BvConstruction, ZeroOfEveryShape) {
  for (const uint32_t w : {1u, 63u, 64u, 65u, 128u, 1000u}) {
    const BitVector zero(w);
    EXPECT_EQ(zero.width(), w);
    EXPECT_TRUE(zero.is_zero());
    EXPECT_FALSE(zero.is_ones());
    EXPECT_EQ(zero.to_binary_string(), std::string(w, '0'));
    EXPECT_EQ(zero.count_leading_zeros(), w);
    EXPECT_EQ(zero.words().size(), (w + 63) / 64);
  }
}

TEST(BvConstruction, FromUint64Truncates) {
  EXPECT_EQ(BitVector::from_uint64(4, 0xff), bin("1111"));
  EXPECT_EQ(BitVector::from_uint64(1, 2), bin("0"));
  EXPECT_EQ(BitVector::from_uint64(64, ~uint64_t{0}).to_uint64(), ~uint64_t{0});
  EXPECT_EQ(BitVector::from_uint64(65, ~uint64_t{0}), bin("0" + std::string(64, '1')));
}

TEST(BvConstruction, FromInt64SignExtends) {
  EXPECT_EQ(BitVector::from_int64(8, -1).to_uint64(), 0xffu);
  EXPECT_EQ(BitVector::from_int64(100, -1), BitVector::ones(100));
  EXPECT_EQ(BitVector::from_int64(100, -2), bin(std::string(99, '1') + "0"));
  EXPECT_EQ(BitVector::from_int64(100, 5), bin(std::string(97, '0') + "101"));
  EXPECT_EQ(BitVector::from_int64(3, -5).to_int64(), 3);  // -5 = ...1011, truncated to 011
}

// w digits: `top` followed by w - 1 copies of `rest`.
std::string top_and_rest(char top, char rest, uint32_t w) {
  std::string digits(w, rest);
  digits[0] = top;
  return digits;
}

TEST(BvConstruction, SpecialValues) {
  for (const uint32_t w : {1u, 2u, 63u, 64u, 65u, 128u, 129u}) {
    const BitVector ones = BitVector::ones(w);
    const BitVector min = BitVector::min_signed(w);
    const BitVector max = BitVector::max_signed(w);
    EXPECT_EQ(ones.to_binary_string(), std::string(w, '1'));
    EXPECT_EQ(min.to_binary_string(), top_and_rest('1', '0', w));
    EXPECT_EQ(max.to_binary_string(), top_and_rest('0', '1', w));
    EXPECT_TRUE(ones.is_ones());
    EXPECT_TRUE(min.is_min_signed());
    EXPECT_FALSE(max.is_min_signed());
    EXPECT_TRUE(min.msb());
    EXPECT_FALSE(max.msb());
    EXPECT_EQ(bvadd(max, BitVector::from_uint64(w, 1)), min);
  }
  // At width 1 the minimum signed value is -1 = #b1 and the maximum is 0.
  EXPECT_EQ(BitVector::min_signed(1), BitVector::ones(1));
  EXPECT_TRUE(BitVector::max_signed(1).is_zero());
}

TEST(BvConstruction, BitsCanBeReadAndWritten) {
  BitVector v(130);
  v.set_bit(0, true);
  v.set_bit(64, true);
  v.set_bit(129, true);
  EXPECT_TRUE(v.bit(0));
  EXPECT_FALSE(v.bit(1));
  EXPECT_TRUE(v.bit(64));
  EXPECT_TRUE(v.msb());
  EXPECT_EQ(v.count_leading_zeros(), 0u);
  v.set_bit(129, false);
  EXPECT_FALSE(v.msb());
  EXPECT_EQ(v.count_leading_zeros(), 65u);
  v.set_bit(64, false);
  EXPECT_EQ(v.count_leading_zeros(), 129u);
  EXPECT_EQ(v, BitVector::from_uint64(130, 1));
}

TEST(BvConstruction, CountLeadingZeros) {
  EXPECT_EQ(bin("1").count_leading_zeros(), 0u);
  EXPECT_EQ(bin("0001").count_leading_zeros(), 3u);
  EXPECT_EQ(BitVector::from_uint64(64, 1).count_leading_zeros(), 63u);
  EXPECT_EQ(BitVector::from_uint64(65, 1).count_leading_zeros(), 64u);
  EXPECT_EQ(BitVector::from_uint64(200, uint64_t{1} << 63).count_leading_zeros(), 136u);
}

TEST(BvConstruction, SignedValues) {
  EXPECT_EQ(bin("1").to_int64(), -1);
  EXPECT_EQ(bin("0").to_int64(), 0);
  EXPECT_EQ(bin("1000").to_int64(), -8);
  EXPECT_EQ(bin("0111").to_int64(), 7);
  EXPECT_EQ(BitVector::min_signed(64).to_int64(), INT64_MIN);
  EXPECT_EQ(BitVector::max_signed(64).to_int64(), INT64_MAX);
  EXPECT_EQ(BitVector::ones(64).to_int64(), -1);
}

TEST(BvConstruction, InvalidArgumentsThrow) {
  EXPECT_THROW(BitVector(0), std::invalid_argument);
  EXPECT_THROW(BitVector::from_binary(""), std::invalid_argument);
  EXPECT_THROW(BitVector::from_binary("0120"), std::invalid_argument);
  EXPECT_THROW(BitVector::from_hex(""), std::invalid_argument);
  EXPECT_THROW(BitVector::from_hex("0g"), std::invalid_argument);
  EXPECT_THROW(BitVector::from_decimal(8, ""), std::invalid_argument);
  EXPECT_THROW(BitVector::from_decimal(8, "12a"), std::invalid_argument);
  EXPECT_THROW(BitVector::from_decimal(8, "-1"), std::invalid_argument);
  EXPECT_THROW(BitVector::from_decimal(0, "1"), std::invalid_argument);
  EXPECT_THROW(BitVector(8).bit(8), std::invalid_argument);
  EXPECT_THROW(BitVector(100).to_int64(), std::invalid_argument);
  EXPECT_THROW(BitVector(6).to_hex_string(), std::invalid_argument);
  EXPECT_THROW(bvadd(BitVector(8), BitVector(9)), std::invalid_argument);
  EXPECT_THROW(bvult(BitVector(8), BitVector(9)), std::invalid_argument);
  EXPECT_THROW(bvsmulo(BitVector(64), BitVector(65)), std::invalid_argument);
  EXPECT_THROW(extract(BitVector(8), 8, 0), std::invalid_argument);
  EXPECT_THROW(extract(BitVector(8), 2, 3), std::invalid_argument);
  EXPECT_THROW(repeat(BitVector(8), 0), std::invalid_argument);
  // Results wider than 2^32 - 1 bits are refused before any allocation.
  EXPECT_THROW(repeat(BitVector(2), UINT32_MAX), std::invalid_argument);
  EXPECT_THROW(zero_extend(BitVector(2), UINT32_MAX), std::invalid_argument);
}

// ---------------------------------------------------------------- text

TEST(BvText, BinaryKeepsLeadingZeros) {
  EXPECT_EQ(bin("0").to_binary_string(), "0");
  EXPECT_EQ(bin("00101").to_binary_string(), "00101");
  EXPECT_EQ(bin("00101").to_uint64(), 5u);
  EXPECT_EQ(bin("00101").width(), 5u);
}

TEST(BvText, Hexadecimal) {
  const BitVector v = BitVector::from_hex("A3f");
  EXPECT_EQ(v.width(), 12u);
  EXPECT_EQ(v.to_uint64(), 0xa3fu);
  EXPECT_EQ(v.to_hex_string(), "a3f");
  EXPECT_EQ(BitVector::from_hex("00ff").to_hex_string(), "00ff");
  EXPECT_EQ(BitVector::from_hex("ff"), bin("11111111"));
  const std::string long_hex = "0123456789abcdef0123456789ABCDEF1";
  EXPECT_EQ(BitVector::from_hex(long_hex).width(), 132u);
  EXPECT_EQ(BitVector::from_hex(long_hex).to_hex_string(), "0123456789abcdef0123456789abcdef1");
}

TEST(BvText, SmtlibLiterals) {
  EXPECT_EQ(bin("0101").to_smtlib(), "#x5");
  EXPECT_EQ(bin("10101").to_smtlib(), "#b10101");
  EXPECT_EQ(bin("1").to_smtlib(), "#b1");
  EXPECT_EQ(BitVector::from_uint64(64, 0xdeadbeef).to_smtlib(), "#x00000000deadbeef");
}

TEST(BvText, Decimal) {
  EXPECT_EQ(BitVector(1).to_decimal_string(), "0");
  EXPECT_EQ(BitVector::from_uint64(64, 12345).to_decimal_string(), "12345");
  EXPECT_EQ(BitVector::ones(64).to_decimal_string(), "18446744073709551615");
  EXPECT_EQ(BitVector::min_signed(128).to_decimal_string(), "170141183460469231731687303715884105728");
  EXPECT_EQ(
      BitVector::ones(1000).to_decimal_string(),
      "10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958"
      "58127594672917553146825187145285692314043598457757469857480393456777482423098542107460506237114187"
      "79541821530464749835819412673987675591655439460770629145711964776865421676604298316526243868372056"
      "68069375");
  // Exactly 10^19: the division by 10^19 leaves an inner chunk of zeros.
  EXPECT_EQ(BitVector::from_decimal(70, "10000000000000000000").to_decimal_string(), "10000000000000000000");
}

TEST(BvText, FromDecimalReducesModuloTheWidth) {
  EXPECT_EQ(BitVector::from_decimal(8, "255").to_uint64(), 255u);
  EXPECT_EQ(BitVector::from_decimal(8, "256").to_uint64(), 0u);
  EXPECT_EQ(BitVector::from_decimal(8, "0000300").to_uint64(), 44u);
  EXPECT_EQ(BitVector::from_decimal(1, "3"), bin("1"));
  EXPECT_EQ(BitVector::from_decimal(64, "18446744073709551616").to_uint64(), 0u);
  EXPECT_EQ(BitVector::from_decimal(65, "18446744073709551616"), BitVector::min_signed(65));
  // (_ bv123456789012345678901234567890 100)
  const BitVector big = BitVector::from_decimal(100, "123456789012345678901234567890");
  EXPECT_EQ(big.to_hex_string(), "18ee90ff6c373e0ee4e3f0ad2");
  EXPECT_EQ(big.to_decimal_string(), "123456789012345678901234567890");
  EXPECT_EQ(BitVector::from_decimal(100, "1" + std::string(60, '0')).to_hex_string(),
            "c946590d91000000000000000");
  EXPECT_EQ(BitVector::from_decimal(64, "1" + std::string(39, '0') + "7").to_hex_string(),
            "b9f5610000000007");
  // 10^200 is a multiple of 2^130, so 10^200 - 1 is -1 modulo 2^130.
  EXPECT_EQ(BitVector::from_decimal(130, std::string(200, '9')), BitVector::ones(130));
}

TEST(BvText, RoundTrips) {
  std::mt19937_64 rng(21);
  for (int i = 0; i < 400; ++i) {
    const auto w = 1 + static_cast<uint32_t>(rng() % 300);
    const Bits bits = random_bits(rng, w);
    const BitVector v = BitVector::from_binary(to_digits(bits));
    for (uint32_t j = 0; j < w; ++j) ASSERT_EQ(v.bit(j), bits[j]);
    EXPECT_EQ(v.to_binary_string(), to_digits(bits));
    EXPECT_EQ(BitVector::from_decimal(w, v.to_decimal_string()), v);
    if (w % 4 == 0) {
      EXPECT_EQ(BitVector::from_hex(v.to_hex_string()), v);
    }
    const std::string literal = v.to_smtlib();
    const std::string digits = literal.substr(2);
    EXPECT_EQ(literal[1] == 'x' ? BitVector::from_hex(digits) : BitVector::from_binary(digits), v);
  }
}

// ---------------------------------------------------------------- identity

TEST(BvIdentity, EqualityNeedsEqualWidths) {
  EXPECT_EQ(BitVector::from_uint64(8, 5), bin("00000101"));
  EXPECT_NE(BitVector::from_uint64(8, 5), BitVector::from_uint64(9, 5));
  EXPECT_NE(BitVector::from_uint64(8, 5), BitVector::from_uint64(8, 6));
  EXPECT_NE(BitVector(64), BitVector(65));
}

TEST(BvIdentity, HashAgreesWithEquality) {
  const BitVector a = BitVector::from_hex("ffffffffffffffffffffffffffffffff");
  const BitVector b = BitVector::from_decimal(128, "340282366920938463463374607431768211455");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_EQ(std::hash<BitVector>{}(a), a.hash());

  std::unordered_set<BitVector> seen;
  for (uint32_t w = 1; w <= 8; ++w) {
    for (uint64_t v = 0; v < 16; ++v) seen.insert(BitVector::from_uint64(w, v));
  }
  // Widths 1, 2, 3 hold 2, 4, 8 distinct values; widths 4 to 8 hold 16 each.
  EXPECT_EQ(seen.size(), 2u + 4u + 8u + 5u * 16u);
  EXPECT_TRUE(seen.contains(bin("101")));
  EXPECT_FALSE(seen.contains(BitVector::from_uint64(9, 1)));
  // Collisions are allowed but should not happen among so few values;
  // equal words of different widths in particular must hash apart.
  std::unordered_set<size_t> hashes;
  for (const BitVector& v : seen) hashes.insert(v.hash());
  EXPECT_EQ(hashes.size(), seen.size());
}

TEST(BvIdentity, OrderIsByWidthThenUnsignedValue) {
  const std::set<BitVector> ordered = {
      BitVector::from_uint64(65, 1), BitVector::ones(2), BitVector::from_uint64(8, 200),
      BitVector::min_signed(65),     BitVector(2),       BitVector::from_uint64(8, 3),
  };
  std::vector<std::string> seen;
  for (const BitVector& v : ordered) seen.push_back(std::to_string(v.width()) + ":" + v.to_decimal_string());
  const std::vector<std::string> expected = {"2:0", "2:3", "8:3", "8:200", "65:1", "65:18446744073709551616"};
  EXPECT_EQ(seen, expected);
  EXPECT_LT(BitVector::from_uint64(65, ~uint64_t{0}), BitVector::min_signed(65));
}

// ---------------------------------------------------------------- edges

// A shift distance of width w whose only one bit is bit `position`.
BitVector power_of_two(uint32_t w, uint32_t position) {
  BitVector v(w);
  v.set_bit(position, true);
  return v;
}

TEST(BvEdges, ShiftsByHugeDistances) {
  const BitVector negative = bvneg(BitVector::from_uint64(100, 12345));
  const BitVector positive = BitVector::from_uint64(100, 12345);
  for (const BitVector& distance :
       {power_of_two(100, 70), power_of_two(100, 64), power_of_two(100, 99), BitVector::ones(100),
        BitVector::from_uint64(100, 100), BitVector::from_uint64(100, 101),
        BitVector::from_uint64(100, ~uint64_t{0})}) {
    SCOPED_TRACE(distance.to_decimal_string());
    EXPECT_TRUE(bvshl(negative, distance).is_zero());
    EXPECT_TRUE(bvlshr(negative, distance).is_zero());
    EXPECT_TRUE(bvashr(negative, distance).is_ones());
    EXPECT_TRUE(bvashr(positive, distance).is_zero());
  }
  // One less than the width keeps one bit.
  const BitVector most = BitVector::from_uint64(100, 99);
  EXPECT_EQ(bvshl(BitVector::from_uint64(100, 1), most), BitVector::min_signed(100));
  EXPECT_EQ(bvlshr(BitVector::min_signed(100), most), BitVector::from_uint64(100, 1));
  EXPECT_EQ(bvashr(BitVector::min_signed(100), most), BitVector::ones(100));
}

TEST(BvEdges, ShiftsAcrossTheWordBoundary) {
  const BitVector one64 = BitVector::from_uint64(64, 1);
  EXPECT_TRUE(bvshl(one64, BitVector::from_uint64(64, 64)).is_zero());
  EXPECT_EQ(bvshl(one64, BitVector::from_uint64(64, 63)), BitVector::min_signed(64));
  EXPECT_TRUE(bvashr(BitVector::min_signed(64), BitVector::from_uint64(64, 64)).is_ones());
  const BitVector one65 = BitVector::from_uint64(65, 1);
  EXPECT_EQ(bvshl(one65, BitVector::from_uint64(65, 64)), BitVector::min_signed(65));
  EXPECT_TRUE(bvshl(one65, BitVector::from_uint64(65, 65)).is_zero());
  EXPECT_EQ(bvlshr(BitVector::min_signed(65), BitVector::from_uint64(65, 64)), one65);
  EXPECT_EQ(bvashr(BitVector::min_signed(65), BitVector::from_uint64(65, 63)),
            bin(std::string(64, '1') + "0"));
}

TEST(BvEdges, RotationsByMultiplesOfTheWidth) {
  std::mt19937_64 rng(22);
  for (const uint32_t w : {1u, 7u, 64u, 65u, 300u}) {
    const BitVector v = BitVector::from_binary(to_digits(random_bits(rng, w)));
    for (const uint64_t n : {uint64_t{0}, uint64_t{w}, uint64_t{2} * w, uint64_t{1000} * w}) {
      EXPECT_EQ(rotate_left(v, n), v);
      EXPECT_EQ(rotate_right(v, n), v);
    }
    const uint64_t huge = UINT64_MAX;
    EXPECT_EQ(rotate_left(v, huge), rotate_left(v, huge % w));
    EXPECT_EQ(rotate_right(v, huge), rotate_right(v, huge % w));
  }
  EXPECT_EQ(rotate_left(bin("1000"), 1), bin("0001"));
  EXPECT_EQ(rotate_right(bin("1000"), 1), bin("0100"));
  EXPECT_EQ(rotate_left(BitVector::min_signed(65), 1), BitVector::from_uint64(65, 1));
}

TEST(BvEdges, TrivialStructuralOperations) {
  std::mt19937_64 rng(23);
  for (const uint32_t w : {1u, 64u, 65u, 1000u}) {
    const BitVector v = BitVector::from_binary(to_digits(random_bits(rng, w)));
    EXPECT_EQ(extract(v, w - 1, 0), v);
    EXPECT_EQ(repeat(v, 1), v);
    EXPECT_EQ(zero_extend(v, 0), v);
    EXPECT_EQ(sign_extend(v, 0), v);
  }
  std::string alternating;
  for (int i = 0; i < 40; ++i) alternating += "10";
  EXPECT_EQ(repeat(bin("10"), 40), bin(alternating));
  EXPECT_EQ(sign_extend(bin("1"), 200), BitVector::ones(201));
  EXPECT_EQ(zero_extend(bin("1"), 200), BitVector::from_uint64(201, 1));
}

TEST(BvEdges, DivisionByZeroAtWideWidths) {
  const BitVector zero(200);
  const BitVector positive = BitVector::from_decimal(200, "98765432109876543210987654321");
  const BitVector negative = bvneg(positive);
  EXPECT_EQ(bvudiv(positive, zero), BitVector::ones(200));
  EXPECT_EQ(bvurem(positive, zero), positive);
  EXPECT_EQ(bvsdiv(positive, zero), BitVector::ones(200));
  EXPECT_EQ(bvsdiv(negative, zero), BitVector::from_uint64(200, 1));
  EXPECT_EQ(bvsrem(negative, zero), negative);
  EXPECT_EQ(bvsmod(negative, zero), negative);
  EXPECT_EQ(bvsmod(positive, zero), positive);
  EXPECT_EQ(bvudiv(zero, zero), BitVector::ones(200));
  EXPECT_EQ(bvsdiv(BitVector::min_signed(200), zero), BitVector::from_uint64(200, 1));
}

TEST(BvEdges, SignedDivisionOverflowWraps) {
  for (const uint32_t w : {1u, 64u, 65u, 256u}) {
    const BitVector min = BitVector::min_signed(w);
    const BitVector minus_one = BitVector::ones(w);
    EXPECT_EQ(bvsdiv(min, minus_one), min);
    EXPECT_TRUE(bvsrem(min, minus_one).is_zero());
    EXPECT_TRUE(bvsmod(min, minus_one).is_zero());
    EXPECT_TRUE(bvsdivo(min, minus_one));
    EXPECT_TRUE(bvnego(min));
    EXPECT_EQ(bvneg(min), min);
  }
}

TEST(BvEdges, MultiplicationOverflowAtTheBoundary) {
  for (const uint32_t w : {8u, 64u, 65u, 128u, 300u}) {
    SCOPED_TRACE(w);
    const BitVector two = BitVector::from_uint64(w, 2);
    const BitVector half = power_of_two(w, w - 2);  // 2^(w-2)
    // 2 * 2^(w-2) = 2^(w-1): fits unsigned, not signed.
    EXPECT_FALSE(bvumulo(two, half));
    EXPECT_TRUE(bvsmulo(two, half));
    // -2 * 2^(w-2) = -2^(w-1): fits signed; unsigned it is far too big.
    EXPECT_FALSE(bvsmulo(bvneg(two), half));
    EXPECT_TRUE(bvumulo(bvneg(two), half));
    // -1 * min overflows, 1 * min does not.
    EXPECT_TRUE(bvsmulo(BitVector::ones(w), BitVector::min_signed(w)));
    EXPECT_FALSE(bvsmulo(BitVector::from_uint64(w, 1), BitVector::min_signed(w)));
    // 4 * 2^(w-2) = 2^w wraps to zero.
    EXPECT_TRUE(bvumulo(BitVector::from_uint64(w, 4), half));
    EXPECT_TRUE(bvmul(BitVector::from_uint64(w, 4), half).is_zero());
  }
}

TEST(BvEdges, OddValuesHaveInverses) {
  std::mt19937_64 rng(17);
  for (const uint32_t w : {1u, 2u, 3u, 7u, 8u, 31u, 32u, 63u, 64u, 65u, 128u, 300u}) {
    SCOPED_TRACE(w);
    const BitVector one = BitVector::from_uint64(w, 1);
    for (int i = 0; i < 20; ++i) {
      BitVector odd = BitVector::from_uint64(w, rng() | 1);
      for (uint32_t word = 64; word < w; word += 64) odd = bvxor(odd, bvshl(BitVector::from_uint64(w, rng()), BitVector::from_uint64(w, word)));
      EXPECT_EQ(bvmul(odd, odd_inverse(odd)), one) << odd.to_hex_string();
    }
    EXPECT_EQ(odd_inverse(BitVector::ones(w)), BitVector::ones(w));
    if (w > 1) EXPECT_THROW(odd_inverse(BitVector::from_uint64(w, 2)), std::invalid_argument);
  }
}

}  // namespace
}  // namespace wang::bv::testing
