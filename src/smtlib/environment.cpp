#include "smtlib/environment.hpp"

#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

constexpr smt::Kind kOperators[] = {
#define OP(kind, name, min_arity, max_arity, indices, arguments, result, attributes) smt::Kind::kind,
#include "wang/smt_ops.def"
#undef OP
};

}  // namespace

Environment::Environment(smt::TermManager& terms) {
  for (smt::Kind kind : kOperators) {
    const smt::OpInfo& info = smt::op_info(kind);
    if (!info.has(smt::kInternal)) {
      terms_.shadow(info.name, {.kind = TermSymbol::Kind::Operator, .op = &info, .predefined = true});
    }
  }
  terms_.shadow("true", {.kind = TermSymbol::Kind::Defined, .term = terms.mk_bool(true), .predefined = true});
  terms_.shadow("false", {.kind = TermSymbol::Kind::Defined, .term = terms.mk_bool(false), .predefined = true});
  sorts_.shadow("Bool", {});
  sorts_.shadow("Array", {.arity = 2, .is_array = true});
}

SortValue instantiate(const SortValue& value, std::span<const SortValue> arguments) {
  if (value.parameter >= 0) return arguments[value.parameter];
  if (value.array_arguments.empty()) return value;
  return array_of(instantiate(value.array_arguments[0], arguments), instantiate(value.array_arguments[1], arguments));
}

SortValue array_of(SortValue index, SortValue element) {
  if (index.is_sort() && element.is_sort()) return {.sort = smt::Sort::array(index.sort, element.sort)};
  return {.array_arguments = {std::move(index), std::move(element)}};
}

namespace {

std::string rejected_command_at(Position position) {
  return "the rejected command at line " + std::to_string(position.line) + ", column " +
         std::to_string(position.column);
}

}  // namespace

std::string rejected_declaration(std::string_view name, Position declared_at) {
  return in_quotes(name) + " is unusable: it is declared by " + rejected_command_at(declared_at);
}

std::string already_declared(std::string_view name, const TermSymbol& existing) {
  if (existing.predefined) return in_quotes(name) + " is a predefined symbol";
  if (existing.kind == TermSymbol::Kind::Rejected) {
    return in_quotes(name) + " is already declared, by " + rejected_command_at(existing.rejected_at);
  }
  return in_quotes(name) + " is already declared";
}

void Environment::require_in_logic(smt::Sort sort, Position position, std::string_view what) const {
  if (sort.is_bitvec() && !logic_without_bitvectors_.empty()) {
    throw Error(position, "bit-vector " + std::string(what) + " are not part of the logic " + logic_without_bitvectors_);
  }
}

void Environment::undo_to(Mark mark) {
  terms_.undo_to(mark.terms);
  sorts_.undo_to(mark.sorts);
}

void Environment::push(uint32_t levels) { levels_.insert(levels_.end(), levels, mark()); }

void Environment::pop(uint32_t levels) {
  if (levels == 0) return;
  const Mark mark = levels_[levels_.size() - levels];
  levels_.resize(levels_.size() - levels);
  undo_to(mark);
}

void Environment::reset_assertions() {
  levels_.clear();
  undo_to({0, 0});
}

}  // namespace wang::smtlib
