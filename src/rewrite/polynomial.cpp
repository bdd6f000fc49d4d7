#include "rewrite/polynomial.hpp"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

using bv::BitVector;

bool factors_less(const std::vector<Term>& a, const std::vector<Term>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](Term x, Term y) { return x.id() < y.id(); });
}

std::vector<Term> merged_factors(const std::vector<Term>& a, const std::vector<Term>& b) {
  std::vector<Term> merged;
  merged.reserve(a.size() + b.size());
  std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged),
             [](Term x, Term y) { return x.id() < y.id(); });
  return merged;
}

BitVector one(uint32_t width) { return BitVector::from_uint64(width, 1); }

// The normal-form term of one monomial times `coefficient`.  Products
// are built directly, in the order the polynomial keeps, and registered
// as normal: rewriting them again would only rebuild them.  A coefficient
// multiplies the product of the factors as a whole, so that the product
// is the same term wherever the monomial occurs, whatever its coefficient,
// and is blasted once (c * a * b would be c * a, then times b).
Term monomial_term(Rewriter& rw, const Polynomial::Entry& entry, const BitVector& coefficient) {
  Term product = entry.factors[0];
  if (entry.factors.size() > 1) product = rw.declare_normal(rw.terms().mk_term(Kind::BvMul, entry.factors));
  if (coefficient == one(coefficient.width())) return product;
  return rw.declare_normal(rw.terms().mk_term(Kind::BvMul, {rw.mk_bv(coefficient), product}));
}

Term sum_term(Rewriter& rw, std::vector<Term> summands, uint32_t width) {
  if (summands.empty()) return rw.zero(width);
  if (summands.size() == 1) return summands[0];
  std::stable_sort(summands.begin(), summands.end(), term_order);
  return rw.declare_normal(rw.terms().mk_term(Kind::BvAdd, summands));
}

bool counts_as_negative(const BitVector& coefficient) {
  return popcount(bv::bvneg(coefficient)) < popcount(coefficient);
}

// The expanded view, memoised over one call.
class Expander {
 public:
  Expander(Rewriter& rw, size_t limit) : rw_(rw), limit_(limit) {}

  const Polynomial* expand(Term term) {
    if (const auto found = memo_.find(term.id()); found != memo_.end()) return found->second ? &*found->second : nullptr;
    // The recursion follows the term; a deep one would exceed the limit
    // anyway, but only after using up the stack.
    if (depth_ >= kMaxDepth) return nullptr;
    ++depth_;
    std::optional<Polynomial> result = compute(term);
    --depth_;
    if (result && result->size() > limit_) result.reset();
    auto& slot = memo_[term.id()];
    slot = std::move(result);
    return slot ? &*slot : nullptr;
  }

 private:
  std::optional<Polynomial> compute(Term term) {
    const uint32_t width = width_of(term);
    switch (term.kind()) {
      case Kind::BvValue: return Polynomial::of_constant(term.bv_value());
      case Kind::BvAdd: {
        Polynomial sum(width);
        for (const Term& child : term.children()) {
          const Polynomial* part = expand(child);
          if (!part) return std::nullopt;
          sum.add(*part, one(width));
        }
        return sum;
      }
      case Kind::BvSub:
      case Kind::BvNeg:
      case Kind::BvNot: {
        // a - b, 0 - a, and ~a = -a - 1.
        Polynomial result(width);
        const bool binary = term.kind() == Kind::BvSub;
        if (binary) {
          const Polynomial* first = expand(term.child(0));
          if (!first) return std::nullopt;
          result = *first;
        }
        const Polynomial* negated = expand(term.child(binary ? 1 : 0));
        if (!negated) return std::nullopt;
        result.add(*negated, BitVector::ones(width));
        if (term.kind() == Kind::BvNot) result.add(Polynomial::of_constant(BitVector::ones(width)), one(width));
        return result;
      }
      case Kind::BvMul: {
        Polynomial product = Polynomial::of_constant(one(width));
        for (const Term& child : term.children()) {
          const Polynomial* factor = expand(child);
          if (!factor || product.size() * factor->size() > limit_ * limit_) return std::nullopt;
          product = product.times(*factor);
          if (product.size() > limit_) return std::nullopt;
        }
        return product;
      }
      case Kind::BvShl:
        if (is_one(term.child(0))) return Polynomial::of_atom(term);
        return shifted(term.child(0), rw_.mk(Kind::BvShl, {rw_.mk_bv(one(width)), term.child(1)}));
      case Kind::Concat: return low_bits_shifted(term);
      default: return Polynomial::of_atom(term);
    }
  }

