// Arrays: reads that a store or a constant array answers at once, and the
// conditional write that hardware models produce.
#include <optional>
#include <unordered_set>

#include "rewrite/rewriter.hpp"

namespace wang::rewrite {

namespace {

// Whether `a` and `b` certainly differ: two different values.
bool distinct_values(Term a, Term b) { return a != b && a.is_value() && b.is_value(); }

// The stores and ites of arrays that a read of `array` passes through on
// its way to the base arrays, if there are at most `limit` of them.
bool write_history_within(Term array, size_t limit) {
  std::vector<Term> stack{array};
  std::unordered_set<uint64_t> seen;
  while (!stack.empty()) {
    const Term term = stack.back();
    stack.pop_back();
    if ((term.kind() != Kind::Store && term.kind() != Kind::Ite) || !seen.insert(term.id()).second) continue;
    if (seen.size() > limit) return false;
    if (term.kind() == Kind::Store) {
      stack.push_back(term.child(0));
    } else {
      stack.push_back(term.child(1));
      stack.push_back(term.child(2));
    }
  }
  return true;
}

// A conditional write as ite_store leaves it: `(ite c v (select base
// written))` stored at `written` writes v when c holds (or, with the
// branches the other way round, when c does not) and otherwise keeps what
// was there.
struct ConditionalWrite {
  Term condition, value;
};

// The write that `value`, stored over `base` at `written`, makes, if it
// has that form.  A read at another index then needs no read of the old
// value at `written`, which would itself be expanded through every
// earlier write and make an unrolled memory quadratic.
std::optional<ConditionalWrite> conditional_write(Rewriter& rw, Term base, Term written, Term value) {
  if (value.kind() != Kind::Ite) return std::nullopt;
  const Term old = rw.mk(Kind::Select, {base, written});
  if (value.child(2) == old) return ConditionalWrite{value.child(0), value.child(1)};
  if (value.child(1) == old) return ConditionalWrite{rw.mk_not(value.child(0)), value.child(2)};
  return std::nullopt;
}

// Reads are expanded through at most this many writes: the expansion costs
// reads times writes, and longer histories are left to the lemmas.
constexpr size_t kExpandedWrites = 64;

}  // namespace

// A read through a short history of writes becomes a choice among the
// written values and reads of the base arrays: the SAT core then sees the
// whole read at once, where lemmas on demand would add one path of it
// per round (a BMC unrolling of a memory reads through one write per step).
Term rule_select_expand(Rewriter& rw, Term term) {
  const Term array = term.child(0), index = term.child(1);
  if ((array.kind() != Kind::Store && array.kind() != Kind::Ite) || !write_history_within(array, kExpandedWrites)) {
    return {};
  }
  if (array.kind() == Kind::Ite) {
    return rw.mk(Kind::Ite, {array.child(0), rw.mk(Kind::Select, {array.child(1), index}),
                             rw.mk(Kind::Select, {array.child(2), index})});
  }
  const Term base = array.child(0), written = array.child(1), value = array.child(2);
  const Term hit = rw.mk(Kind::Equal, {index, written}), below = rw.mk(Kind::Select, {base, index});
  if (const auto write = conditional_write(rw, base, written, value)) {
    return rw.mk(Kind::Ite, {rw.mk(Kind::And, {hit, write->condition}), write->value, below});
  }
  return rw.mk(Kind::Ite, {hit, value, below});
}

// Only where the answer is certain: the indices are the same term or two
// different values.  Everything else is left to the lemmas on demand,
// which cost nothing for reads that never conflict.
Term rule_select_store(Rewriter& rw, Term term) {
  const Term array = term.child(0), index = term.child(1);
  if (array.kind() == Kind::ConstArray) return array.child(0);
  if (array.kind() != Kind::Store) return {};
  if (array.child(1) == index) return array.child(2);
  if (distinct_values(array.child(1), index)) return rw.mk(Kind::Select, {array.child(0), index});
  return {};
}

// (ite c (store a i v) a) writes either v or what was there: a memory
// with a write enable, as yosys and other hardware front ends model it.
// As a store of a conditional value every read below it meets one store
// instead of a choice, so the lemmas about it no longer multiply with
// the conditions of the writes before.
Term rule_ite_store(Rewriter& rw, Term term) {
  if (!term.sort().is_array()) return {};
  const Term condition = term.child(0), then_branch = term.child(1), else_branch = term.child(2);
  if (then_branch.kind() == Kind::Store && then_branch.child(0) == else_branch) {
    const Term old = rw.mk(Kind::Select, {else_branch, then_branch.child(1)});
    return rw.mk(Kind::Store, {else_branch, then_branch.child(1), rw.mk(Kind::Ite, {condition, then_branch.child(2), old})});
  }
  if (else_branch.kind() == Kind::Store && else_branch.child(0) == then_branch) {
    const Term old = rw.mk(Kind::Select, {then_branch, else_branch.child(1)});
    return rw.mk(Kind::Store, {then_branch, else_branch.child(1), rw.mk(Kind::Ite, {condition, old, else_branch.child(2)})});
  }
  return {};
}

}  // namespace wang::rewrite
