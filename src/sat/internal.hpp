// The CDCL engine behind `wang::sat::Solver`.
//
// State is grouped by concern (assignment, clauses, heuristics, limits,
// proof); each technique lives in its own source file and is declared here
// with its contract.  Literals are internal (2*var+sign); the facade in
// solver.cpp converts from DIMACS integers.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "sat/assert.hpp"
#include "sat/checker.hpp"
#include "sat/clause.hpp"
#include "sat/ema.hpp"
#include "sat/heap.hpp"
#include "sat/proof.hpp"
#include "sat/queue.hpp"
#include "sat/types.hpp"
#include "sat/watch.hpp"
#include "wang/sat.hpp"

namespace wang::sat {

struct Options {
#define OPTION(name, default_value, min_value, max_value, description) int64_t name = default_value;
#include "sat/options.def"
#undef OPTION
};

struct Stats {
#define STAT(name, unit, description) int64_t name = 0;
#include "sat/stats.def"
#undef STAT
#define TIMER(name, description) double time_##name = 0;
#include "sat/timers.def"
#undef TIMER
};

// Adds the wall-clock time of a scope to a timer of `Stats`.
class PhaseTimer {
 public:
  explicit PhaseTimer(double& total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() { total_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }
  PhaseTimer(const PhaseTimer&) = delete;
  PhaseTimer& operator=(const PhaseTimer&) = delete;

 private:
  double& total_;
  std::chrono::steady_clock::time_point start_;
};

struct VarData {
  uint32_t level = 0;
  uint32_t trail = 0;  // position on the trail while assigned
  ClauseRef reason = kNoReason;
};

// Marks of variables during conflict analysis (bits of `seen_`).
namespace mark {
constexpr uint8_t kSeen = 1;       // in the learned clause or resolved away
constexpr uint8_t kRemovable = 2;  // implied by the learned clause
constexpr uint8_t kPoison = 4;     // not implied by the learned clause
constexpr uint8_t kRoot = 8;       // root-level antecedent already recorded
constexpr uint8_t kBumped = 16;    // bumped as a variable of a reason
}  // namespace mark

enum class VarStatus : uint8_t { active, eliminated, substituted };

// Where the next round of sweeping starts, and how often sweeping went
// through all variables (its environments grow with that).
struct SweepProgress {
  Var next = 0;
  uint32_t passes = 0;
};

// What an eliminated or substituted variable needs to get a model value:
// clauses removed from the formula, each with the literal to flip to
// satisfy it (its witness).  Replayed last to first.
struct WitnessEntry {
  Lit witness;
  uint32_t size;  // literals follow in `Internal::witness_literals_`
  ClauseId id;    // still valid in the proof, see elim.cpp
};

class Internal {
  friend class InternalTester;  // white-box unit tests
  friend class Technique;       // the inprocessing techniques' access, see technique.hpp

 public:
  Internal();

  // ---- The facade's entry points --------------------------------------
  void reserve_variables(Var count);
  // Adds an original clause (literals already internal).  Simplifies it
  // against the root-level assignment before storing it.
  void add_original_clause(std::span<const Lit> literals);
  Result solve(std::span<const Lit> assumptions);
  Value model_value(Lit lit) const;
  bool failed_assumption(Lit lit) const;
  void freeze(Var var);
  void melt(Var var);

  Options opts;
  Stats stats;
  Limits limits;
  StopReason stop_reason = StopReason::none;
  std::atomic<bool> terminate_requested{false};
  std::function<bool()> terminate_check;  // the client's, see Solver::set_terminate_check
  // The client's, see Solver::set_learn_observer: learned clauses of at
  // most learn_max_size literals.
  std::function<void(std::span<const Lit>)> learn_observer;
  size_t learn_max_size = 0;
  std::unique_ptr<ProofWriter> proof;
  Var num_vars = 0;
  // Set by Solver::close_variables: the variables at or above this bound
  // are the engine's own (factor.cpp), no client ever names them.
  Var client_vars = 0;
  bool variables_closed = false;
  bool own_variable(Var var) const { return variables_closed && var >= client_vars; }

