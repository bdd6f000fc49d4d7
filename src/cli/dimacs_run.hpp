#pragma once

#include "cli/settings.hpp"
#include "io/input.hpp"

namespace wang::cli {

// Solves the DIMACS CNF `input` and prints the answer; returns the exit code.
int solve_dimacs(const Settings& settings, io::ByteSource& input);

}  // namespace wang::cli
