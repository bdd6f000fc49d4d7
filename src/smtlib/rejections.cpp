// What a rejected command leaves behind.  It has no effect of its own, but
// the script goes on as if it had had one: the names it would have declared
// stay taken, so that every later command that needs them is rejected in
// turn, and what it would have done to the assertion stack is recorded, so
// that check-sat prints only answers that stay sound (see fidelity.hpp and
// docs/smtlib.md, "Rejected commands").
#include "smtlib/interpreter.hpp"

namespace wang::smtlib {

namespace {

using Drift = StackFidelity::Drift;
using Extent = StackFidelity::Extent;

struct Effect {
  Drift drift;
  Extent extent;
  bool at_current_level;  // else level 0: only reset-assertions ends it
};

// What rejecting `command` does to the assertion stack, if anything.
// Commands that only query (get-value, echo, check-sat, ...) change
// nothing; declarations change nothing while their names stay taken.
std::optional<Effect> effect_of_rejecting(std::string_view command, bool known_command) {
  // A command wang does not know, or text that is not a command at all,
  // may have been an assertion: its level may lack one.
  if (!known_command) return Effect{Drift::missing, Extent::level, true};
  if (command == "assert" || command == "declare-datatype" || command == "declare-datatypes" ||
      command == "define-funs-rec") {
    return Effect{Drift::missing, Extent::level, true};
  }
  // The script's later pops then remove other levels than it meant.
  if (command == "push") return Effect{Drift::lost, Extent::level, false};
  if (command == "pop" || command == "reset-assertions") return Effect{Drift::surplus, Extent::level, false};
  if (command == "set-logic") return Effect{Drift::missing, Extent::logic, false};
  // Scopes of declarations other than the script's; after a rejected reset
  // or exit, whatever follows answers for a script that was not written.
  if (command == "set-option :global-declarations" || command == "reset" || command == "exit") {
    return Effect{Drift::lost, Extent::session, false};
  }
  return std::nullopt;
}

}  // namespace

std::string Interpreter::location(Position position) const {
  return input_name_ + ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
}

// `named`: the names the command declared before it failed (:named terms).
void Interpreter::rejected(const std::vector<std::string>& named) {
  for (const std::string& name : named) {
    if (!environment_->terms().find(name)) {
      environment_->declare_term(name, {.kind = TermSymbol::Kind::Rejected, .rejected_at = command_position_});
    }
  }
  if (declaring_ && declaring_sort_ && !environment_->sorts().find(declaring_->name)) {
    environment_->declare_sort(declaring_->name, {.value = {}, .rejected_at = command_position_});
  } else if (declaring_ && !declaring_sort_ && !environment_->terms().find(declaring_->name)) {
    environment_->declare_term(declaring_->name,
                               {.kind = TermSymbol::Kind::Rejected, .rejected_at = command_position_});
  }
  declaring_.reset();
  record_rejection();
}

void Interpreter::record_rejection() {
  const std::optional<Effect> effect = effect_of_rejecting(command_name_, known_command_);
  if (!effect) return;
  const uint32_t level = effect->at_current_level ? static_cast<uint32_t>(levels_.size()) : 0;
  fidelity_.record({.command = command_name_.empty() ? "text" : command_name_,
                    .location = location(command_position_),
                    .drift = effect->drift,
                    .extent = effect->extent,
                    .level = level});
}

}  // namespace wang::smtlib
