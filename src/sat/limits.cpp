// Resource limits and termination.
//
// Conflict and propagation limits are checked on every loop iteration of the
// search, they are counters.  Wall-clock time and memory cost a system call
// each, so they are checked every so many iterations; the interval is short
// enough (well under a millisecond of search) to honour a deadline closely.
#include "sat/internal.hpp"
#include "util/memory.hpp"

namespace wang::sat {

namespace {
constexpr int64_t kClockInterval = 64;
constexpr int64_t kMemoryInterval = 64 * 64;
}  // namespace

void Internal::init_search_limits() {
  conflict_limit_ = limits.conflicts >= 0 ? stats.conflicts + limits.conflicts : -1;
  propagation_limit_ = limits.propagations >= 0 ? stats.propagations + limits.propagations : -1;
  // The first check of a call reads the clock and the memory: the deadline
  // may have passed during preprocessing, and the first iterations of the
  // search may be long ones (a root simplification of the whole formula).
  limit_checks_ = -1;
}

bool Internal::limits_reached() {
  StopReason reason = StopReason::none;
  if (termination_requested()) {
    reason = StopReason::terminated;
  } else if (conflict_limit_ >= 0 && stats.conflicts >= conflict_limit_) {
    reason = StopReason::conflict_limit;
  } else if (propagation_limit_ >= 0 && stats.propagations >= propagation_limit_) {
    reason = StopReason::propagation_limit;
  } else if (++limit_checks_ % kClockInterval == 0) {
    if (std::chrono::steady_clock::now() >= limits.deadline) {
      reason = StopReason::time_limit;
    } else if (limits.memory_mib >= 0 && limit_checks_ % kMemoryInterval == 0 &&
               util::current_rss_bytes() > static_cast<uint64_t>(limits.memory_mib) << 20) {
      reason = StopReason::memory_limit;
    }
  }
  if (reason == StopReason::none) return false;
  stop_reason = reason;
  return true;
}

// Preprocessing and inprocessing run between the checks of search, and on
// a large formula each of their phases can take a good part of a second.
// They check between phases (and subsumption every so many clauses), and
// then the clock and the memory are read at once.
bool Internal::limits_reached_now() {
  const StopReason reason = current_limit();
  if (reason == StopReason::none) return false;
  stop_reason = reason;
  return true;
}

StopReason Internal::current_limit() const {
  if (termination_requested()) return StopReason::terminated;
  if (std::chrono::steady_clock::now() >= limits.deadline) return StopReason::time_limit;
  if (limits.memory_mib >= 0 && util::current_rss_bytes() > static_cast<uint64_t>(limits.memory_mib) << 20) {
    return StopReason::memory_limit;
  }
  return StopReason::none;
}

bool Internal::termination_requested() const {
  return terminate_requested.load(std::memory_order_relaxed) || (terminate_check && terminate_check());
}

}  // namespace wang::sat
