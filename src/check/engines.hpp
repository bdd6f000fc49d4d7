// The two checking engines behind check_proof (internal to wang_check).
#pragma once

#include "check/checker.hpp"
#include "check/proof_reader.hpp"

namespace wang::check {

// Backward DRAT checking with core-first propagation (drat.cpp).
CheckOutcome check_drat(const Cnf& formula, ProofReader& proof, const CheckOptions& options);

// Forward LRAT checking of hint chains, RAT hints included (lrat.cpp).
CheckOutcome check_lrat(const Cnf& formula, ProofReader& proof, const CheckOptions& options);

// "1 -2 3" for diagnostics, cut short after a dozen literals.
std::string clause_text(std::span<const int> literals);

}  // namespace wang::check
