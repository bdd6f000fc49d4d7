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
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::connect_occurrences() {
  const auto for_each_occurrence = [this](auto&& visit) {
    for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
      const Clause& clause = arena_[ref];
      if (clause.garbage || clause.learnt) continue;
      for (Lit lit : clause) visit(lit, ref);
    }
  };
  // Counting first sizes every list once: growing millions of lists by
  // doubling costs more than the second pass over the arena.
  std::vector<uint32_t> counts(2 * static_cast<size_t>(num_vars), 0);
  for_each_occurrence([&counts](Lit lit, ClauseRef) { ++counts[lit]; });
  occurrences_.assign(counts.size(), {});
  for (size_t lit = 0; lit < counts.size(); ++lit) occurrences_[lit].reserve(counts[lit]);
  for_each_occurrence([this](Lit lit, ClauseRef ref) { occurrences_[lit].push_back(ref); });
}

void Internal::disconnect_occurrences() {
  occurrences_.clear();
  occurrences_.shrink_to_fit();
}

// Drops garbage references from an occurrence list; returns its size.
size_t Internal::live_occurrences(Lit lit) {
  std::vector<ClauseRef>& list = occurrences_[lit];
  std::erase_if(list, [this](ClauseRef ref) { return arena_[ref].garbage != 0; });
  return list.size();
}

bool Internal::eliminable(Var var) const {
  return status_[var] == VarStatus::active && frozen_[var] == 0 && values_[make_lit(var, false)] == kUnassigned;
}

// The resolvent of two clauses on `pivot` (in `positive`, negated in
// `negative`) into `resolvent`; false when it is a tautology.
bool Internal::resolve(ClauseRef positive, ClauseRef negative, Var pivot, std::vector<Lit>& resolvent) {
  resolvent.clear();
  for (Lit lit : arena_[positive].literals()) {
    if (var_of(lit) == pivot) continue;
    lit_marks_[lit] = 1;
    resolvent.push_back(lit);
  }
  bool tautology = false;
  for (Lit lit : arena_[negative].literals()) {
    if (var_of(lit) == pivot) continue;
    if (lit_marks_[negate(lit)]) {
      tautology = true;
      break;
    }
    if (!lit_marks_[lit]) resolvent.push_back(lit);
  }
  for (Lit lit : arena_[positive].literals()) lit_marks_[lit] = 0;
  elim_steps_ += static_cast<int64_t>(arena_[positive].size + arena_[negative].size);
  return !tautology;
}

// Whether eliminating `var` adds at most `bound` clauses and no resolvent
// longer than the limit.
// With a gate, only gate clauses resolved with non-gate clauses count.
bool Internal::resolvent_needed(ClauseRef positive, ClauseRef negative) const {
  return gate_clauses_.empty() || arena_[positive].gate != arena_[negative].gate;
}

bool Internal::elimination_pays(Var var, int64_t bound) {
  const Lit pos = make_lit(var, false);
  const Lit neg = make_lit(var, true);
  const int64_t limit = static_cast<int64_t>(occurrences_[pos].size() + occurrences_[neg].size()) + bound;
  int64_t resolvents = 0;
  std::vector<Lit>& resolvent = clause_scratch_;
  for (ClauseRef p : occurrences_[pos]) {
    for (ClauseRef n : occurrences_[neg]) {
      if (!resolvent_needed(p, n) || !resolve(p, n, var, resolvent)) continue;
      if (++resolvents > limit || static_cast<int64_t>(resolvent.size()) > opts.elimclslim) return false;
    }
  }
  return true;
}

void Internal::push_witness(Lit witness, ClauseRef ref) {
  const Clause& clause = arena_[ref];
  witnesses_.push_back({witness, clause.size, clause.id()});
  witness_literals_.insert(witness_literals_.end(), clause.begin(), clause.end());
}

