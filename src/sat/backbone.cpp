// Backbone of the binary clauses.
//
// A literal is in the backbone of a formula when every model makes it true.
// For the binary clauses alone the backbone is cheap to compute: 2-SAT is
// decided by propagation, so a literal l is in their backbone exactly when
// propagating -l over binary clauses alone reaches a literal and its
// negation.  Such an l is a unit of
// the whole formula, derived from the binary clauses on the two paths.
//
// Testing every literal would cost a walk of the graph each; the classic
// filter avoids most of them.  First a model M of the binary clauses is
// built by deciding and propagating.  Only literals of M can be in the
// backbone, and when the propagation of -l does not conflict, the literals
// it reaches together with the rest of M form another model: every literal
// of M it flips is out of the backbone as well.
//
// Probing finds failed literals too, but only at roots of the implication
// graph and through every clause; this finds every failed literal of the
// binary clauses, including those inside the graph that no root exposes
// until probing has removed the roots above them.  Each unit is a RUP step;
// its LRAT hints are the binary clauses on the two paths, in the order the
// search reached them, then the clause that conflicted.  The root is
// propagated after each unit, so a binary clause with a false literal has
// a true one too: the walks never meet a false literal.
#include "sat/backbone.hpp"

#include <algorithm>

namespace wang::sat {

BackboneFinder::BackboneFinder(Internal& engine) : Technique(engine) {}

// Sets `decision` and what the binary clauses imply from it in model_, on
// top of what model_ holds.  False on a conflict, with the level undone.
bool BackboneFinder::extend_model(Lit decision) {
  level_.assign({decision});
  model_[var_of(decision)] = decision;
  for (size_t head = 0; head < level_.size(); ++head) {
    const WatchList& list = watches(negate(level_[head]));
    ticks_ += 1 + static_cast<int64_t>(list.size() / 8);
    for (const Watch& watch : list) {
      if (!live_binary(watch)) continue;
      const Lit implied = watch.blocker;
      const Lit current = model_[var_of(implied)];
      if (value(implied) == kTrue || current == implied) continue;
      WANG_SAT_ASSERT(value(implied) == kUnassigned);
      if (current == negate(implied)) {
        for (Lit lit : level_) model_[var_of(lit)] = kNoLit;
        return false;
      }
      model_[var_of(implied)] = implied;
      level_.push_back(implied);
    }
  }
  return true;
}

// A decision that conflicts on top of a model of the binary clauses fails on
// its own (the model is closed under implication), so its negation is a unit.
void BackboneFinder::find_model() {
  model_.assign(num_vars(), kNoLit);
  for (Var var = 0; var < num_vars() && !inconsistent(); ++var) {
    const Lit positive = make_lit(var, false);
    if (!open(positive) || model_[var] != kNoLit) continue;
    if (extend_model(positive)) continue;
    if (refutes(positive)) {
      learn_unit(positive);
    } else {
      extend_model(negate(positive));
    }
  }
}

// Propagates `lit` alone over the binary clauses; true on a conflict, which
// the conflict_ fields describe.
bool BackboneFinder::refutes(Lit lit) {
  if (++search_ == 0) {
    std::fill(reached_.begin(), reached_.end(), 0);
    search_ = 1;
  }
  queue_.assign({lit});
  reached_[lit] = search_;
  edge_[lit] = kNoReason;
  order_[lit] = 0;
  for (size_t head = 0; head < queue_.size(); ++head) {
    const Lit from = queue_[head];
    const WatchList& list = watches(negate(from));
    ticks_ += 1 + static_cast<int64_t>(list.size() / 8);
    for (const Watch& watch : list) {
      if (!live_binary(watch)) continue;
      const Lit implied = watch.blocker;
      if (value(implied) == kTrue || reached_[implied] == search_) continue;
      WANG_SAT_ASSERT(value(implied) == kUnassigned);
      if (reached_[negate(implied)] == search_) {
        conflict_lit_ = implied;
        conflict_edge_ = watch.ref();
        conflict_from_ = from;
        return true;
      }
      reached_[implied] = search_;
      edge_[implied] = watch.ref();
      order_[implied] = static_cast<uint32_t>(queue_.size());
      queue_.push_back(implied);
    }
  }
  return false;
}

// The negation of `lit`, which refutes() just refuted, becomes a root unit.
void BackboneFinder::learn_unit(Lit lit) {
  std::vector<ClauseId>& hints = chain();
  hints.clear();
  if (lrat()) {
    std::vector<std::pair<uint32_t, ClauseId>>& steps = chain_steps();
    steps.clear();
    // Walks back from a reached literal to `lit` along the edges.
    auto add_path = [&](Lit end) {
      for (Lit at = end; edge_[at] != kNoReason;) {
        const Clause& edge = arena()[edge_[at]];
        steps.emplace_back(order_[at], edge.id());
        at = negate(edge[0] == at ? edge[1] : edge[0]);
      }
    };
    add_path(conflict_from_);
    add_path(negate(conflict_lit_));
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    for (const auto& step : steps) hints.push_back(step.second);
    hints.push_back(arena()[conflict_edge_].id());
    steps.clear();
  }
  const Lit unit[] = {negate(lit)};
  const ClauseId id = next_clause_id();
  proof_add(id, unit, hints);
  ++stats().backbone_units;
  add_derived_unit(unit[0], id);
  if (!inconsistent()) propagate_root_level();
}

void BackboneFinder::test_candidates(int64_t ticks) {
  const Var variables = num_vars();
  candidate_.assign(variables, 0);
  for (Var var = 0; var < variables; ++var) candidate_[var] = model_[var] != kNoLit;
  const Var start = static_cast<Var>(stats().backbone_tests % variables);
  for (Var i = 0; i < variables && ticks_ <= ticks && !inconsistent(); ++i) {
    const Var var = (start + i) % variables;
    const Lit lit = model_[var];
    if (!candidate_[var] || !open(lit)) continue;
    ++stats().backbone_tests;
    if (refutes(negate(lit))) {
      learn_unit(negate(lit));
      continue;
    }
    for (Lit reached : queue_) {
      if (model_[var_of(reached)] == negate(reached)) candidate_[var_of(reached)] = 0;
    }
  }
}

void BackboneFinder::run(int64_t ticks) {
  PhaseTimer timer(stats().time_backbone);
  if (num_vars() == 0) return;
  const size_t literals = 2 * static_cast<size_t>(num_vars());
  reached_.assign(literals, 0);
  edge_.assign(literals, kNoReason);
  order_.assign(literals, 0);
  find_model();
  test_candidates(ticks);
  stats().ticks += ticks_;
}

}  // namespace wang::sat
