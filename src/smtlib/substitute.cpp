#include "smtlib/substitute.hpp"

#include <unordered_map>
#include <vector>

namespace wang::smtlib {

smt::Term substitute(smt::TermManager& terms, smt::Term body, std::span<const smt::Term> parameters,
                     std::span<const smt::Term> arguments) {
  std::unordered_map<smt::Term, smt::Term, smt::TermHash> done;
  for (size_t i = 0; i < parameters.size(); ++i) done.emplace(parameters[i], arguments[i]);
  std::vector<smt::Term> stack{body};
  std::vector<smt::Term> children;
  std::vector<uint32_t> indices;
  while (!stack.empty()) {
    const smt::Term term = stack.back();
    if (done.contains(term)) {
      stack.pop_back();
      continue;
    }
    if (term.num_children() == 0) {
      done.emplace(term, term);
      stack.pop_back();
      continue;
    }
    // Post-order: rebuild the term once all of its children are done.
    bool ready = true;
    for (const smt::Term& child : term.children()) {
      if (!done.contains(child)) {
        stack.push_back(child);
        ready = false;
      }
    }
    if (!ready) continue;
    children.clear();
    bool changed = false;
    for (const smt::Term& child : term.children()) {
      children.push_back(done.at(child));
      changed |= children.back() != child;
    }
    indices.clear();
    for (size_t i = 0; i < term.num_indices(); ++i) indices.push_back(term.index(i));
    done.emplace(term, changed ? terms.mk_term(term.kind(), children, indices) : term);
    stack.pop_back();
  }
  return done.at(body);
}

}  // namespace wang::smtlib
