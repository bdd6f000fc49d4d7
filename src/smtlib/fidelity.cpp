#include "smtlib/fidelity.hpp"

#include <algorithm>

namespace wang::smtlib {

void StackFidelity::popped_to(uint32_t open_levels) {
  std::erase_if(rejections_, [open_levels](const Rejection& rejection) {
    return rejection.extent == Extent::level && rejection.level > open_levels;
  });
}

void StackFidelity::assertions_reset() {
  std::erase_if(rejections_, [](const Rejection& rejection) { return rejection.extent == Extent::level; });
}

void StackFidelity::logic_set() {
  std::erase_if(rejections_, [](const Rejection& rejection) { return rejection.extent == Extent::logic; });
}

const StackFidelity::Rejection* StackFidelity::first_against(bool sat) const {
  const Drift unsound = sat ? Drift::missing : Drift::surplus;
  const auto found = std::find_if(rejections_.begin(), rejections_.end(), [unsound](const Rejection& rejection) {
    return rejection.drift == unsound || rejection.drift == Drift::lost;
  });
  return found == rejections_.end() ? nullptr : &*found;
}

std::string StackFidelity::reason(const Rejection* rejection) {
  if (!rejection) return "";
  const std::string what = "the rejected " + rejection->command + " at " + rejection->location;
  switch (rejection->drift) {
    case Drift::missing: return "incomplete: the assertion stack lacks what " + what + " would have added";
    case Drift::surplus: return "incomplete: the assertion stack holds what " + what + " would have removed";
    case Drift::lost: break;
  }
  return "incomplete: after " + what + " the assertion stack no longer follows the script";
}

}  // namespace wang::smtlib
