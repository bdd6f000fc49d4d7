// Equivalent literal substitution (decompose).
//
// Binary clauses form an implication graph; literals in one strongly
// connected component are equivalent.  Each component is replaced by one
// representative literal in every clause, which removes variables, shortens
// clauses and exposes duplicate and tautological clauses.  Encodings of
// circuits are full of such equivalences (buffers, double negations,
// gates that collapse once some inputs are fixed), and neither propagation
// nor elimination finds them.  A component containing a literal and its
// negation proves the formula unsatisfiable.
//
// Substituted variables get their model values from the witness stack: it
// receives the two binary clauses of each equivalence.  For proofs, each
// equivalence (-l | r) is derived from the path of binary clauses from l to
// r, and each rewritten clause from its original and those equivalences.
#include <algorithm>

#include "sat/decompose.hpp"

namespace wang::sat {

namespace {
constexpr uint32_t kUnvisited = UINT32_MAX;
}  // namespace

Decomposer::Decomposer(Internal& engine) : Technique(engine) {}

bool Decomposer::candidate(Lit lit) const {
  return status(var_of(lit)) == VarStatus::active && value(lit) == kUnassigned;
}

// The ids of binary clauses on a path of implications from `from` to `to`
// inside one component (breadth-first, so paths are short).
std::vector<ClauseId> Decomposer::implication_path(Lit from, Lit to) {
  std::vector<Lit> queue{from};
  std::vector<std::pair<Lit, ClauseRef>>& parent = path_parent_;
  parent[from] = {from, kNoReason};
  std::vector<Lit> visited{from};
  for (size_t head = 0; head < queue.size() && parent[to].first == kNoLit; ++head) {
    const Lit lit = queue[head];
    for (const Watch& watch : watches(negate(lit))) {
      if (!live_binary(watch)) continue;
      const Lit next = watch.blocker;
      if (parent[next].first != kNoLit || component_[next] != component_[from]) continue;
      parent[next] = {lit, watch.ref()};
      visited.push_back(next);
      queue.push_back(next);
    }
  }
  std::vector<ClauseId> path;
  for (Lit lit = to; lit != from; lit = parent[lit].first) path.push_back(arena()[parent[lit].second].id());
  std::reverse(path.begin(), path.end());
  for (Lit lit : visited) parent[lit] = {kNoLit, kNoReason};
  return path;
}

// Tarjan's algorithm over the binary implication graph, iteratively.
// Fills `component_` (an id per literal) and `representative_`.  Returns
// false when a literal and its negation are equivalent.
bool Decomposer::find_equivalences() {
  const size_t literals = 2 * static_cast<size_t>(num_vars());
  std::vector<uint32_t> index(literals, kUnvisited), low(literals, 0);
  std::vector<uint8_t> on_stack(literals, 0);
  std::vector<Lit> stack;
  struct Frame {
    Lit lit;
    size_t next;
  };
  std::vector<Frame> frames;
  std::vector<Lit> members;  // of the component being closed
  uint32_t counter = 0, components = 0;
  for (Lit root = 0; root < literals; ++root) {
    if (index[root] != kUnvisited || !candidate(root)) continue;
    frames.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!frames.empty()) {
      Frame& frame = frames.back();
      const Lit lit = frame.lit;
      const WatchList& implied = watches(negate(lit));
      bool descended = false;
      while (frame.next < implied.size()) {
        const Watch watch = implied[frame.next++];
        if (!watch.binary() || !candidate(watch.blocker)) continue;
        const Lit next = watch.blocker;
        if (index[next] == kUnvisited) {
          index[next] = low[next] = counter++;
          stack.push_back(next);
          on_stack[next] = 1;
          frames.push_back({next, 0});
          descended = true;
          break;
        }
        if (on_stack[next]) low[lit] = std::min(low[lit], index[next]);
      }
      if (descended) continue;
      if (low[lit] == index[lit]) {
        members.clear();
        Lit member;
        do {
          member = stack.back();
          stack.pop_back();
          on_stack[member] = 0;
          component_[member] = components;
          members.push_back(member);
        } while (member != lit);
        ++components;
        if (!choose_representative(members)) return false;
      }
      frames.pop_back();
      if (!frames.empty()) low[frames.back().lit] = std::min(low[frames.back().lit], low[lit]);
    }
  }
  return true;
}

