#include "smtlib/options.hpp"

#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

const OptionSpec kOptions[] = {
    {":print-success", &Options::print_success},
    {":produce-models", &Options::produce_models},
    {":produce-unsat-cores", &Options::produce_unsat_cores},
    {":produce-unsat-assumptions", &Options::produce_unsat_assumptions},
    {":produce-assignments", &Options::produce_assignments},
    {":produce-assertions", &Options::produce_assertions},
    {":global-declarations", &Options::global_declarations},
    {":random-seed", nullptr, &Options::random_seed},
    {":verbosity", nullptr, &Options::verbosity},
    {":reproducible-resource-limit", nullptr, &Options::reproducible_resource_limit},
    {":regular-output-channel", nullptr, nullptr, &Options::regular_output_channel},
    {":diagnostic-output-channel", nullptr, nullptr, &Options::diagnostic_output_channel},
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
