#include "smtlib/term_parser.hpp"

#include <algorithm>
#include <unordered_set>

#include "smtlib/printing.hpp"
#include "smt/traverse.hpp"
#include "smtlib/reserved_words.hpp"

namespace wang::smtlib {

namespace {

using smt::Term;

// "bv" followed by decimal digits: the N of (_ bvN W).
bool is_bv_constant_name(std::string_view name) {
  return name.size() > 2 && name.starts_with("bv") &&
         std::all_of(name.begin() + 2, name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether the numeral `digits` is below 2^width.  10^(n-1) <= X < 10^n for
// n digits, and 3.32 < log2(10) < 3.322, so only numerals of about
// width / 3.32 digits need their value; that value has at most four bits
// more than the width.
bool fits_in_bits(std::string_view digits, uint32_t width) {
  const uint64_t n = digits.size();
  if ((n - 1) * 332 >= uint64_t{width} * 100) return false;
  if (n * 3322 <= uint64_t{width} * 1000) return true;
  const auto bits = static_cast<uint32_t>(n * 3322 / 1000 + 1);
  const bv::BitVector value = bv::BitVector::from_decimal(bits, digits);
  for (uint32_t i = width; i < bits; ++i) {
    if (value.bit(i)) return false;
  }
  return true;
}

// The numeral of a (_ bvN W) for a message: its first and last digits when
// it is long.
std::string shortened_numeral(std::string_view digits) {
  if (digits.size() <= 24) return std::string(digits);
  return std::string(digits.substr(0, 10)) + "..." + std::string(digits.substr(digits.size() - 10));
}

}  // namespace

ParsedTerm TermParser::parse(const Token* first) {
  frames_.clear();
  arguments_.clear();
  let_names_.clear();
  let_positions_.clear();
  top_name_.clear();
  ParsedTerm result;
  try {
    result.term = read_term(first);
  } catch (...) {
    unwind();
    throw;
  }
  result.position = position_;
  result.name = std::move(top_name_);
  return result;
}

Term TermParser::read_term(const Token* first) {
  for (bool at_start = true;; at_start = false) {
    const Token& token = at_start && first ? *first : reader_.next();
    if (at_start) position_ = token.position;
    Term term;
    Position at = token.position;
    if (token.is(TokenKind::LeftParen)) {
      if (!open(token.position, term)) continue;
    } else if (token.is(TokenKind::RightParen) && !frames_.empty() && frames_.back().kind == FrameKind::Apply) {
      at = frames_.back().position;
      term = close();
    } else {
      term = atom(token);
    }
    environment_.require_in_logic(term.sort(), at, "terms");
    if (deliver(term)) return term;
  }
}

// After '(': pushes the frame of a compound term, or returns true with
// `term` set when the compound was a complete constant, (_ bvN W).
bool TermParser::open(Position position, Term& term) {
  const Token& head = reader_.next();
  if (head.is(TokenKind::LeftParen)) {
    const Token& inner = reader_.next();
    if (inner.is_symbol("_")) {
      frames_.push_back(indexed_head_frame(position));
    } else if (inner.is_symbol("as")) {
      open_qualified_head(position);
    } else {
      reader_.fail_expected("'_' or 'as'");
    }
    return false;
  }
  if (!head.is(TokenKind::Symbol)) reader_.fail_expected("a function symbol");
  const std::optional<Reserved> reserved = reserved_word(head);
  if (!reserved) {
    frames_.push_back(head_frame(head, environment_.terms().find(head.text), position));
    return false;
  }
  switch (*reserved) {
    case Reserved::Let:
      reader_.expect_left_paren();
      frames_.push_back({.kind = FrameKind::LetBindings,
                         .position = position,
                         .first_argument = static_cast<uint32_t>(arguments_.size()),
                         .first_name = static_cast<uint32_t>(let_names_.size())});
      if (!next_binding()) throw Error(position, "'let' needs at least one binding");
      return false;
    case Reserved::Annotation: frames_.push_back({.kind = FrameKind::Annotated, .position = position}); return false;
    case Reserved::Qualified: frames_.push_back({.kind = FrameKind::Qualified, .position = position}); return false;
    case Reserved::Indexed: term = indexed_constant(position); return true;
    case Reserved::Other: break;
  }
  throw Error(head.position, in_quotes(head.text) + " is not supported");
}

// `symbol` is what `head` names, if anything.
TermParser::Frame TermParser::head_frame(const Token& head, const TermSymbol* symbol, Position position) const {
  if (!symbol) throw Error(head.position, "unknown function " + in_quotes(head.text));
  Frame frame{
      .kind = FrameKind::Apply, .position = position, .first_argument = static_cast<uint32_t>(arguments_.size())};
  if (symbol->kind == TermSymbol::Kind::Macro) {
    frame.head = HeadKind::Macro;
    frame.macro = symbol->macro.get();
    return frame;
  }
  if (symbol->kind == TermSymbol::Kind::Rejected) {
    throw Error(head.position, rejected_declaration(head.text, symbol->rejected_at));
  }
  if (symbol->kind == TermSymbol::Kind::Constant && symbol->term.sort().is_function()) {
    frame.head = HeadKind::Function;
    frame.function = symbol->term;
    return frame;
  }
  if (symbol->kind != TermSymbol::Kind::Operator) {
    throw Error(head.position, in_quotes(head.text) + " is not a function and cannot be applied");
  }
  frame.op = symbol->op->kind;
  frame.head = symbol->op->has(smt::kChainable)    ? HeadKind::Chainable
               : symbol->op->has(smt::kRightAssoc) ? HeadKind::RightAssociative
                                                   : HeadKind::Operator;
  return frame;
}

// After "(_" in function position: (_ extract 7 0) and its kin.
TermParser::Frame TermParser::indexed_head_frame(Position position) {
  const Token& name = reader_.next();
  if (!name.is(TokenKind::Symbol)) reader_.fail_expected("an indexed function symbol");
  const TermSymbol* symbol = environment_.terms().find(name.text);
  if (!symbol || symbol->kind != TermSymbol::Kind::Operator) {
    throw Error(name.position, "unknown indexed function " + in_quotes(name.text));
  }
  Frame frame{.kind = FrameKind::Apply,
              .op = symbol->op->kind,
              .position = position,
              .first_argument = static_cast<uint32_t>(arguments_.size())};
  read_indices(frame, *symbol->op, name.position);
  return frame;
}

void TermParser::read_indices(Frame& frame, const smt::OpInfo& op, Position position) {
  size_t count = 0;
  while (!reader_.next().is(TokenKind::RightParen)) {
    if (!reader_.current().is(TokenKind::Numeral)) reader_.fail_expected("a numeral index or ')'");
    const uint32_t index = reader_.index_value(reader_.current());
    if (count < frame.indices.size()) frame.indices[count] = index;
    ++count;
  }
  if (count > frame.indices.size()) {
    throw Error(position, in_quotes(op.name) + " takes " + counted(op.indices, "index", "indices") + ", got " +
                              std::to_string(count));
  }
  frame.num_indices = static_cast<uint8_t>(count);
}

// After "((as": the function, its result sort and ')'; the application
// that follows is checked against the sort.  ((as const S) v) is the
// constant array of sort S, unless the script declared `const` itself.
void TermParser::open_qualified_head(Position position) {
  const Token& head = reader_.next();
  Frame frame;
  if (head.is_symbol("const") && !environment_.terms().find(head.text)) {
    const Position at = head.position;  // `head` is the reader's token: it moves on
    const smt::Sort sort = sorts_.parse();
    reader_.expect_right_paren();
    if (!sort.is_array()) throw Error(at, "'const' needs an array sort, got " + sort.to_string());
    if (sort.array_element().is_array()) throw Error(at, "arrays whose elements are arrays are not supported");
    frames_.push_back({.kind = FrameKind::Apply,
                       .head = HeadKind::ConstArray,
                       .position = position,
                       .first_argument = static_cast<uint32_t>(arguments_.size()),
                       .sort = sort});
    return;
  }
  if (head.is(TokenKind::LeftParen)) {
    if (!reader_.next().is_symbol("_")) reader_.fail_expected("'_'");
    frame = indexed_head_frame(position);
  } else if (head.is(TokenKind::Symbol)) {
    frame = head_frame(head, environment_.terms().find(head.text), position);
  } else {
    reader_.fail_expected("a function symbol");
  }
  const smt::Sort sort = sorts_.parse();
  reader_.expect_right_paren();
  frames_.push_back({.kind = FrameKind::SortCheck, .position = position, .sort = sort});
  frames_.push_back(frame);
}

// After "(_" in term position: only (_ bvN W) is a constant.
Term TermParser::indexed_constant(Position position) {
  const Token& name = reader_.next();
  if (!name.is(TokenKind::Symbol)) reader_.fail_expected("an indexed identifier");
  if (!is_bv_constant_name(name.text)) {
    const TermSymbol* symbol = environment_.terms().find(name.text);
    if (symbol && symbol->kind == TermSymbol::Kind::Operator) {
      throw Error(name.position, in_quotes(name.text) + " is a function and needs arguments");
    }
    throw Error(name.position, "unknown indexed identifier " + in_quotes(name.text));
  }
  const std::string digits(name.text.substr(2));
  const Position name_position = name.position;
  if (digits.size() > 1 && digits[0] == '0') {
    throw Error(name_position, "invalid numeral in 'bv" + shortened_numeral(digits) +
                                   "' (a numeral other than 0 has no leading zeros)");
  }
  const uint32_t width = reader_.expect_index("the width of the bit-vector constant");
  reader_.expect_right_paren();
  try {
    smt::Sort::bitvec(width);
  } catch (const smt::SortError& error) {
    throw Error(position, error.what());
  }
  if (!fits_in_bits(digits, width)) {
    throw Error(name_position, shortened_numeral(digits) + " does not fit in " + counted(width, "bit", "bits") +
                                   " (the value of (_ bvN " + std::to_string(width) + ") is below 2^" +
                                   std::to_string(width) + ")");
  }
  return terms_.mk_bv(bv::BitVector::from_decimal(width, digits));
}

Term TermParser::close() {
  const Frame frame = frames_.back();
  frames_.pop_back();
  const std::span<const Term> arguments(arguments_.data() + frame.first_argument,
                                        arguments_.size() - frame.first_argument);
  Term term;
  try {
    term = apply(frame, arguments);
  } catch (const smt::SortError& error) {
    throw Error(frame.position, error.what());
  }
  arguments_.resize(frame.first_argument);
  return term;
}

// Chainable operators (=) and right-associative ones (=>) are binary in
// the term layer; their longer applications (SMT-LIB 2.6, section 3.6)
// become conjunctions of links and nested applications.
Term TermParser::apply(const Frame& frame, std::span<const Term> arguments) {
  if (frame.head == HeadKind::Macro) return expand(frame, arguments);
  if (frame.head == HeadKind::Function) {
    std::vector<Term> children{frame.function};
    children.insert(children.end(), arguments.begin(), arguments.end());
    return terms_.mk_term(smt::Kind::Apply, children);
  }
  // (and t) and (or t) are t: outside the standard's rank, but Z3, cvc5
  // and Yices accept them and generated scripts use them.
  if ((frame.op == smt::Kind::And || frame.op == smt::Kind::Or) && frame.head == HeadKind::Operator &&
      arguments.size() == 1 && arguments[0].sort().is_bool()) {
    return arguments[0];
  }
  if (frame.head == HeadKind::ConstArray) {
    if (arguments.size() != 1) {
      throw smt::SortError("a constant array takes 1 argument, got " + std::to_string(arguments.size()));
    }
    return terms_.mk_const_array(frame.sort, arguments[0]);
  }
  if (frame.head != HeadKind::Operator && arguments.size() < 2) {
    throw smt::SortError(in_quotes(smt::op_info(frame.op).name) + " takes at least 2 arguments, got " +
                         std::to_string(arguments.size()));
  }
  if (frame.head == HeadKind::Chainable && arguments.size() > 2) {
    std::vector<Term> links;
    for (size_t i = 0; i + 1 < arguments.size(); ++i) {
      links.push_back(terms_.mk_term(frame.op, {arguments[i], arguments[i + 1]}));
    }
    return terms_.mk_term(smt::Kind::And, links);
  }
  if (frame.head == HeadKind::RightAssociative && arguments.size() > 2) {
    Term result = arguments.back();
    for (size_t i = arguments.size() - 1; i-- > 0;) result = terms_.mk_term(frame.op, {arguments[i], result});
    return result;
  }
  return terms_.mk_term(frame.op, arguments, std::span<const uint32_t>(frame.indices.data(), frame.num_indices));
}

Term TermParser::expand(const Frame& frame, std::span<const Term> arguments) {
  const Macro& macro = *frame.macro;
  if (arguments.size() != macro.parameters.size()) {
    throw smt::SortError(in_quotes(macro.name) + " takes " + counted(macro.parameters.size(), "argument", "arguments") +
                         ", got " + std::to_string(arguments.size()));
  }
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i].sort() != macro.parameters[i].sort()) {
      throw smt::SortError("argument " + std::to_string(i + 1) + " of " + in_quotes(macro.name) + " must have sort " +
                           macro.parameters[i].sort().to_string() + ", got " + arguments[i].sort().to_string());
    }
  }
  smt::TermMap<Term> parameters, cache;
  for (size_t i = 0; i < arguments.size(); ++i) parameters.set(macro.parameters[i], arguments[i]);
  return smt::substitute(terms_, macro.body, parameters, cache);
}

