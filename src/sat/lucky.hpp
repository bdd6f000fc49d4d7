// Lucky assignments before the first search; see lucky.cpp.
#pragma once

#include "sat/technique.hpp"

namespace wang::sat {

class Lucky : Technique {
 public:
  explicit Lucky(Internal& engine) : Technique(engine) {}
  // Precondition: root level, propagated, no assumptions.  True when an
  // attempt assigned every active variable without a conflict: its
  // assignment stays on the trail as a model.  Otherwise the trail is
  // back at the root, the saved phases untouched.
  bool run();

 private:
  bool attempt(bool forward, bool negative);
};

}  // namespace wang::sat
