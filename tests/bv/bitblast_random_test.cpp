// The bit-blaster evaluated with BoolOps on random and extreme operands of
// widths 8 to 200, and on a few operands thousands of bits wide, against
// the BitVector reference.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "bitblast_support.hpp"
#include "bv/bitblast.hpp"
#include "bv_test_support.hpp"
#include "wang/bitvector.hpp"

namespace wang::bv::testing {
namespace {

constexpr uint32_t kWidths[] = {8, 16, 32, 64, 65, 200};
constexpr int kRandomPairs = 300;

// The values where arithmetic goes wrong: zero divisors, -1 divisors,
// the signed extremes.
std::vector<BitVector> edge_values(uint32_t width) {
  return {BitVector(width), BitVector::from_uint64(width, 1), BitVector::ones(width), BitVector::min_signed(width),
          BitVector::max_signed(width)};
}

// Each operand is an edge value one time in four, else a random pattern.
BitVector random_operand(std::mt19937_64& rng, uint32_t width) {
  const std::vector<BitVector> edges = edge_values(width);
  if (rng() % 4 == 0) return edges[rng() % edges.size()];
  return to_bitvector(random_bits(rng, width));
}

// Every pair of edge values, then random pairs.
void check_case(const Case<BoolOps>& c, uint32_t width, std::mt19937_64& rng) {
  for (const BitVector& a : edge_values(width)) {
    for (const BitVector& b : edge_values(width)) ASSERT_TRUE(agrees(c, a, b));
  }
  for (int i = 0; i < kRandomPairs; ++i) {
    const BitVector a = random_operand(rng, width);
    const BitVector b = random_operand(rng, width);
    ASSERT_TRUE(agrees(c, a, b));
  }
}

TEST(BitBlastRandom, OperatorsMatchTheReference) {
  std::mt19937_64 rng(20240611);
  for (const uint32_t width : kWidths) {
    for (const Case<BoolOps>& c : operator_cases<BoolOps>()) {
      SCOPED_TRACE(c.name + " at width " + std::to_string(width));
      check_case(c, width, rng);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(BitBlastRandom, IndexedOperatorsMatchTheReference) {
  std::mt19937_64 rng(7);
  for (const uint32_t width : kWidths) {
    const std::vector<uint32_t> positions = {0, 1, width / 2, width - 2, width - 1};
    const std::vector<uint32_t> counts = {0, 1, 2, 3, width - 1, width, width + 1, 2 * width + 3};
    for (const Case<BoolOps>& c : indexed_cases<BoolOps>(width, positions, counts)) {
      SCOPED_TRACE(c.name + " at width " + std::to_string(width));
      check_case(c, width, rng);
      if (HasFatalFailure()) return;
    }
  }
}

// Operands thousands of bits wide, the second one also below the width so
// that shifts stay in range and quotients are long.
TEST(BitBlastRandom, VeryWideOperands) {
  constexpr uint32_t kWide = 1500;
  std::mt19937_64 rng(99);
  for (const Case<BoolOps>& c : operator_cases<BoolOps>()) {
    const BitVector a = random_operand(rng, kWide);
    ASSERT_TRUE(agrees(c, a, random_operand(rng, kWide)));
    ASSERT_TRUE(agrees(c, a, BitVector::from_uint64(kWide, rng() % kWide)));
  }
}

}  // namespace
}  // namespace wang::bv::testing
