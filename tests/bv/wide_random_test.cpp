// Random operands of widths above 64 bits against a deliberately simple and
// slow reference on vectors of single bits (ripple-carry addition,
// shift-and-add multiplication, restoring division), plus algebraic
// identities that must hold at any width.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include "wang/bitvector.hpp"
#include "bv_test_support.hpp"

namespace wang::bv::testing {
namespace {

struct WidthRun {
  uint32_t width;
  int iterations;
};

// The reference's multiplication and division are quadratic in the width,
// so the widest runs are the shortest.
constexpr WidthRun kRuns[] = {{65, 300}, {128, 300}, {200, 150}, {1000, 12}};

// ---------------------------------------------------------------- reference

Bits zeros(size_t w) { return Bits(w, false); }

Bits ones(size_t w) { return Bits(w, true); }

Bits one(size_t w) {
  Bits bits = zeros(w);
  bits[0] = true;
  return bits;
}

bool is_zero(const Bits& a) {
  for (const bool b : a) {
    if (b) return false;
  }
  return true;
}

Bits ref_not(const Bits& a) {
  Bits result = a;
  result.flip();
  return result;
}

// a + b; the carry out of the top bit goes to *carry_out.
Bits ripple_add(const Bits& a, const Bits& b, bool* carry_out = nullptr) {
  Bits sum(a.size());
  bool carry = false;
  for (size_t i = 0; i < a.size(); ++i) {
    sum[i] = a[i] != b[i] ? !carry : carry;
    carry = (a[i] && b[i]) || (carry && (a[i] || b[i]));
  }
  if (carry_out != nullptr) *carry_out = carry;
  return sum;
}

Bits ref_neg(const Bits& a) { return ripple_add(ref_not(a), one(a.size())); }
Bits ref_add(const Bits& a, const Bits& b) { return ripple_add(a, b); }
Bits ref_sub(const Bits& a, const Bits& b) { return ripple_add(a, ref_neg(b)); }

// For each one bit i of b, add a shifted up by i.
Bits ref_mul(const Bits& a, const Bits& b) {
  const size_t w = a.size();
  Bits product = zeros(w);
  for (size_t i = 0; i < w; ++i) {
    if (!b[i]) continue;
    bool carry = false;
    for (size_t j = i; j < w; ++j) {
      const bool x = product[j];
      const bool y = a[j - i];
      product[j] = x != y ? !carry : carry;
      carry = (x && y) || (carry && (x || y));
    }
  }
  return product;
}

bool ref_ult(const Bits& a, const Bits& b) {
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return b[i];
  }
  return false;
}

Bits zext(const Bits& a, size_t n) {
  Bits result = a;
  result.resize(a.size() + n, false);
  return result;
}

Bits sext(const Bits& a, size_t n) {
  Bits result = a;
  result.resize(a.size() + n, a.back());
  return result;
}

// Restoring division of a by b != 0: bring down one dividend bit at a time
// and subtract the divisor whenever it fits.  The partial remainder has an
// extra bit so that doubling it cannot overflow.
void ref_divide(const Bits& a, const Bits& b, Bits& quotient, Bits& remainder) {
  const size_t w = a.size();
  const Bits divisor = zext(b, 1);
  Bits partial = zeros(w + 1);
  quotient = zeros(w);
  for (size_t i = w; i-- > 0;) {
    for (size_t j = w; j > 0; --j) partial[j] = partial[j - 1];
    partial[0] = a[i];
    if (!ref_ult(partial, divisor)) {
      partial = ref_sub(partial, divisor);
      quotient[i] = true;
    }
  }
  remainder = Bits(partial.begin(), partial.begin() + static_cast<std::ptrdiff_t>(w));
}

Bits ref_udiv(const Bits& a, const Bits& b) {
  if (is_zero(b)) return ones(a.size());
  Bits q, r;
  ref_divide(a, b, q, r);
  return q;
}

Bits ref_urem(const Bits& a, const Bits& b) {
  if (is_zero(b)) return a;
  Bits q, r;
  ref_divide(a, b, q, r);
  return r;
}

// The SMT-LIB definitions of the signed operations.
Bits ref_sdiv(const Bits& s, const Bits& t) {
  const bool msb_s = s.back();
  const bool msb_t = t.back();
  if (!msb_s && !msb_t) return ref_udiv(s, t);
  if (msb_s && !msb_t) return ref_neg(ref_udiv(ref_neg(s), t));
  if (!msb_s && msb_t) return ref_neg(ref_udiv(s, ref_neg(t)));
  return ref_udiv(ref_neg(s), ref_neg(t));
}

Bits ref_srem(const Bits& s, const Bits& t) {
  const bool msb_s = s.back();
  const bool msb_t = t.back();
  if (!msb_s && !msb_t) return ref_urem(s, t);
  if (msb_s && !msb_t) return ref_neg(ref_urem(ref_neg(s), t));
  if (!msb_s && msb_t) return ref_urem(s, ref_neg(t));
  return ref_neg(ref_urem(ref_neg(s), ref_neg(t)));
}

Bits ref_smod(const Bits& s, const Bits& t) {
  const bool msb_s = s.back();
  const bool msb_t = t.back();
  const Bits u = ref_urem(msb_s ? ref_neg(s) : s, msb_t ? ref_neg(t) : t);
  if (is_zero(u)) return u;
  if (!msb_s && !msb_t) return u;
  if (msb_s && !msb_t) return ref_add(ref_neg(u), t);
  if (!msb_s && msb_t) return ref_add(u, t);
  return ref_neg(u);
}

Bits ref_and(const Bits& a, const Bits& b) {
  Bits r(a.size());
  for (size_t i = 0; i < a.size(); ++i) r[i] = a[i] && b[i];
  return r;
}

Bits ref_or(const Bits& a, const Bits& b) {
  Bits r(a.size());
  for (size_t i = 0; i < a.size(); ++i) r[i] = a[i] || b[i];
  return r;
}

Bits ref_xor(const Bits& a, const Bits& b) {
  Bits r(a.size());
  for (size_t i = 0; i < a.size(); ++i) r[i] = a[i] != b[i];
  return r;
}

Bits ref_nand(const Bits& a, const Bits& b) { return ref_not(ref_and(a, b)); }
Bits ref_nor(const Bits& a, const Bits& b) { return ref_not(ref_or(a, b)); }
Bits ref_xnor(const Bits& a, const Bits& b) { return ref_not(ref_xor(a, b)); }

// The shift distance b, or the width if it is at least the width.
size_t distance(const Bits& b) {
  size_t value = 0;
  for (size_t i = b.size(); i-- > 0;) {
    if (value >= b.size()) return b.size();
    value = 2 * value + (b[i] ? 1 : 0);
  }
  return std::min(value, b.size());
}

Bits ref_shl(const Bits& a, const Bits& b) {
  const size_t k = distance(b);
  Bits r = zeros(a.size());
  for (size_t i = k; i < a.size(); ++i) r[i] = a[i - k];
  return r;
}

Bits ref_lshr(const Bits& a, const Bits& b) {
  const size_t k = distance(b);
  Bits r = zeros(a.size());
  for (size_t i = 0; i + k < a.size(); ++i) r[i] = a[i + k];
  return r;
}

Bits ref_ashr(const Bits& a, const Bits& b) {
  const size_t k = distance(b);
  Bits r(a.size(), a.back());
  for (size_t i = 0; i + k < a.size(); ++i) r[i] = a[i + k];
  return r;
}

bool ref_ule(const Bits& a, const Bits& b) { return !ref_ult(b, a); }
bool ref_slt(const Bits& a, const Bits& b) {
  if (a.back() != b.back()) return a.back();
  return ref_ult(a, b);
}
bool ref_sle(const Bits& a, const Bits& b) { return !ref_slt(b, a); }

bool ref_uaddo(const Bits& a, const Bits& b) {
  bool carry = false;
  ripple_add(a, b, &carry);
  return carry;
}

// A signed result in w + 1 bits fits w bits iff its top two bits agree.
bool ref_saddo(const Bits& a, const Bits& b) {
  const Bits sum = ref_add(sext(a, 1), sext(b, 1));
  return sum[a.size()] != sum[a.size() - 1];
}

bool ref_ssubo(const Bits& a, const Bits& b) {
  const Bits difference = ref_sub(sext(a, 1), sext(b, 1));
  return difference[a.size()] != difference[a.size() - 1];
}

bool ref_umulo(const Bits& a, const Bits& b) {
  const size_t w = a.size();
  const Bits product = ref_mul(zext(a, w), zext(b, w));
  for (size_t i = w; i < 2 * w; ++i) {
    if (product[i]) return true;
  }
  return false;
}

// The exact signed product has 2w bits; it fits w bits iff its bits w - 1
// and up are copies of one sign.
bool ref_smulo(const Bits& a, const Bits& b) {
  const size_t w = a.size();
  const Bits product = ref_mul(sext(a, w), sext(b, w));
  for (size_t i = w; i < 2 * w; ++i) {
    if (product[i] != product[w - 1]) return true;
  }
  return false;
}

bool is_min_signed(const Bits& a) {
  Bits min = zeros(a.size());
  min.back() = true;
  return a == min;
}

bool ref_sdivo(const Bits& a, const Bits& b) { return is_min_signed(a) && b == ones(a.size()); }

// ---------------------------------------------------------------- harness

BitVector make(const Bits& bits) { return BitVector::from_binary(to_digits(bits)); }

struct BinaryCase {
  const char* name;
  BitVector (*op)(const BitVector&, const BitVector&);
  Bits (*reference)(const Bits&, const Bits&);
};

struct PredicateCase {
  const char* name;
  bool (*op)(const BitVector&, const BitVector&);
  bool (*reference)(const Bits&, const Bits&);
};

bool ref_ugt(const Bits& a, const Bits& b) { return ref_ult(b, a); }
bool ref_uge(const Bits& a, const Bits& b) { return ref_ule(b, a); }
bool ref_sgt(const Bits& a, const Bits& b) { return ref_slt(b, a); }
bool ref_sge(const Bits& a, const Bits& b) { return ref_sle(b, a); }
bool ref_usubo(const Bits& a, const Bits& b) { return ref_ult(a, b); }

TEST(BvWideRandom, BinaryOperations) {
  const BinaryCase cases[] = {
      {"bvand", bvand, ref_and},    {"bvor", bvor, ref_or},       {"bvxor", bvxor, ref_xor},
      {"bvnand", bvnand, ref_nand}, {"bvnor", bvnor, ref_nor},    {"bvxnor", bvxnor, ref_xnor},
      {"bvadd", bvadd, ref_add},    {"bvsub", bvsub, ref_sub},    {"bvmul", bvmul, ref_mul},
      {"bvudiv", bvudiv, ref_udiv}, {"bvurem", bvurem, ref_urem}, {"bvsdiv", bvsdiv, ref_sdiv},
      {"bvsrem", bvsrem, ref_srem}, {"bvsmod", bvsmod, ref_smod}, {"bvshl", bvshl, ref_shl},
      {"bvlshr", bvlshr, ref_lshr}, {"bvashr", bvashr, ref_ashr},
  };
  std::mt19937_64 rng(11);
  for (const WidthRun& run : kRuns) {
    for (int i = 0; i < run.iterations; ++i) {
      const Bits s = random_bits(rng, run.width);
      const Bits t = random_bits(rng, run.width);
      for (const BinaryCase& c : cases) {
        EXPECT_EQ(c.op(make(s), make(t)).to_binary_string(), to_digits(c.reference(s, t)))
            << "(" << c.name << " #b" << to_digits(s) << " #b" << to_digits(t) << ")";
      }
    }
  }
}

TEST(BvWideRandom, Predicates) {
  const PredicateCase cases[] = {
      {"bvult", bvult, ref_ult},       {"bvule", bvule, ref_ule},       {"bvugt", bvugt, ref_ugt},
      {"bvuge", bvuge, ref_uge},       {"bvslt", bvslt, ref_slt},       {"bvsle", bvsle, ref_sle},
      {"bvsgt", bvsgt, ref_sgt},       {"bvsge", bvsge, ref_sge},       {"bvuaddo", bvuaddo, ref_uaddo},
      {"bvsaddo", bvsaddo, ref_saddo}, {"bvumulo", bvumulo, ref_umulo}, {"bvsmulo", bvsmulo, ref_smulo},
      {"bvusubo", bvusubo, ref_usubo}, {"bvssubo", bvssubo, ref_ssubo}, {"bvsdivo", bvsdivo, ref_sdivo},
  };
  std::mt19937_64 rng(12);
  for (const WidthRun& run : kRuns) {
    for (int i = 0; i < run.iterations; ++i) {
      const Bits s = random_bits(rng, run.width);
      const Bits t = i % 16 == 0 ? s : random_bits(rng, run.width);
      for (const PredicateCase& c : cases) {
        EXPECT_EQ(c.op(make(s), make(t)), c.reference(s, t))
            << "(" << c.name << " #b" << to_digits(s) << " #b" << to_digits(t) << ")";
      }
      EXPECT_EQ(bvnego(make(s)), is_min_signed(s)) << "(bvnego #b" << to_digits(s) << ")";
    }
  }
}

TEST(BvWideRandom, UnaryAndStructuralOperations) {
  std::mt19937_64 rng(13);
  for (const WidthRun& run : kRuns) {
    const uint32_t w = run.width;
    for (int i = 0; i < 10 * run.iterations; ++i) {
      const Bits s = random_bits(rng, w);
      const Bits t = random_bits(rng, 1 + static_cast<uint32_t>(rng() % w));
      const BitVector bs = make(s);
      EXPECT_EQ(bvnot(bs).to_binary_string(), to_digits(ref_not(s)));
      EXPECT_EQ(bvneg(bs).to_binary_string(), to_digits(ref_neg(s)));

      Bits joined = t;  // concat puts its first argument on top
      joined.insert(joined.end(), s.begin(), s.end());
      EXPECT_EQ(concat(bs, make(t)).to_binary_string(), to_digits(joined));

      const auto lo = static_cast<uint32_t>(rng() % w);
      const auto hi = lo + static_cast<uint32_t>(rng() % (w - lo));
      const Bits part(s.begin() + lo, s.begin() + hi + 1);
      EXPECT_EQ(extract(bs, hi, lo).to_binary_string(), to_digits(part)) << hi << " " << lo;

      const uint64_t n = rng() % (3 * uint64_t{w});
      Bits rotated(w);
      for (uint32_t j = 0; j < w; ++j) rotated[(j + n) % w] = s[j];
      EXPECT_EQ(rotate_left(bs, n).to_binary_string(), to_digits(rotated)) << n;
      EXPECT_EQ(rotate_right(make(rotated), n), bs) << n;

      const auto extra = static_cast<uint32_t>(rng() % 150);
      EXPECT_EQ(zero_extend(bs, extra).to_binary_string(), to_digits(zext(s, extra)));
      EXPECT_EQ(sign_extend(bs, extra).to_binary_string(), to_digits(sext(s, extra)));

      const auto copies = 1 + static_cast<uint32_t>(rng() % 4);
      Bits repeated;
      for (uint32_t c = 0; c < copies; ++c) repeated.insert(repeated.end(), t.begin(), t.end());
      EXPECT_EQ(repeat(make(t), copies).to_binary_string(), to_digits(repeated));
    }
  }
}

Bits bits_of(const BitVector& v) {
  Bits bits(v.width());
  for (uint32_t i = 0; i < v.width(); ++i) bits[i] = v.bit(i);
  return bits;
}

// Operands on which long division must correct a quotient digit estimate:
// by the next-digit test, with the partial remainder overflowing during that
// test, and by adding the divisor back after subtracting too much.  Uniform
// random operands almost never need the add-back step.
TEST(BvWideRandom, DivisionDigitCorrections) {
  const char* const cases[][2] = {
      {"ffffffffffffffffffffffffffe29eb16bc80a82659b34e0",
       "000000000000000005b3ba2f2232fdaa8de3352500d3407f"},
      {"7ffffffffffffffffffffffffffffffe", "7fffffffffffffffffffffffffffffff"},
      {"800000000000000000000000000000000000000000000003",
       "80000000000000007fffffffffffffff7fffffffffffffff"},
      {"ffffffffffffffffffffffffffed9533", "7ffffffffffffffffffffffffffffffe"},
      {"c000001800007ffcffff80001fe07ffff8003ffffc003fff",
       "00000000000000000000000000000014943fa6d903d7e47c"},
      {"800000000000000000000000000000000000000000000001",
       "800000000000000000000000000000000000000000000002"},
      {"ffffffffffffffffffffffffffffffffffffffffffffffe4",
       "7fffffffffffffffffffffffffffffffffffffffffffffff"},
      {"7ffffffffffffffffffffffffffffffffffffffffffffff8",
       "7ffffffffffffffffffffffffffffffffffffffffffffffc"},
      // Estimates two too big, which only the next-digit test can fix.
      {"fffffffffffffffffffffffffffffee979d157baac71d6cd",
       "00000000000000010000000000000001fffffffffffffffe"},
      {"ffffffffffffffff00000000000000008000000000000000",
       "00000000000000008000000000000000fffffffffffffffe"},
  };
  for (const auto& [dividend, divisor] : cases) {
    const BitVector s = BitVector::from_hex(dividend);
    const BitVector t = BitVector::from_hex(divisor);
    EXPECT_EQ(bvudiv(s, t).to_binary_string(), to_digits(ref_udiv(bits_of(s), bits_of(t))))
        << dividend << " / " << divisor;
    EXPECT_EQ(bvurem(s, t).to_binary_string(), to_digits(ref_urem(bits_of(s), bits_of(t))))
        << dividend << " % " << divisor;
  }
}

// ---------------------------------------------------------------- identities

BitVector random_vector(std::mt19937_64& rng, uint32_t w) { return make(random_bits(rng, w)); }

void check_identities(std::mt19937_64& rng, uint32_t w) {
  const BitVector a = random_vector(rng, w);
  const BitVector b = random_vector(rng, w);
  const BitVector c = random_vector(rng, w);
  const BitVector zero(w);
  SCOPED_TRACE("a = " + a.to_smtlib() + ", b = " + b.to_smtlib());

  EXPECT_EQ(bvsub(bvadd(a, b), b), a);
  EXPECT_EQ(bvneg(bvneg(a)), a);
  EXPECT_EQ(bvadd(a, bvneg(a)), zero);
  EXPECT_EQ(bvmul(a, b), bvmul(b, a));
  EXPECT_EQ(bvmul(a, bvadd(b, c)), bvadd(bvmul(a, b), bvmul(a, c)));
  EXPECT_EQ(bvnot(a), bvsub(bvneg(a), BitVector::from_uint64(w, 1)));

  if (!b.is_zero()) {
    // a = q * b + r with r < b, and neither step wraps around.
    const BitVector q = bvudiv(a, b);
    const BitVector r = bvurem(a, b);
    EXPECT_TRUE(bvult(r, b));
    EXPECT_FALSE(bvumulo(q, b));
    EXPECT_FALSE(bvuaddo(bvmul(q, b), r));
    EXPECT_EQ(bvadd(bvmul(q, b), r), a);
    // The same for the signed pair, even for min / -1, modulo 2^w.
    EXPECT_EQ(bvadd(bvmul(bvsdiv(a, b), b), bvsrem(a, b)), a);
    // bvsmod is zero or has the divisor's sign, and differs from bvsrem by
    // zero or the divisor.
    const BitVector m = bvsmod(a, b);
    EXPECT_TRUE(m.is_zero() || m.msb() == b.msb());
    const BitVector gap = bvsub(m, bvsrem(a, b));
    EXPECT_TRUE(gap.is_zero() || gap == b);
  }

  const auto k = static_cast<uint32_t>(rng() % w);
  const BitVector distance = BitVector::from_uint64(w, k);
  const BitVector all = BitVector::ones(w);
  EXPECT_EQ(bvlshr(bvshl(a, distance), distance), bvand(a, bvlshr(all, distance)));
  EXPECT_EQ(bvshl(bvlshr(a, distance), distance), bvand(a, bvshl(all, distance)));
  EXPECT_EQ(bvshl(a, distance), bvmul(a, bvshl(BitVector::from_uint64(w, 1), distance)));
  EXPECT_EQ(rotate_left(rotate_right(a, k), k), a);
  EXPECT_EQ(rotate_left(a, k + uint64_t{w}), rotate_left(a, k));
  if (k > 0) {
    EXPECT_EQ(concat(extract(a, w - 1, k), extract(a, k - 1, 0)), a);
    EXPECT_EQ(concat(extract(a, k - 1, 0), extract(a, w - 1, k)), rotate_right(a, k));
  }
  EXPECT_EQ(extract(sign_extend(a, k), w - 1, 0), a);
}

TEST(BvWideRandom, Identities) {
  std::mt19937_64 rng(14);
  for (const uint32_t w : {65u, 127u, 128u, 129u, 200u, 1000u}) {
    for (int i = 0; i < 200; ++i) check_identities(rng, w);
  }
}

// Thousands of bits must stay cheap: the word-level algorithms are
// quadratic in words, not in bits.
TEST(BvWideRandom, IdentitiesAtVeryLargeWidths) {
  std::mt19937_64 rng(15);
  for (const uint32_t w : {4096u, 20000u}) {
    for (int i = 0; i < 8; ++i) check_identities(rng, w);
  }
}

}  // namespace
}  // namespace wang::bv::testing
