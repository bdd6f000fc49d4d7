// Real solver proofs from the `cadical` binary (skipped when it is not on
// PATH), checked as produced and after mutation.
//
// A mutated proof is not always invalid (dropping a lemma nobody uses
// changes nothing), so each mutation is judged one of two ways:
//  - guaranteed invalid by construction (a satisfiable formula, a hint id
//    that names nothing, a broken LRAT chain) must be rejected;
//  - otherwise it must be rejected, or accepted with an LRAT certificate
//    that the independent naive referee validates.
#include <gtest/gtest.h>

#include "check_support.hpp"

namespace wang::check::testing {
namespace {

struct Instance {
  std::string name;
  Formula formula;
  std::string drat;  // cadical's text DRAT proof
};

// Unsatisfiable instances with their cadical proofs; built once.
const std::vector<Instance>& instances() {
  static const std::vector<Instance> all = [] {
    std::vector<Instance> result;
    const auto dir = scratch_dir("cadical");
    auto add = [&](const std::string& name, const Formula& f) {
      if (run_cadical(f, dir, "proof.drat") == 20) result.push_back({name, f, read_file(dir / "proof.drat")});
    };
    // Random 3-SAT with 30 variables at ratio 5 is almost always unsat; the
    // seeds are fixed, and a satisfiable one is simply not used.
    for (uint32_t seed = 1; seed <= 6; ++seed) add("random3sat-" + std::to_string(seed), random_ksat(30, 150, 3, seed));
    add("pigeonhole-5-4", pigeonhole(5, 4));
    std::filesystem::remove_all(dir);
    return result;
  }();
  return all;
}

class CadicalProofs : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have_cadical()) GTEST_SKIP() << "cadical is not on PATH";
    ASSERT_GE(instances().size(), 3u) << "cadical produced too few unsat instances";
  }
};

// The lemma steps of a DRAT proof (indices into the step list).
std::vector<size_t> lemma_positions(const std::vector<Step>& steps) {
  std::vector<size_t> result;
  for (size_t i = 0; i < steps.size(); ++i)
    if (!steps[i].deletion && !steps[i].literals.empty()) result.push_back(i);
  return result;
}

// Up to `count` evenly spread elements.
template <typename T>
std::vector<T> sample(const std::vector<T>& all, size_t count) {
  std::vector<T> result;
  for (size_t k = 0; k < count && k < all.size(); ++k) result.push_back(all[k * all.size() / std::min(count, all.size())]);
  return result;
}

// Rejected, or accepted with a certificate the referee accepts.  Returns
// true when rejected.
bool rejected_or_certified(const Formula& f, const std::string& proof, const std::string& what) {
  const CheckOutcome out = check_string(f, proof);
  if (!out.verified) {
    EXPECT_FALSE(out.reason.empty()) << what;
    return true;
  }
  const std::string lrat = drat_to_lrat(f, proof);
  EXPECT_EQ(naive_lrat_check(f, lrat), "") << what << ": accepted without a valid certificate";
  return false;
}

TEST_F(CadicalProofs, ProofsVerifyInEveryEncoding) {
  for (const auto& inst : instances()) {
    SCOPED_TRACE(inst.name);
    const std::vector<Step> steps = parse_drat(inst.drat);
    const CheckOutcome text = check_string(inst.formula, inst.drat);
    EXPECT_TRUE(text.verified) << text.reason;
    EXPECT_EQ(text.format, ProofFormat::DratText);
    EXPECT_GT(text.lemmas_checked, 0);
    const CheckOutcome binary = check_string(inst.formula, write_drat_binary(steps));
    EXPECT_TRUE(binary.verified) << binary.reason;
    EXPECT_EQ(binary.format, ProofFormat::DratBinary);
    EXPECT_EQ(binary.lemmas_checked, text.lemmas_checked);

    // The certificate: valid for the referee and for the LRAT checker, in
    // both LRAT encodings.
    const std::string lrat = drat_to_lrat(inst.formula, inst.drat);
    ASSERT_FALSE(lrat.empty());
    EXPECT_EQ(naive_lrat_check(inst.formula, lrat), "");
    const CheckOutcome lrat_text = check_string(inst.formula, lrat);
    EXPECT_TRUE(lrat_text.verified) << lrat_text.reason;
    EXPECT_EQ(lrat_text.format, ProofFormat::LratText);
    const CheckOutcome lrat_binary = check_string(inst.formula, write_lrat_binary(parse_lrat(lrat)));
    EXPECT_TRUE(lrat_binary.verified) << lrat_binary.reason;
    EXPECT_EQ(lrat_binary.format, ProofFormat::LratBinary);
  }
}

