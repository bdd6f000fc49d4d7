// Lemmas on demand for wide multiplications and divisions.
//
// A 64-bit multiplier is thousands of AIG gates, and a divider more; in
// many formulas the SAT core never needs most of them, because the
// operands it settles on are 0, 1 or another value the rest of the
// formula pins down.  With an abstraction width set, the bit-blaster gives
// each bvmul, bvudiv and bvurem of that width or more (without a value
// among its operands) fresh inputs instead of its circuit.  After the SAT
// core finds a model of that abstraction, check() computes each abstracted
// term from its operands' values, and for each one that disagrees returns
// lemmas the model violates, weakest in circuit first:
//
// - facts of the operator that the model breaks, each a comparison or two
//   (Bitwuzla's abstraction module works from such a list): x * 0 = 0,
//   x * 1 = x, the product's lowest bit; x / y <= x for y != 0, x / y = 0
//   for x < y, x / 0 = ~0; x % y < y for y != 0, x % y <= x, x % y = x for
//   x < y, x % 0 = x; ...
// - when the model breaks none of them, for a multiplication whose
//   operand has a value with few ones (or whose negation has): that
//   operand at that value implies the product is the value times the
//   other operand, a small circuit (one adder per one), valid for every
//   value of the other operand;
// - otherwise both operands at their values imply the term's value;
// - a term refuted more than kExactAfter times gets its whole circuit,
//   after which it can never disagree again, so the loop ends.
//
// Every lemma is valid in the theory of bit-vectors, so the solver adds
// it for good (at every push level), and a model without violations is a
// model of the formula as written (which the solver checks anyway).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "smt/evaluator.hpp"
#include "solver/term_blaster.hpp"

namespace wang::smt {

class AbstractionRefiner {
 public:
  using ValueOf = std::function<Value(Term)>;
  using Holds = std::function<bool(aig::Edge)>;

  explicit AbstractionRefiner(TermBlaster& blaster) : blaster_(blaster) {}

  // The lemmas (as AIG edges) that the model violates, for each term of
  // `abstracted` whose value is wrong.  `value_of` gives the model's value
  // of a term with bits, `holds` that of an AIG edge (new ones included).
  std::vector<aig::Edge> check(std::span<const Term> abstracted, const ValueOf& value_of, const Holds& holds);

  uint64_t lemmas() const { return lemmas_; }
  uint64_t exact_circuits() const { return exact_circuits_; }

  // Value lemmas for one term before it gets its circuit.
  static constexpr uint32_t kExactAfter = 8;
  // A multiplication lemma instantiates an operand whose value has at most
  // this many ones (or whose negation has, as x * -c = -(x * c)).
  static constexpr uint32_t kSparseOnes = 4;

 private:
  void refine(Term term, std::span<const bv::BitVector> operands, const bv::BitVector& value, const Holds& holds,
              std::vector<aig::Edge>& lemmas);
  std::vector<aig::Edge> facts(Term term);
  aig::Edge value_lemma(Term term, std::span<const bv::BitVector> operands, const bv::BitVector& value);
  aig::Edge product_lemma(Term term, size_t sparse, std::span<const bv::BitVector> operands);
  aig::Edge equals_value(Term term, const bv::BitVector& value);

  TermBlaster& blaster_;
  TermMap<uint32_t> refinements_;          // rounds that refuted the term so far
  TermMap<std::vector<aig::Edge>> facts_;  // facts not yet added, by term
  uint64_t lemmas_ = 0;
  uint64_t exact_circuits_ = 0;
};

}  // namespace wang::smt
