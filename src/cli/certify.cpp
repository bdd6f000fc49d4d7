#include "cli/certify.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <span>

#include "io/input.hpp"

namespace wang::cli {

namespace {

check::ProofFormat checker_format(sat::ProofFormat format) {
  switch (format) {
    case sat::ProofFormat::drat_text: return check::ProofFormat::DratText;
    case sat::ProofFormat::drat_binary: return check::ProofFormat::DratBinary;
    case sat::ProofFormat::lrat_text: return check::ProofFormat::LratText;
    case sat::ProofFormat::lrat_binary: return check::ProofFormat::LratBinary;
  }
  return check::ProofFormat::Auto;
}

// A fresh file in the temporary directory; mkstemp avoids races on the name.
std::string make_temporary_file() {
  std::string pattern = (std::filesystem::temp_directory_path() / "wang-proof-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return {};
  ::close(fd);
  return pattern;
}

}  // namespace

ProofOutput::~ProofOutput() {
  stream_.reset();
  if (temporary_) std::filesystem::remove(path_);
}

std::string ProofOutput::open(const Settings& settings) {
  if (settings.proof_path.empty() && !settings.certify) return {};
  // LRAT is checked in linear time, so it is the default when wang checks.
  format_ = settings.proof_format_or(settings.certify ? sat::ProofFormat::lrat_binary : sat::ProofFormat::drat_text);
  path_ = settings.proof_path;
  if (path_.empty()) {
    path_ = make_temporary_file();
    if (path_.empty()) return "cannot create a temporary proof file for --certify";
    temporary_ = true;
  }
  stream_ = std::make_unique<std::ofstream>(path_, std::ios::binary | std::ios::trunc);
  if (!*stream_) return path_ + ": cannot open the proof file for writing";
  return {};
}

void ProofOutput::close() {
  if (stream_) stream_->close();
}

check::CheckOutcome check_unsat_proof(const std::vector<int>& formula, const ProofOutput& proof) {
  check::Cnf cnf;
  size_t begin = 0;
  for (size_t i = 0; i < formula.size(); ++i) {
    if (formula[i] != 0) continue;
    cnf.add_clause(std::span<const int>(formula.data() + begin, i - begin));
    begin = i + 1;
  }
  const std::unique_ptr<io::ByteSource> source = io::open_input(proof.path());
  return check::check_proof(cnf, *source, checker_format(proof.format()));
}

}  // namespace wang::cli
