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
#include "cli/fast_exit.hpp"
#include "cli/signals.hpp"
#include "smtlib/interpreter.hpp"
#include "util/memory.hpp"

namespace wang::cli {

namespace {

// A reason to stop: a signal arrived, the deadline of -t has passed, or the
// process uses more memory than --memory-limit allows.  The interpreter asks
// before every command, every read of input and every check, so the limits
// cover reading and parsing too: a script can exhaust memory without any
// check-sat (a few thousand maximal-width constants take gigabytes).
class StopCheck {
 public:
  explicit StopCheck(const Settings& settings)
      : deadline_(settings.deadline()), memory_limit_mib_(settings.memory_limit) {}

  std::optional<sat::StopReason> operator()() {
    if (interrupted()) return sat::StopReason::terminated;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline_) return sat::StopReason::time_limit;
    // Reading the resident size costs system calls, too many for a script
    // of millions of small commands if done for each one.
    if (memory_limit_mib_ >= 0 && now >= next_memory_check_) {
      next_memory_check_ = now + kMemoryCheckInterval;
      if (util::current_rss_bytes() > static_cast<uint64_t>(memory_limit_mib_) << 20) {
        return sat::StopReason::memory_limit;
      }
    }
    return std::nullopt;
  }

 private:
  static constexpr std::chrono::milliseconds kMemoryCheckInterval{5};

  std::chrono::steady_clock::time_point deadline_;
  int64_t memory_limit_mib_;
  std::chrono::steady_clock::time_point next_memory_check_{};
};

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
  config.word_options = settings.word_options;
  config.disabled_rules = settings.disabled_rules;
  config.print_statistics = settings.verbosity == Verbosity::verbose;
  config.explain_unsupported = settings.verbosity == Verbosity::verbose;
  config.proof_format = settings.proof_format_or(sat::ProofFormat::drat_text);
  config.stop_requested = [check = std::make_shared<StopCheck>(settings)] { return (*check)(); };
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
  const int exit_code = source.failed() ? kExitInputError : 0;
  if (!proof_file && !cnf_file && StopCheck(settings)()) exit_without_cleanup(exit_code);
  return exit_code;
}

}  // namespace wang::cli
