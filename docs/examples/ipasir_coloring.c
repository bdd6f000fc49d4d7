/* The IPASIR C interface: how many colours does the Petersen graph need?
 * Variable colour(v, c) says vertex v has colour c; every vertex gets one
 * of the K colours, neighbours differ.  Colour c is switched off by
 * assuming -on(c) for a selector on(c) that every colour(v, c) implies, so
 * one solver answers for 1, 2, 3 ... colours in turn: assumptions last one
 * ipasir_solve only. */
#include <stdio.h>

#include "ipasir.h"

enum { kVertices = 10, kColours = 4 };

/* The outer 5-cycle, the spokes, and the inner pentagram. */
static const int kEdges[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {0, 5}, {1, 6}, {2, 7},
                                {3, 8}, {4, 9}, {5, 7}, {7, 9}, {9, 6}, {6, 8}, {8, 5}};

static int colour(int vertex, int c) { return vertex * kColours + c + 1; }
static int on(int c) { return kVertices * kColours + c + 1; }

int main(void) {
  void* solver = ipasir_init();
  for (int v = 0; v < kVertices; ++v) {
    for (int c = 0; c < kColours; ++c) ipasir_add(solver, colour(v, c));
    ipasir_add(solver, 0);
    for (int c = 0; c < kColours; ++c) {
      ipasir_add(solver, -colour(v, c));
      ipasir_add(solver, on(c));
      ipasir_add(solver, 0);
    }
  }
  for (size_t e = 0; e < sizeof kEdges / sizeof kEdges[0]; ++e) {
    for (int c = 0; c < kColours; ++c) {
      ipasir_add(solver, -colour(kEdges[e][0], c));
      ipasir_add(solver, -colour(kEdges[e][1], c));
      ipasir_add(solver, 0);
    }
  }
  for (int k = 1; k <= kColours; ++k) {
    for (int c = k; c < kColours; ++c) ipasir_assume(solver, -on(c));
    const int result = ipasir_solve(solver);
    printf("%d colour%s: %s\n", k, k > 1 ? "s" : "", result == 10 ? "possible" : result == 20 ? "impossible" : "unknown");
    if (result != 10) continue;
    /* The model colours every vertex with one of the first k colours. */
    for (int v = 0; v < kVertices; ++v) {
      int coloured = 0;
      for (int c = 0; c < k; ++c) coloured |= ipasir_val(solver, colour(v, c)) > 0;
      if (!coloured) return 1;
    }
    break;
  }
  ipasir_release(solver);
  return 0;
}
