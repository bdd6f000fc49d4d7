#include "cli/app.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <exception>
#include <iostream>

#include "cli/dimacs_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/settings.hpp"
#include "cli/signals.hpp"

namespace wang::cli {

namespace {

// Diagnostics go to stderr only; stdout carries nothing but the answer.
void set_up_logging() {
  auto logger = spdlog::stderr_logger_st("wang");
  logger->set_pattern("wang: %v");
  spdlog::set_default_logger(logger);
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
    return solve_dimacs(invocation.settings);
  } catch (const std::exception& error) {
    spdlog::error("internal error: {}", error.what());
    return kExitInternalError;
  }
}

}  // namespace wang::cli
