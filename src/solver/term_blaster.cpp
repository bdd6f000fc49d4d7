#include "solver/term_blaster.hpp"

#include <algorithm>

namespace wang::smt {

uint32_t TermBlaster::bits_of(Sort sort) {
  if (sort.is_bool()) return 1;
  if (sort.is_bitvec()) return sort.width();
  if (sort.is_uninterpreted()) return kAbstractBits;
  return 0;
}

const TermBlaster::Bits& TermBlaster::bits(Term root) {
  return compute_bottom_up(root, cache_, [this](Term term) {
    // Counted before the bits are allocated, and before blast() records
    // anything: a check that throws leaves no trace of the term.
    ops_.count(bits_of(term.sort()));
    return blast(term);
  });
}

// Precondition: the children of `term` are blasted.
TermBlaster::Bits TermBlaster::blast(Term term) {
  switch (term.kind()) {
    case Kind::BoolValue: return {term.bool_value() ? aig::kTrue : aig::kFalse};
    case Kind::BvValue: return blaster_.constant(term.bv_value());
    case Kind::Constant: return blast_constant(term);
    case Kind::Select:
    case Kind::Store:
    case Kind::ConstArray:
    case Kind::Apply: return blast_theory(term);
    case Kind::Equal:
      if (term.child(0).sort().is_array()) return {array_equality(term.child(0), term.child(1))};
      return blast_core(term);
    case Kind::Distinct:
      if (term.child(0).sort().is_array()) {
        std::vector<aig::Edge> different;
        for (size_t i = 0; i < term.num_children(); ++i) {
          for (size_t j = i + 1; j < term.num_children(); ++j) {
            different.push_back(aig::negate(array_equality(term.child(i), term.child(j))));
          }
        }
        return {aig_.make_and_n(different)};
      }
      return blast_core(term);
    case Kind::Ite:
      if (term.sort().is_array()) return blast_theory(term);
      return blast_core(term);
    case Kind::Not:
    case Kind::Implies:
    case Kind::And:
    case Kind::Or:
    case Kind::Xor: return blast_core(term);
    default:
      if (term.sort().is_bool()) return {blast_predicate(term)};
      return blast_bitvector(term);
  }
}

TermBlaster::Bits TermBlaster::blast_constant(Term term) {
  const Sort sort = term.sort();
  if (sort.is_array()) theory_.arrays.push_back(term);
  Bits inputs;
  const uint32_t width = bits_of(sort);
  for (uint32_t i = 0; i < width; ++i) inputs.push_back(ops_.input());
  if (sort.is_uninterpreted()) {
    const uint64_t number = abstract_constants_[sort.hash()]++;
    for (uint32_t i = 0; i < width && i < 64; ++i) {
      if ((number >> i) & 1) inputs[i] = aig::negate(inputs[i]);
    }
  }
  // Recorded once the inputs exist: the interrupt check may throw
  // before, and the term is then blasted again later.
  constants_.push_back(term);
  return inputs;
}

// Selects and applications with values get fresh inputs; array terms none.
TermBlaster::Bits TermBlaster::blast_theory(Term term) {
  if (term.sort().is_array()) {
    if (term.kind() == Kind::Select) {
      throw std::invalid_argument("arrays whose elements are arrays are not supported");
    }
    if (term.kind() == Kind::Apply) theory_.applications.push_back(term);
    theory_.arrays.push_back(term);
    return {};
  }
  Bits inputs;
  for (uint32_t i = 0; i < bits_of(term.sort()); ++i) inputs.push_back(ops_.input());
  (term.kind() == Kind::Select ? theory_.selects : theory_.applications).push_back(term);
  return inputs;
}

// One fresh input per equation between arrays, whichever way round.
Term TermBlaster::array_equation(TermManager& terms, Term a, Term b) {
  if (b.id() < a.id()) std::swap(a, b);
  return terms.mk_term(Kind::Equal, {a, b});
}

aig::Edge TermBlaster::array_equality(Term a, Term b) {
  if (a == b) return aig::kTrue;
  const Term equation = array_equation(terms_, a, b);
  if (const Bits* known = cache_.find(equation)) return (*known)[0];
  const aig::Edge input = ops_.input();
  theory_.array_equalities.push_back(equation);
  cache_.set(equation, {input});
  return input;
}

TermBlaster::Bits TermBlaster::blast_core(Term term) {
  const auto child_edge = [this, &term](size_t i) { return cached(term.child(i))[0]; };
  switch (term.kind()) {
    case Kind::Not: return {aig::negate(child_edge(0))};
    case Kind::Implies: return {aig_.make_or(aig::negate(child_edge(0)), child_edge(1))};
    case Kind::And:
    case Kind::Or: {
      std::vector<aig::Edge> edges;
      for (size_t i = 0; i < term.num_children(); ++i) edges.push_back(child_edge(i));
      return {term.kind() == Kind::And ? aig_.make_and_n(edges) : aig_.make_or_n(edges)};
    }
    case Kind::Xor: {
      aig::Edge result = child_edge(0);
      for (size_t i = 1; i < term.num_children(); ++i) result = aig_.make_xor(result, child_edge(i));
      return {result};
    }
    case Kind::Equal: return {blaster_.eq(cached(term.child(0)), cached(term.child(1)))};
    case Kind::Distinct: {
      std::vector<aig::Edge> different;
      for (size_t i = 0; i < term.num_children(); ++i) {
        for (size_t j = i + 1; j < term.num_children(); ++j) {
          different.push_back(aig::negate(blaster_.eq(cached(term.child(i)), cached(term.child(j)))));
        }
      }
      return {aig_.make_and_n(different)};
    }
    case Kind::Ite: return blaster_.ite(child_edge(0), cached(term.child(1)), cached(term.child(2)));
    default: throw std::logic_error("not a core operator");
  }
}

const std::pair<TermBlaster::Bits, TermBlaster::Bits>& TermBlaster::division(Term dividend, Term divisor) {
  auto& by_divisor = divisions_[dividend.id()];
  auto found = by_divisor.find(divisor.id());
  if (found == by_divisor.end()) {
    found = by_divisor.emplace(divisor.id(), blaster_.udiv_urem(cached(dividend), cached(divisor))).first;
  }
  return found->second;
}

TermBlaster::Bits TermBlaster::blast_bitvector(Term term) {
  const Bits& a = cached(term.child(0));
  // Left-associative operators fold over all their arguments.
  const auto fold = [this, &term](auto operation) {
    Bits result = cached(term.child(0));
    for (size_t i = 1; i < term.num_children(); ++i) result = operation(result, cached(term.child(i)));
    return result;
  };
  switch (term.kind()) {
    case Kind::Concat: return fold([this](const Bits& high, const Bits& low) { return blaster_.concat(high, low); });
    case Kind::Extract: return blaster_.extract(a, term.index(0), term.index(1));
    case Kind::Repeat: return blaster_.repeat(a, term.index(0));
    case Kind::ZeroExtend: return blaster_.zero_extend(a, term.index(0));
    case Kind::SignExtend: return blaster_.sign_extend(a, term.index(0));
    case Kind::RotateLeft: return blaster_.rotate_left(a, term.index(0));
    case Kind::RotateRight: return blaster_.rotate_right(a, term.index(0));
    case Kind::BvNot: return blaster_.bvnot(a);
    case Kind::BvNeg: return blaster_.bvneg(a);
    case Kind::BvAnd: return fold([this](const Bits& x, const Bits& y) { return blaster_.bvand(x, y); });
    case Kind::BvOr: return fold([this](const Bits& x, const Bits& y) { return blaster_.bvor(x, y); });
    case Kind::BvXor: return fold([this](const Bits& x, const Bits& y) { return blaster_.bvxor(x, y); });
    case Kind::BvAdd: return fold([this](const Bits& x, const Bits& y) { return blaster_.bvadd(x, y); });
    case Kind::BvMul:
    case Kind::BvUdiv:
    case Kind::BvUrem: return abstracts(term) ? abstract(term) : exact(term);
    default: break;
  }
  const Bits& b = cached(term.child(1));
  switch (term.kind()) {
    case Kind::BvNand: return blaster_.bvnand(a, b);
    case Kind::BvNor: return blaster_.bvnor(a, b);
    case Kind::BvXnor: return blaster_.bvxnor(a, b);
    case Kind::BvSub: return blaster_.bvsub(a, b);
    case Kind::BvSdiv: return blaster_.bvsdiv(a, b);
    case Kind::BvSrem: return blaster_.bvsrem(a, b);
    case Kind::BvSmod: return blaster_.bvsmod(a, b);
    case Kind::BvShl: return blaster_.bvshl(a, b);
    case Kind::BvLshr: return blaster_.bvlshr(a, b);
    case Kind::BvAshr: return blaster_.bvashr(a, b);
    case Kind::BvComp: return blaster_.bvcomp(a, b);
    default: throw std::logic_error("not a bit-vector operator");
  }
}

bool TermBlaster::abstracts(Term term) const {
  if (abstraction_width_ == 0 || term.sort().width() < abstraction_width_) return false;
  return std::ranges::none_of(term.children(), [](Term child) { return child.kind() == Kind::BvValue; });
}

TermBlaster::Bits TermBlaster::abstract(Term term) {
  Bits inputs;
  for (uint32_t i = 0; i < term.sort().width(); ++i) inputs.push_back(ops_.input());
  theory_.abstracted.push_back(term);
  abstracted_.set(term, true);
  return inputs;
}

TermBlaster::Bits TermBlaster::exact(Term term) {
  switch (term.kind()) {
    case Kind::BvMul: {
      Bits product = cached(term.child(0));
      for (size_t i = 1; i < term.num_children(); ++i) product = blaster_.bvmul(product, cached(term.child(i)));
      return product;
    }
    case Kind::BvUdiv: return division(term.child(0), term.child(1)).first;
    case Kind::BvUrem: return division(term.child(0), term.child(1)).second;
    default: throw std::logic_error("not an operator that is abstracted");
  }
}

aig::Edge TermBlaster::blast_predicate(Term term) {
  const Bits& a = cached(term.child(0));
  if (term.kind() == Kind::BvNego) return blaster_.nego(a);
  const Bits& b = cached(term.child(1));
  switch (term.kind()) {
    case Kind::BvUlt: return blaster_.ult(a, b);
    case Kind::BvUle: return blaster_.ule(a, b);
    case Kind::BvUgt: return blaster_.ugt(a, b);
    case Kind::BvUge: return blaster_.uge(a, b);
    case Kind::BvSlt: return blaster_.slt(a, b);
    case Kind::BvSle: return blaster_.sle(a, b);
    case Kind::BvSgt: return blaster_.sgt(a, b);
    case Kind::BvSge: return blaster_.sge(a, b);
    case Kind::BvUaddo: return blaster_.uaddo(a, b);
    case Kind::BvSaddo: return blaster_.saddo(a, b);
    case Kind::BvUmulo: return blaster_.umulo(a, b);
    case Kind::BvSmulo: return blaster_.smulo(a, b);
    case Kind::BvUsubo: return blaster_.usubo(a, b);
    case Kind::BvSsubo: return blaster_.ssubo(a, b);
    case Kind::BvSdivo: return blaster_.sdivo(a, b);
    default: throw std::logic_error("not a bit-vector predicate");
  }
}

}  // namespace wang::smt
