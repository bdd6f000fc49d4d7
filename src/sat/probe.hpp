// Failed literal probing with hyper-binary resolution; see probe.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class Prober : Technique {
 public:
  explicit Prober(Internal& engine);
  // Probes roots of the binary implication graph until propagation has
  // used `ticks` more ticks.  Precondition: root level, propagated.
  void run(int64_t ticks);

 private:
  std::vector<Lit> roots() const;
  void probe(Lit lit);
  void learn_failed_literal(Lit lit, ClauseRef conflict);
  Lit parent(Lit lit) const;
  Lit dominator(Lit a, Lit b) const;
  Lit reason_dominator(ClauseRef reason, Lit implied) const;
  void add_hyper_binary_resolvents();

  std::vector<Lit> clause_;
  // Reasons that a resolvent subsumes, deleted when the round ends.
  std::vector<ClauseRef> subsumed_reasons_;
};

}  // namespace wang::sat
