// Embedded constraints: an assertion holds, so where it occurs inside
// another assertion it can be replaced by true (and b by false where
// (not b) is asserted).  Each assertion is rewritten with the others'
// facts, never with its own.  Across groups and checks, emit() records
// every handed-out assertion as a fact the same way.
#include "preprocess/preprocessor.hpp"

namespace wang::preprocess {

namespace {

// The term whose children an assertion's facts may not touch: the
// assertion itself, or b for (not b).
Term protected_node(Term assertion) { return assertion.kind() == Kind::Not ? assertion.child(0) : assertion; }

}  // namespace

bool pass_embedded(Preprocessor& pp, Preprocessor::Group& group) {
  if (group.assertions.size() < 2) return false;
  smt::TermMap<Term> facts;
  for (const Term& assertion : group.assertions) {
    if (assertion.is_value()) continue;
    facts.set(assertion, pp.terms().mk_bool(true));
    if (assertion.kind() == Kind::Not) facts.set(assertion.child(0), pp.terms().mk_bool(false));
  }
  smt::TermMap<Term> cache;
  std::vector<Term> children;
  bool changed = false;
  for (Term& assertion : group.assertions) {
    const Term node = protected_node(assertion);
    if (node.num_children() == 0) continue;
    children.clear();
    for (const Term& child : node.children()) children.push_back(smt::substitute(pp.terms(), child, facts, cache));
    const Term rebuilt = smt::with_children(pp.terms(), node, children);
    if (rebuilt == node) continue;
    assertion = node == assertion ? rebuilt : pp.terms().mk_term(Kind::Not, {rebuilt});
    changed = true;
    ++pp.statistics(PassId::embedded).changes;
  }
  return changed;
}

}  // namespace wang::preprocess
