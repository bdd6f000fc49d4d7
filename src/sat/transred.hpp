// Transitive reduction of the binary implication graph; see transred.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class TransitiveReducer : Technique {
 public:
  explicit TransitiveReducer(Internal& engine);
  // Checks binary clauses until the searches have used `ticks` ticks.
  // Precondition: root level, propagated, simplified.
  void run(int64_t ticks);

 private:
  std::vector<ClauseRef> candidates() const;
  bool implied_elsewhere(ClauseRef ref);

  std::vector<uint32_t> stamp_;  // per literal: the search that reached it
  uint32_t search_ = 0;
  std::vector<Lit> queue_;
  int64_t ticks_ = 0;
};

}  // namespace wang::sat
