#include "check/proof_reader.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>

#include "io/dimacs.hpp"

namespace wang::check {

namespace {

constexpr size_t kBufferSize = size_t{1} << 20;
// How much of the proof auto-detection looks at.
constexpr size_t kDetectBytes = size_t{1} << 16;
constexpr int64_t kMaxId = std::numeric_limits<int64_t>::max() / 4;

bool is_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Binary-format trial parse used by detection: how far `bytes` parses
// under the DRAT or the LRAT reading.  A structural error (a step not
// starting with 'a'/'d', a literal -0, a non-positive clause id) ends the
// parse; implausible ids (an added id not above the previous one, a hint
// or deletion naming a later clause) are only counted, so that a damaged
// LRAT proof is still recognised as LRAT.  A step cut off by the end of
// the prefix is not an error.
struct TrialResult {
  int64_t steps = 0;
  bool failed = false;
  int64_t oddities = 0;
};

bool trial_varint(std::string_view bytes, size_t& at, uint64_t& value, bool& truncated) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (at >= bytes.size()) {
      truncated = true;
      return false;
    }
    const auto byte = static_cast<unsigned char>(bytes[at++]);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

TrialResult trial_binary(std::string_view bytes, bool lrat) {
  TrialResult result;
  size_t at = 0;
  int64_t last_id = 0;
  auto stop = [&](bool truncated) {
    result.failed = !truncated;
    return result;
  };
  while (at < bytes.size()) {
    const char kind = bytes[at++];
    if (kind != 'a' && kind != 'd') return stop(false);
    bool truncated = false;
    uint64_t value = 0;
    const bool lrat_addition = lrat && kind == 'a';
    if (lrat_addition) {
      if (!trial_varint(bytes, at, value, truncated)) return stop(truncated);
      const auto id = static_cast<int64_t>(value >> 1);
      if ((value & 1) || id == 0) return stop(false);
      result.oddities += id <= last_id;
      last_id = id;
    }
    // Zero-terminated lists in this step: LRAT additions have literals and
    // hints, everything else one list.
    for (int list = 0; list < (lrat_addition ? 2 : 1); ++list) {
      for (;;) {
        if (!trial_varint(bytes, at, value, truncated)) return stop(truncated);
        if (value == 0) break;
        const bool is_id = lrat && (list == 1 || kind == 'd');
        if (!is_id) {
          if (value == 1) return stop(false);  // literal -0
          continue;
        }
        const auto id = static_cast<int64_t>(value >> 1);
        if (kind == 'd' && (value & 1)) return stop(false);
        result.oddities += last_id > 0 && (kind == 'd' ? id > last_id : id >= last_id);
      }
    }
    ++result.steps;
  }
  return result;
}

}  // namespace

std::string ProofStep::where() const {
  return binary ? "byte " + std::to_string(offset) : "line " + std::to_string(line);
}

ProofFormat detect_format(std::string_view prefix) {
  const bool binary = std::any_of(prefix.begin(), prefix.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 127 || (c < 32 && !is_space(c));
  });
  if (binary) {
    const TrialResult drat = trial_binary(prefix, false);
    const TrialResult lrat = trial_binary(prefix, true);
    if (drat.failed != lrat.failed) return drat.failed ? ProofFormat::LratBinary : ProofFormat::DratBinary;
    // Both fail: the one that went further wins.  Both fit (rare, as the
    // readings disagree on where steps start; a DRAT proof of a unit and
    // the empty clause is one LRAT step to the LRAT reading): LRAT if it
    // finds as many steps as DRAT and its ids look right.  DRAT on ties,
    // as it is what solvers write by default.
    if (drat.failed) return lrat.steps > drat.steps ? ProofFormat::LratBinary : ProofFormat::DratBinary;
    const bool lrat_fits = lrat.steps > 0 && lrat.steps >= drat.steps && 10 * lrat.oddities < lrat.steps;
    return lrat_fits ? ProofFormat::LratBinary : ProofFormat::DratBinary;
  }
  // Text: the first line that tells decides.  "d ..." is a DRAT deletion,
  // "ID d ..." an LRAT one; an LRAT addition has two zeros ("ID lits 0
  // hints 0"), a DRAT lemma one.
  size_t at = 0;
  while (at < prefix.size()) {
    size_t eol = prefix.find('\n', at);
    if (eol == std::string_view::npos) eol = prefix.size();
    std::string_view line = prefix.substr(at, eol - at);
    at = eol + 1;
    std::vector<std::string_view> tokens;
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && is_space(line[i])) ++i;
      size_t j = i;
      while (j < line.size() && !is_space(line[j])) ++j;
      if (j > i) tokens.push_back(line.substr(i, j - i));
      i = j;
    }
    if (tokens.empty() || tokens[0][0] == 'c') continue;
    if (tokens[0] == "d") return ProofFormat::DratText;
    if (tokens.size() >= 2 && tokens[1] == "d") return ProofFormat::LratText;
    const auto zeros = std::count(tokens.begin(), tokens.end(), std::string_view("0"));
    if (zeros >= 2) return ProofFormat::LratText;
    if (zeros == 1) return ProofFormat::DratText;
  }
  return ProofFormat::DratText;
}

