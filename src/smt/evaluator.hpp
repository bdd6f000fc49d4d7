// The reference semantics of terms: evaluation over concrete values.  The
// model checker, get-value and the tests all rely on it, and it shares
// nothing with the bit-blaster, so that the two check each other.
#pragma once

#include <functional>
#include <memory>
#include <span>
#include <variant>

#include "smt/traverse.hpp"
#include "wang/bitvector.hpp"
#include "wang/smt.hpp"

namespace wang::smt {

struct ArrayValue;
struct FunctionValue;
struct AbstractValue;

// A value: of Bool, of a bit-vector sort, of an array sort (a finite map
// with a default), of a function sort (likewise, over argument tuples), or
// of an uninterpreted sort (an element numbered within its sort).
using Value = std::variant<bool, bv::BitVector, ArrayValue, FunctionValue, AbstractValue>;

struct AbstractValue {
  Sort sort;
  uint64_t index;
  bool operator==(const AbstractValue& other) const = default;
};

// Arrays and functions share their data: a store copies the entries once.
struct ArrayData;
struct ArrayValue {
  std::shared_ptr<const ArrayData> data;
  // Extensional: equal where every index maps to the same value.
  bool operator==(const ArrayValue& other) const;
};

struct FunctionData;
struct FunctionValue {
  std::shared_ptr<const FunctionData> data;
  bool operator==(const FunctionValue& other) const;
};

struct ArrayData {
  Sort sort;  // the array sort
  Value default_value;
  // By index, sorted by value_less, none equal to the default (see
  // make_array, which also folds arrays whose entries cover every index).
  std::vector<std::pair<Value, Value>> entries;
};

struct FunctionData {
  Sort sort;  // the function sort
  Value default_value;
  std::vector<std::pair<std::vector<Value>, Value>> entries;  // sorted by arguments
};

// A strict total order on values of one sort.
bool value_less(const Value& a, const Value& b);
// The array of sort `sort` mapping the indices of `entries` to their
// values and every other index to `default_value`, in the normal form
// ArrayData describes.
ArrayValue make_array(Sort sort, Value default_value, std::vector<std::pair<Value, Value>> entries);
FunctionValue make_function(Sort sort, Value default_value, std::vector<std::pair<std::vector<Value>, Value>> entries);
// The value of `array` at `index`, of `function` at `arguments`.
const Value& array_at(const ArrayValue& array, const Value& index);
const Value& function_at(const FunctionValue& function, std::span<const Value> arguments);
// Some value of `sort`: false, zero, the first element, a constant array
// of the default element, a constant function.
Value default_value(Sort sort);

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