TEST_F(CadicalProofs, BinaryProofFromCadicalItself) {
  const auto& inst = instances().front();
  const auto dir = scratch_dir("binary");
  write_file(dir / "f.cnf", to_dimacs(inst.formula));
  const std::string command =
      "cadical -q '" + (dir / "f.cnf").string() + "' '" + (dir / "p.drat").string() + "' > /dev/null 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 20);
  const CheckOutcome out = check_proof_files((dir / "f.cnf").string(), (dir / "p.drat").string());
  EXPECT_TRUE(out.verified) << out.reason;
  EXPECT_EQ(out.format, ProofFormat::DratBinary);
  std::filesystem::remove_all(dir);
}

// Guaranteed: a formula that is satisfiable has no refutation, so the proof
// of its unsatisfiable superset must be rejected, whatever the encoding.
TEST_F(CadicalProofs, ProofOfAnotherFormulaIsRejected) {
  const auto dir = scratch_dir("satisfiable");
  int tried = 0;
  for (const auto& inst : instances()) {
    SCOPED_TRACE(inst.name);
    Formula weaker = inst.formula;
    while (!weaker.empty() && run_cadical(weaker, dir) != 10) weaker.pop_back();
    ASSERT_FALSE(weaker.empty());
    ++tried;
    const std::vector<Step> steps = parse_drat(inst.drat);
    EXPECT_FALSE(check_string(weaker, inst.drat).verified);
    EXPECT_FALSE(check_string(weaker, write_drat_binary(steps)).verified);
    const std::string lrat = drat_to_lrat(inst.formula, inst.drat);
    EXPECT_FALSE(check_string(weaker, lrat).verified);
    EXPECT_FALSE(check_string(weaker, write_lrat_binary(parse_lrat(lrat))).verified);
    // Also with one clause removed from the middle (ids shift in LRAT).
    Formula middle = inst.formula;
    middle.erase(middle.begin() + static_cast<std::ptrdiff_t>(middle.size() / 2));
    if (run_cadical(middle, dir) == 10) {
      EXPECT_FALSE(check_string(middle, inst.drat).verified);
      EXPECT_FALSE(check_string(middle, lrat).verified);
    }
  }
  EXPECT_GT(tried, 0);
  std::filesystem::remove_all(dir);
}

