// Set-up of the engine and the entry points the facade calls.
#include "sat/internal.hpp"
#include "sat/lucky.hpp"

#include <algorithm>
#include <new>
#include <utility>

namespace wang::sat {

Internal::Internal() = default;

void Internal::reserve_variables(Var count) {
  if (count <= num_vars) return;
  const size_t lits = 2 * static_cast<size_t>(count);
  values_.resize(lits, kUnassigned);
  watches_.resize(lits);
  failed_.resize(lits, 0);
  vars_.resize(count);
  status_.resize(count, VarStatus::active);
  frozen_.resize(count, 0);
  unit_ids_.resize(count, 0);
  seen_.resize(count, 0);
  saved_phase_.resize(count, 0);
  target_phase_.resize(count, 0);
  best_phase_.resize(count, 0);
  scores_.resize(count, 0.0);
  heap_.resize(count);
  queue_.resize(count);
  model_.resize(count, 0);
  level_seen_.resize(static_cast<size_t>(count) + 1, 0);
  clause_levels_.resize(static_cast<size_t>(count) + 1);
  elim_touched_.resize(count, 1);
  restore_taint_.resize(count, 0);
  // Geometric growth: variables often arrive one at a time.
  if (trail_.capacity() < count) trail_.reserve(std::max<size_t>(count, 2 * trail_.capacity()));
  if (stable_) {
    for (Var var = num_vars; var < count; ++var) heap_.push(var);
  }
  num_vars = count;
}

// Original clauses keep their ids (1..m in input order, as proof checkers
// number them) and are stored as given, minus duplicate literals: deriving
// a simplified copy here would take an id that belongs to a later original
// clause.  Root-level simplification happens later, in simplify_root().
void Internal::add_original_clause(std::span<const Lit> literals) {
  const ClauseId id = next_clause_id();
  if (opts.check && !checker_) checker_ = std::make_unique<Checker>();
  if (checker_) checker_->add_original(id, literals);
  lucky_pending_ = true;
  if (inconsistent_) return;
  if (taint_eliminated(literals)) {
    waiting_literals_.insert(waiting_literals_.end(), literals.begin(), literals.end());
    waiting_clauses_.emplace_back(id, static_cast<uint32_t>(literals.size()));
    return;
  }
  add_normalized_clause(literals, id);
}

void Internal::add_normalized_clause(std::span<const Lit> literals, ClauseId id) {
  std::vector<Lit>& clause = clause_scratch_;
  clause.assign(literals.begin(), literals.end());
  std::sort(clause.begin(), clause.end());
  clause.erase(std::unique(clause.begin(), clause.end()), clause.end());
  for (size_t i = 1; i < clause.size(); ++i) {
    if (clause[i] == negate(clause[i - 1])) return;  // tautology
  }
  add_clause_on_trail(clause, id);
}

void Internal::add_clause_at_root(std::span<const Lit> literals, ClauseId id) {
  // Unassigned literals first, then false ones; a true one satisfies it.
  std::vector<Lit> clause(literals.begin(), literals.end());
  size_t open = 0;
  for (size_t i = 0; i < clause.size(); ++i) {
    const Value v = value(clause[i]);
    if (v == kTrue) return;
    if (v == kUnassigned) std::swap(clause[open++], clause[i]);
  }
  if (open == 0) {
    become_inconsistent(id, clause);
  } else if (clause.size() == 1) {
    assign_root_unit(clause[0], id);
  } else {
    const ClauseRef ref = new_clause(clause, false, 0, id);
    for (Lit lit : clause) elim_touched_[var_of(lit)] = 1;
    if (open == 1) assign(clause[0], ref);
  }
}

void Internal::configure() {
  if (configured_) return;
  configured_ = true;
  if (opts.check && !checker_) checker_ = std::make_unique<Checker>();
  fast_glue_.set_window(static_cast<double>(opts.emafast));
  slow_glue_.set_window(static_cast<double>(opts.emaslow));
  next_reduce_ = opts.reduceint;
  next_rephase_ = opts.rephaseint;
  next_inprocess_ = opts.inprocessint;
  ticks_at_first_mode_ = stats.ticks;
  if (opts.stable == 2) enter_stable_mode();
}

Result Internal::solve(std::span<const Lit> assumptions) {
  stop_reason = StopReason::none;
  std::fill(failed_.begin(), failed_.end(), 0);
  assumptions_.assign(assumptions.begin(), assumptions.end());
  configure();
  if (inconsistent_) {
    write_empty_clause();
    if (checker_) checker_->check_refutation();
    return Result::unsatisfiable;
  }
  if (out_of_memory_) {
    stop_reason = StopReason::memory_limit;
    return Result::unknown;
  }
  keep_assumption_levels();
  init_search_limits();
  Result result = Result::unknown;
  try {
    taint_eliminated(assumptions_);
    restore_variables();
    for (Lit lit : assumptions_) freeze(var_of(lit));
    const bool lucky_pending = std::exchange(lucky_pending_, false);
    if (!prepare_search()) {
      result = Result::unsatisfiable;
    } else if (lucky_pending && lucky_due() && Lucky(*this).run()) {
      result = Result::satisfiable;
    } else {
      result = search();
    }
    for (Lit lit : assumptions_) melt(var_of(lit));
    if (inconsistent_) write_empty_clause();
    if (result == Result::satisfiable) save_model();
    if (checker_ && result == Result::satisfiable) checker_->check_model(model_);
    if (checker_ && inconsistent_) checker_->check_refutation();
  } catch (const std::bad_alloc&) {
    // A failed allocation can leave watch lists half rewritten; the solver
    // is not safe to continue with.
    out_of_memory_ = true;
    stop_reason = StopReason::memory_limit;
    return Result::unknown;
  }
  if (result != Result::satisfiable || !opts.keeptrail) backtrack(0);
  check_invariants();  // the next call may build on this trail
  // A termination request ends one call, not the solver.
  if (stop_reason == StopReason::terminated) terminate_requested.store(false, std::memory_order_relaxed);
  return result;
}

// Root propagation, then preprocessing before the first search.
bool Internal::prepare_search() {
  if (inconsistent_) return false;
  if (decision_level() > 0) return true;  // a kept trail: the search propagates what is new
  if (!propagate_root_level()) return false;
  if (!preprocessed_) {
    preprocessed_ = true;
    preprocess();
  }
  return !inconsistent_;
}

// Lucky assignments pay before a search of new original clauses (the
// first search, or one after an incremental client such as the SMT
// solver's lemma loop added some), and cannot start under assumptions.
bool Internal::lucky_due() const { return opts.lucky != 0 && assumptions_.empty() && decision_level() == 0; }

Value Internal::model_value(Lit lit) const {
  const Value v = model_[var_of(lit)];
  return is_negative(lit) ? static_cast<Value>(-v) : v;
}

bool Internal::failed_assumption(Lit lit) const { return failed_[lit] != 0; }

void Internal::freeze(Var var) { ++frozen_[var]; }

void Internal::melt(Var var) {
  if (frozen_[var] > 0) --frozen_[var];
}

}  // namespace wang::sat
