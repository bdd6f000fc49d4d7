// The AIG itself: structural hashing, the simplification rules, and the
// derived gates, checked against exhaustive or random simulation.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "aig/support.hpp"

namespace wang::testing {
namespace {

using aig::kFalse;
using aig::kTrue;
using aig::negate;
using aig::node_of;

TEST(Aig, StartsWithTheConstantNode) {
  Aig graph;
  EXPECT_EQ(graph.num_nodes(), 1u);
  EXPECT_FALSE(graph.is_input(0));
  EXPECT_FALSE(graph.is_and(0));
  EXPECT_TRUE(aig::is_constant(kFalse));
  EXPECT_TRUE(aig::is_constant(kTrue));
  EXPECT_EQ(negate(kFalse), kTrue);

  const Edge x = graph.make_input();
  EXPECT_EQ(node_of(x), 1u);
  EXPECT_FALSE(aig::is_negated(x));
  EXPECT_FALSE(aig::is_constant(x));
  EXPECT_TRUE(graph.is_input(node_of(x)));
  EXPECT_FALSE(graph.is_and(node_of(x)));
  EXPECT_EQ(graph.input_count(), 1u);
  EXPECT_EQ(graph.num_nodes(), 2u);
}

TEST(Aig, StructuralHashingSharesEqualAnds) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge ab = graph.make_and(a, b);
  EXPECT_EQ(graph.make_and(b, a), ab);
  EXPECT_EQ(graph.num_nodes(), 4u);
  EXPECT_TRUE(graph.is_and(node_of(ab)));
  EXPECT_EQ(graph.child0(node_of(ab)), a);
  EXPECT_EQ(graph.child1(node_of(ab)), b);

  // Other polarities of the operands are other nodes.
  const Edge a_not_b = graph.make_and(a, negate(b));
  EXPECT_NE(node_of(a_not_b), node_of(ab));
  EXPECT_EQ(graph.make_and(negate(b), a), a_not_b);
  EXPECT_EQ(graph.num_nodes(), 5u);
  EXPECT_LT(graph.child0(node_of(a_not_b)), graph.child1(node_of(a_not_b)));
}

TEST(Aig, ConstantAndTrivialOperandsCreateNoNode) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge ab = graph.make_and(a, b);
  const uint32_t nodes = graph.num_nodes();
  for (const Edge x : {a, negate(a), ab, negate(ab)}) {
    EXPECT_EQ(graph.make_and(x, kFalse), kFalse);
    EXPECT_EQ(graph.make_and(kFalse, x), kFalse);
    EXPECT_EQ(graph.make_and(x, kTrue), x);
    EXPECT_EQ(graph.make_and(kTrue, x), x);
    EXPECT_EQ(graph.make_and(x, x), x);
    EXPECT_EQ(graph.make_and(x, negate(x)), kFalse);
    EXPECT_EQ(graph.make_and(negate(x), x), kFalse);
  }
  EXPECT_EQ(graph.make_and(kTrue, kTrue), kTrue);
  EXPECT_EQ(graph.make_and(kTrue, kFalse), kFalse);
  EXPECT_EQ(graph.num_nodes(), nodes);
}

TEST(Aig, TwoLevelRules) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge c = graph.make_input();
  const Edge ab = graph.make_and(a, b);
  const Edge not_a_c = graph.make_and(negate(a), c);
  const uint32_t nodes = graph.num_nodes();
  // idempotence
  EXPECT_EQ(graph.make_and(ab, a), ab);
  EXPECT_EQ(graph.make_and(b, ab), ab);
  // contradiction
  EXPECT_EQ(graph.make_and(ab, negate(a)), kFalse);
  EXPECT_EQ(graph.make_and(negate(b), ab), kFalse);
  EXPECT_EQ(graph.make_and(ab, not_a_c), kFalse);
  EXPECT_EQ(graph.make_and(not_a_c, ab), kFalse);
  // subsumption
  EXPECT_EQ(graph.make_and(negate(ab), negate(a)), negate(a));
  EXPECT_EQ(graph.make_and(negate(b), negate(ab)), negate(b));
  EXPECT_EQ(graph.num_nodes(), nodes);
  // No rule applies to !(a & b) & a, nor to two ANDs without opposite children.
  EXPECT_TRUE(graph.is_and(node_of(graph.make_and(negate(ab), a))));
  EXPECT_TRUE(graph.is_and(node_of(graph.make_and(ab, graph.make_and(b, c)))));
}

