// Top-level conjunctions, (and a b) and (not (or a b)), become separate
// assertions: each part can then be a substitution or a fact of its own.
#include "preprocess/preprocessor.hpp"

namespace wang::preprocess {

bool pass_flatten(Preprocessor& pp, Preprocessor::Group& group) {
  bool changed = false;
  std::vector<Term> flat;
  std::vector<Term> pending(group.assertions.rbegin(), group.assertions.rend());
  while (!pending.empty()) {
    const Term assertion = pending.back();
    pending.pop_back();
    if (assertion.kind() == Kind::And) {
      pending.insert(pending.end(), assertion.children().rbegin(), assertion.children().rend());
    } else if (assertion.kind() == Kind::Not && assertion.child(0).kind() == Kind::Or) {
      const Term disjunction = assertion.child(0);
      for (size_t i = disjunction.num_children(); i-- > 0;) pending.push_back(pp.rewriter().mk_not(disjunction.child(i)));
    } else {
      flat.push_back(assertion);
      continue;
    }
    changed = true;
    ++pp.statistics(PassId::flatten).changes;
  }
  group.assertions = std::move(flat);
  return changed;
}

}  // namespace wang::preprocess
