// The rewrite pass: every assertion under the replacements in force,
// rewritten; assertions that became true are dropped.
#include "preprocess/preprocessor.hpp"

namespace wang::preprocess {

bool pass_rewrite(Preprocessor& pp, Preprocessor::Group& group) {
  bool changed = false;
  std::vector<Term> kept;
  for (const Term& assertion : group.assertions) {
    const Term normal = pp.normalize(assertion);
    if (normal != assertion) {
      changed = true;
      ++pp.statistics(PassId::rewrite).changes;
    }
    if (!rewrite::is_true(normal)) kept.push_back(normal);
  }
  group.assertions = std::move(kept);
  return changed;
}

}  // namespace wang::preprocess
