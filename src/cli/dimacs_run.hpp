#pragma once

#include "cli/settings.hpp"

namespace wang::cli {

// Solves a DIMACS CNF input and prints the answer; returns the exit code.
int solve_dimacs(const Settings& settings);

}  // namespace wang::cli
