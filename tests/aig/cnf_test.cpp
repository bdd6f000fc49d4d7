// The CNF encoder, checked through the SAT core: every model is evaluated
// on the graph, every UNSAT answer is confirmed by brute force over the
// inputs.  Roots include miters of two differently built copies of a
// circuit, which are unsatisfiable, so both answers are exercised.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

#include "aig/cnf.hpp"
#include "aig/support.hpp"
#include "wang/sat.hpp"

namespace wang::testing {
namespace {

using aig::CnfEncoder;
using aig::negate;
using aig::node_of;

struct Counts {
  int sat = 0;
  int unsat = 0;
};

// Node values under the model's inputs (inputs without a variable are
// false), in bit 0 of each word.
std::vector<uint64_t> model_values(const Aig& graph, const CnfEncoder& encoder, const sat::Solver& solver) {
  return simulate(graph, [&](uint32_t node) -> uint64_t {
    const std::optional<int> variable = encoder.input_variable(node);
    return variable && solver.value(*variable) > 0 ? 1 : 0;
  });
}

// A model must make every root true; UNSAT must mean no input assignment does.
void check_answer(sat::Result result, const sat::Solver& solver, const CnfEncoder& encoder, const Aig& graph,
                  const TruthTables& tables, std::span<const Edge> roots, Counts& counts) {
  ASSERT_NE(result, sat::Result::unknown);
  if (result == sat::Result::satisfiable) {
    ++counts.sat;
    const std::vector<uint64_t> values = model_values(graph, encoder, solver);
    for (const Edge root : roots) ASSERT_EQ(word_of(values, root) & 1, 1u) << "root " << root << " is false";
  } else {
    ++counts.unsat;
    ASSERT_FALSE(tables.satisfiable(roots)) << "UNSAT but some input assignment satisfies the roots";
  }
}

// A random circuit built twice, plainly and in the alternative way.
struct TwoCopies {
  Aig graph;
  std::vector<Edge> inputs;
  std::vector<Edge> plain;
  std::vector<Edge> alternative;

  TwoCopies(std::mt19937_64& rng, uint32_t input_count, uint32_t gates) {
    inputs = make_inputs(graph, input_count);
    const Program program = random_program(rng, input_count, gates);
    plain = build(graph, program, inputs, false);
    alternative = build(graph, program, inputs, true);
  }

