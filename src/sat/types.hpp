// Basic types of the SAT core: variables, literals, truth values.
//
// A variable is an index 0..n-1; a literal is 2*variable + sign, so that a
// literal and its negation are neighbours and index arrays directly.  The
// public interface speaks DIMACS integers; conversion happens only at the
// facade.
#pragma once

#include <cstdint>

namespace wang::sat {

using Var = uint32_t;
using Lit = uint32_t;
using ClauseRef = uint32_t;
using ClauseId = uint64_t;

// In a list of antecedents, marks the id of a RAT candidate: a clause with
// the negated first literal of the derived one, whose resolvent the ids
// after it derive (LRAT's negative hints).
constexpr ClauseId kRatCandidate = ClauseId{1} << 63;
constexpr bool is_rat_candidate(ClauseId id) { return (id & kRatCandidate) != 0; }
// The clause id an antecedent names, with or without the mark.
constexpr ClauseId unmarked(ClauseId id) { return id & ~kRatCandidate; }

constexpr Lit kNoLit = UINT32_MAX;
constexpr ClauseRef kNoReason = UINT32_MAX;

constexpr Var var_of(Lit lit) { return lit >> 1; }
constexpr Lit negate(Lit lit) { return lit ^ 1u; }
constexpr bool is_negative(Lit lit) { return (lit & 1u) != 0; }
constexpr Lit make_lit(Var var, bool negative) { return 2 * var + (negative ? 1u : 0u); }

constexpr Lit lit_from_dimacs(int dimacs) {
  return dimacs > 0 ? 2u * static_cast<uint32_t>(dimacs - 1) : 2u * static_cast<uint32_t>(-dimacs - 1) + 1u;
}
constexpr int lit_to_dimacs(Lit lit) {
  int var = static_cast<int>(var_of(lit)) + 1;
  return is_negative(lit) ? -var : var;
}

// Truth values are signed bytes so that the value of a negated literal is
// the negated value: true = 1, false = -1, unassigned = 0.
using Value = int8_t;
constexpr Value kTrue = 1;
constexpr Value kFalse = -1;
constexpr Value kUnassigned = 0;

}  // namespace wang::sat
