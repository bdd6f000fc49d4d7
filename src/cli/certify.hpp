// --certify: an UNSAT answer is printed only after the independent checker
// (src/check) has accepted the solver's proof against the formula as read.
#pragma once

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "check/checker.hpp"
#include "cli/settings.hpp"

namespace wang::cli {

// The proof's destination: the --proof file, or for --certify without one a
// temporary file that is removed again.
class ProofOutput {
 public:
  ProofOutput() = default;
  ProofOutput(const ProofOutput&) = delete;
  ProofOutput& operator=(const ProofOutput&) = delete;
  ~ProofOutput();

  // Opens the destination the settings ask for (none: no proof is wanted).
  // Returns an error message, or an empty string on success.
  std::string open(const Settings& settings);
  bool wanted() const { return stream_ != nullptr; }
  std::ostream& stream() { return *stream_; }
  const std::string& path() const { return path_; }
  sat::ProofFormat format() const { return format_; }
  // Flushes and closes the file so that the checker reads all of it.
  void close();

 private:
  std::unique_ptr<std::ofstream> stream_;
  std::string path_;
  bool temporary_ = false;
  sat::ProofFormat format_ = sat::ProofFormat::drat_text;
};

// Checks the closed proof against `formula` (clauses as read, each ended by 0).
check::CheckOutcome check_unsat_proof(const std::vector<int>& formula, const ProofOutput& proof);

}  // namespace wang::cli
