// Bounded variable elimination with gate detection; see elim.cpp and
// gates.cpp.
#pragma once

#include "sat/heap.hpp"
#include "sat/occurrences.hpp"
#include "sat/simplify_budget.hpp"
#include "sat/technique.hpp"

namespace wang::sat {

class Eliminator : Technique {
 public:
  // Step budgets of elimination and of subsumption.
  Eliminator(Internal& engine, int64_t steps, int64_t subsume_steps);
  // Rounds of subsumption of the clauses changed since the last round and
  // elimination of the variables they touch, until a round eliminates
  // nothing, `max_rounds` at most.  Each elimination adds at most `bound`
  // clauses.  Precondition: root level, propagated.
  void run(int64_t max_rounds, int64_t bound);

 private:
  bool round(int64_t bound);
  bool eliminate_touched(int64_t bound);
  // Learned clauses over eliminated variables are implied but would keep
  // the variables alive in the search; they are dropped.
  void delete_learnt_with_eliminated();
  bool eliminable(Var var) const;
  bool resolve(ClauseRef positive, ClauseRef negative, Var pivot, std::vector<Lit>& resolvent);
  bool resolvent_needed(ClauseRef positive, ClauseRef negative) const;
  bool elimination_pays(Var var, int64_t bound);
  bool eliminate_variable(Var var);
  void push_clause_witness(Lit witness, ClauseRef ref);
  void remove_eliminated_clause(ClauseRef ref);

  // Gates (gates.cpp).
  bool find_gate(Var var);
  bool find_and_gate(Lit out);
  bool find_xor_gate(Var var);
  bool find_ite_gate(Var var);
  ClauseRef find_ternary(Lit a, Lit b, Lit c);
  void mark_gate_clause(ClauseRef ref);
  void clear_gate();

  OccurrenceLists occurrences_;
  StepBudget budget_;
  StepBudget subsume_budget_;
  std::vector<uint8_t> marks_;             // per literal, scratch
  std::vector<ClauseRef> gate_clauses_;    // of the variable being eliminated
  std::vector<ClauseRef> gate_scratch_;
  std::vector<double> scores_;             // negated costs, for the schedule
  std::vector<Lit> resolvent_;
};

}  // namespace wang::sat
