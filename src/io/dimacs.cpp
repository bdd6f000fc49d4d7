#include "io/dimacs.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>

namespace wang::io {

ParseError::ParseError(std::string file, int64_t line, int64_t column, const std::string& message)
    : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

namespace {

constexpr size_t kBufferSize = size_t{1} << 20;
constexpr int64_t kMaxClauses = std::numeric_limits<int64_t>::max();
// Enough to show any sensible header field; longer ones are cut in messages.
constexpr size_t kMaxWordLength = 64;

struct Position {
  int64_t line;
  int64_t column;
};

// A blank-separated token of the header line.
struct Word {
  Position position;
  std::string text;
  bool truncated = false;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Line breaks are not blanks: they are counted for the diagnostics.
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string describe(char c) {
  if (c > ' ' && c < 0x7f) return std::string("character '") + c + "'";
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(c));
  return std::string("byte ") + hex;
}

class Parser {
 public:
  Parser(ByteSource& source, DimacsSink& sink, const DimacsOptions& options)
      : source_(source), sink_(sink), options_(options), buffer_(new char[kBufferSize + 1]) {
    // The buffer always ends in a NUL sentinel, so scanning loops stop at the
    // end of the data without a bounds check; a NUL before end_ is input.
    p_ = end_ = buffer_.get();
    buffer_[0] = '\0';
  }

  DimacsSummary run() {
    read_header();
    read_clauses();
    if (!clause_.empty()) error(position(p_), "missing 0 at the end of the last clause");
    if (summary_.clauses < summary_.declared_clauses) too_few_clauses();
    summary_.bytes = offset(p_);
    return std::move(summary_);
  }

 private:
  // ---- Buffer and positions ----

  // Replaces the consumed buffer with the next bytes; false at the end.
  bool refill() {
    // Asking again after the end would block a terminal on stdin.
    if (input_ended_) return false;
    base_ = offset(end_);
    size_t got = source_.read(buffer_.get(), kBufferSize);
    p_ = buffer_.get();
    end_ = p_ + got;
    buffer_[got] = '\0';
    input_ended_ = got == 0;
    return !input_ended_;
  }

  // The current byte, or the sentinel NUL (with p_ == end_) at the end.
  char current() {
    if (p_ == end_) refill();
    return *p_;
  }

  bool at_end() { return current() == '\0' && p_ == end_; }

  int64_t offset(const char* at) const { return base_ + (at - buffer_.get()); }
  Position position_of_offset(int64_t at) const { return {line_, at - line_start_ + 1}; }
  Position position(const char* at) const { return position_of_offset(offset(at)); }

  // Called with p_ just past a '\n'.
  void start_line() {
    ++line_;
    line_start_ = offset(p_);
    fresh_line_ = true;
  }

  [[noreturn]] void error(Position at, const std::string& message) const {
    throw ParseError(source_.name(), at.line, at.column, message);
  }

  // Formatted by ParseError so that warnings look exactly like errors.
  void warn(Position at, const std::string& message) {
    summary_.warnings.push_back(ParseError(source_.name(), at.line, at.column, message).what());
  }

  // Skips a comment up to (not past) its line break.
  void skip_line() {
    for (;;) {
      const void* newline = std::memchr(p_, '\n', static_cast<size_t>(end_ - p_));
      if (newline) {
        p_ = static_cast<const char*>(newline);
        return;
      }
      p_ = end_;
      if (!refill()) return;
    }
  }

  void skip_blanks() {
    while (is_blank(current())) ++p_;
  }

  // ---- Header ----

  void read_header() {
    for (;;) {
      skip_blanks();
      char c = current();
      if (c == '\n') {
        ++p_;
        start_line();
      } else if (c == 'c') {
        skip_line();
      } else if (c == 'p') {
        break;
      } else {
        error(position(p_), "expected 'p cnf' header");
      }
    }

    Word p = read_word();
    if (p.text != "p") error(p.position, "invalid header: expected 'p cnf'");
    Word format = read_word();
    if (format.text != "cnf") error(format.position, "invalid header: expected 'cnf' after 'p'");
    Word variables = read_word();
    summary_.declared_variables =
        static_cast<int>(header_count(variables, "variables", kMaxVariable));
    Word clauses = read_word();
    summary_.declared_clauses = header_count(clauses, "clauses", kMaxClauses);
    clause_count_position_ = clauses.position;
    Word rest = read_word();
    if (!rest.text.empty()) {
      error(rest.position, "invalid header: unexpected text after the number of clauses");
    }

    variable_limit_ = summary_.declared_variables;
    clause_limit_ = summary_.declared_clauses;
    sink_.header(summary_.declared_variables, summary_.declared_clauses);
  }

  // Reads the next token of the current line; empty at the end of the line.
  Word read_word() {
    skip_blanks();
    Word word{position(p_), {}, false};
    for (char c = current(); !is_blank(c) && c != '\n' && !at_end(); c = current()) {
      if (word.text.size() < kMaxWordLength) {
        word.text += c;
      } else {
        word.truncated = true;
      }
      ++p_;
    }
    return word;
  }

