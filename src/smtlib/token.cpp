#include "smtlib/token.hpp"

namespace wang::smtlib {

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::LeftParen: return "'('";
    case TokenKind::RightParen: return "')'";
    case TokenKind::Symbol: return "symbol '" + std::string(token.text) + "'";
    case TokenKind::Keyword: return "keyword '" + std::string(token.text) + "'";
    case TokenKind::Numeral: return "numeral '" + std::string(token.text) + "'";
    case TokenKind::Decimal: return "decimal '" + std::string(token.text) + "'";
    case TokenKind::Binary:
    case TokenKind::Hexadecimal: return "literal '" + std::string(token.text) + "'";
    case TokenKind::String: return "string literal";
    case TokenKind::End: return "end of input";
  }
  return "token";
}

}  // namespace wang::smtlib
