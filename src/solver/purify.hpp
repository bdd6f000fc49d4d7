// Applications to elements of a free uninterpreted sort, as constants.
//
// yosys-smtbmc (-s z3, -s yices) models the state of a design as an
// element of a declared sort and each register and memory as a function of
// it: (|regs| s3) is the register file in step 3, and every step asserts
// equations between such applications.  While the terms of a sort are its
// declared constants and those occur only as arguments of applications, a
// formula is satisfiable exactly when it is with the constants all
// different, and then applications to different arguments are unrelated:
// each may as well be a constant of its own.  With constants in their
// place the preprocessor substitutes the equations of each step, as it
// does for an unrolled design, instead of the array engine deciding them
// by extensionality lemmas round after round (a pipeline of 12 steps: 199
// lemma rounds).
//
// Purifying only drops congruences, so an unsat answer holds whatever the
// formula.  A sort that an active assertion uses otherwise (compares its
// elements, takes them from an ite or a function, passes them with other
// arguments) is "tied": its purified applications get their equations
// (= constant application) back, at a level that lives no longer than
// that use, which makes the encoding exact again.  In a model the
// constants of a free sort are all different elements, and each function
// maps them to the values of its purified applications; the solver checks
// every model against the original assertions as always.
#pragma once

#include <cstdint>
#include <functional>
#include <unordered_map>
#include <vector>

#include "smt/evaluator.hpp"
#include "smt/traverse.hpp"
#include "wang/smt.hpp"

namespace wang::smt {

class Purifier {
 public:
  explicit Purifier(TermManager& terms) : terms_(terms) {}

  // `formula`, asserted at `level`, with every purifiable application
  // replaced by its constant.  Assumptions count as assertions at the
  // current level.
  Term purify(Term formula, uint32_t level);
  // The equations of the purified applications of tied sorts that no
  // active level holds yet; the caller asserts them at `level`, the
  // current one.
  std::vector<Term> ties(uint32_t level);
  // Forgets the uses and equations of levels above `levels`.
  void pop_to(uint32_t levels);

  using ValueOf = std::function<Value(Term)>;
  // The values of constants (as the Evaluator asks for them) with the
  // constants of free sorts distinct and functions extended by their
  // purified applications; `inner` values everything else.
  ValueOf model(ValueOf inner) const;

 private:
  struct Application {
    Term application;
    Term constant;
    uint32_t tie_level;  // kUntied unless an active level holds its equation
  };
  static constexpr uint32_t kUntied = UINT32_MAX;

  bool purifiable(Term term) const;
  bool free(Sort sort) const;
  bool tied(const Application& application) const;
  // The sorts that `term` and the terms below it use otherwise than as
  // arguments of purifiable applications (an index into sort_sets_).
  uint32_t uses(Term term);
  uint32_t merged_uses(Term term);

  TermManager& terms_;
  std::vector<Application> applications_;
  TermMap<bool> visited_;   // terms whose applications have their constants
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_function_;  // function id -> indices
  TermMap<Term> replaced_;  // rebuilt terms, for every formula purified so far
  TermMap<Term> replacements_;
  // Sets of sorts (by hash), the first empty, and each term's set.
  std::vector<std::vector<uint64_t>> sort_sets_{{}};
  TermMap<uint32_t> uses_;
  // For each tied sort, the levels of the active assertions that tie it.
  std::unordered_map<uint64_t, std::vector<uint32_t>> tying_levels_;
};

}  // namespace wang::smt
