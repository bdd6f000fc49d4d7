// Every operation on every operand (pair) of widths 1 to 4 against a
// reference transcribed from SMT-LIB: the FixedSizeBitVectors theory's
// definitions on naturals for its core symbols and overflow predicates, and
// the QF_BV logic's abbreviations for everything else.  The reference works
// on plain integers and shares no code with the implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <ostream>

#include "wang/bitvector.hpp"

namespace wang::bv::testing {
namespace {

constexpr uint32_t kMaxWidth = 4;

// A bit-vector of the reference: bit x is (value >> x) & 1.
struct Small {
  uint32_t width;
  uint64_t value;
  bool operator==(const Small&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Small& s) {
  out << "#b";
  for (uint32_t x = s.width; x-- > 0;) out << ((s.value >> x) & 1);
  return out;
}

uint64_t pow2(uint32_t m) { return uint64_t{1} << m; }

bool at(const Small& s, uint32_t x) { return ((s.value >> x) & 1) != 0; }

// λx:[0, m). f(x)
Small lambda(uint32_t m, const std::function<bool(uint32_t)>& f) {
  Small result{m, 0};
  for (uint32_t x = 0; x < m; ++x) result.value |= uint64_t{f(x)} << x;
  return result;
}

Small nat2bv(uint32_t m, uint64_t n) { return {m, n % pow2(m)}; }
uint64_t bv2nat(const Small& s) { return s.value; }
int64_t bv2int(const Small& s) {
  const auto n = static_cast<int64_t>(s.value);
  return at(s, s.width - 1) ? n - static_cast<int64_t>(pow2(s.width)) : n;
}
Small zero(uint32_t m) { return {m, 0}; }
Small msb_of(const Small& s) { return {1, uint64_t{at(s, s.width - 1)}}; }
const Small kB0{1, 0};
const Small kB1{1, 1};

// ---------------------------------------------------------------- theory

Small ref_concat(const Small& s, const Small& t) {
  const uint32_t m = t.width;
  return lambda(s.width + m, [&](uint32_t x) { return x < m ? at(t, x) : at(s, x - m); });
}

Small ref_extract(uint32_t i, uint32_t j, const Small& s) {
  return lambda(i - j + 1, [&](uint32_t x) { return at(s, j + x); });
}

Small ref_bvnot(const Small& s) {
  return lambda(s.width, [&](uint32_t x) { return !at(s, x); });
}

Small ref_bvand(const Small& s, const Small& t) {
  return lambda(s.width, [&](uint32_t x) { return !at(s, x) ? false : at(t, x); });
}

Small ref_bvor(const Small& s, const Small& t) {
  return lambda(s.width, [&](uint32_t x) { return at(s, x) ? true : at(t, x); });
}

Small ref_bvneg(const Small& s) { return nat2bv(s.width, pow2(s.width) - bv2nat(s)); }

Small ref_bvadd(const Small& s, const Small& t) { return nat2bv(s.width, bv2nat(s) + bv2nat(t)); }

Small ref_bvmul(const Small& s, const Small& t) { return nat2bv(s.width, bv2nat(s) * bv2nat(t)); }

Small ref_bvudiv(const Small& s, const Small& t) {
  if (bv2nat(t) == 0) return lambda(s.width, [](uint32_t) { return true; });
  return nat2bv(s.width, bv2nat(s) / bv2nat(t));
}

Small ref_bvurem(const Small& s, const Small& t) {
  if (bv2nat(t) == 0) return s;
  return nat2bv(s.width, bv2nat(s) % bv2nat(t));
}

// Shift distances stay below 16 here, so s * 2^t fits easily.
Small ref_bvshl(const Small& s, const Small& t) { return nat2bv(s.width, bv2nat(s) * pow2(bv2nat(t))); }

Small ref_bvlshr(const Small& s, const Small& t) { return nat2bv(s.width, bv2nat(s) / pow2(bv2nat(t))); }

bool ref_bvult(const Small& s, const Small& t) { return bv2nat(s) < bv2nat(t); }

bool ref_bvnego(const Small& s) { return bv2int(s) == -static_cast<int64_t>(pow2(s.width - 1)); }

bool ref_bvuaddo(const Small& s, const Small& t) { return bv2nat(s) + bv2nat(t) >= pow2(s.width); }

bool ref_bvsaddo(const Small& s, const Small& t) {
  const int64_t sum = bv2int(s) + bv2int(t);
  const auto half = static_cast<int64_t>(pow2(s.width - 1));
  return sum >= half || sum < -half;
}

bool ref_bvumulo(const Small& s, const Small& t) { return bv2nat(s) * bv2nat(t) >= pow2(s.width); }

bool ref_bvsmulo(const Small& s, const Small& t) {
  const int64_t product = bv2int(s) * bv2int(t);
  const auto half = static_cast<int64_t>(pow2(s.width - 1));
  return product >= half || product < -half;
}

// ---------------------------------------------------------------- logic

Small ref_bvnand(const Small& s, const Small& t) { return ref_bvnot(ref_bvand(s, t)); }
Small ref_bvnor(const Small& s, const Small& t) { return ref_bvnot(ref_bvor(s, t)); }
Small ref_bvxor(const Small& s, const Small& t) {
  return ref_bvor(ref_bvand(s, ref_bvnot(t)), ref_bvand(ref_bvnot(s), t));
}
Small ref_bvxnor(const Small& s, const Small& t) {
  return ref_bvor(ref_bvand(s, t), ref_bvand(ref_bvnot(s), ref_bvnot(t)));
}

Small ref_bvcomp(const Small& s, const Small& t) {
  const uint32_t m = s.width;
  if (m == 1) return ref_bvxnor(s, t);
  return ref_bvand(ref_bvxnor(ref_extract(m - 1, m - 1, s), ref_extract(m - 1, m - 1, t)),
                   ref_bvcomp(ref_extract(m - 2, 0, s), ref_extract(m - 2, 0, t)));
}

Small ref_bvsub(const Small& s, const Small& t) { return ref_bvadd(s, ref_bvneg(t)); }

Small ref_bvsdiv(const Small& s, const Small& t) {
  const Small msb_s = msb_of(s);
  const Small msb_t = msb_of(t);
  if (msb_s == kB0 && msb_t == kB0) return ref_bvudiv(s, t);
  if (msb_s == kB1 && msb_t == kB0) return ref_bvneg(ref_bvudiv(ref_bvneg(s), t));
  if (msb_s == kB0 && msb_t == kB1) return ref_bvneg(ref_bvudiv(s, ref_bvneg(t)));
  return ref_bvudiv(ref_bvneg(s), ref_bvneg(t));
}

Small ref_bvsrem(const Small& s, const Small& t) {
  const Small msb_s = msb_of(s);
  const Small msb_t = msb_of(t);
  if (msb_s == kB0 && msb_t == kB0) return ref_bvurem(s, t);
  if (msb_s == kB1 && msb_t == kB0) return ref_bvneg(ref_bvurem(ref_bvneg(s), t));
  if (msb_s == kB0 && msb_t == kB1) return ref_bvurem(s, ref_bvneg(t));
  return ref_bvneg(ref_bvurem(ref_bvneg(s), ref_bvneg(t)));
}

Small ref_bvsmod(const Small& s, const Small& t) {
  const Small msb_s = msb_of(s);
  const Small msb_t = msb_of(t);
  const Small abs_s = msb_s == kB0 ? s : ref_bvneg(s);
  const Small abs_t = msb_t == kB0 ? t : ref_bvneg(t);
  const Small u = ref_bvurem(abs_s, abs_t);
  if (u == zero(s.width)) return u;
  if (msb_s == kB0 && msb_t == kB0) return u;
  if (msb_s == kB1 && msb_t == kB0) return ref_bvadd(ref_bvneg(u), t);
  if (msb_s == kB0 && msb_t == kB1) return ref_bvadd(u, t);
  return ref_bvneg(u);
}

bool ref_bvule(const Small& s, const Small& t) { return ref_bvult(s, t) || s == t; }
bool ref_bvugt(const Small& s, const Small& t) { return ref_bvult(t, s); }
bool ref_bvuge(const Small& s, const Small& t) { return ref_bvult(t, s) || s == t; }
bool ref_bvslt(const Small& s, const Small& t) {
  return (msb_of(s) == kB1 && msb_of(t) == kB0) || (msb_of(s) == msb_of(t) && ref_bvult(s, t));
}
bool ref_bvsle(const Small& s, const Small& t) {
  return (msb_of(s) == kB1 && msb_of(t) == kB0) || (msb_of(s) == msb_of(t) && ref_bvule(s, t));
}
bool ref_bvsgt(const Small& s, const Small& t) { return ref_bvslt(t, s); }
bool ref_bvsge(const Small& s, const Small& t) { return ref_bvsle(t, s); }

bool ref_bvusubo(const Small& s, const Small& t) { return ref_bvult(s, t); }
bool ref_bvssubo(const Small& s, const Small& t) {
  return ref_bvnego(t) ? ref_bvsge(s, zero(s.width)) : ref_bvsaddo(s, ref_bvneg(t));
}
bool ref_bvsdivo(const Small& s, const Small& t) { return ref_bvnego(s) && t == ref_bvnot(zero(s.width)); }

Small ref_bvashr(const Small& s, const Small& t) {
  if (msb_of(s) == kB0) return ref_bvlshr(s, t);
  return ref_bvnot(ref_bvlshr(ref_bvnot(s), t));
}

Small ref_repeat(uint32_t j, const Small& t) {
  if (j == 1) return t;
  return ref_concat(t, ref_repeat(j - 1, t));
}

Small ref_zero_extend(uint32_t i, const Small& t) {
  if (i == 0) return t;
  return ref_concat(ref_repeat(i, kB0), t);
}

Small ref_sign_extend(uint32_t i, const Small& t) {
  if (i == 0) return t;
  return ref_concat(ref_repeat(i, ref_extract(t.width - 1, t.width - 1, t)), t);
}

Small ref_rotate_left(uint32_t i, const Small& t) {
  const uint32_t m = t.width;
  if (i == 0 || m == 1) return t;
  return ref_rotate_left(i - 1, ref_concat(ref_extract(m - 2, 0, t), ref_extract(m - 1, m - 1, t)));
}

Small ref_rotate_right(uint32_t i, const Small& t) {
  const uint32_t m = t.width;
  if (i == 0 || m == 1) return t;
  return ref_rotate_right(i - 1, ref_concat(ref_extract(0, 0, t), ref_extract(m - 1, 1, t)));
}

// ---------------------------------------------------------------- harness

BitVector make(const Small& s) { return BitVector::from_uint64(s.width, s.value); }

// The width and the whole low word, so that stray bits above the width show.
Small observe(const BitVector& v) { return {v.width(), v.to_uint64()}; }

template <typename Body>
void for_all_values(uint32_t m, Body body) {
  for (uint64_t v = 0; v < pow2(m); ++v) body(Small{m, v});
}

template <typename Body>
void for_all_pairs(Body body) {
  for (uint32_t m = 1; m <= kMaxWidth; ++m) {
    for_all_values(m, [&](const Small& s) { for_all_values(m, [&](const Small& t) { body(s, t); }); });
  }
}

using BinaryOp = BitVector (*)(const BitVector&, const BitVector&);
using BinaryRef = Small (*)(const Small&, const Small&);
using Predicate = bool (*)(const BitVector&, const BitVector&);
using PredicateRef = bool (*)(const Small&, const Small&);

struct BinaryCase {
  const char* name;
  BinaryOp op;
  BinaryRef reference;
};

struct PredicateCase {
  const char* name;
  Predicate op;
  PredicateRef reference;
};

TEST(BvExhaustive, BinaryOperations) {
  const BinaryCase cases[] = {
      {"bvand", bvand, ref_bvand},    {"bvor", bvor, ref_bvor},       {"bvxor", bvxor, ref_bvxor},
      {"bvnand", bvnand, ref_bvnand}, {"bvnor", bvnor, ref_bvnor},    {"bvxnor", bvxnor, ref_bvxnor},
      {"bvadd", bvadd, ref_bvadd},    {"bvsub", bvsub, ref_bvsub},    {"bvmul", bvmul, ref_bvmul},
      {"bvudiv", bvudiv, ref_bvudiv}, {"bvurem", bvurem, ref_bvurem}, {"bvsdiv", bvsdiv, ref_bvsdiv},
      {"bvsrem", bvsrem, ref_bvsrem}, {"bvsmod", bvsmod, ref_bvsmod}, {"bvshl", bvshl, ref_bvshl},
      {"bvlshr", bvlshr, ref_bvlshr}, {"bvashr", bvashr, ref_bvashr}, {"bvcomp", bvcomp, ref_bvcomp},
  };
  for (const BinaryCase& c : cases) {
    for_all_pairs([&](const Small& s, const Small& t) {
      EXPECT_EQ(observe(c.op(make(s), make(t))), c.reference(s, t))
          << "(" << c.name << " " << s << " " << t << ")";
    });
  }
}

TEST(BvExhaustive, Predicates) {
  const PredicateCase cases[] = {
      {"bvult", bvult, ref_bvult},       {"bvule", bvule, ref_bvule},       {"bvugt", bvugt, ref_bvugt},
      {"bvuge", bvuge, ref_bvuge},       {"bvslt", bvslt, ref_bvslt},       {"bvsle", bvsle, ref_bvsle},
      {"bvsgt", bvsgt, ref_bvsgt},       {"bvsge", bvsge, ref_bvsge},       {"bvuaddo", bvuaddo, ref_bvuaddo},
      {"bvsaddo", bvsaddo, ref_bvsaddo}, {"bvumulo", bvumulo, ref_bvumulo}, {"bvsmulo", bvsmulo, ref_bvsmulo},
      {"bvusubo", bvusubo, ref_bvusubo}, {"bvssubo", bvssubo, ref_bvssubo}, {"bvsdivo", bvsdivo, ref_bvsdivo},
  };
  for (const PredicateCase& c : cases) {
    for_all_pairs([&](const Small& s, const Small& t) {
      EXPECT_EQ(c.op(make(s), make(t)), c.reference(s, t)) << "(" << c.name << " " << s << " " << t << ")";
    });
  }
}

TEST(BvExhaustive, UnaryOperations) {
  for (uint32_t m = 1; m <= kMaxWidth; ++m) {
    for_all_values(m, [&](const Small& s) {
      EXPECT_EQ(observe(bvnot(make(s))), ref_bvnot(s)) << "(bvnot " << s << ")";
      EXPECT_EQ(observe(bvneg(make(s))), ref_bvneg(s)) << "(bvneg " << s << ")";
      EXPECT_EQ(bvnego(make(s)), ref_bvnego(s)) << "(bvnego " << s << ")";
    });
  }
}

TEST(BvExhaustive, Concat) {
  for (uint32_t n = 1; n <= kMaxWidth; ++n) {
    for (uint32_t m = 1; m <= kMaxWidth; ++m) {
      for_all_values(n, [&](const Small& s) {
        for_all_values(m, [&](const Small& t) {
          EXPECT_EQ(observe(concat(make(s), make(t))), ref_concat(s, t))
              << "(concat " << s << " " << t << ")";
        });
      });
    }
  }
}

TEST(BvExhaustive, Extract) {
  for (uint32_t m = 1; m <= kMaxWidth; ++m) {
    for_all_values(m, [&](const Small& s) {
      for (uint32_t i = 0; i < m; ++i) {
        for (uint32_t j = 0; j <= i; ++j) {
          EXPECT_EQ(observe(extract(make(s), i, j)), ref_extract(i, j, s))
              << "((_ extract " << i << " " << j << ") " << s << ")";
        }
      }
    });
  }
}

TEST(BvExhaustive, RepeatAndExtend) {
  for (uint32_t m = 1; m <= kMaxWidth; ++m) {
    for_all_values(m, [&](const Small& s) {
      for (uint32_t i = 0; i <= 4; ++i) {
        if (i >= 1) {
          EXPECT_EQ(observe(repeat(make(s), i)), ref_repeat(i, s)) << "((_ repeat " << i << ") " << s << ")";
        }
        EXPECT_EQ(observe(zero_extend(make(s), i)), ref_zero_extend(i, s))
            << "((_ zero_extend " << i << ") " << s << ")";
        EXPECT_EQ(observe(sign_extend(make(s), i)), ref_sign_extend(i, s))
            << "((_ sign_extend " << i << ") " << s << ")";
      }
    });
  }
}

TEST(BvExhaustive, Rotate) {
  for (uint32_t m = 1; m <= kMaxWidth; ++m) {
    for_all_values(m, [&](const Small& s) {
      for (uint32_t i = 0; i <= 3 * m + 1; ++i) {
        EXPECT_EQ(observe(rotate_left(make(s), i)), ref_rotate_left(i, s))
            << "((_ rotate_left " << i << ") " << s << ")";
        EXPECT_EQ(observe(rotate_right(make(s), i)), ref_rotate_right(i, s))
            << "((_ rotate_right " << i << ") " << s << ")";
      }
    });
  }
}

}  // namespace
}  // namespace wang::bv::testing
