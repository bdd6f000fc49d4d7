// Local search on the saved phases (a "walk" rephase).
//
// ProbSAT from the current phases: repeatedly pick a random falsified
// clause and flip one of its variables, chosen with probability decreasing
// exponentially in its break count (how many clauses the flip would
// falsify).  The assignment with fewest falsified clauses becomes the saved
// phases.  CDCL alone is slow on uniform random and other unstructured
// satisfiable formulas; local search often gets within a few clauses of a
// model there, and phase saving lets CDCL finish from that point.  A walk
// that reaches zero falsified clauses hands CDCL a model outright.
#include <algorithm>
#include <cmath>

#include "sat/internal.hpp"

namespace wang::sat {

namespace {

// The probSAT base of the exponential break weights, by average clause size.
double break_base(double average_size) {
  if (average_size <= 3.0) return 2.5;
  if (average_size <= 4.0) return 2.85;
  if (average_size <= 5.0) return 3.7;
  if (average_size <= 6.0) return 5.1;
  return 7.4;
}

class Walker {
 public:
  Walker(uint32_t variables, uint64_t seed) : value_(variables, 0), rng_state_(seed * 0x9e3779b97f4a7c15ULL + 1) {}

  // Adds a clause (already free of root-level values).
  void add_clause(std::span<const Lit> literals) {
    clause_begin_.push_back(static_cast<uint32_t>(literals_.size()));
    literals_.insert(literals_.end(), literals.begin(), literals.end());
  }

  void set_value(Var var, int8_t value) { value_[var] = value; }
  int8_t value(Var var) const { return value_[var]; }
  size_t clauses() const { return clause_begin_.size(); }

  // Runs at most `max_flips` flips; leaves the best assignment in `best`
  // and returns its number of falsified clauses.
  size_t walk(int64_t max_flips, std::vector<int8_t>& best) {
    clause_begin_.push_back(static_cast<uint32_t>(literals_.size()));
    build_occurrences();
    initialize_counts();
    compute_weights();
    best = value_;
    size_t best_unsat = unsat_.size();
    for (int64_t flip = 0; flip < max_flips && !unsat_.empty(); ++flip) {
      flip_variable(pick_variable(unsat_[random() % unsat_.size()]));
      if (unsat_.size() < best_unsat) {
        best_unsat = unsat_.size();
        best = value_;
      }
    }
    return best_unsat;
  }

  int64_t steps() const { return steps_; }

 private:
  bool is_true(Lit lit) const { return value_[var_of(lit)] == (is_negative(lit) ? -1 : 1); }
  uint32_t clause_size(uint32_t c) const { return clause_begin_[c + 1] - clause_begin_[c]; }

  uint64_t random() {
    rng_state_ ^= rng_state_ << 13;
    rng_state_ ^= rng_state_ >> 7;
    rng_state_ ^= rng_state_ << 17;
    return rng_state_;
  }

  void build_occurrences() {
    occurrence_begin_.assign(2 * value_.size() + 1, 0);
    for (Lit lit : literals_) ++occurrence_begin_[lit + 1];
    for (size_t i = 1; i < occurrence_begin_.size(); ++i) occurrence_begin_[i] += occurrence_begin_[i - 1];
    occurrences_.resize(literals_.size());
    std::vector<uint32_t> fill(occurrence_begin_.begin(), occurrence_begin_.end() - 1);
    for (uint32_t c = 0; c + 1 < clause_begin_.size(); ++c) {
      for (uint32_t i = clause_begin_[c]; i < clause_begin_[c + 1]; ++i) occurrences_[fill[literals_[i]]++] = c;
    }
  }

  void initialize_counts() {
    const uint32_t count = static_cast<uint32_t>(clause_begin_.size() - 1);
    true_count_.assign(count, 0);
    unsat_position_.assign(count, UINT32_MAX);
    for (uint32_t c = 0; c < count; ++c) {
      for (uint32_t i = clause_begin_[c]; i < clause_begin_[c + 1]; ++i) true_count_[c] += is_true(literals_[i]);
      if (true_count_[c] == 0) make_unsat(c);
    }
  }

  void compute_weights() {
    const double average = clauses() ? static_cast<double>(literals_.size()) / static_cast<double>(clauses()) : 3.0;
    const double base = break_base(average);
    weights_.clear();
    for (double weight = 1.0; weight > 1e-20; weight /= base) weights_.push_back(weight);
  }

  void make_unsat(uint32_t c) {
    unsat_position_[c] = static_cast<uint32_t>(unsat_.size());
    unsat_.push_back(c);
  }

