// Random small proofs, judged against a naive reference written here from
// the definitions (repeated scans for unit propagation, no watches).
//
// Backward checking only checks the lemmas it needs, so "every lemma valid"
// (the naive forward view) implies acceptance but not conversely.  Soundness
// is therefore judged by the certificate instead: whenever wang-check
// accepts a DRAT proof, the LRAT it writes for the verified core must pass
// the naive LRAT referee.
#include <gtest/gtest.h>

#include "check_support.hpp"

namespace wang::check::testing {
namespace {

// Unit propagation to fixpoint; false on a conflict.
bool propagate(const Formula& f, std::set<int>& assignment) {
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& c : f) {
      int open = 0, unit = 0;
      bool satisfied = false;
      for (const int l : c) {
        if (assignment.count(l)) satisfied = true;
        if (!assignment.count(l) && !assignment.count(-l)) ++open, unit = l;
      }
      if (satisfied) continue;
      if (open == 0) return false;
      if (open == 1) {
        assignment.insert(unit);
        changed = true;
      }
    }
  }
  return true;
}

bool refutes(const Formula& f) {
  std::set<int> a;
  return !propagate(f, a);
}

bool rup(const Formula& f, const Clause& c) {
  std::set<int> a;
  for (const int l : c) {
    if (a.count(l)) return true;  // tautology
    a.insert(-l);
  }
  return !propagate(f, a);
}

bool rat(const Formula& f, const Clause& c) {
  if (c.empty()) return false;
  const int pivot = c[0];
  for (const auto& d : f) {
    if (std::find(d.begin(), d.end(), -pivot) == d.end()) continue;
    Clause resolvent = c;
    for (const int l : d)
      if (l != -pivot) resolvent.push_back(l);
    if (!rup(f, resolvent)) return false;
  }
  return true;
}

Clause random_clause(std::mt19937& rng, int variables, int min_size, int max_size) {
  std::uniform_int_distribution<int> size(min_size, max_size), var(1, variables);
  std::set<int> vars;
  const int n = std::min(size(rng), variables);
  while (static_cast<int>(vars.size()) < n) vars.insert(var(rng));
  Clause c;
  for (const int v : vars) c.push_back(rng() & 1 ? v : -v);
  std::shuffle(c.begin(), c.end(), rng);
  return c;
}

// Mostly 3-clauses near the satisfiability threshold, so that propagation
// alone rarely refutes the formula and proofs have work to do.
Formula random_formula(std::mt19937& rng, int variables) {
  Formula f;
  const int clauses = 4 * variables + static_cast<int>(rng() % (variables + 1));
  while (static_cast<int>(f.size()) < clauses) f.push_back(random_clause(rng, variables, rng() % 6 == 0 ? 2 : 3, 3));
  return f;
}

void expect_certified(const Formula& f, const std::string& proof, const CheckOutcome& out) {
  if (!out.verified) return;
  CheckOutcome again;
  const std::string lrat = drat_to_lrat(f, proof, &again);
  ASSERT_TRUE(again.verified);
  EXPECT_EQ(naive_lrat_check(f, lrat), "") << to_dimacs(f) << proof << "----\n" << lrat;
  const CheckOutcome lrat_out = check_string(f, lrat, ProofFormat::LratText);
  EXPECT_TRUE(lrat_out.verified) << lrat_out.reason << "\n" << to_dimacs(f) << proof << "----\n" << lrat;
}

// One lemma, then the empty clause: here the backward semantics is easy to
// state exactly.  The lemma is checked iff the formula alone does not
// propagate to a conflict but formula plus lemma does.
TEST(Differential, SingleLemmaMatchesDefinition) {
  std::mt19937 rng(12345);
  int accepted = 0, rat_tried = 0;
  for (int trial = 0; trial < 6000; ++trial) {
    const int variables = 4 + static_cast<int>(rng() % 5);
    const Formula f = random_formula(rng, variables);
    const Clause lemma = random_clause(rng, variables + 1, 0, 3);
    std::ostringstream proof;
    for (const int l : lemma) proof << l << ' ';
    proof << "0\n0\n";
    Formula with = f;
    with.push_back(lemma);
    const bool expected = refutes(f) || (refutes(with) && (rup(f, lemma) || rat(f, lemma)));
    const CheckOutcome out = check_string(f, proof.str());
    ASSERT_EQ(out.verified, expected) << to_dimacs(f) << proof.str() << out.reason;
    accepted += expected;
    rat_tried += out.rat_checks > 0;
    expect_certified(f, proof.str(), out);
  }
  // The generator must exercise both outcomes and RAT.
  EXPECT_GT(accepted, 100);
  EXPECT_GT(rat_tried, 100);
  std::cout << "accepted " << accepted << ", RAT tried " << rat_tried << "\n";
}

// Longer random proofs.  Without deletions, a proof whose every lemma (up
// to the first propagation conflict) is RUP or RAT must be accepted; with
// or without deletions, acceptance must come with a valid certificate.
TEST(Differential, RandomProofs) {
  std::mt19937 rng(777);
  int accepted = 0, forward_valid = 0, with_deletions = 0, with_rat = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    const int variables = 5 + static_cast<int>(rng() % 5);
    const Formula f = random_formula(rng, variables);
    const bool deletions = trial % 2 == 1;
    Formula current = f;
    std::vector<Step> steps;
    bool all_valid = true;
    bool conflict = refutes(current);
    for (int k = 0; k < 20 && !conflict; ++k) {
      if (deletions && !current.empty() && rng() % 4 == 0) {
        const size_t victim = rng() % current.size();
        steps.push_back({true, 0, current[victim], {}});
        current.erase(current.begin() + static_cast<std::ptrdiff_t>(victim));
        continue;
      }
      // Prefer lemmas that need RAT, then RUP ones, and let an arbitrary
      // one through now and then.
      Clause c, fallback;
      bool found = false;
      for (int attempt = 0; attempt < 12 && !found; ++attempt) {
        c = random_clause(rng, variables + 1, 1, 3);
        const bool is_rup = rup(current, c);
        found = !is_rup && rat(current, c);
        if (is_rup && fallback.empty()) fallback = c;
      }
      if (!found && !(fallback.empty() || rng() % 8 == 0)) c = fallback;
      all_valid = all_valid && (rup(current, c) || rat(current, c));
      steps.push_back({false, 0, c, {}});
      current.push_back(c);
      conflict = refutes(current);
    }
    steps.push_back({false, 0, {}, {}});
    const std::string proof = write_drat(steps);
    const CheckOutcome out = check_string(f, proof);
    if (!deletions && conflict && all_valid) {
      ++forward_valid;
      EXPECT_TRUE(out.verified) << to_dimacs(f) << proof << out.reason;
    }
    with_deletions += deletions && out.verified;
    accepted += out.verified;
    with_rat += out.verified && out.rat_checks > 0;
    expect_certified(f, proof, out);
    // The binary encoding must give the same verdict.
    EXPECT_EQ(check_string(f, write_drat_binary(steps)).verified, out.verified);
  }
  EXPECT_GT(forward_valid, 100);
  EXPECT_GT(with_deletions, 100);
  EXPECT_GT(accepted, 300);
  EXPECT_GT(with_rat, 20);
  std::cout << "accepted " << accepted << " (forward-valid " << forward_valid << ", with deletions "
            << with_deletions << ", using RAT " << with_rat << ")\n";
}

}  // namespace
}  // namespace wang::check::testing