// Exhaustive check of every derived gate over operands that include the
// constants, inputs in both polarities and ANDs of them.
TEST(Aig, DerivedGatesComputeTheirFunction) {
  Aig graph;
  const std::vector<Edge> inputs = make_inputs(graph, 3);
  const Edge a = inputs[0];
  const Edge b = inputs[1];
  const Edge c = inputs[2];
  std::vector<Edge> operands = {kFalse, kTrue, graph.make_and(a, b), graph.make_and(negate(b), c)};
  for (const Edge x : {a, b, c}) operands.push_back(x);
  for (size_t i = 0, n = operands.size(); i < n; ++i) operands.push_back(negate(operands[i]));

  struct Built {
    Edge result;
    Op op;
    Edge x, y, z;
  };
  std::vector<Built> built;
  for (const Edge x : operands) {
    for (const Edge y : operands) {
      built.push_back({graph.make_and(x, y), Op::kAnd, x, y, x});
      built.push_back({graph.make_or(x, y), Op::kOr, x, y, x});
      built.push_back({graph.make_xor(x, y), Op::kXor, x, y, x});
      built.push_back({graph.make_xnor(x, y), Op::kXnor, x, y, x});
      built.push_back({graph.make_equiv(x, y), Op::kXnor, x, y, x});
      for (const Edge z : operands) built.push_back({graph.make_ite(x, y, z), Op::kIte, x, y, z});
    }
  }
  const TruthTables tables(graph, inputs);
  for (const Built& gate : built) {
    for (size_t assignment = 0; assignment < 8; ++assignment) {
      const bool want = apply(gate.op, tables.value(gate.x, assignment), tables.value(gate.y, assignment),
                              tables.value(gate.z, assignment));
      ASSERT_EQ(tables.value(gate.result, assignment), want)
          << "op " << static_cast<int>(gate.op) << " on " << gate.x << ", " << gate.y << ", " << gate.z;
    }
  }
}

TEST(Aig, DerivedGateShortcuts) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge c = graph.make_input();
  const uint32_t inputs_only = graph.num_nodes();
  EXPECT_EQ(graph.make_ite(kTrue, a, b), a);
  EXPECT_EQ(graph.make_ite(kFalse, a, b), b);
  EXPECT_EQ(graph.make_ite(c, a, a), a);
  EXPECT_EQ(graph.make_ite(c, kTrue, kFalse), c);
  EXPECT_EQ(graph.make_ite(c, kFalse, kTrue), negate(c));
  EXPECT_EQ(graph.make_ite(negate(c), kTrue, kFalse), negate(c));
  EXPECT_EQ(graph.make_xor(a, a), kFalse);
  EXPECT_EQ(graph.make_xor(a, negate(a)), kTrue);
  EXPECT_EQ(graph.make_xor(a, kFalse), a);
  EXPECT_EQ(graph.make_xor(kTrue, a), negate(a));
  EXPECT_EQ(graph.make_or(a, kTrue), kTrue);
  EXPECT_EQ(graph.make_or(a, kFalse), a);
  EXPECT_EQ(graph.make_or(a, negate(a)), kTrue);
  EXPECT_EQ(graph.num_nodes(), inputs_only);

  // Gates that differ only in negations share one structure.
  const Edge x = graph.make_xor(a, b);
  const uint32_t with_xor = graph.num_nodes();
  EXPECT_EQ(with_xor, inputs_only + 3);
  EXPECT_EQ(graph.make_xnor(a, b), negate(x));
  EXPECT_EQ(graph.make_xor(negate(a), b), negate(x));
  EXPECT_EQ(graph.make_xor(negate(b), negate(a)), x);
  const Edge ite = graph.make_ite(c, a, b);
  EXPECT_EQ(graph.make_ite(negate(c), b, a), ite);
  EXPECT_EQ(graph.make_ite(c, negate(a), negate(b)), negate(ite));
  EXPECT_EQ(graph.num_nodes(), with_xor + 3);
  // Ites with an operand tied to the condition need one AND.
  EXPECT_EQ(graph.make_ite(c, c, a), graph.make_or(c, a));
  EXPECT_EQ(graph.make_ite(c, a, c), graph.make_and(c, a));
  EXPECT_EQ(graph.make_ite(c, kFalse, a), graph.make_and(negate(c), a));
  EXPECT_EQ(graph.make_ite(c, a, negate(a)), graph.make_xnor(c, a));
}