Term TermParser::atom(const Token& token) {
  switch (token.kind) {
    case TokenKind::Symbol: {
      if (reserved_word(token)) throw Error(token.position, "unexpected reserved word " + in_quotes(token.text));
      const TermSymbol* symbol = environment_.terms().find(token.text);
      if (!symbol) throw Error(token.position, "unknown constant " + in_quotes(token.text));
      switch (symbol->kind) {
        case TermSymbol::Kind::Constant:
          if (symbol->term.sort().is_function()) {
            throw Error(token.position, in_quotes(token.text) + " takes " +
                                            counted(symbol->term.sort().function_domain().size(), "argument", "arguments"));
          }
          return symbol->term;
        case TermSymbol::Kind::Defined:
        case TermSymbol::Kind::Named: return symbol->term;
        case TermSymbol::Kind::Macro:
          throw Error(token.position, in_quotes(token.text) + " takes " +
                                          counted(symbol->macro->parameters.size(), "argument", "arguments"));
        case TermSymbol::Kind::Operator:
          throw Error(token.position, in_quotes(token.text) + " is a function and needs arguments");
        case TermSymbol::Kind::Rejected:
          throw Error(token.position, rejected_declaration(token.text, symbol->rejected_at));
      }
      break;
    }
    case TokenKind::Binary:
    case TokenKind::Hexadecimal:
      try {
        const std::string_view digits = token.text.substr(2);
        return terms_.mk_bv(token.is(TokenKind::Binary) ? bv::BitVector::from_binary(digits)
                                                        : bv::BitVector::from_hex(digits));
      } catch (const smt::SortError& error) {
        throw Error(token.position, error.what());
      }
    case TokenKind::Numeral:
    case TokenKind::Decimal:
      throw Error(token.position, describe(token) +
                                      " is not a term of QF_BV (bit-vector constants are written "
                                      "#b..., #x... or (_ bvN W))");
    default: break;
  }
  // Among the arguments of an application, ')' would have done too (the
  // usual case at the end of a truncated input).
  const bool among_arguments = !frames_.empty() && frames_.back().kind == FrameKind::Apply;
  reader_.fail_expected(among_arguments ? "a term or ')'" : "a term");
}

