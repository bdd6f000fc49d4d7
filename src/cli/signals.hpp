// SIGINT, SIGTERM and SIGXCPU end a run with 'unknown': the handler only
// raises a flag and asks the registered solver to stop, both
// async-signal-safe; the main thread then prints the answer and statistics.
#pragma once

#include <atomic>

namespace wang::sat {
class Solver;
}
namespace wang::smt {
class Solver;
}

namespace wang::cli {

void install_signal_handlers();
// The solver to stop when a signal arrives (nullptr for none).
void set_interruptible_solver(sat::Solver* solver);
void set_interruptible_smt_solver(smt::Solver* solver);
bool interrupted();
// The signal that interrupted the run, 0 if none.
int interrupting_signal();

}  // namespace wang::cli
