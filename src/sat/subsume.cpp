// Subsumption and self-subsuming resolution (strengthening).
//
// A clause C subsumes D when every literal of C is in D: D is redundant.  If
// all but one literal of C are in D and the remaining one occurs negated in
// D, resolving the two yields D without that literal, which replaces D.
// Both shrink the formula before elimination, whose cost grows with the
// number and length of clauses, and resolvents of elimination are themselves
// often subsumed.  Each candidate C is checked against the clauses of its
// least frequent variable, over both polarities, which is where the
// occurrence lists are shortest.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

namespace {
constexpr size_t kCandidatesPerLimitCheck = 1024;
}  // namespace

// Compares D against the marked clause C (|C| = `size`); returns kNoLit when
// D is subsumed, the literal of D to remove when D can be strengthened, and
// `kKeep` otherwise.
Lit Internal::subsumption_check(ClauseRef candidate, uint32_t size) const {
  const Clause& clause = arena_[candidate];
  uint32_t found = 0;
  Lit negated = kNoLit;
  for (Lit lit : clause) {
    if (lit_marks_[lit]) {
      ++found;
    } else if (lit_marks_[negate(lit)]) {
      if (negated != kNoLit) return kKeepClause;
      negated = lit;
      ++found;
    }
  }
  return found == size ? negated : kKeepClause;
}

void Internal::strengthen_clause(ClauseRef subsuming, ClauseRef ref, Lit remove) {
  std::vector<Lit> shortened;
  for (Lit lit : arena_[ref].literals()) {
    if (lit != remove) shortened.push_back(lit);
  }
  const ClauseId id = next_clause_id();
  const ClauseId antecedents[] = {arena_[ref].id(), arena_[subsuming].id()};
  proof_add(id, shortened, antecedents);
  delete_clause(ref);
  elim_touched_[var_of(remove)] = 1;
  ++stats.strengthened;
  if (shortened.size() == 1) {
    const Value v = value(shortened[0]);
    if (v == kFalse) {
      become_inconsistent(id, shortened);
    } else if (v == kUnassigned) {
      assign_root_unit(shortened[0], id);
    }
    return;
  }
  const ClauseRef copy = allocate_unwatched(shortened, false, id);
  arena_[copy].subsume = 1;
  ++irredundant_;
  for (Lit lit : shortened) occurrences_[lit].push_back(copy);
}

void Internal::subsume_with(ClauseRef ref) {
  const Clause& clause = arena_[ref];
  const uint32_t size = clause.size;
  Lit pivot = clause[0];
  for (Lit lit : clause) {
    if (occurrences_[lit].size() + occurrences_[negate(lit)].size() <
        occurrences_[pivot].size() + occurrences_[negate(pivot)].size()) {
      pivot = lit;
    }
  }
  for (Lit lit : clause) lit_marks_[lit] = 1;
  for (Lit lit : {pivot, negate(pivot)}) {
    // Strengthening appends to occurrence lists: iterate by index.
    for (size_t i = 0; i < occurrences_[lit].size(); ++i) {
      const ClauseRef other = occurrences_[lit][i];
      if (other == ref || arena_[other].garbage || arena_[other].size < size) continue;
      elim_steps_ += arena_[other].size;
      const Lit result = subsumption_check(other, size);
      if (result == kKeepClause) continue;
      if (result == kNoLit) {
        delete_clause(other);
        ++stats.subsumed;
      } else {
        strengthen_clause(ref, other, result);
        if (inconsistent_) break;
      }
    }
    if (inconsistent_) break;
  }
  for (Lit lit : arena_[ref].literals()) lit_marks_[lit] = 0;
}

// Checks every clause added or changed since the last round, shortest first.
void Internal::subsumption_round() {
  PhaseTimer timer(stats.time_subsume);
  std::vector<ClauseRef> candidates;
  for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
    const Clause& clause = arena_[ref];
    if (!clause.garbage && !clause.learnt && clause.subsume) candidates.push_back(ref);
  }
  std::sort(candidates.begin(), candidates.end(),
            [this](ClauseRef a, ClauseRef b) { return arena_[a].size < arena_[b].size; });
  for (size_t i = 0; i < candidates.size(); ++i) {
    const ClauseRef ref = candidates[i];
    if (elim_steps_ > elim_budget_ || inconsistent_) break;
    // Millions of candidates take seconds; the ones left keep their flag
    // for the next round.
    if (i % kCandidatesPerLimitCheck == kCandidatesPerLimitCheck - 1 && limits_reached_now()) break;
    arena_[ref].subsume = 0;
    if (!arena_[ref].garbage) subsume_with(ref);
  }
}

}  // namespace wang::sat
