// Whether the assertion stack is still the one the script wrote.
//
// A rejected command (answered with an error or `unsupported`) has no
// effect, but the script goes on as if it had had one.  A rejected assert
// leaves out a constraint the script made, so `sat` would answer for a
// weaker problem than the one written; a rejected pop leaves in
// constraints the script removed, so `unsat` would answer for a stronger
// one.  Each rejection that can change what the stack means is recorded
// with what it does to the stack and how long that lasts, and check-sat
// prints only the answers that every recorded rejection leaves sound.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wang::smtlib {

class StackFidelity {
 public:
  enum class Drift : uint8_t {
    missing,  // the stack may lack assertions of the script: sat is unsound
    surplus,  // the stack may hold assertions the script removed: unsat is unsound
    lost,     // the stack no longer follows the script's levels: no answer is sound
  };
  // How long a rejection keeps its effect.
  enum class Extent : uint8_t {
    level,    // until the assertion-stack level it was made at is popped
    logic,    // until a set-logic succeeds, or reset
    session,  // until reset
  };
  struct Rejection {
    std::string command;   // "assert", "pop", ...
    std::string location;  // FILE:LINE:COL
    Drift drift;
    Extent extent;
    // Extent::level: the number of open levels when it was rejected; a
    // pop to fewer ends it, and at 0 only reset-assertions does.
    uint32_t level = 0;
  };

  void record(Rejection rejection) { rejections_.push_back(std::move(rejection)); }
  // After pop: `open_levels` remain.
  void popped_to(uint32_t open_levels);
  void assertions_reset();
  void logic_set();
  void reset() { rejections_.clear(); }

  bool sat_is_sound() const { return !first_against(true); }
  bool unsat_is_sound() const { return !first_against(false); }
  // The :reason-unknown when `sat` (or unsat) is suppressed: the oldest
  // rejection in force that makes it unsound.
  std::string reason_against(bool sat) const { return reason(first_against(sat)); }
  // The :reason-unknown when no answer is sound: the oldest rejection in force.
  std::string reason_against_both() const { return reason(rejections_.empty() ? nullptr : &rejections_.front()); }

 private:
  const Rejection* first_against(bool sat) const;
  static std::string reason(const Rejection* rejection);

  std::vector<Rejection> rejections_;  // oldest first
};

}  // namespace wang::smtlib
