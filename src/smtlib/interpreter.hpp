// The SMT-LIB 2.6 command interpreter: reads commands, executes them
// against a TermManager and a Solver, and answers on the regular output
// channel exactly as the standard writes responses.  Errors are answered
// with (error "FILE:LINE:COL: message") and execution continues
// (:error-behavior continued-execution).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "smtlib/channels.hpp"
#include "smtlib/environment.hpp"
#include "smtlib/fidelity.hpp"
#include "smtlib/lexer.hpp"
#include "smtlib/options.hpp"
#include "smtlib/reader.hpp"
#include "smtlib/term_parser.hpp"
#include "wang/sat.hpp"
#include "wang/smt.hpp"

namespace wang::smtlib {

struct InterpreterConfig {
  std::string version;
  bool produce_models = false;  // the initial value of :produce-models
  // Re-solve unsat cores and failed assumptions in a fresh solver before
  // trusting them (models are always checked).
  bool check_models = false;
  sat::Limits limits;
  std::vector<std::pair<std::string, int64_t>> sat_options;
  // smt::Solver's word-level options, and rewrite rules to turn off.
  std::vector<std::pair<std::string, int64_t>> word_options;
  std::vector<std::string> disabled_rules;
  // Print the solver's statistics on the diagnostic channel at the end.
  bool print_statistics = false;
  // Explain each `unsupported` on the diagnostic channel.  Off by default:
  // clients such as yosys-smtbmc merge stdout and stderr and would read the
  // explanation as an answer.
  bool explain_unsupported = false;
  std::ostream* proof = nullptr;
  sat::ProofFormat proof_format = sat::ProofFormat::drat_text;
  std::ostream* cnf = nullptr;
  // Called with each solver while it runs a check, and with nullptr after:
  // how a signal handler finds the solver to stop.
  std::function<void(smt::Solver*)> watch_solver;
  // A reason to stop (a signal arrived, the deadline passed), if any; asked
  // before each check and while commands are read.
  std::function<std::optional<sat::StopReason>()> stop_requested;
};

class Interpreter {
 public:
  Interpreter(InterpreterConfig config, std::ostream& standard_output, std::ostream& standard_error);
  ~Interpreter();
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Executes the commands of `input` until its end or (exit).  `name`
  // starts the location of error messages ("<stdin>" or the path).
  //
  // A stop request ends the check in progress with `unknown`, and every
  // later check too.  When it comes while a command is read instead, that
  // command is answered `unknown` and the session ends: reading a large
  // script past the deadline would be pointless.
  void run(CharSource& input, std::string name);

 private:
  using Handler = void (Interpreter::*)();

  struct Assertion {
    smt::Term term;
    std::string name{};    // of a top-level :named
    smt::Term selector{};  // with :produce-unsat-cores: the assertion is (=> selector term)
    std::string text{};    // with :produce-assertions
  };
  struct Assumption {
    smt::Term term;
    std::string text;
  };
  enum class Status { none, sat, unsat, unknown };

  // interpreter.cpp: the command loop and responses
  static const std::unordered_map<std::string_view, Handler>& handlers();
  bool next_command();
  const Token& command_start();
  void poll_stop();
  std::optional<sat::StopReason> stop_requested() const;
  void execute_command();
  void recover(const Error& error, Environment::Mark mark);
  void respond(std::string_view text);
  void success();
  void unsupported(std::string_view reason);
  void diagnostic(std::string_view text);
  void report_error(Position position, std::string_view message);
  void finish();
  ParsedTerm parse_term(bool capture);
  // The terms of a list (t1 ... tn), each with its spelling.
  std::vector<ParsedTerm> parse_term_list();
  smt::Sort parse_sort(const Token* first = nullptr);
  void start_session();
  // The assertion stack changed: the last answer no longer applies, and
  // the session has left start mode.
  void state_changed() {
    status_ = Status::none;
    start_mode_ = false;
  }
  // A declaration or definition: the session leaves start mode, but the
  // last answer and its model still apply, since a new symbol changes no
  // assertion (models extend to it).  The standard would return to assert
  // mode; Z3, cvc5, Bitwuzla and Boolector do not, and yosys-smtbmc
  // defines terms between check-sat and get-value.
  void declared() { start_mode_ = false; }

