// Constant folding, through the evaluator's reference semantics: the
// rewriter and the model checker cannot disagree on what an operator means.
#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

Term rule_fold_constants(Rewriter& rw, Term term) {
  // Values exist as terms only for Bool and bit-vectors (a constant array
  // of a value is not one).
  if (!term.sort().is_bool() && !term.sort().is_bitvec()) return {};
  for (const Term& child : term.children()) {
    if (!child.is_value()) return {};
  }
  std::vector<uint32_t> indices;
  for (size_t i = 0; i < term.num_indices(); ++i) indices.push_back(term.index(i));
  return rw.fold(term.kind(), term.children(), indices);
}

}  // namespace wang::rewrite
