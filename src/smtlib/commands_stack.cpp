// The assertion stack: assert, push, pop, reset-assertions, reset.
#include "smtlib/interpreter.hpp"
#include "smtlib/printing.hpp"

namespace wang::smtlib {

void Interpreter::assert_command() {
  const ParsedTerm parsed = parse_term(options_.produce_assertions);
  finish();
  if (!parsed.term.sort().is_bool()) {
    throw Error(parsed.position, "assert expects a Bool term, got " + parsed.term.sort().to_string());
  }
  Assertion assertion{.term = parsed.term, .name = parsed.name, .text = parsed.text};
  if (options_.produce_unsat_cores && !assertion.name.empty()) {
    // The assertion holds while its selector is assumed, so the failed
    // selectors of an unsat check name an unsatisfiable core.
    assertion.selector = terms_->mk_const(smt::Sort::boolean(), "core!" + assertion.name);
    solver_->assert_formula(terms_->mk_term(smt::Kind::Implies, {assertion.selector, assertion.term}));
  } else {
    solver_->assert_formula(assertion.term);
  }
  assertions_.push_back(std::move(assertion));
  state_changed();
  success();
}

namespace {

// Every open level costs a SAT variable and some bookkeeping; without a
// bound, (push 4294967295) would run until the kernel kills the process.
constexpr uint32_t kMaxOpenLevels = 1'000'000;

}  // namespace

// SMT-LIB 2.6 requires the numeral; (push) and (pop) mean one level, as in
// most solvers.  `position` is the numeral's, or the command's without one.
uint32_t Interpreter::optional_levels(Position& position) {
  const Token& token = reader_->next();
  position = token.position;
  if (token.is(TokenKind::RightParen)) {
    position = command_position_;
    return 1;
  }
  if (!token.is(TokenKind::Numeral)) reader_->fail_expected("a numeral");
  const uint32_t levels = reader_->index_value(token);
  finish();
  return levels;
}

void Interpreter::push() {
  Position position;
  const uint32_t levels = optional_levels(position);
  if (levels > kMaxOpenLevels - levels_.size()) {
    throw Error(position, "cannot push " + counted(levels, "level", "levels") + ": at most " +
                              std::to_string(kMaxOpenLevels) + " levels can be open, and " +
                              std::to_string(levels_.size()) + " are");
  }
  solver_->push(levels);
  environment_->push(levels);
  levels_.insert(levels_.end(), levels, assertions_.size());
  state_changed();
  success();
}

void Interpreter::pop() {
  Position position;
  const uint32_t levels = optional_levels(position);
  if (levels > levels_.size()) {
    throw Error(position, "cannot pop " + counted(levels, "level", "levels") + ", only " +
                              std::to_string(levels_.size()) + " pushed");
  }
  solver_->pop(levels);
  environment_->pop(levels);
  if (levels > 0) {  // (pop 0) changes nothing
    assertions_.resize(levels_[levels_.size() - levels]);
    levels_.resize(levels_.size() - levels);
  }
  fidelity_.popped_to(static_cast<uint32_t>(levels_.size()));
  state_changed();
  success();
}

void Interpreter::reset_assertions() {
  finish();
  solver_->reset_assertions();
  environment_->reset_assertions();
  assertions_.clear();
  levels_.clear();
  fidelity_.assertions_reset();
  state_changed();
  success();
}

void Interpreter::reset() {
  finish();
  // Answered as asked before the reset, which restores :print-success too.
  const bool print_success = options_.print_success;
  if (config_.proof || config_.cnf) {
    diagnostic("the proof and the CNF cover the commands before the first (reset) only");
    config_.proof = nullptr;
    config_.cnf = nullptr;
  }
  start_session();
  if (print_success) respond("success");
}

}  // namespace wang::smtlib
