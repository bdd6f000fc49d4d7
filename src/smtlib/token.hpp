// The tokens of SMT-LIB 2.6 concrete syntax, and the error every stage of
// the front end reports: a message tied to a place in the input.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace wang::smtlib {

// 1-based line and column (in bytes) of a token's first character.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
};

enum class TokenKind : uint8_t {
  LeftParen,
  RightParen,
  Symbol,   // simple or |quoted|; text is the symbol without bars
  Keyword,  // text includes the leading ':'
  Numeral,
  Decimal,
  Binary,       // #b...; text includes the prefix
  Hexadecimal,  // #x...; text includes the prefix
  String,       // text is the contents with "" unescaped
  End,          // end of input
};

struct Token {
  TokenKind kind = TokenKind::End;
  bool quoted = false;  // a |quoted| symbol
  Position position;
  // Valid until the next token is read.
  std::string_view text;

  bool is(TokenKind k) const { return kind == k; }
  bool is_symbol(std::string_view name) const { return kind == TokenKind::Symbol && !quoted && text == name; }
};

// Malformed input or an ill-formed command, at `position`.
class Error : public std::runtime_error {
 public:
  Error(Position position, const std::string& message) : std::runtime_error(message), position_(position) {}
  Position position() const { return position_; }

 private:
  Position position_;
};

// How a token is named in diagnostics: "')'", "symbol 'x'", "end of input".
std::string describe(const Token& token);

}  // namespace wang::smtlib
