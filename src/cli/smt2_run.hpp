#pragma once

#include "cli/settings.hpp"
#include "io/input.hpp"

namespace wang::cli {

// Executes the SMT-LIB script `input`, answering on stdout.  Returns 0
// once the input is processed (errors in it are answered in place, as
// SMT-LIB's continued-execution asks) and 1 when it cannot be read.
int solve_smt2(const Settings& settings, io::ByteSource& input);

}  // namespace wang::cli