  void make_sat(uint32_t c) {
    const uint32_t position = unsat_position_[c];
    const uint32_t last = unsat_.back();
    unsat_[position] = last;
    unsat_position_[last] = position;
    unsat_.pop_back();
    unsat_position_[c] = UINT32_MAX;
  }

  // Clauses that flipping `var` would falsify.
  uint32_t break_count(Var var) {
    const Lit true_lit = make_lit(var, value_[var] < 0);
    uint32_t breaks = 0;
    for (uint32_t i = occurrence_begin_[true_lit]; i < occurrence_begin_[true_lit + 1]; ++i) {
      breaks += true_count_[occurrences_[i]] == 1;
    }
    steps_ += occurrence_begin_[true_lit + 1] - occurrence_begin_[true_lit];
    return breaks;
  }

  Var pick_variable(uint32_t c) {
    candidates_.clear();
    double total = 0;
    for (uint32_t i = clause_begin_[c]; i < clause_begin_[c + 1]; ++i) {
      const Var var = var_of(literals_[i]);
      const uint32_t breaks = break_count(var);
      const double weight = breaks < weights_.size() ? weights_[breaks] : weights_.back();
      candidates_.emplace_back(var, weight);
      total += weight;
    }
    double threshold = total * static_cast<double>(random() >> 11) * 0x1.0p-53;
    for (const auto& [var, weight] : candidates_) {
      if (threshold < weight) return var;
      threshold -= weight;
    }
    return candidates_.back().first;
  }

  void flip_variable(Var var) {
    const Lit was_true = make_lit(var, value_[var] < 0);
    value_[var] = static_cast<int8_t>(-value_[var]);
    for (uint32_t i = occurrence_begin_[was_true]; i < occurrence_begin_[was_true + 1]; ++i) {
      const uint32_t c = occurrences_[i];
      if (--true_count_[c] == 0) make_unsat(c);
    }
    const Lit now_true = negate(was_true);
    for (uint32_t i = occurrence_begin_[now_true]; i < occurrence_begin_[now_true + 1]; ++i) {
      const uint32_t c = occurrences_[i];
      if (true_count_[c]++ == 0) make_sat(c);
    }
    steps_ += occurrence_begin_[was_true + 1] - occurrence_begin_[was_true] + occurrence_begin_[now_true + 1] -
              occurrence_begin_[now_true];
  }

  std::vector<int8_t> value_;
  std::vector<Lit> literals_;
  std::vector<uint32_t> clause_begin_;
  std::vector<uint32_t> occurrence_begin_;
  std::vector<uint32_t> occurrences_;
  std::vector<uint32_t> true_count_;
  std::vector<uint32_t> unsat_position_;
  std::vector<uint32_t> unsat_;
  std::vector<double> weights_;
  std::vector<std::pair<Var, double>> candidates_;
  uint64_t rng_state_;
  int64_t steps_ = 0;
};

}  // namespace

// Walks from the saved phases over the irredundant clauses, with an effort
// proportional to the search since the last walk; the best assignment
// found becomes the saved phases.
void Internal::walk() {
  PhaseTimer timer(stats.time_walk);
  backtrack(0);
  Walker walker(num_vars, static_cast<uint64_t>(opts.seed) + static_cast<uint64_t>(stats.walks));
  ++stats.walks;
  std::vector<Lit> clause;
  for (ClauseRef ref = arena_.first(); ref != arena_.end_ref(); ref = arena_.next(ref)) {
    const Clause& c = arena_[ref];
    if (c.garbage || c.learnt) continue;
    clause.clear();
    bool satisfied = false;
    for (Lit lit : c) {
      const Value v = value(lit);
      satisfied |= v == kTrue;
      if (v == kUnassigned) clause.push_back(lit);
    }
    if (!satisfied && !clause.empty()) walker.add_clause(clause);
  }
  const int8_t original = opts.phase ? 1 : -1;
  for (Var var = 0; var < num_vars; ++var) walker.set_value(var, saved_phase_[var] ? saved_phase_[var] : original);
  const int64_t effort = std::max<int64_t>(100000, (stats.ticks - ticks_at_walk_) * opts.walkeffort / 1000);
  std::vector<int8_t> best;
  const size_t unsat = walker.walk(effort / 4 + 1000, best);
  stats.walk_flips += walker.steps();
  if (unsat == 0) ++stats.walk_models;
  for (Var var = 0; var < num_vars; ++var) {
    if (status_[var] == VarStatus::active && value(make_lit(var, false)) == kUnassigned) saved_phase_[var] = best[var];
  }
  ticks_at_walk_ = stats.ticks;
}

}  // namespace wang::sat
