// Variable substitution: an assertion x = t (or x, or (not x) for a Bool
// constant x) with x not occurring in t lets every later assertion, and
// every assertion of this group, use t for x.  The assertion itself is
// then dropped, and x's model value is t's; unless x is already part of
// the encoding (a lower level or an earlier check mentions it), where the
// equation stays to tie the old x to t.
#include "preprocess/preprocessor.hpp"

namespace wang::preprocess {

namespace {

struct Candidate {
  Term variable;
  Term value;
  Term assertion;
};

std::optional<Candidate> candidate(Preprocessor& pp, Term assertion) {
  if (assertion.kind() == Kind::Constant) return Candidate{assertion, pp.terms().mk_bool(true), assertion};
  if (assertion.kind() == Kind::Not && assertion.child(0).kind() == Kind::Constant) {
    return Candidate{assertion.child(0), pp.terms().mk_bool(false), assertion};
  }
  if (assertion.kind() != Kind::Equal) return std::nullopt;
  Term left = assertion.child(0), right = assertion.child(1);
  const bool left_constant = left.kind() == Kind::Constant, right_constant = right.kind() == Kind::Constant;
  if (!left_constant && !right_constant) return std::nullopt;
  // Of two constants, the one declared later goes.
  if (!left_constant || (right_constant && right.id() > left.id())) std::swap(left, right);
  return Candidate{left, right, assertion};
}

// Whether `variable` occurs in `value` once the substitutions adopted in
// this pass (`adopted`) are applied.  `budget` bounds the work of the
// whole pass: past it, candidates are refused (the next round retries).
bool occurs(Term variable, Term value, const smt::TermMap<Term>& adopted, int64_t& budget) {
  smt::TermMap<bool> seen;
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

// Bounds the occurs checks of one pass, in terms visited.
constexpr int64_t kOccursBudget = 20'000'000;

}  // namespace

bool pass_substitute(Preprocessor& pp, Preprocessor::Group& group) {
  smt::TermMap<Term> adopted;
  std::vector<Candidate> chosen;
  int64_t budget = kOccursBudget;
  for (const Term& assertion : group.assertions) {
    std::optional<Candidate> found = candidate(pp, assertion);
    if (!found || adopted.contains(found->variable)) continue;
    found->value = pp.normalize(found->value);
    if (occurs(found->variable, found->value, adopted, budget)) continue;
    adopted.set(found->variable, found->value);
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
