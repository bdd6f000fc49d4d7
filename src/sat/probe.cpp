// Failed literal probing with hyper-binary resolution.
//
// Probing a literal l means deciding it alone and propagating.  A conflict
// shows that l is false in every model: -l is a unit (a "failed literal"),
// derived by the implication graph of the conflict.  Without a conflict,
// every literal x that l implied through a clause with two or more other
// literals assigned at the probe's level gives a binary clause (-d | x),
// the hyper-binary resolvent of the clauses on the paths from d to x, where
// d is the dominator of those literals in the binary implication tree of
// the probe (d is l itself when the paths meet only there): later
// propagation reaches x from d in one step, and the binary implication
// graph gains the edge, which is where equivalent literal substitution
// (scheduled right after probing) finds equivalences that no binary clause
// of the input shows.  When -d is one of the reason's own literals the
// resolvent subsumes the reason, which is then deleted: an irredundant
// reason leaves an irredundant binary in its place.  Units from failed
// literals shorten every clause they touch, which on circuits (multipliers,
// bounded model checking) is where much of the formula collapses.
//
// Only roots of the binary implication graph are probed -- literals that
// imply something through a binary clause but that no binary clause implies
// -- since probing an implied literal finds nothing its root does not.  The
// round starts where the last one stopped (by the count of probes), so that
// a limited budget still gets around the candidates over several rounds.
//
// The other resolvents are redundant and marked `hyper`: reduce deletes each
// at the first reduction it was not used since (a probe of a large circuit
// implies thousands of literals, and keeping them all swamped the clause
// database: 6.7 million resolvents in a minute on one bit-blasted QF_BV
// file).  Every step goes to the proof with the antecedents of the paths
// from d.
#include "sat/probe.hpp"

#include <algorithm>

