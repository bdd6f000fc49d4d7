// Failed literal probing with hyper-binary resolution.
//
// Probing a literal l means deciding it alone and propagating.  A conflict
// shows that l is false in every model: -l is a unit (a "failed literal"),
// derived by the implication graph of the conflict.  Without a conflict,
// every literal x that l implied through a clause of three or more literals
// gives the binary clause (-l | x), the hyper-binary resolvent of the
// clauses on the path from l to x: later propagation reaches x from l in one
// step, and the binary implication graph gains the edge, which is where
// equivalent literal substitution (scheduled right after probing) finds
// equivalences that no binary clause of the input shows.  Units from failed
// literals shorten every clause they touch, which on circuits (multipliers,
// bounded model checking) is where much of the formula collapses.
//
// Only roots of the binary implication graph are probed -- literals that
// imply something through a binary clause but that no binary clause implies
// -- since probing an implied literal finds nothing its root does not.  The
// round starts where the last one stopped (by the count of probes), so that
// a limited budget still gets around the candidates over several rounds.
//
// The resolvents are redundant (learned, tier 2): they stay while they keep
// serving as reasons.  Every step goes to the proof with the antecedents of
// the probe's implication graph.
#include "sat/probe.hpp"

namespace wang::sat {

Prober::Prober(Internal& engine) : Technique(engine) {}

std::vector<Lit> Prober::roots() const {
  const size_t literals = 2 * static_cast<size_t>(num_vars());
  // Binary clauses containing each literal, from the watch lists.
  std::vector<uint32_t> binaries(literals, 0);
  for (Lit lit = 0; lit < literals; ++lit) {
    for (const Watch& watch : watches(lit)) binaries[lit] += watch.binary() && !arena()[watch.ref()].garbage;
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

// Precondition: the probe's level, propagated without conflict.
//
// Each resolvent becomes the reason of its implied literal.  Deriving a
// later resolvent (its LRAT antecedents) walks back from the implied
// literal through reasons; with the resolvents as reasons that walk stops
// one step from the probe wherever it meets an earlier one, instead of
// retracing the whole implication graph of the probe for each of them,
// which made probing quadratic in the number of implied literals.  A DRAT
// proof needs no antecedents: the resolvent is a RUP step.
void Prober::add_hyper_binary_resolvents(Lit probe) {
  const std::vector<Lit>& assigned = trail();
  const uint32_t glue = static_cast<uint32_t>(opts().tier1glue) + 1;
  // New clauses go to the end of the arena: the positions stay valid.
  for (size_t i = level_start(1) + 1; i < assigned.size(); ++i) {
    const Lit implied = assigned[i];
    const ClauseRef reason = var_data(var_of(implied)).reason;
    if (reason == kNoReason || arena()[reason].size == 2) continue;
    if (lrat()) {
      derive_from_decisions(reason, implied, clause_);
      WANG_SAT_ASSERT(clause_.size() == 2);
    } else {
      clause_.assign({implied, negate(probe)});
      chain().clear();
    }
    const ClauseId id = next_clause_id();
    proof_add(id, clause_, chain());
    set_reason(var_of(implied), new_clause(clause_, true, glue, id));
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
  add_hyper_binary_resolvents(lit);
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
}

}  // namespace wang::sat
