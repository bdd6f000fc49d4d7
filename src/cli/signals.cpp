#include "cli/signals.hpp"

#include <csignal>

#include "wang/sat.hpp"
#include "wang/smt.hpp"

namespace wang::cli {

namespace {
std::atomic<sat::Solver*> g_solver{nullptr};
std::atomic<smt::Solver*> g_smt_solver{nullptr};
std::atomic<int> g_signal{0};

extern "C" void on_signal(int signal) {
  g_signal.store(signal);
  if (sat::Solver* solver = g_solver.load()) solver->terminate();
  if (smt::Solver* solver = g_smt_solver.load()) solver->terminate();
}
}  // namespace

void install_signal_handlers() {
  static_assert(std::atomic<sat::Solver*>::is_always_lock_free, "signal handler needs lock-free atomics");
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGXCPU}) sigaction(signal, &action, nullptr);
}

void set_interruptible_solver(sat::Solver* solver) { g_solver.store(solver); }
void set_interruptible_smt_solver(smt::Solver* solver) { g_smt_solver.store(solver); }
bool interrupted() { return g_signal.load() != 0; }
int interrupting_signal() { return g_signal.load(); }

}  // namespace wang::cli
