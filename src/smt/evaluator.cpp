#include "smt/evaluator.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "smt/node.hpp"

namespace wang::smt {

namespace {

using bv::BitVector;

const BitVector& bits(const Value& value) { return std::get<BitVector>(value); }
bool truth(const Value& value) { return std::get<bool>(value); }

// Folds a left-associative operator over its arguments.
template <class Operation>
Value fold_bits(std::span<const Value> args, Operation operation) {
  BitVector result = bits(args[0]);
  for (size_t i = 1; i < args.size(); ++i) result = operation(result, bits(args[i]));
  return result;
}

Value bool_operator(Kind kind, std::span<const Value> args) {
  switch (kind) {
    case Kind::Not: return !truth(args[0]);
    case Kind::Implies: return !truth(args[0]) || truth(args[1]);
    case Kind::And: {
      bool result = true;
      for (const Value& arg : args) result = result && truth(arg);
      return result;
    }
    case Kind::Or: {
      bool result = false;
      for (const Value& arg : args) result = result || truth(arg);
      return result;
    }
    case Kind::Xor: {
      bool result = false;
      for (const Value& arg : args) result = result != truth(arg);
      return result;
    }
    case Kind::Equal: return args[0] == args[1];
    case Kind::Distinct:
      for (size_t i = 0; i < args.size(); ++i) {
        for (size_t j = i + 1; j < args.size(); ++j) {
          if (args[i] == args[j]) return false;
        }
      }
      return true;
    case Kind::Ite: return truth(args[0]) ? args[1] : args[2];
    default: throw std::logic_error("not a core operator");
  }
}

Value structural_operator(Kind kind, std::span<const Value> args, std::span<const uint32_t> indices) {
  const BitVector& x = bits(args[0]);
  switch (kind) {
    case Kind::Concat: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::concat(a, b); });
    case Kind::Extract: return bv::extract(x, indices[0], indices[1]);
    case Kind::Repeat: return bv::repeat(x, indices[0]);
    case Kind::ZeroExtend: return bv::zero_extend(x, indices[0]);
    case Kind::SignExtend: return bv::sign_extend(x, indices[0]);
    case Kind::RotateLeft: return bv::rotate_left(x, indices[0]);
    case Kind::RotateRight: return bv::rotate_right(x, indices[0]);
    default: throw std::logic_error("not a structural operator");
  }
}

Value bitvector_operator(Kind kind, std::span<const Value> args) {
  const BitVector& x = bits(args[0]);
  if (args.size() == 1) {
    switch (kind) {
      case Kind::BvNot: return bv::bvnot(x);
      case Kind::BvNeg: return bv::bvneg(x);
      case Kind::BvNego: return bv::bvnego(x);
      default: throw std::logic_error("not a unary bit-vector operator");
    }
  }
  const BitVector& y = bits(args[1]);
  switch (kind) {
    case Kind::BvAnd: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::bvand(a, b); });
    case Kind::BvOr: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::bvor(a, b); });
    case Kind::BvXor: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::bvxor(a, b); });
    case Kind::BvAdd: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::bvadd(a, b); });
    case Kind::BvMul: return fold_bits(args, [](const BitVector& a, const BitVector& b) { return bv::bvmul(a, b); });
    case Kind::BvNand: return bv::bvnand(x, y);
    case Kind::BvNor: return bv::bvnor(x, y);
    case Kind::BvXnor: return bv::bvxnor(x, y);
    case Kind::BvSub: return bv::bvsub(x, y);
    case Kind::BvUdiv: return bv::bvudiv(x, y);
    case Kind::BvUrem: return bv::bvurem(x, y);
    case Kind::BvSdiv: return bv::bvsdiv(x, y);
    case Kind::BvSrem: return bv::bvsrem(x, y);
    case Kind::BvSmod: return bv::bvsmod(x, y);
    case Kind::BvShl: return bv::bvshl(x, y);
    case Kind::BvLshr: return bv::bvlshr(x, y);
    case Kind::BvAshr: return bv::bvashr(x, y);
    case Kind::BvComp: return bv::bvcomp(x, y);
    case Kind::BvUlt: return bv::bvult(x, y);
    case Kind::BvUle: return bv::bvule(x, y);
    case Kind::BvUgt: return bv::bvugt(x, y);
    case Kind::BvUge: return bv::bvuge(x, y);
    case Kind::BvSlt: return bv::bvslt(x, y);
    case Kind::BvSle: return bv::bvsle(x, y);
    case Kind::BvSgt: return bv::bvsgt(x, y);
    case Kind::BvSge: return bv::bvsge(x, y);
    case Kind::BvUaddo: return bv::bvuaddo(x, y);
    case Kind::BvSaddo: return bv::bvsaddo(x, y);
    case Kind::BvUmulo: return bv::bvumulo(x, y);
    case Kind::BvSmulo: return bv::bvsmulo(x, y);
    case Kind::BvUsubo: return bv::bvusubo(x, y);
    case Kind::BvSsubo: return bv::bvssubo(x, y);
    case Kind::BvSdivo: return bv::bvsdivo(x, y);
    default: throw std::logic_error("not a binary bit-vector operator");
  }
}

