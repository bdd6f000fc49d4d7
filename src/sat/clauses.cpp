// Creating and deleting clauses, and the proof steps that go with them.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

ClauseRef Internal::new_clause(std::span<const Lit> literals, bool learnt, uint32_t glue, ClauseId id) {
  WANG_SAT_ASSERT(literals.size() >= 2);
  const ClauseRef ref = arena_.allocate(literals, learnt, id);
  Clause& clause = arena_[ref];
  clause.glue = std::min(glue, kMaxGlue);
  clause.used = learnt ? 1 : 0;
  clause.subsume = 1;
  if (learnt) {
    ++redundant_;
  } else {
    ++irredundant_;
  }
  watch_clause(ref);
  return ref;
}

ClauseRef Internal::allocate_unwatched(std::span<const Lit> literals, bool learnt, ClauseId id) {
  const ClauseRef ref = arena_.allocate(literals, learnt, id);
  arena_[ref].unwatched = 1;
  first_unwatched_ = std::min(first_unwatched_, ref);
  return ref;
}

void Internal::watch_clause(ClauseRef ref) {
  const Clause& clause = arena_[ref];
  const bool binary = clause.size == 2;
  watches_[clause[0]].push_back(Watch::make(clause[1], ref, binary));
  watches_[clause[1]].push_back(Watch::make(clause[0], ref, binary));
}

// The clause stays in the watch lists until the next garbage collection,
// which must therefore run before the next propagation.
void Internal::delete_clause(ClauseRef ref) {
  Clause& clause = arena_[ref];
  if (clause.garbage) return;
  // The reasons of the trail above the root stay (reduce protects them).
  WANG_SAT_ASSERT(decision_level() == 0 || !is_reason(ref));
  proof_remove(ref);
  if (clause.learnt) {
    --redundant_;
  } else {
    --irredundant_;
  }
  arena_.free(ref);
}

void Internal::proof_add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  // Steps are numbered as they are taken and use only earlier clauses.
  // (Without LRAT, root literals have no unit ids and antecedent lists are
  // incomplete: nobody reads them.)
  WANG_SAT_ASSERT(id > 0 && id <= last_clause_id_);
  if constexpr (kAssertions) {
    if (lrat()) {
      for (ClauseId antecedent : antecedents) WANG_SAT_ASSERT(unmarked(antecedent) > 0 && unmarked(antecedent) < id);
    }
  }
  if (proof) proof->add(id, literals, antecedents);
  if (checker_) checker_->add_derived(id, literals, antecedents);
}

void Internal::proof_add_extension(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  WANG_SAT_ASSERT(!literals.empty() && own_variable(var_of(literals[0])));
  if (proof) proof->add(id, literals, antecedents);
  if (checker_) checker_->add_extension(id, literals, antecedents);
}

void Internal::proof_remove(ClauseRef ref) {
  const Clause& clause = arena_[ref];
  proof_forget(clause.id(), clause.literals());
}

void Internal::proof_forget(ClauseId id, std::span<const Lit> literals) {
  if (proof) proof->remove(id, literals);
  if (checker_) checker_->remove(id);
}

// LRAT names every root-level literal by a unit clause.  Literals that root
// propagation implied get theirs derived here, in trail order, from their
// reason and the units of the reason's other literals.
void Internal::derive_root_units() {
  if (!lrat()) return;
  const size_t root_end = decision_level() == 0 ? trail_.size() : control_[0];
  std::vector<ClauseId> antecedents;
  for (; units_derived_ < root_end; ++units_derived_) {
    const Lit lit = trail_[units_derived_];
    const Var var = var_of(lit);
    if (unit_ids_[var] != 0) continue;
    const Clause& reason = arena_[vars_[var].reason];
    antecedents.clear();
    for (Lit other : reason.literals()) {
      if (other != lit) antecedents.push_back(unit_ids_[var_of(other)]);
    }
    antecedents.push_back(reason.id());
    const ClauseId id = next_clause_id();
    const Lit unit[] = {lit};
    proof_add(id, unit, antecedents);
    unit_ids_[var] = id;
  }
}

void Internal::learn_empty_clause(ClauseRef conflict) {
  const Clause& clause = arena_[conflict];
  become_inconsistent(clause.id(), clause.literals());
  write_empty_clause();
}

// The proof step is written by solve(), not here: while original clauses
// are still being added, any new id would collide with theirs.  The
// falsified clause is copied because the arena may change before that.
void Internal::become_inconsistent(ClauseId conflict_id, std::span<const Lit> conflict) {
  inconsistent_ = true;
  empty_clause_conflict_id_ = conflict_id;
  empty_clause_conflict_.assign(conflict.begin(), conflict.end());
}

void Internal::write_empty_clause() {
  if (empty_clause_written_) return;
  empty_clause_written_ = true;
  if (empty_clause_conflict_.empty()) {
    // An original clause is empty: nothing to derive.  DRAT states it all
    // the same; LRAT has no step for it.
    if (proof && !proof->wants_antecedents()) proof->add(next_clause_id(), {}, {});
    return;
  }
  if (!proof && !checker_) return;
  std::vector<ClauseId> antecedents;
  if (lrat()) {
    derive_root_units();
    for (Lit lit : empty_clause_conflict_) antecedents.push_back(unit_ids_[var_of(lit)]);
    antecedents.push_back(empty_clause_conflict_id_);
  }
  proof_add(next_clause_id(), {}, antecedents);
}

}  // namespace wang::sat
