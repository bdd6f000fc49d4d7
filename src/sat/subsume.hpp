// Subsumption and self-subsuming resolution; see subsume.cpp.
#pragma once

#include "sat/occurrences.hpp"
#include "sat/simplify_budget.hpp"
#include "sat/technique.hpp"

namespace wang::sat {

class Subsumer : Technique {
 public:
  Subsumer(Internal& engine, OccurrenceLists& occurrences, StepBudget& budget);
  // Checks every irredundant clause added or changed since the last round.
  void run();

 private:
  void subsume_with(ClauseRef ref);
  Lit check(ClauseRef candidate, uint32_t size) const;
  void strengthen(ClauseRef subsuming, ClauseRef ref, Lit remove);

  OccurrenceLists& occurrences_;
  StepBudget& budget_;
  std::vector<uint8_t> marks_;  // per literal: in the subsuming clause
  std::vector<Lit> shortened_;
};

}  // namespace wang::sat
