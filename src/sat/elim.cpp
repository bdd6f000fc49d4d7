// Bounded variable elimination.
//
// A variable x is eliminated by replacing the clauses that contain x or -x
// with all their non-tautological resolvents on x, when that does not add
// more than `bound` clauses.  The formula stays equisatisfiable, and the
// removed clauses go to the witness stack so that a model of the smaller
// formula can be extended to x.  On structured instances this typically
// removes a third to a half of the variables before search starts, which is
// why every strong solver runs it, first as preprocessing and then again
// between search phases as learned units and new clauses make more
// variables eliminable.
//
// Eliminated clauses are not deleted in the proof: they may come back when a
// new clause or an assumption mentions an eliminated variable (restore.cpp),
// and keeping them in the proof makes their return trivially justified.
#include "sat/elim.hpp"

#include <algorithm>

#include "sat/subsume.hpp"

namespace wang::sat {

Eliminator::Eliminator(Internal& engine, int64_t steps, int64_t subsume_steps)
    : Technique(engine),
      budget_{0, steps},
      subsume_budget_{0, subsume_steps},
      marks_(2 * static_cast<size_t>(num_vars()), 0) {}

bool Eliminator::eliminable(Var var) const {
  // Eliminating a variable of bounded variable addition would put back the
  // clauses it factored.
  return status(var) == VarStatus::active && !frozen(var) && !own_variable(var) &&
         value(make_lit(var, false)) == kUnassigned;
}

// The resolvent of two clauses on `pivot` (in `positive`, negated in
// `negative`) into `resolvent`; false when it is a tautology.
bool Eliminator::resolve(ClauseRef positive, ClauseRef negative, Var pivot, std::vector<Lit>& resolvent) {
  resolvent.clear();
  for (Lit lit : arena()[positive].literals()) {
    if (var_of(lit) == pivot) continue;
    marks_[lit] = 1;
    resolvent.push_back(lit);
  }
  bool tautology = false;
  for (Lit lit : arena()[negative].literals()) {
    if (var_of(lit) == pivot) continue;
    if (marks_[negate(lit)]) {
      tautology = true;
      break;
    }
    if (!marks_[lit]) resolvent.push_back(lit);
  }
  for (Lit lit : arena()[positive].literals()) marks_[lit] = 0;
  budget_.steps += static_cast<int64_t>(arena()[positive].size + arena()[negative].size);
  return !tautology;
}

// With a gate, only gate clauses resolved with non-gate clauses count.
bool Eliminator::resolvent_needed(ClauseRef positive, ClauseRef negative) const {
  return gate_clauses_.empty() || arena()[positive].gate != arena()[negative].gate;
}

// Whether eliminating `var` adds at most `bound` clauses and no resolvent
// longer than the limit.
bool Eliminator::elimination_pays(Var var, int64_t bound) {
  const Lit pos = make_lit(var, false);
  const Lit neg = make_lit(var, true);
  const int64_t limit = static_cast<int64_t>(occurrences_[pos].size() + occurrences_[neg].size()) + bound;
  int64_t resolvents = 0;
  for (ClauseRef p : occurrences_[pos]) {
    for (ClauseRef n : occurrences_[neg]) {
      if (!resolvent_needed(p, n) || !resolve(p, n, var, resolvent_)) continue;
      if (++resolvents > limit || static_cast<int64_t>(resolvent_.size()) > opts().elimclslim) return false;
    }
  }
  return true;
}

void Eliminator::push_clause_witness(Lit witness, ClauseRef ref) {
  const Clause& clause = arena()[ref];
  push_witness(witness, clause.literals(), clause.id());
}

// Removes a clause that stays logically present (moved to the witness
// stack): no proof deletion, see the comment at the top.
void Eliminator::remove_eliminated_clause(ClauseRef ref) {
  Clause& clause = arena()[ref];
  if (clause.garbage) return;
  for (Lit lit : clause) touch(var_of(lit));
  drop_irredundant(ref);
}

// Adds the resolvents, moves the clauses of `var` to the witness stack.
// Returns false when a resolvent is a unit (the round stops so that it can
// be propagated) or empty.
bool Eliminator::eliminate_variable(Var var) {
  const Lit pos = make_lit(var, false);
  const Lit neg = make_lit(var, true);
  bool continue_round = true;
  for (ClauseRef p : occurrences_[pos]) {
    for (ClauseRef n : occurrences_[neg]) {
      if (!resolvent_needed(p, n) || !resolve(p, n, var, resolvent_)) continue;
      const ClauseId id = next_clause_id();
      const ClauseId antecedents[] = {arena()[p].id(), arena()[n].id()};
      proof_add(id, resolvent_, antecedents);
      if (resolvent_.size() == 1) {
        continue_round = false;
        add_derived_unit(resolvent_[0], id);
        if (inconsistent()) return false;
        continue;
      }
      const ClauseRef ref = add_unwatched(resolvent_, false, id);
      arena()[ref].subsume = 1;
      for (Lit lit : resolvent_) {
        occurrences_[lit].push_back(ref);
        touch(var_of(lit));
      }
    }
  }
  for (ClauseRef p : occurrences_[pos]) push_clause_witness(pos, p);
  for (ClauseRef n : occurrences_[neg]) push_clause_witness(neg, n);
  for (ClauseRef p : occurrences_[pos]) remove_eliminated_clause(p);
  for (ClauseRef n : occurrences_[neg]) remove_eliminated_clause(n);
  occurrences_[pos].clear();
  occurrences_[neg].clear();
  set_status(var, VarStatus::eliminated);
  ++stats().eliminated;
  return continue_round;
}

void Eliminator::delete_learnt_with_eliminated() {
  for (ClauseRef ref = arena().first(); ref != arena().end_ref(); ref = arena().next(ref)) {
    const Clause& clause = arena()[ref];
    if (clause.garbage || !clause.learnt) continue;
    for (Lit lit : clause) {
      if (status(var_of(lit)) != VarStatus::active) {
        delete_clause(ref);
        break;
      }
    }
  }
}

// One round over the variables touched since the last round, cheapest
// first.  The order matters: eliminating a variable adds its resolvents to
// the occurrences of its neighbours, so costs are re-read when a variable
// comes up and it goes back into the schedule if it became more expensive.
// Without that, chains of gates get eliminated input after input, each step
// destroying the next gate and growing the clauses.
bool Eliminator::eliminate_touched(int64_t bound) {
  PhaseTimer timer(stats().time_elim);
  const int64_t eliminated_before = stats().eliminated;
  const auto cost = [this](Var var) {
    return occurrences_.live(make_lit(var, false), arena()) + occurrences_.live(make_lit(var, true), arena());
  };
  scores_.assign(num_vars(), 0.0);
  ScoreHeap schedule(scores_);
  schedule.resize(num_vars());
  std::vector<uint8_t>& touched_vars = touched();
  for (Var var = 0; var < num_vars(); ++var) {
    if (touched_vars[var] && eliminable(var)) {
      scores_[var] = -static_cast<double>(cost(var));
      schedule.push(var);
    }
    touched_vars[var] = 0;
  }
  while (!schedule.empty() && !budget_.exhausted()) {
    const Var var = schedule.pop();
    if (!eliminable(var)) continue;
    const size_t positive = occurrences_.live(make_lit(var, false), arena());
    const size_t negative = occurrences_.live(make_lit(var, true), arena());
    const double current = -static_cast<double>(positive + negative);
    if (current < scores_[var]) {
      scores_[var] = current;
      schedule.push(var);
      continue;
    }
    if (static_cast<int64_t>(std::max(positive, negative)) > opts().elimocclim) continue;
    find_gate(var);
    const bool continue_round = !elimination_pays(var, bound) || eliminate_variable(var);
    clear_gate();
    if (!continue_round) break;
  }
  return stats().eliminated > eliminated_before;
}

// Subsumption first: it shrinks the occurrence lists elimination works on,
// and resolvents of the last round are often subsumed.
bool Eliminator::round(int64_t bound) {
  occurrences_.connect(arena(), num_vars());
  if (opts().subsume) Subsumer(engine_, occurrences_, subsume_budget_).run();
  const bool stopped = limits_reached_now();
  const bool progress = !inconsistent() && !stopped && opts().elim && eliminate_touched(bound);
  delete_learnt_with_eliminated();
  occurrences_ = OccurrenceLists();
  collect_garbage();
  return progress && !stopped && !budget_.exhausted();
}

void Eliminator::run(int64_t max_rounds, int64_t bound) {
  for (int64_t count = 0; count < max_rounds && !inconsistent(); ++count) {
    // Units found by the last round simplify the clauses of the next.
    if (!propagate_root_level() || limits_reached_now()) return;
    simplify_root();
    if (!round(bound)) break;
  }
  if (!inconsistent()) propagate_root_level();
}

}  // namespace wang::sat
