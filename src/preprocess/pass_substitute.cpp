// Variable substitution: an assertion x = t (or x, or (not x) for a Bool
// constant x) with x not occurring in t lets every later assertion, and
// every assertion of this group, use t for x.  The assertion itself is
// then dropped, and x's model value is t's; unless x is already part of
// the encoding (a lower level or an earlier check mentions it), where the
// equation stays to tie the old x to t.
//
// An equation for some bits of x, ((_ extract i j) x) = t, counts as
// x = (concat x' t x'') with fresh constants x' and x'' for the other bits,
// as long as nothing handed out mentions x: wherever x occurs, the bits
// the equation fixes are then visible to the rewriter (a 512-bit
// multiplier whose operands' upper halves are asserted zero shrinks to
// a 256-bit one).
//
// A linear equation counts as x = t too when x has an odd coefficient c
// in it (a unit of Z/2^w): c * x + r = 0 is x = -c^-1 * r.  The rewriter
// solves equations only for coefficients 1 and -1, which keeps the shape
// of the input; here x goes, which pays for the multiplier by c^-1.  Each
// equation is solved under the substitutions adopted before it, so a
// system of equations is eliminated as Gaussian elimination would.
#include "preprocess/preprocessor.hpp"
#include "rewrite/polynomial.hpp"

#include <algorithm>

namespace wang::preprocess {

namespace {

struct Candidate {
  Term variable;
  Term value;
  Term assertion;
  // Set when the equation gives only bits high..low of the variable.
  std::optional<std::pair<uint32_t, uint32_t>> slice = std::nullopt;
};

using rewrite::Polynomial;

// Arguments of the sums and products below one side of an equation that
// the linear view reads: far more than the rewriter's kFlattenLimit, since
// a system of equations over a hundred constants is solved only when each
// equation is read whole, and it is read once per round here.
constexpr size_t kLinearBudget = 4096;

// The substitutions the pass has adopted so far, and, as far as later
// equations have needed them, the linear views of their values.
class Adopted {
 public:
  const smt::TermMap<Term>& values() const { return values_; }
  void add(Term variable, Term value) { values_.set(variable, value); }
  const Polynomial& linear_view(Term variable) {
    if (const Polynomial* known = linear_.find(variable)) return *known;
    return linear_.set(variable, rewrite::linear_polynomial(values_.at(variable), kLinearBudget));
  }

