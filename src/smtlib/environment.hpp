// What names mean: the two namespaces of SMT-LIB (terms and sorts) with
// the theory symbols pre-bound, and the assertion-stack levels of both.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "smtlib/scoped_table.hpp"
#include "smtlib/token.hpp"
#include "wang/smt.hpp"

namespace wang::smtlib {

// A function defined with parameters (define-fun f ((x S) ...) T body): the
// body is over fresh constants standing for the parameters, and each use
// substitutes the arguments for them.
struct Macro {
  std::string name;
  std::vector<smt::Term> parameters;
  smt::Term body;
};

struct TermSymbol {
  enum class Kind : uint8_t {
    Constant,  // declare-fun / declare-const: part of the model
    Defined,   // define-fun without parameters, let, parameters, true/false
    Named,     // (! t :named n): for get-assignment
    Macro,
    Operator,
    Rejected,  // declared by a command that was rejected: unusable
  };
  Kind kind;
  smt::Term term{};                      // Constant, Defined, Named
  std::shared_ptr<const Macro> macro{};  // Macro
  const smt::OpInfo* op = nullptr;       // Operator
  Position rejected_at{};                // Rejected: where the declaring command starts
  bool predefined = false;               // a symbol of the theories
};

// A sort, or (while a define-sort body is read) the index of a parameter,
// or an array sort over such values.
struct SortValue {
  int32_t parameter = -1;
  smt::Sort sort = smt::Sort::boolean();
  // (Array I E) where I or E mentions a parameter: the two of them.
  std::vector<SortValue> array_arguments{};
  bool is_sort() const { return parameter < 0 && array_arguments.empty(); }
};

// `value` with `arguments` for the parameters it mentions.
SortValue instantiate(const SortValue& value, std::span<const SortValue> arguments);
// (Array index element), a sort when both are.
SortValue array_of(SortValue index, SortValue element);

// A sort symbol with `arity` parameters: the constructor Array, or a sort
// that define-sort or declare-sort made.  Since Array is the only
// constructor that takes sorts, a defined sort stands for a value over
// its parameters.
struct SortSymbol {
  uint32_t arity = 0;
  SortValue value;
  bool is_array = false;
  // Declared by a command that was rejected (where it starts): unusable.
  std::optional<Position> rejected_at{};
};

// The error for a use of `name`, whose declaration at `declared_at` was
// rejected.
std::string rejected_declaration(std::string_view name, Position declared_at);
// The error for declaring `name` again while it is bound to `existing`.
std::string already_declared(std::string_view name, const TermSymbol& existing);

class Environment {
 public:
  // Binds the theory symbols; true and false become terms of `terms`.
  explicit Environment(smt::TermManager& terms);

  ScopedTable<TermSymbol>& terms() { return terms_; }
  ScopedTable<SortSymbol>& sorts() { return sorts_; }

  // Declarations made while this is set survive pop and reset-assertions.
  void set_global(bool global) { global_ = global; }

  // Under a logic without bit-vectors (QF_BOOL), its name; else "".  Sorts
  // and terms of bit-vectors are then errors.
  void set_logic_without_bitvectors(std::string logic) { logic_without_bitvectors_ = std::move(logic); }
  // Throws Error at `position` when `sort` is a bit-vector sort that the
  // logic leaves out.
  void require_in_logic(smt::Sort sort, Position position, std::string_view what) const;
  void declare_term(std::string_view name, TermSymbol symbol) { terms_.declare(name, std::move(symbol), global_); }
  void declare_sort(std::string_view name, SortSymbol symbol) { sorts_.declare(name, symbol, global_); }

  struct Mark {
    size_t terms;
    size_t sorts;
  };
  Mark mark() const { return {terms_.mark(), sorts_.mark()}; }
  void undo_to(Mark mark);

  void push(uint32_t levels);
  // The caller checks that `levels` are open.
  void pop(uint32_t levels);
  uint32_t num_levels() const { return static_cast<uint32_t>(levels_.size()); }
  // Back to level 0 without any non-global declaration.
  void reset_assertions();

 private:
  ScopedTable<TermSymbol> terms_;
  ScopedTable<SortSymbol> sorts_;
  std::vector<Mark> levels_;
  bool global_ = false;
  std::string logic_without_bitvectors_;
};

}  // namespace wang::smtlib
