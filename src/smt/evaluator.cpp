#include "smt/evaluator.hpp"

#include <vector>

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

}  // namespace

Value apply_operator(Kind kind, std::span<const Value> arguments, std::span<const uint32_t> indices) {
  switch (kind) {
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
