// The command line of `wang`, parsed once into plain settings.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wang/sat.hpp"

namespace wang::cli {

enum class Verbosity { quiet, normal, verbose };

struct Settings {
  std::string input = "-";  // "-" is stdin
  std::string language;     // "", "dimacs" or "smt2"
  double time_limit = -1;   // seconds, wall-clock, from start-up
  int64_t conflict_limit = -1;
  int64_t memory_limit = -1;  // MiB
  std::string proof_path;
  std::string proof_format;  // as named on the command line; empty: the default
  bool certify = false;      // DIMACS: check the UNSAT proof before answering
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
  std::vector<std::pair<std::string, int64_t>> solver_options;  // the SAT core's
  std::vector<std::pair<std::string, int64_t>> word_options;    // smt::Solver's, named as in its table
  std::vector<std::string> disabled_rules;                       // --rewrite-disable
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

  std::chrono::steady_clock::time_point deadline() const;
  // The chosen proof format, or `fallback` when none was named.
  sat::ProofFormat proof_format_or(sat::ProofFormat fallback) const;
};

// "drat", "drat-binary", "lrat", "lrat-binary"; nullopt for anything else.
std::optional<sat::ProofFormat> proof_format_from_name(const std::string& name);

// What parsing the command line asks for.
struct Invocation {
  enum class Action { solve, help, version, error } action = Action::solve;
  Settings settings;
  std::string text;  // help text or error message
};

Invocation parse_command_line(int argc, const char* const* argv);

}  // namespace wang::cli
