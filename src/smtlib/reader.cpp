#include "smtlib/reader.hpp"

#include <charconv>

#include "smtlib/printing.hpp"
#include "smtlib/reserved_words.hpp"

namespace wang::smtlib {

const Token& Reader::next() {
  token_ = &lexer_.next();
  if (token_->is(TokenKind::LeftParen)) ++depth_;
  // A stray ')' between commands is an error, not a negative depth.
  if (token_->is(TokenKind::RightParen) && depth_ > 0) --depth_;
  if (capturing_) record(*token_);
  return *token_;
}

void Reader::fail_expected(std::string_view expected) const {
  throw Error(token_->position, "expected " + std::string(expected) + ", got " + describe(*token_));
}

void Reader::expect_left_paren() {
  if (!next().is(TokenKind::LeftParen)) fail_expected("'('");
}

void Reader::expect_right_paren() {
  if (!next().is(TokenKind::RightParen)) fail_expected("')'");
}

std::string Reader::expect_symbol(std::string_view what) {
  if (!next().is(TokenKind::Symbol)) fail_expected(what);
  return std::string(token_->text);
}

std::string Reader::expect_new_symbol(std::string_view what) {
  std::string name = expect_symbol(what);
  require_declarable(*token_);
  return name;
}

uint32_t Reader::index_value(const Token& numeral) const {
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(numeral.text.data(), numeral.text.data() + numeral.text.size(), value);
  if (error != std::errc() || end != numeral.text.data() + numeral.text.size()) {
    throw Error(numeral.position, "numeral " + std::string(numeral.text) + " is too large (at most 4294967295)");
  }
  return value;
}

uint32_t Reader::expect_index(std::string_view what) {
  if (!next().is(TokenKind::Numeral)) fail_expected(what);
  return index_value(*token_);
}

void Reader::skip_sexpr() {
  if (token_->is(TokenKind::LeftParen)) skip_to_depth(depth_ - 1);
}

void Reader::skip_to_depth(int depth) {
  while (depth_ > depth) {
    try {
      if (next().is(TokenKind::End)) return;
    } catch (const Error&) {
      // The lexer has moved past the bad characters; keep skipping.
    }
  }
}

void Reader::start_capture() {
  capturing_ = true;
  capture_.clear();
}

std::string Reader::take_capture() {
  capturing_ = false;
  return std::move(capture_);
}

void Reader::record(const Token& token) {
  if (token.is(TokenKind::End)) return;
  if (!capture_.empty() && capture_.back() != '(' && !token.is(TokenKind::RightParen)) capture_ += ' ';
  if (token.is(TokenKind::String)) {
    capture_ += quote_string(token.text);
  } else if (token.quoted) {
    capture_ += '|';
    capture_ += token.text;
    capture_ += '|';
  } else {
    capture_ += token.text;
  }
}

}  // namespace wang::smtlib
