// Helpers to run the SAT core on test formulas and check what it says.
#pragma once

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

// Solver configurations that change the search but never the answer.
inline std::vector<std::vector<std::pair<std::string, int64_t>>> search_configurations() {
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
  };
}

}  // namespace wang::testing
