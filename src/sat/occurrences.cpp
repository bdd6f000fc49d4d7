#include "sat/occurrences.hpp"

#include <algorithm>

namespace wang::sat {

void OccurrenceLists::connect(const ClauseArena& arena, Var variables) {
  const auto for_each_occurrence = [&arena](auto&& visit) {
    for (ClauseRef ref = arena.first(); ref != arena.end_ref(); ref = arena.next(ref)) {
      const Clause& clause = arena[ref];
      if (clause.garbage || clause.learnt) continue;
      for (Lit lit : clause) visit(lit, ref);
    }
  };
  // Counting first sizes every list once: growing millions of lists by
  // doubling costs more than the second pass over the arena.
  std::vector<uint32_t> counts(2 * static_cast<size_t>(variables), 0);
  for_each_occurrence([&counts](Lit lit, ClauseRef) { ++counts[lit]; });
  lists_.assign(counts.size(), {});
  for (size_t lit = 0; lit < counts.size(); ++lit) lists_[lit].reserve(counts[lit]);
  for_each_occurrence([this](Lit lit, ClauseRef ref) { lists_[lit].push_back(ref); });
}

size_t OccurrenceLists::live(Lit lit, const ClauseArena& arena) {
  std::vector<ClauseRef>& list = lists_[lit];
  std::erase_if(list, [&arena](ClauseRef ref) { return arena[ref].garbage != 0; });
  return list.size();
}

}  // namespace wang::sat