ProofReader::ProofReader(io::ByteSource& source, ProofFormat format)
    : source_(source), format_(format), buffer_(kBufferSize) {
  if (format_ != ProofFormat::Auto) return;
  // Fill the buffer with the prefix the detection looks at.
  while (end_ < kDetectBytes) {
    const size_t got = source_.read(buffer_.data() + end_, buffer_.size() - end_);
    if (got == 0) {
      eof_ = true;
      break;
    }
    end_ += got;
  }
  format_ = detect_format(std::string_view(buffer_.data(), end_));
}

bool ProofReader::refill() {
  if (eof_) return false;
  base_offset_ += static_cast<int64_t>(end_);
  position_ = end_ = 0;
  const size_t got = source_.read(buffer_.data(), buffer_.size());
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ = got;
  return true;
}

inline int ProofReader::peek() {
  if (position_ == end_ && !refill()) return -1;
  return static_cast<unsigned char>(buffer_[position_]);
}

inline int ProofReader::get() {
  if (position_ == end_ && !refill()) return -1;
  return static_cast<unsigned char>(buffer_[position_++]);
}

void ProofReader::fail(int64_t at, const std::string& message) const {
  const bool binary = format_ == ProofFormat::DratBinary || format_ == ProofFormat::LratBinary;
  if (binary) throw io::ParseError(source_.name(), 1, at + 1, message + " (at byte offset " + std::to_string(at) + ")");
  // `at` is on the current line except for errors at the end of the file
  // that report the step's own start; both are handled by the caller
  // passing an offset on the current line.
  throw io::ParseError(source_.name(), line_, at - line_start_ + 1, message);
}