  // a << t = a * (1 << t), also for t >= w where both are 0.
  std::optional<Polynomial> shifted(Term operand, Term power) {
    const Polynomial* base = expand(operand);
    const Polynomial* factor = expand(power);
    if (!base || !factor) return std::nullopt;
    return base->times(*factor);
  }

  // (concat ((_ extract w-k-1 0) x) 0_k) = x * 2^k: the normal form of a
  // left shift by the constant k.
  std::optional<Polynomial> low_bits_shifted(Term term) {
    if (term.num_children() != 2 || !is_zero(term.child(1)) || term.child(0).kind() != Kind::Extract) {
      return Polynomial::of_atom(term);
    }
    const Term extract = term.child(0);
    const Term operand = extract.child(0);
    if (extract.index(1) != 0 || width_of(operand) != width_of(term)) return Polynomial::of_atom(term);
    const Polynomial* base = expand(operand);
    if (!base) return std::nullopt;
    BitVector power(width_of(term));
    power.set_bit(width_of(term.child(1)), true);
    Polynomial result = *base;
    result.scale(power);
    return result;
  }

  static constexpr uint32_t kMaxDepth = 100;

  Rewriter& rw_;
  size_t limit_;
  uint32_t depth_ = 0;
  std::unordered_map<uint64_t, std::optional<Polynomial>> memo_;
};

}  // namespace

uint32_t popcount(const BitVector& value) {
  uint32_t count = 0;
  for (uint64_t word : value.words()) count += static_cast<uint32_t>(std::popcount(word));
  return count;
}

Polynomial Polynomial::of_constant(const BitVector& value) {
  Polynomial polynomial(value.width());
  polynomial.constant_ = value;
  return polynomial;
}

Polynomial Polynomial::of_monomial(std::vector<Term> factors) {
  Polynomial polynomial(width_of(factors.front()));
  polynomial.entries_.push_back({std::move(factors), one(polynomial.width())});
  return polynomial;
}

Polynomial Polynomial::of_atom(Term atom) {
  Polynomial polynomial(width_of(atom));
  polynomial.entries_.push_back({{atom}, one(width_of(atom))});
  return polynomial;
}

size_t Polynomial::size() const {
  size_t size = entries_.size();
  for (const Entry& entry : entries_) size += entry.factors.size();
  return size;
}

std::pair<Polynomial, Polynomial> Polynomial::split_by_factor(Term atom) const {
  Polynomial cofactor(width());
  Polynomial rest = of_constant(constant_);
  for (const Entry& entry : entries_) {
    const auto found = std::ranges::find(entry.factors, atom);
    if (entry.factors.size() < 2 || found == entry.factors.end()) {
      rest.entries_.push_back(entry);
      continue;
    }
    std::vector<Term> others = entry.factors;
    others.erase(others.begin() + (found - entry.factors.begin()));
    cofactor.entries_.push_back({std::move(others), entry.coefficient});
  }
  cofactor.normalize();
  rest.normalize();
  return {std::move(cofactor), std::move(rest)};
}

void Polynomial::add(const Polynomial& other, const BitVector& factor) {
  constant_ = bv::bvadd(constant_, bv::bvmul(other.constant_, factor));
  for (const Entry& entry : other.entries_) entries_.push_back({entry.factors, bv::bvmul(entry.coefficient, factor)});
  normalize();
}

void Polynomial::scale(const BitVector& factor) {
  constant_ = bv::bvmul(constant_, factor);
  for (Entry& entry : entries_) entry.coefficient = bv::bvmul(entry.coefficient, factor);
  normalize();
}

Polynomial Polynomial::times(const Polynomial& other) const {
  Polynomial product = of_constant(bv::bvmul(constant_, other.constant_));
  for (const Entry& a : entries_) {
    product.entries_.push_back({a.factors, bv::bvmul(a.coefficient, other.constant_)});
    for (const Entry& b : other.entries_) {
      product.entries_.push_back({merged_factors(a.factors, b.factors), bv::bvmul(a.coefficient, b.coefficient)});
    }
  }
  for (const Entry& b : other.entries_) product.entries_.push_back({b.factors, bv::bvmul(b.coefficient, constant_)});
  product.normalize();
  return product;
}

