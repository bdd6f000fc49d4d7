#include "util/memory.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

namespace wang::util {

uint64_t current_rss_bytes() {
  // /proc/self/statm holds sizes in pages: total, resident, ...
  FILE* statm = std::fopen("/proc/self/statm", "r");
  if (!statm) return 0;
  unsigned long total_pages = 0, resident_pages = 0;
  int fields = std::fscanf(statm, "%lu %lu", &total_pages, &resident_pages);
  std::fclose(statm);
  if (fields != 2) return 0;
  return static_cast<uint64_t>(resident_pages) * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

uint64_t peak_rss_bytes() {
  struct rusage usage {};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

}  // namespace wang::util
