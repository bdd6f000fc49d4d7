// The sub-solver of SAT sweeping.
//
// Plain CDCL kept small: two watched literals, first-UIP learning, scores
// bumped on conflicts and kept in a heap, no restarts and no reduction, since
// each instance lives for one environment of sweeping.  Assumptions are
// the first decisions; one found false ends the solve with the clause of
// the negated assumptions its implication graph reaches.
//
// Proof steps come from one walk, `trace`: given a clause falsified by the
// assignment and the variables of the clause to derive, it follows reasons
// back from the falsified clause, stopping at the derived clause's
// variables and at decisions (which join the derived clause).  Its reasons
// in trail order, then the falsified clause, are the LRAT antecedents:
// under the negation of the derived clause each of them becomes unit in
// turn, and the last one conflicts.
#include "sat/subsolver.hpp"

#include <algorithm>

#include "sat/assert.hpp"

namespace wang::sat {

namespace {

enum Mark : uint8_t { kUnmarked = 0, kSeen = 1, kDerived = 2, kCone = 4 };

constexpr double kScoreDecay = 0.95;
constexpr double kScoreLimit = 1e100;

}  // namespace

void SubSolver::reset(Var variables, SubSolverProof* proof, bool antecedents) {
  proof_ = proof;
  antecedents_ = antecedents && proof != nullptr;
  literals_.clear();
  clauses_.clear();
  const size_t literal_count = 2 * static_cast<size_t>(variables);
  for (size_t i = 0; i < std::min(literal_count, watches_.size()); ++i) watches_[i].clear();
  watches_.resize(literal_count);
  values_.assign(literal_count, kUnassigned);
  unit_ids_.assign(variables, 0);
  levels_.assign(variables, 0);
  reasons_.assign(variables, kNone);
  positions_.assign(variables, 0);
  phases_.assign(variables, 0);
  marks_.assign(variables, kUnmarked);
  activity_.assign(variables, 0.0);
  decisions_.clear();
  decisions_.resize(variables);
  for (Var var = 0; var < variables; ++var) decisions_.push(var);
  bump_increment_ = 1.0;
  trail_.clear();
  control_.clear();
  propagated_ = 0;
  inconsistent_ = false;
  empty_conflict_ = kNone;
  empty_id_ = 0;
  refutation_.clear();
  refutation_id_ = 0;
}

uint32_t SubSolver::store(std::span<const Lit> literals, ClauseId id) {
  const auto clause = static_cast<uint32_t>(clauses_.size());
  clauses_.push_back({static_cast<uint32_t>(literals_.size()), static_cast<uint32_t>(literals.size()), id});
  literals_.insert(literals_.end(), literals.begin(), literals.end());
  return clause;
}

void SubSolver::attach(uint32_t clause) {
  const std::span<Lit> literals = literals_of(clause);
  watches_[literals[0]].push_back(clause);
  watches_[literals[1]].push_back(clause);
}

void SubSolver::add_clause(std::span<const Lit> literals, ClauseId id) {
  WANG_SAT_ASSERT(!literals.empty());
  backtrack(0);
  if (inconsistent_ || empty_conflict_ != kNone) return;
  const uint32_t clause = store(literals, id);
  const std::span<Lit> stored = literals_of(clause);
  if (std::any_of(stored.begin(), stored.end(), [&](Lit lit) { return values_[lit] == kTrue; })) return;
  // Open literals first: they are the ones to watch.
  const auto open_end =
      std::stable_partition(stored.begin(), stored.end(), [&](Lit lit) { return values_[lit] == kUnassigned; });
  const auto open = open_end - stored.begin();
  if (open == 0) {
    empty_conflict_ = clause;
    return;
  }
  if (stored.size() >= 2) attach(clause);
  if (open == 1) {
    assign(stored[0], clause);
    if (stored.size() == 1) unit_ids_[var_of(stored[0])] = id;
  }
}

void SubSolver::assign(Lit lit, uint32_t reason) {
  const Var var = var_of(lit);
  values_[lit] = kTrue;
  values_[negate(lit)] = kFalse;
  levels_[var] = level();
  reasons_[var] = reason;
  positions_[var] = static_cast<uint32_t>(trail_.size());
  trail_.push_back(lit);
}

void SubSolver::backtrack(uint32_t target) {
  if (level() <= target) return;
  const size_t keep = control_[target];
  for (size_t i = keep; i < trail_.size(); ++i) {
    const Lit lit = trail_[i];
    values_[lit] = values_[negate(lit)] = kUnassigned;
    phases_[var_of(lit)] = is_negative(lit) ? 0 : 1;
    decisions_.push(var_of(lit));
  }
  trail_.resize(keep);
  control_.resize(target);
  propagated_ = std::min(propagated_, keep);
}

uint32_t SubSolver::propagate() {
  while (propagated_ < trail_.size()) {
    const Lit falsified = negate(trail_[propagated_++]);
    std::vector<uint32_t>& list = watches_[falsified];
    size_t kept = 0;
    for (size_t i = 0; i < list.size(); ++i) {
      const uint32_t clause = list[i];
      ++ticks_;
      const std::span<Lit> literals = literals_of(clause);
      if (literals[0] == falsified) std::swap(literals[0], literals[1]);
      if (values_[literals[0]] == kTrue) {
        list[kept++] = clause;
        continue;
      }
      const auto replacement =
          std::find_if(literals.begin() + 2, literals.end(), [&](Lit lit) { return values_[lit] != kFalse; });
      if (replacement != literals.end()) {
        std::swap(literals[1], *replacement);
        watches_[literals[1]].push_back(clause);
        continue;
      }
      list[kept++] = clause;
      if (values_[literals[0]] == kFalse) {
        while (++i < list.size()) list[kept++] = list[i];
        list.resize(kept);
        return clause;
      }
      assign(literals[0], clause);
    }
    list.resize(kept);
  }
  return kNone;
}

// Follows reasons back from `conflict` (falsified) to the variables of
// `derived` and to decisions, which are added to it; returns the id of the
// proof step for `derived` (0 without a proof).
ClauseId SubSolver::trace(uint32_t conflict, std::vector<Lit>& derived) {
  for (Lit lit : derived) marks_[var_of(lit)] = kDerived;
  cone_.clear();
  std::vector<uint32_t> pending = {conflict};
  while (!pending.empty()) {
    const uint32_t clause = pending.back();
    pending.pop_back();
    for (Lit lit : literals_of(clause)) {
      const Var var = var_of(lit);
      if (marks_[var] != kUnmarked) continue;
      if (reasons_[var] == kNone) {
        marks_[var] = kDerived;
        derived.push_back(lit);
        continue;
      }
      marks_[var] = kCone;
      cone_.push_back(var);
      pending.push_back(reasons_[var]);
    }
  }
  chain_.clear();
  if (antecedents_) {
    std::sort(cone_.begin(), cone_.end(), [&](Var a, Var b) { return positions_[a] < positions_[b]; });
    for (Var var : cone_) chain_.push_back(clauses_[reasons_[var]].id);
    chain_.push_back(clauses_[conflict].id);
  }
  for (Var var : cone_) marks_[var] = kUnmarked;
  for (Lit lit : derived) marks_[var_of(lit)] = kUnmarked;
  return proof_ ? proof_->derive(derived, chain_) : 0;
}

void SubSolver::bump(Var var) {
  activity_[var] += bump_increment_;
  if (activity_[var] > kScoreLimit) {
    for (double& score : activity_) score /= kScoreLimit;
    bump_increment_ /= kScoreLimit;
  }
  decisions_.increased(var);
}

// Learns the first-UIP clause of `conflict` (above the root) and asserts it.
void SubSolver::analyze(uint32_t conflict) {
  const uint32_t conflict_level = level();
  learnt_.assign({kNoLit});
  std::vector<Var>& seen = cone_;
  seen.clear();
  size_t index = trail_.size();
  uint32_t reason = conflict;
  Lit uip = kNoLit;
  int open = 0;
  for (;;) {
    for (Lit lit : literals_of(reason)) {
      const Var var = var_of(lit);
      if (lit == uip || marks_[var] != kUnmarked || levels_[var] == 0) continue;
      marks_[var] = kSeen;
      seen.push_back(var);
      bump(var);
      if (levels_[var] == conflict_level) {
        ++open;
      } else {
        learnt_.push_back(lit);
      }
    }
    do {
      uip = trail_[--index];
    } while (marks_[var_of(uip)] == kUnmarked);
    if (--open == 0) break;
    reason = reasons_[var_of(uip)];
  }
  learnt_[0] = negate(uip);
  for (Var var : seen) marks_[var] = kUnmarked;
  bump_increment_ /= kScoreDecay;

  // The literal of the highest remaining level is the second watch.
  uint32_t jump = 0;
  for (size_t i = 1; i < learnt_.size(); ++i) {
    if (levels_[var_of(learnt_[i])] > jump) {
      jump = levels_[var_of(learnt_[i])];
      std::swap(learnt_[1], learnt_[i]);
    }
  }
  const size_t size = learnt_.size();
  const ClauseId id = trace(conflict, learnt_);
  WANG_SAT_ASSERT(learnt_.size() == size);
  backtrack(jump);
  learn(learnt_, id);
}

// Stores a derived clause whose literals are all false but the open first
// one, and assigns that (at the root when the clause is a unit).
void SubSolver::learn(std::span<const Lit> literals, ClauseId id) {
  const uint32_t clause = store(literals, id);
  if (literals.size() == 1) {
    WANG_SAT_ASSERT(level() == 0);
    unit_ids_[var_of(literals[0])] = id;
  } else {
    attach(clause);
  }
  if (values_[literals[0]] == kUnassigned) assign(literals[0], clause);
}

// `assumption` is false: derives the clause of the negated assumptions that
// imply that, and learns it.
void SubSolver::refute(Lit assumption) {
  const Var var = var_of(assumption);
  WANG_SAT_ASSERT(reasons_[var] != kNone);  // no complementary assumptions
  refutation_.assign({negate(assumption)});
  refutation_id_ = trace(reasons_[var], refutation_);
  backtrack(0);
  if (refutation_.size() > 1) {
    attach(store(refutation_, refutation_id_));
  } else if (values_[refutation_[0]] == kUnassigned) {
    learn(refutation_, refutation_id_);
  } else if (unit_ids_[var] == 0) {
    unit_ids_[var] = refutation_id_;  // already fixed: the step names its unit
  }
}

void SubSolver::refute_by_conflict(uint32_t conflict) {
  refutation_.clear();
  refutation_id_ = trace(conflict, refutation_);
  WANG_SAT_ASSERT(refutation_.empty());
  inconsistent_ = true;
  empty_id_ = refutation_id_;
}

Var SubSolver::pick_decision() {
  while (!decisions_.empty() && values_[make_lit(decisions_.top(), false)] != kUnassigned) decisions_.pop();
  return decisions_.empty() ? kNone : decisions_.top();
}

SubSolver::Result SubSolver::solve(std::span<const Lit> assumptions, int64_t tick_limit) {
  backtrack(0);
  refutation_.clear();
  refutation_id_ = empty_id_;
  if (inconsistent_) return Result::unsat;
  if (empty_conflict_ != kNone) {
    refute_by_conflict(empty_conflict_);
    return Result::unsat;
  }
  for (;;) {
    const uint32_t conflict = propagate();
    if (conflict != kNone) {
      if (level() == 0) {
        refute_by_conflict(conflict);
        return Result::unsat;
      }
      analyze(conflict);
      continue;
    }
    if (ticks_ >= tick_limit) {
      backtrack(0);
      return Result::unknown;
    }
    if (level() < assumptions.size()) {
      const Lit assumption = assumptions[level()];
      if (values_[assumption] == kFalse) {
        refute(assumption);
        return Result::unsat;
      }
      control_.push_back(static_cast<uint32_t>(trail_.size()));
      if (values_[assumption] == kUnassigned) assign(assumption, kNone);
      continue;
    }
    const Var var = pick_decision();
    if (var == kNone) return Result::sat;
    ++ticks_;
    control_.push_back(static_cast<uint32_t>(trail_.size()));
    assign(make_lit(var, phases_[var] == 0), kNone);
  }
}

// In a full model every clause has a true watched literal (a false watch
// has a true partner), so only the clauses watching `lit` can lose their
// last true literal; each gets another true literal as its watch instead.
bool SubSolver::flip(Lit lit) {
  if (values_[lit] != kTrue || levels_[var_of(lit)] == 0) return false;
  std::vector<uint32_t>& list = watches_[lit];
  size_t kept = 0;
  bool flippable = true;
  for (size_t i = 0; i < list.size(); ++i) {
    const uint32_t clause = list[i];
    list[kept++] = clause;
    if (!flippable) continue;
    ++ticks_;
    const std::span<Lit> literals = literals_of(clause);
    if (literals[0] == lit) std::swap(literals[0], literals[1]);
    if (values_[literals[0]] == kTrue) continue;
    const auto replacement =
        std::find_if(literals.begin() + 2, literals.end(), [&](Lit other) { return values_[other] == kTrue; });
    if (replacement == literals.end()) {
      flippable = false;
      continue;
    }
    std::swap(literals[1], *replacement);
    watches_[literals[1]].push_back(clause);
    --kept;
  }
  list.resize(kept);
  if (flippable) {
    values_[lit] = kFalse;
    values_[negate(lit)] = kTrue;
  }
  return flippable;
}

ClauseId SubSolver::unit_id(Lit lit) {
  const Var var = var_of(lit);
  WANG_SAT_ASSERT(values_[lit] == kTrue && levels_[var] == 0);
  if (unit_ids_[var] == 0 && proof_) {
    std::vector<Lit>& derived = learnt_;
    derived.assign({lit});
    unit_ids_[var] = trace(reasons_[var], derived);
  }
  return unit_ids_[var];
}

void SubSolver::randomize_phases(uint64_t& state) {
  backtrack(0);  // which saves the phases of the last model
  for (uint8_t& phase : phases_) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    phase = static_cast<uint8_t>(state >> 63);
  }
}

}  // namespace wang::sat
