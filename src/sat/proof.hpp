// Proof output: every clause the solver learns or deletes, in DRAT or LRAT.
//
// The engine reports each step once, with the clause id and, for LRAT, the
// ids of the antecedents in an order in which unit propagation derives the
// clause.  The writer formats it; DRAT ignores the ids and the antecedents.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <vector>

#include "sat/types.hpp"
#include "wang/sat.hpp"

namespace wang::sat {

class ProofWriter {
 public:
  static std::unique_ptr<ProofWriter> create(std::ostream& out, ProofFormat format);
  virtual ~ProofWriter() = default;

  // LRAT needs antecedents; the engine collects them only when asked to.
  virtual bool wants_antecedents() const = 0;
  virtual void add(ClauseId id, std::span<const Lit> literals, std::span<const ClauseId> antecedents) = 0;
  virtual void remove(ClauseId id, std::span<const Lit> literals) = 0;
  virtual void flush() = 0;
};

}  // namespace wang::sat
