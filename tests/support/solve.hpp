// Helpers to run the SAT core on test formulas and check what it says.
#pragma once

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "check/checker.hpp"
#include "support/cnf.hpp"
#include "wang/sat.hpp"

namespace wang::testing {

inline void add_formula(sat::Solver& solver, const Formula& formula) {
  for (const Clause& clause : formula) solver.add_clause(clause);
}

inline double statistic(const sat::Solver& solver, std::string_view name) {
  for (const sat::Statistic& stat : solver.statistics()) {
    if (stat.name == name) return stat.value;
  }
  return -1;
}

inline bool model_satisfies(const sat::Solver& solver, const Formula& formula) {
  for (const Clause& clause : formula) {
    bool satisfied = false;
    for (int lit : clause) satisfied |= solver.value(lit) == lit;
    if (!satisfied) return false;
  }
  return true;
}

// Checks a proof of unsatisfiability of `formula` with the independent
// checker; returns the checker's reason when it is rejected.
inline check::CheckOutcome check_refutation(const Formula& formula, const std::string& proof,
                                            sat::ProofFormat format) {
  check::MemorySource source(proof);
  const check::ProofFormat checker_format = format == sat::ProofFormat::drat_text     ? check::ProofFormat::DratText
                                            : format == sat::ProofFormat::drat_binary ? check::ProofFormat::DratBinary
                                            : format == sat::ProofFormat::lrat_text   ? check::ProofFormat::LratText
                                                                                      : check::ProofFormat::LratBinary;
  return check::check_proof(formula, source, checker_format);
}

constexpr sat::ProofFormat kProofFormats[] = {sat::ProofFormat::drat_text, sat::ProofFormat::drat_binary,
                                              sat::ProofFormat::lrat_text, sat::ProofFormat::lrat_binary};

using OptionList = std::vector<std::pair<std::string, int64_t>>;

// Solves `formula` with `options`, tracing a proof in `format`, and checks
// the answer: a model against the formula, a refutation with the
// independent checker.  `failure` says what did not check.
struct CheckedSolve {
  sat::Result result = sat::Result::unknown;
  std::string failure;
  std::string proof;
  std::vector<sat::Statistic> statistics;

  double statistic(std::string_view name) const {
    for (const sat::Statistic& stat : statistics) {
      if (stat.name == name) return stat.value;
    }
    return -1;
  }
};

inline CheckedSolve solve_and_check(const Formula& formula, const OptionList& options, sat::ProofFormat format) {
  CheckedSolve run;
  std::ostringstream proof;  // outlives the solver, which flushes it when destroyed
  sat::Solver solver;
  for (const auto& [name, value] : options) {
    if (!solver.set_option(name, value)) {
      run.failure = "option " + name + " rejected";
      return run;
    }
  }
  solver.trace_proof(proof, format);
  add_formula(solver, formula);
  run.result = solver.solve();
  solver.flush_proof();
  run.proof = proof.str();
  run.statistics = solver.statistics();
  if (run.result == sat::Result::unknown) {
    run.failure = "no answer";
  } else if (run.result == sat::Result::satisfiable) {
    if (!model_satisfies(solver, formula)) run.failure = "the model falsifies a clause";
  } else {
    const check::CheckOutcome outcome = check_refutation(formula, run.proof, format);
    if (!outcome.verified) run.failure = "proof rejected: " + outcome.reason;
  }
  return run;
}

// Totals over rounds of solve_and_check: the named statistics summed, the
// answers counted; `failure` names the first round whose answer did not
// check (no later round runs).
struct RoundTotals {
  std::map<std::string, double, std::less<>> statistics;
  int sat = 0;
  int unsat = 0;
  std::string failure;
};

// Solves `rounds` formulas from `make_formula` with `options`, tracing the
// proof in each format in turn.
inline RoundTotals solve_rounds(int rounds, const OptionList& options, const std::function<Formula()>& make_formula,
                                std::initializer_list<std::string_view> statistics) {
  RoundTotals totals;
  for (std::string_view name : statistics) totals.statistics.emplace(name, 0);
  for (int round = 0; round < rounds; ++round) {
    const CheckedSolve run = solve_and_check(make_formula(), options, kProofFormats[round % 4]);
    if (!run.failure.empty()) {
      totals.failure = "round " + std::to_string(round) + ": " + run.failure;
      break;
    }
    ++(run.result == sat::Result::satisfiable ? totals.sat : totals.unsat);
    for (auto& [name, sum] : totals.statistics) sum += run.statistic(name);
  }
  return totals;
}

// The statistics that stayed zero over all rounds, comma-separated: a
// test expects none, since its formulas must exercise what it is about.
inline std::string statistics_never_fired(const RoundTotals& totals) {
  std::string names;
  for (const auto& [name, sum] : totals.statistics) {
    if (sum <= 0) names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

// The clauses a DRAT text proof adds (`added`) or deletes, each sorted.
inline std::set<Clause> drat_clauses(const std::string& proof, bool added) {
  std::set<Clause> result;
  std::istringstream lines(proof);
  std::string line;
  while (std::getline(lines, line)) {
    const bool deletion = line.rfind("d ", 0) == 0;
    if (deletion == added) continue;
    std::istringstream fields(deletion ? line.substr(2) : line);
    Clause clause;
    for (int lit; fields >> lit && lit != 0;) clause.push_back(lit);
    std::sort(clause.begin(), clause.end());
    result.insert(clause);
  }
  return result;
}

// Solver configurations that change the search but never the answer.
inline std::vector<OptionList> search_configurations() {
  return {
      {},
      {{"stable", 0}},
      {{"stable", 2}},
      {{"minimize", 0}, {"phase", 1}},
      {{"modeinit", 10}, {"reduceint", 10}, {"rephaseint", 10}, {"restartint", 1}},
      {{"target", 2}, {"tier1glue", 1}, {"tier2glue", 1}, {"reducetarget", 100}},
      {{"elim", 0}, {"subsume", 0}},
      {{"elim", 0}, {"decompose", 0}, {"vivify", 0}, {"walk", 0}},
      {{"shrink", 0}, {"reusetrail", 0}, {"modeticks", 0}, {"bumpreasons", 0}},
      {{"inprocessint", 10}, {"elimboundmax", 64}, {"elimocclim", 1000}},
      // The internal checker re-verifies every step of frequent inprocessing.
      {{"check", 1}, {"inprocessint", 10}, {"elimboundmax", 64}, {"vivifyeffort", 1000}},
      {{"check", 1},
       {"inprocessint", 10},
       {"backboneeffort", 1000},
       {"ternary", 1},
       {"ternaryeffort", 1000},
       {"transredeffort", 1000}},
      {{"backbone", 0}, {"ternary", 0}, {"transred", 0}, {"probe", 0}},
  };
}

}  // namespace wang::testing
