// Backbone of the binary clauses; see backbone.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class BackboneFinder : Technique {
 public:
  explicit BackboneFinder(Internal& engine);
  // Tests candidates until the searches have used `ticks` ticks.
  // Precondition: root level, propagated, simplified.
  void run(int64_t ticks);

 private:
  bool open(Lit lit) const { return status(var_of(lit)) == VarStatus::active && value(lit) == kUnassigned; }
  void find_model();
  bool extend_model(Lit decision);
  bool refutes(Lit lit);
  void learn_unit(Lit lit);
  void test_candidates(int64_t ticks);

  // A model of the binary clauses, per variable: the true literal, or kNoLit.
  std::vector<Lit> model_;
  std::vector<uint8_t> candidate_;  // per variable: its model literal may be in the backbone
  std::vector<Lit> level_;          // literals the current decision of find_model set

  // The search of `refutes`: per literal the search that reached it, the
  // binary clause it was reached through and when; the first conflict found.
  std::vector<uint32_t> reached_;
  std::vector<ClauseRef> edge_;
  std::vector<uint32_t> order_;
  std::vector<Lit> queue_;
  uint32_t search_ = 0;
  Lit conflict_lit_ = kNoLit;  // reached while its negation was reached
  ClauseRef conflict_edge_ = kNoReason;
  Lit conflict_from_ = kNoLit;  // the literal conflict_edge_ was followed from
  int64_t ticks_ = 0;
};

}  // namespace wang::sat
