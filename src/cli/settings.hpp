// The command line of `wang`, parsed once into plain settings.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wang::cli {

enum class Verbosity { quiet, normal, verbose };

struct Settings {
  std::string input = "-";  // "-" is stdin
  std::string language;     // "", "dimacs" or "smt2"
  double time_limit = -1;   // seconds, wall-clock, from start-up
  int64_t conflict_limit = -1;
  int64_t memory_limit = -1;  // MiB
  std::string proof_path;
  bool binary_proof = false;
  std::string cnf_path;  // SMT-LIB: where to write the bit-blasted CNF
  bool produce_models = false;  // SMT-LIB: the initial :produce-models
  // SMT-LIB: re-check unsat cores and failed assumptions in a fresh solver;
  // on by default in debug builds.
#ifdef NDEBUG
  bool check_models = false;
#else
  bool check_models = true;
#endif
  bool print_model = true;
  bool lenient = false;
  Verbosity verbosity = Verbosity::normal;
  std::vector<std::pair<std::string, int64_t>> solver_options;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  std::chrono::steady_clock::time_point deadline() const;
};

// What parsing the command line asks for.
struct Invocation {
  enum class Action { solve, help, version, error } action = Action::solve;
  Settings settings;
  std::string text;  // help text or error message
};

Invocation parse_command_line(int argc, const char* const* argv);

}  // namespace wang::cli
