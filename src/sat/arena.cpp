// The clause arena and its compacting collector.
//
// Clauses are bump-allocated at the end of one word vector.  Deleting a
// clause only marks it; the collector later copies the live clauses into a
// fresh arena in their old order, so that clauses learned together stay
// together, and leaves forwarding references for the owners of references
// (watch lists, reasons) to follow.
#include <algorithm>
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
  wasted_ += kHeaderWords + clause.size;
}

ClauseRef ClauseArena::relocate(ClauseRef ref, ClauseArena& target) {
  Clause& clause = (*this)[ref];
  if (clause.moved) return clause.forward();
  const size_t words = kHeaderWords + clause.size;
  const size_t new_ref = target.words_.size();
  target.words_.resize(new_ref + words);
  std::copy_n(words_.data() + ref, words, target.words_.data() + new_ref);
  clause.moved = 1;
  clause.begin()[0] = static_cast<ClauseRef>(new_ref);
  return static_cast<ClauseRef>(new_ref);
}

void ClauseArena::swap(ClauseArena& other) noexcept {
  words_.swap(other.words_);
  std::swap(wasted_, other.wasted_);
}

}  // namespace wang::sat
