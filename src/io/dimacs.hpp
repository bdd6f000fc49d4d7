// A streaming reader for DIMACS CNF.
//
// It accepts comments anywhere (lines starting with 'c'), and a header that
// announces more clauses than the file holds (with a warning), but rejects
// malformed input with a ParseError that names file, line and column.
#pragma once

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/input.hpp"

namespace wang::io {

// The largest variable a formula may use.  Literals are ints, and keeping
// 2 * variable + 1 below INT32_MAX lets solvers encode a literal as a
// variable and a sign bit.
inline constexpr int kMaxVariable = INT32_MAX / 2 - 1;

class ParseError : public std::runtime_error {
 public:
  ParseError(std::string file, int64_t line, int64_t column, const std::string& message);
  const std::string& file() const { return file_; }
  int64_t line() const { return line_; }
  int64_t column() const { return column_; }
  // The message without the "FILE:LINE:COL: " prefix.
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int64_t line_;
  int64_t column_;
  std::string message_;
};

// Receives the formula as it is read.
class DimacsSink {
 public:
  virtual ~DimacsSink() = default;
  virtual void header(int variables, int64_t clauses) = 0;
  // One clause without its terminating 0; the span is valid during the call.
  virtual void clause(std::span<const int> literals) = 0;
};

struct DimacsOptions {
  // Accept literals beyond the declared number of variables (and more
  // clauses than declared) instead of rejecting the file.
  bool lenient = false;
};

struct DimacsSummary {
  int declared_variables = 0;
  int64_t declared_clauses = 0;
  int max_variable = 0;
  int64_t clauses = 0;
  int64_t bytes = 0;
  std::vector<std::string> warnings;  // "FILE:LINE:COL: message"
};

// Reads a whole DIMACS CNF formula from `source` into `sink`.
DimacsSummary read_dimacs(ByteSource& source, DimacsSink& sink, const DimacsOptions& options = {});

}  // namespace wang::io