TEST(Aig, WideAndOrAreBalanced) {
  Aig graph;
  EXPECT_EQ(graph.make_and_n({}), kTrue);
  EXPECT_EQ(graph.make_or_n({}), kFalse);
  const std::vector<Edge> inputs = make_inputs(graph, 100);
  EXPECT_EQ(graph.make_and_n(std::span(inputs).first(1)), inputs[0]);
  EXPECT_EQ(graph.make_or_n(std::span(inputs).first(1)), inputs[0]);
  const Edge all = graph.make_and_n(inputs);
  const Edge any = graph.make_or_n(inputs);

  std::vector<int> depth(graph.num_nodes(), 0);
  for (uint32_t node = 1; node < graph.num_nodes(); ++node) {
    if (graph.is_and(node)) {
      depth[node] = 1 + std::max(depth[node_of(graph.child0(node))], depth[node_of(graph.child1(node))]);
    }
  }
  EXPECT_EQ(depth[node_of(all)], 7);  // ceil(log2(100))
  EXPECT_EQ(depth[node_of(any)], 7);

  std::mt19937_64 rng(7);
  for (int round = 0; round < 50; ++round) {
    // Inputs mostly true, so that both outcomes of the AND occur.
    std::vector<uint64_t> words(graph.num_nodes());
    for (uint64_t& word : words) word = rng() | rng() | rng() | rng() | rng() | rng() | rng();
    if (round % 2 == 0) {
      for (uint64_t& word : words) word = ~word;
    }
    const std::vector<uint64_t> values = simulate(graph, [&](uint32_t node) { return words[node]; });
    uint64_t want_all = ~uint64_t{0};
    uint64_t want_any = 0;
    for (const Edge input : inputs) {
      want_all &= words[node_of(input)];
      want_any |= words[node_of(input)];
    }
    ASSERT_EQ(word_of(values, all), want_all);
    ASSERT_EQ(word_of(values, any), want_any);
  }

  const Edge with_false[] = {inputs[0], inputs[1], kFalse, inputs[2]};
  EXPECT_EQ(graph.make_and_n(with_false), kFalse);
  const Edge with_true[] = {inputs[0], kTrue, inputs[1]};
  EXPECT_EQ(graph.make_or_n(with_true), kTrue);
}

// Random gates of both constructions, each checked against the function it
// should compute; this exercises every rule of `make_and` on varied shapes.
TEST(Aig, RandomGatesComputeTheirFunction) {
  std::mt19937_64 rng(20240601);
  for (int round = 0; round < 20; ++round) {
    Aig graph;
    const std::vector<Edge> inputs = make_inputs(graph, 8);
    const Program program = random_program(rng, 8, 1500);
    const std::vector<Edge> signals = build(graph, program, inputs, round % 2 == 1);
    const TruthTables tables(graph, inputs);
    for (size_t g = 0; g < program.gates.size(); ++g) {
      const Gate& gate = program.gates[g];
      Edge x[3];
      for (int i = 0; i < 3; ++i) {
        const Edge edge = signals[gate.operands[i].signal];
        x[i] = gate.operands[i].negated ? negate(edge) : edge;
      }
      for (size_t assignment = 0; assignment < 256; ++assignment) {
        const bool want = apply(gate.op, tables.value(x[0], assignment), tables.value(x[1], assignment),
                                tables.value(x[2], assignment));
        ASSERT_EQ(tables.value(signals[program.inputs + g], assignment), want) << "round " << round << " gate " << g;
      }
    }
  }
}

// The invariants that `make_and` promises and the encoder relies on.
TEST(Aig, AndNodesHaveOrderedDistinctNonConstantChildren) {
  std::mt19937_64 rng(11);
  Aig graph;
  const std::vector<Edge> inputs = make_inputs(graph, 12);
  build(graph, random_program(rng, 12, 20000), inputs, false);
  build(graph, random_program(rng, 12, 20000), inputs, true);
  for (uint32_t node = 1; node < graph.num_nodes(); ++node) {
    if (!graph.is_and(node)) continue;
    const Edge left = graph.child0(node);
    const Edge right = graph.child1(node);
    ASSERT_FALSE(aig::is_constant(left));
    ASSERT_LT(left, right);
    ASSERT_NE(left, negate(right));
    ASSERT_LT(node_of(right), node);
    ASSERT_EQ(graph.make_and(right, left), aig::make_edge(node));
  }
}

// Enough nodes to grow the hash table many times; every AND must still be
// found afterwards.
TEST(Aig, HashingSurvivesTableGrowth) {
  std::mt19937_64 rng(3);
  Aig graph;
  std::vector<Edge> pool = make_inputs(graph, 1000);
  std::vector<std::pair<Edge, Edge>> requests;
  std::vector<Edge> results;
  for (int i = 0; i < 300000; ++i) {
    const Edge a = pool[rng() % pool.size()] ^ static_cast<Edge>(rng() & 1);
    const Edge b = pool[rng() % pool.size()] ^ static_cast<Edge>(rng() & 1);
    const Edge result = graph.make_and(a, b);
    requests.emplace_back(a, b);
    results.push_back(result);
    pool.push_back(result);
  }
  const uint32_t nodes = graph.num_nodes();
  EXPECT_GT(nodes, 250000u);
  for (size_t i = 0; i < requests.size(); ++i) {
    ASSERT_EQ(graph.make_and(requests[i].second, requests[i].first), results[i]) << i;
  }
  EXPECT_EQ(graph.num_nodes(), nodes);
}

}  // namespace
}  // namespace wang::testing
