// Bounded variable addition (Manthey, Heule and Biere, 2012).
//
// When literals l_1..l_n and clause rests C_1..C_m occur as all n*m clauses
// (l_i ∨ C_j), a new variable y replaces them by n + m clauses: (y ∨ l_i)
// and (¬y ∨ C_j), whose resolvents on y are the originals.  Encodings of
// at-most-one and other cardinality constraints consist of such products
// (pairwise exclusions of pigeonhole and scheduling formulas), and the
// factored form gives conflict analysis a literal that stands for a whole
// group: Kissat 4.0.4 solves hole10 in 3 s with it and in no less than 40 s
// without (`--no-factor`).
//
// The factor is grown greedily from the literal with the most occurrences:
// each step adds the literal l' for which the most rows (l ∨ C_j) have a
// partner (l' ∨ C_j), as long as the number of clauses saved grows.  It
// runs once, before the first elimination (inprocess.cpp): elimination then
// works on the factored formula (hole10 takes 0.1 s that way, 30 s with the
// factoring after elimination), and its resolvents, which are products of
// exactly this kind, are never factored back.
//
// The new variable is the engine's own, so this runs only after the client
// has closed its variables (Solver::close_variables), and elimination never
// removes such a variable (it would put the products back).  Proofs: each
// (y ∨ l_i) is RAT on the fresh y, each (¬y ∨ C_j) is RAT on ¬y with the
// resolvents (l_i ∨ C_j) present; the replaced clauses are then deleted.
#include "sat/factor.hpp"

#include <algorithm>
#include <queue>
#include <unordered_set>

