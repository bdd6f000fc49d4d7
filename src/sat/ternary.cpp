// Hyper-ternary resolution.
//
// Two clauses of three literals that clash on one variable, (p | a | b) and
// (-p | c | d), have a resolvent of four literals, unless they share one of
// the others: then it has three, or two when they share both.  Those short
// resolvents are what this step adds.  A binary one is new information for
// the implication graph (probing, equivalent literal substitution and
// transitive reduction work on it) and subsumes both antecedents when they
// are irredundant.  A ternary one lets propagation find a literal that
// needed two clauses before.  Ternary resolvents are redundant and marked
// `hyper`, so reduce deletes those the search does not use (as it does with
// probing's resolvents); a binary resolvent is irredundant exactly when
// both antecedents are.  Resolvents already present, or subsumed by a binary
// clause, are not added.
//
// Each step is a RUP step with the two antecedents as its LRAT hints: with
// the resolvent false, the clause with p makes p true and the other clause
// false.  Pivots are taken in variable order from where the last round
// stopped; the budget counts the pairs of clauses tried.
#include "sat/ternary.hpp"

#include <algorithm>

namespace wang::sat {

namespace {

bool open_ternary(const Clause& clause) { return !clause.garbage && clause.size == 3; }

}  // namespace

TernaryResolver::TernaryResolver(Internal& engine) : Technique(engine) {}

void TernaryResolver::connect_ternaries() {
  occurrences_.assign(2 * static_cast<size_t>(num_vars()), {});
  const ClauseRef end = arena().end_ref();
  for (ClauseRef ref = arena().first(); ref != end; ref = arena().next(ref)) {
    const Clause& clause = arena()[ref];
    if (!open_ternary(clause)) continue;
    if (std::any_of(clause.begin(), clause.end(), [this](Lit lit) { return value(lit) != kUnassigned; })) continue;
    for (Lit lit : clause) occurrences_[lit].push_back(ref);
  }
  first_new_ = end;
}

// Fills resolvent_ with the resolvent of the two clauses on `pivot`;
// false when it is a tautology or longer than three literals.
bool TernaryResolver::resolvent(const Clause& positive, const Clause& negative, Lit pivot) {
  resolvent_.clear();
  for (Lit lit : positive) {
    if (lit != pivot) resolvent_.push_back(lit);
  }
  for (Lit lit : negative) {
    if (lit == negate(pivot)) continue;
    if (std::find(resolvent_.begin(), resolvent_.end(), negate(lit)) != resolvent_.end()) return false;
    if (std::find(resolvent_.begin(), resolvent_.end(), lit) == resolvent_.end()) resolvent_.push_back(lit);
  }
  return resolvent_.size() <= 3;
}

bool TernaryResolver::binary_present(Lit a, Lit b) const {
  const WatchList& list = watches(a);
  return std::any_of(list.begin(), list.end(),
                     [&](const Watch& watch) { return live_binary(watch) && watch.blocker == b; });
}

// Whether a clause already present has a subset of resolvent_'s literals
// (a binary clause or the same ternary one).
bool TernaryResolver::subsumed() const {
  for (size_t i = 0; i < resolvent_.size(); ++i) {
    for (size_t j = i + 1; j < resolvent_.size(); ++j) {
      if (binary_present(resolvent_[i], resolvent_[j])) return true;
    }
  }
  if (resolvent_.size() == 2) return false;
  for (ClauseRef ref : occurrences_[resolvent_[0]]) {
    const Clause& clause = arena()[ref];
    if (clause.garbage) continue;
    const bool same = std::all_of(clause.begin(), clause.end(), [this](Lit lit) {
      return std::find(resolvent_.begin(), resolvent_.end(), lit) != resolvent_.end();
    });
    if (same) return true;
  }
  return false;
}

void TernaryResolver::add_resolvent(ClauseRef positive, ClauseRef negative) {
  const bool binary = resolvent_.size() == 2;
  const bool redundant = !binary || arena()[positive].learnt || arena()[negative].learnt;
  const ClauseId antecedents[] = {arena()[positive].id(), arena()[negative].id()};
  const ClauseId id = next_clause_id();
  proof_add(id, resolvent_, antecedents);
  const ClauseRef ref = new_clause(resolvent_, redundant, binary ? 1 : 2, id);
  if (binary) {
    ++stats().ternary_binaries;
    if (redundant) return;
    // It subsumes both antecedents.
    delete_clause(positive);
    delete_clause(negative);
    for (Lit lit : resolvent_) touch(var_of(lit));
  } else {
    ++stats().ternary_resolvents;
    arena()[ref].hyper = 1;
    for (Lit lit : resolvent_) occurrences_[lit].push_back(ref);
  }
}

void TernaryResolver::resolve_on(Lit pivot, int64_t& steps) {
  // A resolvent contains neither `pivot` nor its negation: adding it
  // leaves these two lists alone.
  for (const ClauseRef positive : occurrences_[pivot]) {
    if (positive >= first_new_) continue;
    for (const ClauseRef negative : occurrences_[negate(pivot)]) {
      if (steps <= 0) return;
      // A binary resolvent deleted it: go on with the next one.
      if (arena()[positive].garbage) break;
      if (negative >= first_new_ || arena()[negative].garbage) continue;
      --steps;
      if (!resolvent(arena()[positive], arena()[negative], pivot) || subsumed()) continue;
      add_resolvent(positive, negative);
    }
  }
}

void TernaryResolver::run(int64_t steps) {
  PhaseTimer timer(stats().time_ternary);
  connect_ternaries();
  const Var variables = num_vars();
  if (variables == 0) return;
  const Var start = static_cast<Var>(stats().ternary_pivots % variables);
  for (Var i = 0; i < variables && steps > 0; ++i) {
    const Var var = (start + i) % variables;
    ++stats().ternary_pivots;
    if (status(var) != VarStatus::active || value(make_lit(var, false)) != kUnassigned) continue;
    resolve_on(make_lit(var, false), steps);
  }
  occurrences_.clear();
  collect_garbage();
}

}  // namespace wang::sat
