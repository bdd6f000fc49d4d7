// The bit-blaster evaluated with BoolOps on every operand (pair) of widths
// 1 to 4 against the BitVector reference, every operator and every index
// value up to twice the width; plus the operand checks.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "bitblast_support.hpp"
#include "bv/bitblast.hpp"
#include "wang/bitvector.hpp"

namespace wang::bv::testing {
namespace {

constexpr uint32_t kMaxWidth = 4;

std::vector<BitVector> all_values(uint32_t width) {
  std::vector<BitVector> values;
  for (uint64_t v = 0; v < (uint64_t{1} << width); ++v) values.push_back(BitVector::from_uint64(width, v));
  return values;
}

TEST(BitBlastExhaustive, OperatorsMatchTheReference) {
  for (uint32_t width = 1; width <= kMaxWidth; ++width) {
    const std::vector<BitVector> values = all_values(width);
    for (const Case<BoolOps>& c : operator_cases<BoolOps>()) {
      for (const BitVector& a : values) {
        for (const BitVector& b : values) {
          ASSERT_TRUE(agrees(c, a, b));
          if (c.arity == 1) break;
        }
      }
    }
  }
}

TEST(BitBlastExhaustive, IndexedOperatorsMatchTheReference) {
  for (uint32_t width = 1; width <= kMaxWidth; ++width) {
    std::vector<uint32_t> positions(width);
    std::iota(positions.begin(), positions.end(), 0);
    std::vector<uint32_t> counts(2 * width + 2);
    std::iota(counts.begin(), counts.end(), 0);
    for (const Case<BoolOps>& c : indexed_cases<BoolOps>(width, positions, counts)) {
      for (const BitVector& a : all_values(width)) ASSERT_TRUE(agrees(c, a, a));
    }
  }
}

// The table's concat has operands of equal width; here they differ.
TEST(BitBlastExhaustive, ConcatOfDifferentWidths) {
  BoolOps ops;
  BitBlaster<BoolOps> blaster(ops);
  for (uint32_t high_width = 1; high_width <= kMaxWidth; ++high_width) {
    for (uint32_t low_width = 1; low_width <= kMaxWidth; ++low_width) {
      for (const BitVector& high : all_values(high_width)) {
        for (const BitVector& low : all_values(low_width)) {
          ASSERT_EQ(to_bitvector(blaster.concat(to_bits(high), to_bits(low))), concat(high, low));
        }
      }
    }
  }
}

TEST(BitBlastExhaustive, Ite) {
  BoolOps ops;
  BitBlaster<BoolOps> blaster(ops);
  for (uint32_t width = 1; width <= 3; ++width) {
    for (const bool condition : {false, true}) {
      for (const BitVector& t : all_values(width)) {
        for (const BitVector& e : all_values(width)) {
          ASSERT_EQ(to_bitvector(blaster.ite(condition, to_bits(t), to_bits(e))), condition ? t : e);
        }
      }
    }
  }
}

TEST(BitBlastExhaustive, ConstantsRoundTrip) {
  BoolOps ops;
  BitBlaster<BoolOps> blaster(ops);
  for (uint32_t width = 1; width <= kMaxWidth; ++width) {
    for (const BitVector& value : all_values(width)) ASSERT_EQ(to_bitvector(blaster.constant(value)), value);
  }
}

TEST(BitBlastExhaustive, RejectsMalformedOperands) {
  BoolOps ops;
  BitBlaster<BoolOps> blaster(ops);
  const Bits three(3, true);
  const Bits four(4, false);
  const Bits empty;
  EXPECT_THROW(blaster.bvadd(three, four), std::invalid_argument);
  EXPECT_THROW(blaster.ult(three, four), std::invalid_argument);
  EXPECT_THROW(blaster.umulo(three, four), std::invalid_argument);
  EXPECT_THROW(blaster.bvshl(three, four), std::invalid_argument);
  EXPECT_THROW(blaster.udiv_urem(four, three), std::invalid_argument);
  EXPECT_THROW(blaster.bvneg(empty), std::invalid_argument);
  EXPECT_THROW(blaster.nego(empty), std::invalid_argument);
  EXPECT_THROW(blaster.extract(three, 3, 0), std::invalid_argument);
  EXPECT_THROW(blaster.extract(three, 0, 1), std::invalid_argument);
  EXPECT_THROW(blaster.repeat(three, 0), std::invalid_argument);
  EXPECT_THROW(blaster.rotate_left(empty, 1), std::invalid_argument);
}

}  // namespace
}  // namespace wang::bv::testing
