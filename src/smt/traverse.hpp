// The one walk over term graphs: post-order, iterative, each term once.
//
// Every layer above the terms visits graphs the same way: the evaluator
// computes a value per term, the bit-blaster a vector of bits, the
// rewriter and substitutions a new term.  Each keeps its results in a
// TermMap, indexed by the dense creation ids of the TermManager, so a
// lookup is an array access rather than a hash.  The walk keeps its own
// stack, so a term nested a million deep costs heap, not C++ stack.
#pragma once

#include <algorithm>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "wang/smt.hpp"

namespace wang::smt {

// A partial map from the terms of one TermManager to values of type V.
template <class V>
class TermMap {
 public:
  bool contains(Term term) const { return term.id() < slots_.size() && slots_[term.id()].present; }
  const V& at(Term term) const { return slots_[term.id()].value; }
  V& at(Term term) { return slots_[term.id()].value; }
  const V* find(Term term) const { return contains(term) ? &slots_[term.id()].value : nullptr; }
  V* find(Term term) { return contains(term) ? &slots_[term.id()].value : nullptr; }
  V& set(Term term, V value) {
    const size_t id = term.id();
    if (id >= slots_.size()) slots_.resize(std::max<size_t>(id + 1, slots_.size() * 2));
    slots_[id] = {std::move(value), true};
    return slots_[id].value;
  }
  void erase(Term term) {
    if (contains(term)) slots_[term.id()] = {};
  }
  void clear() { slots_.clear(); }

 private:
  struct Slot {
    V value{};
    bool present = false;
  };
  std::vector<Slot> slots_;
};

// The same interface over a hash map, for caches that see few of the
// manager's terms: a TermMap is as large as the highest id it holds, and a
// short-lived cache of a few terms (the value of one get-value) should not
// pay for every term ever made.
template <class V>
class SparseTermMap {
 public:
  bool contains(Term term) const { return values_.contains(term.id()); }
  const V& at(Term term) const { return values_.at(term.id()); }
  V& at(Term term) { return values_.at(term.id()); }
  const V* find(Term term) const {
    const auto found = values_.find(term.id());
    return found == values_.end() ? nullptr : &found->second;
  }
  V& set(Term term, V value) { return values_.insert_or_assign(term.id(), std::move(value)).first->second; }
  void erase(Term term) { values_.erase(term.id()); }
  void clear() { values_.clear(); }
  bool empty() const { return values_.empty(); }

 private:
  std::unordered_map<uint64_t, V> values_;
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
// yet in `cache` (a TermMap or a SparseTermMap), children first, and
// returns the value of `root`.
template <class Map, class Compute>
const auto& compute_bottom_up(Term root, Map& cache, Compute&& compute) {
  post_order(
      root, [&cache](Term term) { return cache.contains(term); },
      [&cache, &compute](Term term) { cache.set(term, compute(term)); });
  return cache.at(root);
}

// `term` with its children replaced by `children`: the same term when
// none changed, else a new application of the operator.
Term with_children(TermManager& terms, Term term, std::span<const Term> children);

// `term` with its children replaced by their entries in `rebuilt`.
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

// The terms below `roots` that two or more arguments of applications among
// them are (one application holding a term twice counts twice).
TermMap<bool> shared_terms(std::span<const Term> roots);

}  // namespace wang::smt
