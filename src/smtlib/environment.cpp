#include "smtlib/environment.hpp"

namespace wang::smtlib {

namespace {

constexpr smt::Kind kOperators[] = {
#define OP(kind, name, min_arity, max_arity, indices, arguments, result, attributes) smt::Kind::kind,
#include "wang/smt_ops.def"
#undef OP
};

}  // namespace

Environment::Environment(smt::TermManager& terms) {
  for (const ReservedWord& word : reserved_words()) {
    terms_.shadow(word.word, {.kind = TermSymbol::Kind::Reserved, .reserved = word.reserved});
  }
  for (smt::Kind kind : kOperators) {
    const smt::OpInfo& info = smt::op_info(kind);
    if (!info.has(smt::kInternal)) terms_.shadow(info.name, {.kind = TermSymbol::Kind::Operator, .op = &info});
  }
  terms_.shadow("true", {.kind = TermSymbol::Kind::Defined, .term = terms.mk_bool(true)});
  terms_.shadow("false", {.kind = TermSymbol::Kind::Defined, .term = terms.mk_bool(false)});
  sorts_.shadow("Bool", {});
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
