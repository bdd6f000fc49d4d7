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
#include "sat/subsume.hpp"

#include <algorithm>

namespace wang::sat {

namespace {
constexpr size_t kCandidatesPerLimitCheck = 1024;
// Result of a subsumption check: keep the clause.
constexpr Lit kKeepClause = UINT32_MAX - 1;
}  // namespace

Subsumer::Subsumer(Internal& engine, OccurrenceLists& occurrences, StepBudget& budget)
    : Technique(engine), occurrences_(occurrences), budget_(budget), marks_(2 * static_cast<size_t>(num_vars()), 0) {}

// Compares D against the marked clause C (|C| = `size`); returns kNoLit when
// D is subsumed, the literal of D to remove when D can be strengthened, and
// `kKeepClause` otherwise.
Lit Subsumer::check(ClauseRef candidate, uint32_t size) const {
  const Clause& clause = arena()[candidate];
  uint32_t found = 0;
  Lit negated = kNoLit;
  for (Lit lit : clause) {
    if (marks_[lit]) {
      ++found;
    } else if (marks_[negate(lit)]) {
      if (negated != kNoLit) return kKeepClause;
      negated = lit;
      ++found;
    }
  }
  return found == size ? negated : kKeepClause;
}

void Subsumer::strengthen(ClauseRef subsuming, ClauseRef ref, Lit remove) {
  std::vector<Lit>& shortened = shortened_;
  shortened.clear();
  for (Lit lit : arena()[ref].literals()) {
    if (lit != remove) shortened.push_back(lit);
  }
  const ClauseId id = next_clause_id();
  const ClauseId antecedents[] = {arena()[ref].id(), arena()[subsuming].id()};
  proof_add(id, shortened, antecedents);
  delete_clause(ref);
  touch(var_of(remove));
  ++stats().strengthened;
  if (shortened.size() == 1) {
    add_derived_unit(shortened[0], id);
    return;
  }
  const ClauseRef copy = add_unwatched(shortened, false, id);
  arena()[copy].subsume = 1;
  for (Lit lit : shortened) occurrences_[lit].push_back(copy);
}

void Subsumer::subsume_with(ClauseRef ref) {
  const Clause& clause = arena()[ref];
  const uint32_t size = clause.size;
  Lit pivot = clause[0];
  for (Lit lit : clause) {
    if (occurrences_[lit].size() + occurrences_[negate(lit)].size() <
        occurrences_[pivot].size() + occurrences_[negate(pivot)].size()) {
      pivot = lit;
    }
  }
  for (Lit lit : clause) marks_[lit] = 1;
  for (Lit lit : {pivot, negate(pivot)}) {
    // Strengthening appends to occurrence lists: iterate by index.
    for (size_t i = 0; i < occurrences_[lit].size(); ++i) {
      const ClauseRef other = occurrences_[lit][i];
      if (other == ref || arena()[other].garbage || arena()[other].size < size) continue;
      budget_.steps += arena()[other].size;
      const Lit result = check(other, size);
      if (result == kKeepClause) continue;
      if (result == kNoLit) {
        delete_clause(other);
        ++stats().subsumed;
      } else {
        strengthen(ref, other, result);
        if (inconsistent()) break;
      }
    }
    if (inconsistent()) break;
  }
  for (Lit lit : arena()[ref].literals()) marks_[lit] = 0;
}

// Checks every clause added or changed since the last round, shortest first.
void Subsumer::run() {
  PhaseTimer timer(stats().time_subsume);
  std::vector<ClauseRef> candidates;
  for (ClauseRef ref = arena().first(); ref != arena().end_ref(); ref = arena().next(ref)) {
    const Clause& clause = arena()[ref];
    if (!clause.garbage && !clause.learnt && clause.subsume) candidates.push_back(ref);
  }
  std::sort(candidates.begin(), candidates.end(),
            [this](ClauseRef a, ClauseRef b) { return arena()[a].size < arena()[b].size; });
  for (size_t i = 0; i < candidates.size(); ++i) {
    const ClauseRef ref = candidates[i];
    if (budget_.exhausted() || inconsistent()) break;
    // Millions of candidates take seconds; the ones left keep their flag
    // for the next round.
    if (i % kCandidatesPerLimitCheck == kCandidatesPerLimitCheck - 1 && limits_reached_now()) break;
    arena()[ref].subsume = 0;
    if (!arena()[ref].garbage) subsume_with(ref);
  }
}

}  // namespace wang::sat