// The sort of a value (functions excepted, which are never arguments).
Sort sort_of(const Value& value) {
  switch (value.index()) {
    case 0: return Sort::boolean();
    case 1: return Sort::bitvec(bits(value).width());
    case 2: return std::get<ArrayValue>(value).data->sort;
    case 3: return std::get<FunctionValue>(value).data->sort;
    default: return std::get<AbstractValue>(value).sort;
  }
}

// Index domains up to this many bits are small enough that a finite map
// can cover them, which the normal form of arrays must then account for
// (by listing every index).  Over wider indices two maps compare equal
// only with the same default, which is exact unless their entries
// together cover all of at least 2^13 indices.
constexpr uint32_t kSmallDomainBits = 12;

// The least value of a small index sort (false, zero), if it is one.
std::optional<Value> least_index(Sort index) {
  if (index.is_bool()) return Value(false);
  if (index.is_bitvec() && index.width() <= kSmallDomainBits) return Value(BitVector(index.width()));
  return std::nullopt;
}

// The indices of a sort that least_index calls small, in increasing order.
std::vector<Value> every_index(Sort index) {
  if (index.is_bool()) return {Value(false), Value(true)};
  std::vector<Value> all;
  for (uint64_t k = 0; k < (uint64_t{1} << index.width()); ++k) all.emplace_back(BitVector::from_uint64(index.width(), k));
  return all;
}

template <class Key>
const Value* find_entry(const std::vector<std::pair<Key, Value>>& entries, const Key& key,
                        bool (*less)(const Key&, const Key&)) {
  const auto found = std::lower_bound(entries.begin(), entries.end(), key,
                                      [less](const auto& entry, const Key& k) { return less(entry.first, k); });
  if (found == entries.end() || less(key, found->first)) return nullptr;
  return &found->second;
}

bool tuple_less(const std::vector<Value>& a, const std::vector<Value>& b) {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), value_less);
}

Value array_operator(Kind kind, std::span<const Value> args, std::span<const uint32_t> indices) {
  switch (kind) {
    case Kind::Select: return array_at(std::get<ArrayValue>(args[0]), args[1]);
    case Kind::Store: {
      const ArrayData& array = *std::get<ArrayValue>(args[0]).data;
      std::vector<std::pair<Value, Value>> entries = array.entries;
      std::erase_if(entries, [&](const auto& entry) { return entry.first == args[1]; });
      entries.emplace_back(args[1], args[2]);
      return make_array(array.sort, array.default_value, std::move(entries));
    }
    case Kind::ConstArray: return make_array(Sort::array(sort_from_code(indices[0], indices[1]), sort_of(args[0])), args[0], {});
    default: {
      const std::vector<Value> arguments(args.begin() + 1, args.end());
      return function_at(std::get<FunctionValue>(args[0]), arguments);
    }
  }
}

// Arrays and functions alike: by default value, then by entries.
template <class Data, class Key>
bool map_less(const Data& x, const Data& y, bool (*key_less)(const Key&, const Key&)) {
  if (x.default_value != y.default_value) return value_less(x.default_value, y.default_value);
  return std::lexicographical_compare(x.entries.begin(), x.entries.end(), y.entries.begin(), y.entries.end(),
                                      [key_less](const auto& p, const auto& q) {
                                        if (p.first != q.first) return key_less(p.first, q.first);
                                        return value_less(p.second, q.second);
                                      });
}

}  // namespace

bool value_less(const Value& a, const Value& b) {
  if (a.index() != b.index()) return a.index() < b.index();
  switch (a.index()) {
    case 0: return !truth(a) && truth(b);
    case 1: return bits(a) < bits(b);
    case 2: return map_less(*std::get<ArrayValue>(a).data, *std::get<ArrayValue>(b).data, value_less);
    case 3: return map_less(*std::get<FunctionValue>(a).data, *std::get<FunctionValue>(b).data, tuple_less);
    default: return std::get<AbstractValue>(a).index < std::get<AbstractValue>(b).index;
  }
}

