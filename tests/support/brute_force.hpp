// Satisfiability by enumeration: every assignment of a few Bool and
// bit-vector constants, each checked with the reference evaluator.
#pragma once

#include <map>
#include <span>
#include <vector>

#include "smt/evaluator.hpp"

namespace wang::testing {

// Whether some assignment of `constants` (a few bits in all) makes every
// formula true.
inline bool satisfiable_by_enumeration(std::span<const smt::Term> constants, const std::vector<smt::Term>& formulas) {
  const auto width_of = [](const smt::Term& c) { return c.sort().is_bool() ? 1 : c.sort().width(); };
  uint32_t total = 0;
  for (const smt::Term& c : constants) total += width_of(c);
  for (uint64_t code = 0; code < (uint64_t{1} << total); ++code) {
    std::map<uint64_t, smt::Value> values;
    uint32_t shift = 0;
    for (const smt::Term& c : constants) {
      const uint32_t width = width_of(c);
      const uint64_t bits = (code >> shift) & ((uint64_t{1} << width) - 1);
      shift += width;
      if (c.sort().is_bool()) {
        values.emplace(c.id(), bits != 0);
      } else {
        values.emplace(c.id(), bv::BitVector::from_uint64(width, bits));
      }
    }
    smt::Evaluator evaluator([&values](smt::Term c) { return values.at(c.id()); });
    bool all = true;
    for (const smt::Term& formula : formulas) all = all && std::get<bool>(evaluator.evaluate(formula));
    if (all) return true;
  }
  return false;
}

}  // namespace wang::testing
