#include "smtlib/sort_parser.hpp"

#include "smtlib/printing.hpp"

namespace wang::smtlib {

const SortSymbol& SortParser::lookup(const Token& token) const {
  const SortSymbol* symbol = environment_.sorts().find(token.text);
  if (!symbol) throw Error(token.position, "unknown sort " + in_quotes(token.text));
  if (symbol->rejected_at) throw Error(token.position, rejected_declaration(token.text, *symbol->rejected_at));
  return *symbol;
}

// After "(_": only (_ BitVec n) is an indexed sort.
SortValue SortParser::indexed_sort(Position position) {
  const std::string name = reader_.expect_symbol("a sort name");
  if (name != "BitVec") throw Error(position, "unknown sort '(_ " + name + " ...)'");
  const uint32_t width = reader_.expect_index("the width of the bit-vector sort");
  reader_.expect_right_paren();
  smt::Sort sort = smt::Sort::boolean();
  try {
    sort = smt::Sort::bitvec(width);
  } catch (const smt::SortError& error) {
    throw Error(position, error.what());
  }
  environment_.require_in_logic(sort, position, "sorts");
  return {.sort = sort};
}

SortValue SortParser::parse_value(const Token* first) {
  frames_.clear();
  arguments_.clear();
  for (bool at_start = true;; at_start = false) {
    const Token& token = at_start && first ? *first : reader_.next();
    SortValue value;
    if (token.is(TokenKind::LeftParen)) {
      const Position position = token.position;
      const Token& head = reader_.next();
      if (head.is_symbol("_")) {
        value = indexed_sort(position);
      } else if (head.is(TokenKind::Symbol)) {
        const SortSymbol& symbol = lookup(head);
        if (symbol.arity == 0) throw Error(head.position, "sort " + in_quotes(head.text) + " takes no arguments");
        frames_.push_back({&symbol, std::string(head.text), position, arguments_.size()});
        continue;
      } else {
        reader_.fail_expected("a sort");
      }
    } else if (token.is(TokenKind::Symbol)) {
      const SortSymbol& symbol = lookup(token);
      if (symbol.arity > 0) {
        throw Error(token.position,
                    "sort " + in_quotes(token.text) + " takes " + counted(symbol.arity, "argument", "arguments"));
      }
      value = symbol.value;
    } else if (token.is(TokenKind::RightParen) && !frames_.empty()) {
      const Frame& frame = frames_.back();
      const size_t count = arguments_.size() - frame.first_argument;
      if (count != frame.symbol->arity) {
        throw Error(frame.position, "sort " + in_quotes(frame.name) + " takes " +
                                        counted(frame.symbol->arity, "argument", "arguments") + ", got " +
                                        std::to_string(count));
      }
      const std::span<const SortValue> arguments(arguments_.data() + frame.first_argument, count);
      try {
        value = frame.symbol->is_array ? array_of(arguments[0], arguments[1]) : instantiate(frame.symbol->value, arguments);
      } catch (const smt::SortError& error) {
        throw Error(frame.position, error.what());
      }
      arguments_.resize(frame.first_argument);
      frames_.pop_back();
    } else {
      reader_.fail_expected("a sort");
    }
    if (frames_.empty()) return value;
    arguments_.push_back(value);
  }
}

smt::Sort SortParser::parse(const Token* first) {
  // Parameters are bound only while a define-sort body is read.
  return parse_value(first).sort;
}

}  // namespace wang::smtlib
