// SAT sweeping; see sweep.cpp.
#pragma once

#include <unordered_set>

#include "sat/occurrences.hpp"
#include "sat/subsolver.hpp"
#include "sat/technique.hpp"

namespace wang::sat {

class Sweeper : Technique, SubSolverProof {
 public:
  explicit Sweeper(Internal& engine);
  // Sweeps variables until the sub-solver has used `ticks` ticks.
  // Precondition: root level, propagated, simplified.
  void run(int64_t ticks);

 private:
  ClauseId derive(std::span<const Lit> literals, std::span<const ClauseId> antecedents) override;

  bool sweepable(Var var) const {
    return status(var) == VarStatus::active && value(make_lit(var, false)) == kUnassigned;
  }
  Lit global(Lit local) const { return make_lit(variables_[var_of(local)], is_negative(local)); }
  Lit local(Lit global) const { return make_lit(local_of_[var_of(global)] - 1, is_negative(global)); }
  bool fixed_locally(Lit local) const;
  bool over_budget() const { return spent() >= tick_limit_ || inconsistent(); }
  int64_t spent() const { return sub_.ticks() + visits_; }

  void sweep_variable(Var start);
  void collect_environment(Var start);
  void add_variable(Var var);
  void load_environment();
  SubSolver::Result solve(std::span<const Lit> assumptions);
  void refine_candidates();
  bool find_backbone();
  bool find_equivalences();
  SubSolver::Result test_implication(Lit premise, Lit conclusion, std::vector<Lit>& clause, ClauseId& id);
  void import_units();
  void add_equivalence(std::span<const Lit> first, ClauseId first_id, std::span<const Lit> second, ClauseId second_id);
  void clear_environment();

  OccurrenceLists occurrences_;
  SubSolver sub_;
  std::vector<Var> local_of_;   // per variable: its sub-solver variable + 1, or 0
  std::vector<Var> variables_;  // per sub-solver variable: the variable
  std::vector<ClauseRef> clauses_;
  std::unordered_set<ClauseRef> taken_;
  std::vector<uint8_t> covered_;  // per variable: tested in a completed environment
  // Candidates as sub-solver literals: for the backbone, and classes of
  // literals that every model so far gives the same value.
  std::vector<Lit> backbone_;
  std::vector<std::vector<Lit>> classes_, refined_;
  size_t imported_ = 0;  // sub-solver fixed literals handed to the engine
  // Proof steps of the sub-solver, deleted with the environment unless the
  // engine kept them.
  std::vector<std::pair<ClauseId, std::vector<Lit>>> derived_;
  std::vector<ClauseId> kept_;
  std::vector<Lit> literals_;
  size_t variable_limit_ = 0, clause_limit_ = 0;
  int64_t depth_limit_ = 0;
  int64_t visits_ = 0;
  int64_t tick_limit_ = 0;
  uint64_t random_;
};

}  // namespace wang::sat
