#include "solver/abstraction.hpp"

#include <bit>

namespace wang::smt {

namespace {

using bv::BitVector;

uint32_t ones_in(const BitVector& value) {
  uint32_t ones = 0;
  for (const uint64_t word : value.words()) ones += static_cast<uint32_t>(std::popcount(word));
  return ones;
}

}  // namespace

std::vector<aig::Edge> AbstractionRefiner::check(std::span<const Term> abstracted, const ValueOf& value_of,
                                                 const Holds& holds) {
  std::vector<aig::Edge> lemmas;
  for (const Term& term : abstracted) {
    if (const uint32_t* rounds = refinements_.find(term); rounds && *rounds > kExactAfter) continue;
    std::vector<Value> arguments;
    for (const Term& child : term.children()) arguments.push_back(value_of(child));
    const Value value = apply_operator(term.kind(), arguments, {});
    if (value_of(term) == value) continue;
    std::vector<BitVector> operands;
    for (const Value& argument : arguments) operands.push_back(std::get<BitVector>(argument));
    refine(term, operands, std::get<BitVector>(value), holds, lemmas);
  }
  lemmas_ += lemmas.size();
  return lemmas;
}

void AbstractionRefiner::refine(Term term, std::span<const BitVector> operands, const BitVector& value,
                                const Holds& holds, std::vector<aig::Edge>& lemmas) {
  const uint32_t* known = refinements_.find(term);
  const uint32_t rounds = (known ? *known : 0) + 1;
  refinements_.set(term, rounds);
  if (rounds > kExactAfter) {
    ++exact_circuits_;
    lemmas.push_back(blaster_.gates().eq(blaster_.bits(term), blaster_.exact(term)));
    return;
  }
  if (!facts_.contains(term)) facts_.set(term, facts(term));
  std::vector<aig::Edge>& pending = facts_.at(term);
  const size_t before = lemmas.size();
  std::erase_if(pending, [&](aig::Edge fact) {
    if (holds(fact)) return false;
    lemmas.push_back(fact);
    return true;
  });
  if (lemmas.size() == before) lemmas.push_back(value_lemma(term, operands, value));
}

// Facts of the operator for the operands of `term`, as AIG edges.
std::vector<aig::Edge> AbstractionRefiner::facts(Term term) {
  auto& gates = blaster_.gates();
  aig::Aig& aig = blaster_.aig();
  const uint32_t width = term.sort().width();
  const TermBlaster::Bits& t = blaster_.bits(term);
  const TermBlaster::Bits& a = blaster_.bits(term.child(0));
  const TermBlaster::Bits& b = blaster_.bits(term.child(term.num_children() - 1));
  const TermBlaster::Bits zero = gates.constant(BitVector(width)),
                          one = gates.constant(BitVector::from_uint64(width, 1));
  const auto implies = [&aig](aig::Edge premise, aig::Edge conclusion) {
    return aig.make_or(aig::negate(premise), conclusion);
  };
  const aig::Edge b_zero = gates.eq(b, zero), b_one = gates.eq(b, one), a_below_b = gates.ult(a, b);
  switch (term.kind()) {
    case Kind::BvMul:
      if (term.num_children() != 2) return {};
      return {implies(gates.eq(a, zero), gates.eq(t, zero)), implies(b_zero, gates.eq(t, zero)),
              implies(gates.eq(a, one), gates.eq(t, b)), implies(b_one, gates.eq(t, a)),
              aig::negate(aig.make_xor(t[0], aig.make_and(a[0], b[0])))};
    case Kind::BvUdiv:
      return {implies(b_zero, gates.eq(t, gates.constant(BitVector::ones(width)))),
              implies(aig::negate(b_zero), gates.ule(t, a)), implies(a_below_b, gates.eq(t, zero)),
              implies(aig.make_and(aig::negate(b_zero), aig::negate(a_below_b)), aig::negate(gates.eq(t, zero))),
              implies(b_one, gates.eq(t, a))};
    case Kind::BvUrem:
      return {implies(b_zero, gates.eq(t, a)), implies(aig::negate(b_zero), gates.ult(t, b)), gates.ule(t, a),
              implies(a_below_b, gates.eq(t, a)), implies(b_one, gates.eq(t, zero))};
    default:
      throw std::logic_error("not an operator that is abstracted");
  }
}

aig::Edge AbstractionRefiner::value_lemma(Term term, std::span<const BitVector> operands, const BitVector& value) {
  if (term.kind() == Kind::BvMul && operands.size() == 2) {
    for (size_t i = 0; i < 2; ++i) {
      const BitVector& operand = operands[i];
      if (std::min(ones_in(operand), ones_in(bv::bvneg(operand))) <= kSparseOnes) {
        return product_lemma(term, i, operands);
      }
    }
  }
  // Both operands at their values: the term at its value.
  std::vector<aig::Edge> premises;
  for (size_t i = 0; i < operands.size(); ++i) premises.push_back(equals_value(term.child(i), operands[i]));
  aig::Aig& aig = blaster_.aig();
  return aig.make_or(aig::negate(aig.make_and_n(premises)), equals_value(term, value));
}

// x = c implies x * y = c * y, built as -((-c) * y) when -c has fewer ones.
aig::Edge AbstractionRefiner::product_lemma(Term term, size_t sparse, std::span<const BitVector> operands) {
  auto& gates = blaster_.gates();
  const BitVector& value = operands[sparse];
  const BitVector negated = bv::bvneg(value);
  const bool negate = ones_in(negated) < ones_in(value);
  const TermBlaster::Bits& other = blaster_.bits(term.child(1 - sparse));
  TermBlaster::Bits product = gates.bvmul(gates.constant(negate ? negated : value), other);
  if (negate) product = gates.bvneg(product);
  aig::Aig& aig = blaster_.aig();
  return aig.make_or(aig::negate(equals_value(term.child(sparse), value)), gates.eq(blaster_.bits(term), product));
}

aig::Edge AbstractionRefiner::equals_value(Term term, const BitVector& value) {
  auto& gates = blaster_.gates();
  return gates.eq(blaster_.bits(term), gates.constant(value));
}

}  // namespace wang::smt
