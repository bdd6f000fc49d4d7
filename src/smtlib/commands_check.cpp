// check-sat and check-sat-assuming.  No answer is printed that was not
// checked: sat only with a model that satisfies every assertion and
// assumption, and with --check-models unsat only when the core (or the
// failed assumptions) is unsatisfiable on its own.  Nor is an answer
// printed that rejected commands may have changed (see fidelity.hpp).
#include <unordered_set>

#include "smtlib/interpreter.hpp"
#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

constexpr size_t kMaxDetail = 300;

std::string shortened(std::string text) {
  if (text.size() > kMaxDetail) text = text.substr(0, kMaxDetail) + "...";
  return text;
}

// Registers the running solver with the signal handler for one check.
class Watch {
 public:
  Watch(const std::function<void(smt::Solver*)>& watch, smt::Solver& solver) : watch_(watch) {
    if (watch_) watch_(&solver);
  }
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;
  ~Watch() {
    if (watch_) watch_(nullptr);
  }

 private:
  const std::function<void(smt::Solver*)>& watch_;
};

}  // namespace

void Interpreter::check_sat() {
  finish();
  check({});
}

void Interpreter::check_sat_assuming() {
  std::vector<Assumption> assumptions;
  for (ParsedTerm& parsed : parse_term_list()) {
    if (!parsed.term.sort().is_bool()) {
      throw Error(parsed.position, "check-sat-assuming expects Bool terms, got " + parsed.term.sort().to_string());
    }
    assumptions.push_back({parsed.term, std::move(parsed.text)});
  }
  finish();
  check(std::move(assumptions));
}

// The command line's limits, and at most :reproducible-resource-limit
// conflicts: a limit that stops a check at the same point on every run.
sat::Limits Interpreter::check_limits() const {
  sat::Limits limits = config_.limits;
  const int64_t conflicts = options_.reproducible_resource_limit;
  if (conflicts > 0 && (limits.conflicts < 0 || conflicts < limits.conflicts)) limits.conflicts = conflicts;
  return limits;
}

void Interpreter::check(std::vector<Assumption> assumptions) {
  start_mode_ = false;
  assumptions_ = std::move(assumptions);
  failed_.clear();
  reason_unknown_.clear();
  if (const std::optional<sat::StopReason> reason = stop_requested()) {
    stopped(*reason);
    status_ = Status::unknown;
    respond("unknown");
    return;
  }
  if (!fidelity_.sat_is_sound() && !fidelity_.unsat_is_sound()) {
    // No answer could be printed: no need to look for one.
    reason_unknown_ = quote_string(fidelity_.reason_against_both());
    status_ = Status::unknown;
    respond("unknown");
    return;
  }
  std::vector<smt::Term> literals;
  for (const Assertion& assertion : assertions_) {
    if (assertion.selector) literals.push_back(assertion.selector);
  }
  for (const Assumption& assumption : assumptions_) literals.push_back(assumption.term);
  smt::Result result;
  {
    const Watch watch(config_.watch_solver, *solver_);
    result = solver_->check_sat(literals);
  }
  status_ = faithful_result(trusted_result(result, !literals.empty()));
  respond(status_ == Status::sat ? "sat" : status_ == Status::unsat ? "unsat" : "unknown");
}

Interpreter::Status Interpreter::trusted_result(smt::Result result, bool assumed) {
  switch (result) {
    case smt::Result::sat: {
      std::string failure;
      if (solver_->check_model(&failure)) return Status::sat;
      internal_error("the model fails the check: " + shortened(failure));
      return Status::unknown;
    }
    case smt::Result::unsat:
      failed_ = solver_->unsat_assumptions();
      if (config_.check_models && assumed && !core_is_unsat()) return Status::unknown;
      return Status::unsat;
    case smt::Result::unknown: break;
  }
  stopped(solver_->stop_reason());
  return Status::unknown;
}

// `status`, unless rejected commands make it unsound for the script as
// written: then unknown.
Interpreter::Status Interpreter::faithful_result(Status status) {
  const bool sound = status == Status::sat     ? fidelity_.sat_is_sound()
                     : status == Status::unsat ? fidelity_.unsat_is_sound()
                                               : true;
  if (sound) return status;
  reason_unknown_ = quote_string(fidelity_.reason_against(status == Status::sat));
  return Status::unknown;
}

// Re-solves the unnamed assertions, the named ones in the core and the
// failed assumptions in a fresh solver over the same terms.
bool Interpreter::core_is_unsat() {
  const std::unordered_set<smt::Term, smt::TermHash> failed(failed_.begin(), failed_.end());
  smt::Solver fresh(*terms_);
  fresh.set_limits(check_limits());
  for (const Assertion& assertion : assertions_) {
    if (!assertion.selector || failed.contains(assertion.selector)) fresh.assert_formula(assertion.term);
  }
  for (const Assumption& assumption : assumptions_) {
    if (failed.contains(assumption.term)) fresh.assert_formula(assumption.term);
  }
  smt::Result result;
  {
    const Watch watch(config_.watch_solver, fresh);
    result = fresh.check_sat();
  }
  if (result == smt::Result::unsat) return true;
  if (result == smt::Result::sat) {
    internal_error("the unsat core or the failed assumptions are satisfiable on their own");
  } else {
    stopped(fresh.stop_reason());
  }
  return false;
}

void Interpreter::internal_error(const std::string& what) {
  diagnostic("internal error: " + what);
  reason_unknown_ = quote_string("internal error: " + what);
}

void Interpreter::stopped(sat::StopReason reason) {
  reason_unknown_ = reason_unknown(reason);
  stop_answered_ |= reason == sat::StopReason::time_limit || reason == sat::StopReason::terminated ||
                    reason == sat::StopReason::memory_limit;
}

}  // namespace wang::smtlib
