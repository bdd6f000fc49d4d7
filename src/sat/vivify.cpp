// Vivification of learned clauses.
//
// For a clause C = (l1 ... lk), assign l1, l2, ... false one after the other
// and propagate.  A conflict after the first i literals shows that those i
// literals alone form a clause implied by the formula; a literal found true
// shows the same for the literals so far plus that one; a literal found
// false can be dropped.  Conflict analysis over the implication graph then
// keeps only the decisions that were really needed.  Learned clauses that
// survive the first reductions (tiers 1 and 2) are used over and over, so
// shortening them pays off many times; modern solvers gain a lot on
// structured instances from it.
//
// Clauses replaced during a round stay attached until the round ends, so
// that every proof step of the round may use them; then they are deleted
// and the arena is collected.
#include <algorithm>

#include "sat/vivify.hpp"

namespace wang::sat {

Vivifier::Vivifier(Internal& engine) : Technique(engine) {}

// Tries to shorten one clause; returns true when it was replaced.
// The probing decisions say nothing about good phases: undoing them must not
// overwrite the saved phases of the search.
bool Vivifier::vivify_clause(ClauseRef ref) {
  backtrack_probe(0);
  std::vector<Lit>& literals = literals_;
  literals.assign(arena()[ref].begin(), arena()[ref].end());
  for (Lit lit : literals) {
    if (value(lit) == kTrue) {
      replaced_.push_back(ref);  // satisfied at the root
      return true;
    }
  }
  std::vector<Lit>& shorter = shorter_;
  bool found = false;
  for (Lit lit : literals) {
    const Value v = value(lit);
    if (v == kFalse) continue;
    if (v == kTrue) {
      const ClauseRef reason = var_data(var_of(lit)).reason;
      if (reason == ref) break;  // the clause propagated itself
      derive_from_decisions(reason, lit, shorter);
      found = true;
      break;
    }
    new_decision_level();
    assign_decision(negate(lit));
    const ClauseRef conflict = propagate();
    if (conflict == ref) break;
    if (conflict != kNoReason) {
      derive_from_decisions(conflict, kNoLit, shorter);
      found = true;
      break;
    }
  }
  if (!found || shorter.size() >= literals.size()) return false;
  ++stats().vivified;
  const bool learnt = arena()[ref].learnt;
  const uint32_t glue = std::min<uint32_t>(arena()[ref].glue, static_cast<uint32_t>(shorter.size()));
  backtrack_probe(0);
  const ClauseId id = next_clause_id();
  proof_add(id, shorter, chain());
  replaced_.push_back(ref);
  if (shorter.size() == 1) {
    assign_root_unit(shorter[0], id);
    if (!propagate_root_level()) return true;
  } else {
    // Its literals were unassigned at the root when they were decided (or
    // found implied), so any two of them can be watched.
    const ClauseRef copy = new_clause(shorter, learnt, glue, id);
    arena()[copy].vivified = 1;
  }
  return true;
}

void Vivifier::run(int64_t ticks) {
  PhaseTimer timer(stats().time_vivify);
  backtrack_probe(0);
  std::vector<ClauseRef> candidates;
  const uint32_t tier2 = static_cast<uint32_t>(opts().tier2glue);
  for (ClauseRef ref = arena().first(); ref != arena().end_ref(); ref = arena().next(ref)) {
    const Clause& clause = arena()[ref];
    if (clause.learnt && !clause.garbage && clause.size > 2 && clause.glue <= tier2) candidates.push_back(ref);
  }
  // Clauses not tried before first, then the most useful (lowest glue).
  std::sort(candidates.begin(), candidates.end(), [this](ClauseRef a, ClauseRef b) {
    const Clause& x = arena()[a];
    const Clause& y = arena()[b];
    if (x.vivified != y.vivified) return x.vivified < y.vivified;
    if (x.glue != y.glue) return x.glue < y.glue;
    return x.size < y.size;
  });
  const int64_t budget = stats().ticks + ticks;
  for (ClauseRef ref : candidates) {
    if (stats().ticks > budget || inconsistent()) break;
    if (arena()[ref].garbage) continue;
    arena()[ref].vivified = 1;
    vivify_clause(ref);
  }
  backtrack_probe(0);
  for (ClauseRef ref : replaced_) delete_clause(ref);
  collect_garbage();
}

}  // namespace wang::sat
