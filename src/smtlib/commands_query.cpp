// What a check leaves to ask about: get-model, get-value, get-assignment,
// get-assertions, get-unsat-core, get-unsat-assumptions.
#include <deque>
#include <unordered_set>

#include "smtlib/interpreter.hpp"
#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

std::string parenthesized(const std::vector<std::string>& items, std::string_view separator) {
  std::string text = "(";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += separator;
    text += items[i];
  }
  return text + ")";
}

}  // namespace

// The standard's preconditions: the option was enabled, and the last
// check-sat answered `status` with no change to the assertion stack since.
//
// After unknown the standard allows get-model, get-value and get-assignment
// with a model that need not satisfy the assertions; wang refuses them (see
// docs/smtlib.md, "Deliberate deviations"): the SAT core holds no complete
// assignment after a stop, and after a rejected command the one it has
// satisfies another problem than the script's.  A model wang prints is
// always one it has checked.
void Interpreter::require(bool enabled, std::string_view option, Status status) {
  if (!enabled) throw Error(command_position_, command_name_ + " needs (set-option " + std::string(option) + " true)");
  if (status == Status::sat && status_ == Status::unknown) {
    throw Error(command_position_,
                command_name_ + " is not available after unknown: wang shows only models it has checked");
  }
  if (status != Status::none && status_ != status) {
    throw Error(command_position_, command_name_ + " is only available right after check-sat answered " +
                                       (status == Status::sat ? "sat" : "unsat"));
  }
}

void Interpreter::get_model() {
  finish();
  require(options_.produce_models, ":produce-models", Status::sat);
  std::vector<ModelEntry> entries;
  std::deque<smt::Solver::FunctionInterpretation> functions;
  environment_->terms().for_each_declaration([&](const std::string& name, const TermSymbol& symbol) {
    if (symbol.kind != TermSymbol::Kind::Constant) return;
    if (symbol.term.sort().is_function()) {
      functions.push_back(solver_->get_function_value(symbol.term));
      entries.push_back({.name = name, .sort = symbol.term.sort(), .function = &functions.back()});
    } else {
      entries.push_back({.name = name, .sort = symbol.term.sort(), .value = solver_->get_value(symbol.term)});
    }
  });
  print_model(channels_.regular(), entries);
  printed_ = true;
}

void Interpreter::get_value() {
  const std::vector<ParsedTerm> terms = parse_term_list();
  finish();
  require(options_.produce_models, ":produce-models", Status::sat);
  std::vector<ValuePair> pairs;
  for (const ParsedTerm& parsed : terms) pairs.push_back({parsed.text, solver_->get_value(parsed.term)});
  print_values(channels_.regular(), pairs);
  printed_ = true;
}

void Interpreter::get_assignment() {
  finish();
  require(options_.produce_assignments, ":produce-assignments", Status::sat);
  std::vector<std::string> names;
  std::vector<ValuePair> pairs;
  environment_->terms().for_each_declaration([&](const std::string& name, const TermSymbol& symbol) {
    if (symbol.kind == TermSymbol::Kind::Named && symbol.term.sort().is_bool()) {
      names.push_back(quote_symbol(name));
      pairs.push_back({{}, solver_->get_value(symbol.term)});
    }
  });
  for (size_t i = 0; i < pairs.size(); ++i) pairs[i].text = names[i];
  print_values(channels_.regular(), pairs);
  printed_ = true;
}

void Interpreter::get_assertions() {
  finish();
  require(options_.produce_assertions, ":produce-assertions", Status::none);
  std::vector<std::string> texts;
  for (const Assertion& assertion : assertions_) texts.push_back(assertion.text);
  respond(parenthesized(texts, "\n "));
}

void Interpreter::get_unsat_core() {
  finish();
  require(options_.produce_unsat_cores, ":produce-unsat-cores", Status::unsat);
  const std::unordered_set<smt::Term, smt::TermHash> failed(failed_.begin(), failed_.end());
  std::vector<std::string> names;
  for (const Assertion& assertion : assertions_) {
    if (assertion.selector && failed.contains(assertion.selector)) names.push_back(quote_symbol(assertion.name));
  }
  respond(parenthesized(names, " "));
}

void Interpreter::get_unsat_assumptions() {
  finish();
  require(options_.produce_unsat_assumptions, ":produce-unsat-assumptions", Status::unsat);
  const std::unordered_set<smt::Term, smt::TermHash> failed(failed_.begin(), failed_.end());
  std::vector<std::string> texts;
  for (const Assumption& assumption : assumptions_) {
    if (failed.contains(assumption.term)) texts.push_back(assumption.text);
  }
  respond(parenthesized(texts, " "));
}

}  // namespace wang::smtlib
