// Equivalent literal substitution; see decompose.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class Decomposer : Technique {
 public:
  explicit Decomposer(Internal& engine);
  // Precondition: root level, propagated, simplified.
  void run();

 private:
  bool candidate(Lit lit) const;
  bool find_equivalences();
  bool choose_representative(const std::vector<Lit>& members);
  std::vector<ClauseId> implication_path(Lit from, Lit to);
  void refute_equivalence(Lit lit);
  void record_equivalences();
  void substitute_clauses();
  void add_rewritten_clause(const std::vector<Lit>& literals, bool learnt, uint32_t glue, ClauseId id);

  std::vector<uint32_t> component_;                    // per literal
  std::vector<Lit> representative_;                    // per literal
  std::vector<std::pair<Lit, ClauseRef>> path_parent_;  // per literal, scratch
  std::vector<ClauseId> equivalence_ids_;              // per substituted literal l: id of (-l | r)
  Lit contradiction_ = kNoLit;
};

}  // namespace wang::sat
