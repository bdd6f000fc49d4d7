// Cones far deeper than a call stack could follow by recursion: the encoder
// must work iteratively (this test also runs under AddressSanitizer, whose
// larger frames make any recursion overflow sooner).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <vector>

#include "aig/cnf.hpp"
#include "aig/support.hpp"
#include "wang/sat.hpp"

namespace wang::testing {
namespace {

using aig::CnfEncoder;
using aig::node_of;

constexpr int kLevels = 100000;

uint32_t depth_of(const Aig& graph, Edge edge) {
  std::vector<uint32_t> depth(graph.num_nodes(), 0);
  for (uint32_t node = 1; node < graph.num_nodes(); ++node) {
    if (graph.is_and(node)) {
      depth[node] = 1 + std::max(depth[node_of(graph.child0(node))], depth[node_of(graph.child1(node))]);
    }
  }
  return depth[node_of(edge)];
}

bool model_value(const Aig& graph, const CnfEncoder& encoder, const sat::Solver& solver, Edge edge) {
  const std::vector<uint64_t> values = simulate(graph, [&](uint32_t node) -> uint64_t {
    const std::optional<int> variable = encoder.input_variable(node);
    return variable && solver.value(*variable) > 0 ? 1 : 0;
  });
  return (word_of(values, edge) & 1) != 0;
}

TEST(DeepCone, AndXorChainOfAHundredThousandLevels) {
  std::mt19937_64 rng(808);
  Aig graph;
  // A fresh input per level: with reused inputs the rules of `make_and`
  // would now and then collapse the chain.
  Edge chain = graph.make_input();
  for (int level = 0; level < kLevels; ++level) {
    const Edge input = graph.make_input() ^ static_cast<Edge>(rng() & 1);
    chain = level % 2 == 0 ? graph.make_xor(chain, input) : graph.make_and(chain, input);
  }
  ASSERT_GE(depth_of(graph, chain), static_cast<uint32_t>(kLevels));

  sat::Solver solver;
  CnfEncoder encoder(graph, solver);
  solver.assume(encoder.literal(chain));
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_TRUE(model_value(graph, encoder, solver, chain));

  // Xors use their operands both ways, so the cone below the top xor already
  // has both halves; the root's own gate needs its other half.
  const uint64_t clauses = encoder.statistics().clauses;
  solver.assume(encoder.literal(aig::negate(chain)));
  EXPECT_GT(encoder.statistics().clauses, clauses);
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_FALSE(model_value(graph, encoder, solver, chain));
}

TEST(DeepCone, NegatedAndChainOfAHundredThousandInputs) {
  Aig graph;
  const std::vector<Edge> inputs = make_inputs(graph, kLevels);
  Edge chain = aig::kTrue;
  for (const Edge input : inputs) chain = graph.make_and(chain, input);
  ASSERT_EQ(depth_of(graph, chain), static_cast<uint32_t>(kLevels - 1));

  sat::Solver solver;
  CnfEncoder encoder(graph, solver);
  // The negative halves alone: some input false, but not this one.
  solver.assume(encoder.literal(aig::negate(chain)));
  solver.assume(encoder.input_literal(inputs[kLevels / 2]));
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_FALSE(model_value(graph, encoder, solver, chain));

  // All inputs true contradicts it.
  for (const Edge input : inputs) solver.assume(encoder.input_literal(input));
  solver.assume(encoder.literal(aig::negate(chain)));
  EXPECT_EQ(solver.solve(), sat::Result::unsatisfiable);
}

}  // namespace
}  // namespace wang::testing
