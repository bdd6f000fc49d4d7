// The bit-blaster's operators as one uniform table for the tests, generic
// over the bit policy: each case blasts one operator on operands a and b
// (unary cases ignore b) and carries the BitVector reference function it
// must agree with.  Predicates become one-bit vectors; indexed operators
// become one case per index value.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "bv/bitblast.hpp"
#include "bv_test_support.hpp"
#include "wang/bitvector.hpp"

namespace wang::bv::testing {

template <class Ops>
struct Case {
  using Blaster = BitBlaster<Ops>;
  using Bits = typename Blaster::Bits;

  std::string name;
  int arity;  // 1 or 2
  std::function<BitVector(const BitVector& a, const BitVector& b)> reference;
  std::function<Bits(Blaster& blaster, const Bits& a, const Bits& b)> blast;
};

// "op i j ...".  (Appending, as GCC 12 warns falsely on "..." + string.)
inline std::string indexed_name(std::string name, std::initializer_list<uint32_t> indices) {
  for (const uint32_t index : indices) {
    name += ' ';
    name += std::to_string(index);
  }
  return name;
}

inline BitVector from_bool(bool value) { return BitVector::from_uint64(1, value ? 1 : 0); }

// Every operator without indices, operands of equal width.
template <class Ops>
std::vector<Case<Ops>> operator_cases() {
  using Blaster = BitBlaster<Ops>;
  using Bits = typename Blaster::Bits;
  using V = const BitVector&;
  using B = const Bits&;
// The reference is the BitVector function `ref`, the circuit `Blaster::op`.
#define WANG_UNARY(ref, op) {#ref, 1, [](V a, V) { return ref(a); }, [](Blaster& bb, B a, B) { return bb.op(a); }}
#define WANG_BINARY(ref, op) \
  {#ref, 2, [](V a, V b) { return ref(a, b); }, [](Blaster& bb, B a, B b) { return bb.op(a, b); }}
#define WANG_PREDICATE(ref, op) \
  {#ref, 2, [](V a, V b) { return from_bool(ref(a, b)); }, [](Blaster& bb, B a, B b) { return Bits{bb.op(a, b)}; }}
  return {
      WANG_BINARY(concat, concat),
      WANG_UNARY(bvnot, bvnot),
      WANG_BINARY(bvand, bvand),
      WANG_BINARY(bvor, bvor),
      WANG_BINARY(bvxor, bvxor),
      WANG_BINARY(bvnand, bvnand),
      WANG_BINARY(bvnor, bvnor),
      WANG_BINARY(bvxnor, bvxnor),
      WANG_UNARY(bvneg, bvneg),
      WANG_BINARY(bvadd, bvadd),
      WANG_BINARY(bvsub, bvsub),
      WANG_BINARY(bvmul, bvmul),
      {"bvudiv", 2, [](V a, V b) { return bvudiv(a, b); },
       [](Blaster& bb, B a, B b) { return bb.udiv_urem(a, b).first; }},
      {"bvurem", 2, [](V a, V b) { return bvurem(a, b); },
       [](Blaster& bb, B a, B b) { return bb.udiv_urem(a, b).second; }},
      WANG_BINARY(bvsdiv, bvsdiv),
      WANG_BINARY(bvsrem, bvsrem),
      WANG_BINARY(bvsmod, bvsmod),
      WANG_BINARY(bvshl, bvshl),
      WANG_BINARY(bvlshr, bvlshr),
      WANG_BINARY(bvashr, bvashr),
      WANG_BINARY(bvcomp, bvcomp),
      {"=", 2, [](V a, V b) { return from_bool(a == b); }, [](Blaster& bb, B a, B b) { return Bits{bb.eq(a, b)}; }},
      WANG_PREDICATE(bvult, ult),
      WANG_PREDICATE(bvule, ule),
      WANG_PREDICATE(bvugt, ugt),
      WANG_PREDICATE(bvuge, uge),
      WANG_PREDICATE(bvslt, slt),
      WANG_PREDICATE(bvsle, sle),
      WANG_PREDICATE(bvsgt, sgt),
      WANG_PREDICATE(bvsge, sge),
      {"bvnego", 1, [](V a, V) { return from_bool(bvnego(a)); }, [](Blaster& bb, B a, B) { return Bits{bb.nego(a)}; }},
      WANG_PREDICATE(bvuaddo, uaddo),
      WANG_PREDICATE(bvsaddo, saddo),
      WANG_PREDICATE(bvumulo, umulo),
      WANG_PREDICATE(bvsmulo, smulo),
      WANG_PREDICATE(bvusubo, usubo),
      WANG_PREDICATE(bvssubo, ssubo),
      WANG_PREDICATE(bvsdivo, sdivo),
  };
#undef WANG_UNARY
#undef WANG_BINARY
#undef WANG_PREDICATE
}

// The indexed operators on operands of `width` bits: extract for every
// lo <= hi among `positions` (those below the width), the others for every
// count in `counts` (repeat only from 1).
template <class Ops>
std::vector<Case<Ops>> indexed_cases(uint32_t width, const std::vector<uint32_t>& positions,
                                     const std::vector<uint32_t>& counts) {
  using Blaster = BitBlaster<Ops>;
  using Bits = typename Blaster::Bits;
  using V = const BitVector&;
  using B = const Bits&;
  std::vector<Case<Ops>> cases;
  for (const uint32_t hi : positions) {
    for (const uint32_t lo : positions) {
      if (lo > hi || hi >= width) continue;
      cases.push_back({indexed_name("extract", {hi, lo}), 1,
                       [=](V a, V) { return extract(a, hi, lo); },
                       [=](Blaster& bb, B a, B) { return bb.extract(a, hi, lo); }});
    }
  }
  for (const uint32_t n : counts) {
// One case of the operator `op` with index n, the same name in both APIs.
#define WANG_INDEXED(op)                                                      \
  cases.push_back({indexed_name(#op, {n}), 1, [=](V a, V) { return op(a, n); }, \
                   [=](Blaster& bb, B a, B) { return bb.op(a, n); }})
    if (n >= 1) WANG_INDEXED(repeat);
    WANG_INDEXED(zero_extend);
    WANG_INDEXED(sign_extend);
    WANG_INDEXED(rotate_left);
    WANG_INDEXED(rotate_right);
#undef WANG_INDEXED
  }
  return cases;
}

inline Bits to_bits(const BitVector& value) {
  Bits bits(value.width());
  for (uint32_t i = 0; i < value.width(); ++i) bits[i] = value.bit(i);
  return bits;
}

inline BitVector to_bitvector(const Bits& bits) {
  BitVector value(static_cast<uint32_t>(bits.size()));
  for (uint32_t i = 0; i < bits.size(); ++i) value.set_bit(i, bits[i]);
  return value;
}

// Whether the case evaluated with BoolOps agrees with its reference.
inline ::testing::AssertionResult agrees(const Case<BoolOps>& c, const BitVector& a, const BitVector& b) {
  BoolOps ops;
  BitBlaster<BoolOps> blaster(ops);
  const BitVector expected = c.reference(a, b);
  const BitVector actual = to_bitvector(c.blast(blaster, to_bits(a), to_bits(b)));
  if (actual == expected) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure() << "(" << c.name << " " << a.to_smtlib();
  if (c.arity == 2) failure << " " << b.to_smtlib();
  return failure << ") is " << actual.to_smtlib() << ", expected " << expected.to_smtlib();
}

}  // namespace wang::bv::testing
