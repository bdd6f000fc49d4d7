// Output in the SAT Competition format: comment lines ('c'), exactly one
// status line ('s'), and the model on value lines ('v').
#pragma once

#include <chrono>
#include <ostream>
#include <span>
#include <string_view>

#include "cli/settings.hpp"
#include "wang/sat.hpp"

namespace wang::cli {

void print_status(std::ostream& out, sat::Result result);
// `values[i]` is the value of variable i+1 as +/-(i+1).  Lines stay within
// the competition's 4,096 characters; the last one ends with 0.
void print_model(std::ostream& out, std::span<const int> values);
void print_comment(std::ostream& out, const Settings& settings, std::string_view text);
void print_statistics(std::ostream& out, const Settings& settings, const sat::Solver& solver);

}  // namespace wang::cli