 private:
  // ---- Assignment (assign.cpp, backtrack.cpp) ---------------------------
  Value value(Lit lit) const { return values_[lit]; }
  uint32_t level_of(Lit lit) const { return vars_[var_of(lit)].level; }
  uint32_t decision_level() const { return static_cast<uint32_t>(control_.size()); }
  // Makes `lit` true, implied by `reason` (kNoReason for decisions).
  // Inline: it is called from the propagation loop.
  void assign(Lit lit, ClauseRef reason) {
    WANG_SAT_ASSERT(values_[lit] == kUnassigned);
    values_[lit] = kTrue;
    values_[negate(lit)] = kFalse;
    VarData& data = vars_[var_of(lit)];
    data.level = decision_level();
    data.trail = static_cast<uint32_t>(trail_.size());
    data.reason = reason;
    trail_.push_back(lit);
  }
  void assign_root_unit(Lit lit, ClauseId id);
  void new_decision_level();
  void decide_literal(Lit lit);
  // Undoes all assignments above `level`, saving their phases unless the
  // assignments were probes (vivification) rather than search.
  void backtrack(uint32_t level, bool save_phases = true);

  // ---- Propagation (propagate.cpp) ------------------------------------
  // Propagates the trail to fixpoint.  Returns the falsified clause on a
  // conflict (propagation stops there) or kNoReason.
  ClauseRef propagate();

  // ---- Conflict analysis (analyze.cpp, minimize.cpp) -----------------------
  // Learns the first-UIP clause of `conflict`, backjumps and asserts it.
  // Precondition: decision level > 0 and `conflict` is falsified.
  void analyze(ClauseRef conflict);
  // Derives the empty clause from a conflict at the root level.
  void learn_empty_clause(ClauseRef conflict);
  void become_inconsistent(ClauseId conflict_id, std::span<const Lit> conflict);
  void write_empty_clause();
  // Removes literals of `learnt_` implied by the other literals.
  void minimize_learnt();
  bool literal_redundant(Lit lit);
  // Fills `clause_levels_` from the literals of `learnt_` after the UIP;
  // `unmark_clause_levels` resets it.
  void mark_clause_levels();
  void unmark_clause_levels();
  // Whether an assigned literal at a level above the root certainly does
  // not follow from the literals of the learned clause (see minimize.cpp).
  bool outside_clause_reach(const VarData& data) const {
    const ClauseLevel& level = clause_levels_[data.level];
    return level.literals == 0 || data.trail <= level.earliest;
  }
  void shrink_learnt();
  Lit shrink_level(std::span<const Lit> block, uint32_t level);
  void mark_shrink(Var var);
  uint32_t compute_glue(std::span<const Lit> literals);
  void bump_reason_clause(ClauseRef ref);
  // After a conflict involving the assumptions: marks which assumptions
  // were needed to falsify `lit` (an assumption found false).
  void analyze_failed_assumption(Lit lit);
  void analyze_failed_conflict(ClauseRef conflict);
  void clear_analysis();
  // Antecedents for LRAT, see analyze.cpp.
  void add_root_antecedent(Var var);
  void collect_chain(ClauseRef conflict);

  // ---- Decisions (decide.cpp, bump.cpp, phases.cpp) -------------------------
  // Picks the next decision; false when every variable is assigned.
  bool decide();
  Var next_focused_variable();
  Var next_stable_variable();
  Lit decision_phase(Var var) const;
  void bump_variables();
  void collect_reason_variables(std::vector<Var>& bumped);
  void bump_score(Var var);
  void rescale_scores();
  void update_phases(size_t consistent_trail);
  void copy_trail_phases(std::vector<int8_t>& phases, size_t upto);
  bool rephase_due() const;
  void rephase();
  void walk();

  // ---- Restarts and modes (restart.cpp, mode.cpp) ------------------------
  bool restart_due() const;
  void restart();
  uint32_t reusable_levels();
  void schedule_stable_restart();
  void update_glue_averages(uint32_t glue);
  bool mode_switch_due() const;
  void switch_mode();
  void enter_stable_mode();

