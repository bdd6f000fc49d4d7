// Bringing eliminated and substituted variables back.
//
// A new clause or an assumption over an eliminated variable x makes the
// elimination of x invalid: the clauses removed with x must return (for a
// substituted x, the two clauses of its equivalence).  They may mention
// variables eliminated later, which must then return too, so the witness
// stack is walked from oldest to newest, restoring every entry whose
// variable is tainted and tainting the eliminated variables it contains.
// Untainted entries stay, in order.  The restored clauses were never deleted
// in the proof, so re-adding them is justified by their old ids.  New clauses
// over eliminated variables wait for the next solve, so that one walk serves
// all of them.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

bool Internal::taint_eliminated(std::span<const Lit> literals) {
  bool any = false;
  for (Lit lit : literals) {
    if (status_[var_of(lit)] == VarStatus::active) continue;
    restore_taint_[var_of(lit)] = 1;
    any = true;
  }
  restore_pending_ |= any;
  return any;
}

void Internal::restore_variables() {
  if (!restore_pending_) return;
  std::vector<uint8_t>& tainted = restore_taint_;
  backtrack(0);
  std::vector<WitnessEntry> kept;
  std::vector<Lit> kept_literals;
  std::vector<std::pair<ClauseId, std::vector<Lit>>> restored;
  size_t begin = 0;
  for (const WitnessEntry& entry : witnesses_) {
    const std::span<const Lit> clause(witness_literals_.data() + begin, entry.size);
    begin += entry.size;
    if (!tainted[var_of(entry.witness)]) {
      kept.push_back(entry);
      kept_literals.insert(kept_literals.end(), clause.begin(), clause.end());
      continue;
    }
    taint_eliminated(clause);
    restored.emplace_back(entry.id, std::vector<Lit>(clause.begin(), clause.end()));
  }
  witnesses_.swap(kept);
  witness_literals_.swap(kept_literals);
  for (Var var = 0; var < num_vars; ++var) {
    if (!tainted[var]) continue;
    tainted[var] = 0;
    if (status_[var] == VarStatus::active) continue;
    status_[var] = VarStatus::active;
    elim_touched_[var] = 1;
    ++stats.restored;
    if (stable_) {
      heap_.push(var);
    } else {
      queue_.unassigned(var);
    }
  }
  restore_pending_ = false;
  for (const auto& [old_id, clause] : restored) {
    const ClauseId id = next_clause_id();
    const ClauseId antecedents[] = {old_id};
    proof_add(id, clause, antecedents);
    add_clause_at_root(clause, id);
  }
  size_t offset = 0;
  for (const auto& [id, size] : waiting_clauses_) {
    add_normalized_clause(std::span<const Lit>(waiting_literals_.data() + offset, size), id);
    offset += size;
  }
  waiting_clauses_.clear();
  waiting_literals_.clear();
}

}  // namespace wang::sat
