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

// Collects the decisions (negated: the literals of the shorter clause) and,
// for LRAT, the antecedents that derive `start` falsified, or, when
// `implied` is a literal, that derive `implied` through its reason `start`.
void Vivifier::analyze(ClauseRef start, Lit implied) {
  std::vector<Lit>& shorter = shorter_;
  std::vector<uint8_t>& seen = this->seen();
  std::vector<ClauseId>& chain = this->chain();
  std::vector<std::pair<uint32_t, ClauseId>>& chain_steps = this->chain_steps();
  shorter.clear();
  chain.clear();
  chain_steps.clear();
  if (implied != kNoLit) {
    shorter.push_back(implied);
    seen[var_of(implied)] = mark::kSeen;
    analyzed().push_back(var_of(implied));
  }
  std::vector<Lit>& pending = pending_;
  pending.assign(arena()[start].begin(), arena()[start].end());
  chain_steps.emplace_back(UINT32_MAX, arena()[start].id());
  while (!pending.empty()) {
    const Lit lit = pending.back();
    pending.pop_back();
    const Var var = var_of(lit);
    if (seen[var] & (mark::kSeen | mark::kRoot)) continue;
    const VarData& data = var_data(var);
    if (data.level == 0) {
      add_root_antecedent(var);
      continue;
    }
    seen[var] |= mark::kSeen;
    analyzed().push_back(var);
    if (data.reason == kNoReason) {
      shorter.push_back(lit);  // false: the negation of a decision
      continue;
    }
    chain_steps.emplace_back(data.trail, arena()[data.reason].id());
    for (Lit other : arena()[data.reason].literals()) {
      if (var_of(other) != var) pending.push_back(other);
    }
  }
  if (lrat()) {
    std::sort(chain_steps.begin(), chain_steps.end());
    for (const auto& step : chain_steps) chain.push_back(step.second);
  }
  chain_steps.clear();
  clear_analysis();
}

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
      analyze(reason, lit);
      found = true;
      break;
    }
    new_decision_level();
    assign_decision(negate(lit));
    const ClauseRef conflict = propagate();
    if (conflict == ref) break;
    if (conflict != kNoReason) {
      analyze(conflict, kNoLit);
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
