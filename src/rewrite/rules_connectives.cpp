// The connectives: not, =>, and, or, xor over Bool, their bitwise
// counterparts over bit-vectors, and ite.  and/or/xor and bvand/bvor/bvxor
// obey the same laws with Bool's true/false in the place of the all-ones
// and all-zeros vectors, so one rule serves both.
#include <unordered_set>

#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

bool is_conjunction(Kind kind) { return kind == Kind::And || kind == Kind::BvAnd; }

// true / all ones, or false / all zeros, of the sort of `term`.
Term top(Rewriter& rw, Term term) { return term.sort().is_bool() ? rw.mk_bool(true) : rw.ones(width_of(term)); }
Term bottom(Rewriter& rw, Term term) { return term.sort().is_bool() ? rw.mk_bool(false) : rw.zero(width_of(term)); }

Kind negation_kind(Term term) { return term.sort().is_bool() ? Kind::Not : Kind::BvNot; }

Term negation(Rewriter& rw, Term term) { return rw.mk(negation_kind(term), {term}); }

bool is_negation(Term term) { return term.kind() == Kind::Not || term.kind() == Kind::BvNot; }


}  // namespace

Term rule_not_not(Rewriter&, Term term) {
  const Term operand = term.child(0);
  return operand.kind() == Kind::Not ? operand.child(0) : Term();
}

Term rule_implies_to_or(Rewriter& rw, Term term) {
  return rw.mk(Kind::Or, {rw.mk_not(term.child(0)), term.child(1)});
}

// By the operator's attributes: associative operators are flattened,
// commutative ones sorted.
Term rule_flatten_sort(Rewriter& rw, Term term) {
  const smt::OpInfo& op = smt::op_info(term.kind());
  std::vector<Term> flat = op.has(smt::kAssociative) ? flattened_children(term, term.kind()) : children_of(term);
  if (op.has(smt::kCommutative)) std::stable_sort(flat.begin(), flat.end(), term_order);
  if (std::equal(flat.begin(), flat.end(), term.children().begin(), term.children().end())) return {};
  return rw.mk(term.kind(), flat);
}

// x & top = x, x & bottom = bottom, x & x = x, x & ~x = bottom, and dually
// for or; constant arguments are combined into one.
Term rule_and_or_simplify(Rewriter& rw, Term term) {
  const bool conjunction = is_conjunction(term.kind());
  const bool idempotent = smt::op_info(term.kind()).has(smt::kIdempotent);
  const Term neutral = conjunction ? top(rw, term) : bottom(rw, term);
  const Term absorbing = conjunction ? bottom(rw, term) : top(rw, term);
  std::vector<Term> kept;
  std::unordered_set<uint64_t> seen;
  Term constant;
  bool changed = false;
  for (const Term& argument : term.children()) {
    if (argument == absorbing) return absorbing;
    const bool repeated = !seen.insert(argument.id()).second;
    if (argument == neutral || (idempotent && repeated)) {
      changed = true;
      continue;
    }
    if (argument.is_value()) {
      if (constant) {
        constant = rw.fold(term.kind(), {constant, argument});
        if (constant == absorbing) return absorbing;
        changed = true;
        continue;
      }
      constant = argument;
    }
    kept.push_back(argument);
  }
  for (const Term& argument : kept) {
    if (is_negation(argument) && seen.contains(argument.child(0).id())) return absorbing;
  }
  if (!changed) return {};
  // A combined constant replaces the first one in place.
  for (Term& argument : kept) {
    if (argument.is_value()) argument = constant;
  }
  std::erase(kept, neutral);
  if (kept.empty()) return neutral;
  if (kept.size() == 1) return kept[0];
  return rw.mk(term.kind(), kept);
}

