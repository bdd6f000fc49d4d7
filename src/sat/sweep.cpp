// SAT sweeping: units and equivalences of the clauses around each variable.
//
// For a variable v, its environment is the irredundant clauses within a few
// steps of v (clauses of v, then clauses of their variables, ...), up to a
// number of clauses and variables.  A sub-solver (subsolver.cpp) decides
// that small formula completely, which propagation, probing and the binary
// implication graph cannot: every literal true in all its models is a unit
// of the whole formula, and every two literals equal in all its models are
// equivalent in it.  Circuits encoded by Tseitin clauses are full of both
// (constant gates, gates computing the same function twice), and Kissat
// gains from sweeping on exactly those; on the CNF of the QF_BV file
// VS3-benchmark-A7 it is twice as slow without it.
//
// Candidates come from models: the first model of the environment gives
// every literal it makes true as a backbone candidate and puts them all in
// one class of equivalence candidates; each later model drops the
// candidates it falsifies and splits the classes by its values.  A backbone
// candidate l is tested by solving under -l, an equivalence a = b by solving
// under (a, -b) and under (-a, b); each satisfiable test is a new model.
// Refutations give units, which the engine takes at once, and pairs of
// binary clauses, which the engine gets as irredundant clauses for
// `decompose` (next in the schedule) to substitute.
//
// Every clause the sub-solver derives is a proof step, RUP (with LRAT
// antecedents) for the whole formula, since the environment is a subset of
// it.  The steps the engine does not keep are deleted with the environment.
#include "sat/sweep.hpp"

#include <algorithm>

