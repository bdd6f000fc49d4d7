// Unit propagation with two watched literals.
//
// Every clause of two or more literals is watched by two of its literals;
// the watches of a literal are visited when it becomes false.  The first
// two slots of a long clause hold its watched literals, and a propagated
// literal is always moved to slot 0, which is how reduce() recognises reason
// clauses.  Two shortcuts avoid reading clause memory, the dominant cost of
// the whole solver: a true blocking literal in the watch proves the clause
// satisfied, and a binary clause is propagated from its watch alone.
//
// `ticks` approximates the cache lines propagation touches (one per watch
// list and one per clause read); schedules that should scale with search
// effort, not with the number of conflicts, use it.
#include "sat/internal.hpp"

namespace wang::sat {

ClauseRef Internal::propagate() {
  ClauseRef conflict = kNoReason;
  const size_t start = propagated_;
  int64_t ticks = 0;
  // Assignments write values_ as bytes, which may alias anything, so reads
  // through the member would reload its data pointer after every one; the
  // array itself never moves while propagating.
  const Value* const values = values_.data();
  while (conflict == kNoReason && propagated_ < trail_.size()) {
    const Lit false_lit = negate(trail_[propagated_++]);
    // Every level is propagated to fixpoint before the next one opens, so
    // each literal this implies has `false_lit` on its own level in its
    // reason: minimization relies on it (see minimize.cpp).
    WANG_SAT_ASSERT(level_of(false_lit) == decision_level());
    WatchList& watches = watches_[false_lit];
    ticks += 1 + static_cast<int64_t>(watches.size() / 8);
    Watch* read = watches.data();
    Watch* write = read;
    Watch* const end = read + watches.size();
    while (read != end) {
      const Watch watch = *read++;
      *write++ = watch;
      const Value blocker_value = values[watch.blocker];
      if (blocker_value == kTrue) continue;
      if (watch.binary()) {
        if (blocker_value == kFalse) {
          conflict = watch.ref();
          break;
        }
        assign(watch.blocker, watch.ref());
        continue;
      }
      ++ticks;
      Clause& clause = arena_[watch.ref()];
      Lit* lits = clause.begin();
      WANG_SAT_ASSERT(!clause.garbage);  // deletions are collected before propagating
      WANG_SAT_ASSERT(lits[0] == false_lit || lits[1] == false_lit);
      // The other watched literal; xor avoids a branch on which slot we are.
      const Lit other = lits[0] ^ lits[1] ^ false_lit;
      const Value other_value = values[other];
      if (other_value == kTrue) {
        write[-1].blocker = other;
        continue;
      }
      lits[0] = other;
      lits[1] = false_lit;
      Lit* replacement = lits + 2;
      Lit* const clause_end = lits + clause.size;
      while (replacement != clause_end && values[*replacement] == kFalse) ++replacement;
      if (replacement != clause_end) {
        lits[1] = *replacement;
        *replacement = false_lit;
        watches_[lits[1]].push_back(Watch::make(other, watch.ref(), false));
        --write;
        continue;
      }
      write[-1].blocker = other;
      if (other_value == kFalse) {
        conflict = watch.ref();
        break;
      }
      assign(other, watch.ref());
    }
    while (read != end) *write++ = *read++;
    watches.resize(static_cast<size_t>(write - watches.data()));
  }
  stats.propagations += static_cast<int64_t>(propagated_ - start);
  stats.ticks += ticks;
  return conflict;
}

}  // namespace wang::sat
