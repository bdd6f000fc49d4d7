#include "sat/checker.hpp"

#include <algorithm>
#include <stdexcept>

namespace wang::sat {

namespace {

std::string clause_text(std::span<const Lit> literals) {
  std::string text;
  for (Lit lit : literals) text += std::to_string(lit_to_dimacs(lit)) + " ";
  return text + "0";
}

}  // namespace

void Checker::fail(const std::string& what, ClauseId id) const {
  throw std::logic_error("the internal checker rejects step " + std::to_string(id) + ": " + what);
}

void Checker::assign(Lit lit) {
  const size_t needed = 2 * (static_cast<size_t>(var_of(lit)) + 1);
  if (values_.size() < needed) values_.resize(needed, kUnassigned);
  values_[lit] = kTrue;
  values_[negate(lit)] = kFalse;
  assigned_.push_back(lit);
}

void Checker::add_original(ClauseId id, std::span<const Lit> literals) {
  std::vector<Lit> clause(literals.begin(), literals.end());
  std::sort(clause.begin(), clause.end());
  clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
  if (clause.empty()) refuted_ = true;
  for (Lit lit : clause) {
    if (var_of(lit) >= original_vars_.size()) original_vars_.resize(var_of(lit) + 1, 0);
    original_vars_[var_of(lit)] = 1;
  }
  originals_.push_back(clause);
  clauses_[id] = std::move(clause);
}

void Checker::unassign_to(size_t size) {
  while (assigned_.size() > size) {
    const Lit lit = assigned_.back();
    values_[lit] = values_[negate(lit)] = kUnassigned;
    assigned_.pop_back();
  }
}

// Unit propagation over `hints` (up to the first RAT candidate, whose
// position `next` is left at): whether it ends in a conflict.
bool Checker::propagate_hints(std::span<const ClauseId> hints, size_t& next, ClauseId id) {
  for (; next < hints.size() && !is_rat_candidate(hints[next]); ++next) {
    const auto found = clauses_.find(hints[next]);
    if (found == clauses_.end()) fail("antecedent " + std::to_string(hints[next]) + " is not a live clause", id);
    Lit open = kNoLit;
    size_t open_count = 0;
    for (Lit lit : found->second) {
      const Value v = value(lit);
      if (v == kTrue) fail("antecedent " + std::to_string(hints[next]) + " is satisfied", id);
      if (v == kUnassigned && open != lit) {
        open = lit;
        ++open_count;
      }
    }
    if (open_count == 0) return true;
    if (open_count > 1) fail("antecedent " + std::to_string(hints[next]) + " is not unit", id);
    assign(open);
  }
  return false;
}

// Under the negated clause: every live clause with the negated pivot (the
// clause's first literal) must have its group, a candidate id and the
// hints that refute the resolvent.
bool Checker::rat_holds(std::span<const Lit> literals, std::span<const ClauseId> groups, ClauseId id) {
  if (literals.empty()) return false;
  const Lit pivot = literals[0];
  std::unordered_map<ClauseId, size_t> group_of;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (is_rat_candidate(groups[i])) group_of[unmarked(groups[i])] = i;
  }
  for (const ClauseId candidate : extension_occurrences_[negate(pivot)]) {
    const auto live = clauses_.find(candidate);
    if (live == clauses_.end()) continue;
    const std::vector<Lit>& clause = live->second;
    const auto group = group_of.find(candidate);
    if (group == group_of.end()) return false;
    const size_t mark = assigned_.size();
    bool conflict = false;
    for (Lit lit : clause) {
      if (lit == negate(pivot)) continue;
      if (value(lit) == kTrue) conflict = true;  // a tautological resolvent
      if (value(lit) == kUnassigned) assign(negate(lit));
    }
    size_t next = group->second + 1;
    if (!conflict) conflict = propagate_hints(groups, next, id);
    unassign_to(mark);
    if (!conflict) return false;
  }
  return true;
}

void Checker::add_step(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents, bool rat) {
  if (clauses_.count(id)) fail("the id is taken", id);
  bool conflict = false;
  for (Lit lit : literals) {
    if (value(lit) == kTrue) conflict = true;  // the clause repeats its negation: a tautology
    if (value(lit) == kUnassigned) assign(negate(lit));
  }
  size_t next = 0;
  if (!conflict) conflict = propagate_hints(antecedents, next, id);
  if (!conflict && rat) conflict = rat_holds(literals, antecedents.subspan(next), id);
  unassign_to(0);
  if (!conflict) {
    fail((rat ? "not RAT along the antecedents of " : "no conflict after the antecedents of ") + clause_text(literals),
         id);
  }
  if (literals.empty()) refuted_ = true;
  clauses_[id].assign(literals.begin(), literals.end());
  for (Lit lit : literals) {
    const bool original = var_of(lit) < original_vars_.size() && original_vars_[var_of(lit)];
    if (!original) extension_occurrences_[lit].push_back(id);
  }
}

void Checker::add_derived(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  add_step(id, literals, antecedents, false);
}

void Checker::add_extension(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  if (literals.empty()) fail("an empty extension clause", id);
  const Var pivot = var_of(literals[0]);
  if (pivot < original_vars_.size() && original_vars_[pivot]) {
    fail("extends on variable " + std::to_string(pivot + 1) + " of the original formula", id);
  }
  add_step(id, literals, antecedents, true);
}

void Checker::remove(ClauseId id) {
  if (clauses_.erase(id) == 0) fail("deletes a clause that is not live", id);
}

void Checker::check_model(std::span<const Value> model) const {
  for (const std::vector<Lit>& clause : originals_) {
    const bool satisfied = std::any_of(clause.begin(), clause.end(), [&model](Lit lit) {
      const Value v = var_of(lit) < model.size() ? model[var_of(lit)] : kFalse;
      return (is_negative(lit) ? -v : v) == kTrue;
    });
    if (!satisfied) fail("the model falsifies the original clause " + clause_text(clause), 0);
  }
}

void Checker::check_refutation() const {
  if (!refuted_) fail("unsatisfiable without a derived empty clause", 0);
}

}  // namespace wang::sat