  int64_t header_count(const Word& word, const std::string& what, int64_t max) const {
    if (word.text.empty()) error(word.position, "invalid header: missing number of " + what);
    bool negative = word.text[0] == '-';
    std::string_view digits = std::string_view(word.text).substr(negative ? 1 : 0);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), is_digit)) {
      error(word.position, "invalid header: expected the number of " + what);
    }
    if (negative) error(word.position, "invalid header: negative number of " + what);
    const std::string too_large =
        "invalid header: number of " + what + " too large (maximum " + std::to_string(max) + ")";
    if (word.truncated) error(word.position, too_large);
    int64_t value = 0;
    for (char c : digits) {
      int digit = c - '0';
      if (value > (max - digit) / 10) error(word.position, too_large);
      value = value * 10 + digit;
    }
    return value;
  }

  // ---- Clauses ----

  void read_clauses() {
    for (;;) {
      char c = *p_;
      if (c == ' ') {
        ++p_;
      } else if (is_digit(c) || c == '-') {
        read_literal();
      } else if (c == '\n') {
        ++p_;
        start_line();
      } else if (!read_rare(c)) {
        return;
      }
    }
  }

  // Handles what read_clauses does not expect often; false at the end of the
  // formula.
  bool read_rare(char c) {
    if (c == '\0' && p_ == end_) return refill();
    if (is_blank(c)) {
      ++p_;
    } else if (c == 'c' && fresh_line_) {
      skip_line();
    } else if (c == '%' && fresh_line_) {
      // SATLIB files end with a "%" line followed by a stray "0".
      return false;
    } else if (c == 'p' && fresh_line_) {
      error(position(p_), "unexpected second header");
    } else {
      fail_unexpected();
    }
    return true;
  }

  void read_literal() {
    const int64_t start = offset(p_);
    fresh_line_ = false;
    const bool negative = *p_ == '-';
    if (negative) {
      ++p_;
      if (!is_digit(current())) fail_at(start, "'-' must be followed by a digit");
    }
    const uint64_t value = read_digits(start);
    if (!is_blank(*p_) && *p_ != '\n' && p_ != end_) fail_unexpected();
    if (negative && value == 0) fail_at(start, "invalid literal '-0'");

    if (clause_.empty() && summary_.clauses >= clause_limit_) too_many_clauses(start);
    if (value == 0) {
      sink_.clause(clause_);
      clause_.clear();
      ++summary_.clauses;
      return;
    }
    const int variable = static_cast<int>(value);
    if (variable > variable_limit_) undeclared_variable(start, negative ? -variable : variable);
    summary_.max_variable = std::max(summary_.max_variable, variable);
    clause_.push_back(negative ? -variable : variable);
  }

  uint64_t read_digits(int64_t start) {
    uint64_t value = 0;
    do {
      // A local copy: p_ itself could alias the bytes read, so updating it in
      // the loop would force a store per digit.
      const char* p = p_;
      for (; is_digit(*p); ++p) {
        value = value * 10 + static_cast<uint64_t>(*p - '0');
        if (value > kMaxVariable) fail_too_large(start);
      }
      p_ = p;
    } while (p_ == end_ && refill());
    return value;
  }

  // The failure paths are kept out of line so that read_literal stays small.

  [[noreturn, gnu::cold, gnu::noinline]] void fail_at(int64_t start, const char* message) const {
    error(position_of_offset(start), message);
  }

  [[noreturn, gnu::cold, gnu::noinline]] void fail_unexpected() const {
    error(position(p_), "unexpected " + describe(*p_));
  }

  [[noreturn, gnu::cold, gnu::noinline]] void fail_too_large(int64_t start) const {
    error(position_of_offset(start),
          "variable too large (maximum " + std::to_string(kMaxVariable) + ")");
  }

  [[gnu::cold, gnu::noinline]] void too_many_clauses(int64_t start) {
    std::string message = "more clauses than the " + std::to_string(summary_.declared_clauses) +
                          " declared in the header";
    if (!options_.lenient) error(position_of_offset(start), message);
    warn(position_of_offset(start), message);
    clause_limit_ = kMaxClauses;
  }

  // Most likely a file cut short at a clause boundary: solving what is
  // there would answer for another formula.
  [[gnu::cold, gnu::noinline]] void too_few_clauses() {
    std::string message = "found " + std::to_string(summary_.clauses) +
                          (summary_.clauses == 1 ? " clause" : " clauses") + ", fewer than the " +
                          std::to_string(summary_.declared_clauses) + " declared in the header";
    if (!options_.lenient) error(clause_count_position_, message);
    warn(clause_count_position_, message);
  }

  [[gnu::cold, gnu::noinline]] void undeclared_variable(int64_t start, int literal) {
    std::string message = "literal " + std::to_string(literal) + " exceeds the declared " +
                          std::to_string(summary_.declared_variables) + " variables";
    if (!options_.lenient) error(position_of_offset(start), message);
    warn(position_of_offset(start), message);
    variable_limit_ = kMaxVariable;
  }

  ByteSource& source_;
  DimacsSink& sink_;
  const DimacsOptions& options_;
  std::unique_ptr<char[]> buffer_;
  const char* p_;
  const char* end_;
  int64_t base_ = 0;  // offset of buffer_[0] in the input
  bool input_ended_ = false;
  int64_t line_ = 1;
  int64_t line_start_ = 0;  // offset of the current line's first byte
  bool fresh_line_ = true;  // nothing but blanks so far on this line
  // Past these, lenient mode warns once, then raises them out of reach.
  int variable_limit_ = 0;
  int64_t clause_limit_ = 0;
  Position clause_count_position_{1, 1};
  std::vector<int> clause_;
  DimacsSummary summary_;
};

}  // namespace

DimacsSummary read_dimacs(ByteSource& source, DimacsSink& sink, const DimacsOptions& options) {
  return Parser(source, sink, options).run();
}

}  // namespace wang::io