// The representative of a component: a frozen variable if there is one
// (frozen variables must stay), else the smallest variable.  The rule is
// symmetric, so the negated component gets the negated representative.
bool Decomposer::choose_representative(const std::vector<Lit>& members) {
  Lit best = members[0];
  for (Lit lit : members) {
    if (component_[negate(lit)] == component_[lit]) {
      contradiction_ = lit;
      return false;
    }
    const bool lit_frozen = frozen(var_of(lit)), best_frozen = frozen(var_of(best));
    if (lit_frozen != best_frozen ? lit_frozen : var_of(lit) < var_of(best)) best = lit;
  }
  for (Lit lit : members) {
    if (frozen(var_of(lit)) || lit == best) continue;
    representative_[lit] = best;
    representative_[negate(lit)] = negate(best);
  }
  return true;
}

// l and -l are equivalent: derive both units; they refute the formula.
void Decomposer::refute_equivalence(Lit lit) {
  const Lit negative[] = {negate(lit)}, positive[] = {lit};
  const ClauseId negative_id = next_clause_id();
  proof_add(negative_id, negative, lrat() ? implication_path(lit, negate(lit)) : std::vector<ClauseId>{});
  const ClauseId positive_id = next_clause_id();
  proof_add(positive_id, positive, lrat() ? implication_path(negate(lit), lit) : std::vector<ClauseId>{});
  assign_root_unit(negate(lit), negative_id);
  become_inconsistent(positive_id, positive);
}

// Adds the equivalence clauses of substituted literals to the proof and the
// witness stack; records in `equivalence_ids_` the id of (-l | r) for each
// substituted literal l.
void Decomposer::record_equivalences() {
  for (Var var = 0; var < num_vars(); ++var) {
    const Lit lit = make_lit(var, false);
    if (representative_[lit] == lit) continue;
    for (Lit l : {lit, negate(lit)}) {
      const Lit r = representative_[l];
      const Lit clause[] = {negate(l), r};
      const ClauseId id = next_clause_id();
      proof_add(id, clause, lrat() ? implication_path(l, r) : std::vector<ClauseId>{});
      equivalence_ids_[l] = id;
      // The witness of (-l | r) is -l: extension makes l follow r.
      push_witness(negate(l), clause, id);
    }
    set_status(var, VarStatus::substituted);
    ++stats().substituted;
  }
}

// Rewrites every clause over substituted literals.
void Decomposer::substitute_clauses() {
  std::vector<Lit> rewritten;
  std::vector<ClauseId> antecedents;
  const ClauseRef end = arena().end_ref();
  for (ClauseRef ref = arena().first(); ref != end && !inconsistent(); ref = arena().next(ref)) {
    if (arena()[ref].garbage) continue;
    rewritten.clear();
    antecedents.clear();
    bool changed = false;
    for (Lit lit : arena()[ref].literals()) {
      const Lit rep = representative_[lit];
      if (rep != lit) {
        changed = true;
        antecedents.push_back(equivalence_ids_[lit]);
      }
      rewritten.push_back(rep);
    }
    if (!changed) continue;
    std::sort(rewritten.begin(), rewritten.end());
    rewritten.erase(std::unique(rewritten.begin(), rewritten.end()), rewritten.end());
    bool tautology = false;
    for (size_t i = 1; i < rewritten.size(); ++i) tautology |= rewritten[i] == negate(rewritten[i - 1]);
    const bool learnt = arena()[ref].learnt;
    const uint32_t glue = arena()[ref].glue;
    if (!tautology) {
      antecedents.push_back(arena()[ref].id());
      const ClauseId id = next_clause_id();
      proof_add(id, rewritten, antecedents);
      add_rewritten_clause(rewritten, learnt, glue, id);
    }
    delete_clause(ref);
  }
}

void Decomposer::add_rewritten_clause(const std::vector<Lit>& literals, bool learnt, uint32_t glue, ClauseId id) {
  if (literals.size() == 1) {
    add_derived_unit(literals[0], id);
    return;
  }
  // Watches are rebuilt by the collection that follows.
  const ClauseRef copy = add_unwatched(literals, learnt, id);
  arena()[copy].glue = std::min<uint32_t>(glue, static_cast<uint32_t>(literals.size()));
  arena()[copy].subsume = 1;
  if (!learnt) {
    for (Lit lit : literals) touch(var_of(lit));
  }
}

// Precondition: root level, propagated, simplified.
void Decomposer::run() {
  PhaseTimer timer(stats().time_decompose);
  const size_t literals = 2 * static_cast<size_t>(num_vars());
  component_.assign(literals, UINT32_MAX);
  representative_.resize(literals);
  for (Lit lit = 0; lit < literals; ++lit) representative_[lit] = lit;
  path_parent_.assign(literals, {kNoLit, kNoReason});
  equivalence_ids_.assign(literals, 0);
  if (!find_equivalences()) {
    refute_equivalence(contradiction_);
  } else {
    record_equivalences();
    substitute_clauses();
  }
  collect_garbage();
}

}  // namespace wang::sat
