// Characters to tokens.  The lexer pulls bytes from a CharSource on demand
// and never asks for more than it needs to finish the current token, so a
// client driving `wang` over a pipe gets every command answered as soon as
// its closing parenthesis arrives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "smtlib/token.hpp"

namespace wang::smtlib {

class CharSource {
 public:
  virtual ~CharSource() = default;
  // Reads up to `capacity` bytes, blocking only while none are available;
  // returns 0 only at the end of the input.
  virtual size_t read(char* buffer, size_t capacity) = 0;
};

// Text in memory, handed out in pieces of at most `chunk` bytes (tests use
// small pieces to put token boundaries everywhere).
class StringSource final : public CharSource {
 public:
  explicit StringSource(std::string text, size_t chunk = SIZE_MAX) : text_(std::move(text)), chunk_(chunk) {}
  size_t read(char* buffer, size_t capacity) override;

 private:
  std::string text_;
  size_t chunk_;
  size_t offset_ = 0;
};

class Lexer {
 public:
  explicit Lexer(CharSource& source);

  // The next token.  Malformed input throws Error after the offending
  // characters were consumed, so the caller can report it and go on.
  const Token& next();

 private:
  bool fill();
  bool more() { return pos_ < end_ || fill(); }
  void newline();
  Position position() const;
  void skip_space_and_comments();
  void scan_symbol_chars();
  std::string_view token_text() const { return {buffer_.data() + start_, pos_ - start_}; }
  const Token& make(TokenKind kind, Position position, std::string_view text);
  const Token& lex_word(Position position);
  const Token& lex_hash_literal(Position position);
  const Token& lex_keyword(Position position);
  const Token& lex_quoted_symbol(Position position);
  const Token& lex_string(Position position);

  CharSource& source_;
  std::vector<char> buffer_;
  size_t start_ = 0;  // first byte of the current token; bytes before it may be dropped
  size_t pos_ = 0;
  size_t end_ = 0;
  bool exhausted_ = false;
  uint64_t base_ = 0;  // input offset of buffer_[0]
  uint32_t line_ = 1;
  uint64_t line_start_ = 0;  // input offset of the current line's first byte
  std::string unescaped_;
  Token token_;
};

}  // namespace wang::smtlib
