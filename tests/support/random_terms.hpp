// Random QF_BV terms over every operator, for differential tests.
#pragma once

#include <random>
#include <vector>

#include "wang/smt.hpp"

namespace wang::testing {

class RandomTerms {
 public:
  RandomTerms(smt::TermManager& terms, std::mt19937_64& rng, std::vector<smt::Term> constants)
      : terms_(terms), rng_(rng), constants_(std::move(constants)) {}

  // A random Bool term of about `depth` levels.
  smt::Term formula(int depth) {
    if (depth <= 0) return atom();
    switch (pick(6)) {
      case 0: return terms_.mk_term(smt::Kind::Not, {formula(depth - 1)});
      case 1: return terms_.mk_term(choose({smt::Kind::And, smt::Kind::Or, smt::Kind::Xor, smt::Kind::Implies}),
                                    {formula(depth - 1), formula(depth - 1)});
      case 2: return terms_.mk_term(smt::Kind::Ite, {formula(depth - 1), formula(depth - 1), formula(depth - 1)});
      default: return predicate(depth - 1);
    }
  }

  // A random bit-vector term of width `width`.
  smt::Term bitvector(uint32_t width, int depth) {
    if (depth <= 0 || pick(5) == 0) return leaf(width);
    const auto sub = [&](uint32_t w) { return bitvector(w, depth - 1); };
    switch (pick(10)) {
      case 0:
        return terms_.mk_term(choose({smt::Kind::BvNot, smt::Kind::BvNeg}), {sub(width)});
      case 1:
      case 2:
        return terms_.mk_term(choose({smt::Kind::BvAnd, smt::Kind::BvOr, smt::Kind::BvXor, smt::Kind::BvNand,
                                      smt::Kind::BvNor, smt::Kind::BvXnor, smt::Kind::BvAdd, smt::Kind::BvSub,
                                      smt::Kind::BvMul, smt::Kind::BvShl, smt::Kind::BvLshr, smt::Kind::BvAshr}),
                              {sub(width), sub(width)});
      case 3:
        return terms_.mk_term(choose({smt::Kind::BvUdiv, smt::Kind::BvUrem, smt::Kind::BvSdiv, smt::Kind::BvSrem,
                                      smt::Kind::BvSmod}),
                              {sub(width), sub(width)});
      case 4: {
        if (width < 2) return sub(width);
        const uint32_t low_width = 1 + static_cast<uint32_t>(pick(width - 1));
        return terms_.mk_term(smt::Kind::Concat, {sub(width - low_width), sub(low_width)});
      }
      case 5: {
        const uint32_t extra = static_cast<uint32_t>(pick(3));
        const uint32_t low = static_cast<uint32_t>(pick(extra + 1));
        return terms_.mk_term(smt::Kind::Extract, {sub(width + extra)}, {low + width - 1, low});
      }
      case 6: {
        if (width < 2) return terms_.mk_term(smt::Kind::BvComp, {sub(2), sub(2)});
        const uint32_t inner = 1 + static_cast<uint32_t>(pick(width - 1));
        return terms_.mk_term(choose({smt::Kind::ZeroExtend, smt::Kind::SignExtend}), {sub(inner)}, {width - inner});
      }
      case 7:
        return terms_.mk_term(choose({smt::Kind::RotateLeft, smt::Kind::RotateRight}), {sub(width)},
                              {static_cast<uint32_t>(pick(2 * width + 1))});
      case 8:
        if (width % 2 == 0) return terms_.mk_term(smt::Kind::Repeat, {sub(width / 2)}, {2});
        return terms_.mk_term(smt::Kind::Ite, {formula(depth - 1), sub(width), sub(width)});
      default:
        return terms_.mk_term(smt::Kind::Ite, {formula(depth - 1), sub(width), sub(width)});
    }
  }

 private:
  size_t pick(size_t n) { return static_cast<size_t>(rng_() % n); }
  smt::Kind choose(std::initializer_list<smt::Kind> kinds) { return *(kinds.begin() + pick(kinds.size())); }

  smt::Term leaf(uint32_t width) {
    std::vector<smt::Term> matching;
    for (const smt::Term& constant : constants_) {
      if (constant.sort().width() == width) matching.push_back(constant);
    }
    if (!matching.empty() && pick(4) != 0) return matching[pick(matching.size())];
    return terms_.mk_bv(bv::BitVector::from_uint64(width, rng_()));
  }

  smt::Term atom() {
    std::vector<smt::Term> bools;
    for (const smt::Term& constant : constants_) {
      if (constant.sort().is_bool()) bools.push_back(constant);
    }
    if (!bools.empty() && pick(3) == 0) return bools[pick(bools.size())];
    return predicate(1);
  }

  smt::Term predicate(int depth) {
    const uint32_t width = 1 + static_cast<uint32_t>(pick(4));
    const auto sub = [&] { return bitvector(width, depth); };
    switch (pick(4)) {
      case 0: return terms_.mk_term(smt::Kind::Equal, {sub(), sub()});
      case 1: return terms_.mk_term(smt::Kind::Distinct, {sub(), sub(), sub()});
      case 2: return terms_.mk_term(smt::Kind::BvNego, {sub()});
      default:
        return terms_.mk_term(choose({smt::Kind::BvUlt, smt::Kind::BvUle, smt::Kind::BvUgt, smt::Kind::BvUge,
                                      smt::Kind::BvSlt, smt::Kind::BvSle, smt::Kind::BvSgt, smt::Kind::BvSge,
                                      smt::Kind::BvUaddo, smt::Kind::BvSaddo, smt::Kind::BvUmulo,
                                      smt::Kind::BvSmulo, smt::Kind::BvUsubo, smt::Kind::BvSsubo,
                                      smt::Kind::BvSdivo}),
                              {sub(), sub()});
    }
  }

  smt::TermManager& terms_;
  std::mt19937_64& rng_;
  std::vector<smt::Term> constants_;
};

}  // namespace wang::testing
