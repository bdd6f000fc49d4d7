// Tokens as the parsers consume them: parenthesis depth for error recovery,
// the spelling of terms for get-value and get-assertions, and the checks
// every command needs ("expected a symbol, got ')'").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "smtlib/lexer.hpp"

namespace wang::smtlib {

class Reader {
 public:
  explicit Reader(Lexer& lexer) : lexer_(lexer) {}

  const Token& next();
  // The token last returned by next().
  const Token& current() const { return *token_; }
  // Open parentheses: 0 between commands.
  int depth() const { return depth_; }

  void expect_left_paren();
  void expect_right_paren();
  // The next token, which must be a symbol; `what` names it in the error.
  std::string expect_symbol(std::string_view what);
  // The same for a symbol the script declares (see require_declarable()).
  std::string expect_new_symbol(std::string_view what);
  // The next token, which must be a numeral that fits 32 bits.
  uint32_t expect_index(std::string_view what);
  uint32_t index_value(const Token& numeral) const;
  // Skips an s-expression whose first token was just read.
  void skip_sexpr();
  // Skips tokens until the depth is back to `depth` or the input ends;
  // malformed tokens on the way are ignored.
  void skip_to_depth(int depth);

  // Records the tokens read from now on, normalised to single spaces and
  // without comments, until take_capture().
  void start_capture();
  std::string take_capture();

  [[noreturn]] void fail_expected(std::string_view expected) const;

 private:
  void record(const Token& token);

  Lexer& lexer_;
  const Token* token_ = nullptr;
  int depth_ = 0;
  bool capturing_ = false;
  std::string capture_;
};

}  // namespace wang::smtlib
