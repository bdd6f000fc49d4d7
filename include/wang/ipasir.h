/* IPASIR, the C interface of incremental SAT solvers, as implemented by
 * libwang-ipasir on top of wang's CDCL core (wang/sat.hpp).
 *
 * IPASIR is the common interface of the SAT Race / SAT Competition
 * incremental track: an application written against these ten functions
 * links with any solver that provides them.  This header states the
 * interface and what wang does where the interface leaves room.
 *
 * Literals are DIMACS integers: variable v is v, its negation -v, and 0 ends
 * a clause.  wang accepts variables 1 .. 2^30 - 1.
 *
 * A solver is in one of three states:
 *   INPUT  after ipasir_init, ipasir_add, ipasir_assume, and after a solve
 *          that was interrupted;
 *   SAT    after ipasir_solve returned 10;
 *   UNSAT  after ipasir_solve returned 20.
 * Every function except ipasir_val and ipasir_failed may be called in any
 * state.  A call outside the state a function requires, a literal out of
 * range, or running out of memory outside ipasir_solve, cannot be reported
 * through this interface: wang prints "wang ipasir: FUNCTION: reason" on
 * stderr and aborts the process.
 *
 * One solver must not be used by two threads at once; different solvers are
 * independent.  Callbacks must not call the solver that calls them. */
#ifndef WANG_IPASIR_H
#define WANG_IPASIR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The name and version of the library, "wang X.Y.Z"; a static string. */
const char* ipasir_signature(void);

/* A new solver in state INPUT, with no clauses. */
void* ipasir_init(void);

/* Frees the solver and everything it holds; the pointer is dead afterwards. */
void ipasir_release(void* solver);

/* Appends `lit_or_zero` to the clause being built, or ends the clause when
 * it is 0.  Clauses are permanent; to add a clause that can be switched off
 * later, add it with an extra literal -a and assume a while it should hold.
 * State afterwards: INPUT. */
void ipasir_add(void* solver, int32_t lit_or_zero);

/* Assumes `lit` true for the next ipasir_solve only: every solve clears the
 * assumptions, whatever its answer.  State afterwards: INPUT. */
void ipasir_assume(void* solver, int32_t lit);

/* Solves the clauses under the assumptions.  Returns 10 (satisfiable, state
 * SAT), 20 (unsatisfiable, state UNSAT) or 0 when the terminate callback
 * stopped the search (or memory ran out; state INPUT).  The clause being
 * built must have been ended with 0. */
int ipasir_solve(void* solver);

/* State SAT: the value of `lit` in the model, `lit` if it is true and -lit
 * if it is false.  (The interface allows 0 for "either"; wang always gives
 * a value, false for a variable no clause mentions.) */
int32_t ipasir_val(void* solver, int32_t lit);

/* State UNSAT: 1 if the assumption `lit` was needed to refute the clauses,
 * else 0.  The clauses with just the assumptions answered 1 are still
 * unsatisfiable. */
int ipasir_failed(void* solver, int32_t lit);

/* Installs `terminate`, called with `data` over and over during
 * ipasir_solve (at every step of the search); a non-zero result stops the
 * search and the solve returns 0.  NULL removes it.  The state does not
 * change. */
void ipasir_set_terminate(void* solver, void* data, int (*terminate)(void* data));

/* Installs `learn`, called with `data` for every clause of at most
 * `max_length` literals that the search learns from a conflict.  `clause`
 * is 0-terminated and valid only during the call.  Learned clauses follow
 * from the added clauses alone, whatever the assumptions.  NULL removes
 * it.  The state does not change. */
void ipasir_set_learn(void* solver, void* data, int max_length, void (*learn)(void* data, int32_t* clause));

#ifdef __cplusplus
}
#endif

#endif /* WANG_IPASIR_H */