bool operator==(const Polynomial& a, const Polynomial& b) {
  if (a.constant_ != b.constant_ || a.entries_.size() != b.entries_.size()) return false;
  for (size_t i = 0; i < a.entries_.size(); ++i) {
    if (a.entries_[i].factors != b.entries_[i].factors || a.entries_[i].coefficient != b.entries_[i].coefficient) {
      return false;
    }
  }
  return true;
}

void Polynomial::normalize() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return factors_less(a.factors, b.factors); });
  std::vector<Entry> merged;
  for (Entry& entry : entries_) {
    if (!merged.empty() && merged.back().factors == entry.factors) {
      merged.back().coefficient = bv::bvadd(merged.back().coefficient, entry.coefficient);
    } else {
      merged.push_back(std::move(entry));
    }
  }
  std::erase_if(merged, [](const Entry& entry) { return entry.coefficient.is_zero(); });
  entries_ = std::move(merged);
}

namespace {

bool is_sum(Term term) {
  return term.kind() == Kind::BvAdd || term.kind() == Kind::BvSub || term.kind() == Kind::BvNeg;
}

// The linear view within a budget of arguments: a nested sum or product
// that would exceed it is taken as an atom (see kFlattenLimit), and so is
// one that `rw` knows to be shared (see Rewriter::mark_shared).
Polynomial linear(const Rewriter* rw, Term term, size_t& budget, bool top) {
  const uint32_t width = width_of(term);
  if (!top && (is_sum(term) || term.kind() == Kind::BvMul) &&
      (term.num_children() > budget || (rw && rw->is_shared(term)))) {
    return Polynomial::of_atom(term);
  }
  if (!top) budget -= std::min(budget, term.num_children());
  switch (term.kind()) {
    case Kind::BvValue: return Polynomial::of_constant(term.bv_value());
    case Kind::BvAdd: {
      Polynomial sum(width);
      for (const Term& child : term.children()) sum.add(linear(rw, child, budget, false), one(width));
      return sum;
    }
    case Kind::BvSub: {
      Polynomial difference = linear(rw, term.child(0), budget, false);
      difference.add(linear(rw, term.child(1), budget, false), BitVector::ones(width));
      return difference;
    }
    case Kind::BvNeg: {
      Polynomial negated = linear(rw, term.child(0), budget, false);
      negated.scale(BitVector::ones(width));
      return negated;
    }
    case Kind::BvMul: break;
    default: return Polynomial::of_atom(term);
  }
  // A product: constants make the coefficient; a single other factor is
  // distributed over, several form one monomial (nested products, being
  // normal forms, contribute their coefficient and factors).
  BitVector coefficient = one(width);
  std::vector<Term> factors;
  std::vector<Term> pending(term.children().begin(), term.children().end());
  while (!pending.empty()) {
    const Term factor = pending.back();
    pending.pop_back();
    if (factor.kind() == Kind::BvValue) {
      coefficient = bv::bvmul(coefficient, factor.bv_value());
    } else if (factor.kind() == Kind::BvMul && factor.num_children() <= budget && !(rw && rw->is_shared(factor))) {
      budget -= factor.num_children();
      pending.insert(pending.end(), factor.children().begin(), factor.children().end());
    } else {
      factors.push_back(factor);
    }
  }
  if (factors.empty()) return Polynomial::of_constant(coefficient);
  Polynomial product(width);
  if (factors.size() == 1) {
    product = linear(rw, factors[0], budget, false);
  } else {
    std::sort(factors.begin(), factors.end(), [](Term x, Term y) { return x.id() < y.id(); });
    product = Polynomial::of_monomial(factors);
  }
  product.scale(coefficient);
  return product;
}

}  // namespace

bool solvable_for(const Polynomial& difference, size_t i) {
  const auto& entries = difference.entries();
  if (entries[i].factors.size() != 1 || !entries[i].coefficient.bit(0)) return false;
  const Term atom = entries[i].factors[0];
  for (size_t j = 0; j < entries.size(); ++j) {
    if (j != i && std::ranges::find(entries[j].factors, atom) != entries[j].factors.end()) return false;
  }
  return true;
}

bool is_one_or_minus_one(const BitVector& c) { return c == one(c.width()) || c == BitVector::ones(c.width()); }

Term solved_for(Rewriter& rw, const Polynomial& difference, size_t pivot) {
  const Polynomial::Entry& entry = difference.entries()[pivot];
  Polynomial rest = difference;
  rest.add(Polynomial::of_atom(entry.factors[0]), bv::bvneg(entry.coefficient));
  rest.scale(bv::bvneg(bv::odd_inverse(entry.coefficient)));
  return polynomial_term(rw, rest);
}

