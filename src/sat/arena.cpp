// The clause arena and its compaction.
//
// Clauses are bump-allocated at the end of one word vector.  Deleting a
// clause only marks it; compaction later moves the live clauses from the
// first garbage one on down over the gaps, in their old order, so that
// clauses learned together stay together, and tells the owners of
// references (watch lists, reasons) where each went.
#include <algorithm>
#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

#include "sat/clause.hpp"

namespace wang::sat {

ClauseRef ClauseArena::allocate(std::span<const Lit> literals, bool learnt, ClauseId id) {
  const size_t needed = kHeaderWords + literals.size();
  const size_t ref = words_.size();
  // The top bit of a reference is the binary-clause tag in watches.
  if (ref + needed >= (size_t{1} << 31)) throw std::bad_alloc();
  words_.resize(ref + needed);
  Clause* clause = new (words_.data() + ref) Clause{};
  clause->size = static_cast<uint32_t>(literals.size());
  clause->learnt = learnt ? 1 : 0;
  clause->set_id(id);
  std::copy(literals.begin(), literals.end(), clause->begin());
  return static_cast<ClauseRef>(ref);
}

void ClauseArena::free(ClauseRef ref) {
  Clause& clause = (*this)[ref];
  if (clause.garbage) return;
  clause.garbage = 1;
  first_garbage_ = std::min(first_garbage_, ref);
}

void ClauseArena::compact_from(ClauseRef start, std::vector<ClauseRef>& forward) {
  const ClauseRef end = end_ref();
  forward.assign(end - start, kNoReason);
  ClauseRef to = start;
  for (ClauseRef from = start; from != end;) {
    const Clause& clause = (*this)[from];
    const ClauseRef words = static_cast<ClauseRef>(kHeaderWords + clause.size);
    if (!clause.garbage) {
      forward[from - start] = to;
      // Moving down: the clauses still to visit lie above the copy.
      if (to != from) std::memmove(words_.data() + to, words_.data() + from, words * sizeof(uint32_t));
      to += words;
    }
    from += words;
  }
  words_.resize(to);
  first_garbage_ = kNoReason;
}

}  // namespace wang::sat
