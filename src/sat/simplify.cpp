// Root-level simplification.
//
// Once literals are fixed at the root level, clauses they satisfy are
// useless and their false literals are dead weight in every visit.  At the
// root level (with propagation complete) such clauses are deleted or
// replaced by their shortened copies, and the arena is collected.
#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::simplify_due() const {
  return decision_level() == 0 && static_cast<int64_t>(trail_.size()) > fixed_at_simplify_ &&
         stats.conflicts >= next_simplify_;
}

void Internal::simplify_root() {
  derive_root_units();
  fixed_at_simplify_ = static_cast<int64_t>(trail_.size());
  next_simplify_ = stats.conflicts + 500;
  std::vector<Lit> shortened;
  std::vector<ClauseId> antecedents;
  const ClauseRef end = arena_.end_ref();
  for (ClauseRef ref = arena_.first(); ref != end; ref = arena_.next(ref)) {
    if (arena_[ref].garbage) continue;
    shortened.clear();
    antecedents.clear();
    bool satisfied = false;
    for (Lit lit : arena_[ref].literals()) {
      const Value v = value(lit);
      if (v == kTrue) {
        satisfied = true;
        break;
      }
      if (v == kFalse) {
        antecedents.push_back(unit_ids_[var_of(lit)]);
      } else {
        shortened.push_back(lit);
      }
    }
    if (satisfied) {
      delete_clause(ref);
      continue;
    }
    if (shortened.size() == arena_[ref].size) continue;
    const bool learnt = arena_[ref].learnt;
    const uint32_t glue = arena_[ref].glue;
    antecedents.push_back(arena_[ref].id());
    const ClauseId id = next_clause_id();
    proof_add(id, shortened, antecedents);
    delete_clause(ref);
    // Watches are rebuilt by the collection below.
    const ClauseRef copy = allocate_unwatched(shortened, learnt, id);
    arena_[copy].glue = std::min<uint32_t>(glue, static_cast<uint32_t>(shortened.size()));
    arena_[copy].used = arena_[ref].used;
    if (learnt) {
      ++redundant_;
    } else {
      ++irredundant_;
    }
  }
  collect_garbage();
}

}  // namespace wang::sat
