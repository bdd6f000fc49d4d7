// The reference semantics of terms: evaluation over concrete values.  The
// model checker, get-value and the tests all rely on it, and it shares
// nothing with the bit-blaster, so that the two check each other.
#pragma once

#include <functional>
#include <span>
#include <variant>

#include "smt/traverse.hpp"
#include "wang/bitvector.hpp"
#include "wang/smt.hpp"

namespace wang::smt {

using Value = std::variant<bool, bv::BitVector>;

// The value of an operator applied to argument values.
Value apply_operator(Kind kind, std::span<const Value> arguments, std::span<const uint32_t> indices);

class Evaluator {
 public:
  // `constant_value` gives the value of each declared constant.
  explicit Evaluator(std::function<Value(Term)> constant_value) : constant_value_(std::move(constant_value)) {}

  // Iterative (deep terms must not overflow the stack) and memoized across
  // calls, so evaluating many assertions over shared subterms is linear.
  Value evaluate(Term term);

 private:
  std::function<Value(Term)> constant_value_;
  // Sparse: an evaluator often serves a few get-value terms of a model.
  SparseTermMap<Value> cache_;
};

}  // namespace wang::smt
