/* Solves one DIMACS CNF file through IPASIR, for bench/ipasir_overhead:
 * the same work as `wang FILE.cnf` minus the command line's own reader,
 * checks and output, to compare the two ways in.
 *
 *   ipasir_solve FILE.cnf     prints "s SATISFIABLE" or "s UNSATISFIABLE",
 *                             exit code 10 or 20 (0 unknown, 1 bad input)
 *
 * The file is read whole and its numbers parsed by hand: stdio's scanf
 * would cost more than the solver's own reader and blur the comparison. */
#include <stdio.h>
#include <stdlib.h>

#include "ipasir.h"

static char* read_file(const char* path) {
  FILE* in = fopen(path, "rb");
  if (!in) return NULL;
  size_t size = 0, capacity = 1 << 16;
  char* text = malloc(capacity + 1);
  size_t got;
  while (text && (got = fread(text + size, 1, capacity - size, in)) > 0) {
    size += got;
    if (size == capacity) text = realloc(text, (capacity *= 2) + 1);
  }
  fclose(in);
  if (text) text[size] = '\0';
  return text;
}

int main(int argc, char** argv) {
  char* text = argc == 2 ? read_file(argv[1]) : NULL;
  if (!text) {
    fprintf(stderr, "usage: ipasir_solve FILE.cnf\n");
    return 1;
  }
  void* solver = ipasir_init();
  for (const char* p = text; *p;) {
    if (*p == 'c' || *p == 'p') { /* a comment or the header: skip the line */
      while (*p && *p != '\n') ++p;
    } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
      const int negative = *p == '-';
      int value = 0;
      for (p += negative; *p >= '0' && *p <= '9'; ++p) value = 10 * value + (*p - '0');
      ipasir_add(solver, negative ? -value : value);
    } else {
      ++p;
    }
  }
  free(text);
  const int result = ipasir_solve(solver);
  puts(result == 10 ? "s SATISFIABLE" : result == 20 ? "s UNSATISFIABLE" : "s UNKNOWN");
  ipasir_release(solver);
  return result;
}
