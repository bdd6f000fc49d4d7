// wang-check: an independent checker for DRAT and LRAT refutation proofs.
//
// The checker deliberately shares no code with the solver except the DIMACS
// reader, so that a bug in the solver's propagation or clause handling
// cannot hide itself by also being present in the checker.
//
// Supported proof formats:
//   DRAT text     "1 -2 0" adds a lemma, "d 1 -2 0" deletes a clause.
//   DRAT binary   'a'/'d' byte, literals as LEB128 varints of 2*|lit|+(lit<0), 0.
//   LRAT text     "ID lits 0 hints 0" adds clause ID, "ID d ids 0" deletes.
//   LRAT binary   'a' varint(2*ID) lits 0 hints 0, 'd' ids 0; every id and hint
//                 uses the signed mapping 2*|x|+(x<0), as CaDiCaL writes it.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "io/input.hpp"

namespace wang::check {

enum class ProofFormat { Auto, DratText, DratBinary, LratText, LratBinary };

// "drat", "drat-binary", "lrat", "lrat-binary" (and "auto").
std::string_view format_name(ProofFormat format);
// Parses a format name as printed by format_name; returns false when unknown.
bool parse_format_name(std::string_view name, ProofFormat& format);

// A CNF formula stored flat, so that million-clause formulas do not cost a
// heap allocation per clause.
class Cnf {
 public:
  void add_clause(std::span<const int> literals);
  size_t size() const { return ends_.size(); }
  std::span<const int> clause(size_t index) const {
    const size_t begin = index == 0 ? 0 : ends_[index - 1];
    return {literals_.data() + begin, ends_[index] - begin};
  }
  int max_variable() const { return max_variable_; }

 private:
  std::vector<int> literals_;
  std::vector<size_t> ends_;
  int max_variable_ = 0;
};

struct CheckOptions {
  ProofFormat format = ProofFormat::Auto;
  // DRAT only: when set, the verified core of the proof is written here as a
  // text LRAT proof (clause ids 1..m are the formula's clauses), the way
  // drat-trim's -L option does.  Costs memory for every core lemma's hints.
  std::ostream* lrat_output = nullptr;
};

struct CheckOutcome {
  bool verified = false;
  // Why the proof was rejected; empty when verified.  Names the failing
  // lemma and where it is in the proof file ("line 12" or "byte 345").
  std::string reason;
  std::vector<std::string> warnings;
  ProofFormat format = ProofFormat::Auto;  // the format actually checked

  int64_t lemmas = 0;              // additions read from the proof
  int64_t deletions = 0;           // deleted clauses read (DRAT steps, LRAT ids)
  int64_t lemmas_checked = 0;      // additions actually verified (core lemmas for DRAT)
  int64_t rat_checks = 0;          // lemmas that needed RAT (were not RUP)
  int64_t deletions_ignored = 0;   // DRAT: deletions of unit/reason clauses, ignored
  int64_t deletions_missing = 0;   // deletions naming no present clause, ignored
  double seconds = 0;              // time spent in check_proof
};

// Checks that `proof` refutes `formula`.  Malformed proof text throws
// io::ParseError (FILE:LINE:COL, for binary formats LINE is 1 and COL the
// 1-based byte position); read failures throw io::InputError.
CheckOutcome check_proof(const Cnf& formula, io::ByteSource& proof, const CheckOptions& options = {});
CheckOutcome check_proof(const Cnf& formula, io::ByteSource& proof, ProofFormat format);
CheckOutcome check_proof(const std::vector<std::vector<int>>& formula, io::ByteSource& proof,
                         ProofFormat format = ProofFormat::Auto);

// Reads a DIMACS file (plain, gzip or xz); throws io::ParseError / io::InputError.
Cnf read_cnf(const std::string& path);

// Convenience: both inputs given as paths ("-" is stdin, compression allowed).
CheckOutcome check_proof_files(const std::string& cnf_path, const std::string& proof_path,
                               const CheckOptions& options = {});

// A ByteSource over bytes held in memory; handy for tests and callers that
// produced a proof in memory.
class MemorySource : public io::ByteSource {
 public:
  explicit MemorySource(std::string bytes, std::string name = "<memory>")
      : bytes_(std::move(bytes)), name_(std::move(name)) {}
  size_t read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return name_; }

 private:
  std::string bytes_;
  std::string name_;
  size_t position_ = 0;
};

}  // namespace wang::check