  // ---- Clause database (clauses.cpp, reduce.cpp, collect.cpp, simplify.cpp) --
  ClauseRef new_clause(std::span<const Lit> literals, bool learnt, uint32_t glue, ClauseId id);
  void watch_clause(ClauseRef ref);
  // A clause for the simplification phases, which work on occurrence lists:
  // its watches come with the next collection.
  ClauseRef allocate_unwatched(std::span<const Lit> literals, bool learnt, ClauseId id);
  void delete_clause(ClauseRef ref);
  bool reduce_due() const;
  void reduce();
  void mark_reasons(bool protect);
  bool is_reason(ClauseRef ref) const;
  // Reclaims deleted clauses and watches the unwatched ones (collect.cpp).
  void collect_garbage();
  bool unwatched_clauses() const;
  void mark_watch_lists(const Clause& clause);
  void redirect_reasons(ClauseRef start, std::span<const ClauseRef> forward);
  void redirect_watches(ClauseRef start, std::span<const ClauseRef> forward);
  void watch_all_clauses();
  // At the root level: removes satisfied clauses and false literals.
  bool simplify_due() const;
  void simplify_root();
  ClauseId next_clause_id() { return ++last_clause_id_; }

  // ---- Search (search.cpp, limits.cpp) -----------------------------------
  // Applies the options; runs once, at the first solve.
  void configure();
  Result search();
  bool propagate_root_level();
  bool prepare_search();
  bool lucky_due() const;
  // Assumptions occupy the first decision levels, one each.
  // Returns false when an assumption is false (the formula under the
  // assumptions is unsatisfiable); `failed_` then holds the reason.
  bool decide_assumption(bool& decided);
  bool limits_reached();
  bool limits_reached_now();
  bool termination_requested() const;
  // The limit that has been reached now (reading the clock and the
  // memory), without recording it.
  StopReason current_limit() const;
  void init_search_limits();

  // ---- Inprocessing (inprocess.cpp, restore.cpp; the techniques in their own types) --
  bool inprocessing_due() const;
  void preprocess();
  void inprocess();
  // Runs the techniques of the schedule (all, or the preprocessing ones).
  void run_schedule(bool preprocessing);
  // Marks the eliminated variables among `literals` for restoring; true if
  // there was one.
  bool taint_eliminated(std::span<const Lit> literals);
  // Brings back the marked variables and all that their clauses depend on,
  // then adds the clauses that waited for them.
  void restore_variables();
  // Adds an original clause: deduplicated, dropped if a tautology.
  void add_normalized_clause(std::span<const Lit> literals, ClauseId id);
  // Adds a simplified clause (no duplicates, no tautology) at the root.
  void add_clause_at_root(std::span<const Lit> literals, ClauseId id);

  // ---- Keeping the trail between calls (kept_trail.cpp) ---------------------
  // Adds a simplified clause to the current trail, backtracking only as far
  // as its watches need.
  void add_clause_on_trail(std::span<const Lit> literals, ClauseId id);
  // Backtracks to the last decision level that still holds the assumptions.
  void keep_assumption_levels();

  // ---- Consistency checks of assertion builds (invariants.cpp) -----------------
  // All of them; nothing in builds without assertions.
  void check_invariants() const;
  void check_trail() const;
  void check_clauses_and_watches() const;
  void check_propagated() const;

  // ---- Models (extend.cpp) ---------------------------------------------------
  void save_model();
  void extend_model();

  // ---- Proof (proof steps in clauses.cpp) ------------------------------------
  void proof_add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents);
  // A clause RAT on its first literal, of a variable of the engine's own
  // (factor.cpp); candidates in `antecedents` carry kRatCandidate.
  void proof_add_extension(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents);
  void proof_remove(ClauseRef ref);
  // Removes a derived clause the arena never held (see sweep.cpp).
  void proof_forget(ClauseId id, std::span<const Lit> literals);
  void derive_root_units();
  // Whether steps need their antecedents: for an LRAT proof or the checker.
  bool lrat() const { return (proof && proof->wants_antecedents()) || checker_; }

  // ---- State -----------------------------------------------------------------
  // Assignment.
  std::vector<Value> values_;        // per literal
  std::vector<VarData> vars_;        // per variable
  std::vector<VarStatus> status_;    // per variable
  std::vector<uint32_t> frozen_;     // per variable, nesting count
  std::vector<Lit> trail_;
  std::vector<uint32_t> control_;    // trail position where each level starts
  size_t propagated_ = 0;
  bool inconsistent_ = false;        // the empty clause was derived
  bool empty_clause_written_ = false;
  ClauseId empty_clause_conflict_id_ = 0;
  std::vector<Lit> empty_clause_conflict_;  // empty: an empty original clause

