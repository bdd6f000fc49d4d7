// The command loop: one command at a time, answered (and flushed) before
// the next one is read, errors answered and recovered from.
#include "smtlib/interpreter.hpp"

#include <new>

#include "smtlib/printing.hpp"
#include "smtlib/sort_parser.hpp"

namespace wang::smtlib {

namespace {

// A stop request that arrived while a command was read.
struct ReadingStopped {
  sat::StopReason reason;
};

// The input, with a callback before each read: a long command is where a
// deadline passes while parsing.
class PolledSource final : public CharSource {
 public:
  PolledSource(CharSource& input, std::function<void()> poll) : input_(input), poll_(std::move(poll)) {}
  size_t read(char* buffer, size_t capacity) override {
    poll_();
    return input_.read(buffer, capacity);
  }

 private:
  CharSource& input_;
  std::function<void()> poll_;
};

}  // namespace

Interpreter::Interpreter(InterpreterConfig config, std::ostream& standard_output, std::ostream& standard_error)
    : config_(std::move(config)), channels_(standard_output, standard_error) {
  start_session();
}

Interpreter::~Interpreter() = default;

const std::unordered_map<std::string_view, Interpreter::Handler>& Interpreter::handlers() {
  static const std::unordered_map<std::string_view, Handler> kHandlers = {
      {"assert", &Interpreter::assert_command},
      {"check-sat", &Interpreter::check_sat},
      {"check-sat-assuming", &Interpreter::check_sat_assuming},
      {"declare-const", &Interpreter::declare_const},
      {"declare-fun", &Interpreter::declare_fun},
      {"define-const", &Interpreter::define_const},
      {"define-fun", &Interpreter::define_fun},
      {"define-sort", &Interpreter::define_sort},
      {"echo", &Interpreter::echo},
      {"exit", &Interpreter::exit},
      {"get-assertions", &Interpreter::get_assertions},
      {"get-assignment", &Interpreter::get_assignment},
      {"get-info", &Interpreter::get_info},
      {"get-model", &Interpreter::get_model},
      {"get-option", &Interpreter::get_option},
      {"get-unsat-assumptions", &Interpreter::get_unsat_assumptions},
      {"get-unsat-core", &Interpreter::get_unsat_core},
      {"get-value", &Interpreter::get_value},
      {"pop", &Interpreter::pop},
      {"push", &Interpreter::push},
      {"reset", &Interpreter::reset},
      {"reset-assertions", &Interpreter::reset_assertions},
      {"set-info", &Interpreter::set_info},
      {"set-logic", &Interpreter::set_logic},
      {"set-option", &Interpreter::set_option},
      // Standard commands beyond QF_BV.
      {"declare-datatype", &Interpreter::unsupported_command},
      {"declare-datatypes", &Interpreter::unsupported_command},
      {"declare-sort", &Interpreter::declare_sort},
      {"define-fun-rec", &Interpreter::unsupported_command},
      {"define-funs-rec", &Interpreter::unsupported_command},
      {"get-proof", &Interpreter::unsupported_command},
  };
  return kHandlers;
}

void Interpreter::start_session() {
  solver_.reset();
  environment_.reset();
  terms_ = std::make_unique<smt::TermManager>();
  solver_ = std::make_unique<smt::Solver>(*terms_);
  for (const auto& [name, value] : config_.sat_options) solver_->set_sat_option(name, value);
  for (const auto& [name, value] : config_.word_options) solver_->set_option(name, value);
  for (const std::string& rule : config_.disabled_rules) solver_->disable_rewrite_rule(rule);
  solver_->set_limits(config_.limits);
  if (config_.proof) solver_->trace_proof(*config_.proof, config_.proof_format);
  if (config_.cnf) solver_->dump_cnf(*config_.cnf);
  environment_ = std::make_unique<Environment>(*terms_);
  options_ = Options{};
  options_.produce_models = config_.produce_models;
  channels_.reset();
  logic_set_ = false;
  fidelity_.reset();
  start_mode_ = true;
  assertions_.clear();
  levels_.clear();
  status_ = Status::none;
  assumptions_.clear();
  failed_.clear();
  reason_unknown_.clear();
}

void Interpreter::run(CharSource& input, std::string name) {
  input_name_ = std::move(name);
  PolledSource polled(input, [this] { poll_stop(); });
  Lexer lexer(polled);
  Reader reader(lexer);
  reader_ = &reader;
  exited_ = false;
  skipping_junk_ = false;
  try {
    while (!exited_ && next_command()) {
    }
  } catch (const ReadingStopped& stopped) {
    respond("unknown");
    reason_unknown_ = reason_unknown(stopped.reason);
  } catch (const std::bad_alloc&) {
    respond("unknown");
    reason_unknown_ = reason_unknown(sat::StopReason::memory_limit);
  }
  if (config_.print_statistics) print_statistic_comments(channels_.diagnostic(), solver_->statistics());
  channels_.regular().flush();
  channels_.diagnostic().flush();
  reader_ = nullptr;
}

// Reads and executes one command, answering errors; false at the end of
// the input.
bool Interpreter::next_command() {
  printed_ = false;
  command_name_.clear();
  known_command_ = false;
  declaring_.reset();
  const Environment::Mark mark = environment_->mark();
  poll_stop();
  try {
    const Token& token = command_start();
    if (token.is(TokenKind::End)) return false;
    command_position_ = token.position;
    execute_command();
  } catch (const Error& error) {
    recover(error, mark);
  } catch (const smt::SortError& error) {
    recover(Error(command_position_, error.what()), mark);
  } catch (const std::bad_alloc&) {
    throw;  // ends the run in run()
  } catch (const std::exception& failure) {
    diagnostic(std::string("internal error: ") + failure.what());
    recover(Error(command_position_, std::string("internal error: ") + failure.what()), mark);
  }
  if (printed_) channels_.regular().flush();
  return true;
}

// The '(' that starts the next command, or the end of the input.  Junk
// between commands (a stray ')', a bare symbol, binary garbage) is answered
// with one error for the whole run of it: the next call skips the rest, up
// to the next '(', silently.  A binary file would otherwise get an error
// for nearly every byte.  The skipping happens at the next call, not right
// after the error, so that an interactive client gets the error at once.
const Token& Interpreter::command_start() {
  for (;;) {
    const Token* token = nullptr;
    try {
      token = &reader_->next();
    } catch (const Error& error) {
      if (skipping_junk_) continue;
      skipping_junk_ = true;
      command_position_ = error.position();
      throw;
    }
    if (token->is(TokenKind::LeftParen) || token->is(TokenKind::End)) {
      skipping_junk_ = false;
      return *token;
    }
    if (skipping_junk_) continue;
    skipping_junk_ = true;
    command_position_ = token->position;
    reader_->fail_expected("'(' to start a command");
  }
}

std::optional<sat::StopReason> Interpreter::stop_requested() const {
  return config_.stop_requested ? config_.stop_requested() : std::nullopt;
}

void Interpreter::poll_stop() {
  if (stop_answered_) return;
  if (const std::optional<sat::StopReason> reason = stop_requested()) throw ReadingStopped{*reason};
}

void Interpreter::execute_command() {
  const Token& name = reader_->next();
  if (!name.is(TokenKind::Symbol)) reader_->fail_expected("a command name");
  command_name_ = name.text;
  const auto found = handlers().find(name.text);
  if (found == handlers().end()) throw Error(name.position, "unknown command " + in_quotes(name.text));
  known_command_ = true;
  (this->*found->second)();
}

// The failed command has no effect: its declarations (:named included)
// are undone, though their names stay taken (see rejected()), and the rest
// of it is skipped.
void Interpreter::recover(const Error& error, Environment::Mark mark) {
  reader_->take_capture();
  const std::vector<std::string> named = environment_->terms().names_since(mark.terms);
  environment_->undo_to(mark);
  report_error(error.position(), error.what());
  reader_->skip_to_depth(0);
  rejected(named);
}

void Interpreter::respond(std::string_view text) {
  channels_.regular() << text << '\n';
  printed_ = true;
}

void Interpreter::success() {
  if (options_.print_success) respond("success");
}

void Interpreter::unsupported(std::string_view reason) {
  if (config_.explain_unsupported) diagnostic(reason);
  respond("unsupported");
}

void Interpreter::diagnostic(std::string_view text) { channels_.diagnostic() << "wang: " << text << std::endl; }

void Interpreter::report_error(Position position, std::string_view message) {
  const std::string located = input_name_ + ":" + std::to_string(position.line) + ":" +
                              std::to_string(position.column) + ": " + std::string(message);
  respond("(error " + quote_string(located) + ")");
}

void Interpreter::finish() { reader_->expect_right_paren(); }

ParsedTerm Interpreter::parse_term(bool capture) {
  SortParser sorts(*environment_, *reader_);
  TermParser parser(*terms_, *environment_, *reader_, sorts);
  if (!capture) return parser.parse();
  reader_->start_capture();
  ParsedTerm parsed = parser.parse();  // recover() ends the capture on errors
  parsed.text = reader_->take_capture();
  return parsed;
}

std::vector<ParsedTerm> Interpreter::parse_term_list() {
  reader_->expect_left_paren();
  SortParser sorts(*environment_, *reader_);
  TermParser parser(*terms_, *environment_, *reader_, sorts);
  std::vector<ParsedTerm> terms;
  for (;;) {
    reader_->start_capture();
    const Token& token = reader_->next();
    if (token.is(TokenKind::RightParen)) break;
    terms.push_back(parser.parse(&token));
    terms.back().text = reader_->take_capture();
  }
  reader_->take_capture();
  return terms;
}

smt::Sort Interpreter::parse_sort(const Token* first) { return SortParser(*environment_, *reader_).parse(first); }

}  // namespace wang::smtlib
