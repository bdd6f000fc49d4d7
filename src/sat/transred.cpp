// Transitive reduction of the binary implication graph.
//
// A binary clause (a | b) is the pair of edges -a -> b and -b -> a.  When b
// is reachable from -a along other binary clauses, the clause adds nothing
// that propagation would not find anyway, one step later: it is deleted.
// Probing adds hyper-binary resolvents by the thousand and learned binary
// clauses pile up, so on circuits the graph carries many such shortcuts;
// each costs a watch in two lists that every propagation of those literals
// visits.  An irredundant clause is only removed when other irredundant
// clauses imply it: redundant ones may be deleted later, and with them the
// only reason the formula still implied it.  Deletions need no antecedents
// in any proof format.
//
// Clauses are checked in arena order, starting where the last round
// stopped (by the count of checks), so a limited budget still gets around
// them over several rounds.
#include "sat/transred.hpp"

namespace wang::sat {

TransitiveReducer::TransitiveReducer(Internal& engine) : Technique(engine) {}

std::vector<ClauseRef> TransitiveReducer::candidates() const {
  std::vector<ClauseRef> result;
  const ClauseRef end = arena().end_ref();
  for (ClauseRef ref = arena().first(); ref != end; ref = arena().next(ref)) {
    const Clause& clause = arena()[ref];
    if (clause.garbage || clause.size != 2) continue;
    if (value(clause[0]) != kUnassigned || value(clause[1]) != kUnassigned) continue;
    result.push_back(ref);
  }
  return result;
}

// Whether the binary clause `ref` = (a | b) follows from the other binary
// clauses: a breadth-first search from -a that avoids `ref` and looks for b.
bool TransitiveReducer::implied_elsewhere(ClauseRef ref) {
  const Clause& clause = arena()[ref];
  const Lit source = negate(clause[0]);
  const Lit target = clause[1];
  const bool irredundant_only = !clause.learnt;
  if (++search_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    search_ = 1;
  }
  queue_.assign({source});
  stamp_[source] = search_;
  for (size_t head = 0; head < queue_.size(); ++head) {
    // Every literal on the queue is implied by `source`, and so is the other
    // literal of each binary clause with its negation.
    const WatchList& list = watches(negate(queue_[head]));
    ticks_ += 1 + static_cast<int64_t>(list.size() / 8);
    for (const Watch& watch : list) {
      if (!live_binary(watch) || watch.ref() == ref) continue;
      const Lit implied = watch.blocker;
      if (stamp_[implied] == search_) continue;
      if (irredundant_only && arena()[watch.ref()].learnt) continue;
      if (implied == target) return true;
      stamp_[implied] = search_;
      queue_.push_back(implied);
    }
  }
  return false;
}

void TransitiveReducer::run(int64_t ticks) {
  PhaseTimer timer(stats().time_transred);
  const std::vector<ClauseRef> binaries = candidates();
  if (binaries.empty()) return;
  stamp_.assign(2 * static_cast<size_t>(num_vars()), 0);
  const size_t start = static_cast<size_t>(stats().transitive_checks) % binaries.size();
  for (size_t i = 0; i < binaries.size() && ticks_ <= ticks; ++i) {
    const ClauseRef ref = binaries[(start + i) % binaries.size()];
    ++stats().transitive_checks;
    if (!implied_elsewhere(ref)) continue;
    if (!arena()[ref].learnt) {
      // Elimination may now find these variables cheaper.
      touch(var_of(arena()[ref][0]));
      touch(var_of(arena()[ref][1]));
    }
    delete_clause(ref);
    ++stats().transitive_reduced;
  }
  stats().ticks += ticks_;
  collect_garbage();
}

}  // namespace wang::sat