namespace wang::sat {

Prober::Prober(Internal& engine) : Technique(engine) {}

std::vector<Lit> Prober::roots() const {
  const size_t literals = 2 * static_cast<size_t>(num_vars());
  // Binary clauses containing each literal, from the watch lists.
  std::vector<uint32_t> binaries(literals, 0);
  for (Lit lit = 0; lit < literals; ++lit) {
    for (const Watch& watch : watches(lit)) binaries[lit] += live_binary(watch);
  }
  std::vector<Lit> result;
  for (Lit lit = 0; lit < literals; ++lit) {
    // l implies something when -l is in a binary clause; something implies
    // l when l is.
    if (binaries[lit] > 0 || binaries[negate(lit)] == 0) continue;
    if (status(var_of(lit)) != VarStatus::active || value(lit) != kUnassigned) continue;
    result.push_back(lit);
  }
  return result;
}

void Prober::learn_failed_literal(Lit lit, ClauseRef conflict) {
  derive_from_decisions(conflict, kNoLit, clause_);
  WANG_SAT_ASSERT(clause_.size() == 1 && clause_[0] == negate(lit));
  backtrack_probe(0);
  const ClauseId id = next_clause_id();
  proof_add(id, clause_, chain());
  ++stats().failed_literals;
  assign_root_unit(negate(lit), id);
  propagate_root_level();
}

// The literal that implied `lit` (true, at the probe's level) in the
// binary implication tree: the one other literal of its reason above the
// root.  kNoLit for the probe.  Valid for the trail up to the literal that
// add_hyper_binary_resolvents is at, whose reasons are all binary by then
// (or have one literal above the root).
Lit Prober::parent(Lit lit) const {
  const ClauseRef reason = var_data(var_of(lit)).reason;
  if (reason == kNoReason) return kNoLit;
  for (Lit other : arena()[reason].literals()) {
    if (var_of(other) != var_of(lit) && var_data(var_of(other)).level > 0) return negate(other);
  }
  WANG_SAT_ASSERT(false);
  return kNoLit;
}

// The closest common ancestor of two true literals in the tree.
Lit Prober::dominator(Lit a, Lit b) const {
  while (a != b) {
    // Keep `a` the earlier one on the trail and move the later one up.
    if (var_data(var_of(a)).trail > var_data(var_of(b)).trail) std::swap(a, b);
    b = parent(b);
    WANG_SAT_ASSERT(b != kNoLit);
  }
  return a;
}

// The dominator of the literals that make `reason` imply `implied`, or
// kNoLit when at most one of them is above the root (the reason is binary
// in effect and adds no edge).
Lit Prober::reason_dominator(ClauseRef reason, Lit implied) const {
  Lit dom = kNoLit;
  int above_root = 0;
  for (Lit other : arena()[reason].literals()) {
    if (other == implied || var_data(var_of(other)).level == 0) continue;
    ++above_root;
    dom = dom == kNoLit ? negate(other) : dominator(dom, negate(other));
  }
  return above_root >= 2 ? dom : kNoLit;
}

// Precondition: the probe's level, propagated without conflict.
//
// Each resolvent becomes the reason of its implied literal, so that the
// dominators of later literals are found in a tree of binary reasons and
// deriving a later resolvent (its LRAT antecedents) walks back from the
// implied literal only as far as its dominator.  A DRAT proof needs no
// antecedents: the resolvent is a RUP step.  Subsumed reasons wait for the
// end of the round: propagation must not meet deleted clauses.
void Prober::add_hyper_binary_resolvents() {
  const std::vector<Lit>& assigned = trail();
  const uint32_t glue = static_cast<uint32_t>(opts().tier1glue) + 1;
  // New clauses go to the end of the arena: the positions stay valid.
  for (size_t i = level_start(1) + 1; i < assigned.size(); ++i) {
    const Lit implied = assigned[i];
    const ClauseRef reason = var_data(var_of(implied)).reason;
    if (reason == kNoReason || arena()[reason].size == 2) continue;
    const Lit dom = reason_dominator(reason, implied);
    if (dom == kNoLit) continue;
    if (lrat()) {
      derive_from_decisions(reason, implied, clause_, dom);
      WANG_SAT_ASSERT(clause_.size() == 2);
    } else {
      clause_.assign({implied, negate(dom)});
      chain().clear();
    }
    const Clause& old = arena()[reason];
    const bool subsumes = std::find(old.begin(), old.end(), negate(dom)) != old.end();
    const bool redundant = !subsumes || old.learnt;
    const ClauseId id = next_clause_id();
    proof_add(id, clause_, chain());
    const ClauseRef resolvent = new_clause(clause_, redundant, glue, id);
    if (redundant) {
      arena()[resolvent].hyper = 1;
    } else {
      touch(var_of(implied));
      touch(var_of(dom));
    }
    if (subsumes) subsumed_reasons_.push_back(reason);
    set_reason(var_of(implied), resolvent);
    ++stats().hyper_binaries;
  }
}

void Prober::probe(Lit lit) {
  ++stats().probes;
  new_decision_level();
  assign_decision(lit);
  const ClauseRef conflict = propagate();
  if (conflict != kNoReason) {
    learn_failed_literal(lit, conflict);
    return;
  }
  add_hyper_binary_resolvents();
  backtrack_probe(0);
}

void Prober::run(int64_t ticks) {
  PhaseTimer timer(stats().time_probe);
  const std::vector<Lit> candidates = roots();
  if (candidates.empty()) return;
  const int64_t limit = stats().ticks + ticks;
  const size_t start = static_cast<size_t>(stats().probes) % candidates.size();
  for (size_t i = 0; i < candidates.size() && stats().ticks <= limit && !inconsistent(); ++i) {
    const Lit lit = candidates[(start + i) % candidates.size()];
    if (value(lit) == kUnassigned) probe(lit);
  }
  // Root units may still name a subsumed reason as their antecedent.
  derive_root_units();
  for (ClauseRef ref : subsumed_reasons_) {
    if (arena()[ref].garbage) continue;
    delete_clause(ref);
    ++stats().hyper_subsumed;
  }
  collect_garbage();
}

}  // namespace wang::sat
