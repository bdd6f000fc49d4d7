#include "cli/app.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <exception>
#include <iostream>

#include "cli/dimacs_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language.hpp"
#include "cli/settings.hpp"
#include "cli/signals.hpp"
#include "cli/smt2_run.hpp"

namespace wang::cli {

namespace {

// Diagnostics go to stderr only; stdout carries nothing but the answer.
void set_up_logging() {
  auto logger = spdlog::stderr_logger_st("wang");
  logger->set_pattern("wang: %v");
  spdlog::set_default_logger(logger);
}

int solve(const Settings& settings) {
  try {
    const std::unique_ptr<io::ByteSource> input = io::open_input(settings.input);
    SniffingSource source(*input);
    switch (choose_language(settings, source)) {
      case Language::dimacs: return solve_dimacs(settings, source);
      case Language::smt2: return solve_smt2(settings, source);
    }
  } catch (const io::InputError& error) {
    spdlog::error("{}", error.what());
  }
  return kExitInputError;
}

}  // namespace

int run(int argc, const char* const* argv) {
  set_up_logging();
  std::ios::sync_with_stdio(false);
  const Invocation invocation = parse_command_line(argc, argv);
  switch (invocation.action) {
    case Invocation::Action::help:
      std::cout << invocation.text;
      return 0;
    case Invocation::Action::version:
      std::cout << "wang " WANG_VERSION "\n";
      return 0;
    case Invocation::Action::error:
      spdlog::error("{} (see 'wang --help')", invocation.text);
      return kExitUsageError;
    case Invocation::Action::solve:
      break;
  }
  install_signal_handlers();
  try {
    return solve(invocation.settings);
  } catch (const std::exception& error) {
    spdlog::error("internal error: {}", error.what());
    return kExitInternalError;
  }
}

}  // namespace wang::cli