Polynomial linear_polynomial(const Rewriter& rw, Term term) {
  size_t budget = kFlattenLimit;
  return linear(&rw, term, budget, true);
}

Polynomial linear_polynomial(Term term, size_t budget) {
  return linear(nullptr, term, budget, true);
}

namespace {

// The term of a polynomial as it stands, without factoring.
Term written(Rewriter& rw, const Polynomial& polynomial) {
  const uint32_t width = polynomial.width();
  if (polynomial.is_constant()) return rw.mk_bv(polynomial.constant());
  std::vector<Term> positive, negative;
  for (const Polynomial::Entry& entry : polynomial.entries()) {
    if (counts_as_negative(entry.coefficient)) {
      negative.push_back(monomial_term(rw, entry, bv::bvneg(entry.coefficient)));
    } else {
      positive.push_back(monomial_term(rw, entry, entry.coefficient));
    }
  }
  const BitVector& constant = polynomial.constant();
  if (!constant.is_zero()) {
    if (counts_as_negative(constant)) {
      negative.push_back(rw.mk_bv(bv::bvneg(constant)));
    } else {
      positive.push_back(rw.mk_bv(constant));
    }
  }
  const Term plus = sum_term(rw, std::move(positive), width);
  if (negative.empty()) return plus;
  const Term minus = sum_term(rw, std::move(negative), width);
  if (is_zero(plus)) return rw.declare_normal(rw.terms().mk_term(Kind::BvNeg, {minus}));
  return rw.declare_normal(rw.terms().mk_term(Kind::BvSub, {plus, minus}));
}

// The atom that the most products (monomials of two or more factors)
// contain, the one of least id among equals, if at least two contain it.
std::optional<Term> common_factor(const Polynomial& polynomial) {
  std::unordered_map<uint64_t, size_t> products;
  std::optional<Term> best;
  size_t best_count = 1;
  for (const Polynomial::Entry& entry : polynomial.entries()) {
    if (entry.factors.size() < 2) continue;
    for (size_t i = 0; i < entry.factors.size(); ++i) {
      const Term factor = entry.factors[i];
      if (i > 0 && entry.factors[i - 1] == factor) continue;  // a power counts once
      const size_t count = ++products[factor.id()];
      if (count > best_count || (count == best_count && best && factor.id() < best->id())) {
        best = factor;
        best_count = count;
      }
    }
  }
  if (best_count < 2) return std::nullopt;
  return best;
}

// Takes common factors out until no atom is shared by two products:
// x*q + r becomes r + s*(x * q') with q = s*q' factored in turn, the sign s
// chosen so that fewer of q's coefficients count as negative (-x*a - x*b
// is -(x*(a + b))).  A q' that is one monomial joins x in it: x*y*a +
// x*y*b is the product x*y*(a + b), as that product would be written.
Polynomial factored(Rewriter& rw, Polynomial polynomial) {
  while (const std::optional<Term> atom = common_factor(polynomial)) {
    auto [cofactor, rest] = polynomial.split_by_factor(*atom);
    const uint32_t width = polynomial.width();
    const auto negative = std::ranges::count_if(
        cofactor.entries(), [](const Polynomial::Entry& entry) { return counts_as_negative(entry.coefficient); });
    BitVector sign = one(width);
    if (2 * static_cast<size_t>(negative) > cofactor.entries().size()) {
      sign = BitVector::ones(width);
      cofactor.scale(sign);
    }
    const Polynomial inner = factored(rw, cofactor);
    if (inner.constant().is_zero() && inner.entries().size() == 1) {
      const Polynomial::Entry& only = inner.entries()[0];
      rest.add(Polynomial::of_monomial(merged_factors({*atom}, only.factors)), bv::bvmul(sign, only.coefficient));
    } else {
      rest.add(Polynomial::of_monomial(merged_factors({*atom}, {written(rw, inner)})), sign);
    }
    polynomial = std::move(rest);
  }
  return polynomial;
}

}  // namespace

Term polynomial_term(Rewriter& rw, const Polynomial& polynomial) { return written(rw, factored(rw, polynomial)); }

std::optional<Polynomial> expanded_polynomial(Rewriter& rw, Term term, size_t limit) {
  Expander expander(rw, limit);
  const Polynomial* result = expander.expand(term);
  if (!result) return std::nullopt;
  return *result;
}

}  // namespace wang::rewrite
