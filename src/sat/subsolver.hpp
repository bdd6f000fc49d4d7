// A small CDCL solver for a few thousand clauses copied from the formula:
// the sub-solver of SAT sweeping (sweep.cpp), as kitten is Kissat's.
//
// It decides its clauses under assumptions within a budget of ticks, and
// every clause it derives is a proof step: its clauses are a subset of the
// formula, so each derived clause is RUP for the whole formula too, and its
// antecedents (for LRAT) are the ids of the clauses it came from.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "sat/heap.hpp"
#include "sat/types.hpp"

namespace wang::sat {

// Where the sub-solver's derived clauses become proof steps.
class SubSolverProof {
 public:
  virtual ~SubSolverProof() = default;
  // A derived clause over sub-solver literals, with its antecedents in an
  // order unit propagation can follow (empty unless they are wanted);
  // returns the id of the step.
  virtual ClauseId derive(std::span<const Lit> literals, std::span<const ClauseId> antecedents) = 0;
};

class SubSolver {
 public:
  enum class Result { sat, unsat, unknown };

  // Drops every clause and sizes the solver for `variables` variables.
  // `proof` (may be null) receives the derived clauses; `antecedents`
  // says whether it wants their antecedents.
  void reset(Var variables, SubSolverProof* proof, bool antecedents);
  // An original clause (not empty, no duplicate literals) named `id`.
  void add_clause(std::span<const Lit> literals, ClauseId id);
  // Decides the clauses under `assumptions`, stopping as unknown once the
  // total of ticks reaches `tick_limit`.  After sat, value() is a model;
  // after unsat, refutation() is the negation of the assumptions used.
  Result solve(std::span<const Lit> assumptions, int64_t tick_limit);
  Value value(Lit lit) const { return values_[lit]; }
  // After sat: makes `lit` (true) false if the model stays a model, which
  // needs no search; returns whether it did.
  bool flip(Lit lit);
  // After unsat: a subset of the negated assumptions that the clauses imply
  // (empty when they are unsatisfiable), learned as a clause named
  // refutation_id().
  std::span<const Lit> refutation() const { return refutation_; }
  ClauseId refutation_id() const { return refutation_id_; }
  // Literals fixed without any assumption, in the order they were fixed.
  std::span<const Lit> fixed() const { return std::span(trail_).first(fixed_count()); }
  // Whether the variable of `lit` is fixed without any assumption.
  bool is_fixed(Lit lit) const { return values_[lit] != kUnassigned && levels_[var_of(lit)] == 0; }
  // The id of a unit clause for a fixed literal, derived now if needed.
  ClauseId unit_id(Lit lit);
  bool inconsistent() const { return inconsistent_; }
  int64_t ticks() const { return ticks_; }
  // Seeds the phases of the next solve from a random stream.
  void randomize_phases(uint64_t& state);

 private:
  struct ClauseData {
    uint32_t start;  // in literals_
    uint32_t size;
    ClauseId id;
  };
  static constexpr uint32_t kNone = UINT32_MAX;

  std::span<Lit> literals_of(uint32_t clause) {
    return {literals_.data() + clauses_[clause].start, clauses_[clause].size};
  }
  size_t fixed_count() const { return control_.empty() ? trail_.size() : control_[0]; }
  uint32_t level() const { return static_cast<uint32_t>(control_.size()); }
  uint32_t store(std::span<const Lit> literals, ClauseId id);
  void attach(uint32_t clause);
  void assign(Lit lit, uint32_t reason);
  void backtrack(uint32_t target);
  uint32_t propagate();
  void analyze(uint32_t conflict);
  void learn(std::span<const Lit> literals, ClauseId id);
  ClauseId trace(uint32_t conflict, std::vector<Lit>& derived);
  void refute(Lit assumption);
  void refute_by_conflict(uint32_t conflict);
  Var pick_decision();
  void bump(Var var);

  SubSolverProof* proof_ = nullptr;
  bool antecedents_ = false;
  std::vector<Lit> literals_;
  std::vector<ClauseData> clauses_;
  std::vector<std::vector<uint32_t>> watches_;          // per literal: clause indices
  std::vector<ClauseId> unit_ids_;                      // per variable, of fixed literals
  std::vector<Value> values_;                           // per literal
  std::vector<uint32_t> levels_, reasons_, positions_;  // per variable
  std::vector<uint8_t> phases_, marks_;                 // per variable
  std::vector<double> activity_;                        // per variable
  ScoreHeap decisions_{activity_};                      // unassigned variables at least
  double bump_increment_ = 1.0;
  std::vector<Lit> trail_;
  std::vector<uint32_t> control_;  // trail position where each level starts
  size_t propagated_ = 0;
  bool inconsistent_ = false;
  uint32_t empty_conflict_ = kNone;  // an original clause falsified by the root
  ClauseId empty_id_ = 0;            // of the empty clause, once derived
  std::vector<Lit> refutation_;
  ClauseId refutation_id_ = 0;
  int64_t ticks_ = 0;

  // Scratch of analysis and tracing.
  std::vector<Lit> learnt_;
  std::vector<Var> cone_;
  std::vector<ClauseId> chain_;
};

}  // namespace wang::sat
