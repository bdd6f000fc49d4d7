// Assertions on the SAT core's invariants.
//
// Compiled in when WANG_SAT_ASSERTIONS is defined (debug and sanitizer
// builds, see CMakeLists.txt), compiled out otherwise: several of them sit
// in the propagation loop, and the full consistency checks of
// invariants.cpp visit every clause.  A failed assertion is a bug in the
// solver, never bad input: it prints the condition and where it failed and
// aborts, before a broken invariant can turn into a wrong answer.
#pragma once

namespace wang::sat {

#ifdef WANG_SAT_ASSERTIONS
constexpr bool kAssertions = true;
#else
constexpr bool kAssertions = false;
#endif

[[noreturn]] void assertion_failed(const char* condition, const char* file, int line);

}  // namespace wang::sat

#ifdef WANG_SAT_ASSERTIONS
#define WANG_SAT_ASSERT(condition) \
  ((condition) ? static_cast<void>(0) : ::wang::sat::assertion_failed(#condition, __FILE__, __LINE__))
#else
// Unevaluated, so that variables only the assertions read stay "used".
#define WANG_SAT_ASSERT(condition) static_cast<void>(sizeof(static_cast<bool>(condition)))
#endif