bool ProofReader::next(ProofStep& step) {
  step.literals.clear();
  step.hints.clear();
  step.deletion = false;
  step.id = 0;
  switch (format_) {
    case ProofFormat::DratText: return next_drat_text(step);
    case ProofFormat::LratText: return next_lrat_text(step);
    case ProofFormat::DratBinary: return next_drat_binary(step);
    case ProofFormat::LratBinary: return next_lrat_binary(step);
    case ProofFormat::Auto: break;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Text formats

void ProofReader::skip_blanks() {
  for (;;) {
    const int c = peek();
    if (c == '\n') {
      ++position_;
      ++line_;
      line_start_ = offset();
    } else if (is_space(c)) {
      ++position_;
    } else if (c == 'c') {
      // A comment runs to the end of the line.
      while (peek() != '\n' && peek() != -1) ++position_;
    } else {
      return;
    }
  }
}

bool ProofReader::at_token_end() {
  const int c = peek();
  return c == -1 || is_space(c);
}

int64_t ProofReader::read_integer(int64_t limit, const char* what) {
  const int64_t start = offset();
  bool negative = false;
  if (peek() == '-') {
    negative = true;
    ++position_;
  }
  int c = peek();
  if (c < '0' || c > '9') {
    if (c == -1) fail(start, std::string("unexpected end of proof, expected ") + what);
    fail(start, std::string("expected ") + what + ", found '" + static_cast<char>(c) + "'");
  }
  int64_t value = 0;
  while (c >= '0' && c <= '9') {
    value = value * 10 + (c - '0');
    if (value > limit) fail(start, std::string(what) + " out of range");
    ++position_;
    c = peek();
  }
  if (!at_token_end()) fail(offset(), std::string("unexpected character '") + static_cast<char>(c) + "' after " + what);
  return negative ? -value : value;
}

int ProofReader::read_literal_text() {
  return static_cast<int>(read_integer(kMaxVariable, "literal"));
}

void ProofReader::begin_step(ProofStep& step, bool binary) {
  step.binary = binary;
  step.offset = offset();
  step.line = line_;
  step.column = offset() - line_start_ + 1;
}

bool ProofReader::next_drat_text(ProofStep& step) {
  skip_blanks();
  if (peek() == -1) return false;
  begin_step(step, false);
  if (peek() == 'd') {
    ++position_;
    if (!at_token_end()) fail(offset(), "expected whitespace after 'd'");
    step.deletion = true;
  }
  for (;;) {
    skip_blanks();
    if (peek() == -1) fail(offset(), "clause not terminated by 0 at end of proof");
    const int literal = read_literal_text();
    if (literal == 0) return true;
    step.literals.push_back(literal);
  }
}

bool ProofReader::next_lrat_text(ProofStep& step) {
  skip_blanks();
  if (peek() == -1) return false;
  begin_step(step, false);
  const int64_t id_at = offset();
  step.id = read_integer(kMaxId, "clause id");
  if (step.id <= 0) fail(id_at, "clause id must be positive");
  skip_blanks();
  if (peek() == 'd') {
    ++position_;
    if (!at_token_end()) fail(offset(), "expected whitespace after 'd'");
    step.deletion = true;
    for (;;) {
      skip_blanks();
      if (peek() == -1) fail(offset(), "deletion not terminated by 0 at end of proof");
      const int64_t at = offset();
      const int64_t id = read_integer(kMaxId, "clause id");
      if (id == 0) return true;
      if (id < 0) fail(at, "deleted clause id must be positive");
      step.hints.push_back(id);
    }
  }
  for (;;) {
    skip_blanks();
    if (peek() == -1) fail(offset(), "clause not terminated by 0 at end of proof");
    const int literal = read_literal_text();
    if (literal == 0) break;
    step.literals.push_back(literal);
  }
  for (;;) {
    skip_blanks();
    if (peek() == -1) fail(offset(), "hint list not terminated by 0 at end of proof");
    const int64_t hint = read_integer(kMaxId, "hint");
    if (hint == 0) return true;
    step.hints.push_back(hint);
  }
}

// ---------------------------------------------------------------------------
// Binary formats

uint64_t ProofReader::read_varint() {
  const int64_t start = offset();
  uint64_t value = 0;
  for (int shift = 0; shift < 63; shift += 7) {
    const int c = get();
    if (c == -1) fail(start, "unexpected end of proof inside a step");
    value |= static_cast<uint64_t>(c & 0x7f) << shift;
    if (!(c & 0x80)) return value;
  }
  fail(start, "number too large");
}

int ProofReader::decode_literal(uint64_t code, int64_t at) {
  const uint64_t variable = code >> 1;
  if (variable == 0) fail(at, "invalid literal encoding 1");
  if (variable > static_cast<uint64_t>(kMaxVariable)) fail(at, "literal out of range");
  const int magnitude = static_cast<int>(variable);
  return (code & 1) ? -magnitude : magnitude;
}

int64_t ProofReader::decode_id(uint64_t code) {
  const auto magnitude = static_cast<int64_t>(code >> 1);
  return (code & 1) ? -magnitude : magnitude;
}

bool ProofReader::next_drat_binary(ProofStep& step) {
  begin_step(step, true);
  const int kind = get();
  if (kind == -1) return false;
  if (kind == 'd') {
    step.deletion = true;
  } else if (kind != 'a') {
    fail(step.offset, "expected 'a' or 'd' at the start of a binary DRAT step");
  }
  for (;;) {
    const int64_t at = offset();
    const uint64_t code = read_varint();
    if (code == 0) return true;
    step.literals.push_back(decode_literal(code, at));
  }
}

bool ProofReader::next_lrat_binary(ProofStep& step) {
  begin_step(step, true);
  const int kind = get();
  if (kind == -1) return false;
  if (kind == 'd') {
    step.deletion = true;
    for (;;) {
      const int64_t at = offset();
      const int64_t id = decode_id(read_varint());
      if (id == 0) return true;
      if (id < 0) fail(at, "deleted clause id must be positive");
      step.hints.push_back(id);
    }
  }
  if (kind != 'a') fail(step.offset, "expected 'a' or 'd' at the start of a binary LRAT step");
  const int64_t id_at = offset();
  step.id = decode_id(read_varint());
  if (step.id <= 0) fail(id_at, "clause id must be positive");
  for (;;) {
    const int64_t at = offset();
    const uint64_t code = read_varint();
    if (code == 0) break;
    step.literals.push_back(decode_literal(code, at));
  }
  for (;;) {
    const int64_t hint = decode_id(read_varint());
    if (hint == 0) return true;
    step.hints.push_back(hint);
  }
}

}  // namespace wang::check