  // Clauses.
  ClauseArena arena_;
  ClauseRef first_unwatched_ = kNoReason;  // allocated since the last collection
  std::vector<uint8_t> collect_marks_;    // per literal: its watch list is in `collect_lists_`
  std::vector<Lit> collect_lists_;
  std::vector<WatchList> watches_;   // per literal: clauses watching it
  ClauseId last_clause_id_ = 0;
  std::vector<ClauseId> unit_ids_;   // per variable: id of its root unit clause
  size_t units_derived_ = 0;         // root trail prefix with unit ids
  int64_t irredundant_ = 0;
  int64_t redundant_ = 0;
  float clause_activity_increment_ = 1.0f;

  // Conflict analysis scratch.
  std::vector<Lit> learnt_;
  std::vector<Lit> clause_scratch_;  // of a clause being added
  std::vector<uint8_t> seen_;        // per variable; bits of AnalysisMark
  std::vector<Var> analyzed_;
  std::vector<Var> bump_scratch_;
  std::vector<Var> shrink_marked_;
  std::vector<Lit> shrink_scratch_;
  std::vector<uint8_t> level_seen_;  // per decision level
  std::vector<uint32_t> levels_;     // levels marked in level_seen_
  // Per decision level, while minimizing and shrinking: the literals of the
  // learned clause on it and the earliest trail position among them.
  struct ClauseLevel {
    uint32_t literals = 0;
    uint32_t earliest = UINT32_MAX;
  };
  std::vector<ClauseLevel> clause_levels_;
  std::vector<uint32_t> clause_level_list_;  // levels set in clause_levels_
  struct MinimizeFrame {
    Var var;
    uint32_t next;  // next literal of its reason to look at
  };
  std::vector<MinimizeFrame> minimize_stack_;
  std::vector<ClauseId> chain_;
  std::vector<std::pair<uint32_t, ClauseId>> chain_steps_;

  // Decision heuristics.
  bool stable_ = false;
  VmtfQueue queue_;
  std::vector<double> scores_;
  double score_increment_ = 1.0;
  ScoreHeap heap_{scores_};
  std::vector<int8_t> saved_phase_;
  std::vector<int8_t> target_phase_;
  std::vector<int8_t> best_phase_;
  size_t target_assigned_ = 0;
  size_t best_assigned_ = 0;

  // Restart, reduce, rephase and mode schedules.
  Ema fast_glue_;
  Ema slow_glue_;
  int64_t conflicts_at_restart_ = 0;
  ReluctantDoubling reluctant_;
  int64_t next_stable_restart_ = 0;
  int64_t next_reduce_ = 0;
  int64_t next_rephase_ = 0;
  int64_t rephase_count_ = 0;
  int64_t ticks_at_walk_ = 0;
  int64_t next_mode_switch_conflicts_ = 0;
  int64_t next_mode_switch_ticks_ = 0;
  int64_t mode_ticks_ = 0;           // ticks of the first focused mode
  int64_t ticks_at_first_mode_ = 0;
  int64_t fixed_at_simplify_ = -1;
  int64_t next_simplify_ = 0;

  // Assumptions and results.
  std::vector<Lit> assumptions_;
  std::vector<uint8_t> failed_;      // per variable, after unsat
  std::vector<int8_t> model_;        // per variable, after sat

  // Eliminated and substituted variables.
  std::vector<WitnessEntry> witnesses_;
  std::vector<Lit> witness_literals_;

  // Inprocessing.
  std::vector<uint8_t> elim_touched_;   // per variable: clauses changed since the last elimination
  std::vector<uint8_t> restore_taint_;  // per variable: to be restored
  SweepProgress sweep_progress_;
  bool restore_pending_ = false;
  // Original clauses over eliminated variables wait for the next solve, so
  // that one walk over the witness stack restores what all of them need (an
  // incremental client adds thousands of such clauses between two solves).
  std::vector<Lit> waiting_literals_;
  std::vector<std::pair<ClauseId, uint32_t>> waiting_clauses_;  // id, size
  int64_t ticks_at_inprocess_ = 0;
  int64_t inprocess_count_ = 0;
  int64_t next_inprocess_ = 0;
  bool preprocessed_ = false;
  bool lucky_pending_ = true;  // original clauses came since the last lucky attempt

  // The internal checker, with the option `check`.
  std::unique_ptr<Checker> checker_;

  // Limits of the current call.
  int64_t conflict_limit_ = -1;
  int64_t propagation_limit_ = -1;
  int64_t limit_checks_ = 0;
  bool out_of_memory_ = false;
  bool configured_ = false;
};

}  // namespace wang::sat
