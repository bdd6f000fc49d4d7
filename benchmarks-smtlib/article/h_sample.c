/* How long does h (h.smt2, docs/tutorial.md) run from random starts?
 *
 *   cc -O2 -o h_sample h_sample.c && ./h_sample 20000000
 *
 * Runs h's loop from N pseudo-random 64-bit starts (xorshift64, fixed
 * seed) and prints how many were still looping after 512, 576, ... 1024
 * iterations, and the longest run. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state = 88172645463325252u;

static uint64_t next_random(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

int main(int argc, char** argv) {
  const long starts = argc > 1 ? atol(argv[1]) : 1000000;
  enum { kBounds = 9 };
  long longer[kBounds] = {0};
  int longest = 0;
  uint64_t longest_start = 0;
  for (long i = 0; i < starts; ++i) {
    const uint64_t start = next_random();
    uint64_t x = start;
    int iterations = 0;
    while (x > 1 && iterations <= 1024) {
      x = x % 2 ? x + x / 2 + 1 : x / 2;
      ++iterations;
    }
    if (iterations > longest) {
      longest = iterations;
      longest_start = start;
    }
    for (int b = 0; b < kBounds; ++b) longer[b] += iterations > 512 + 64 * b;
  }
  for (int b = 0; b < kBounds; ++b) printf("more than %4d iterations: %ld\n", 512 + 64 * b, longer[b]);
  printf("longest: %d iterations, from %" PRIu64 "\n", longest, longest_start);
  return 0;
}