// Hands a finished subterm to the frames below; returns true when it was
// the whole term.
bool TermParser::deliver(Term& term) {
  for (;;) {
    if (frames_.empty()) return true;
    Frame& frame = frames_.back();
    switch (frame.kind) {
      case FrameKind::Apply: arguments_.push_back(term); return false;
      case FrameKind::LetBindings:
        arguments_.push_back(term);
        reader_.expect_right_paren();
        if (!next_binding()) begin_let_body(frame);
        return false;
      case FrameKind::LetBody:
        reader_.expect_right_paren();
        end_let_body(frame);
        break;
      case FrameKind::Annotated: read_attributes(term); break;
      case FrameKind::Qualified: {
        const smt::Sort sort = sorts_.parse();
        reader_.expect_right_paren();
        frame.sort = sort;
        [[fallthrough]];
      }
      case FrameKind::SortCheck:
        if (term.sort() != frame.sort) {
          throw Error(frame.position,
                      "the term has sort " + term.sort().to_string() + ", not " + frame.sort.to_string());
        }
        break;
    }
    frames_.pop_back();
  }
}

// After '(' of a let or ')' of a binding: starts the next binding (true)
// or ends the list (false).
bool TermParser::next_binding() {
  const Token& token = reader_.next();
  if (token.is(TokenKind::RightParen)) return false;
  if (!token.is(TokenKind::LeftParen)) reader_.fail_expected("'(' or ')'");
  let_names_.push_back(reader_.expect_new_symbol("a variable name"));
  let_positions_.push_back(reader_.current().position);
  return true;
}

