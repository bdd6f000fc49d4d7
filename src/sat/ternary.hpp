// Hyper-ternary resolution; see ternary.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class TernaryResolver : Technique {
 public:
  explicit TernaryResolver(Internal& engine);
  // Resolves on pivots until `steps` pairs of clauses were tried.
  // Precondition: root level, propagated, simplified.
  void run(int64_t steps);

 private:
  void connect_ternaries();
  void resolve_on(Lit pivot, int64_t& steps);
  bool resolvent(const Clause& positive, const Clause& negative, Lit pivot);
  bool binary_present(Lit a, Lit b) const;
  bool subsumed() const;
  void add_resolvent(ClauseRef positive, ClauseRef negative);

  std::vector<std::vector<ClauseRef>> occurrences_;  // per literal: live ternary clauses
  // Clauses from here on are this round's resolvents, not resolved on again.
  ClauseRef first_new_ = 0;
  std::vector<Lit> resolvent_;
};

}  // namespace wang::sat