namespace wang::sat {

namespace {

constexpr uint64_t kRandomSeed = 0x9E3779B97F4A7C15ull;
// Each pass through all variables doubles the size of the environments and
// goes one step deeper, up to these limits (as Kissat does).
constexpr uint32_t kMaxDoublings = 5;
constexpr uint32_t kMaxExtraDepth = 1;
// Time and memory limits are read every so many environments.
constexpr int64_t kEnvironmentsPerLimitCheck = 32;

}  // namespace

Sweeper::Sweeper(Internal& engine)
    : Technique(engine),
      random_(((kRandomSeed * (static_cast<uint64_t>(engine.opts.seed) + 1)) ^
               static_cast<uint64_t>(engine.stats.sweep_environments)) |
              1) {}

void Sweeper::run(int64_t ticks) {
  PhaseTimer timer(stats().time_sweep);
  const Var variables = num_vars();
  if (variables == 0 || inconsistent()) return;
  tick_limit_ = sub_.ticks() + ticks;
  SweepProgress& progress = sweep_progress();
  const uint32_t doublings = std::min(progress.passes, kMaxDoublings);
  variable_limit_ = static_cast<size_t>(opts().sweepvars) << doublings;
  clause_limit_ = static_cast<size_t>(opts().sweepclauses) << doublings;
  depth_limit_ = opts().sweepdepth + std::min(progress.passes, kMaxExtraDepth);
  occurrences_.connect(arena(), variables);
  local_of_.assign(variables, 0);
  covered_.assign(variables, 0);
  Var var = progress.next % variables;
  Var count = 0;
  for (; count < variables && !over_budget(); ++count, var = (var + 1) % variables) {
    if (!sweepable(var) || covered_[var]) continue;
    const size_t occurrences =
        occurrences_.live(make_lit(var, false), arena()) + occurrences_.live(make_lit(var, true), arena());
    if (occurrences == 0 || occurrences > clause_limit_) continue;
    if (stats().sweep_environments % kEnvironmentsPerLimitCheck == 0 && limits_reached_now()) break;
    sweep_variable(var);
  }
  progress.next = var;
  if (count == variables) ++progress.passes;
}

// Sweeps the environment of `start`.  When all its candidates were tested
// its variables are covered: they start no environment of their own in
// this round.
void Sweeper::sweep_variable(Var start) {
  ++stats().sweep_environments;
  collect_environment(start);
  load_environment();
  bool completed = false;
  if (solve({}) == SubSolver::Result::sat) {
    for (Var var = 0; var < variables_.size(); ++var) {
      if (!sweepable(variables_[var])) continue;
      const Lit positive = make_lit(var, false);
      backbone_.push_back(sub_.value(positive) == kTrue ? positive : negate(positive));
    }
    classes_.assign(1, backbone_);
    completed = find_backbone() && find_equivalences();
  }
  if (completed) {
    for (Var var : variables_) covered_[var] = 1;
  }
  clear_environment();
}

void Sweeper::add_variable(Var var) {
  if (local_of_[var] != 0) return;
  variables_.push_back(var);
  local_of_[var] = static_cast<Var>(variables_.size());
}

// Breadth first from `start`: the clauses of each variable reached, one
// step further per depth, until a limit is hit.
void Sweeper::collect_environment(Var start) {
  add_variable(start);
  size_t expanded = 0;
  size_t depth_end = 1;
  int64_t depth = 1;
  while (expanded < variables_.size()) {
    if (expanded == depth_end) {
      if (depth >= depth_limit_) return;
      ++depth;
      depth_end = variables_.size();
    }
    const Var var = variables_[expanded++];
    if (!sweepable(var)) continue;
    for (const Lit lit : {make_lit(var, false), make_lit(var, true)}) {
      for (const ClauseRef ref : occurrences_[lit]) {
        ++visits_;
        const Clause& clause = arena()[ref];
        if (clause.garbage || taken_.count(ref) != 0) continue;
        if (std::any_of(clause.begin(), clause.end(), [&](Lit other) { return value(other) == kTrue; })) continue;
        if (clauses_.size() >= clause_limit_) return;
        taken_.insert(ref);
        clauses_.push_back(ref);
        for (const Lit other : clause) add_variable(var_of(other));
        if (variables_.size() >= variable_limit_) return;
      }
    }
  }
}

// The environment's clauses go to the sub-solver as they are; root
// literals they contain go with the engine's unit clauses, which name them
// in LRAT antecedents.
void Sweeper::load_environment() {
  derive_root_units();
  sub_.reset(static_cast<Var>(variables_.size()), proving() ? this : nullptr, lrat());
  imported_ = 0;
  for (Var var = 0; var < variables_.size(); ++var) {
    const Lit positive = make_lit(variables_[var], false);
    if (value(positive) == kUnassigned) continue;
    const Lit unit[] = {value(positive) == kTrue ? make_lit(var, false) : make_lit(var, true)};
    sub_.add_clause(unit, root_unit_id(variables_[var]));
  }
  for (const ClauseRef ref : clauses_) {
    const Clause& clause = arena()[ref];
    literals_.clear();
    for (const Lit lit : clause) literals_.push_back(local(lit));
    sub_.add_clause(literals_, clause.id());
  }
}

ClauseId Sweeper::derive(std::span<const Lit> literals, std::span<const ClauseId> antecedents) {
  std::vector<Lit> clause;
  clause.reserve(literals.size());
  for (const Lit lit : literals) clause.push_back(global(lit));
  const ClauseId id = next_clause_id();
  proof_add(id, clause, antecedents);
  if (clause.empty()) {
    derived_empty_clause();
  } else {
    derived_.emplace_back(id, std::move(clause));
  }
  return id;
}

bool Sweeper::fixed_locally(Lit lit) const { return sub_.is_fixed(lit) || !sweepable(variables_[var_of(lit)]); }

SubSolver::Result Sweeper::solve(std::span<const Lit> assumptions) {
  ++stats().sweep_solves;
  sub_.randomize_phases(random_);
  const SubSolver::Result result = sub_.solve(assumptions, tick_limit_ - visits_);
  import_units();
  return result;
}

// Hands the literals the sub-solver fixed to the engine as units.
void Sweeper::import_units() {
  const std::span<const Lit> fixed = sub_.fixed();
  for (; imported_ < fixed.size() && !inconsistent(); ++imported_) {
    const Lit lit = global(fixed[imported_]);
    if (value(lit) == kTrue) continue;
    const ClauseId id = sub_.unit_id(fixed[imported_]);
    kept_.push_back(id);
    ++stats().sweep_units;
    add_derived_unit(lit, id);
  }
  if (!inconsistent()) propagate_root_level();
}

// After a model: drops the candidates it refutes, and those that other
// models, one flipped literal away from it, refute.
void Sweeper::refine_candidates() {
  std::erase_if(backbone_, [&](Lit lit) { return sub_.value(lit) != kTrue || sub_.flip(lit); });
  refined_.clear();
  for (const std::vector<Lit>& candidates : classes_) {
    for (const Value side : {kTrue, kFalse}) {
      std::vector<Lit>& part = refined_.emplace_back();
      for (const Lit lit : candidates) {
        if (sub_.value(lit) == side && !fixed_locally(lit)) part.push_back(lit);
      }
      // A literal flipped alone differs from the rest of its class.
      std::erase_if(part, [&](Lit lit) { return sub_.flip(side == kTrue ? lit : negate(lit)); });
      if (part.size() < 2) refined_.pop_back();
    }
  }
  classes_.swap(refined_);
}

// False when the budget ran out first.
bool Sweeper::find_backbone() {
  while (!backbone_.empty()) {
    if (over_budget()) return false;
    const Lit lit = backbone_.back();
    backbone_.pop_back();
    if (fixed_locally(lit)) continue;
    const Lit assumption[] = {negate(lit)};
    const SubSolver::Result result = solve(assumption);
    if (result == SubSolver::Result::unknown) return false;
    if (result == SubSolver::Result::sat) refine_candidates();
  }
  return true;
}

// Tests whether `premise` implies `conclusion`; on unsat, `clause` is the
// derived clause (-premise conclusion or a part of it) and `id` its step.
SubSolver::Result Sweeper::test_implication(Lit premise, Lit conclusion, std::vector<Lit>& clause, ClauseId& id) {
  const Lit assumptions[] = {premise, negate(conclusion)};
  const SubSolver::Result result = solve(assumptions);
  if (result == SubSolver::Result::sat) refine_candidates();
  if (result == SubSolver::Result::unsat) {
    clause.assign(sub_.refutation().begin(), sub_.refutation().end());
    id = sub_.refutation_id();
  }
  return result;
}

// Tests the last two literals of the last class until no class is left;
// false when the budget ran out first.
bool Sweeper::find_equivalences() {
  std::vector<Lit> forward, backward;
  ClauseId forward_id = 0, backward_id = 0;
  while (!classes_.empty()) {
    if (over_budget()) return false;
    std::erase_if(classes_.back(), [&](Lit lit) { return fixed_locally(lit); });
    if (classes_.back().size() < 2) {
      classes_.pop_back();
      continue;
    }
    const Lit first = classes_.back().end()[-2];
    const Lit second = classes_.back().back();
    // A satisfiable test splits the class, a shorter clause is a unit: either
    // way the classes change and the loop goes on.
    SubSolver::Result result = test_implication(first, second, forward, forward_id);
    if (result == SubSolver::Result::unknown) return false;
    if (result == SubSolver::Result::sat || forward.size() < 2) continue;
    result = test_implication(second, first, backward, backward_id);
    if (result == SubSolver::Result::unknown) return false;
    if (result == SubSolver::Result::sat || backward.size() < 2) continue;
    add_equivalence(forward, forward_id, backward, backward_id);
    classes_.back().pop_back();
  }
  return true;
}

// The two binary clauses of an equivalence join the formula.
void Sweeper::add_equivalence(std::span<const Lit> first, ClauseId first_id, std::span<const Lit> second,
                              ClauseId second_id) {
  for (const Lit lit : first) {
    if (value(global(lit)) != kUnassigned) return;
  }
  ++stats().sweep_equivalences;
  for (const auto& [literals, id] : {std::pair{first, first_id}, std::pair{second, second_id}}) {
    literals_.clear();
    for (const Lit lit : literals) {
      literals_.push_back(global(lit));
      touch(var_of(literals_.back()));
    }
    new_clause(literals_, false, 0, id);
    kept_.push_back(id);
  }
}

void Sweeper::clear_environment() {
  for (const auto& [id, literals] : derived_) {
    // Units stay: checkers ignore their deletion.
    if (literals.size() > 1 && std::find(kept_.begin(), kept_.end(), id) == kept_.end()) proof_forget(id, literals);
  }
  derived_.clear();
  kept_.clear();
  for (const Var var : variables_) local_of_[var] = 0;
  variables_.clear();
  clauses_.clear();
  taken_.clear();
  backbone_.clear();
  classes_.clear();
}

}  // namespace wang::sat
