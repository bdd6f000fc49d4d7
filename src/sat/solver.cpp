// The public facade: DIMACS literals in and out, contract checks, options,
// proofs and statistics.  Everything else is delegated to `Internal`.
#include <stdexcept>
#include <string>

#include "sat/internal.hpp"
#include "util/memory.hpp"

namespace wang::sat {

namespace {

constexpr OptionInfo kOptionTable[] = {
#define OPTION(name, default_value, min_value, max_value, description) \
  {#name, default_value, min_value, max_value, description},
#include "sat/options.def"
#undef OPTION
};

// Variables are limited so that literals (2*var+sign) fit 32 bits with room
// for the "no literal" marker.
constexpr int kMaxVariable = (1 << 30) - 1;

Lit import_literal(int literal) {
  if (literal == 0 || literal < -kMaxVariable || literal > kMaxVariable) {
    throw std::invalid_argument("invalid literal " + std::to_string(literal));
  }
  return lit_from_dimacs(literal);
}

}  // namespace

const char* to_string(Result result) {
  switch (result) {
    case Result::satisfiable: return "satisfiable";
    case Result::unsatisfiable: return "unsatisfiable";
    case Result::unknown: break;
  }
  return "unknown";
}

const char* to_string(StopReason reason) {
  switch (reason) {
    case StopReason::none: return "none";
    case StopReason::conflict_limit: return "conflict limit";
    case StopReason::propagation_limit: return "propagation limit";
    case StopReason::time_limit: return "time limit";
    case StopReason::memory_limit: return "memory limit";
    case StopReason::terminated: return "terminated";
  }
  return "none";
}

// The facade's state machine; see sat.hpp.
enum class FacadeState { adding, satisfied, unsatisfied };

struct Solver::State {
  FacadeState state = FacadeState::adding;
  bool clause_open = false;
  bool any_clause = false;
  std::vector<Lit> clause;
  std::vector<Lit> assumptions;
  std::vector<int> learned;  // a learned clause for the client's observer
};

Solver::Solver() : internal_(std::make_unique<Internal>()), state_(std::make_unique<State>()) {}
Solver::~Solver() {
  if (internal_->proof) internal_->proof->flush();
}

std::span<const OptionInfo> Solver::options() { return kOptionTable; }

bool Solver::set_option(std::string_view name, int64_t value) {
  if (state_->any_clause) throw std::logic_error("options must be set before the first clause");
  Options& opts = internal_->opts;
#define OPTION(option, default_value, min_value, max_value, description)                             \
  if (name == #option) {                                                                             \
    if (value < (min_value) || value > (max_value)) {                                                \
      throw std::out_of_range("option '" #option "' takes values from " #min_value " to " #max_value); \
    }                                                                                                \
    opts.option = value;                                                                             \
    return true;                                                                                     \
  }
#include "sat/options.def"
#undef OPTION
  return false;
}

int64_t Solver::get_option(std::string_view name) const {
  const Options& opts = internal_->opts;
#define OPTION(option, default_value, min_value, max_value, description) \
  if (name == #option) return opts.option;
#include "sat/options.def"
#undef OPTION
  throw std::invalid_argument("unknown option '" + std::string(name) + "'");
}

void Solver::reserve_for(Lit lit) {
  if (internal_->variables_closed) {
    if (var_of(lit) >= internal_->client_vars) {
      throw std::logic_error("variable " + std::to_string(var_of(lit) + 1) + " after close_variables at " +
                             std::to_string(internal_->client_vars));
    }
    return;
  }
  internal_->reserve_variables(var_of(lit) + 1);
}

void Solver::close_variables() {
  internal_->client_vars = internal_->num_vars;
  internal_->variables_closed = true;
}

uint32_t Solver::client_variables() const {
  return internal_->variables_closed ? internal_->client_vars : internal_->num_vars;
}

void Solver::add(int literal) {
  State& s = *state_;
  s.state = FacadeState::adding;
  s.any_clause = true;
  if (literal == 0) {
    internal_->add_original_clause(s.clause);
    s.clause.clear();
    s.clause_open = false;
    return;
  }
  const Lit lit = import_literal(literal);
  reserve_for(lit);
  s.clause.push_back(lit);
  s.clause_open = true;
}

void Solver::add_clause(std::span<const int> literals) {
  for (int literal : literals) {
    if (literal == 0) throw std::invalid_argument("0 inside a clause given to add_clause");
    add(literal);
  }
  add(0);
}

void Solver::assume(int literal) {
  const Lit lit = import_literal(literal);
  reserve_for(lit);
  state_->state = FacadeState::adding;
  state_->assumptions.push_back(lit);
}

Result Solver::solve() {
  State& s = *state_;
  if (s.clause_open) throw std::logic_error("solve called while a clause is still open (missing 0)");
  const Result result = internal_->solve(s.assumptions);
  s.assumptions.clear();
  s.state = result == Result::satisfiable     ? FacadeState::satisfied
            : result == Result::unsatisfiable ? FacadeState::unsatisfied
                                              : FacadeState::adding;
  return result;
}

int Solver::value(int literal) const {
  if (state_->state != FacadeState::satisfied) throw std::logic_error("value requires a satisfiable result");
  const Lit lit = import_literal(literal);
  if (var_of(lit) >= client_variables()) return -literal;  // unconstrained
  return internal_->model_value(lit) == kTrue ? literal : -literal;
}

bool Solver::failed(int literal) const {
  if (state_->state != FacadeState::unsatisfied) throw std::logic_error("failed requires an unsatisfiable result");
  const Lit lit = import_literal(literal);
  return var_of(lit) < client_variables() && internal_->failed_assumption(lit);
}

void Solver::freeze(int literal) {
  const Lit lit = import_literal(literal);
  reserve_for(lit);
  internal_->freeze(var_of(lit));
}

void Solver::melt(int literal) {
  const Lit lit = import_literal(literal);
  reserve_for(lit);
  internal_->melt(var_of(lit));
}

void Solver::set_limits(const Limits& limits) { internal_->limits = limits; }
StopReason Solver::stop_reason() const { return internal_->stop_reason; }
void Solver::terminate() { internal_->terminate_requested.store(true, std::memory_order_relaxed); }
void Solver::set_terminate_check(std::function<bool()> check) { internal_->terminate_check = std::move(check); }

void Solver::set_learn_observer(int max_length, std::function<void(std::span<const int>)> observer) {
  internal_->learn_max_size = max_length > 0 ? static_cast<size_t>(max_length) : 0;
  internal_->learn_observer = nullptr;
  if (!observer) return;
  internal_->learn_observer = [&engine = *internal_, &dimacs = state_->learned,
                               observer = std::move(observer)](std::span<const Lit> clause) {
    dimacs.clear();
    for (Lit lit : clause) {
      if (engine.own_variable(var_of(lit))) return;
      dimacs.push_back(lit_to_dimacs(lit));
    }
    observer(dimacs);
  };
}

void Solver::trace_proof(std::ostream& out, ProofFormat format) {
  if (state_->any_clause) throw std::logic_error("trace_proof must be called before the first clause");
  internal_->proof = ProofWriter::create(out, format);
}

void Solver::flush_proof() {
  if (internal_->proof) internal_->proof->flush();
}

int Solver::max_var() const { return static_cast<int>(client_variables()); }

std::vector<Statistic> Solver::statistics() const {
  const Stats& stats = internal_->stats;
  std::vector<Statistic> result;
#define STAT(name, unit, description) result.push_back({#name, static_cast<double>(stats.name), unit});
#include "sat/stats.def"
#undef STAT
#define TIMER(name, description) result.push_back({"time_" #name, stats.time_##name, "s"});
#include "sat/timers.def"
#undef TIMER
  result.push_back({"peak_memory", static_cast<double>(util::peak_rss_bytes()) / (1 << 20), "MiB"});
  return result;
}

}  // namespace wang::sat
