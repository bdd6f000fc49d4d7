// The bit-blaster over AIG gates, checked through the CNF encoder and the
// SAT solver: with the inputs fixed by assumptions the model's output bits
// must be the reference value, and the predicates must be satisfiable, and
// falsifiable, exactly when some operands make the reference so.  Also
// the AIG sizes of the main 32-bit circuits.
#include <gtest/gtest.h>

#include <cstdint>
#include <iostream>
#include <optional>
#include <random>
#include <utility>
#include <vector>

#include "aig/aig.hpp"
#include "aig/cnf.hpp"
#include "bitblast_support.hpp"
#include "bv/bitblast.hpp"
#include "bv_test_support.hpp"
#include "wang/bitvector.hpp"
#include "wang/sat.hpp"

namespace wang::bv::testing {
namespace {

using aig::Aig;
using aig::Edge;

// The BitOps policy over an AIG.  (The SMT layer has its own copy in
// src/solver/term_blaster.hpp; the bv tests do not depend on that layer.)
class AigOps {
 public:
  using Bit = Edge;

  explicit AigOps(Aig& graph) : graph_(graph) {}

  Bit constant(bool value) const { return value ? aig::kTrue : aig::kFalse; }
  Bit not_(Bit a) const { return aig::negate(a); }
  Bit and_(Bit a, Bit b) { return graph_.make_and(a, b); }
  Bit or_(Bit a, Bit b) { return graph_.make_or(a, b); }
  Bit xor_(Bit a, Bit b) { return graph_.make_xor(a, b); }
  Bit ite(Bit c, Bit t, Bit e) { return graph_.make_ite(c, t, e); }
  bv::ConstantBit constant_value(Bit a) const { return {aig::is_constant(a), a == aig::kTrue}; }

 private:
  Aig& graph_;
};

static_assert(BitOps<AigOps>);

using Edges = BitBlaster<AigOps>::Bits;

Edges make_inputs(Aig& graph, uint32_t width) {
  Edges inputs;
  for (uint32_t i = 0; i < width; ++i) inputs.push_back(graph.make_input());
  return inputs;
}

// Per bit of an operand: a constant, or nothing for an AIG input.
using Pattern = std::vector<std::optional<bool>>;

Pattern all_inputs(uint32_t width) { return Pattern(width); }

// Half the bits constant, so that every folding rule meets symbolic bits.
Pattern partly_constant(std::mt19937_64& rng, uint32_t width) {
  Pattern pattern(width);
  for (auto& bit : pattern) {
    if (rng() % 2 == 0) bit = rng() % 2 == 0;
  }
  return pattern;
}

// One case's circuit on operands a and b, encoded into a solver.
class Circuit {
 public:
  Circuit(const Case<AigOps>& c, const Pattern& a, const Pattern& b)
      : ops_(graph_), blaster_(ops_), a_(make_operand(a)), b_(make_operand(b)) {
    const Edges output = c.blast(blaster_, a_.edges, b_.edges);
    for (const Edge edge : output) output_literals_.push_back(encoder_.literal_equivalent(edge));
    encode_inputs(a_);
    encode_inputs(b_);
  }

  // The operands a and b with the constant bits of the circuit's operands.
  std::pair<BitVector, BitVector> conform(BitVector a, BitVector b) const {
    for (uint32_t i = 0; i < a.width(); ++i) {
      if (a_.pattern[i]) a.set_bit(i, *a_.pattern[i]);
      if (b_.pattern[i]) b.set_bit(i, *b_.pattern[i]);
    }
    return {a, b};
  }

  // The output with the inputs set to the bits of a and b, read from a
  // model; a and b must conform.
  BitVector evaluate(const BitVector& a, const BitVector& b) {
    fix(a_, a);
    fix(b_, b);
    EXPECT_EQ(solver_.solve(), sat::Result::satisfiable);
    return read(output_literals_);
  }

  // Operands under which the one-bit output is `value`, if any.
  std::optional<std::pair<BitVector, BitVector>> find_operands(bool value) {
    solver_.assume(value ? output_literals_[0] : -output_literals_[0]);
    const sat::Result result = solver_.solve();
    EXPECT_NE(result, sat::Result::unknown);
    if (result != sat::Result::satisfiable) return std::nullopt;
    return conform(read(a_.literals), read(b_.literals));
  }

 private:
  struct Operand {
    Pattern pattern;
    Edges edges;
    std::vector<int> literals;  // 0 for the constant bits
  };

  Operand make_operand(const Pattern& pattern) {
    Operand operand{pattern, {}, {}};
    for (const std::optional<bool> bit : pattern) {
      operand.edges.push_back(bit ? ops_.constant(*bit) : graph_.make_input());
    }
    return operand;
  }

  void encode_inputs(Operand& operand) {
    for (const Edge edge : operand.edges) {
      operand.literals.push_back(aig::is_constant(edge) ? 0 : encoder_.input_literal(edge));
    }
  }

  void fix(const Operand& operand, const BitVector& value) {
    for (uint32_t i = 0; i < operand.literals.size(); ++i) {
      const int literal = operand.literals[i];
      if (literal != 0) solver_.assume(value.bit(i) ? literal : -literal);
    }
  }