TEST_F(CadicalProofs, DratMutations) {
  int rejected[4] = {0, 0, 0, 0};
  int total[4] = {0, 0, 0, 0};
  for (const auto& inst : instances()) {
    SCOPED_TRACE(inst.name);
    const std::vector<Step> steps = parse_drat(inst.drat);
    // Mutate lemmas of the verified core, where damage is most likely felt.
    std::set<Clause> core;
    for (const Step& s : parse_lrat(drat_to_lrat(inst.formula, inst.drat))) {
      Clause c = s.literals;
      std::sort(c.begin(), c.end());
      if (!s.deletion) core.insert(c);
    }
    std::vector<size_t> core_positions;
    for (const size_t i : lemma_positions(steps)) {
      Clause c = steps[i].literals;
      std::sort(c.begin(), c.end());
      if (core.count(c)) core_positions.push_back(i);
    }
    ASSERT_FALSE(core_positions.empty());
    for (const size_t i : sample(core_positions, 12)) {
      const std::string where = inst.name + " lemma at line " + std::to_string(i + 1);
      // 0: drop the last literal.
      {
        std::vector<Step> m = steps;
        m[i].literals.pop_back();
        rejected[0] += rejected_or_certified(inst.formula, write_drat(m), where + " dropped literal");
        ++total[0];
      }
      // 1: flip the first literal.
      {
        std::vector<Step> m = steps;
        m[i].literals[0] = -m[i].literals[0];
        rejected[1] += rejected_or_certified(inst.formula, write_drat(m), where + " flipped literal");
        ++total[1];
      }
      // 2: delete the lemma right after adding it.
      {
        std::vector<Step> m = steps;
        Step deletion = m[i];
        deletion.deletion = true;
        m.insert(m.begin() + static_cast<std::ptrdiff_t>(i) + 1, deletion);
        rejected[2] += rejected_or_certified(inst.formula, write_drat(m), where + " deleted at once");
        ++total[2];
      }
      // 3: cut the proof right after this lemma (no empty clause).
      {
        std::vector<Step> m(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        rejected[3] += rejected_or_certified(inst.formula, write_drat(m), where + " truncated");
        ++total[3];
      }
    }
  }
  // Mutating core lemmas of solver proofs must be caught most of the time;
  // a mutation class that is never rejected means the checker is blind.
  for (int k = 0; k < 4; ++k) {
    EXPECT_GT(rejected[k], 0) << "mutation " << k << ": " << rejected[k] << "/" << total[k];
    std::cout << "mutation " << k << ": rejected " << rejected[k] << " of " << total[k] << "\n";
  }
}

// LRAT mutations whose invalidity follows from how the certificate is built:
// every hint of a chain is needed (the implied literal is used by a later
// hint), so removing or corrupting one must break the chain, and each
// lemma literal that occurs in a hint clause is needed false.
TEST_F(CadicalProofs, LratMutationsAreRejected) {
  for (const auto& inst : instances()) {
    SCOPED_TRACE(inst.name);
    const std::vector<Step> steps = parse_lrat(drat_to_lrat(inst.formula, inst.drat));
    std::map<int64_t, Clause> clauses;
    for (size_t i = 0; i < inst.formula.size(); ++i) clauses[static_cast<int64_t>(i) + 1] = inst.formula[i];
    std::vector<size_t> additions;
    for (size_t i = 0; i < steps.size(); ++i) {
      if (!steps[i].deletion) {
        clauses[steps[i].id] = steps[i].literals;
        additions.push_back(i);
      }
    }
    auto expect_rejected = [&](const std::vector<Step>& m, const std::string& what) {
      const CheckOutcome text = check_string(inst.formula, write_lrat(m));
      EXPECT_FALSE(text.verified) << what;
      EXPECT_NE(naive_lrat_check(inst.formula, write_lrat(m)), "") << what;
      EXPECT_FALSE(check_string(inst.formula, write_lrat_binary(m)).verified) << what;
    };
    for (const size_t i : sample(additions, 10)) {
      const Step& s = steps[i];
      const std::string what = inst.name + " clause " + std::to_string(s.id);
      ASSERT_FALSE(s.hints.empty()) << what;
      // A hint naming no clause.
      {
        std::vector<Step> m = steps;
        m[i].hints[m[i].hints.size() / 2] = 1000000007;
        expect_rejected(m, what + " corrupt hint");
      }
      // A hint removed (first, middle, last).
      for (const size_t h : {size_t{0}, s.hints.size() / 2, s.hints.size() - 1}) {
        std::vector<Step> m = steps;
        m[i].hints.erase(m[i].hints.begin() + static_cast<std::ptrdiff_t>(h));
        expect_rejected(m, what + " hint " + std::to_string(h) + " removed");
      }
      // A literal that some hint needs false: dropped, then flipped.
      for (size_t k = 0; k < s.literals.size(); ++k) {
        const int literal = s.literals[k];
        const bool needed = std::any_of(s.hints.begin(), s.hints.end(), [&](int64_t h) {
          const Clause& c = clauses[h];
          return std::find(c.begin(), c.end(), literal) != c.end();
        });
        if (!needed) continue;
        std::vector<Step> dropped = steps;
        dropped[i].literals.erase(dropped[i].literals.begin() + static_cast<std::ptrdiff_t>(k));
        expect_rejected(dropped, what + " literal dropped");
        std::vector<Step> flipped = steps;
        flipped[i].literals[k] = -literal;
        expect_rejected(flipped, what + " literal flipped");
        break;
      }
      // Deleted right before the first clause whose hints use it.
      for (size_t j = i + 1; j < steps.size(); ++j) {
        if (steps[j].deletion) continue;
        if (std::find(steps[j].hints.begin(), steps[j].hints.end(), s.id) == steps[j].hints.end()) continue;
        std::vector<Step> m = steps;
        m.insert(m.begin() + static_cast<std::ptrdiff_t>(j), Step{true, 0, {}, {s.id}});
        expect_rejected(m, what + " deleted before use");
        break;
      }
    }
    // Without the empty clause.
    std::vector<Step> truncated = steps;
    ASSERT_TRUE(truncated.back().literals.empty());
    truncated.pop_back();
    expect_rejected(truncated, inst.name + " without the empty clause");
  }
}

}  // namespace
}  // namespace wang::check::testing
