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
  originals_.push_back(clause);
  clauses_[id] = std::move(clause);
}

void Checker::add_derived(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  if (clauses_.count(id)) fail("the id is taken", id);
  bool conflict = false;
  for (Lit lit : literals) {
    if (value(lit) == kTrue) conflict = true;  // the clause repeats its negation: a tautology
    if (value(lit) == kUnassigned) assign(negate(lit));
  }
  for (size_t i = 0; i < antecedents.size() && !conflict; ++i) {
    const auto found = clauses_.find(antecedents[i]);
    if (found == clauses_.end()) fail("antecedent " + std::to_string(antecedents[i]) + " is not a live clause", id);
    Lit open = kNoLit;
    size_t open_count = 0;
    for (Lit lit : found->second) {
      const Value v = value(lit);
      if (v == kTrue) fail("antecedent " + std::to_string(antecedents[i]) + " is satisfied", id);
      if (v == kUnassigned && open != lit) {
        open = lit;
        ++open_count;
      }
    }
    if (open_count == 0) {
      conflict = true;
    } else if (open_count == 1) {
      assign(open);
    } else {
      fail("antecedent " + std::to_string(antecedents[i]) + " is not unit", id);
    }
  }
  for (Lit lit : assigned_) values_[lit] = values_[negate(lit)] = kUnassigned;
  assigned_.clear();
  if (!conflict) fail("no conflict after the antecedents of " + clause_text(literals), id);
  if (literals.empty()) refuted_ = true;
  clauses_[id].assign(literals.begin(), literals.end());
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
