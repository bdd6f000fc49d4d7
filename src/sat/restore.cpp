// Bringing eliminated and substituted variables back.
//
// A new clause or an assumption over an eliminated variable x makes the
// elimination of x invalid: the clauses removed with x must return (for a
// substituted x, the two clauses of its equivalence).  They
// may mention variables eliminated later, which must then return too, so the
// witness stack is walked from oldest to newest, restoring every entry whose
// variable is tainted and tainting the eliminated variables it contains.
// Untainted entries stay, in order.  The restored clauses were never deleted
// in the proof, so re-adding them is justified by their old ids.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::restore_variables(std::span<const Lit> literals) {
  const auto eliminated = [this](Lit lit) { return status_[var_of(lit)] != VarStatus::active; };
  if (std::none_of(literals.begin(), literals.end(), eliminated)) return;
  std::vector<uint8_t>& tainted = restore_taint_;
  tainted.assign(num_vars, 0);
  for (Lit lit : literals) {
    if (eliminated(lit)) tainted[var_of(lit)] = 1;
  }
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
    for (Lit lit : clause) {
      if (eliminated(lit)) tainted[var_of(lit)] = 1;
    }
    restored.emplace_back(entry.id, std::vector<Lit>(clause.begin(), clause.end()));
  }
  witnesses_.swap(kept);
  witness_literals_.swap(kept_literals);
  for (Var var = 0; var < num_vars; ++var) {
    if (!tainted[var] || status_[var] == VarStatus::active) continue;
    status_[var] = VarStatus::active;
    elim_touched_[var] = 1;
    ++stats.restored;
    if (stable_) {
      heap_.push(var);
    } else {
      queue_.unassigned(var);
    }
  }
  for (const auto& [old_id, clause] : restored) {
    const ClauseId id = next_clause_id();
    const ClauseId antecedents[] = {old_id};
    proof_add(id, clause, antecedents);
    add_clause_at_root(clause, id);
  }
}

}  // namespace wang::sat
