// The lexer: every token kind, positions, escapes, malformed input with
// its exact message, and input that arrives in pieces of any size.
#include "smtlib/lexer.hpp"

#include <gtest/gtest.h>

namespace wang::smtlib {
namespace {

struct Lexed {
  TokenKind kind;
  std::string text;
  uint32_t line;
  uint32_t column;
  bool quoted = false;
  bool operator==(const Lexed&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Lexed& token) {
  return out << static_cast<int>(token.kind) << " '" << token.text << "' " << token.line << ':' << token.column
             << (token.quoted ? " quoted" : "");
}

std::vector<Lexed> lex(const std::string& text, size_t chunk = SIZE_MAX) {
  StringSource source(text, chunk);
  Lexer lexer(source);
  std::vector<Lexed> tokens;
  for (;;) {
    const Token& token = lexer.next();
    if (token.is(TokenKind::End)) return tokens;
    tokens.push_back({token.kind, std::string(token.text), token.position.line, token.position.column, token.quoted});
  }
}

// The message and position of the first error in `text`.
std::string first_error(const std::string& text) {
  StringSource source(text);
  Lexer lexer(source);
  try {
    while (!lexer.next().is(TokenKind::End)) {
    }
  } catch (const Error& error) {
    return std::to_string(error.position().line) + ":" + std::to_string(error.position().column) + ": " + error.what();
  }
  return "no error";
}

using K = TokenKind;

TEST(Lexer, RecognisesEveryTokenKind) {
  const std::vector<Lexed> expected = {
      {K::LeftParen, "(", 1, 1},
      {K::Symbol, "bvadd", 1, 2},
      {K::Symbol, "x!1", 1, 8},
      {K::Numeral, "0", 1, 12},
      {K::Numeral, "42", 1, 14},
      {K::Decimal, "3.25", 1, 17},
      {K::Binary, "#b0101", 1, 22},
      {K::Hexadecimal, "#xDEADbeef", 1, 29},
      {K::Keyword, ":named", 1, 40},
      {K::String, "say \"hi\"", 1, 47},
      {K::Symbol, "a b", 1, 60, true},
      {K::RightParen, ")", 1, 65},
      {K::Symbol, "+-*/<=>.?_~!@$%^&", 1, 67},
  };
  EXPECT_EQ(lex("(bvadd x!1 0 42 3.25 #b0101 #xDEADbeef :named \"say \"\"hi\"\"\" |a b|) +-*/<=>.?_~!@$%^&"), expected);
}

TEST(Lexer, SkipsCommentsAndTracksLinesAndColumns) {
  const std::vector<Lexed> expected = {
      {K::LeftParen, "(", 2, 3},
      {K::Symbol, "a", 3, 1},
      {K::RightParen, ")", 4, 2},
  };
  EXPECT_EQ(lex("; first line ( ignored\n  (; more\na\r\n\t)"), expected);
}

TEST(Lexer, CommentAtTheEndOfInputNeedsNoNewline) {
  const std::vector<Lexed> expected = {{K::Symbol, "x", 1, 1}};
  EXPECT_EQ(lex("x ; no newline after this"), expected);
}

TEST(Lexer, QuotedSymbolsAndStringsSpanLines) {
  const std::vector<Lexed> expected = {
      {K::Symbol, "two\nlines", 1, 1, true}, {K::String, "also\ntwo", 2, 8}, {K::Symbol, "after", 3, 6},
      {K::Symbol, "", 3, 12, true},          {K::String, "", 3, 15},
  };
  EXPECT_EQ(lex("|two\nlines| \"also\ntwo\" after || \"\""), expected);
}

TEST(Lexer, QuotedSymbolsAreNotReservedWords) {
  const auto tokens = lex("|let| let");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_TRUE(tokens[0].quoted);
  EXPECT_FALSE(tokens[1].quoted);
}

TEST(Lexer, GivesTheSameTokensWhateverPiecesTheInputArrivesIn) {
  const std::string text =
      "(assert (! (= |quoted\nsymbol| #b1010 #xFF) :named a1)) ; comment\n"
      "(echo \"a \"\"quoted\"\" string\nover lines\") 12345 6.7 :keyword |x|";
  const std::vector<Lexed> whole = lex(text);
  ASSERT_EQ(whole.size(), 22u);
  for (size_t chunk : {1, 2, 3, 5, 7, 13}) EXPECT_EQ(lex(text, chunk), whole) << "chunk " << chunk;
}

TEST(Lexer, TokensLongerThanTheBufferSurvive) {
  const std::string digits(3'000'000, '1');
  const auto tokens = lex("#b" + digits + " x", 65536);
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].text.size(), digits.size() + 2);
  EXPECT_EQ(tokens[1], (Lexed{K::Symbol, "x", 1, static_cast<uint32_t>(digits.size() + 4)}));
}

TEST(Lexer, ReportsMalformedTokensWithTheirPosition) {
  EXPECT_EQ(first_error("(echo \"never closed"), "1:7: unterminated string literal");
  EXPECT_EQ(first_error("ok\n  |never closed\n"), "2:3: unterminated quoted symbol");
  EXPECT_EQ(first_error("|back\\slash|"), "1:1: a quoted symbol must not contain '\\'");
  EXPECT_EQ(first_error("a { b"), "1:3: unexpected character '{'");
  EXPECT_EQ(first_error("a \x01"), "1:3: unexpected character '\\x01'");
  EXPECT_EQ(first_error("#b012"),
            "1:1: invalid literal '#b012' (expected #b followed by binary or #x by hexadecimal digits)");
  EXPECT_EQ(first_error("#xg"),
            "1:1: invalid literal '#xg' (expected #b followed by binary or #x by hexadecimal digits)");
  EXPECT_EQ(first_error("#b"),
            "1:1: invalid literal '#b' (expected #b followed by binary or #x by hexadecimal digits)");
  EXPECT_EQ(first_error("#o17"),
            "1:1: invalid literal '#o17' (expected #b followed by binary or #x by hexadecimal digits)");
  EXPECT_EQ(first_error("12ab"), "1:1: invalid token '12ab' (symbols must not start with a digit)");
  EXPECT_EQ(first_error("1."), "1:1: invalid token '1.' (symbols must not start with a digit)");
  EXPECT_EQ(first_error(": x"), "1:1: expected a keyword after ':'");
}

TEST(Lexer, ResumesAfterAMalformedToken) {
  StringSource source("a {b 12x c");
  Lexer lexer(source);
  EXPECT_EQ(lexer.next().text, "a");
  EXPECT_THROW(lexer.next(), Error);
  EXPECT_EQ(lexer.next().text, "b");
  EXPECT_THROW(lexer.next(), Error);
  EXPECT_EQ(lexer.next().text, "c");
  EXPECT_TRUE(lexer.next().is(TokenKind::End));
}

// A source that counts reads, to show the lexer asks for no more input than
// the token it returns needs: what a client on a pipe relies on.
class CountingSource final : public CharSource {
 public:
  explicit CountingSource(std::vector<std::string> pieces) : pieces_(std::move(pieces)) {}
  size_t read(char* buffer, size_t capacity) override {
    if (reads_ == pieces_.size()) return 0;
    const std::string& piece = pieces_[reads_++];
    EXPECT_LE(piece.size(), capacity);
    std::copy(piece.begin(), piece.end(), buffer);
    return piece.size();
  }
  size_t reads() const { return reads_; }

 private:
  std::vector<std::string> pieces_;
  size_t reads_ = 0;
};

TEST(Lexer, ReadsNoFurtherThanTheClosingParenthesis) {
  CountingSource source({"(check-sat)", "(exit)"});
  Lexer lexer(source);
  EXPECT_TRUE(lexer.next().is(TokenKind::LeftParen));
  EXPECT_EQ(lexer.next().text, "check-sat");
  EXPECT_TRUE(lexer.next().is(TokenKind::RightParen));
  EXPECT_EQ(source.reads(), 1u);
  EXPECT_TRUE(lexer.next().is(TokenKind::LeftParen));
  EXPECT_EQ(source.reads(), 2u);
}

}  // namespace
}  // namespace wang::smtlib
