// Preprocessing: the assertions as the solver encodes them.
//
// The solver hands over its new assertions (with the push level each
// belongs to) before every check; the preprocessor returns the assertions
// to encode instead, simplified by the passes of passes.def run to a fixed
// point: rewriting, splitting conjunctions, variable substitution,
// embedded constraints, unconstrained variables, slicing and word-level
// division.
//
// What the passes learn is kept as replacements: a term (a constant, an
// asserted formula, the one use of an unconstrained constant) stands for
// another from the level it was found at, in every later assertion and
// assumption, until that level is popped.  Replacements found at level L
// apply to assertions of level L and above only, which are exactly those
// that live no longer than what justified the replacement.
//
// Models: a constant that no longer occurs in what is encoded gets its
// value from a witness, replayed last to first as the SAT core's
// extend.cpp does for eliminated variables: a substituted constant takes
// the value of its definition, an unconstrained one the value that makes
// its one use what the model says.  The solver still checks every model
// against the original assertions, so a wrong witness can only ever turn
// `sat` into `unknown`.
//
// Incrementality: an unconstrained constant is unconstrained only so far;
// if a later assertion or assumption mentions it, the definition of the
// term it was abstracted from is encoded after all (at the level of the
// abstraction), which makes the earlier encoding exact again.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "rewrite/rewriter.hpp"
#include "smt/evaluator.hpp"
#include "smt/traverse.hpp"
#include "wang/sat.hpp"
#include "wang/smt.hpp"

namespace wang::preprocess {

using smt::Kind;
using smt::Sort;
using smt::Term;

// The passes, in the order of a round.
enum class PassId : uint8_t {
#define PASS(name, on, description) name,
#include "preprocess/passes.def"
#undef PASS
};

inline constexpr size_t kNumPasses = 0
#define PASS(name, on, description) +1
#include "preprocess/passes.def"
#undef PASS
    ;

struct PassInfo {
  PassId id;
  std::string_view name;
  bool on_by_default;
  std::string_view description;
};
std::span<const PassInfo> passes();

struct Config {
  // 0: nothing at all; 1: rewriting with the level-1 rules and splitting
  // of conjunctions; 2: every rule and every enabled pass.
  int level = rewrite::kMaxLevel;
  std::array<bool, kNumPasses> enabled = {
#define PASS(name, on, description) on != 0,
#include "preprocess/passes.def"
#undef PASS
  };
  std::vector<rewrite::Rule> disabled_rules;
  // Rounds of the pass loop at most (each round that changes nothing ends it).
  int max_rounds = 4;
};

struct Assertion {
  Term term;
  uint32_t level;  // 0: no push level
};

struct PassStatistics {
  double seconds = 0;
  uint64_t changes = 0;      // assertions the pass changed or removed
  uint64_t eliminated = 0;   // constants that no longer occur in the encoding
};

class Preprocessor {
 public:
  Preprocessor(smt::TermManager& terms, Config config);
  ~Preprocessor();
  Preprocessor(const Preprocessor&) = delete;
  Preprocessor& operator=(const Preprocessor&) = delete;

  // Checked between steps; throws to interrupt.  Work done so far stays
  // valid, and process() may be called again with the same batch.
  void set_interrupt_check(std::function<void()> check) { interrupt_check_ = std::move(check); }

  struct Result {
    std::vector<Assertion> assertions;  // to encode, each at its level
    std::vector<Term> assumptions;      // one per assumption, in order
  };
  // `batch`: the assertions made since the last call, oldest first.  When
  // a call is interrupted, what it handed out already comes with the
  // result of the next call, which must be given the same batch again.
  Result process(std::span<const Assertion> batch, std::span<const Term> assumptions);

  // Forgets what was learned at levels above `levels`.
  void pop_to(uint32_t levels);

  // The value of every constant the encoding lost, given the values of
  // those it kept (`encoded`: from the SAT model; constants never encoded
  // get their default there).
  std::function<smt::Value(Term)> model(std::function<smt::Value(Term)> encoded) const;

  const rewrite::Rewriter& rewriter() const { return *rewriter_; }
  const PassStatistics& statistics(PassId pass) const { return stats_[static_cast<size_t>(pass)]; }
  // Of the normalization the loop does before and between passes.
  const PassStatistics& rewrite_statistics() const { return rewrite_statistics_; }

