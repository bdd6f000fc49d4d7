#include "smtlib/options.hpp"

#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

const OptionSpec kOptions[] = {
    {.keyword = ":print-success", .flag = &Options::print_success},
    {.keyword = ":produce-models", .flag = &Options::produce_models, .start_mode = true},
    {.keyword = ":produce-unsat-cores", .flag = &Options::produce_unsat_cores, .start_mode = true},
    {.keyword = ":produce-unsat-assumptions", .flag = &Options::produce_unsat_assumptions, .start_mode = true},
    {.keyword = ":produce-assignments", .flag = &Options::produce_assignments, .start_mode = true},
    {.keyword = ":produce-assertions", .flag = &Options::produce_assertions, .start_mode = true},
    // The name of :produce-assertions in SMT-LIB 2.0.
    {.keyword = ":interactive-mode", .flag = &Options::produce_assertions, .start_mode = true},
    {.keyword = ":produce-proofs", .flag = &Options::produce_proofs, .start_mode = true, .only_default = true},
    {.keyword = ":global-declarations", .flag = &Options::global_declarations, .start_mode = true},
    {.keyword = ":random-seed", .number = &Options::random_seed, .start_mode = true},
    {.keyword = ":verbosity", .number = &Options::verbosity},
    {.keyword = ":reproducible-resource-limit", .number = &Options::reproducible_resource_limit},
    {.keyword = ":regular-output-channel", .text = &Options::regular_output_channel},
    {.keyword = ":diagnostic-output-channel", .text = &Options::diagnostic_output_channel},
};

}  // namespace

const OptionSpec* find_option(std::string_view keyword) {
  for (const OptionSpec& spec : kOptions) {
    if (spec.keyword == keyword) return &spec;
  }
  return nullptr;
}

std::string option_value(const Options& options, const OptionSpec& spec) {
  if (spec.flag) return options.*spec.flag ? "true" : "false";
  if (spec.number) return std::to_string(options.*spec.number);
  return quote_string(options.*spec.text);
}

}  // namespace wang::smtlib
