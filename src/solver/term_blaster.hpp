// Bit-blasting of terms into the AIG.
//
// Every term is mapped to its bits (one AIG edge for Bool terms, one per bit
// for bit-vectors, least significant first) by the generic BitBlaster over
// AIG gates.  The walk is iterative with a cache, so deep terms do not
// overflow the stack and shared subterms are blasted once.  Declared
// constants become AIG inputs; their edges are what models are read from.
#pragma once

#include <functional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aig/aig.hpp"
#include "bv/bitblast.hpp"
#include "smt/traverse.hpp"
#include "wang/smt.hpp"

namespace wang::smt {

// The AIG as a bit-operations policy for the BitBlaster.  Every few
// thousand gates it runs the interrupt check, which may throw: one operator
// on wide bit-vectors can create millions of gates.
class AigBitOps {
 public:
  using Bit = aig::Edge;
  explicit AigBitOps(aig::Aig& aig) : aig_(aig) {}
  void set_interrupt_check(std::function<void()> check) { interrupt_check_ = std::move(check); }
  Bit constant(bool value) const { return value ? aig::kTrue : aig::kFalse; }
  Bit not_(Bit a) const { return aig::negate(a); }
  Bit and_(Bit a, Bit b) { return tick(), aig_.make_and(a, b); }
  Bit or_(Bit a, Bit b) { return tick(), aig_.make_or(a, b); }
  Bit xor_(Bit a, Bit b) { return tick(), aig_.make_xor(a, b); }
  Bit ite(Bit c, Bit t, Bit e) { return tick(), aig_.make_ite(c, t, e); }
  bv::ConstantBit constant_value(Bit a) const { return {aig::is_constant(a), a == aig::kTrue}; }
  // Inputs count like gates: one constant of 2^28 bits is 2^28 of them.
  Bit input() { return tick(), aig_.make_input(); }
  // Counts `bits` more: the bits of terms built without gates (bvnot,
  // extract, concat, values) take memory too, 4 bytes each, and a chain of
  // them on the widest sort would otherwise pass gigabytes between checks.
  void count(uint64_t bits) {
    const uint64_t before = gates_;
    gates_ += bits;
    if (interrupt_check_ && gates_ / kInterruptInterval != before / kInterruptInterval) interrupt_check_();
  }

 private:
  void tick() {
    if (interrupt_check_ && ++gates_ % kInterruptInterval == 0) interrupt_check_();
  }

  static constexpr uint64_t kInterruptInterval = 1 << 14;
  aig::Aig& aig_;
  std::function<void()> interrupt_check_;
  uint64_t gates_ = 0;
};

// Arrays and uninterpreted functions are not bit-blasted: a select or an
// application gets fresh inputs (its value, to be made consistent by the
// array engine's lemmas), an equality between arrays a fresh input of its
// own, and array terms no bits at all.  The blaster lists these terms for
// the engine.  A term of an uninterpreted sort is kAbstractBits bits wide:
// a formula with n terms of a sort has a model with at most n elements.
class TermBlaster {
 public:
  using Bits = std::vector<aig::Edge>;

  static constexpr uint32_t kAbstractBits = 32;
  // 1 for Bool, the width of a bit-vector, kAbstractBits for an
  // uninterpreted sort, 0 for arrays and functions.
  static uint32_t bits_of(Sort sort);

  // The terms the array engine reasons about, in the order blasted.
  struct TheoryTerms {
    std::vector<Term> selects;           // with a Bool, bit-vector or uninterpreted value
    std::vector<Term> applications;      // every application of a function
    std::vector<Term> arrays;            // every term of an array sort
    std::vector<Term> array_equalities;  // (= a b) between arrays
    std::vector<Term> abstracted;        // wide products, quotients and remainders (abstraction.hpp)
  };

  // The equation between two different arrays as theory_terms() lists
  // it: the older term first, whichever way round it was written.
  static Term array_equation(TermManager& terms, Term a, Term b);

  TermBlaster(aig::Aig& aig, TermManager& terms) : ops_(aig), blaster_(ops_), aig_(aig), terms_(terms) {}
  // See AigBitOps; a throwing check leaves the cache as it was before the
  // term that was being blasted.
  void set_interrupt_check(std::function<void()> check) { ops_.set_interrupt_check(std::move(check)); }

  const Bits& bits(Term term);
  // The single edge of a Bool term.
  aig::Edge edge(Term term) { return bits(term)[0]; }
  // Declared constants blasted so far, in order, with their input bits.
  const std::vector<Term>& constants() const { return constants_; }
  bool has_bits(Term term) const { return cache_.contains(term); }
  const TheoryTerms& theory_terms() const { return theory_; }

  // From now on, bvmul, bvudiv and bvurem terms of at least `width` bits
  // without a value among their operands get fresh inputs instead of their
  // circuit (0: none); the solver makes them consistent with lemmas.
  void set_abstraction_width(uint32_t width) { abstraction_width_ = width; }
  bool is_abstracted(Term term) const { return abstracted_.contains(term); }
  // The circuit of an abstracted term over its operands' bits.
  Bits exact(Term term);
  // Circuits over bits, for the lemmas of the abstraction.
  bv::BitBlaster<AigBitOps>& gates() { return blaster_; }
  aig::Aig& aig() { return aig_; }

 private:
  Bits blast(Term term);
  Bits blast_constant(Term term);
  Bits blast_theory(Term term);
  aig::Edge array_equality(Term a, Term b);
  Bits blast_core(Term term);
  Bits blast_bitvector(Term term);
  aig::Edge blast_predicate(Term term);
  const std::pair<Bits, Bits>& division(Term dividend, Term divisor);
  bool abstracts(Term term) const;
  Bits abstract(Term term);
  const Bits& cached(Term term) const { return cache_.at(term); }

  AigBitOps ops_;
  bv::BitBlaster<AigBitOps> blaster_;
  aig::Aig& aig_;
  TermMap<Bits> cache_;
  // Quotient and remainder of the same operands share one divider.
  std::unordered_map<uint64_t, std::unordered_map<uint64_t, std::pair<Bits, Bits>>> divisions_;
  std::vector<Term> constants_;
  TermManager& terms_;
  TheoryTerms theory_;
  uint32_t abstraction_width_ = 0;
  TermMap<bool> abstracted_;
  // Constants of each uninterpreted sort so far: the k-th is encoded as
  // its inputs XOR k, so that with all inputs false (the SAT core's first
  // guess) every constant is a different element.
  std::unordered_map<size_t, uint64_t> abstract_constants_;
};

}  // namespace wang::smt