  // ---- for the passes (pass_*.cpp)
  struct Group;
  smt::TermManager& terms() { return terms_; }
  rewrite::Rewriter& rewriter() { return *rewriter_; }
  // `term` under the replacements in force, rewritten.
  Term normalize(Term term);
  // From `level` on, `key` stands for `value`; `value` must not contain
  // `key` once normalized.
  void replace(Term key, Term value, uint32_t level);
  // The constant `constant` is gone from the encoding: its value is that
  // of `definition` (normalized as it was when the constant went).
  void eliminate_by_definition(Term constant, Term definition, uint32_t level);
  // `use` (whose one child `constant` occurs nowhere else) is replaced by
  // the fresh `stand_in`; the constant's value is recomputed from it.
  void eliminate_unconstrained(Term constant, Term use, Term stand_in, uint32_t level);
  // Whether `constant` occurs in something already handed out (or in an
  // assumption of this check).
  bool visible(Term constant) const;
  bool is_replaced(Term term) const { return replacements_.contains(term); }
  // Records that the bounds of the division `term` were asserted at
  // `level`; false when they already were (at a level not popped since).
  bool mark_bounded(Term term, uint32_t level);
  // A constant of the solver's own, unlike any the user can declare.
  Term fresh_constant(Sort sort, std::string_view purpose);
  // Hands `term` out at `level` as it is, final.
  void emit(Term term, uint32_t level);
  PassStatistics& statistics(PassId pass) { return stats_[static_cast<size_t>(pass)]; }
  void check_interrupt() {
    if (interrupt_check_) interrupt_check_();
  }

 private:
  struct Replacement {
    Term key;
    uint32_t level;
  };
  // A constant the encoding lost.  By definition: its value is that of
  // `definition`.  Unconstrained: `use`, its one use, was replaced by the
  // fresh `stand_in`, and its value is the one that makes `use` take the
  // stand-in's value.
  //
  // Replayed last to first, a witness may refer to constants of later
  // witnesses but not of earlier ones; finalize_witnesses() makes it so.
  struct Witness {
    Term constant;
    Term definition;  // by definition
    Term use;         // unconstrained
    Term stand_in;    // unconstrained
    uint32_t level;
    bool final = false;  // its terms are under every replacement of its group
  };

  void process_group(Group& group);
  bool run_pass(PassId pass, Group& group);
  void normalize_group(Group& group);
  void mark_visible(Term term);
  void restore_if_used(Term constant);
  void restore_mentioned(Term root);
  void finalize_witnesses();
  Term with_normalized_children(Term term);

  smt::TermManager& terms_;
  Config config_;
  std::unique_ptr<rewrite::Rewriter> rewriter_;
  std::vector<Replacement> replacement_log_;  // in the order they were made
  std::vector<Replacement> bounded_log_;      // divisions kept, with their bounds asserted
  smt::SparseTermMap<bool> bounded_;
  smt::TermMap<Term> replacements_;
  smt::TermMap<Term> normalized_;             // cache of normalize(); cleared on every change
  smt::TermMap<bool> shared_;                 // in the assertions being normalized, for Rewriter::mark_shared
  std::vector<Witness> witnesses_;
  // The constants with an unconstrained witness.
  smt::SparseTermMap<bool> abstracted_;
  smt::TermMap<bool> visible_;                // constants handed out
  smt::TermMap<bool> scanned_;                // terms whose constants are in visible_
  std::vector<Assertion> out_;  // handed out, not yet returned
  std::array<PassStatistics, kNumPasses> stats_{};
  PassStatistics rewrite_statistics_;
  uint64_t fresh_counter_ = 0;
  std::function<void()> interrupt_check_;
};

// The assertions of one push level in one call of process(), as the
// passes see them.
struct Preprocessor::Group {
  uint32_t level;
  std::vector<Term> assertions;
  // The constants of the assumptions of this check (they are visible).
  std::span<const Term> assumptions;
  // Every assertion of the call is at this level: the passes that count
  // occurrences see all of them.
  bool whole_batch;
};

// The value of `constant` that makes `use` (in which it occurs once, as a
// direct argument) evaluate to `target`, the other arguments valued by
// `value_of`.  Defined for the operators pass_unconstrained picks.
smt::Value inverse(Term use, Term constant, const smt::Value& target, const std::function<smt::Value(Term)>& value_of);
// Whether inverse() is defined for `constant` as argument `position` of `use`.
bool is_invertible(Term use, size_t position);

// One pass: simplifies the group's assertions in place; true if anything
// changed.
using PassFunction = bool (*)(Preprocessor&, Preprocessor::Group&);

#define PASS(name, on, description) bool pass_##name(Preprocessor& pp, Preprocessor::Group& group);
#include "preprocess/passes.def"
#undef PASS

}  // namespace wang::preprocess
