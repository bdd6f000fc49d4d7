// Streaming reader for the four proof formats (internal to wang_check).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "check/checker.hpp"
#include "io/input.hpp"

namespace wang::check {

// Variables above this are rejected as malformed: the checkers index arrays
// by variable, and a corrupt proof must not make them allocate gigabytes.
inline constexpr int64_t kMaxVariable = (int64_t{1} << 28) - 1;

struct ProofStep {
  bool deletion = false;
  int64_t id = 0;              // LRAT addition: the id of the new clause
  std::vector<int> literals;   // DRAT step or LRAT addition: the clause
  std::vector<int64_t> hints;  // LRAT: hints of an addition, or the deleted ids
  // Where the step starts: line and column for text formats, the byte
  // offset (0-based) for every format.
  int64_t line = 0;
  int64_t column = 0;
  int64_t offset = 0;
  bool binary = false;

  // "line 12" for text proofs, "byte 345" for binary ones.
  std::string where() const;
};

// Guesses the format from the first bytes of a proof.  Binary proofs always
// contain NUL bytes (every clause ends with a 0 byte) and text proofs never
// do, so binary versus text is reliable; DRAT versus LRAT is a heuristic
// based on the shape of the first steps.
ProofFormat detect_format(std::string_view prefix);

class ProofReader {
 public:
  // With ProofFormat::Auto the format is detected from the first bytes.
  ProofReader(io::ByteSource& source, ProofFormat format);

  ProofFormat format() const { return format_; }
  const std::string& name() const { return source_.name(); }

  // Reads the next step into `step` (reusing its vectors); returns false at
  // the end of the proof.  Throws io::ParseError on malformed input.
  bool next(ProofStep& step);

 private:
  int peek();
  int get();
  bool refill();
  int64_t offset() const { return base_offset_ + static_cast<int64_t>(position_); }
  [[noreturn]] void fail(int64_t at, const std::string& message) const;

  bool next_drat_text(ProofStep& step);
  bool next_lrat_text(ProofStep& step);
  bool next_drat_binary(ProofStep& step);
  bool next_lrat_binary(ProofStep& step);

  // Text helpers.
  void skip_blanks();  // whitespace and comment lines
  bool at_token_end();
  int64_t read_integer(int64_t limit, const char* what);
  int read_literal_text();
  void begin_step(ProofStep& step, bool binary);
  // Binary helpers.
  uint64_t read_varint();
  int decode_literal(uint64_t code, int64_t at);
  int64_t decode_id(uint64_t code);

  io::ByteSource& source_;
  ProofFormat format_;
  std::vector<char> buffer_;
  size_t position_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t base_offset_ = 0;  // file offset of buffer_[0]
  int64_t line_ = 1;
  int64_t line_start_ = 0;   // file offset of the current line's first byte
};

}  // namespace wang::check
