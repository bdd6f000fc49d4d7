/* Bounded model checking through IPASIR, the way incremental SAT
 * applications use it: written against plain ipasir.h in C, it links with
 * any IPASIR solver.
 *
 *   bmc WIDTH TARGET MAX_DEPTH [CNF_DIR]
 *
 * The transition system has two WIDTH-bit registers and a one-bit input:
 *   initially x = 0, y = 1;   each step  x' = y,  y' = x + y + c  (mod 2^WIDTH)
 * where c is chosen freely at every step.  Is a state with y = TARGET
 * reachable in k steps?  Depth k = 0, 1, ... MAX_DEPTH unrolls one more
 * step and asks under the assumption "bad at step k"; the assumption is
 * dropped by the next solve, as IPASIR says.  It prints one line per depth,
 * "depth K: sat" or "depth K: unsat", and stops at the first sat, after
 * checking the counterexample by simulating the inputs the model gives.
 * With CNF_DIR it also writes the question of every depth as a plain CNF
 * (all clauses so far plus the unit "bad at step k"), depth-K.cnf, for
 * comparison with a non-incremental solver.
 *
 * Exit code 0 when every answer passed its checks, 1 when one did not, 2 on
 * bad usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipasir.h"

enum { kMaxWidth = 30 };

/* A register: one variable per bit, least significant first. */
typedef struct {
  int bits[kMaxWidth];
} Word;

typedef struct {
  void* solver;
  int width;
  int variables;
  /* Every clause added, 0-terminated, for the CNF files. */
  int* clauses;
  size_t size, capacity, count;
} Model;

static int new_variable(Model* m) { return ++m->variables; }

static void record(Model* m, int lit) {
  if (m->size == m->capacity) {
    m->capacity = m->capacity ? 2 * m->capacity : 1024;
    m->clauses = realloc(m->clauses, m->capacity * sizeof(int));
    if (!m->clauses) {
      fprintf(stderr, "bmc: out of memory\n");
      exit(1);
    }
  }
  m->clauses[m->size++] = lit;
  if (lit == 0) ++m->count;
}

static void clause(Model* m, const int* lits, int n) {
  for (int i = 0; i < n; ++i) {
    ipasir_add(m->solver, lits[i]);
    record(m, lits[i]);
  }
  ipasir_add(m->solver, 0);
  record(m, 0);
}

static void clause1(Model* m, int a) { clause(m, (int[]){a}, 1); }
static void clause2(Model* m, int a, int b) { clause(m, (int[]){a, b}, 2); }
static void clause3(Model* m, int a, int b, int c) { clause(m, (int[]){a, b, c}, 3); }
static void clause4(Model* m, int a, int b, int c, int d) { clause(m, (int[]){a, b, c, d}, 4); }

/* out <-> a xor b xor c */
static int xor3(Model* m, int a, int b, int c) {
  const int out = new_variable(m);
  for (int mask = 0; mask < 8; ++mask) {
    const int sa = mask & 1 ? a : -a, sb = mask & 2 ? b : -b, sc = mask & 4 ? c : -c;
    const int odd = ((mask & 1) != 0) ^ ((mask & 2) != 0) ^ ((mask & 4) != 0);
    /* With a, b, c as in `mask`, out equals their parity. */
    clause4(m, -sa, -sb, -sc, odd ? out : -out);
  }
  return out;
}

/* out <-> at least two of a, b, c */
static int majority(Model* m, int a, int b, int c) {
  const int out = new_variable(m);
  clause3(m, -a, -b, out);
  clause3(m, -a, -c, out);
  clause3(m, -b, -c, out);
  clause3(m, a, b, -out);
  clause3(m, a, c, -out);
  clause3(m, b, c, -out);
  return out;
}

static Word fresh_word(Model* m) {
  Word w;
  for (int i = 0; i < m->width; ++i) w.bits[i] = new_variable(m);
  return w;
}

static void fix_word(Model* m, const Word* w, unsigned value) {
  for (int i = 0; i < m->width; ++i) clause1(m, (value >> i) & 1 ? w->bits[i] : -w->bits[i]);
}

/* The register a + b + carry, bit by bit (ripple carry). */
static Word add(Model* m, const Word* a, const Word* b, int carry) {
  Word sum;
  for (int i = 0; i < m->width; ++i) {
    sum.bits[i] = xor3(m, a->bits[i], b->bits[i], carry);
    if (i + 1 < m->width) carry = majority(m, a->bits[i], b->bits[i], carry);
  }
  return sum;
}