  // commands_declare.cpp
  struct NewName {
    std::string name;
    Position position;
  };
  void declare_fun();
  bool refuse_nested_arrays(const NewName& name, smt::Sort sort);
  void declare_sort();
  void declare_const();
  void define_fun();
  void define_const();
  void define_sort();
  void unsupported_command();
  NewName fresh_name(std::string_view what);
  void bind(const NewName& name, TermSymbol symbol);
  void check_body(const NewName& name, smt::Sort sort, const ParsedTerm& body);

  // rejections.cpp: what a rejected command leaves behind
  void rejected(const std::vector<std::string>& named = {});
  void record_rejection();
  std::string location(Position position) const;

  // commands_stack.cpp: the assertion stack
  void assert_command();
  void push();
  void pop();
  void reset();
  void reset_assertions();
  uint32_t optional_levels(Position& position);

  // commands_check.cpp
  void check_sat();
  void check_sat_assuming();
  void check(std::vector<Assumption> assumptions);
  sat::Limits check_limits() const;
  Status trusted_result(smt::Result result, bool assumed);
  Status faithful_result(Status status);
  bool core_is_unsat();
  void internal_error(const std::string& what);
  void stopped(sat::StopReason reason);

  // commands_query.cpp
  void get_model();
  void get_value();
  void get_assignment();
  void get_assertions();
  void get_unsat_core();
  void get_unsat_assumptions();
  void require(bool enabled, std::string_view option, Status status);

  // commands_settings.cpp: logic, options, info, echo, exit
  void set_logic();
  void set_option();
  void get_option();
  void set_info();
  void get_info();
  void echo();
  void exit();
  bool apply_option(const OptionSpec& spec, const Token& value);
  void require_start_mode(const OptionSpec& spec) const;

  InterpreterConfig config_;
  Channels channels_;
  Options options_;
  std::string input_name_;
  Reader* reader_ = nullptr;
  Position command_position_;
  // The name of the command being executed ("" for junk between commands),
  // and whether it is one of handlers().
  std::string command_name_;
  bool known_command_ = false;
  // The term or sort name the command declares, once read: if the command
  // is rejected, the name stays taken, so that what needs it fails too.
  std::optional<NewName> declaring_;
  bool declaring_sort_ = false;
  bool printed_ = false;
  bool exited_ = false;
  // The last command did not start with '(': skip to the next one.
  bool skipping_junk_ = false;

  // The session: everything reset throws away.  The solver refers to the
  // term manager, so it is declared after it and destroyed before it.
  std::unique_ptr<smt::TermManager> terms_;
  std::unique_ptr<smt::Solver> solver_;
  std::unique_ptr<Environment> environment_;
  bool logic_set_ = false;
  // No command has declared, defined, asserted, pushed, popped or checked
  // yet: options of start mode may be set (SMT-LIB ends start mode at
  // set-logic; see docs/smtlib.md, "Deliberate deviations").
  bool start_mode_ = true;
  std::vector<Assertion> assertions_;
  std::vector<size_t> levels_;  // assertions_.size() at each push
  StackFidelity fidelity_;
  Status status_ = Status::none;         // of the last check-sat, until the assertion stack changes
  std::vector<Assumption> assumptions_;  // of the last check-sat-assuming
  std::vector<smt::Term> failed_;        // after unsat: the assumptions used
  // After an unknown: the :reason-unknown, as printed.
  std::string reason_unknown_;
  // A check answered `unknown` for a stop request: later ones will too, and
  // reading goes on.
  bool stop_answered_ = false;
};

}  // namespace wang::smtlib
