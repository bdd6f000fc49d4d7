// Exit codes of the `wang` command (documented in docs/usage.md).
#pragma once

namespace wang::cli {

constexpr int kExitUnknown = 0;         // no answer (limit, signal)
constexpr int kExitInputError = 1;      // unreadable or malformed input
constexpr int kExitUsageError = 2;      // bad command line
constexpr int kExitInternalError = 3;   // a failed self-check: never a wrong answer
constexpr int kExitSatisfiable = 10;
constexpr int kExitUnsatisfiable = 20;

}  // namespace wang::cli
