// Thousands of small random formulas (fixed seeds): every answer is compared
// with brute force, every model is checked, and every refutation is run
// through the independent proof checker in all four proof formats.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "support/solve.hpp"

namespace wang::testing {
namespace {

struct Counts {
  int sat = 0;
  int unsat = 0;
};

// Solves `formula` and certifies the answer (solve_and_check: a model must
// satisfy it, a refutation must pass the proof checker).  With `variables`
// > 0 the answer is also compared with brute force.
void check_formula(const Formula& formula, int variables, const OptionList& config, sat::ProofFormat format,
                   Counts& counts, const std::string& label) {
  const CheckedSolve run = solve_and_check(formula, config, format);
  ASSERT_EQ(run.failure, "") << label;
  const bool satisfiable = run.result == sat::Result::satisfiable;
  if (variables > 0) {
    ASSERT_EQ(satisfiable, brute_force_satisfiable(formula, variables)) << label;
  }
  ++(satisfiable ? counts.sat : counts.unsat);
}

TEST(RandomFormulas, AgreeWithBruteForceAndProofsCheck) {
  const auto configs = search_configurations();
  Counts counts;
  std::mt19937_64 rng(20261126);
  for (int round = 0; round < 2000; ++round) {
    const int variables = 3 + static_cast<int>(rng() % 12);
    const int clauses = variables * 2 + static_cast<int>(rng() % (variables * 4));
    // Mostly longer clauses, an occasional unit: both answers are common.
    const Formula formula = random_formula(rng, variables, clauses, 4, round % 5 == 0 ? 1 : 2);
    const auto& config = configs[round % configs.size()];
    const auto format = kProofFormats[(round / configs.size()) % 4];
    check_formula(formula, variables, config, format, counts, "round " + std::to_string(round));
    if (HasFatalFailure()) return;
  }
  // Both answers must be well represented for the test to mean anything.
  EXPECT_GT(counts.sat, 300);
  EXPECT_GT(counts.unsat, 300);
}

// Formulas near the 3-SAT threshold, too large for brute force, need real
// search: many conflicts, restarts and reductions with small intervals.
// Their answers are certified by models and proofs alone.
TEST(RandomFormulas, ThresholdThreeSatWithShortSchedules) {
  const auto configs = search_configurations();
  Counts counts;
  std::mt19937_64 rng(7);
  for (int round = 0; round < 300; ++round) {
    const int variables = 40 + static_cast<int>(rng() % 40);
    const Formula formula = random_ksat(rng, variables, static_cast<int>(variables * 4.26), 3);
    const auto& config = configs[round % configs.size()];
    const auto format = round % 2 ? sat::ProofFormat::lrat_text : sat::ProofFormat::drat_text;
    check_formula(formula, 0, config, format, counts, "round " + std::to_string(round));
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(counts.sat, 50);
  EXPECT_GT(counts.unsat, 50);
}

// Chains of equivalences between random formulas: decompose must find and
// substitute them (else the test is not testing it), with checked models
// and proofs.
TEST(StructuredFormulas, EquivalenceCyclesAreSubstituted) {
  std::mt19937_64 rng(99);
  double substituted = 0;
  Counts counts;
  const sat::ProofFormat formats[] = {sat::ProofFormat::lrat_text, sat::ProofFormat::drat_text};
  for (int round = 0; round < 200; ++round) {
    const int variables = 10;
    Formula formula = random_formula(rng, variables, 25 + static_cast<int>(rng() % 15), 3, 2);
    // x1 -> x2 -> ... -> xk -> x1 with random signs, some cycles contradictory.
    const int length = 2 + static_cast<int>(rng() % 5);
    std::vector<int> cycle;
    for (int i = 0; i < length; ++i) cycle.push_back((1 + static_cast<int>(rng() % variables)) * (rng() % 2 ? 1 : -1));
    for (int i = 0; i < length; ++i) formula.push_back({-cycle[i], cycle[(i + 1) % length]});
    const CheckedSolve run = solve_and_check(formula, {}, formats[round % 2]);
    ASSERT_EQ(run.failure, "") << round;
    const bool satisfiable = run.result == sat::Result::satisfiable;
    ASSERT_EQ(satisfiable, brute_force_satisfiable(formula, variables)) << round;
    substituted += run.statistic("substituted");
    ++(satisfiable ? counts.sat : counts.unsat);
  }
  EXPECT_GT(substituted, 100);
  EXPECT_GT(counts.sat, 20);
  EXPECT_GT(counts.unsat, 20);
}

TEST(StructuredFormulas, PigeonholeRefutationsCheck) {
  for (int holes = 2; holes <= 6; ++holes) {
    for (auto format : {sat::ProofFormat::drat_text, sat::ProofFormat::lrat_binary}) {
      const CheckedSolve run = solve_and_check(pigeonhole(holes), {}, format);
      ASSERT_EQ(run.result, sat::Result::unsatisfiable) << holes;
      EXPECT_EQ(run.failure, "") << holes << " holes";
    }
  }
}

}  // namespace
}  // namespace wang::testing
