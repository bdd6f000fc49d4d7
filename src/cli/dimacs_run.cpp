// `wang FILE.cnf`: read, solve, check the model against the input, print.
//
// The formula is kept as read (a flat list of literals) so that every model
// can be checked against the original clauses, whatever the solver did to
// its own copy.  A model that fails the check is an internal error and is
// never printed.
#include "cli/dimacs_run.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "cli/certify.hpp"
#include "cli/exit_codes.hpp"
#include "cli/fast_exit.hpp"
#include "cli/output.hpp"
#include "cli/signals.hpp"
#include "io/dimacs.hpp"
#include "util/memory.hpp"
#include "util/timer.hpp"
#include "wang/sat.hpp"

namespace wang::cli {

namespace {

// Reading stopped early: a signal arrived, or the time or memory limit was
// reached.
struct ReadingStopped {
  sat::StopReason reason;
};

class SolverSink final : public io::DimacsSink {
 public:
  SolverSink(sat::Solver& solver, std::vector<int>& formula, const Settings& settings)
      : solver_(solver), formula_(formula), deadline_(settings.deadline()), memory_limit_mib_(settings.memory_limit) {}

  void header(int, int64_t clauses) override {
    formula_.reserve(static_cast<size_t>(std::min<int64_t>(clauses, int64_t{1} << 26)) * 4);
  }

  void clause(std::span<const int> literals) override {
    formula_.insert(formula_.end(), literals.begin(), literals.end());
    formula_.push_back(0);
    solver_.add_clause(literals);
    if (++clauses_ % kClockInterval == 0) check_stop();
  }

 private:
  // 4,096 clauses take a few milliseconds to read even on a busy machine;
  // reading the clock costs nanoseconds, the resident memory (a file in
  // /proc) microseconds.
  static constexpr int64_t kClockInterval = 4096;
  static constexpr int64_t kMemoryInterval = 65536;

  void check_stop() const {
    if (interrupted()) throw ReadingStopped{sat::StopReason::terminated};
    if (std::chrono::steady_clock::now() >= deadline_) throw ReadingStopped{sat::StopReason::time_limit};
    // The formula as read and the solver's copy grow with the input: a
    // large file can pass the limit before the search starts.
    if (memory_limit_mib_ >= 0 && clauses_ % kMemoryInterval == 0 &&
        util::current_rss_bytes() > static_cast<uint64_t>(memory_limit_mib_) << 20) {
      throw ReadingStopped{sat::StopReason::memory_limit};
    }
  }