// Bindings are parallel: all values were read before any name is visible.
void TermParser::begin_let_body(Frame& frame) {
  const std::span<const std::string> names(let_names_.data() + frame.first_name, let_names_.size() - frame.first_name);
  std::unordered_set<std::string_view> seen;
  for (size_t i = 0; i < names.size(); ++i) {
    if (!seen.insert(names[i]).second) {
      throw Error(let_positions_[frame.first_name + i], in_quotes(names[i]) + " is bound twice in the same let");
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const Term value = arguments_[frame.first_argument + i];
    environment_.terms().shadow(names[i], {.kind = TermSymbol::Kind::Defined, .term = value});
  }
  arguments_.resize(frame.first_argument);
  frame.kind = FrameKind::LetBody;
}

void TermParser::end_let_body(const Frame& frame) {
  for (size_t i = let_names_.size(); i-- > frame.first_name;) environment_.terms().unshadow(let_names_[i]);
  let_names_.resize(frame.first_name);
  let_positions_.resize(frame.first_name);
}

// After the term of (! t ...): attributes up to ')'.  Only :named means
// something; the values of others (:pattern, :weight, ...) are skipped.
void TermParser::read_attributes(Term term) {
  const bool whole_term = frames_.size() == 1;
  const Token* token = &reader_.next();
  if (token->is(TokenKind::RightParen)) throw Error(token->position, "expected an attribute such as :named, got ')'");
  while (!token->is(TokenKind::RightParen)) {
    if (!token->is(TokenKind::Keyword)) reader_.fail_expected("an attribute or ')'");
    if (token->text == ":named") {
      const Token& name = reader_.next();
      if (!name.is(TokenKind::Symbol)) reader_.fail_expected("a symbol after :named");
      name_term(name, term);
      if (whole_term) top_name_ = name.text;
      token = &reader_.next();
      continue;
    }
    token = &reader_.next();
    if (token->is(TokenKind::Keyword) || token->is(TokenKind::RightParen)) continue;
    reader_.skip_sexpr();
    token = &reader_.next();
  }
}

void TermParser::name_term(const Token& name, Term term) {
  if (!names_allowed_) throw Error(name.position, ":named is not allowed in the body of a function with parameters");
  require_declarable(name);
  if (const TermSymbol* existing = environment_.terms().find(name.text)) {
    throw Error(name.position, already_declared(name.text, *existing));
  }
  environment_.declare_term(name.text, {.kind = TermSymbol::Kind::Named, .term = term});
}

void TermParser::unwind() {
  for (size_t i = frames_.size(); i-- > 0;) {
    if (frames_[i].kind == FrameKind::LetBody) {
      end_let_body(frames_[i]);
    } else if (frames_[i].kind == FrameKind::LetBindings) {
      // Names of a let whose bindings were still being read are not bound
      // yet: drop them, or an enclosing let would unbind them.
      let_names_.resize(frames_[i].first_name);
      let_positions_.resize(frames_[i].first_name);
    }
  }
  frames_.clear();
}

}  // namespace wang::smtlib