namespace wang::sat {

namespace {

// Longer clauses rarely form products, and matching them costs more.
constexpr uint32_t kMaxFactorSize = 5;
constexpr size_t kLiteralsPerLimitCheck = 256;

// Clauses saved by a factor of `lits` literals over `rows` rests.
int64_t reduction(size_t lits, size_t rows) {
  const auto n = static_cast<int64_t>(lits), m = static_cast<int64_t>(rows);
  return n * m - n - m;
}

}  // namespace

Factorizer::Factorizer(Internal& engine, int64_t steps)
    : Technique(engine),
      limit_(steps),
      marks_(2 * static_cast<size_t>(num_vars()), 0),
      counts_(2 * static_cast<size_t>(num_vars()), 0),
      taken_(2 * static_cast<size_t>(num_vars()), 0) {}

bool Factorizer::candidate(ClauseRef ref) const {
  const Clause& clause = arena()[ref];
  return !clause.garbage && !clause.learnt && clause.size >= 2 && clause.size <= kMaxFactorSize;
}

// For each row (first ∨ C): the clauses (l' ∨ C) of the same size, found
// among the clauses of the rarest literal of C.
void Factorizer::find_matches(Lit first, const std::vector<Row>& rows, std::vector<Match>& matches) {
  for (size_t i = 0; i < rows.size(); ++i) {
    const Clause& base = arena()[rows[i].base];
    Lit rarest = kNoLit;
    for (Lit lit : base) {
      if (lit == first) continue;
      marks_[lit] = 1;
      if (rarest == kNoLit || occurrences_[lit].size() < occurrences_[rarest].size()) rarest = lit;
    }
    for (ClauseRef other : occurrences_[rarest]) {
      ++steps_;
      if (other == rows[i].base || !candidate(other) || arena()[other].size != base.size) continue;
      steps_ += arena()[other].size;
      Lit extra = kNoLit;
      bool one_extra = true;
      for (Lit lit : arena()[other]) {
        if (marks_[lit]) continue;
        if (extra != kNoLit) {
          one_extra = false;
          break;
        }
        extra = lit;
      }
      if (one_extra && extra != kNoLit && !taken_[extra]) matches.push_back({extra, i, other});
    }
    for (Lit lit : base) marks_[lit] = 0;
  }
}

// The literal with the most matches (the first to get there on ties).
Lit Factorizer::most_frequent(const std::vector<Match>& matches, size_t& count) {
  Lit best = kNoLit;
  count = 0;
  for (const Match& match : matches) {
    if (++counts_[match.lit] > count) {
      count = counts_[match.lit];
      best = match.lit;
    }
  }
  for (const Match& match : matches) counts_[match.lit] = 0;
  return best;
}

bool Factorizer::factor(Lit first) {
  std::vector<Row> rows;
  for (ClauseRef ref : occurrences_[first]) {
    if (candidate(ref)) rows.push_back({ref, {}});
  }
  if (rows.size() < 2) return false;
  std::vector<Lit> lits{first};
  std::vector<Match> matches;
  std::unordered_set<ClauseRef> used;
  for (;;) {
    for (Lit lit : lits) taken_[lit] = taken_[negate(lit)] = 1;
    matches.clear();
    find_matches(first, rows, matches);
    for (Lit lit : lits) taken_[lit] = taken_[negate(lit)] = 0;
    size_t count = 0;
    const Lit next = most_frequent(matches, count);
    if (next == kNoLit || reduction(lits.size() + 1, count) <= reduction(lits.size(), rows.size())) break;
    // Each row and each partner clause once: duplicate clauses could
    // otherwise match twice.
    std::vector<Row> kept;
    used.clear();
    size_t last_row = SIZE_MAX;
    for (const Match& match : matches) {
      if (match.lit != next || match.row == last_row || !used.insert(match.clause).second) continue;
      last_row = match.row;
      kept.push_back(rows[match.row]);
      kept.back().partners.push_back(match.clause);
    }
    if (reduction(lits.size() + 1, kept.size()) <= reduction(lits.size(), rows.size())) break;
    rows = std::move(kept);
    lits.push_back(next);
  }
  if (reduction(lits.size(), rows.size()) <= 0) return false;
  replace(lits, rows);
  return true;
}

void Factorizer::replace(const std::vector<Lit>& lits, const std::vector<Row>& rows) {
  const Var fresh = new_variable();
  occurrences_.reserve(num_vars());
  for (std::vector<uint8_t>* marks : {&marks_, &taken_}) marks->resize(2 * static_cast<size_t>(num_vars()), 0);
  counts_.resize(2 * static_cast<size_t>(num_vars()), 0);
  const Lit y = make_lit(fresh, false);
  auto add = [this](std::span<const Lit> clause, std::span<const ClauseId> antecedents) {
    const ClauseId id = next_clause_id();
    proof_add_extension(id, clause, antecedents);
    const ClauseRef ref = add_unwatched(clause, false, id);
    for (Lit lit : clause) occurrences_[lit].push_back(ref);
    return id;
  };
  std::vector<ClauseId> lit_ids;
  for (Lit lit : lits) {
    const Lit clause[] = {y, lit};
    lit_ids.push_back(add(clause, {}));
  }
  std::vector<Lit> clause;
  std::vector<ClauseId> antecedents;
  for (const Row& row : rows) {
    clause.assign(1, negate(y));
    for (Lit lit : arena()[row.base]) {
      if (lit != lits[0]) clause.push_back(lit);
    }
    antecedents.clear();
    for (size_t i = 0; i < lits.size(); ++i) {
      antecedents.push_back(kRatCandidate | lit_ids[i]);
      antecedents.push_back(arena()[i == 0 ? row.base : row.partners[i - 1]].id());
    }
    add(clause, antecedents);
  }
  for (const Row& row : rows) {
    for (Lit lit : arena()[row.base]) touch(var_of(lit));
    delete_clause(row.base);
    for (ClauseRef partner : row.partners) delete_clause(partner);
  }
  ++stats().factored;
  stats().factor_saved += reduction(lits.size(), rows.size());
}

void Factorizer::run() {
  if (!variables_closed()) return;
  PhaseTimer timer(stats().time_factor);
  derive_root_units();
  occurrences_.connect(arena(), num_vars());
  std::priority_queue<std::pair<size_t, Lit>> queue;
  for (Lit lit = 0; lit < 2 * num_vars(); ++lit) {
    if (status(var_of(lit)) != VarStatus::active || value(lit) != kUnassigned) continue;
    const size_t count = live_count(lit);
    if (count >= 2) queue.push({count, lit});
  }
  for (size_t popped = 1; !queue.empty() && steps_ < limit_ && !inconsistent(); ++popped) {
    if (popped % kLiteralsPerLimitCheck == 0 && limits_reached_now()) break;
    const auto [count, lit] = queue.top();
    queue.pop();
    const size_t current = live_count(lit);
    if (current < 2) continue;
    if (current < count) {  // clauses went since it was queued
      queue.push({current, lit});
      continue;
    }
    if (factor(lit)) queue.push({live_count(lit), lit});
  }
  collect_garbage();
}

}  // namespace wang::sat
