#include "smt/traverse.hpp"

#include <algorithm>

namespace wang::smt {

Term with_children(TermManager& terms, Term term, std::span<const Term> children) {
  if (std::ranges::equal(children, term.children())) return term;
  std::vector<uint32_t> indices;
  for (size_t i = 0; i < term.num_indices(); ++i) indices.push_back(term.index(i));
  return terms.mk_term(term.kind(), children, indices);
}

Term with_children(TermManager& terms, Term term, const TermMap<Term>& rebuilt) {
  std::vector<Term> children;
  children.reserve(term.num_children());
  for (const Term& child : term.children()) children.push_back(rebuilt.at(child));
  return with_children(terms, term, children);
}

// A replaced term is not descended into: `done` records its replacement.
Term substitute(TermManager& terms, Term root, const TermMap<Term>& replacements, TermMap<Term>& cache) {
  const auto done = [&](Term term) {
    if (cache.contains(term)) return true;
    const Term* replacement = replacements.find(term);
    if (!replacement) return false;
    cache.set(term, *replacement);
    return true;
  };
  post_order(root, done, [&](Term term) { cache.set(term, with_children(terms, term, cache)); });
  return cache.at(root);
}

TermMap<bool> shared_terms(std::span<const Term> roots) {
  TermMap<bool> used;  // once so far
  TermMap<bool> shared;
  TermMap<bool> visited;
  for (const Term& root : roots) {
    post_order(
        root, [&visited](Term term) { return visited.contains(term); },
        [&](Term term) {
          visited.set(term, true);
          for (const Term& child : term.children()) {
            if (used.contains(child)) {
              shared.set(child, true);
            } else {
              used.set(child, true);
            }
          }
        });
  }
  return shared;
}

}  // namespace wang::smt
