// Test helpers for AIGs: bit-parallel simulation, exhaustive truth tables,
// and random circuits that can be built in two structurally different but
// equivalent ways (for miters).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "aig/aig.hpp"

namespace wang::testing {

using aig::Aig;
using aig::Edge;

// The value of every node for 64 input assignments at once, bit k of each
// word belonging to assignment k.  Node numbers are a topological order.
inline std::vector<uint64_t> simulate(const Aig& graph, const std::function<uint64_t(uint32_t)>& input_word) {
  std::vector<uint64_t> values(graph.num_nodes(), 0);
  const auto edge_word = [&values](Edge edge) {
    return aig::is_negated(edge) ? ~values[aig::node_of(edge)] : values[aig::node_of(edge)];
  };
  for (uint32_t node = 1; node < graph.num_nodes(); ++node) {
    values[node] =
        graph.is_input(node) ? input_word(node) : edge_word(graph.child0(node)) & edge_word(graph.child1(node));
  }
  return values;
}

inline uint64_t word_of(const std::vector<uint64_t>& values, Edge edge) {
  const uint64_t word = values[aig::node_of(edge)];
  return aig::is_negated(edge) ? ~word : word;
}

// Simulation under every assignment of `inputs`, 64 per block; input i is
// bit i of the assignment number.  With fewer than six inputs the words
// repeat assignments, which does no harm.
class TruthTables {
 public:
  TruthTables(const Aig& graph, std::span<const Edge> inputs) {
    std::vector<int> index(graph.num_nodes(), -1);
    for (size_t i = 0; i < inputs.size(); ++i) index[aig::node_of(inputs[i])] = static_cast<int>(i);
    const size_t blocks = inputs.size() <= 6 ? 1 : size_t{1} << (inputs.size() - 6);
    for (size_t block = 0; block < blocks; ++block) {
      blocks_.push_back(simulate(graph, [&](uint32_t node) { return input_word(index[node], block); }));
    }
  }

  // Whether some assignment makes all `edges` true.
  bool satisfiable(std::span<const Edge> edges) const {
    for (const std::vector<uint64_t>& values : blocks_) {
      uint64_t all = ~uint64_t{0};
      for (Edge edge : edges) all &= word_of(values, edge);
      if (all != 0) return true;
    }
    return false;
  }
  bool satisfiable(Edge edge) const { return satisfiable(std::span<const Edge>(&edge, 1)); }

  bool equivalent(Edge a, Edge b) const {
    for (const std::vector<uint64_t>& values : blocks_) {
      if (word_of(values, a) != word_of(values, b)) return false;
    }
    return true;
  }

  // The value of `edge` under assignment number `assignment`.
  bool value(Edge edge, size_t assignment) const {
    return (word_of(blocks_[assignment / 64], edge) >> (assignment % 64) & 1) != 0;
  }

 private:
  static uint64_t input_word(int input, size_t block) {
    static constexpr uint64_t kPatterns[6] = {0xAAAAAAAAAAAAAAAAull, 0xCCCCCCCCCCCCCCCCull, 0xF0F0F0F0F0F0F0F0ull,
                                              0xFF00FF00FF00FF00ull, 0xFFFF0000FFFF0000ull, 0xFFFFFFFF00000000ull};
    if (input < 0) return 0;
    if (input < 6) return kPatterns[input];
    return (block >> (input - 6) & 1) != 0 ? ~uint64_t{0} : 0;
  }

  std::vector<std::vector<uint64_t>> blocks_;
};

// A random circuit as a program over signals: signals 0..inputs-1 are the
// inputs, then one per gate, each gate reading earlier signals, possibly
// negated.
enum class Op { kAnd, kOr, kXor, kXnor, kIte };

inline bool apply(Op op, bool x, bool y, bool z) {
  switch (op) {
    case Op::kAnd: return x && y;
    case Op::kOr: return x || y;
    case Op::kXor: return x != y;
    case Op::kXnor: return x == y;
    case Op::kIte: return x ? y : z;
  }
  return false;
}

struct Operand {
  uint32_t signal;
  bool negated;
};

struct Gate {
  Op op;
  Operand operands[3];
};

struct Program {
  uint32_t inputs;
  std::vector<Gate> gates;
};

inline Program random_program(std::mt19937_64& rng, uint32_t inputs, uint32_t gates) {
  Program program{inputs, {}};
  for (uint32_t g = 0; g < gates; ++g) {
    const uint32_t signals = inputs + g;
    Gate gate{static_cast<Op>(rng() % 5), {}};
    for (Operand& operand : gate.operands) {
      // Mostly recent signals, so that cones get deep, sometimes any.
      const uint32_t window = std::min<uint32_t>(signals, 24);
      operand.signal =
          rng() % 4 == 0 ? static_cast<uint32_t>(rng() % signals) : signals - 1 - static_cast<uint32_t>(rng() % window);
      operand.negated = rng() % 2 == 0;
    }
    program.gates.push_back(gate);
  }
  return program;
}

// Builds `program` over `inputs` and returns every signal.  The alternative
// construction builds xor, xnor and ite from different ANDs than the Aig's
// own gates, so both versions are equivalent but share few nodes.
inline std::vector<Edge> build(Aig& graph, const Program& program, std::span<const Edge> inputs, bool alternative) {
  std::vector<Edge> signals(inputs.begin(), inputs.end());
  for (const Gate& gate : program.gates) {
    Edge x[3];
    for (int i = 0; i < 3; ++i) {
      const Edge edge = signals[gate.operands[i].signal];
      x[i] = gate.operands[i].negated ? aig::negate(edge) : edge;
    }
    const auto alt_xor = [&graph](Edge a, Edge b) {
      return graph.make_or(graph.make_and(a, aig::negate(b)), graph.make_and(aig::negate(a), b));
    };
    Edge result = aig::kFalse;
    switch (gate.op) {
      case Op::kAnd: result = graph.make_and(x[0], x[1]); break;
      case Op::kOr: result = graph.make_or(x[0], x[1]); break;
      case Op::kXor: result = alternative ? alt_xor(x[0], x[1]) : graph.make_xor(x[0], x[1]); break;
      case Op::kXnor: result = alternative ? aig::negate(alt_xor(x[0], x[1])) : graph.make_xnor(x[0], x[1]); break;
      case Op::kIte:
        result = alternative ? graph.make_and(graph.make_or(aig::negate(x[0]), x[1]), graph.make_or(x[0], x[2]))
                             : graph.make_ite(x[0], x[1], x[2]);
        break;
    }
    signals.push_back(result);
  }
  return signals;
}

inline std::vector<Edge> make_inputs(Aig& graph, uint32_t count) {
  std::vector<Edge> inputs;
  for (uint32_t i = 0; i < count; ++i) inputs.push_back(graph.make_input());
  return inputs;
}

}  // namespace wang::testing
