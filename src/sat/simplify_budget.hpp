// The step budget of one simplification run.
//
// Subsumption, elimination and gate detection count the literals they visit
// ("steps", the same order of cost as propagation ticks) against a limit
// set by the schedule (inprocess.cpp).
#pragma once

#include <cstdint>

namespace wang::sat {

struct StepBudget {
  int64_t steps = 0;
  int64_t limit = 0;
  bool exhausted() const { return steps > limit; }
};

}  // namespace wang::sat
