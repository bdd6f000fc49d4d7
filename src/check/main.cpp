// wang-check FILE.cnf PROOF: the command-line front end of the checker.
//
// Exit codes follow drat-trim's spirit but separate bad input from bad
// proofs: 0 verified, 1 not verified, 2 unreadable or malformed input.
#include <fstream>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "check/checker.hpp"
#include "io/dimacs.hpp"

namespace {

constexpr const char* kUsage =
    "usage: wang-check [options] FILE.cnf PROOF\n"
    "Checks that PROOF (DRAT or LRAT, text or binary, optionally gzip/xz\n"
    "compressed; \"-\" reads stdin) refutes the DIMACS formula FILE.cnf.\n"
    "  --format FMT      auto (default), drat, drat-binary, lrat, lrat-binary\n"
    "  --lrat-out FILE   for DRAT proofs: write the verified core as text LRAT\n"
    "  -q, --quiet       print only the 's' line\n"
    "  -v, --verbose     print statistics\n"
    "  -h, --help        show this help\n"
    "Exit status: 0 verified, 1 not verified, 2 unreadable or malformed input.\n";

int usage_error(const std::string& message) {
  std::cerr << "wang-check: " << message << "\n" << kUsage;
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wang;
  check::CheckOptions options;
  bool quiet = false;
  bool verbose = false;
  std::string lrat_out;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    // Accepts both "--opt VALUE" and "--opt=VALUE".
    auto value_of = [&](std::string_view name, std::string& value) {
      if (arg == name) {
        if (i + 1 >= argc) return false;
        value = argv[++i];
        return true;
      }
      if (arg.starts_with(name) && arg.size() > name.size() && arg[name.size()] == '=') {
        value = std::string(arg.substr(name.size() + 1));
        return true;
      }
      return false;
    };
    std::string value;
    if (arg == "-h" || arg == "--help") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "-q" || arg == "--quiet") {
      quiet = true;
    } else if (arg == "-v" || arg == "--verbose") {
      verbose = true;
    } else if (arg.starts_with("--format")) {
      if (!value_of("--format", value)) return usage_error("--format needs a value");
      if (!check::parse_format_name(value, options.format)) return usage_error("unknown proof format '" + value + "'");
    } else if (arg.starts_with("--lrat-out")) {
      if (!value_of("--lrat-out", lrat_out)) return usage_error("--lrat-out needs a file name");
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option '" + std::string(arg) + "'");
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.size() != 2) return usage_error("expected a formula and a proof file");

  std::ofstream lrat_file;
  if (!lrat_out.empty()) {
    lrat_file.open(lrat_out);
    if (!lrat_file) {
      std::cerr << "wang-check: " << lrat_out << ": cannot open for writing\n";
      return 2;
    }
    options.lrat_output = &lrat_file;
  }

  check::CheckOutcome outcome;
  try {
    outcome = check::check_proof_files(files[0], files[1], options);
  } catch (const io::ParseError& e) {
    std::cerr << "wang-check: " << e.what() << "\n";
    return 2;
  } catch (const io::InputError& e) {
    std::cerr << "wang-check: " << e.what() << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "wang-check: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "wang-check: " << e.what() << "\n";
    return 2;
  }
  if (lrat_file.is_open()) {
    lrat_file.close();
    if (!lrat_file) {
      std::cerr << "wang-check: " << lrat_out << ": write failed\n";
      return 2;
    }
  }

  if (!quiet) {
    for (const auto& warning : outcome.warnings) std::cout << "c WARNING: " << warning << "\n";
    if (!lrat_out.empty() && outcome.format != check::ProofFormat::DratText &&
        outcome.format != check::ProofFormat::DratBinary)
      std::cout << "c WARNING: --lrat-out applies to DRAT proofs only; nothing written\n";
    if (verbose) {
      std::cout << "c format: " << check::format_name(outcome.format) << "\n"
                << "c lemmas read: " << outcome.lemmas << "\n"
                << "c deletions read: " << outcome.deletions << "\n"
                << "c lemmas checked: " << outcome.lemmas_checked << "\n"
                << "c RAT checks: " << outcome.rat_checks << "\n"
                << "c deletions ignored (unit/reason clauses): " << outcome.deletions_ignored << "\n"
                << "c deletions of absent clauses: " << outcome.deletions_missing << "\n"
                << "c seconds: " << outcome.seconds << "\n";
    }
    if (!outcome.verified) std::cout << "c " << outcome.reason << "\n";
  }
  std::cout << (outcome.verified ? "s VERIFIED" : "s NOT VERIFIED") << std::endl;
  return outcome.verified ? 0 : 1;
}
