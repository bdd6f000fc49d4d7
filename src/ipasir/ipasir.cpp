// IPASIR (include/wang/ipasir.h) over wang::sat::Solver.
//
// The C++ facade already keeps IPASIR's state machine and checks its
// contracts by throwing; here the exceptions become a message and an abort,
// since a C caller can neither catch them nor be handed an error code the
// interface does not have.  Callbacks are adapted to the facade's hooks.
#include "wang/ipasir.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <new>
#include <span>
#include <utility>
#include <vector>

#include "wang/sat.hpp"

namespace {

struct IpasirSolver {
  wang::sat::Solver sat;
  std::vector<int32_t> learned;  // the clause handed to the learn callback, 0-terminated
};

IpasirSolver& unwrap(void* solver) { return *static_cast<IpasirSolver*>(solver); }

[[noreturn]] void fail(const char* function, const char* reason) {
  std::fprintf(stderr, "wang ipasir: %s: %s\n", function, reason);
  std::fflush(stderr);
  std::abort();
}

// Runs `body`, turning a broken contract (or memory running out) into the
// documented message and abort.
template <typename Body>
auto checked(const char* function, Body&& body) noexcept -> decltype(body()) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    fail(function, "out of memory");
  } catch (const std::exception& error) {
    fail(function, error.what());
  }
}

}  // namespace

extern "C" {

const char* ipasir_signature(void) { return "wang " WANG_VERSION; }

void* ipasir_init(void) {
  return checked("ipasir_init", [] { return static_cast<void*>(new IpasirSolver); });
}

void ipasir_release(void* solver) { delete static_cast<IpasirSolver*>(solver); }

void ipasir_add(void* solver, int32_t lit_or_zero) {
  checked("ipasir_add", [&] { unwrap(solver).sat.add(lit_or_zero); });
}

void ipasir_assume(void* solver, int32_t lit) {
  checked("ipasir_assume", [&] { unwrap(solver).sat.assume(lit); });
}

int ipasir_solve(void* solver) {
  return checked("ipasir_solve", [&] { return static_cast<int>(unwrap(solver).sat.solve()); });
}

int32_t ipasir_val(void* solver, int32_t lit) {
  return checked("ipasir_val", [&] { return unwrap(solver).sat.value(lit); });
}

int ipasir_failed(void* solver, int32_t lit) {
  return checked("ipasir_failed", [&] { return unwrap(solver).sat.failed(lit) ? 1 : 0; });
}

void ipasir_set_terminate(void* solver, void* data, int (*terminate)(void* data)) {
  checked("ipasir_set_terminate", [&] {
    std::function<bool()> check;
    if (terminate) check = [data, terminate] { return terminate(data) != 0; };
    unwrap(solver).sat.set_terminate_check(std::move(check));
  });
}

void ipasir_set_learn(void* solver, void* data, int max_length, void (*learn)(void* data, int32_t* clause)) {
  checked("ipasir_set_learn", [&] {
    IpasirSolver& s = unwrap(solver);
    std::function<void(std::span<const int>)> observer;
    if (learn) {
      observer = [&s, data, learn](std::span<const int> clause) {
        s.learned.assign(clause.begin(), clause.end());
        s.learned.push_back(0);
        learn(data, s.learned.data());
      };
    }
    s.sat.set_learn_observer(max_length, std::move(observer));
  });
}

}  // extern "C"
