// First-UIP conflict analysis.
//
// Starting from the falsified clause, literals of the conflict level are
// resolved away in reverse trail order until one is left, the first unique
// implication point.  The learned clause (UIP negated plus the literals of
// lower levels) is asserting: after backjumping to the second highest level
// in it, it propagates the negated UIP.  The first UIP gives the shortest
// backjump-preserving clause among the cuts of the implication graph, which
// is why nearly all CDCL solvers learn it.
//
// Glue (the number of distinct decision levels in a clause, a.k.a. LBD)
// predicts usefulness: clauses of glue 2 connect two decisions tightly and
// are kept forever.  Reason clauses met during analysis are bumped and their
// glue is recomputed, which promotes clauses that keep being useful.
//
// With an LRAT proof the antecedents of the learned clause are collected as
// well: the reasons of every resolved or minimized-away literal, ordered by
// trail position (so that each becomes unit under the negated clause), after
// the unit clauses of root-level literals and before the conflict.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

namespace {
constexpr uint32_t kConflictStep = UINT32_MAX;
}  // namespace

uint32_t Internal::compute_glue(std::span<const Lit> literals) {
  uint32_t glue = 0;
  for (Lit lit : literals) {
    const uint32_t level = level_of(lit);
    if (level_seen_[level]) continue;
    level_seen_[level] = 1;
    levels_.push_back(level);
    ++glue;
  }
  for (uint32_t level : levels_) level_seen_[level] = 0;
  levels_.clear();
  return glue;
}

void Internal::bump_reason_clause(ClauseRef ref) {
  Clause& clause = arena_[ref];
  if (!clause.learnt) return;
  clause.activity += clause_activity_increment_;
  if (clause.activity > 1e20f) {
    for (ClauseRef r = arena_.first(); r != arena_.end_ref(); r = arena_.next(r)) arena_[r].activity *= 1e-20f;
    clause_activity_increment_ *= 1e-20f;
  }
  if (clause.hyper) {
    clause.used = 1;
    return;
  }
  if (clause.glue <= static_cast<uint32_t>(opts.tier1glue)) return;
  clause.used = clause.glue <= static_cast<uint32_t>(opts.tier2glue) ? 2 : 1;
  const uint32_t glue = compute_glue(clause.literals());
  if (glue < clause.glue) clause.glue = glue;
}

void Internal::add_root_antecedent(Var var) {
  if (!lrat() || (seen_[var] & mark::kRoot)) return;
  seen_[var] |= mark::kRoot;
  analyzed_.push_back(var);
  chain_.push_back(unit_ids_[var]);
}

// Antecedents in an order that unit propagation can follow: root units
// (already in `chain_`), reasons by trail position, the conflict last.
void Internal::collect_chain(ClauseRef conflict) {
  const Var uip = var_of(learnt_[0]);
  for (Var var : analyzed_) {
    if (var == uip || !(seen_[var] & (mark::kSeen | mark::kRemovable))) continue;
    const ClauseRef reason = vars_[var].reason;
    if (reason == kNoReason) continue;
    // A literal of the learned clause has no antecedent: it is assumed false.
    if ((seen_[var] & mark::kSeen) && !(seen_[var] & mark::kRemovable) && vars_[var].level != decision_level()) continue;
    chain_steps_.emplace_back(vars_[var].trail, arena_[reason].id());
  }
  chain_steps_.emplace_back(kConflictStep, arena_[conflict].id());
  std::sort(chain_steps_.begin(), chain_steps_.end());
  for (const auto& step : chain_steps_) chain_.push_back(step.second);
  chain_steps_.clear();
}

void Internal::analyze(ClauseRef conflict) {
  WANG_SAT_ASSERT(decision_level() > 0);
  if constexpr (kAssertions) {
    for (Lit lit : arena_[conflict].literals()) WANG_SAT_ASSERT(value(lit) == kFalse);
  }
  ++stats.conflicts;
  update_phases(control_.back());
  const uint32_t conflict_level = decision_level();
  learnt_.clear();
  learnt_.push_back(kNoLit);
  chain_.clear();

  uint32_t open = 0;
  size_t index = trail_.size();
  Lit uip = kNoLit;
  ClauseRef reason = conflict;
  for (;;) {
    bump_reason_clause(reason);
    for (Lit lit : arena_[reason].literals()) {
      if (lit == uip) continue;
      const Var var = var_of(lit);
      if (seen_[var] & mark::kSeen) continue;
      const VarData& data = vars_[var];
      if (data.level == 0) {
        add_root_antecedent(var);
        continue;
      }
      seen_[var] |= mark::kSeen;
      analyzed_.push_back(var);
      if (data.level == conflict_level) {
        ++open;
      } else {
        learnt_.push_back(lit);
      }
    }
    do {
      uip = trail_[--index];
    } while (!(seen_[var_of(uip)] & mark::kSeen));
    if (--open == 0) break;
    reason = vars_[var_of(uip)].reason;
  }
  learnt_[0] = negate(uip);

  if (opts.minimize) minimize_learnt();
  if (opts.shrink) shrink_learnt();
  // The literal of the highest remaining level goes to the second watch.
  uint32_t jump_level = 0;
  for (size_t i = 1; i < learnt_.size(); ++i) {
    const uint32_t level = level_of(learnt_[i]);
    if (level > jump_level) {
      jump_level = level;
      std::swap(learnt_[1], learnt_[i]);
    }
  }
  const uint32_t glue = compute_glue(learnt_);
  if (lrat()) collect_chain(conflict);
  bump_variables();
  clear_analysis();

  stats.learned_literals += static_cast<int64_t>(learnt_.size());
  update_glue_averages(glue);
  backtrack(jump_level);
  const ClauseId id = next_clause_id();
  proof_add(id, learnt_, chain_);
  // Asserting: the UIP is open, the rest false after the backjump.
  WANG_SAT_ASSERT(value(learnt_[0]) == kUnassigned);
  if (learn_observer && learnt_.size() <= learn_max_size) learn_observer(learnt_);
  if (learnt_.size() == 1) {
    ++stats.learned_units;
    assign_root_unit(learnt_[0], id);
    return;
  }
  ++stats.learned;
  const ClauseRef ref = new_clause(learnt_, true, glue, id);
  assign(learnt_[0], ref);
}

void Internal::clear_analysis() {
  for (Var var : analyzed_) seen_[var] = 0;
  analyzed_.clear();
}

}  // namespace wang::sat
