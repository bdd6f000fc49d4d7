// Bounded variable addition; see factor.cpp.
#pragma once

#include <vector>

#include "sat/occurrences.hpp"
#include "sat/technique.hpp"

namespace wang::sat {

class Factorizer : Technique {
 public:
  Factorizer(Internal& engine, int64_t steps);
  void run();

 private:
  // One clause (l ∨ C) of the first literal l, with the clauses (l_i ∨ C)
  // found so far for the other literals l_i of the factor.
  struct Row {
    ClauseRef base;
    std::vector<ClauseRef> partners;
  };
  // A clause (l' ∨ C) that would extend row `row` by the literal l'.
  struct Match {
    Lit lit;
    size_t row;
    ClauseRef clause;
  };

  bool factor(Lit first);
  void find_matches(Lit first, const std::vector<Row>& rows, std::vector<Match>& matches);
  Lit most_frequent(const std::vector<Match>& matches, size_t& count);
  void replace(const std::vector<Lit>& lits, const std::vector<Row>& rows);
  size_t live_count(Lit lit) { return occurrences_.live(lit, arena()); }
  bool candidate(ClauseRef ref) const;

  OccurrenceLists occurrences_;
  int64_t steps_ = 0;
  int64_t limit_;
  std::vector<uint8_t> marks_;   // per literal: in the clause being matched
  std::vector<uint32_t> counts_; // per literal: matches in this round
  std::vector<uint8_t> taken_;   // per literal: already a literal of the factor
};

}  // namespace wang::sat
