// What the bit-blaster builds, measured with a policy that simplifies
// nothing and counts its calls: constant bits must save gates.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "bv/bitblast.hpp"
#include "wang/bitvector.hpp"

namespace wang::bv {
namespace {

// Symbolic bits: 0 and 1 are the constants, every other number an input
// or a gate.  Each call makes a new bit, so the counts are exactly the
// gates the blaster asked for.
class CountingOps {
 public:
  using Bit = uint32_t;

  Bit input() { return next_++; }
  Bit constant(bool value) const { return value ? 1 : 0; }
  Bit not_(Bit) { return gate(); }
  Bit and_(Bit, Bit) {
    ++ands_;
    return gate();
  }
  Bit or_(Bit, Bit) { return gate(); }
  Bit xor_(Bit, Bit) { return gate(); }
  Bit ite(Bit, Bit, Bit) { return gate(); }
  bv::ConstantBit constant_value(Bit a) const {
    ++queries_;
    return {a <= 1, a == 1};
  }

  uint64_t ands() const { return ands_; }
  uint64_t gates() const { return gates_; }
  uint64_t queries() const { return queries_; }

 private:
  Bit gate() {
    ++gates_;
    return next_++;
  }

  Bit next_ = 2;
  uint64_t ands_ = 0;
  uint64_t gates_ = 0;
  mutable uint64_t queries_ = 0;  // calls of constant_value
};

static_assert(BitOps<CountingOps>);
static_assert(BitOps<BoolOps>);

constexpr uint32_t kWidth = 32;

using Bits = BitBlaster<CountingOps>::Bits;

Bits inputs(CountingOps& ops) {
  Bits bits;
  for (uint32_t i = 0; i < kWidth; ++i) bits.push_back(ops.input());
  return bits;
}

struct Counts {
  uint64_t ands;
  uint64_t gates;
  uint64_t queries;
};

// The calls made for x * c, with x symbolic and c the constant
// (`constant_first` puts c on the left).
Counts multiply_by(uint64_t c, bool constant_first) {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits x = inputs(ops);
  const Bits constant = blaster.constant(BitVector::from_uint64(kWidth, c));
  if (constant_first) {
    blaster.bvmul(constant, x);
  } else {
    blaster.bvmul(x, constant);
  }
  return {ops.ands(), ops.gates(), ops.queries()};
}

Counts full_multiplication() {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits x = inputs(ops);
  blaster.bvmul(x, inputs(ops));
  return {ops.ands(), ops.gates(), ops.queries()};
}

TEST(BitBlastCost, MultiplicationByASparseConstantIsMuchSmaller) {
  const Counts full = full_multiplication();
  const Counts sparse = multiply_by(0x00020021, false);  // three one bits
  // 528 partial products plus two ANDs per adder cell.
  EXPECT_GE(full.ands, 1000u);
  EXPECT_LT(sparse.ands * 10, full.ands) << sparse.ands << " ANDs against " << full.ands;
  EXPECT_LT(sparse.gates * 10, full.gates) << sparse.gates << " gates against " << full.gates;
}

TEST(BitBlastCost, TheConstantOperandSelectsOnEitherSide) {
  for (const uint64_t c : {0x00020021u, 0x80000001u, 0x0000ffffu}) {
    const Counts right = multiply_by(c, false);
    const Counts left = multiply_by(c, true);
    EXPECT_EQ(left.ands, right.ands) << c;
    EXPECT_EQ(left.gates, right.gates) << c;
  }
}

TEST(BitBlastCost, MultiplicationByZeroOrAPowerOfTwoIsWiring) {
  EXPECT_EQ(multiply_by(0, false).gates, 0u);
  EXPECT_EQ(multiply_by(1, true).gates, 0u);
  EXPECT_EQ(multiply_by(uint64_t{1} << 20, false).gates, 0u);
}

// Rows of constant-zero selector bits are skipped, not built and folded:
// multiplying by 0 looks at each operand bit about once, not at w^2 cells.
TEST(BitBlastCost, ZeroRowsAreNotVisited) { EXPECT_LE(multiply_by(0, false).queries, 4u * kWidth); }

TEST(BitBlastCost, ConstantShiftsAndRotationsAreWiring) {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits x = inputs(ops);
  for (const uint64_t amount : {0u, 1u, 13u, 31u, 32u, 1000u}) {
    const Bits distance = blaster.constant(BitVector::from_uint64(kWidth, amount));
    blaster.bvshl(x, distance);
    blaster.bvlshr(x, distance);
    blaster.bvashr(x, distance);
    blaster.rotate_left(x, amount);
    blaster.rotate_right(x, amount);
  }
  EXPECT_EQ(ops.gates(), 0u);
}

// Adding 0 folds the adder and the carry chain completely.
TEST(BitBlastCost, AddingZeroIsWiring) {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits x = inputs(ops);
  const Bits zero = blaster.constant(BitVector(kWidth));
  blaster.bvadd(x, zero);
  blaster.uaddo(zero, x);
  EXPECT_EQ(ops.gates(), 0u);
}

// The divider only subtracts the low k divisor bits at step k: about
// w(w+1)/2 cells, not w^2.
TEST(BitBlastCost, DividerIsTriangular) {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits a = inputs(ops);
  blaster.udiv_urem(a, inputs(ops));
  // Per cell the inverter of the divisor bit, two XORs, two ANDs, an OR
  // and the remainder's ITE; per step an AND and an inverter for the
  // quotient bit and an OR for the divisor's high bits.  A square array
  // would need about twice as many.
  EXPECT_LE(ops.gates(), 7u * kWidth * (kWidth + 1) / 2 + 3 * kWidth) << ops.gates();
}

// A divisor with a one at bit k cannot fit into the first k partial
// remainders: those steps build nothing.
TEST(BitBlastCost, DivisionByALargeConstantSkipsSteps) {
  CountingOps ops;
  BitBlaster<CountingOps> blaster(ops);
  const Bits a = inputs(ops);
  blaster.udiv_urem(a, blaster.constant(BitVector::from_uint64(kWidth, 0x80000003)));
  // Only the last step's subtractor and multiplexers.
  EXPECT_LE(ops.gates(), 8u * kWidth) << ops.gates();
}

}  // namespace
}  // namespace wang::bv
