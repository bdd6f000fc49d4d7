// The internal checker (option `check`, `wang --check`).
//
// An independent copy of the formula inside the solver that re-verifies
// every step as it is taken: each derived clause by reverse unit
// propagation along the antecedents the engine names for it (the same
// chains an LRAT proof gets), each deletion against the clauses it holds,
// every model against all original clauses, and every refutation by the
// empty clause having been derived.  It shares nothing with the engine but
// the literal encoding, so an engine bug shows up at the step that
// introduced it instead of as a wrong answer much later: a rejected step
// throws std::logic_error (the command line reports an internal error,
// exit code 3).  For tests: it keeps a second copy of every clause and
// costs about as much as the proof steps it checks.
#pragma once

#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "sat/types.hpp"

namespace wang::sat {

class Checker {
 public:
  void add_original(ClauseId id, std::span<const Lit> literals);
  // Verifies that unit propagation of the negated clause over
  // `antecedents`, in order, ends in a conflict, each antecedent being unit
  // or falsified when its turn comes; then holds the clause.
  void add_derived(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents);
  // A clause on a new variable (the first literal's, which no original
  // clause may contain): RUP as above, or RAT on the first literal along
  // the groups of a candidate (kRatCandidate) and the hints that refute the
  // resolvent with it, as in LRAT.  Only the engine's own variables may be
  // extended on: a client clause over them could make a RAT step unsound.
  void add_extension(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents);
  void remove(ClauseId id);
  // `model` holds per variable kTrue or kFalse.
  void check_model(std::span<const Value> model) const;
  void check_refutation() const;

 private:
  [[noreturn]] void fail(const std::string& what, ClauseId id) const;
  Value value(Lit lit) const { return var_of(lit) < values_.size() / 2 ? values_[lit] : kUnassigned; }
  void assign(Lit lit);
  void unassign_to(size_t size);
  void add_step(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents, bool rat);
  bool propagate_hints(std::span<const ClauseId> hints, size_t& next, ClauseId id);
  bool rat_holds(std::span<const Lit> literals, std::span<const ClauseId> groups, ClauseId id);

  std::unordered_map<ClauseId, std::vector<Lit>> clauses_;  // live clauses by id
  std::vector<std::vector<Lit>> originals_;                 // all, for model checks
  std::vector<uint8_t> original_vars_;                      // per variable: in an original clause
  // The clauses, live or not, of each literal of a variable that is in no
  // original clause: where the candidates of a RAT step are.
  std::unordered_map<Lit, std::vector<ClauseId>> extension_occurrences_;
  std::vector<Value> values_;                               // per literal, during a check
  std::vector<Lit> assigned_;
  bool refuted_ = false;
};

}  // namespace wang::sat
