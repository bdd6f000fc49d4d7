// Vivification of learned clauses; see vivify.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class Vivifier : Technique {
 public:
  explicit Vivifier(Internal& engine);
  // Vivifies candidates until propagation has used `ticks` more ticks.
  void run(int64_t ticks);

 private:
  bool vivify_clause(ClauseRef ref);

  std::vector<Lit> literals_;      // of the clause being vivified
  std::vector<Lit> shorter_;
  std::vector<ClauseRef> replaced_;
};

}  // namespace wang::sat