// Removes a clause that stays logically present (moved to the witness
// stack): no proof deletion, see the comment at the top.
void Internal::remove_eliminated_clause(ClauseRef ref) {
  Clause& clause = arena_[ref];
  if (clause.garbage) return;
  for (Lit lit : clause) elim_touched_[var_of(lit)] = 1;
  --irredundant_;
  arena_.free(ref);
}

// Adds the resolvents, moves the clauses of `var` to the witness stack.
// Returns false when a resolvent is a unit (the round stops so that it can
// be propagated) or empty.
bool Internal::eliminate_variable(Var var) {
  const Lit pos = make_lit(var, false);
  const Lit neg = make_lit(var, true);
  bool continue_round = true;
  std::vector<Lit> resolvent;
  for (ClauseRef p : occurrences_[pos]) {
    for (ClauseRef n : occurrences_[neg]) {
      if (!resolvent_needed(p, n) || !resolve(p, n, var, resolvent)) continue;
      const ClauseId id = next_clause_id();
      const ClauseId antecedents[] = {arena_[p].id(), arena_[n].id()};
      proof_add(id, resolvent, antecedents);
      if (resolvent.size() == 1) {
        continue_round = false;
        const Value v = value(resolvent[0]);
        if (v == kFalse) {
          become_inconsistent(id, resolvent);
          return false;
        }
        if (v == kUnassigned) assign_root_unit(resolvent[0], id);
        continue;
      }
      const ClauseRef ref = allocate_unwatched(resolvent, false, id);
      arena_[ref].subsume = 1;
      ++irredundant_;
      for (Lit lit : resolvent) {
        occurrences_[lit].push_back(ref);
        elim_touched_[var_of(lit)] = 1;
      }
    }
  }
  for (ClauseRef p : occurrences_[pos]) push_witness(pos, p);
  for (ClauseRef n : occurrences_[neg]) push_witness(neg, n);
  for (ClauseRef p : occurrences_[pos]) remove_eliminated_clause(p);
  for (ClauseRef n : occurrences_[neg]) remove_eliminated_clause(n);
  occurrences_[pos].clear();
  occurrences_[neg].clear();
  status_[var] = VarStatus::eliminated;
  ++stats.eliminated;
  return continue_round;
}

// Learned clauses over eliminated variables are implied but would keep the
// variables alive in the search; they are dropped.
void Internal::delete_learnt_with_eliminated() {
  for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
    const Clause& clause = arena_[ref];
    if (clause.garbage || !clause.learnt) continue;
    for (Lit lit : clause) {
      if (status_[var_of(lit)] != VarStatus::active) {
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
// Precondition: root level, propagated, simplified.
bool Internal::elimination_round(int64_t bound) {
  PhaseTimer timer(stats.time_elim);
  const int64_t eliminated_before = stats.eliminated;
  const auto cost = [this](Var var) {
    return live_occurrences(make_lit(var, false)) + live_occurrences(make_lit(var, true));
  };
  elim_scores_.assign(num_vars, 0.0);
  ScoreHeap schedule(elim_scores_);
  schedule.resize(num_vars);
  for (Var var = 0; var < num_vars; ++var) {
    if (elim_touched_[var] && eliminable(var)) {
      elim_scores_[var] = -static_cast<double>(cost(var));
      schedule.push(var);
    }
    elim_touched_[var] = 0;
  }
  while (!schedule.empty() && elim_steps_ <= elim_budget_) {
    const Var var = schedule.pop();
    if (!eliminable(var)) continue;
    const size_t positive = live_occurrences(make_lit(var, false));
    const size_t negative = live_occurrences(make_lit(var, true));
    const double current = -static_cast<double>(positive + negative);
    if (current < elim_scores_[var]) {
      elim_scores_[var] = current;
      schedule.push(var);
      continue;
    }
    if (static_cast<int64_t>(std::max(positive, negative)) > opts.elimocclim) continue;
    find_gate(var);
    const bool continue_round = !elimination_pays(var, bound) || eliminate_variable(var);
    clear_gate();
    if (!continue_round) break;
  }
  return stats.eliminated > eliminated_before;
}

}  // namespace wang::sat
