// Clauses and the arena that stores them.
//
// All clauses, binary ones included, live in one contiguous arena of 32-bit
// words and are addressed by 32-bit word offsets (`ClauseRef`).  Compared to
// one heap allocation per clause this halves the size of references in watch
// lists and keeps clauses that were learned together close in memory.  Binary
// clauses are stored too, so that every clause has an id and a place for
// proofs, but propagation never reads them: their watches carry the other
// literal.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

#include "sat/types.hpp"

namespace wang::sat {

struct Clause {
  uint32_t size;
  uint32_t glue : 20;
  uint32_t learnt : 1;
  uint32_t garbage : 1;
  uint32_t reason : 1;     // protected while an inprocessing step runs
  uint32_t used : 2;       // recently used in conflict analysis
  uint32_t vivified : 1;   // already vivified, try others first
  uint32_t subsume : 1;    // candidate for the next subsumption round
  uint32_t gate : 1;       // part of the gate defining the variable being eliminated
  uint32_t hyper : 1;      // redundant resolvent of probing or ternary resolution: kept only while used
  uint32_t unwatched : 1;  // allocated without watches: the next collection adds them
  uint32_t unused_bits : 2;
  uint32_t id_low;
  uint32_t id_high;
  float activity;

  Lit* begin() { return reinterpret_cast<Lit*>(this + 1); }
  Lit* end() { return begin() + size; }
  const Lit* begin() const { return reinterpret_cast<const Lit*>(this + 1); }
  const Lit* end() const { return begin() + size; }
  Lit& operator[](size_t i) { return begin()[i]; }
  Lit operator[](size_t i) const { return begin()[i]; }
  std::span<const Lit> literals() const { return {begin(), size}; }

  ClauseId id() const { return (static_cast<ClauseId>(id_high) << 32) | id_low; }
  void set_id(ClauseId id) {
    id_low = static_cast<uint32_t>(id);
    id_high = static_cast<uint32_t>(id >> 32);
  }
};

static_assert(sizeof(Clause) == 5 * sizeof(uint32_t), "clause header must stay five words");
constexpr uint32_t kMaxGlue = (1u << 20) - 1;

class ClauseArena {
 public:
  static constexpr size_t kHeaderWords = sizeof(Clause) / sizeof(uint32_t);

  // Copies `literals` into a new clause.  May move the arena, so no Clause
  // reference survives a call.
  ClauseRef allocate(std::span<const Lit> literals, bool learnt, ClauseId id);

  Clause& operator[](ClauseRef ref) { return *reinterpret_cast<Clause*>(words_.data() + ref); }
  const Clause& operator[](ClauseRef ref) const { return *reinterpret_cast<const Clause*>(words_.data() + ref); }

  // Marks a clause as garbage; its words are reclaimed by the next collection.
  void free(ClauseRef ref);
  // The lowest garbage clause since the last compaction, end_ref() if none:
  // the clauses below it need not move.
  ClauseRef first_garbage() const { return std::min(first_garbage_, end_ref()); }

  // Compaction in place of the clauses from `start` (at most first_garbage())
  // on, in their order.  `forward[old - start]` receives the new reference
  // of each live clause there, kNoReason for each garbage one.
  void compact_from(ClauseRef start, std::vector<ClauseRef>& forward);

  // Iteration over all clauses in address order.
  ClauseRef first() const { return 0; }
  ClauseRef end_ref() const { return static_cast<ClauseRef>(words_.size()); }
  ClauseRef next(ClauseRef ref) const {
    return ref + static_cast<ClauseRef>(kHeaderWords + (*this)[ref].size);
  }

 private:
  std::vector<uint32_t> words_;
  ClauseRef first_garbage_ = kNoReason;
};

}  // namespace wang::sat