  // `value` returns a true literal itself, whatever its sign; the bits
  // without a literal are read as 0.
  BitVector read(const std::vector<int>& literals) const {
    BitVector value(static_cast<uint32_t>(literals.size()));
    for (uint32_t i = 0; i < literals.size(); ++i) {
      value.set_bit(i, literals[i] != 0 && solver_.value(literals[i]) == literals[i]);
    }
    return value;
  }

  Aig graph_;
  AigOps ops_;
  BitBlaster<AigOps> blaster_;
  Operand a_;
  Operand b_;
  sat::Solver solver_;
  aig::CnfEncoder encoder_{graph_, solver_};
  std::vector<int> output_literals_;
};

// Division by zero and min_signed / -1, then random operands.
std::vector<std::pair<BitVector, BitVector>> trial_operands(std::mt19937_64& rng, uint32_t width) {
  std::vector<std::pair<BitVector, BitVector>> operands = {{BitVector::from_uint64(width, 5), BitVector(width)},
                                                           {BitVector::min_signed(width), BitVector::ones(width)}};
  for (int i = 0; i < 12; ++i) {
    operands.emplace_back(to_bitvector(random_bits(rng, width)), to_bitvector(random_bits(rng, width)));
  }
  return operands;
}

// Each case on all-input operands, then twice on partly constant ones.
TEST(BitBlastAig, OperatorsMatchTheReferenceThroughSat) {
  std::mt19937_64 rng(4242);
  for (const uint32_t width : {4u, 8u}) {
    std::vector<Case<AigOps>> cases = operator_cases<AigOps>();
    for (Case<AigOps>& c : indexed_cases<AigOps>(width, {0, 1, width - 1}, {0, 1, width + 1})) {
      cases.push_back(std::move(c));
    }
    for (const Case<AigOps>& c : cases) {
      SCOPED_TRACE(c.name + " at width " + std::to_string(width));
      for (int round = 0; round < 3; ++round) {
        const Pattern a = round == 0 ? all_inputs(width) : partly_constant(rng, width);
        const Pattern b = round == 0 ? all_inputs(width) : partly_constant(rng, width);
        Circuit circuit(c, a, b);
        for (const auto& [random_x, random_y] : trial_operands(rng, width)) {
          const auto [x, y] = circuit.conform(random_x, random_y);
          ASSERT_EQ(circuit.evaluate(x, y), c.reference(x, y)) << "on " << x.to_smtlib() << " " << y.to_smtlib();
        }
      }
    }
  }
}

TEST(BitBlastAig, PredicatesTakeEachValueExactlyWhenTheReferenceCan) {
  constexpr uint32_t kWidth = 4;
  int predicates = 0;
  for (const Case<AigOps>& c : operator_cases<AigOps>()) {
    if (c.reference(BitVector(kWidth), BitVector(kWidth)).width() != 1) continue;
    ++predicates;
    SCOPED_TRACE(c.name);
    bool reachable[2] = {false, false};
    for (uint64_t x = 0; x < 16; ++x) {
      for (uint64_t y = 0; y < 16; ++y) {
        reachable[c.reference(BitVector::from_uint64(kWidth, x), BitVector::from_uint64(kWidth, y)).bit(0)] = true;
      }
    }
    Circuit circuit(c, all_inputs(kWidth), all_inputs(kWidth));
    for (const bool value : {false, true}) {
      const auto found = circuit.find_operands(value);
      ASSERT_EQ(found.has_value(), reachable[value]) << "value " << value;
      if (found) {
        EXPECT_EQ(c.reference(found->first, found->second).bit(0), value);
      }
    }
  }
  EXPECT_EQ(predicates, 18);  // bvcomp, =, 8 comparisons, 8 overflow predicates
}

// AND nodes of one operator's 32-bit circuit on fresh inputs.
uint32_t and_count(const char* name) {
  for (const Case<AigOps>& c : operator_cases<AigOps>()) {
    if (c.name != name) continue;
    Aig graph;
    AigOps ops(graph);
    BitBlaster<AigOps> blaster(ops);
    c.blast(blaster, make_inputs(graph, 32), make_inputs(graph, 32));
    return graph.num_nodes() - 1 - graph.input_count();
  }
  ADD_FAILURE() << "no case " << name;
  return 0;
}

TEST(BitBlastAig, SizesOf32BitCircuits) {
  const uint32_t add = and_count("bvadd");
  const uint32_t mul = and_count("bvmul");
  const uint32_t udiv = and_count("bvudiv");
  std::cout << "32-bit AND nodes: bvadd " << add << ", bvmul " << mul << ", bvudiv/bvurem " << udiv << "\n";
  // At most eight ANDs per full adder, and seven in the multiplier (two
  // half adders sharing their carries with their sums, and an OR): its 528
  // partial products and 496 adder cells; the divider's 528 subtractor
  // cells and multiplexers (three ANDs each), where a square array would
  // need twice.
  EXPECT_LE(add, 8u * 32);
  EXPECT_LE(mul, 528u + 7u * 496);
  EXPECT_LE(udiv, 11u * 528 + 64);
}

}  // namespace
}  // namespace wang::bv::testing