 private:
  smt::TermMap<Term> values_;
  smt::SparseTermMap<Polynomial> linear_;
};

// `difference` with every adopted constant among its monomials replaced
// by its value's linear view, until none is left (the adopted
// substitutions are acyclic, so this ends): Gaussian elimination, solving
// each equation under the ones solved before it.  False past `budget`.
bool eliminate_adopted(Polynomial& difference, Adopted& adopted, int64_t& budget) {
  for (;;) {
    const auto& entries = difference.entries();
    const auto adopted_entry = std::ranges::find_if(entries, [&adopted](const Polynomial::Entry& entry) {
      return entry.factors.size() == 1 && adopted.values().contains(entry.factors[0]);
    });
    if (adopted_entry == entries.end()) return true;
    budget -= static_cast<int64_t>(entries.size());
    if (budget < 0) return false;
    const Term atom = adopted_entry->factors[0];
    const bv::BitVector coefficient = adopted_entry->coefficient;
    difference.add(Polynomial::of_atom(atom), bv::bvneg(coefficient));
    difference.add(adopted.linear_view(atom), coefficient);
  }
}

// The constant of `difference` to solve for: coefficients 1 and -1 first
// (no multiplier), then the earliest monomial.
std::optional<size_t> linear_pivot(const Polynomial& difference) {
  const auto& entries = difference.entries();
  std::optional<size_t> best;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (!rewrite::solvable_for(difference, i) || entries[i].factors[0].kind() != Kind::Constant) continue;
    if (!best || (rewrite::is_one_or_minus_one(entries[i].coefficient) &&
                  !rewrite::is_one_or_minus_one(entries[*best].coefficient))) {
      best = i;
    }
  }
  return best;
}

std::optional<Candidate> linear_candidate(Preprocessor& pp, Term assertion, Adopted& adopted,
                                          int64_t& budget) {
  const Term a = assertion.child(0), b = assertion.child(1);
  if (!a.sort().is_bitvec()) return std::nullopt;
  Polynomial difference = rewrite::linear_polynomial(a, kLinearBudget);
  difference.add(rewrite::linear_polynomial(b, kLinearBudget), bv::BitVector::ones(difference.width()));
  if (!eliminate_adopted(difference, adopted, budget)) return std::nullopt;
  const std::optional<size_t> pivot = linear_pivot(difference);
  if (!pivot) return std::nullopt;
  return Candidate{difference.entries()[*pivot].factors[0], rewrite::solved_for(pp.rewriter(), difference, *pivot),
                   assertion};
}

// ((_ extract high low) x) = t, for a constant x that nothing handed out
// mentions yet.
std::optional<Candidate> slice_candidate(Preprocessor& pp, Term assertion) {
  for (int side = 0; side < 2; ++side) {
    const Term extract = assertion.child(side);
    if (extract.kind() != Kind::Extract || extract.child(0).kind() != Kind::Constant) continue;
    const Term variable = extract.child(0);
    if (pp.visible(variable)) continue;
    return Candidate{variable, assertion.child(1 - side), assertion, std::pair{extract.index(0), extract.index(1)}};
  }
  return std::nullopt;
}

// x with bits high..low equal to `bits`: the other bits are fresh
// constants, so that x can go from every assertion, and each of its
// extracts that meets `bits` becomes (part of) it.
Term sliced_value(Preprocessor& pp, Term variable, Term bits, std::pair<uint32_t, uint32_t> slice) {
  const uint32_t width = variable.sort().width();
  const auto [high, low] = slice;
  std::vector<Term> parts;  // most significant first
  if (high + 1 < width) parts.push_back(pp.fresh_constant(Sort::bitvec(width - high - 1), "above"));
  parts.push_back(bits);
  if (low > 0) parts.push_back(pp.fresh_constant(Sort::bitvec(low), "below"));
  return parts.size() == 1 ? bits : pp.rewriter().mk(Kind::Concat, parts);
}

std::optional<Candidate> candidate(Preprocessor& pp, Term assertion, Adopted& adopted, int64_t& budget) {
  if (assertion.kind() == Kind::Constant) return Candidate{assertion, pp.terms().mk_bool(true), assertion};
  if (assertion.kind() == Kind::Not && assertion.child(0).kind() == Kind::Constant) {
    return Candidate{assertion.child(0), pp.terms().mk_bool(false), assertion};
  }
  if (assertion.kind() != Kind::Equal) return std::nullopt;
  Term left = assertion.child(0), right = assertion.child(1);
  const bool left_constant = left.kind() == Kind::Constant, right_constant = right.kind() == Kind::Constant;
  if (!left_constant && !right_constant) {
    if (std::optional<Candidate> sliced = slice_candidate(pp, assertion)) return sliced;
    return linear_candidate(pp, assertion, adopted, budget);
  }
  // Of two constants, the one declared later goes.
  if (!left_constant || (right_constant && right.id() > left.id())) std::swap(left, right);
  return Candidate{left, right, assertion};
}

// Whether `variable` occurs in `value` once the substitutions adopted in
// this pass are applied.  `budget` bounds the work of the whole pass: past
// it, candidates are refused (the next round retries).  The walk is short
// and there is one per candidate, so its visited set is sized by what it
// visits, not by the highest term id (which made the pass quadratic).
bool occurs(Term variable, Term value, const smt::TermMap<Term>& adopted, int64_t& budget) {
  smt::SparseTermMap<bool> seen;
  std::vector<Term> stack{value};
  while (!stack.empty()) {
    const Term term = stack.back();
    stack.pop_back();
    if (seen.contains(term)) continue;
    seen.set(term, true);
    if (--budget < 0 || term == variable) return true;
    if (const Term* substituted = adopted.find(term)) stack.push_back(*substituted);
    for (const Term& child : term.children()) stack.push_back(child);
  }
  return false;
}

// Bounds the occurs checks and eliminations of one pass, in terms visited
// and monomials scanned.
constexpr int64_t kWorkBudget = 20'000'000;

}  // namespace

bool pass_substitute(Preprocessor& pp, Preprocessor::Group& group) {
  Adopted adopted;
  std::vector<Candidate> chosen;
  int64_t budget = kWorkBudget;
  for (const Term& assertion : group.assertions) {
    std::optional<Candidate> found = candidate(pp, assertion, adopted, budget);
    if (!found || adopted.values().contains(found->variable)) continue;
    found->value = pp.normalize(found->value);
    if (occurs(found->variable, found->value, adopted.values(), budget)) continue;
    if (found->slice) found->value = sliced_value(pp, found->variable, found->value, *found->slice);
    adopted.add(found->variable, found->value);
    chosen.push_back(*found);
  }
  if (chosen.empty()) return false;
  PassStatistics& stats = pp.statistics(PassId::substitute);
  smt::TermMap<bool> used;
  for (const Candidate& substitution : chosen) {
    pp.replace(substitution.variable, substitution.value, group.level);
    used.set(substitution.assertion, true);
    ++stats.changes;
  }
  for (const Candidate& substitution : chosen) {
    if (pp.visible(substitution.variable)) {
      // The tie to the value as it normalizes now: a constant that this
      // pass eliminates may occur in the value as found, and its bits in
      // the SAT core are free (x3 = x2 with x2 := 13 must become x3 = 13).
      const Term value = pp.normalize(substitution.value);
      pp.emit(value.kind() == Kind::BoolValue
                  ? (value.bool_value() ? substitution.variable : pp.terms().mk_term(Kind::Not, {substitution.variable}))
                  : pp.terms().mk_term(Kind::Equal, {substitution.variable, value}),
              group.level);
    } else {
      pp.eliminate_by_definition(substitution.variable, substitution.value, group.level);
      ++stats.eliminated;
    }
  }
  std::erase_if(group.assertions, [&used](Term assertion) { return used.contains(assertion); });
  return true;
}

}  // namespace wang::preprocess
