// declare-fun, declare-const, define-fun, define-const, define-sort.
#include <algorithm>
#include <unordered_set>

#include "smtlib/interpreter.hpp"
#include "smtlib/printing.hpp"
#include "smtlib/reserved_words.hpp"
#include "smtlib/sort_parser.hpp"

namespace wang::smtlib {

namespace {

// Local names (parameters) shadowing a table for the extent of one command,
// removed again however the command ends.
template <class Value>
class Shadowing {
 public:
  explicit Shadowing(ScopedTable<Value>& table) : table_(table) {}
  Shadowing(const Shadowing&) = delete;
  Shadowing& operator=(const Shadowing&) = delete;
  ~Shadowing() {
    for (size_t i = names_.size(); i-- > 0;) table_.unshadow(names_[i]);
  }
  void add(const std::string& name, Value value) {
    table_.shadow(name, std::move(value));
    names_.push_back(name);
  }

 private:
  ScopedTable<Value>& table_;
  std::vector<std::string> names_;
};

void check_distinct(std::unordered_set<std::string>& seen, const std::string& name, Position position) {
  if (!seen.insert(name).second) throw Error(position, "parameter " + in_quotes(name) + " is declared twice");
}

}  // namespace

Interpreter::NewName Interpreter::fresh_name(std::string_view what) {
  const std::string name = reader_->expect_new_symbol(what);
  const Position position = reader_->current().position;
  if (const TermSymbol* existing = environment_->terms().find(name))
    throw Error(position, already_declared(name, *existing));
  declaring_ = NewName{name, position};
  declaring_sort_ = false;
  return *declaring_;
}

// Checked again: a :named in the command itself may have taken the name.
void Interpreter::bind(const NewName& name, TermSymbol symbol) {
  if (const TermSymbol* existing = environment_->terms().find(name.name)) {
    throw Error(name.position, already_declared(name.name, *existing));
  }
  environment_->declare_term(name.name, std::move(symbol));
  declaring_.reset();
  declared();
  success();
}

// With arguments, an uninterpreted function.  Its arguments may not be
// arrays: the lemmas that keep functions congruent compare arguments by
// their bits, which arrays do not have.
void Interpreter::declare_fun() {
  const NewName name = fresh_name("a function name");
  reader_->expect_left_paren();
  std::vector<smt::Sort> domain;
  for (const Token* token = &reader_->next(); !token->is(TokenKind::RightParen); token = &reader_->next()) {
    domain.push_back(parse_sort(token));
  }
  const smt::Sort codomain = parse_sort();
  finish();
  if (std::ranges::any_of(domain, [](const smt::Sort& sort) { return sort.is_array(); })) {
    unsupported("declare-fun " + in_quotes(name.name) + ": arguments of array sort are not supported");
    rejected();
    return;
  }
  if (refuse_nested_arrays(name, codomain)) return;
  const smt::Sort sort = domain.empty() ? codomain : smt::Sort::function(std::move(domain), codomain);
  bind(name, {.kind = TermSymbol::Kind::Constant, .term = terms_->mk_const(sort, name.name)});
}

// (declare-sort S 0): a sort of its own, decided by a finite encoding (a
// quantifier-free formula with n terms of S has a model with at most n
// elements).  Sorts with parameters are not supported.
void Interpreter::declare_sort() {
  const std::string name = reader_->expect_new_symbol("a sort name");
  const Position position = reader_->current().position;
  if (environment_->sorts().find(name)) throw Error(position, "sort " + in_quotes(name) + " is already declared");
  declaring_ = NewName{name, position};
  declaring_sort_ = true;
  const uint32_t arity = reader_->expect_index("the arity of the sort");
  finish();
  if (arity > 0) {
    unsupported("declare-sort " + in_quotes(name) + ": sorts with parameters are not supported");
    rejected();
    return;
  }
  environment_->declare_sort(name, {.value = {.sort = smt::Sort::uninterpreted(name)}});
  declaring_.reset();
  declared();
  success();
}

// Arrays whose elements are arrays: the lemmas on demand read elements as
// bits, which an array does not have.
bool Interpreter::refuse_nested_arrays(const NewName& name, smt::Sort sort) {
  if (!sort.is_array() || !sort.array_element().is_array()) return false;
  unsupported(in_quotes(name.name) + ": arrays whose elements are arrays are not supported");
  rejected();
  return true;
}

void Interpreter::declare_const() {
  const NewName name = fresh_name("a constant name");
  const smt::Sort sort = parse_sort();
  finish();
  if (refuse_nested_arrays(name, sort)) return;
  bind(name, {.kind = TermSymbol::Kind::Constant, .term = terms_->mk_const(sort, name.name)});
}

void Interpreter::check_body(const NewName& name, smt::Sort sort, const ParsedTerm& body) {
  if (body.term.sort() != sort) {
    throw Error(body.position, in_quotes(name.name) + " is declared with sort " + sort.to_string() +
                                   " but its definition has sort " + body.term.sort().to_string());
  }
}

void Interpreter::define_const() {
  const NewName name = fresh_name("a constant name");
  const smt::Sort sort = parse_sort();
  const ParsedTerm value = parse_term(false);
  finish();
  check_body(name, sort, value);
  bind(name, {.kind = TermSymbol::Kind::Defined, .term = value.term});
}

// With parameters, the function is a macro over fresh constants that
// stand for them; each application substitutes its arguments.
void Interpreter::define_fun() {
  const NewName name = fresh_name("a function name");
  reader_->expect_left_paren();
  Shadowing<TermSymbol> scope(environment_->terms());
  std::unordered_set<std::string> seen;
  auto macro = std::make_shared<Macro>();
  macro->name = name.name;
  for (const Token* token = &reader_->next(); !token->is(TokenKind::RightParen); token = &reader_->next()) {
    if (!token->is(TokenKind::LeftParen)) reader_->fail_expected("'(' or ')'");
    const std::string parameter = reader_->expect_new_symbol("a parameter name");
    check_distinct(seen, parameter, reader_->current().position);
    const smt::Sort sort = parse_sort();
    reader_->expect_right_paren();
    macro->parameters.push_back(terms_->mk_const(sort, parameter));
    scope.add(parameter, {.kind = TermSymbol::Kind::Defined, .term = macro->parameters.back()});
  }
  const smt::Sort sort = parse_sort();
  SortParser sorts(*environment_, *reader_);
  TermParser parser(*terms_, *environment_, *reader_, sorts);
  parser.set_names_allowed(macro->parameters.empty());
  const ParsedTerm body = parser.parse();
  finish();
  check_body(name, sort, body);
  if (macro->parameters.empty()) {
    bind(name, {.kind = TermSymbol::Kind::Defined, .term = body.term});
    return;
  }
  macro->body = body.term;
  bind(name, {.kind = TermSymbol::Kind::Macro, .macro = std::move(macro)});
}

void Interpreter::define_sort() {
  const std::string name = reader_->expect_new_symbol("a sort name");
  if (environment_->sorts().find(name)) {
    throw Error(reader_->current().position, "sort " + in_quotes(name) + " is already declared");
  }
  declaring_ = NewName{name, reader_->current().position};
  declaring_sort_ = true;
  reader_->expect_left_paren();
  Shadowing<SortSymbol> scope(environment_->sorts());
  std::unordered_set<std::string> seen;
  int32_t arity = 0;
  for (const Token* token = &reader_->next(); !token->is(TokenKind::RightParen); token = &reader_->next()) {
    if (!token->is(TokenKind::Symbol)) reader_->fail_expected("a sort parameter or ')'");
    require_declarable(*token);
    const std::string parameter(token->text);
    check_distinct(seen, parameter, token->position);
    scope.add(parameter, {.value = {.parameter = arity++}});
  }
  const SortValue value = SortParser(*environment_, *reader_).parse_value();
  finish();
  environment_->declare_sort(name, {.arity = static_cast<uint32_t>(arity), .value = value});
  declaring_.reset();
  declared();
  success();
}

// define-fun-rec names what it declares first; the names of the others
// are left unread (see effect_of_rejecting()).
void Interpreter::unsupported_command() {
  if (command_name_ == "define-fun-rec") {
    const Token& name = reader_->next();
    if (name.is(TokenKind::Symbol)) {
      declaring_ = NewName{std::string(name.text), name.position};
      declaring_sort_ = false;
    }
  }
  reader_->skip_to_depth(0);
  unsupported(in_quotes(command_name_) + " is not supported");
  rejected();
}

}  // namespace wang::smtlib
