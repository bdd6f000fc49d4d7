// Expansion of define-fun macros.
#pragma once

#include <span>

#include "wang/smt.hpp"

namespace wang::smtlib {

// `body` with each `parameters[i]` replaced by `arguments[i]`.  The walk is
// iterative and memoized, so deep bodies do not overflow the stack and
// shared subterms are rebuilt once and stay shared.
smt::Term substitute(smt::TermManager& terms, smt::Term body, std::span<const smt::Term> parameters,
                     std::span<const smt::Term> arguments);

}  // namespace wang::smtlib
