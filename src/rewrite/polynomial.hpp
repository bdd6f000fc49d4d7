// Sums and products of bit-vectors as polynomials modulo 2^w.
//
// Addition, subtraction, negation and multiplication over w-bit vectors
// are the operations of the ring Z / 2^w, so every term built from them is
// a polynomial c0 + c1*m1 + ... + cn*mn over the remaining subterms (the
// atoms), with monomials m = a1 * ... * ak.  Two terms with the same
// polynomial are equal for all values of their atoms; the converse fails
// only in corner cases of the ring (2^(w-1) * x * (x + 1) = 0), which the
// rules never rely on.
//
// Two views are used.  The linear view keeps every product whose factors
// are not all constant as one monomial and does not multiply out sums
// inside products, so its term is never a bigger circuit than the input;
// it is the rewriter's normal form.  The expanded view multiplies
// everything out and also reads bvnot and shifts arithmetically; it is
// only used to decide equalities, never to build terms.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "wang/bitvector.hpp"
#include "wang/smt.hpp"

namespace wang::rewrite {

class Rewriter;

class Polynomial {
 public:
  struct Entry {
    std::vector<smt::Term> factors;  // by term id, repeated for powers; never empty
    bv::BitVector coefficient;       // never zero
  };

  explicit Polynomial(uint32_t width) : constant_(width) {}
  static Polynomial of_constant(const bv::BitVector& value);
  static Polynomial of_atom(smt::Term atom);
  // The product of `factors` (sorted by id) with coefficient 1.
  static Polynomial of_monomial(std::vector<smt::Term> factors);

  uint32_t width() const { return constant_.width(); }
  const bv::BitVector& constant() const { return constant_; }
  const std::vector<Entry>& entries() const { return entries_; }
  bool is_constant() const { return entries_.empty(); }
  // Monomials plus factors: what bounds the work on an expansion.
  size_t size() const;

  // {q, r} with this = atom * q + r, where q collects the monomials of two
  // or more factors that contain `atom`, each with one `atom` taken out.
  std::pair<Polynomial, Polynomial> split_by_factor(smt::Term atom) const;

  // this += factor * other
  void add(const Polynomial& other, const bv::BitVector& factor);
  void scale(const bv::BitVector& factor);
  Polynomial times(const Polynomial& other) const;

  friend bool operator==(const Polynomial& a, const Polynomial& b);

 private:
  // Sorts the entries by their factors, merges equal monomials and drops
  // zero coefficients.
  void normalize();

  bv::BitVector constant_;
  std::vector<Entry> entries_;
};

// The linear view of a bvadd, bvsub, bvneg or bvmul term whose arguments
// are normal forms; other terms are atoms, and so are nested sums and
// products that `rw` knows to be shared.
Polynomial linear_polynomial(const Rewriter& rw, smt::Term term);

// The same seen through shared terms and within `budget` arguments: the
// polynomial that `term` stands for rather than the shape to build it in.
Polynomial linear_polynomial(smt::Term term, size_t budget);

// The normal-form term of `polynomial`: a sum of its monomials with
// positive coefficients, minus a sum of those with negative ones (a
// coefficient counts as negative when its negation has fewer one bits,
// since the multiplier by a constant costs an adder per one bit).  An atom
// that several products share is first factored out, x*a + x*b as
// x*(a + b): one multiplier instead of two.
smt::Term polynomial_term(Rewriter& rw, const Polynomial& polynomial);

// Whether difference = 0 can be solved for the factor of entry `i`: the
// entry has one factor and an odd coefficient (a unit of the ring), and no
// other entry has that factor.
bool solvable_for(const Polynomial& difference, size_t i);

// Whether `c` is 1 or -1: solving for an entry with such a coefficient
// needs no multiplier.
bool is_one_or_minus_one(const bv::BitVector& c);

// The term x with difference = 0 iff x = the result, where x is the
// factor of entry `pivot`, which must be solvable_for, with coefficient c:
// x = -c^-1 * (difference - c * x).
smt::Term solved_for(Rewriter& rw, const Polynomial& difference, size_t pivot);

// The expanded view of `term`, or nullopt when it would exceed `limit`
// (counted by Polynomial::size).
std::optional<Polynomial> expanded_polynomial(Rewriter& rw, smt::Term term, size_t limit);

// The number of one bits of `value`.
uint32_t popcount(const bv::BitVector& value);

}  // namespace wang::rewrite
