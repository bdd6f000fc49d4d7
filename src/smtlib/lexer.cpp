#include "smtlib/lexer.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

namespace wang::smtlib {

namespace {

// Sized for multi-megabyte benchmarks; a pipe's read returns what is there.
constexpr size_t kBufferSize = size_t{1} << 20;

enum CharClass : uint8_t { kOther = 0, kSymbolChar = 1, kSpace = 2 };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kSymbolChar;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kSymbolChar;
  for (int c = '0'; c <= '9'; ++c) classes[c] = kSymbolChar;
  for (char c : std::string_view("~!@$%^&*_-+=<>.?/")) classes[static_cast<unsigned char>(c)] = kSymbolChar;
  // SMT-LIB 2.6 white space: not form feed or vertical tab.
  for (char c : std::string_view(" \t\r\n")) classes[static_cast<unsigned char>(c)] = kSpace;
  return classes;
}

constexpr std::array<uint8_t, 256> kClasses = make_classes();

bool is_symbol_char(char c) { return kClasses[static_cast<unsigned char>(c)] == kSymbolChar; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool all_of(std::string_view text, bool (*predicate)(char)) { return std::all_of(text.begin(), text.end(), predicate); }

// A numeral is 0 or a digit other than 0 followed by digits.
bool is_numeral(std::string_view text) { return !text.empty() && all_of(text, is_digit) && (text == "0" || text[0] != '0'); }

// SMT-LIB 2.6 allows in string literals and quoted symbols only printable
// characters and white space (tab, line feed, carriage return).  Other
// control characters, NUL above all, mean binary data, and would end up in
// responses (echo, models) if let through.
bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7f;
}

std::string printable(char c) {
  if (c >= 0x20 && c < 0x7f) return std::string(1, c);
  static const char kHex[] = "0123456789abcdef";
  const auto byte = static_cast<unsigned char>(c);
  return std::string("\\x") + kHex[byte >> 4] + kHex[byte & 15];
}

// The first control character of a string literal or quoted symbol: the
// whole token is consumed before it is reported.
struct ControlCharacter {
  char byte;
  Position position;
};

}  // namespace

size_t StringSource::read(char* buffer, size_t capacity) {
  const size_t count = std::min({capacity, chunk_, text_.size() - offset_});
  std::memcpy(buffer, text_.data() + offset_, count);
  offset_ += count;
  return count;
}

Lexer::Lexer(CharSource& source) : source_(source), buffer_(kBufferSize) {}