bool ArrayValue::operator==(const ArrayValue& other) const {
  return data->default_value == other.data->default_value && data->entries == other.data->entries;
}

bool FunctionValue::operator==(const FunctionValue& other) const {
  return data->default_value == other.data->default_value && data->entries == other.data->entries;
}

// Normal form: entries sorted by index, one per index (the last given
// wins), none equal to the default; over a small index sort the default
// is the value at the least index, so that two maps of one function have
// one form whichever indices they list.
ArrayValue make_array(Sort sort, Value default_value, std::vector<std::pair<Value, Value>> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return value_less(a.first, b.first); });
  std::vector<std::pair<Value, Value>> unique;
  for (auto& entry : entries) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back().second = std::move(entry.second);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  if (least_index(sort.array_index()) && !unique.empty()) {
    // Every index listed, the default becomes the value at the least one.
    std::vector<std::pair<Value, Value>> total;
    for (Value index : every_index(sort.array_index())) {
      const Value* found = find_entry<Value>(unique, index, value_less);
      total.emplace_back(std::move(index), found ? *found : default_value);
    }
    default_value = total.front().second;
    unique = std::move(total);
  }
  std::erase_if(unique, [&](const auto& entry) { return entry.second == default_value; });
  auto data = std::make_shared<ArrayData>(ArrayData{sort, std::move(default_value), std::move(unique)});
  return ArrayValue{std::move(data)};
}

FunctionValue make_function(Sort sort, Value default_value, std::vector<std::pair<std::vector<Value>, Value>> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return tuple_less(a.first, b.first); });
  std::vector<std::pair<std::vector<Value>, Value>> unique;
  for (auto& entry : entries) {
    if (!unique.empty() && unique.back().first == entry.first) {
      unique.back().second = std::move(entry.second);
    } else {
      unique.push_back(std::move(entry));
    }
  }
  std::erase_if(unique, [&](const auto& entry) { return entry.second == default_value; });
  auto data = std::make_shared<FunctionData>(FunctionData{sort, std::move(default_value), std::move(unique)});
  return FunctionValue{std::move(data)};
}

const Value& array_at(const ArrayValue& array, const Value& index) {
  const Value* found = find_entry<Value>(array.data->entries, index, value_less);
  return found ? *found : array.data->default_value;
}

const Value& function_at(const FunctionValue& function, std::span<const Value> arguments) {
  const std::vector<Value> key(arguments.begin(), arguments.end());
  const Value* found = find_entry<std::vector<Value>>(function.data->entries, key, tuple_less);
  return found ? *found : function.data->default_value;
}

Value default_value(Sort sort) {
  if (sort.is_bool()) return false;
  if (sort.is_bitvec()) return BitVector(sort.width());
  if (sort.is_array()) return make_array(sort, default_value(sort.array_element()), {});
  if (sort.is_function()) return make_function(sort, default_value(sort.function_codomain()), {});
  return AbstractValue{sort, 0};
}

Value apply_operator(Kind kind, std::span<const Value> arguments, std::span<const uint32_t> indices) {
  switch (kind) {
    case Kind::Select:
    case Kind::Store:
    case Kind::ConstArray:
    case Kind::Apply: return array_operator(kind, arguments, indices);
    case Kind::Not:
    case Kind::Implies:
    case Kind::And:
    case Kind::Or:
    case Kind::Xor:
    case Kind::Equal:
    case Kind::Distinct:
    case Kind::Ite: return bool_operator(kind, arguments);
    case Kind::Concat:
    case Kind::Extract:
    case Kind::Repeat:
    case Kind::ZeroExtend:
    case Kind::SignExtend:
    case Kind::RotateLeft:
    case Kind::RotateRight: return structural_operator(kind, arguments, indices);
    default: return bitvector_operator(kind, arguments);
  }
}

Value Evaluator::evaluate(Term term) {
  std::vector<Value> arguments;
  std::vector<uint32_t> indices;
  return compute_bottom_up(term, cache_, [&](Term current) -> Value {
    switch (current.kind()) {
      case Kind::BoolValue: return current.bool_value();
      case Kind::BvValue: return current.bv_value();
      case Kind::Constant: return constant_value_(current);
      default: break;
    }
    arguments.clear();
    for (const Term& child : current.children()) arguments.push_back(cache_.at(child));
    indices.clear();
    for (size_t i = 0; i < current.num_indices(); ++i) indices.push_back(current.index(i));
    return apply_operator(current.kind(), arguments, indices);
  });
}

}  // namespace wang::smt
