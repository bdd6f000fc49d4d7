// Where the constants of a set of assertions occur: the walk that the
// passes counting occurrences share.
#pragma once

#include <span>
#include <vector>

#include "smt/traverse.hpp"
#include "wang/smt.hpp"

namespace wang::preprocess {

// Calls `visit(term)` once for every distinct term under `roots`,
// children first.
template <class Visit>
void for_each_term(std::span<const smt::Term> roots, Visit&& visit) {
  smt::TermMap<bool> seen;
  for (const smt::Term& root : roots) {
    smt::post_order(
        root, [&seen](smt::Term term) { return seen.contains(term); },
        [&](smt::Term term) {
          seen.set(term, true);
          visit(term);
        });
  }
}

// The distinct terms that have each constant as a direct argument, and
// whether a constant is itself one of the roots.
struct ConstantUses {
  smt::TermMap<std::vector<smt::Term>> parents;
  smt::TermMap<bool> is_root;
  std::vector<smt::Term> constants;  // in the order first met
};

inline ConstantUses constant_uses(std::span<const smt::Term> roots) {
  ConstantUses uses;
  for (const smt::Term& root : roots) {
    if (root.kind() == smt::Kind::Constant) uses.is_root.set(root, true);
  }
  for_each_term(roots, [&uses](smt::Term term) {
    if (term.kind() == smt::Kind::Constant) {
      if (!uses.parents.contains(term)) {
        uses.parents.set(term, {});
        uses.constants.push_back(term);
      }
      return;
    }
    for (size_t i = 0; i < term.num_children(); ++i) {
      const smt::Term child = term.child(i);
      if (child.kind() != smt::Kind::Constant) continue;
      // Children come first, so the constant has its entry already.
      std::vector<smt::Term>& parents = uses.parents.at(child);
      if (parents.empty() || parents.back() != term) parents.push_back(term);
    }
  });
  return uses;
}

}  // namespace wang::preprocess