  sat::Solver& solver_;
  std::vector<int>& formula_;
  std::chrono::steady_clock::time_point deadline_;
  int64_t memory_limit_mib_;
  int64_t clauses_ = 0;
};

bool model_satisfies(const sat::Solver& solver, const std::vector<int>& formula) {
  bool satisfied = false;
  for (int lit : formula) {
    if (lit == 0) {
      if (!satisfied) return false;
      satisfied = false;
    } else if (!satisfied && solver.value(lit) == lit) {
      satisfied = true;
    }
  }
  return true;
}

std::vector<int> model_values(const sat::Solver& solver, int variables) {
  std::vector<int> values;
  values.reserve(static_cast<size_t>(variables));
  for (int var = 1; var <= variables; ++var) values.push_back(solver.value(var));
  return values;
}

void apply_options(sat::Solver& solver, const Settings& settings) {
  for (const auto& [name, value] : settings.solver_options) solver.set_option(name, value);
  sat::Limits limits;
  limits.conflicts = settings.conflict_limit;
  limits.memory_mib = settings.memory_limit;
  limits.deadline = settings.deadline();
  solver.set_limits(limits);
}

int report_unknown(const Settings& settings, const sat::Solver& solver, sat::StopReason reason) {
  print_comment(std::cout, settings, std::string("stopped: ") + sat::to_string(reason));
  print_status(std::cout, sat::Result::unknown);
  print_statistics(std::cout, settings, solver);
  std::cout.flush();
  return kExitUnknown;
}

// The answer after a limit or a signal, then the end of the process without
// destroying the formula (see fast_exit.hpp), unless a proof is being
// written: its buffers are flushed by the destructors.
int stop_unknown(const Settings& settings, const sat::Solver& solver, sat::StopReason reason,
                 const ProofOutput& proof) {
  const int exit_code = report_unknown(settings, solver, reason);
  if (!proof.wanted()) exit_without_cleanup(exit_code);
  return exit_code;
}

// Runs the independent checker on the finished proof; says what it found.
bool certified(const Settings& settings, const std::vector<int>& formula, ProofOutput& proof) {
  proof.close();
  check::CheckOutcome outcome;
  try {
    outcome = check_unsat_proof(formula, proof);
  } catch (const std::exception& error) {
    outcome.reason = error.what();
  }
  if (!outcome.verified) {
    spdlog::error("internal error: the proof of unsatisfiability was rejected: {}", outcome.reason);
    return false;
  }
  print_comment(std::cout, settings,
                "certified: the checker verified " + std::to_string(outcome.lemmas_checked) + " of " +
                    std::to_string(outcome.lemmas) + " proof steps (" +
                    std::string(check::format_name(outcome.format)) + ") in " + std::to_string(outcome.seconds) +
                    " s");
  return true;
}

}  // namespace

int solve_dimacs(const Settings& settings, io::ByteSource& input) {
  // Declared before the solver: the proof stream must outlive it.
  ProofOutput proof;
  if (const std::string error = proof.open(settings); !error.empty()) {
    spdlog::error("{}", error);
    return kExitInputError;
  }
  sat::Solver solver;
  set_interruptible_solver(&solver);
  apply_options(solver, settings);
  if (proof.wanted()) solver.trace_proof(proof.stream(), proof.format());

  std::vector<int> formula;
  io::DimacsSummary summary;
  try {
    SolverSink sink(solver, formula, settings);
    io::DimacsOptions options;
    options.lenient = settings.lenient;
    summary = io::read_dimacs(input, sink, options);
  } catch (const io::ParseError& error) {
    spdlog::error("{}", error.what());
    return kExitInputError;
  } catch (const io::InputError& error) {
    spdlog::error("{}", error.what());
    return kExitInputError;
  } catch (const ReadingStopped& stopped) {
    return stop_unknown(settings, solver, stopped.reason, proof);
  } catch (const std::bad_alloc&) {
    return stop_unknown(settings, solver, sat::StopReason::memory_limit, proof);
  }
  for (const std::string& warning : summary.warnings) spdlog::warn("warning: {}", warning);
  print_comment(std::cout, settings, "wang " WANG_VERSION);
  print_comment(std::cout, settings,
                "parsed " + std::to_string(summary.max_variable) + " variables, " + std::to_string(summary.clauses) +
                    " clauses in " + std::to_string(util::seconds_since(settings.start)) + " s");

  // The formula is complete: the solver may add variables of its own.
  solver.close_variables();
  const sat::Result result = solver.solve();
  set_interruptible_solver(nullptr);
  solver.flush_proof();
  if (result == sat::Result::unknown) return stop_unknown(settings, solver, solver.stop_reason(), proof);
  if (result == sat::Result::unsatisfiable && settings.certify && !certified(settings, formula, proof)) {
    print_status(std::cout, sat::Result::unknown);
    return kExitInternalError;
  }

  if (result == sat::Result::satisfiable && !model_satisfies(solver, formula)) {
    spdlog::error("internal error: the model does not satisfy the input formula");
    print_status(std::cout, sat::Result::unknown);
    return kExitInternalError;
  }
  print_comment(std::cout, settings, "solved in " + std::to_string(util::seconds_since(settings.start)) + " s");
  print_status(std::cout, result);
  if (result == sat::Result::satisfiable && settings.print_model) {
    const int variables = std::max(summary.declared_variables, summary.max_variable);
    print_model(std::cout, model_values(solver, variables));
  }
  print_statistics(std::cout, settings, solver);
  std::cout.flush();
  return result == sat::Result::satisfiable ? kExitSatisfiable : kExitUnsatisfiable;
}

}  // namespace wang::cli
