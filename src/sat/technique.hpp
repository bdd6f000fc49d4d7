// What a simplification technique may use of the engine.
//
// Each inprocessing technique is a type of its own (in its own file) that
// keeps its scratch state to itself and derives from `Technique`, the one
// friend of `Internal`: the accessors below are the whole interface between
// the techniques and the search.  A technique object lives for one run, so
// its state is gone when it returns; what must survive between runs (the
// flags of clauses, the variables touched since the last elimination) is
// the engine's.
#pragma once

#include <span>
#include <vector>

#include "sat/internal.hpp"

namespace wang::sat {

class Technique {
 protected:
  explicit Technique(Internal& engine) : engine_(engine) {}

  // ---- Shared state ------------------------------------------------------
  const Options& opts() const { return engine_.opts; }
  Stats& stats() { return engine_.stats; }
  Var num_vars() const { return engine_.num_vars; }
  // Whether the engine may add variables of its own, and whether `var` is
  // one of them (see Solver::close_variables).
  bool variables_closed() const { return engine_.variables_closed; }
  bool own_variable(Var var) const { return engine_.own_variable(var); }
  // A fresh variable of the engine's own; only when variables_closed().
  Var new_variable() {
    engine_.reserve_variables(engine_.num_vars + 1);
    return engine_.num_vars - 1;
  }
  ClauseArena& arena() { return engine_.arena_; }
  const ClauseArena& arena() const { return engine_.arena_; }
  const WatchList& watches(Lit lit) const { return engine_.watches_[lit]; }
  // Whether a watch is a binary clause not deleted yet: an edge of the
  // binary implication graph (deleted ones keep their watches until the
  // next collection).
  bool live_binary(const Watch& watch) const { return watch.binary() && !arena()[watch.ref()].garbage; }
  Value value(Lit lit) const { return engine_.value(lit); }
  const VarData& var_data(Var var) const { return engine_.vars_[var]; }
  VarStatus status(Var var) const { return engine_.status_[var]; }
  void set_status(Var var, VarStatus status) { engine_.status_[var] = status; }
  bool frozen(Var var) const { return engine_.frozen_[var] > 0; }
  bool inconsistent() const { return engine_.inconsistent_; }
  // Variables whose clauses changed since the last elimination round.
  void touch(Var var) { engine_.elim_touched_[var] = 1; }
  std::vector<uint8_t>& touched() { return engine_.elim_touched_; }
  SweepProgress& sweep_progress() { return engine_.sweep_progress_; }
  void push_witness(Lit witness, std::span<const Lit> clause, ClauseId id) {
    engine_.witnesses_.push_back({witness, static_cast<uint32_t>(clause.size()), id});
    engine_.witness_literals_.insert(engine_.witness_literals_.end(), clause.begin(), clause.end());
  }

  // ---- Search operations -------------------------------------------------
  uint32_t decision_level() const { return engine_.decision_level(); }
  const std::vector<Lit>& trail() const { return engine_.trail_; }
  // Trail position of the decision of `level` (at least 1).
  size_t level_start(uint32_t level) const { return engine_.control_[level - 1]; }
  void new_decision_level() { engine_.new_decision_level(); }
  void assign_decision(Lit lit) { engine_.assign(lit, kNoReason); }
  // Replaces the reason of an assigned variable by another clause that
  // implies it in the same slot (binary, or the literal first).
  void set_reason(Var var, ClauseRef reason) { engine_.vars_[var].reason = reason; }
  ClauseRef propagate() { return engine_.propagate(); }
  bool propagate_root_level() { return engine_.propagate_root_level(); }
  // Probing leaves the saved phases of the search alone.
  void backtrack_probe(uint32_t level) { engine_.backtrack(level, false); }
  bool limits_reached_now() { return engine_.limits_reached_now(); }

