// A statistic of an SMT solver by name; a missing one fails the test.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "wang/smt.hpp"

namespace wang::testing {

inline double statistic(const smt::Solver& solver, std::string_view name) {
  for (const sat::Statistic& statistic : solver.statistics()) {
    if (statistic.name == name) return statistic.value;
  }
  ADD_FAILURE() << "no statistic " << name;
  return 0;
}

}  // namespace wang::testing