  // A random root: a miter of one signal (unsatisfiable), a miter of two
  // different signals, or a signal; in a random polarity.
  Edge random_root(std::mt19937_64& rng) {
    const size_t i = rng() % plain.size();
    const size_t j = rng() % plain.size();
    Edge root = 0;
    switch (rng() % 4) {
      case 0: root = graph.make_xor(plain[i], alternative[i]); break;
      case 1: root = graph.make_xor(plain[i], alternative[j]); break;
      default: root = rng() % 2 == 0 ? plain[i] : alternative[i]; break;
    }
    return root ^ static_cast<Edge>(rng() & 1);
  }
};

TEST(CnfEncoder, SingleRootsAgreeWithBruteForce) {
  std::mt19937_64 rng(101);
  Counts counts;
  for (int circuit = 0; circuit < 12; ++circuit) {
    TwoCopies copies(rng, 10, 300);
    std::vector<Edge> roots;
    for (int r = 0; r < 16; ++r) roots.push_back(copies.random_root(rng));
    const TruthTables tables(copies.graph, copies.inputs);
    for (const Edge root : roots) {
      for (const Edge asserted : {root, negate(root)}) {
        sat::Solver solver;
        CnfEncoder encoder(copies.graph, solver);
        solver.add_clause(std::vector<int>{encoder.literal(asserted)});
        check_answer(solver.solve(), solver, encoder, copies.graph, tables, std::span(&asserted, 1), counts);
        if (HasFatalFailure()) return;
      }
    }
  }
  EXPECT_GT(counts.sat, 100);
  EXPECT_GT(counts.unsat, 30);
}

TEST(CnfEncoder, SeveralRootsAtOnce) {
  std::mt19937_64 rng(202);
  Counts counts;
  for (int circuit = 0; circuit < 40; ++circuit) {
    TwoCopies copies(rng, 10, 300);
    for (int round = 0; round < 4; ++round) {
      std::vector<Edge> roots;
      const int count = 2 + static_cast<int>(rng() % 4);
      for (int r = 0; r < count; ++r) roots.push_back(copies.random_root(rng));
      // Sometimes a root together with the negation of its other copy.
      if (rng() % 3 == 0) {
        const size_t i = rng() % copies.plain.size();
        roots.push_back(copies.plain[i]);
        roots.push_back(negate(copies.alternative[i]));
      }
      const TruthTables tables(copies.graph, copies.inputs);
      sat::Solver solver;
      CnfEncoder encoder(copies.graph, solver);
      for (const Edge root : roots) solver.add_clause(std::vector<int>{encoder.literal(root)});
      check_answer(solver.solve(), solver, encoder, copies.graph, tables, roots, counts);
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GT(counts.sat, 20);
  EXPECT_GT(counts.unsat, 20);
}

// The case polarity tracking exists for: a node is first encoded only for
// its positive use, then a second assertion needs it negatively.  Without
// the missing half, the second model could make the node's variable false
// while the node itself evaluates to true.
TEST(CnfEncoder, LaterRootNeedsTheOtherPolarityOfASharedNode) {
  std::mt19937_64 rng(303);
  Counts counts;
  for (int circuit = 0; circuit < 60; ++circuit) {
    TwoCopies copies(rng, 10, 200);
    // An edge to a shared AND, mostly true, so that a missing half shows.
    Edge shared = aig::kFalse;
    {
      const TruthTables tables(copies.graph, copies.inputs);
      for (int attempt = 0; attempt < 100 && shared == aig::kFalse; ++attempt) {
        const Edge candidate = aig::unnegated(copies.plain[rng() % copies.plain.size()]);
        if (!copies.graph.is_and(node_of(candidate))) continue;
        int ones = 0;
        for (size_t a = 0; a < 1024; ++a) ones += tables.value(candidate, a);
        if (ones > 512 && ones < 1024) shared = candidate;
        if (ones < 512 && ones > 0) shared = negate(candidate);
      }
    }
    ASSERT_NE(shared, aig::kFalse);
    // Fresh inputs as the other operands, so that no rule of `make_and` can
    // look through `shared`.
    const Edge x = copies.graph.make_input();
    const Edge y = copies.graph.make_input();
    const Edge first = copies.graph.make_or(shared, x);
    const Edge second = copies.graph.make_and(negate(shared), y);
    copies.inputs.push_back(x);
    copies.inputs.push_back(y);
    const TruthTables tables(copies.graph, copies.inputs);

    sat::Solver solver;
    CnfEncoder encoder(copies.graph, solver);
    solver.add_clause(std::vector<int>{encoder.literal(first)});
    check_answer(solver.solve(), solver, encoder, copies.graph, tables, std::span(&first, 1), counts);
    const uint64_t clauses_before = encoder.statistics().clauses;
    solver.add_clause(std::vector<int>{encoder.literal(second)});
    // Two clauses for `second`, at least one for the other half of `shared`.
    EXPECT_GE(encoder.statistics().clauses, clauses_before + 3);
    const Edge both[] = {first, second};
    check_answer(solver.solve(), solver, encoder, copies.graph, tables, both, counts);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(counts.sat, 60);
}

TEST(CnfEncoder, AssumptionsAcrossIncrementalCalls) {
  std::mt19937_64 rng(404);
  Counts counts;
  for (int circuit = 0; circuit < 20; ++circuit) {
    TwoCopies copies(rng, 10, 300);
    std::vector<std::vector<Edge>> calls;
    for (int call = 0; call < 12; ++call) {
      std::vector<Edge> assumed;
      const int count = 1 + static_cast<int>(rng() % 4);
      for (int i = 0; i < count; ++i) assumed.push_back(copies.random_root(rng));
      calls.push_back(assumed);
    }
    const TruthTables tables(copies.graph, copies.inputs);
    sat::Solver solver;
    CnfEncoder encoder(copies.graph, solver);
    for (const std::vector<Edge>& assumed : calls) {
      std::vector<int> literals;
      for (const Edge edge : assumed) literals.push_back(encoder.literal(edge));
      for (const int literal : literals) solver.assume(literal);
      const sat::Result result = solver.solve();
      check_answer(result, solver, encoder, copies.graph, tables, assumed, counts);
      if (HasFatalFailure()) return;
      if (result != sat::Result::unsatisfiable) continue;
      // The failed assumptions alone must be unsatisfiable on the graph.
      std::vector<Edge> failed;
      for (size_t i = 0; i < assumed.size(); ++i) {
        if (solver.failed(literals[i])) failed.push_back(assumed[i]);
      }
      ASSERT_FALSE(tables.satisfiable(failed));
    }
  }
  EXPECT_GT(counts.sat, 50);
  EXPECT_GT(counts.unsat, 20);
}

// Every input assignment, fixed by assumptions: each equivalent literal must
// take exactly the value of its edge, in both directions.
TEST(CnfEncoder, LiteralEquivalentTakesTheValueOfItsEdge) {
  std::mt19937_64 rng(505);
  for (int circuit = 0; circuit < 20; ++circuit) {
    TwoCopies copies(rng, 6, 120);
    std::vector<Edge> edges;
    for (int i = 0; i < 10; ++i) edges.push_back(copies.random_root(rng));
    const TruthTables tables(copies.graph, copies.inputs);
    sat::Solver solver;
    CnfEncoder encoder(copies.graph, solver);
    // One-sided encodings first, so that some nodes are upgraded later.
    for (int i = 0; i < 4; ++i) encoder.literal(edges[rng() % edges.size()]);
    std::vector<int> input_literals;
    for (const Edge input : copies.inputs) input_literals.push_back(encoder.input_literal(input));
    std::vector<int> literals;
    for (const Edge edge : edges) literals.push_back(encoder.literal_equivalent(edge));
    for (size_t assignment = 0; assignment < 64; ++assignment) {
      for (size_t i = 0; i < input_literals.size(); ++i) {
        solver.assume((assignment >> i & 1) != 0 ? input_literals[i] : -input_literals[i]);
      }
      ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
      for (size_t i = 0; i < edges.size(); ++i) {
        ASSERT_EQ(solver.value(literals[i]) == literals[i], tables.value(edges[i], assignment))
            << "circuit " << circuit << " assignment " << assignment << " edge " << edges[i];
      }
    }
  }
}

TEST(CnfEncoder, EachHalfIsAddedOnce) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge g = graph.make_and(a, b);
  sat::Solver solver;
  CnfEncoder encoder(graph, solver);

  const int positive = encoder.literal(g);
  EXPECT_EQ(encoder.statistics().variables, 3u);
  EXPECT_EQ(encoder.statistics().clauses, 2u);  // g -> a, g -> b
  EXPECT_EQ(encoder.literal(g), positive);
  EXPECT_EQ(encoder.statistics().clauses, 2u);
  EXPECT_EQ(encoder.literal(negate(g)), -positive);
  EXPECT_EQ(encoder.statistics().clauses, 3u);  // a & b -> g
  EXPECT_EQ(encoder.literal_equivalent(g), positive);
  EXPECT_EQ(encoder.literal_equivalent(negate(g)), -positive);
  EXPECT_EQ(encoder.statistics().clauses, 3u);
  EXPECT_EQ(encoder.statistics().variables, 3u);

  // The negative half alone, then the positive one.
  const Edge h = graph.make_and(negate(a), b);
  encoder.literal(negate(h));
  EXPECT_EQ(encoder.statistics().clauses, 4u);
  encoder.literal(h);
  EXPECT_EQ(encoder.statistics().clauses, 6u);
}

TEST(CnfEncoder, ConstantsUseOneVariableForcedTrue) {
  Aig graph;
  sat::Solver solver;
  CnfEncoder encoder(graph, solver);
  std::vector<std::vector<int>> clauses;
  encoder.set_clause_observer([&](std::span<const int> clause) { clauses.emplace_back(clause.begin(), clause.end()); });
  const int truth = encoder.literal(aig::kTrue);
  EXPECT_GT(truth, 0);
  EXPECT_EQ(encoder.literal(aig::kFalse), -truth);
  EXPECT_EQ(encoder.literal_equivalent(aig::kTrue), truth);
  ASSERT_EQ(clauses, (std::vector<std::vector<int>>{{truth}}));
  EXPECT_EQ(encoder.statistics().variables, 1u);

  solver.assume(encoder.literal(aig::kTrue));
  EXPECT_EQ(solver.solve(), sat::Result::satisfiable);
  solver.assume(encoder.literal(aig::kFalse));
  EXPECT_EQ(solver.solve(), sat::Result::unsatisfiable);
}

// The observer sees exactly the clauses given to the solver: replaying them
// into a second solver gives the same answers.
TEST(CnfEncoder, ObserverSeesEveryClause) {
  std::mt19937_64 rng(606);
  for (int circuit = 0; circuit < 20; ++circuit) {
    TwoCopies copies(rng, 10, 200);
    std::vector<Edge> roots;
    for (int r = 0; r < 3; ++r) roots.push_back(copies.random_root(rng));
    sat::Solver solver;
    CnfEncoder encoder(copies.graph, solver);
    std::vector<std::vector<int>> clauses;
    encoder.set_clause_observer(
        [&](std::span<const int> clause) { clauses.emplace_back(clause.begin(), clause.end()); });
    std::vector<int> units = {encoder.literal(roots[0]), encoder.literal_equivalent(roots[1]),
                              encoder.literal(negate(roots[2]))};
    EXPECT_EQ(encoder.statistics().clauses, clauses.size());
    int max_variable = 0;
    for (const std::vector<int>& clause : clauses) {
      for (const int literal : clause) max_variable = std::max(max_variable, std::abs(literal));
    }
    EXPECT_EQ(static_cast<uint64_t>(max_variable), encoder.statistics().variables);

    sat::Solver replay;
    for (const std::vector<int>& clause : clauses) replay.add_clause(clause);
    for (const int unit : units) {
      solver.add_clause(std::vector<int>{unit});
      replay.add_clause(std::vector<int>{unit});
    }
    ASSERT_EQ(solver.solve(), replay.solve()) << "circuit " << circuit;
  }
}

TEST(CnfEncoder, InputVariables) {
  Aig graph;
  const Edge a = graph.make_input();
  const Edge b = graph.make_input();
  const Edge unused = graph.make_input();
  const Edge g = graph.make_and(a, negate(b));
  sat::Solver solver;
  solver.add_clause(std::vector<int>{1, -7});
  CnfEncoder encoder(graph, solver);

  EXPECT_EQ(encoder.input_variable(node_of(a)), std::nullopt);
  const int literal = encoder.literal(g);
  EXPECT_GT(literal, 7);  // above the variables the solver already has
  const std::optional<int> va = encoder.input_variable(node_of(a));
  const std::optional<int> vb = encoder.input_variable(node_of(b));
  ASSERT_TRUE(va && vb);
  EXPECT_GT(*va, 7);
  EXPECT_EQ(encoder.input_literal(negate(b)), -*vb);
  EXPECT_EQ(encoder.input_variable(node_of(unused)), std::nullopt);
  EXPECT_THROW(encoder.input_variable(node_of(g)), std::invalid_argument);
  EXPECT_THROW(encoder.input_literal(g), std::invalid_argument);

  // Variables for other clients never collide with the encoder's.
  const int mine = encoder.new_variable();
  EXPECT_GT(mine, std::max({literal, *va, *vb}));
  EXPECT_GT(encoder.input_literal(unused), mine);

  solver.add_clause(std::vector<int>{literal});
  ASSERT_EQ(solver.solve(), sat::Result::satisfiable);
  EXPECT_GT(solver.value(*va), 0);
  EXPECT_LT(solver.value(*vb), 0);
}

}  // namespace
}  // namespace wang::testing
