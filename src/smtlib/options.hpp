// The options of set-option and get-option, their types and defaults.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wang::smtlib {

struct Options {
  bool print_success = false;
  bool produce_models = false;
  bool produce_unsat_cores = false;
  bool produce_unsat_assumptions = false;
  bool produce_assignments = false;
  bool produce_assertions = false;
  bool produce_proofs = false;  // only the default is supported
  bool global_declarations = false;
  int64_t random_seed = 0;
  int64_t verbosity = 0;
  int64_t reproducible_resource_limit = 0;  // conflicts per check, 0 for none
  std::string regular_output_channel = "stdout";
  std::string diagnostic_output_channel = "stderr";
};

// One option: exactly one of the member pointers is set, by its type.
struct OptionSpec {
  std::string_view keyword;
  bool Options::*flag = nullptr;
  int64_t Options::*number = nullptr;
  std::string Options::*text = nullptr;
  // Settable in start mode only (SMT-LIB 2.6, section 4.1.7).
  bool start_mode = false;
  // Only the default value is supported: any other is `unsupported`.
  bool only_default = false;
};

// The option named `keyword` (":print-success"), or nullptr.
const OptionSpec* find_option(std::string_view keyword);
// The value as get-option prints it: true, 42, "stdout".
std::string option_value(const Options& options, const OptionSpec& spec);

}  // namespace wang::smtlib