  // ---- Clauses and proof -------------------------------------------------
  ClauseId next_clause_id() { return engine_.next_clause_id(); }
  // Whether steps need their antecedents (LRAT proof or internal checker).
  bool lrat() const { return engine_.lrat(); }
  // Whether anybody reads the proof steps (a proof or the internal checker).
  bool proving() const { return engine_.proof || engine_.checker_; }
  // The unit clause of a root literal; with lrat() after derive_root_units.
  ClauseId root_unit_id(Var var) const { return engine_.unit_ids_[var]; }
  void proof_forget(ClauseId id, std::span<const Lit> literals) { engine_.proof_forget(id, literals); }
  // The empty clause was just added as a proof step.
  void derived_empty_clause() {
    engine_.inconsistent_ = true;
    engine_.empty_clause_written_ = true;
  }
  void proof_add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
    engine_.proof_add(id, literals, antecedents);
  }
  void proof_add_extension(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
    engine_.proof_add_extension(id, literals, antecedents);
  }
  ClauseRef new_clause(std::span<const Lit> literals, bool learnt, uint32_t glue, ClauseId id) {
    return engine_.new_clause(literals, learnt, glue, id);
  }
  // A clause whose watches come with the next collection, counted as
  // redundant or irredundant.
  ClauseRef add_unwatched(std::span<const Lit> literals, bool learnt, ClauseId id) {
    const ClauseRef ref = engine_.allocate_unwatched(literals, learnt, id);
    ++(learnt ? engine_.redundant_ : engine_.irredundant_);
    return ref;
  }
  void delete_clause(ClauseRef ref) { engine_.delete_clause(ref); }
  // Removes an irredundant clause without a proof deletion (see elim.cpp).
  void drop_irredundant(ClauseRef ref) {
    --engine_.irredundant_;
    engine_.arena_.free(ref);
  }
  void collect_garbage() { engine_.collect_garbage(); }
  // LRAT: unit steps for the root literals not yet derived, from their
  // reasons, before a reason may be deleted.
  void derive_root_units() { engine_.derive_root_units(); }
  // Removes satisfied clauses and false literals at the root level.
  void simplify_root() { engine_.simplify_root(); }
  void assign_root_unit(Lit lit, ClauseId id) { engine_.assign_root_unit(lit, id); }
  void become_inconsistent(ClauseId id, std::span<const Lit> conflict) { engine_.become_inconsistent(id, conflict); }
  // A derived unit (id `id`): assigned if open, a refutation if false.
  void add_derived_unit(Lit lit, ClauseId id) {
    const Value v = value(lit);
    if (v == kFalse) {
      const Lit unit[] = {lit};
      become_inconsistent(id, unit);
    } else if (v == kUnassigned) {
      assign_root_unit(lit, id);
    }
  }

  // ---- Conflict analysis scratch (shared with the search) -----------------
  std::vector<uint8_t>& seen() { return engine_.seen_; }
  std::vector<Var>& analyzed() { return engine_.analyzed_; }
  std::vector<ClauseId>& chain() { return engine_.chain_; }
  std::vector<std::pair<uint32_t, ClauseId>>& chain_steps() { return engine_.chain_steps_; }
  void add_root_antecedent(Var var) { engine_.add_root_antecedent(var); }
  void clear_analysis() { engine_.clear_analysis(); }

  // After probing decisions (at levels above the root) and propagation:
  // the clause of the negated decisions that `start` depends on, the
  // clause `start` falsified, or, with `implied` a literal, that and
  // `implied` (propagated by its reason `start`).  For LRAT its antecedents
  // are left in chain(), in an order unit propagation can follow.
  // With `stop` a true literal above the root, the walk ends there as at a
  // decision (the clause gets its negation).
  void derive_from_decisions(ClauseRef start, Lit implied, std::vector<Lit>& clause, Lit stop = kNoLit);

  Internal& engine_;

 private:
  std::vector<Lit> derivation_pending_;
};

}  // namespace wang::sat
