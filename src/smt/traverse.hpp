// The one walk over term graphs: post-order, iterative, each term once.
//
// Every layer above the terms visits graphs the same way: the evaluator
// computes a value per term, the bit-blaster a vector of bits, the
// rewriter and substitutions a new term.  Each keeps its results in a
// TermMap, indexed by the dense creation ids of the TermManager, so a
// lookup is an array access rather than a hash.  The walk keeps its own
// stack, so a term nested a million deep costs heap, not C++ stack.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "wang/smt.hpp"

namespace wang::smt {

// A partial map from the terms of one TermManager to values of type V.
template <class V>
class TermMap {
 public:
  bool contains(Term term) const { return term.id() < present_.size() && present_[term.id()]; }
  const V& at(Term term) const { return values_[term.id()]; }
  V& at(Term term) { return values_[term.id()]; }
  const V* find(Term term) const { return contains(term) ? &values_[term.id()] : nullptr; }
  V* find(Term term) { return contains(term) ? &values_[term.id()] : nullptr; }
  V& set(Term term, V value) {
    const size_t id = term.id();
    if (id >= values_.size()) {
      const size_t size = std::max<size_t>(id + 1, values_.size() * 2);
      values_.resize(size);
      present_.resize(size, false);
    }
    present_[id] = true;
    values_[id] = std::move(value);
    return values_[id];
  }
  void erase(Term term) {
    if (!contains(term)) return;
    present_[term.id()] = false;
    values_[term.id()] = V{};
  }
  void clear() {
    values_.clear();
    present_.clear();
  }

 private:
  std::vector<V> values_;
  std::vector<bool> present_;
};

// Calls `visit(term)` for `root` and every term below it for which
// `done(term)` is false, children before parents.  `visit` must make
// `done(term)` true; a term shared by several parents is visited once.
// When `visit` throws, the terms visited so far stay done.
template <class Done, class Visit>
void post_order(Term root, Done&& done, Visit&& visit) {
  if (done(root)) return;
  std::vector<std::pair<Term, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [term, expanded] = stack.back();
    if (done(term)) {
      stack.pop_back();
      continue;
    }
    if (!expanded) {
      stack.back().second = true;
      for (const Term& child : term.children()) {
        if (!done(child)) stack.emplace_back(child, false);
      }
      continue;
    }
    stack.pop_back();
    visit(term);
  }
}

// Computes `compute(term)` for `root` and every term below it that is not
// yet in `cache`, children first, and returns the value of `root`.
template <class V, class Compute>
const V& compute_bottom_up(Term root, TermMap<V>& cache, Compute&& compute) {
  post_order(
      root, [&cache](Term term) { return cache.contains(term); },
      [&cache, &compute](Term term) { cache.set(term, compute(term)); });
  return cache.at(root);
}

// `term` with its children replaced by their entries in `rebuilt`: the
// same term when none changed, else a new application of the operator.
Term with_children(TermManager& terms, Term term, const TermMap<Term>& rebuilt);

// Rebuilds `root` bottom-up: leaves map to `leaf(term)`, applications to
// `build(term, children)` with their children already rebuilt.  Results
// are kept in `cache`, which may serve many calls.
template <class Leaf, class Build>
Term rebuild(Term root, TermMap<Term>& cache, Leaf&& leaf, Build&& build) {
  std::vector<Term> children;
  return compute_bottom_up(root, cache, [&](Term term) {
    if (term.num_children() == 0) return leaf(term);
    children.clear();
    for (const Term& child : term.children()) children.push_back(cache.at(child));
    return build(term, std::span<const Term>(children));
  });
}

// `root` with every term in `replacements` replaced by its entry, the
// rest rebuilt where a child changed.  `cache` holds results across calls
// with the same replacements.
Term substitute(TermManager& terms, Term root, const TermMap<Term>& replacements, TermMap<Term>& cache);

}  // namespace wang::smt
