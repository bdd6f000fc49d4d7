// Random bit patterns for the bit-vector tests.  Uniform random values
// almost never hit the cases where bit-vector arithmetic goes wrong (zero
// and tiny divisors, the minimum signed value, long carry chains, operands
// of very different lengths), so the generator mixes in such shapes.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "wang/bitvector.hpp"

namespace wang::bv {

// Lets GoogleTest show failing values as SMT-LIB literals.
inline void PrintTo(const BitVector& v, std::ostream* out) { *out << v.to_smtlib(); }

}  // namespace wang::bv

namespace wang::bv::testing {

// Bits are little-endian: bits[0] is the least significant.
using Bits = std::vector<bool>;

inline Bits random_bits(std::mt19937_64& rng, uint32_t width) {
  auto below = [&rng](uint64_t n) { return static_cast<uint32_t>(rng() % n); };
  Bits bits(width, false);
  // Uniform in [0, 2^length): numbers of any magnitude.
  auto fill_low = [&](uint32_t length) {
    for (uint32_t i = 0; i < length; ++i) bits[i] = (rng() & 1) != 0;
  };
  switch (below(8)) {
    case 0:
      fill_low(width);
      break;
    case 1:  // small non-negative values
      fill_low(std::min<uint32_t>(width, below(4)));
      break;
    case 2:
      fill_low(below(width + 1));
      break;
    case 3:  // small negative values, i.e. near all ones
      fill_low(below(width + 1));
      bits.flip();
      break;
    case 4: {  // 64-bit words with extreme values
      const uint64_t patterns[] = {
          0, ~uint64_t{0}, 1, uint64_t{1} << 63, ~uint64_t{0} >> 1, ~uint64_t{0} - 1, rng()};
      for (uint32_t start = 0; start < width; start += 64) {
        const uint64_t word = patterns[below(std::size(patterns))];
        for (uint32_t i = start; i < width && i < start + 64; ++i) bits[i] = ((word >> (i - start)) & 1) != 0;
      }
      break;
    }
    case 5: {  // the minimum or the maximum signed value, low bits random
      const bool maximum = (rng() & 1) != 0;
      for (uint32_t i = 0; i + 1 < width; ++i) bits[i] = maximum;
      bits[width - 1] = !maximum;
      fill_low(std::min<uint32_t>(width - 1, below(4)));
      break;
    }
    case 6:  // a power of two
      bits[below(width)] = true;
      break;
    default: {  // long runs of equal bits
      bool value = (rng() & 1) != 0;
      for (uint32_t i = 0; i < width; ++i) {
        if (below(16) == 0) value = !value;
        bits[i] = value;
      }
      break;
    }
  }
  return bits;
}

// The digits of `bits`, most significant first (the form of SMT-LIB #b).
inline std::string to_digits(const Bits& bits) {
  std::string digits;
  for (size_t i = bits.size(); i-- > 0;) digits.push_back(bits[i] ? '1' : '0');
  return digits;
}

inline uint64_t to_uint64(const Bits& bits) {
  uint64_t value = 0;
  for (size_t i = 0; i < bits.size() && i < 64; ++i) value |= uint64_t{bits[i]} << i;
  return value;
}

}  // namespace wang::bv::testing
