// Small CNF formulas for tests: random generators and brute force.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace wang::testing {

using Clause = std::vector<int>;
using Formula = std::vector<Clause>;

// Random clauses of mixed length min_length..max_length over `variables`
// variables, without repeated variables inside a clause.
inline Formula random_formula(std::mt19937_64& rng, int variables, int clauses, int max_length, int min_length = 1) {
  Formula formula;
  std::uniform_int_distribution<int> length_dist(min_length, max_length);
  std::uniform_int_distribution<int> var_dist(1, variables);
  std::bernoulli_distribution sign(0.5);
  for (int i = 0; i < clauses; ++i) {
    const int length = std::min(length_dist(rng), variables);
    Clause clause;
    while (static_cast<int>(clause.size()) < length) {
      const int var = var_dist(rng);
      bool repeated = false;
      for (int lit : clause) repeated |= (lit == var || lit == -var);
      if (!repeated) clause.push_back(sign(rng) ? var : -var);
    }
    formula.push_back(clause);
  }
  return formula;
}

// Uniform random k-SAT.
inline Formula random_ksat(std::mt19937_64& rng, int variables, int clauses, int k) {
  Formula formula;
  std::uniform_int_distribution<int> var_dist(1, variables);
  std::bernoulli_distribution sign(0.5);
  for (int i = 0; i < clauses; ++i) {
    Clause clause;
    while (static_cast<int>(clause.size()) < k) {
      const int var = var_dist(rng);
      bool repeated = false;
      for (int lit : clause) repeated |= (lit == var || lit == -var);
      if (!repeated) clause.push_back(sign(rng) ? var : -var);
    }
    formula.push_back(clause);
  }
  return formula;
}

// Random 3-SAT followed by random binary clauses over the same variables.
inline Formula ksat_with_binaries(std::mt19937_64& rng, int variables, int ternaries, int binaries) {
  Formula formula = random_ksat(rng, variables, ternaries, 3);
  for (const Clause& clause : random_ksat(rng, variables, binaries, 2)) formula.push_back(clause);
  return formula;
}

// `fixed` followed by random 3-SAT near the threshold over the variables
// above `offset`: the random part gives the conflicts that start
// inprocessing, while the fixed clauses show what a technique did to them.
inline Formula beside_random_3sat(std::mt19937_64& rng, Formula fixed, int offset) {
  for (Clause clause : random_ksat(rng, 100, 420, 3)) {
    for (int& lit : clause) lit += lit > 0 ? offset : -offset;
    fixed.push_back(clause);
  }
  return fixed;
}

// Pigeonhole: `holes + 1` pigeons into `holes` holes (unsatisfiable).
inline Formula pigeonhole(int holes) {
  const int pigeons = holes + 1;
  auto var = [holes](int pigeon, int hole) { return pigeon * holes + hole + 1; };
  Formula formula;
  for (int p = 0; p < pigeons; ++p) {
    Clause some_hole;
    for (int h = 0; h < holes; ++h) some_hole.push_back(var(p, h));
    formula.push_back(some_hole);
  }
  for (int h = 0; h < holes; ++h) {
    for (int p = 0; p < pigeons; ++p) {
      for (int q = p + 1; q < pigeons; ++q) formula.push_back({-var(p, h), -var(q, h)});
    }
  }
  return formula;
}

inline int max_variable(const Formula& formula) {
  int result = 0;
  for (const Clause& clause : formula) {
    for (int lit : clause) result = std::max(result, lit < 0 ? -lit : lit);
  }
  return result;
}

// Whether `assignment` (bit i-1 is variable i) satisfies every clause, with
// `assumptions` also required true.
inline bool satisfies(const Formula& formula, uint64_t assignment, const std::vector<int>& assumptions = {}) {
  auto holds = [assignment](int lit) {
    const bool value = (assignment >> ((lit < 0 ? -lit : lit) - 1)) & 1;
    return lit < 0 ? !value : value;
  };
  for (int lit : assumptions) {
    if (!holds(lit)) return false;
  }
  for (const Clause& clause : formula) {
    bool satisfied = false;
    for (int lit : clause) satisfied |= holds(lit);
    if (!satisfied) return false;
  }
  return true;
}

// Exhaustive search over up to 24 variables.
inline bool brute_force_satisfiable(const Formula& formula, int variables, const std::vector<int>& assumptions = {}) {
  for (uint64_t assignment = 0; assignment < (uint64_t{1} << variables); ++assignment) {
    if (satisfies(formula, assignment, assumptions)) return true;
  }
  return false;
}

}  // namespace wang::testing
