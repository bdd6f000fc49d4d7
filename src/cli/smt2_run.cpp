// `wang FILE.smt2`: the SMT-LIB interpreter on a file or on stdin, with the
// command line's limits, proof and CNF outputs.  stdout carries only the
// responses; stderr stays empty unless something went wrong.
#include "cli/smt2_run.hpp"

#include <spdlog/spdlog.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/exit_codes.hpp"
#include "cli/signals.hpp"
#include "smtlib/interpreter.hpp"

namespace wang::cli {

namespace {

// A reason to stop: a signal arrived, or the deadline of -t (which covers
// reading and parsing too) has passed.
std::optional<sat::StopReason> stop_requested(std::chrono::steady_clock::time_point deadline) {
  if (interrupted()) return sat::StopReason::terminated;
  if (std::chrono::steady_clock::now() >= deadline) return sat::StopReason::time_limit;
  return std::nullopt;
}

// Hands the interpreter what read(2) returns.  A read error ends the input
// (and the run's exit code says so).
class InputAdapter final : public smtlib::CharSource {
 public:
  explicit InputAdapter(io::ByteSource& input) : input_(input) {}

  size_t read(char* buffer, size_t capacity) override {
    try {
      return input_.read(buffer, capacity);
    } catch (const io::InputError& error) {
      spdlog::error("{}", error.what());
      failed_ = true;
      return 0;
    }
  }

  bool failed() const { return failed_; }

 private:
  io::ByteSource& input_;
  bool failed_ = false;
};

// Opens `path` unless it is empty; false (after a diagnostic) on failure.
bool open_output(const std::string& path, const char* what, std::unique_ptr<std::ofstream>& file) {
  if (path.empty()) return true;
  file = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (*file) return true;
  spdlog::error("{}: cannot open the {} for writing", path, what);
  return false;
}

smtlib::InterpreterConfig interpreter_config(const Settings& settings) {
  smtlib::InterpreterConfig config;
  config.version = WANG_VERSION;
  config.produce_models = settings.produce_models;
  config.check_models = settings.check_models;
  config.limits.conflicts = settings.conflict_limit;
  config.limits.memory_mib = settings.memory_limit;
  config.limits.deadline = settings.deadline();
  config.sat_options = settings.solver_options;
  config.proof_format = settings.proof_format_or(sat::ProofFormat::drat_text);
  config.stop_requested = [deadline = settings.deadline()] { return stop_requested(deadline); };
  config.watch_solver = [](smt::Solver* solver) {
    set_interruptible_smt_solver(solver);
    // A signal that came just before the solver was registered.
    if (solver && interrupted()) solver->terminate();
  };
  return config;
}

}  // namespace

int solve_smt2(const Settings& settings, io::ByteSource& input) {
  if (settings.certify) {
    spdlog::error("--certify checks DIMACS proofs; for SMT-LIB use --dump-cnf and --proof with a DRAT checker");
    return kExitUsageError;
  }
  // Declared before the interpreter: the streams must outlive its solvers,
  // which flush the proof when they are destroyed.
  std::unique_ptr<std::ofstream> proof_file, cnf_file;
  if (!open_output(settings.proof_path, "proof file", proof_file) ||
      !open_output(settings.cnf_path, "CNF file", cnf_file)) {
    return kExitInputError;
  }
  smtlib::InterpreterConfig config = interpreter_config(settings);
  config.proof = proof_file.get();
  config.cnf = cnf_file.get();
  smtlib::Interpreter interpreter(std::move(config), std::cout, std::cerr);
  InputAdapter source(input);
  interpreter.run(source, input.name());
  return source.failed() ? kExitInputError : 0;
}

}  // namespace wang::cli
