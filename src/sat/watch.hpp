// Watches of the two-watched-literal scheme.
//
// A watch is eight bytes: the blocking literal and the clause reference,
// whose top bit marks binary clauses.  For a binary clause the blocking
// literal is the other literal, so propagating it never reads the clause.
// For longer clauses the blocking literal is some other literal of the
// clause; when it is true the clause is satisfied and is skipped without
// being read.
#pragma once

#include <vector>

#include "sat/types.hpp"

namespace wang::sat {

struct Watch {
  static constexpr uint32_t kBinaryTag = 1u << 31;

  Lit blocker;
  uint32_t tagged_ref;

  static Watch make(Lit blocker, ClauseRef ref, bool binary) {
    return Watch{blocker, ref | (binary ? kBinaryTag : 0u)};
  }
  bool binary() const { return (tagged_ref & kBinaryTag) != 0; }
  ClauseRef ref() const { return tagged_ref & ~kBinaryTag; }
};

static_assert(sizeof(Watch) == 8, "watches must stay eight bytes");

using WatchList = std::vector<Watch>;

}  // namespace wang::sat