/* A fresh variable that implies w = value. */
static int equals(Model* m, const Word* w, unsigned value) {
  const int bad = new_variable(m);
  for (int i = 0; i < m->width; ++i) clause2(m, -bad, (value >> i) & 1 ? w->bits[i] : -w->bits[i]);
  return bad;
}

static unsigned word_value(Model* m, const Word* w) {
  unsigned value = 0;
  for (int i = 0; i < m->width; ++i) {
    if (ipasir_val(m->solver, w->bits[i]) > 0) value |= 1u << i;
  }
  return value;
}

static int write_cnf(const Model* m, const char* dir, int depth, int bad) {
  char path[4096];
  snprintf(path, sizeof path, "%s/depth-%d.cnf", dir, depth);
  FILE* out = fopen(path, "w");
  if (!out) {
    perror(path);
    return 0;
  }
  fprintf(out, "p cnf %d %zu\n", m->variables, m->count + 1);
  for (size_t i = 0; i < m->size; ++i) fprintf(out, m->clauses[i] ? "%d " : "0\n", m->clauses[i]);
  fprintf(out, "%d 0\n", bad);
  return fclose(out) == 0;
}

/* Runs the system on the inputs of the model and checks that it reaches
 * TARGET at step `depth` (and holds the registers the model says). */
static int check_trace(Model* m, const Word* xs, const Word* ys, const int* inputs, int depth, unsigned target) {
  const unsigned mask = (1u << m->width) - 1;
  unsigned x = 0, y = 1;
  for (int step = 0;; ++step) {
    if (word_value(m, &xs[step]) != x || word_value(m, &ys[step]) != y) {
      fprintf(stderr, "bmc: the model's registers at step %d are not the simulated ones\n", step);
      return 0;
    }
    if (step == depth) break;
    const unsigned c = ipasir_val(m->solver, inputs[step]) > 0;
    const unsigned next_y = (x + y + c) & mask;
    x = y;
    y = next_y;
  }
  if (y != target) fprintf(stderr, "bmc: the trace ends in y = %u, not %u\n", y, target);
  return y == target;
}

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    fprintf(stderr, "usage: bmc WIDTH TARGET MAX_DEPTH [CNF_DIR]\n");
    return 2;
  }
  Model m = {ipasir_init(), atoi(argv[1]), 0, NULL, 0, 0, 0};
  const unsigned target = (unsigned)strtoul(argv[2], NULL, 10);
  const int max_depth = atoi(argv[3]);
  const char* cnf_dir = argc == 5 ? argv[4] : NULL;
  if (m.width < 1 || m.width > kMaxWidth || max_depth < 0 || target >> m.width) {
    fprintf(stderr, "bmc: WIDTH must be 1..%d, TARGET below 2^WIDTH, MAX_DEPTH >= 0\n", kMaxWidth);
    return 2;
  }
  Word* xs = malloc((size_t)(max_depth + 1) * sizeof(Word));
  Word* ys = malloc((size_t)(max_depth + 1) * sizeof(Word));
  int* inputs = malloc((size_t)(max_depth + 1) * sizeof(int));
  if (!xs || !ys || !inputs) return 1;

  xs[0] = fresh_word(&m);
  ys[0] = fresh_word(&m);
  fix_word(&m, &xs[0], 0);
  fix_word(&m, &ys[0], 1);
  int ok = 1;
  for (int depth = 0; depth <= max_depth && ok; ++depth) {
    if (depth > 0) {
      inputs[depth - 1] = new_variable(&m);
      xs[depth] = ys[depth - 1];
      ys[depth] = add(&m, &xs[depth - 1], &ys[depth - 1], inputs[depth - 1]);
    }
    const int bad = equals(&m, &ys[depth], target);
    if (cnf_dir && !write_cnf(&m, cnf_dir, depth, bad)) return 1;
    ipasir_assume(m.solver, bad);
    const int result = ipasir_solve(m.solver);
    printf("depth %d: %s\n", depth, result == 10 ? "sat" : result == 20 ? "unsat" : "unknown");
    if (result == 10) {
      ok = ipasir_val(m.solver, bad) == bad && check_trace(&m, xs, ys, inputs, depth, target);
      break;
    }
    /* The clauses alone are satisfiable (y = 1 at step 0 can always step
     * on), so the assumption must be what failed. */
    if (result != 20 || !ipasir_failed(m.solver, bad)) {
      fprintf(stderr, "bmc: depth %d: expected unsat with the assumption failed\n", depth);
      ok = 0;
    }
  }
  ipasir_release(m.solver);
  free(m.clauses);
  free(xs);
  free(ys);
  free(inputs);
  return ok ? 0 : 1;
}
