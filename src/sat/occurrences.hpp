// Occurrence lists: for each literal, the irredundant clauses containing it.
//
// Subsumption and elimination need every clause of a literal, not just the
// two watched ones.  The lists are built for one simplification round and
// dropped after it; deleted clauses stay in them until a list is next
// filtered (`live`).
#pragma once

#include <vector>

#include "sat/clause.hpp"

namespace wang::sat {

class OccurrenceLists {
 public:
  // Lists every live irredundant clause of `arena` under its literals.
  void connect(const ClauseArena& arena, Var variables);
  // Room for the literals of variables added since `connect`.
  void reserve(Var variables) { lists_.resize(2 * static_cast<size_t>(variables)); }
  std::vector<ClauseRef>& operator[](Lit lit) { return lists_[lit]; }
  const std::vector<ClauseRef>& operator[](Lit lit) const { return lists_[lit]; }
  // Drops references to deleted clauses from a list; returns its size.
  size_t live(Lit lit, const ClauseArena& arena);

 private:
  std::vector<std::vector<ClauseRef>> lists_;
};

}  // namespace wang::sat
