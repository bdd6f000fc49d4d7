// Full consistency checks of the engine's state, for assertion builds.
//
// Each check visits the whole trail, every watch list or every clause, so
// they run at the points where the state settles (after a collection, a
// reduction, an inprocessing round) rather than at every propagation; the
// cheap local assertions sit in the code they guard.
#include <cstdio>
#include <cstdlib>

#include "sat/assert.hpp"
#include "sat/internal.hpp"

namespace wang::sat {

void assertion_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "wang: internal error: SAT core assertion '%s' failed at %s:%d\n", condition, file, line);
  std::fflush(stderr);
  std::abort();
}

// Every assigned literal is on the trail once, at the position and level
// recorded for it, at the level of its part of the trail (units found
// above the root are assigned after backtracking to it); a reason has its
// implied literal in a watched slot and every other literal false,
// assigned earlier, one of them on the implied literal's level.
void Internal::check_trail() const {
  WANG_SAT_ASSERT(control_.size() == decision_level());
  WANG_SAT_ASSERT(propagated_ <= trail_.size());
  size_t assigned = 0;
  for (Lit lit = 0; lit < values_.size(); ++lit) assigned += values_[lit] == kTrue;
  WANG_SAT_ASSERT(assigned == trail_.size());
  uint32_t level = 0;
  for (size_t i = 0; i < trail_.size(); ++i) {
    while (level < decision_level() && control_[level] <= i) ++level;
    const Lit lit = trail_[i];
    const VarData& data = vars_[var_of(lit)];
    WANG_SAT_ASSERT(value(lit) == kTrue);
    WANG_SAT_ASSERT(data.trail == i);
    WANG_SAT_ASSERT(data.level == level);
    if (data.reason == kNoReason || data.level == 0) continue;
    const Clause& reason = arena_[data.reason];
    WANG_SAT_ASSERT(!reason.garbage);
    // Binary clauses propagate from their watches without being reordered.
    WANG_SAT_ASSERT(reason[0] == lit || (reason.size == 2 && reason[1] == lit));
    bool same_level = false;  // minimization relies on it, see minimize.cpp
    for (Lit other : reason) {
      if (other == lit) continue;
      WANG_SAT_ASSERT(value(other) == kFalse);
      WANG_SAT_ASSERT(vars_[var_of(other)].trail < i);
      same_level |= vars_[var_of(other)].level == data.level;
    }
    WANG_SAT_ASSERT(same_level);
  }
}

// Each live clause has at least two distinct literals and is watched by its
// first two, exactly once each; binary watches carry the other literal; the
// clause counters match the arena.
void Internal::check_clauses_and_watches() const {
  int64_t irredundant = 0, redundant = 0;
  ClauseRef ref = arena_.first();
  for (; ref < arena_.end_ref(); ref = arena_.next(ref)) {
    const Clause& clause = arena_[ref];
    if (clause.garbage) continue;
    ++(clause.learnt ? redundant : irredundant);
    WANG_SAT_ASSERT(clause.size >= 2);
    for (size_t i = 0; i < clause.size; ++i) {
      WANG_SAT_ASSERT(var_of(clause[i]) < num_vars);
      for (size_t k = 0; k < i; ++k) WANG_SAT_ASSERT(var_of(clause[k]) != var_of(clause[i]));
    }
  }
  WANG_SAT_ASSERT(ref == arena_.end_ref());
  WANG_SAT_ASSERT(irredundant == irredundant_);
  WANG_SAT_ASSERT(redundant == redundant_);
  if (unwatched_clauses()) return;  // their watches come with the next collection
  // Watches of each live clause, counted per watched slot.
  std::vector<uint8_t> first_watched(arena_.end_ref(), 0), second_watched(arena_.end_ref(), 0);
  for (Lit lit = 0; lit < watches_.size(); ++lit) {
    for (const Watch& watch : watches_[lit]) {
      const Clause& clause = arena_[watch.ref()];
      if (clause.garbage) continue;  // stays until the next collection
      WANG_SAT_ASSERT(watch.binary() == (clause.size == 2));
      WANG_SAT_ASSERT(clause[0] == lit || clause[1] == lit);
      if (watch.binary()) WANG_SAT_ASSERT(watch.blocker == (clause[0] ^ clause[1] ^ lit));
      ++(clause[0] == lit ? first_watched : second_watched)[watch.ref()];
    }
  }
  for (ref = arena_.first(); ref < arena_.end_ref(); ref = arena_.next(ref)) {
    if (arena_[ref].garbage) continue;
    WANG_SAT_ASSERT(first_watched[ref] == 1);
    WANG_SAT_ASSERT(second_watched[ref] == 1);
  }
}

// After a complete conflict-free propagation no clause is falsified and no
// clause is unit with its last literal unassigned.
void Internal::check_propagated() const {
  if (propagated_ != trail_.size() || inconsistent_ || unwatched_clauses()) return;
  for (ClauseRef ref = arena_.first(); ref < arena_.end_ref(); ref = arena_.next(ref)) {
    const Clause& clause = arena_[ref];
    if (clause.garbage) continue;
    size_t false_literals = 0;
    bool satisfied = false;
    for (Lit lit : clause) {
      satisfied |= value(lit) == kTrue;
      false_literals += value(lit) == kFalse;
    }
    WANG_SAT_ASSERT(satisfied || false_literals + 1 < clause.size);
  }
}

void Internal::check_invariants() const {
  if constexpr (kAssertions) {
    check_trail();
    check_clauses_and_watches();
    check_propagated();
  }
}

}  // namespace wang::sat
