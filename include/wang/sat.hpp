// The public interface of wang's CDCL SAT core.
//
// The interface is shaped like IPASIR: variables are positive integers,
// literals are non-zero integers (negative means negated), clauses are added
// literal by literal and closed by 0, and `solve` may be called any number of
// times with fresh assumptions in between.
//
// The solver is a small state machine; every entry point checks that it is
// called in a state where it makes sense and throws `std::logic_error` (or
// `std::invalid_argument` for a bad literal) otherwise:
//
//   adding    -- after construction and after every `solve`; clauses and
//                assumptions may be added.
//   sat       -- the last `solve` returned satisfiable; `value` is defined.
//   unsat     -- the last `solve` returned unsatisfiable; `failed` is defined.
//
// Adding a clause or an assumption after a `solve` leaves the sat/unsat state
// and returns to `adding`.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wang::sat {

enum class Result : int { unknown = 0, satisfiable = 10, unsatisfiable = 20 };

// Why `solve` returned `Result::unknown`.
enum class StopReason {
  none,
  conflict_limit,
  propagation_limit,
  time_limit,
  memory_limit,
  terminated,
};

const char* to_string(Result result);
const char* to_string(StopReason reason);

enum class ProofFormat {
  drat_text,
  drat_binary,
  lrat_text,
  lrat_binary,
};

// Resource limits for the next calls of `solve`.  A negative value means no
// limit.  Conflict and propagation limits count from the start of each
// `solve`; the time limit is a deadline on the steady clock.
struct Limits {
  int64_t conflicts = -1;
  int64_t propagations = -1;
  int64_t memory_mib = -1;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// A tunable of the solver, as declared in the option table.
struct OptionInfo {
  std::string_view name;
  int64_t default_value;
  int64_t min_value;
  int64_t max_value;
  std::string_view description;
};

// A named counter or timer of the solver, for statistics output.
struct Statistic {
  std::string_view name;
  double value;
  std::string_view unit;
};

class Internal;

class Solver {
 public:
  Solver();
  ~Solver();
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  // The option table: every tunable with its default, range and meaning.
  static std::span<const OptionInfo> options();
  // Sets an option by name; false if there is no such option.  Throws
  // `std::out_of_range` when the value is outside the option's range.
  // Options may only be set before the first clause is added.
  bool set_option(std::string_view name, int64_t value);
  int64_t get_option(std::string_view name) const;

  // Adds a literal of the clause being built; 0 ends the clause.
  void add(int literal);
  void add_clause(std::span<const int> literals);
  // Makes `literal` true for the next `solve` only.
  void assume(int literal);

  Result solve();

  // After `satisfiable`: the value of `literal` in the model, as `literal`
  // (true) or `-literal` (false).  Every variable up to `max_var` has one.
  int value(int literal) const;
  // After `unsatisfiable`: whether the assumption `literal` was used to
  // derive the conflict.  The failed assumptions together are unsatisfiable.
  bool failed(int literal) const;

  // Declares that no clause, assumption or call will mention a variable
  // above the current `max_var`: the solver may then add variables of its
  // own (bounded variable addition, option `factor`), which stay invisible.
  // A later literal above that bound throws std::logic_error.
  void close_variables();

  // Variables the client will mention again are kept by inprocessing, so
  // that new clauses over them need not undo any simplification.  Calls nest.
  void freeze(int literal);
  void melt(int literal);

  void set_limits(const Limits& limits);
  StopReason stop_reason() const;
  // Asks a running `solve` to stop as soon as possible.  Safe to call from
  // another thread or from a signal handler.
  void terminate();
  // `check` is called during `solve` wherever the limits are checked (at
  // every step of the search, between the phases of preprocessing); when it
  // returns true, `solve` stops as after `terminate`.  An empty function
  // removes it.  `check` must not call the solver.
  void set_terminate_check(std::function<bool()> check);
  // `observer` receives every clause that the search learns from a conflict
  // and that has at most `max_length` literals, as DIMACS literals; the span
  // is valid during the call only.  A learned clause follows from the
  // clauses added so far, whatever the assumptions.  An empty function
  // removes it.  `observer` must not call the solver.
  void set_learn_observer(int max_length, std::function<void(std::span<const int>)> observer);

  // Streams every learned and deleted clause to `out` in `format`.  Must be
  // called before the first clause is added; `out` must outlive the solver.
  void trace_proof(std::ostream& out, ProofFormat format);
  // Flushes the proof stream.
  void flush_proof();

  int max_var() const;
  std::vector<Statistic> statistics() const;

 private:
  struct State;
  void reserve_for(uint32_t internal_literal);
  // The variables the client may name: max_var.
  uint32_t client_variables() const;

  std::unique_ptr<Internal> internal_;
  std::unique_ptr<State> state_;
};

}  // namespace wang::sat
