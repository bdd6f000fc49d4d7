// Lemmas on demand for arrays and uninterpreted functions.
//
// The bit-blaster abstracts: a select or an application gets fresh bits,
// an equation between arrays a fresh Boolean, array terms none.  After the
// SAT core finds a model of the abstraction, check() tests it against the
// theories and returns the lemmas it violates, each a formula valid in the
// theory of arrays with extensionality and of equality with uninterpreted
// functions.  The solver adds them and solves again, until the model is
// consistent; then the model of every array and function is built from
// what was read (Brummayer and Biere's lemmas on demand, as in Boolector).
// A memory of 2^32 words costs only what is read from it.
//
// Consistency of arrays: every read (a select, and every store, which is a
// read of itself at its index) is propagated through the array terms under
// the model: down a store whose index differs from the read's, into the
// branch an ite selects, across an equation between arrays that holds, and
// up into a store (whose index differs) or an ite (that selects the array)
// when that leads to such an equation.  On the way it must agree with the
// value a store writes at its index and with a constant array's value; at
// a base array (a declared array, or an application returning one) it
// must agree with every other read of the same index.  A disagreement is a
// lemma: the conditions of both paths and the equality of both indices
// imply the equality of both values.
//
// Extensionality: an equation between arrays that does not hold has a
// witness, a fresh index where they differ (added once per equation).
// Congruence: applications of a function to equal arguments are equal.
#pragma once

#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "smt/evaluator.hpp"
#include "solver/term_blaster.hpp"

namespace wang::smt {

class ArrayEngine {
 public:
  using ValueOf = std::function<Value(Term)>;

  explicit ArrayEngine(TermManager& terms) : terms_(terms) {}

  // The lemmas the model violates, given the values of the terms with
  // bits; empty when the model extends to arrays and functions, whose
  // values value() then gives.
  std::vector<Term> check(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of);

  // After a check without lemmas: the value of an array constant, an
  // array-valued application, or a function.
  Value value(Term term) const;

  uint64_t lemmas() const { return lemmas_; }

  // The extensionality lemma of an equation between arrays (as the
  // bit-blaster orders it), once check() has added it.
  const Term* witness_lemma(Term equation) const {
    const auto found = witness_lemmas_.find(equation.id());
    return found != witness_lemmas_.end() ? &found->second : nullptr;
  }

 private:
  struct Read;
  struct Propagation;

  void build_graph(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of);
  void propagate(const Read& read, const ValueOf& value_of);
  void propagate_defaults(const ValueOf& value_of);
  void check_congruence(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of);
  void add_witnesses(const TermBlaster::TheoryTerms& theory);
  void build_model(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of);
  void lemma(std::vector<Term> premises, Term conclusion);
  Term equal(Term a, Term b) { return terms_.mk_term(Kind::Equal, {a, b}); }

  TermManager& terms_;
  std::vector<Term> pending_;  // lemmas of the current check
  uint64_t lemmas_ = 0;
  std::unordered_map<uint64_t, Term> witness_lemmas_;  // by equation
  std::unordered_set<uint64_t> congruent_pairs_;  // array-valued applications tied by a lemma

  // ---- per check
  struct Edge {
    uint32_t to;
    Term condition;  // the literal that makes the step valid
    bool upward;
  };
  std::unordered_map<uint64_t, uint32_t> node_of_;  // array term id -> node
  std::vector<Term> nodes_;
  std::vector<std::vector<Term>> parents_;          // stores and ites over each node
  std::vector<std::vector<std::pair<uint32_t, Term>>> equal_;  // equations that hold
  std::vector<bool> leads_to_equation_;            // an upward step from here can reach one
  struct Recorded {
    Term index;
    Term value;
    std::vector<Term> path;
  };
  std::vector<std::map<Value, Recorded, bool (*)(const Value&, const Value&)>> records_;
  std::vector<std::optional<Value>> defaults_;
  // The model, after a check without lemmas.
  std::unordered_map<uint64_t, Value> model_;
};

}  // namespace wang::smt