// Negations are pulled out of the arguments and constants combined, so
// that the result is (not (xor ...)) or (xor c ...) over plain arguments,
// each at most once.
Term rule_xor_simplify(Rewriter& rw, Term term) {
  const Term zero = bottom(rw, term);
  Term constant = zero;
  std::vector<Term> arguments;
  std::vector<uint64_t> counts;
  for (Term argument : flattened_children(term, term.kind())) {
    if (argument.is_value()) {
      constant = rw.fold(term.kind(), {constant, argument});
      continue;
    }
    if (is_negation(argument)) {
      constant = rw.fold(negation_kind(constant), {constant});
      argument = argument.child(0);
    }
    const auto found = std::find(arguments.begin(), arguments.end(), argument);
    if (found == arguments.end()) {
      arguments.push_back(argument);
      counts.push_back(1);
    } else {
      ++counts[static_cast<size_t>(found - arguments.begin())];
    }
  }
  std::vector<Term> odd;
  for (size_t i = 0; i < arguments.size(); ++i) {
    if (counts[i] % 2 == 1) odd.push_back(arguments[i]);
  }
  const bool inverted = constant == top(rw, term);
  if (!inverted && constant != zero) odd.insert(odd.begin(), constant);
  const Term core = odd.empty() ? zero : odd.size() == 1 ? odd[0] : rw.mk(term.kind(), odd);
  return inverted ? negation(rw, core) : core;
}

Term rule_bvnot_bvnot(Rewriter&, Term term) {
  const Term operand = term.child(0);
  return operand.kind() == Kind::BvNot ? operand.child(0) : Term();
}

Term rule_bitwise_negated_ops(Rewriter& rw, Term term) {
  const Kind positive = term.kind() == Kind::BvNand  ? Kind::BvAnd
                        : term.kind() == Kind::BvNor ? Kind::BvOr
                                                     : Kind::BvXor;
  return rw.mk(Kind::BvNot, {rw.mk(positive, children_of(term))});
}

// ---- ite

Term rule_ite_constant_cond(Rewriter&, Term term) {
  const Term condition = term.child(0);
  if (is_true(condition)) return term.child(1);
  if (is_false(condition)) return term.child(2);
  return {};
}

Term rule_ite_same_branches(Rewriter&, Term term) { return term.child(1) == term.child(2) ? term.child(1) : Term(); }

Term rule_ite_not_cond(Rewriter& rw, Term term) {
  const Term condition = term.child(0);
  if (condition.kind() != Kind::Not) return {};
  return rw.mk(Kind::Ite, {condition.child(0), term.child(2), term.child(1)});
}

Term rule_ite_nested_cond(Rewriter& rw, Term term) {
  const Term condition = term.child(0);
  Term then_branch = term.child(1), else_branch = term.child(2);
  if (then_branch.kind() == Kind::Ite && then_branch.child(0) == condition) then_branch = then_branch.child(1);
  if (else_branch.kind() == Kind::Ite && else_branch.child(0) == condition) else_branch = else_branch.child(2);
  if (then_branch == term.child(1) && else_branch == term.child(2)) return {};
  return rw.mk(Kind::Ite, {condition, then_branch, else_branch});
}

// Bool ite with a constant branch is a conjunction or disjunction.
Term rule_ite_bool(Rewriter& rw, Term term) {
  if (!term.sort().is_bool()) return {};
  const Term c = term.child(0), a = term.child(1), b = term.child(2);
  if (is_true(a)) return rw.mk(Kind::Or, {c, b});
  if (is_false(a)) return rw.mk(Kind::And, {rw.mk_not(c), b});
  if (is_true(b)) return rw.mk(Kind::Or, {rw.mk_not(c), a});
  if (is_false(b)) return rw.mk(Kind::And, {c, a});
  return {};
}

// A branch equal to the condition (or its negation) is known inside it:
// (ite c c x) = (ite c true x).
Term rule_ite_cond_in_branch(Rewriter& rw, Term term) {
  if (!term.sort().is_bool()) return {};
  const Term c = term.child(0), a = term.child(1), b = term.child(2);
  const auto known = [&](Term branch, bool value) -> Term {
    if (branch == c) return rw.mk_bool(value);
    if (are_complements(branch, c)) return rw.mk_bool(!value);
    return branch;
  };
  const Term new_a = known(a, true), new_b = known(b, false);
  if (new_a == a && new_b == b) return {};
  return rw.mk(Kind::Ite, {c, new_a, new_b});
}

}  // namespace wang::rewrite
