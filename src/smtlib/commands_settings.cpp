// set-logic, set-option, get-option, set-info, get-info, echo, exit.
#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "smtlib/interpreter.hpp"
#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

// Logics whose every symbol wang knows: the core theory, bit-vectors,
// arrays, uninterpreted functions and sorts, without quantifiers.
constexpr std::string_view kLogics[] = {"QF_BV",  "QF_ABV", "QF_UFBV", "QF_AUFBV", "QF_BOOL",
                                        "QF_CORE", "QF_UF", "QF_AX",   "ALL"};

bool is_supported_logic(std::string_view logic) { return std::ranges::find(kLogics, logic) != std::end(kLogics); }

bool has_bitvectors(std::string_view logic) { return logic.ends_with("BV") || logic == "ALL"; }

std::string keyword_of(Reader& reader, std::string_view what) {
  if (!reader.next().is(TokenKind::Keyword)) reader.fail_expected(what);
  return std::string(reader.current().text);
}

}  // namespace

void Interpreter::set_logic() {
  const std::string logic = reader_->expect_symbol("a logic name");
  finish();
  if (logic_set_) throw Error(command_position_, "the logic is already set");
  if (!is_supported_logic(logic)) {
    // No effect, as for any unsupported command: a later set-logic may
    // still choose a logic wang decides.
    unsupported("logic " + logic + " is not supported: wang decides QF_BV, QF_ABV, QF_UFBV, QF_AUFBV, QF_UF, QF_AX and ALL");
    rejected();
    return;
  }
  logic_set_ = true;
  fidelity_.logic_set();
  if (!has_bitvectors(logic)) environment_->set_logic_without_bitvectors(logic);
  success();
}

void Interpreter::set_option() {
  const std::string keyword = keyword_of(*reader_, "an option keyword");
  // Rejected, this one leaves declarations in other scopes than the script's.
  if (keyword == ":global-declarations") command_name_ += " " + keyword;
  const OptionSpec* spec = find_option(keyword);
  const Token& value = reader_->next();
  if (value.is(TokenKind::RightParen)) reader_->fail_expected("a value for " + keyword);
  if (!spec) {
    reader_->skip_sexpr();
    finish();
    // Scripts routinely set other solvers' options; the standard's answer
    // says enough, and a diagnostic would break SMT-COMP's empty-stderr rule.
    respond("unsupported");
    return;
  }
  if (apply_option(*spec, value)) success();
}

// Start-mode options fix how the session works (what is recorded for
// models, cores and assertions, how declarations are scoped, the SAT
// core's seed): they cannot change once it has begun.
void Interpreter::require_start_mode(const OptionSpec& spec) const {
  if (spec.start_mode && !start_mode_) {
    throw Error(command_position_, std::string(spec.keyword) +
                                       " can only be set in start mode, before the first command that declares, "
                                       "defines, asserts, pushes, pops or checks");
  }
}

// `value` is the option's value token, just read.  False when the value is
// not supported (and answered so).
bool Interpreter::apply_option(const OptionSpec& spec, const Token& value) {
  const std::string keyword(spec.keyword);
  if (spec.flag) {
    if (!value.is_symbol("true") && !value.is_symbol("false")) reader_->fail_expected("true or false");
    const bool enabled = value.text == "true";
    finish();
    require_start_mode(spec);
    if (spec.only_default && enabled != Options{}.*spec.flag) {
      unsupported(keyword + (enabled ? " true" : " false") + " is not supported");
      return false;
    }
    if (spec.flag == &Options::global_declarations) environment_->set_global(enabled);
    options_.*spec.flag = enabled;
  } else if (spec.number) {
    if (!value.is(TokenKind::Numeral)) reader_->fail_expected("a numeral");
    int64_t number = 0;
    const auto [end, error] = std::from_chars(value.text.data(), value.text.data() + value.text.size(), number);
    if (error != std::errc()) throw Error(value.position, "the value of " + keyword + " is too large");
    const Position position = value.position;
    finish();
    require_start_mode(spec);
    if (spec.number == &Options::random_seed) {
      try {
        solver_->set_sat_option("seed", number);
      } catch (const std::out_of_range& refused) {
        throw Error(position, keyword + ": " + refused.what());
      }
    }
    options_.*spec.number = number;
    if (spec.number == &Options::reproducible_resource_limit) solver_->set_limits(check_limits());
  } else {
    if (!value.is(TokenKind::String) && !value.is(TokenKind::Symbol)) reader_->fail_expected("a string");
    const std::string channel(value.text);
    const Position position = value.position;
    finish();
    const bool opened = spec.text == &Options::regular_output_channel ? channels_.set_regular(channel)
                                                                      : channels_.set_diagnostic(channel);
    if (!opened) throw Error(position, "cannot open " + quote_string(channel) + " for writing");
    options_.*spec.text = channel;
  }
  return true;
}

void Interpreter::get_option() {
  const std::string keyword = keyword_of(*reader_, "an option keyword");
  finish();
  const OptionSpec* spec = find_option(keyword);
  if (!spec) {
    respond("unsupported");
    return;
  }
  respond(option_value(options_, *spec));
}

void Interpreter::set_info() {
  const std::string keyword = keyword_of(*reader_, "an info keyword");
  const Token& value = reader_->next();
  const bool status = value.is(TokenKind::Symbol) &&
                      (value.text == "sat" || value.text == "unsat" || value.text == "unknown");
  if (keyword == ":status" && !status) reader_->fail_expected("sat, unsat or unknown");
  if (!value.is(TokenKind::RightParen)) {
    reader_->skip_sexpr();
    finish();
  }
  success();
}

void Interpreter::get_info() {
  const std::string keyword = keyword_of(*reader_, "an info keyword");
  finish();
  if (keyword == ":name") return respond("(:name \"wang\")");
  if (keyword == ":version") return respond("(:version " + quote_string(config_.version) + ")");
  if (keyword == ":authors") return respond("(:authors \"the wang developers\")");
  if (keyword == ":error-behavior") return respond("(:error-behavior continued-execution)");
  if (keyword == ":assertion-stack-levels") {
    return respond("(:assertion-stack-levels " + std::to_string(levels_.size()) + ")");
  }
  if (keyword == ":reason-unknown") {
    if (reason_unknown_.empty()) throw Error(command_position_, "the last check-sat did not answer unknown");
    return respond("(:reason-unknown " + reason_unknown_ + ")");
  }
  if (keyword == ":all-statistics") {
    print_statistics(channels_.regular(), solver_->statistics());
    printed_ = true;
    return;
  }
  unsupported("info flag " + keyword + " is not supported");
}

void Interpreter::echo() {
  if (!reader_->next().is(TokenKind::String)) reader_->fail_expected("a string literal");
  const std::string text(reader_->current().text);
  finish();
  respond(quote_string(text));
}

void Interpreter::exit() {
  finish();
  success();
  exited_ = true;
}

}  // namespace wang::smtlib
