// Garbage collection of the clause arena.
//
// Deleted clauses are only marked; collection copies the live clauses into a
// fresh arena, redirects reasons through forwarding references, and rebuilds
// all watch lists from the first two literals of each clause.  Rebuilding is
// as cheap as filtering the lists and lets binary watches go first in every
// list, so that propagation finds binary conflicts and implications before
// it reads any clause.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::collect_garbage() {
  // On millions of clauses a collection takes a good part of a second, and
  // the rounds of simplification end with one whether they changed
  // anything or not.
  if (arena_.wasted_words() == 0 && !unwatched_clauses_) {
    put_binary_watches_first();
    return;
  }
  unwatched_clauses_ = false;
  PhaseTimer timer(stats.time_collect);
  ++stats.collections;
  derive_root_units();
  ClauseArena fresh;
  fresh.reserve(arena_.used_words() - arena_.wasted_words());
  for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
    if (!arena_[ref].garbage) arena_.relocate(ref, fresh);
  }
  const size_t root_end = decision_level() == 0 ? trail_.size() : control_[0];
  for (size_t i = 0; i < trail_.size(); ++i) {
    ClauseRef& reason = vars_[var_of(trail_[i])].reason;
    if (reason == kNoReason) continue;
    // Root-level literals need no reasons (LRAT names them by unit ids).
    reason = i < root_end ? kNoReason : arena_[reason].forward();
  }
  arena_.swap(fresh);
  for (WatchList& list : watches_) list.clear();
  for (int pass = 0; pass < 2; ++pass) {
    const bool binaries = pass == 0;
    for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
      if ((arena_[ref].size == 2) == binaries) watch_clause(ref);
    }
  }
}

// What a collection's rebuild gives the watch lists without copying the
// arena: since the lists were built in arena order, the stable partition
// leaves them in the order of a rebuild.
void Internal::put_binary_watches_first() {
  const auto is_binary = [](const Watch& watch) { return watch.binary(); };
  for (WatchList& list : watches_) {
    if (!std::is_partitioned(list.begin(), list.end(), is_binary)) {
      std::stable_partition(list.begin(), list.end(), is_binary);
    }
  }
}

}  // namespace wang::sat
