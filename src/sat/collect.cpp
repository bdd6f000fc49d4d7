// Garbage collection of the clause arena.
//
// Deleted clauses are only marked; collection copies the live clauses into a
// fresh arena, redirects reasons through forwarding references, and rebuilds
// all watch lists from the first two literals of each clause.  Rebuilding is
// as cheap as filtering the lists and lets binary watches go first in every
// list, so that propagation finds binary conflicts and implications before
// it reads any clause.
#include "sat/internal.hpp"

namespace wang::sat {

namespace {
// For a first collection: about what one word of arena costs on a loaded
// commodity machine, on the large side.
constexpr double kCollectionSecondsPerWord = 6e-8;
}  // namespace

// With nothing to collect, a collection only puts every watch list back in
// arena order, binaries first, which the search after it profits from.  It
// is skipped when a limit has been reached or the deadline would pass
// before it ends (it takes a second on millions of clauses), so that the
// deadline holds.
bool Internal::collection_worthwhile() const {
  if (arena_.wasted_words() > 0 || unwatched_clauses_) return true;
  if (current_limit() != StopReason::none) return false;
  if (limits.deadline == std::chrono::steady_clock::time_point::max()) return true;
  const double estimate = last_collection_seconds_ > 0 ? last_collection_seconds_
                                                        : kCollectionSecondsPerWord * arena_.used_words();
  const auto left = std::chrono::duration<double>(limits.deadline - std::chrono::steady_clock::now()).count();
  return estimate < left;
}

void Internal::collect_garbage() {
  if (!collection_worthwhile()) return;
  unwatched_clauses_ = false;
  PhaseTimer timer(stats.time_collect);
  const auto started = std::chrono::steady_clock::now();
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
  last_collection_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  check_invariants();
}

}  // namespace wang::sat
