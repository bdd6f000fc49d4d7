// Random operands of widths 8, 16, 32 and 64 against a reference on the
// machine's 128-bit integers: C++ truncating division and remainder with
// the SMT-LIB zero-divisor cases, and overflow as "the exact result is out
// of range".  This is a second reading of the standard, independent of the
// case tables used by the exhaustive test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>

#include "wang/bitvector.hpp"
#include "bv_test_support.hpp"

namespace wang::bv::testing {
namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

constexpr int kIterations = 3000;
constexpr uint32_t kWidths[] = {8, 16, 32, 64};

uint64_t mask(uint32_t w) { return w == 64 ? ~uint64_t{0} : (uint64_t{1} << w) - 1; }
i128 min_signed(uint32_t w) { return -(i128{1} << (w - 1)); }
i128 max_signed(uint32_t w) { return (i128{1} << (w - 1)) - 1; }
i128 as_signed(uint32_t w, uint64_t v) {
  return v > static_cast<uint64_t>(max_signed(w)) ? i128{v} - (i128{1} << w) : i128{v};
}
bool fits_signed(uint32_t w, i128 x) { return x >= min_signed(w) && x <= max_signed(w); }
// x modulo 2^w.
uint64_t wrap(uint32_t w, i128 x) { return static_cast<uint64_t>(x) & mask(w); }

// ---------------------------------------------------------------- reference

using Ref = uint64_t (*)(uint32_t w, uint64_t s, uint64_t t);
using PredicateRef = bool (*)(uint32_t w, uint64_t s, uint64_t t);

uint64_t ref_bvand(uint32_t, uint64_t s, uint64_t t) { return s & t; }
uint64_t ref_bvor(uint32_t, uint64_t s, uint64_t t) { return s | t; }
uint64_t ref_bvxor(uint32_t, uint64_t s, uint64_t t) { return s ^ t; }
uint64_t ref_bvnand(uint32_t w, uint64_t s, uint64_t t) { return ~(s & t) & mask(w); }
uint64_t ref_bvnor(uint32_t w, uint64_t s, uint64_t t) { return ~(s | t) & mask(w); }
uint64_t ref_bvxnor(uint32_t w, uint64_t s, uint64_t t) { return ~(s ^ t) & mask(w); }
uint64_t ref_bvadd(uint32_t w, uint64_t s, uint64_t t) { return wrap(w, i128{s} + t); }
uint64_t ref_bvsub(uint32_t w, uint64_t s, uint64_t t) { return wrap(w, i128{s} - t); }
uint64_t ref_bvmul(uint32_t w, uint64_t s, uint64_t t) {
  return static_cast<uint64_t>(u128{s} * t) & mask(w);
}
uint64_t ref_bvudiv(uint32_t w, uint64_t s, uint64_t t) { return t == 0 ? mask(w) : s / t; }
uint64_t ref_bvurem(uint32_t, uint64_t s, uint64_t t) { return t == 0 ? s : s % t; }

uint64_t ref_bvsdiv(uint32_t w, uint64_t s, uint64_t t) {
  if (t == 0) return as_signed(w, s) >= 0 ? mask(w) : 1;
  return wrap(w, as_signed(w, s) / as_signed(w, t));
}

uint64_t ref_bvsrem(uint32_t w, uint64_t s, uint64_t t) {
  if (t == 0) return s;
  return wrap(w, as_signed(w, s) % as_signed(w, t));
}

// The remainder of floor division: zero or of the divisor's sign.
uint64_t ref_bvsmod(uint32_t w, uint64_t s, uint64_t t) {
  if (t == 0) return s;
  const i128 divisor = as_signed(w, t);
  i128 r = as_signed(w, s) % divisor;
  if (r != 0 && (r < 0) != (divisor < 0)) r += divisor;
  return wrap(w, r);
}

uint64_t ref_bvshl(uint32_t w, uint64_t s, uint64_t t) {
  return t >= w ? 0 : static_cast<uint64_t>(u128{s} << t) & mask(w);
}
uint64_t ref_bvlshr(uint32_t w, uint64_t s, uint64_t t) { return t >= w ? 0 : s >> t; }
uint64_t ref_bvashr(uint32_t w, uint64_t s, uint64_t t) {
  return wrap(w, as_signed(w, s) >> std::min<uint64_t>(t, w - 1));
}
uint64_t ref_bvcomp(uint32_t, uint64_t s, uint64_t t) { return s == t ? 1 : 0; }

bool ref_bvult(uint32_t, uint64_t s, uint64_t t) { return s < t; }
bool ref_bvule(uint32_t, uint64_t s, uint64_t t) { return s <= t; }
bool ref_bvugt(uint32_t, uint64_t s, uint64_t t) { return s > t; }
bool ref_bvuge(uint32_t, uint64_t s, uint64_t t) { return s >= t; }
bool ref_bvslt(uint32_t w, uint64_t s, uint64_t t) { return as_signed(w, s) < as_signed(w, t); }
bool ref_bvsle(uint32_t w, uint64_t s, uint64_t t) { return as_signed(w, s) <= as_signed(w, t); }
bool ref_bvsgt(uint32_t w, uint64_t s, uint64_t t) { return as_signed(w, s) > as_signed(w, t); }
bool ref_bvsge(uint32_t w, uint64_t s, uint64_t t) { return as_signed(w, s) >= as_signed(w, t); }

bool ref_bvuaddo(uint32_t w, uint64_t s, uint64_t t) { return u128{s} + t > mask(w); }
bool ref_bvsaddo(uint32_t w, uint64_t s, uint64_t t) {
  return !fits_signed(w, as_signed(w, s) + as_signed(w, t));
}
bool ref_bvumulo(uint32_t w, uint64_t s, uint64_t t) { return u128{s} * t > mask(w); }
bool ref_bvsmulo(uint32_t w, uint64_t s, uint64_t t) {
  return !fits_signed(w, as_signed(w, s) * as_signed(w, t));
}
bool ref_bvusubo(uint32_t, uint64_t s, uint64_t t) { return i128{s} - i128{t} < 0; }
bool ref_bvssubo(uint32_t w, uint64_t s, uint64_t t) {
  return !fits_signed(w, as_signed(w, s) - as_signed(w, t));
}
bool ref_bvsdivo(uint32_t w, uint64_t s, uint64_t t) {
  return t != 0 && !fits_signed(w, as_signed(w, s) / as_signed(w, t));
}

// ---------------------------------------------------------------- harness

struct BinaryCase {
  const char* name;
  BitVector (*op)(const BitVector&, const BitVector&);
  Ref reference;
};

struct PredicateCase {
  const char* name;
  bool (*op)(const BitVector&, const BitVector&);
  PredicateRef reference;
};

uint64_t random_value(std::mt19937_64& rng, uint32_t w) { return to_uint64(random_bits(rng, w)); }

TEST(BvNarrowRandom, BinaryOperations) {
  const BinaryCase cases[] = {
      {"bvand", bvand, ref_bvand},    {"bvor", bvor, ref_bvor},       {"bvxor", bvxor, ref_bvxor},
      {"bvnand", bvnand, ref_bvnand}, {"bvnor", bvnor, ref_bvnor},    {"bvxnor", bvxnor, ref_bvxnor},
      {"bvadd", bvadd, ref_bvadd},    {"bvsub", bvsub, ref_bvsub},    {"bvmul", bvmul, ref_bvmul},
      {"bvudiv", bvudiv, ref_bvudiv}, {"bvurem", bvurem, ref_bvurem}, {"bvsdiv", bvsdiv, ref_bvsdiv},
      {"bvsrem", bvsrem, ref_bvsrem}, {"bvsmod", bvsmod, ref_bvsmod}, {"bvshl", bvshl, ref_bvshl},
      {"bvlshr", bvlshr, ref_bvlshr}, {"bvashr", bvashr, ref_bvashr},
  };
  std::mt19937_64 rng(1);
  for (const uint32_t w : kWidths) {
    for (int i = 0; i < kIterations; ++i) {
      const uint64_t s = random_value(rng, w);
      const uint64_t t = random_value(rng, w);
      const BitVector bs = BitVector::from_uint64(w, s);
      const BitVector bt = BitVector::from_uint64(w, t);
      for (const BinaryCase& c : cases) {
        const BitVector result = c.op(bs, bt);
        EXPECT_EQ(result.width(), w) << c.name;
        EXPECT_EQ(result.to_uint64(), c.reference(w, s, t))
            << "(" << c.name << " " << s << " " << t << ") width " << w;
      }
      const BitVector comp = bvcomp(bs, bt);
      EXPECT_EQ(comp.width(), 1u);
      EXPECT_EQ(comp.to_uint64(), ref_bvcomp(w, s, t));
    }
  }
}

TEST(BvNarrowRandom, Predicates) {
  const PredicateCase cases[] = {
      {"bvult", bvult, ref_bvult},       {"bvule", bvule, ref_bvule},       {"bvugt", bvugt, ref_bvugt},
      {"bvuge", bvuge, ref_bvuge},       {"bvslt", bvslt, ref_bvslt},       {"bvsle", bvsle, ref_bvsle},
      {"bvsgt", bvsgt, ref_bvsgt},       {"bvsge", bvsge, ref_bvsge},       {"bvuaddo", bvuaddo, ref_bvuaddo},
      {"bvsaddo", bvsaddo, ref_bvsaddo}, {"bvumulo", bvumulo, ref_bvumulo}, {"bvsmulo", bvsmulo, ref_bvsmulo},
      {"bvusubo", bvusubo, ref_bvusubo}, {"bvssubo", bvssubo, ref_bvssubo}, {"bvsdivo", bvsdivo, ref_bvsdivo},
  };
  std::mt19937_64 rng(2);
  for (const uint32_t w : kWidths) {
    for (int i = 0; i < kIterations; ++i) {
      const uint64_t s = random_value(rng, w);
      // Equal operands matter for the comparisons; the generator rarely
      // draws them on its own.
      const uint64_t t = i % 16 == 0 ? s : random_value(rng, w);
      const BitVector bs = BitVector::from_uint64(w, s);
      const BitVector bt = BitVector::from_uint64(w, t);
      for (const PredicateCase& c : cases) {
        EXPECT_EQ(c.op(bs, bt), c.reference(w, s, t))
            << "(" << c.name << " " << s << " " << t << ") width " << w;
      }
    }
  }
}

TEST(BvNarrowRandom, UnaryAndStructuralOperations) {
  std::mt19937_64 rng(3);
  for (const uint32_t w : kWidths) {
    for (int i = 0; i < kIterations; ++i) {
      const uint64_t s = random_value(rng, w);
      const BitVector bs = BitVector::from_uint64(w, s);
      EXPECT_EQ(bvnot(bs).to_uint64(), ~s & mask(w));
      EXPECT_EQ(bvneg(bs).to_uint64(), wrap(w, -i128{s}));
      EXPECT_EQ(bvnego(bs), !fits_signed(w, -as_signed(w, s)));
      EXPECT_EQ(bs.to_int64(), static_cast<int64_t>(as_signed(w, s)));

      const uint64_t n = rng() % (3 * w);
      const uint64_t k = n % w;
      const uint64_t rotated = k == 0 ? s : ((s << k) | (s >> (w - k))) & mask(w);
      EXPECT_EQ(rotate_left(bs, n).to_uint64(), rotated) << s << " rotated left by " << n;
      EXPECT_EQ(rotate_right(rotate_left(bs, n), n), bs);

      const auto lo = static_cast<uint32_t>(rng() % w);
      const auto hi = lo + static_cast<uint32_t>(rng() % (w - lo));
      const BitVector part = extract(bs, hi, lo);
      EXPECT_EQ(part.width(), hi - lo + 1);
      EXPECT_EQ(part.to_uint64(), (s >> lo) & mask(hi - lo + 1))
          << "extract " << hi << " " << lo << " of " << s;

      const auto extra = static_cast<uint32_t>(rng() % (64 - w + 1));
      EXPECT_EQ(zero_extend(bs, extra).to_uint64(), s);
      EXPECT_EQ(sign_extend(bs, extra).to_int64(), static_cast<int64_t>(as_signed(w, s)));
    }
  }
}

}  // namespace
}  // namespace wang::bv::testing
