// Garbage collection of the clause arena.
//
// Deleted clauses are only marked, and clauses made by the simplification
// phases (which work on occurrence lists) are allocated without watches.
// Collection compacts the arena in place from the first such clause on: on
// large formulas the garbage of a reduction lies among the learned clauses
// at the end, and the millions of original clauses before it stay where
// they are.  Only the watch lists of clauses in that tail can refer to a
// moved or deleted clause, so when the tail is short only they are visited:
// entries of deleted clauses go, references to moved ones are redirected,
// and the new clauses get their watches.  When the tail is most of the
// arena (after elimination, say) every list is built anew instead, which
// is then cheaper than looking up each entry.  Either way each list
// changed is left in arena order with binary watches first, so that
// propagation finds binary conflicts and implications before it reads any
// clause.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

namespace {

// Binary watches first, each kind in arena order.
uint32_t watch_order(Watch watch) { return watch.tagged_ref ^ Watch::kBinaryTag; }

// Where compaction from `start` put the clause at `ref` (kNoReason if it
// was garbage).
ClauseRef forwarded(ClauseRef ref, ClauseRef start, std::span<const ClauseRef> forward) {
  return ref < start ? ref : forward[ref - start];
}

}  // namespace

bool Internal::unwatched_clauses() const { return first_unwatched_ != kNoReason; }

void Internal::collect_garbage() {
  const ClauseRef start = std::min(arena_.first_garbage(), first_unwatched_);
  if (start >= arena_.end_ref()) return;
  PhaseTimer timer(stats.time_collect);
  ++stats.collections;
  derive_root_units();
  const bool watch_anew = arena_.end_ref() - start > arena_.end_ref() / 2;
  collect_lists_.clear();
  collect_marks_.resize(watches_.size(), 0);
  if (!watch_anew) {
    for (ClauseRef ref = start; ref != arena_.end_ref(); ref = arena_.next(ref)) {
      if (!arena_[ref].unwatched) mark_watch_lists(arena_[ref]);
    }
  }
  std::vector<ClauseRef> forward;
  arena_.compact_from(start, forward);
  redirect_reasons(start, forward);
  if (watch_anew) {
    watch_all_clauses();
  } else {
    redirect_watches(start, forward);
  }
  first_unwatched_ = kNoReason;
  check_invariants();
}

void Internal::mark_watch_lists(const Clause& clause) {
  for (const Lit lit : {clause[0], clause[1]}) {
    if (collect_marks_[lit]) continue;
    collect_marks_[lit] = 1;
    collect_lists_.push_back(lit);
  }
}

void Internal::redirect_reasons(ClauseRef start, std::span<const ClauseRef> forward) {
  const size_t root_end = decision_level() == 0 ? trail_.size() : control_[0];
  for (size_t i = 0; i < trail_.size(); ++i) {
    ClauseRef& reason = vars_[var_of(trail_[i])].reason;
    if (reason == kNoReason) continue;
    // Root-level literals need no reasons (LRAT names them by unit ids).
    reason = i < root_end ? kNoReason : forwarded(reason, start, forward);
    WANG_SAT_ASSERT(i < root_end || reason != kNoReason);
  }
}

// The lists marked before compaction: entries of garbage clauses go, the
// others follow their clauses; then the clauses allocated unwatched get
// their watches, and every list touched is sorted again.
void Internal::redirect_watches(ClauseRef start, std::span<const ClauseRef> forward) {
  for (const Lit lit : collect_lists_) {
    WatchList& list = watches_[lit];
    size_t kept = 0;
    for (const Watch watch : list) {
      const ClauseRef ref = forwarded(watch.ref(), start, forward);
      if (ref != kNoReason) list[kept++] = Watch::make(watch.blocker, ref, watch.binary());
    }
    list.resize(kept);
  }
  for (ClauseRef ref = start; ref != arena_.end_ref(); ref = arena_.next(ref)) {
    Clause& clause = arena_[ref];
    if (!clause.unwatched) continue;
    clause.unwatched = 0;
    watch_clause(ref);
    mark_watch_lists(clause);
  }
  const auto before = [](Watch a, Watch b) { return watch_order(a) < watch_order(b); };
  for (const Lit lit : collect_lists_) {
    collect_marks_[lit] = 0;
    WatchList& list = watches_[lit];
    if (!std::is_sorted(list.begin(), list.end(), before)) std::sort(list.begin(), list.end(), before);
  }
}

void Internal::watch_all_clauses() {
  for (WatchList& list : watches_) list.clear();
  for (const bool binaries : {true, false}) {
    for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
      Clause& clause = arena_[ref];
      if ((clause.size == 2) != binaries) continue;
      clause.unwatched = 0;
      watch_clause(ref);
    }
  }
}

}  // namespace wang::sat
