// Entry points of the checker: format dispatch, formula loading, helpers.
#include "check/checker.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "check/engines.hpp"
#include "io/dimacs.hpp"

namespace wang::check {

std::string_view format_name(ProofFormat format) {
  switch (format) {
    case ProofFormat::Auto: return "auto";
    case ProofFormat::DratText: return "drat";
    case ProofFormat::DratBinary: return "drat-binary";
    case ProofFormat::LratText: return "lrat";
    case ProofFormat::LratBinary: return "lrat-binary";
  }
  return "?";
}

bool parse_format_name(std::string_view name, ProofFormat& format) {
  for (const ProofFormat f : {ProofFormat::Auto, ProofFormat::DratText, ProofFormat::DratBinary,
                              ProofFormat::LratText, ProofFormat::LratBinary}) {
    if (name == format_name(f)) {
      format = f;
      return true;
    }
  }
  return false;
}

void Cnf::add_clause(std::span<const int> literals) {
  literals_.insert(literals_.end(), literals.begin(), literals.end());
  ends_.push_back(literals_.size());
  for (const int literal : literals) max_variable_ = std::max(max_variable_, literal < 0 ? -literal : literal);
}

size_t MemorySource::read(char* buffer, size_t capacity) {
  const size_t n = std::min(capacity, bytes_.size() - position_);
  std::memcpy(buffer, bytes_.data() + position_, n);
  position_ += n;
  return n;
}

std::string clause_text(std::span<const int> literals) {
  constexpr size_t kShown = 12;
  std::string text;
  for (size_t i = 0; i < literals.size() && i < kShown; ++i) {
    if (i > 0) text += ' ';
    text += std::to_string(literals[i]);
  }
  if (literals.size() > kShown) text += " ... (" + std::to_string(literals.size()) + " literals)";
  return text.empty() ? "empty clause" : text;
}

CheckOutcome check_proof(const Cnf& formula, io::ByteSource& proof, const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ProofReader reader(proof, options.format);
  const bool lrat = reader.format() == ProofFormat::LratText || reader.format() == ProofFormat::LratBinary;
  CheckOutcome outcome = lrat ? check_lrat(formula, reader, options) : check_drat(formula, reader, options);
  outcome.format = reader.format();
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

CheckOutcome check_proof(const Cnf& formula, io::ByteSource& proof, ProofFormat format) {
  CheckOptions options;
  options.format = format;
  return check_proof(formula, proof, options);
}

CheckOutcome check_proof(const std::vector<std::vector<int>>& formula, io::ByteSource& proof, ProofFormat format) {
  Cnf cnf;
  for (const auto& clause : formula) cnf.add_clause(clause);
  return check_proof(cnf, proof, format);
}

namespace {

class CnfSink : public io::DimacsSink {
 public:
  explicit CnfSink(Cnf& cnf) : cnf_(cnf) {}
  void header(int, int64_t) override {}
  void clause(std::span<const int> literals) override { cnf_.add_clause(literals); }

 private:
  Cnf& cnf_;
};

}  // namespace

Cnf read_cnf(const std::string& path) {
  Cnf cnf;
  CnfSink sink(cnf);
  auto source = io::open_input(path);
  io::read_dimacs(*source, sink);
  return cnf;
}

CheckOutcome check_proof_files(const std::string& cnf_path, const std::string& proof_path,
                               const CheckOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const Cnf cnf = read_cnf(cnf_path);
  auto proof = io::open_input(proof_path);
  CheckOutcome outcome = check_proof(cnf, *proof, options);
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}

}  // namespace wang::check