// Drops the bytes before the current token and appends fresh input, growing
// the buffer only for a token longer than it.
bool Lexer::fill() {
  if (exhausted_) return false;
  if (start_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
    base_ += start_;
    pos_ -= start_;
    end_ -= start_;
    start_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
  const size_t got = source_.read(buffer_.data() + end_, buffer_.size() - end_);
  exhausted_ = got == 0;
  end_ += got;
  return got > 0;
}

void Lexer::newline() {
  ++line_;
  line_start_ = base_ + pos_;
}

Position Lexer::position() const { return {line_, static_cast<uint32_t>(base_ + pos_ - line_start_ + 1)}; }

void Lexer::skip_space_and_comments() {
  bool in_comment = false;
  for (;;) {
    while (pos_ < end_) {
      if (in_comment) {
        const void* newline_at = std::memchr(buffer_.data() + pos_, '\n', end_ - pos_);
        if (!newline_at) {
          pos_ = end_;
          break;
        }
        pos_ = static_cast<const char*>(newline_at) - buffer_.data();
        in_comment = false;
      }
      const char c = buffer_[pos_];
      if (c == ';') {
        in_comment = true;
        continue;
      }
      if (kClasses[static_cast<unsigned char>(c)] != kSpace) {
        start_ = pos_;
        return;
      }
      ++pos_;
      if (c == '\n') newline();
    }
    start_ = pos_;
    if (!fill()) return;
  }
}

void Lexer::scan_symbol_chars() {
  do {
    while (pos_ < end_ && is_symbol_char(buffer_[pos_])) ++pos_;
  } while (pos_ == end_ && fill());
}

const Token& Lexer::make(TokenKind kind, Position position, std::string_view text) {
  token_.kind = kind;
  token_.quoted = false;
  token_.position = position;
  token_.text = text;
  return token_;
}

const Token& Lexer::next() {
  skip_space_and_comments();
  const Position at = position();
  if (pos_ == end_) return make(TokenKind::End, at, {});
  const char c = buffer_[pos_];
  switch (c) {
    case '(': ++pos_; return make(TokenKind::LeftParen, at, "(");
    case ')': ++pos_; return make(TokenKind::RightParen, at, ")");
    case '|': return lex_quoted_symbol(at);
    case '"': return lex_string(at);
    case '#': return lex_hash_literal(at);
    case ':': return lex_keyword(at);
    default: break;
  }
  if (is_symbol_char(c)) return lex_word(at);
  ++pos_;
  if (static_cast<unsigned char>(c) >= 0x80) {
    // Most likely UTF-8 in a symbol, as in a name with an accent.
    throw Error(at, "unexpected character '" + printable(c) +
                        "' (non-ASCII characters may appear only in string literals, |quoted symbols| and comments)");
  }
  throw Error(at, "unexpected character '" + printable(c) + "'");
}

// Symbols, numerals and decimals: a maximal run of symbol characters,
// classified afterwards, so that "12ab" is one bad token rather than two.
const Token& Lexer::lex_word(Position at) {
  scan_symbol_chars();
  const std::string_view text = token_text();
  if (!is_digit(text[0])) return make(TokenKind::Symbol, at, text);
  const size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  if (all_of(whole, is_digit) && !is_numeral(whole)) {
    throw Error(at, "invalid numeral '" + std::string(text) + "' (a numeral other than 0 has no leading zeros)");
  }
  if (dot == std::string_view::npos && is_numeral(text)) return make(TokenKind::Numeral, at, text);
  if (dot != std::string_view::npos && dot + 1 < text.size() && is_numeral(whole) &&
      all_of(text.substr(dot + 1), is_digit)) {
    return make(TokenKind::Decimal, at, text);
  }
  throw Error(at, "invalid token '" + std::string(text) + "' (symbols must not start with a digit)");
}

const Token& Lexer::lex_hash_literal(Position at) {
  ++pos_;
  scan_symbol_chars();
  const std::string_view text = token_text();
  const std::string_view digits = text.substr(std::min<size_t>(2, text.size()));
  if (text.size() > 2 && text[1] == 'b' && all_of(digits, [](char d) { return d == '0' || d == '1'; })) {
    return make(TokenKind::Binary, at, text);
  }
  if (text.size() > 2 && text[1] == 'x' && all_of(digits, is_hex_digit)) return make(TokenKind::Hexadecimal, at, text);
  throw Error(
      at, "invalid literal '" + std::string(text) + "' (expected #b followed by binary or #x by hexadecimal digits)");
}

const Token& Lexer::lex_keyword(Position at) {
  ++pos_;
  scan_symbol_chars();
  if (pos_ - start_ == 1) throw Error(at, "expected a keyword after ':'");
  return make(TokenKind::Keyword, at, token_text());
}

// |...| may span lines and contain anything but '|' and '\'.  The whole
// symbol is consumed before a backslash is reported.
const Token& Lexer::lex_quoted_symbol(Position at) {
  ++pos_;
  bool backslash = false;
  std::optional<ControlCharacter> control;
  for (;;) {
    if (!more()) throw Error(at, "unterminated quoted symbol");
    if (!control && is_control(buffer_[pos_])) control = ControlCharacter{buffer_[pos_], position()};
    const char c = buffer_[pos_++];
    if (c == '|') break;
    if (c == '\\') backslash = true;
    if (c == '\n') newline();
  }
  if (backslash) throw Error(at, "a quoted symbol must not contain '\\'");
  if (control) {
    throw Error(control->position, "control character '" + printable(control->byte) + "' in a quoted symbol");
  }
  make(TokenKind::Symbol, at, {buffer_.data() + start_ + 1, pos_ - start_ - 2});
  token_.quoted = true;
  return token_;
}

// "..." with "" standing for one quote; may span lines.
const Token& Lexer::lex_string(Position at) {
  ++pos_;
  bool escaped = false;
  std::optional<ControlCharacter> control;
  for (;;) {
    if (!more()) throw Error(at, "unterminated string literal");
    if (!control && is_control(buffer_[pos_])) control = ControlCharacter{buffer_[pos_], position()};
    const char c = buffer_[pos_++];
    if (c == '\n') newline();
    if (c != '"') continue;
    if (!more() || buffer_[pos_] != '"') break;
    ++pos_;
    escaped = true;
  }
  if (control) {
    throw Error(control->position, "control character '" + printable(control->byte) + "' in a string literal");
  }
  const std::string_view raw(buffer_.data() + start_ + 1, pos_ - start_ - 2);
  if (!escaped) return make(TokenKind::String, at, raw);
  unescaped_.clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    unescaped_ += raw[i];
    if (raw[i] == '"') ++i;
  }
  return make(TokenKind::String, at, unescaped_);
}

}  // namespace wang::smtlib
