// The sub-solver of SAT sweeping (src/sat/subsolver.hpp) on small random
// formulas under random assumptions: each answer agrees with brute force,
// each model satisfies the clauses and the assumptions, each refutation is
// implied by the clauses and holds only negated assumptions, and every
// clause it derives passes the internal checker along the antecedents it
// names.
#include "sat/subsolver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "sat/checker.hpp"

namespace wang::sat {
namespace {

using LitList = std::vector<Lit>;

// Proof steps go to the checker, numbered after the originals.
class CheckedProof : public SubSolverProof {
 public:
  explicit CheckedProof(Checker& checker, ClauseId first) : checker_(checker), next_(first) {}
  ClauseId derive(std::span<const Lit> literals, std::span<const ClauseId> antecedents) override {
    checker_.add_derived(next_, literals, antecedents);
    ++steps;
    return next_++;
  }
  int steps = 0;

 private:
  Checker& checker_;
  ClauseId next_;
};

bool satisfies(const std::vector<bool>& model, const LitList& clause) {
  return std::any_of(clause.begin(), clause.end(), [&](Lit lit) { return model[var_of(lit)] != is_negative(lit); });
}

// Whether some assignment satisfies all clauses and literals in `units`.
bool brute_force_sat(Var variables, const std::vector<LitList>& clauses, const LitList& units) {
  for (uint32_t bits = 0; bits < (1u << variables); ++bits) {
    std::vector<bool> model(variables);
    for (Var var = 0; var < variables; ++var) model[var] = ((bits >> var) & 1u) != 0;
    const bool all =
        std::all_of(clauses.begin(), clauses.end(), [&](const LitList& c) { return satisfies(model, c); }) &&
        std::all_of(units.begin(), units.end(), [&](Lit lit) { return satisfies(model, {lit}); });
    if (all) return true;
  }
  return false;
}

TEST(SubSolver, AgreesWithBruteForceAndEveryStepChecks) {
  std::mt19937_64 rng(20261207);
  int sat = 0, unsat = 0, refuted_empty = 0, steps = 0;
  for (int round = 0; round < 400; ++round) {
    const Var variables = 4 + static_cast<Var>(rng() % 7);
    const int clause_count = 4 + static_cast<int>(rng() % (5 * variables));
    std::vector<LitList> clauses;
    for (int i = 0; i < clause_count; ++i) {
      LitList clause;
      const size_t size = 1 + rng() % 4;
      while (clause.size() < size) {
        const Lit lit = make_lit(static_cast<Var>(rng() % variables), (rng() & 1) != 0);
        if (std::find_if(clause.begin(), clause.end(), [&](Lit l) { return var_of(l) == var_of(lit); }) == clause.end())
          clause.push_back(lit);
      }
      clauses.push_back(clause);
    }
    Checker checker;
    for (size_t i = 0; i < clauses.size(); ++i) checker.add_original(i + 1, clauses[i]);
    CheckedProof proof(checker, clauses.size() + 1);
    SubSolver solver;
    solver.reset(variables, &proof, true);
    for (size_t i = 0; i < clauses.size(); ++i) solver.add_clause(clauses[i], i + 1);
    uint64_t phases = rng() | 1;
    // Several calls on one instance: learned clauses carry over.
    for (int call = 0; call < 4; ++call) {
      LitList assumptions;
      const size_t count = rng() % 3;
      while (assumptions.size() < count) {
        const Lit lit = make_lit(static_cast<Var>(rng() % variables), (rng() & 1) != 0);
        if (std::find_if(assumptions.begin(), assumptions.end(), [&](Lit l) { return var_of(l) == var_of(lit); }) ==
            assumptions.end())
          assumptions.push_back(lit);
      }
      solver.randomize_phases(phases);
      const SubSolver::Result result = solver.solve(assumptions, INT64_MAX);
      ASSERT_NE(result, SubSolver::Result::unknown);
      ASSERT_EQ(result == SubSolver::Result::sat, brute_force_sat(variables, clauses, assumptions)) << round;
      if (result == SubSolver::Result::sat) {
        ++sat;
        std::vector<bool> model(variables);
        for (Var var = 0; var < variables; ++var) model[var] = solver.value(make_lit(var, false)) == kTrue;
        for (const LitList& clause : clauses) ASSERT_TRUE(satisfies(model, clause)) << round;
        for (const Lit lit : assumptions) ASSERT_TRUE(satisfies(model, {lit})) << round;
        continue;
      }
      ++unsat;
      const LitList refutation(solver.refutation().begin(), solver.refutation().end());
      for (const Lit lit : refutation) {
        ASSERT_NE(std::find(assumptions.begin(), assumptions.end(), negate(lit)), assumptions.end()) << round;
      }
      // The refutation is implied: no model of the clauses falsifies it.
      LitList falsified;
      for (const Lit lit : refutation) falsified.push_back(negate(lit));
      ASSERT_FALSE(brute_force_sat(variables, clauses, falsified)) << round;
      if (refutation.empty()) {
        ++refuted_empty;
        checker.check_refutation();
        break;
      }
    }
    for (const Lit lit : solver.fixed()) solver.unit_id(lit);  // derives the units it lacks
    steps += proof.steps;
  }
  EXPECT_GT(sat, 0);
  EXPECT_GT(unsat, 0);
  EXPECT_GT(refuted_empty, 0);
  EXPECT_GT(steps, 0);
}

TEST(SubSolver, FlipKeepsAModel) {
  // x1 or x2, x2 or x3: from the model with all true, x1 and x3 can each
  // flip alone, x2 not once x1 is false.
  SubSolver solver;
  solver.reset(3, nullptr, false);
  const Lit x1 = make_lit(0, false), x2 = make_lit(1, false), x3 = make_lit(2, false);
  solver.add_clause(LitList{x1, x2}, 1);
  solver.add_clause(LitList{x2, x3}, 2);
  const LitList all_true = {x1, x2, x3};
  ASSERT_EQ(solver.solve(all_true, INT64_MAX), SubSolver::Result::sat);
  EXPECT_TRUE(solver.flip(x1));
  EXPECT_EQ(solver.value(x1), kFalse);
  EXPECT_FALSE(solver.flip(x2));
  EXPECT_EQ(solver.value(x2), kTrue);
  EXPECT_TRUE(solver.flip(x3));
  EXPECT_FALSE(solver.flip(x1));  // false already
}

}  // namespace
}  // namespace wang::sat
