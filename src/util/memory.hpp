// Process memory use, read from the kernel rather than tracked by hand so
// that every allocation counts, including the C++ library's own.
#pragma once

#include <cstdint>

namespace wang::util {

// Resident set size now, in bytes (0 if it cannot be read).
uint64_t current_rss_bytes();
// The largest resident set size so far, in bytes.
uint64_t peak_rss_bytes();

}  // namespace wang::util
