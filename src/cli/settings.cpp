// Every command-line flag of `wang` is declared here, once; the solver's
// tunables are added from the SAT core's option table.
#include "cli/settings.hpp"

#include <cxxopts.hpp>

#include <sstream>

#include "wang/sat.hpp"
#include "wang/smt.hpp"

namespace wang::cli {

std::chrono::steady_clock::time_point Settings::deadline() const {
  if (time_limit < 0) return std::chrono::steady_clock::time_point::max();
  return start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(time_limit));
}

std::optional<sat::ProofFormat> proof_format_from_name(const std::string& name) {
  if (name == "drat") return sat::ProofFormat::drat_text;
  if (name == "drat-binary") return sat::ProofFormat::drat_binary;
  if (name == "lrat") return sat::ProofFormat::lrat_text;
  if (name == "lrat-binary") return sat::ProofFormat::lrat_binary;
  return std::nullopt;
}

sat::ProofFormat Settings::proof_format_or(sat::ProofFormat fallback) const {
  return proof_format.empty() ? fallback : *proof_format_from_name(proof_format);
}

namespace {

// The flag of a table option: its name with dashes for underscores.
std::string flag_name(std::string_view name) {
  std::string flag(name);
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

void declare_option(cxxopts::OptionAdder& group, const sat::OptionInfo& info) {
  std::string description(info.description);
  description += " [" + std::to_string(info.min_value) + ".." + std::to_string(info.max_value) + ", default " +
                 std::to_string(info.default_value) + "]";
  group(flag_name(info.name), description, cxxopts::value<int64_t>(), "N");
}

// The values given for the options of `table`, by table name.
std::vector<std::pair<std::string, int64_t>> table_options(const cxxopts::ParseResult& parsed,
                                                           std::span<const sat::OptionInfo> table) {
  std::vector<std::pair<std::string, int64_t>> values;
  for (const sat::OptionInfo& info : table) {
    const std::string flag = flag_name(info.name);
    if (parsed.count(flag)) values.emplace_back(std::string(info.name), parsed[flag].as<int64_t>());
  }
  return values;
}

// An error message when a value is out of its option's range.
std::string check_table_options(const std::vector<std::pair<std::string, int64_t>>& values,
                                std::span<const sat::OptionInfo> table) {
  for (const auto& [name, value] : values) {
    for (const sat::OptionInfo& info : table) {
      if (info.name == name && (value < info.min_value || value > info.max_value)) {
        return "--" + flag_name(name) + " takes values from " + std::to_string(info.min_value) + " to " +
               std::to_string(info.max_value);
      }
    }
  }
  return {};
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

void declare_flags(cxxopts::Options& options) {
  // clang-format off
  options.add_options()
    ("t,time-limit", "stop with 'unknown' after SECONDS of wall-clock time", cxxopts::value<double>(), "SECONDS")
    ("conflict-limit", "stop with 'unknown' after N conflicts", cxxopts::value<int64_t>(), "N")
    ("memory-limit", "stop with 'unknown' above MIB mebibytes of memory", cxxopts::value<int64_t>(), "MIB")
    ("proof", "write a proof of unsatisfiability to FILE (DRAT unless --proof-format says otherwise)", cxxopts::value<std::string>(), "FILE")
    ("proof-format", "proof format: drat, drat-binary, lrat or lrat-binary", cxxopts::value<std::string>(), "FMT")
    ("binary-proof", "short for --proof-format drat-binary")
    ("certify", "DIMACS: check the proof of an UNSAT answer with the built-in checker before printing it (LRAT unless --proof-format says otherwise)")
    ("dump-cnf", "SMT-LIB: write the bit-blasted CNF to FILE", cxxopts::value<std::string>(), "FILE")
    ("m,produce-models", "SMT-LIB: start with :produce-models true")
    ("check-models", "SMT-LIB: also re-solve unsat cores and failed assumptions on their own (default: on in debug builds)",
     cxxopts::value<bool>()->implicit_value("true"), "BOOL")
    ("lang", "input language: dimacs or smt2 (default: from the name or the content)", cxxopts::value<std::string>(), "LANG")
    ("lenient", "accept literals beyond the variables declared in the DIMACS header")
    ("n,no-model", "do not print the model")
    ("q,quiet", "print only the answer and the model")
    ("v,verbose", "print statistics as comment lines")
    ("version", "print the version and exit")
    ("h,help", "print this help and exit")
    ("input", "input file ('-' or none for stdin)", cxxopts::value<std::string>());
  // clang-format on
  auto solver_group = options.add_options("Solver");
  for (const sat::OptionInfo& info : sat::Solver::options()) declare_option(solver_group, info);
  auto word_group = options.add_options("Word-level");
  for (const sat::OptionInfo& info : smt::Solver::options()) declare_option(word_group, info);
  word_group("rewrite-disable", "SMT-LIB: turn off these rewrite rules (comma-separated names, for debugging)",
             cxxopts::value<std::string>(), "RULES");
  options.parse_positional({"input"});
  options.positional_help("[FILE]");
}

Settings settings_from(const cxxopts::ParseResult& parsed) {
  Settings settings;
  if (parsed.count("input")) settings.input = parsed["input"].as<std::string>();
  if (parsed.count("lang")) settings.language = parsed["lang"].as<std::string>();
  if (parsed.count("time-limit")) settings.time_limit = parsed["time-limit"].as<double>();
  if (parsed.count("conflict-limit")) settings.conflict_limit = parsed["conflict-limit"].as<int64_t>();
  if (parsed.count("memory-limit")) settings.memory_limit = parsed["memory-limit"].as<int64_t>();
  if (parsed.count("proof")) settings.proof_path = parsed["proof"].as<std::string>();
  if (parsed.count("binary-proof")) settings.proof_format = "drat-binary";
  if (parsed.count("proof-format")) settings.proof_format = parsed["proof-format"].as<std::string>();
  settings.certify = parsed.count("certify") > 0;
  if (parsed.count("dump-cnf")) settings.cnf_path = parsed["dump-cnf"].as<std::string>();
  settings.produce_models = parsed.count("produce-models") > 0;
  if (parsed.count("check-models")) settings.check_models = parsed["check-models"].as<bool>();
  settings.print_model = parsed.count("no-model") == 0;
  settings.lenient = parsed.count("lenient") > 0;
  if (parsed.count("quiet")) settings.verbosity = Verbosity::quiet;
  if (parsed.count("verbose")) settings.verbosity = Verbosity::verbose;
  settings.solver_options = table_options(parsed, sat::Solver::options());
  settings.word_options = table_options(parsed, smt::Solver::options());
  if (parsed.count("rewrite-disable")) settings.disabled_rules = split_commas(parsed["rewrite-disable"].as<std::string>());
  return settings;
}

std::string check_settings(const Settings& settings) {
  if (settings.time_limit < 0 && settings.time_limit != -1) return "--time-limit must not be negative";
  if (settings.conflict_limit < -1) return "--conflict-limit must not be negative";
  if (settings.memory_limit < -1) return "--memory-limit must not be negative";
  if (!settings.proof_format.empty() && !proof_format_from_name(settings.proof_format)) {
    return "--proof-format must be 'drat', 'drat-binary', 'lrat' or 'lrat-binary'";
  }
  if (!settings.language.empty() && settings.language != "dimacs" && settings.language != "smt2") {
    return "--lang must be 'dimacs' or 'smt2'";
  }
  if (std::string error = check_table_options(settings.solver_options, sat::Solver::options()); !error.empty()) {
    return error;
  }
  if (std::string error = check_table_options(settings.word_options, smt::Solver::options()); !error.empty()) {
    return error;
  }
  const std::vector<std::string_view> rules = smt::Solver::rewrite_rules();
  for (const std::string& rule : settings.disabled_rules) {
    if (std::find(rules.begin(), rules.end(), rule) == rules.end()) {
      return "--rewrite-disable: no rewrite rule is named '" + rule + "' (docs/rewriting.md lists them)";
    }
  }
  return {};
}

}  // namespace

Invocation parse_command_line(int argc, const char* const* argv) {
  cxxopts::Options options("wang", "wang: a CDCL SAT and bit-vector SMT solver");
  declare_flags(options);
  Invocation invocation;
  try {
    const cxxopts::ParseResult parsed = options.parse(argc, argv);
    if (parsed.count("help")) {
      invocation.action = Invocation::Action::help;
      invocation.text = options.help({"", "Solver", "Word-level"});
      return invocation;
    }
    if (parsed.count("version")) {
      invocation.action = Invocation::Action::version;
      return invocation;
    }
    if (!parsed.unmatched().empty()) {
      invocation.action = Invocation::Action::error;
      invocation.text = "unexpected argument '" + parsed.unmatched().front() + "' (one input file at most)";
      return invocation;
    }
    invocation.settings = settings_from(parsed);
    invocation.text = check_settings(invocation.settings);
    if (!invocation.text.empty()) invocation.action = Invocation::Action::error;
  } catch (const cxxopts::exceptions::exception& error) {
    invocation.action = Invocation::Action::error;
    invocation.text = error.what();
  }
  return invocation;
}

}  // namespace wang::cli
