// The n-queens puzzle with wang's SAT interface: one variable per square,
// a clause per row ("a queen somewhere in this row") and per pair of
// squares that attack each other ("not both").  Every solution is counted
// by solving again after adding a clause that rules out the last one: the
// solver keeps what it learned between the calls.
//
//   sat_queens [MAX_N]    counts the solutions for n = 1 .. MAX_N (default 8)
#include <cstdlib>
#include <iostream>
#include <vector>

#include <wang/sat.hpp>

namespace {

int count_solutions(int n) {
  wang::sat::Solver solver;
  // Variables are numbered from 1; square (row, column) is variable row*n + column + 1.
  auto square = [n](int row, int column) { return row * n + column + 1; };
  for (int row = 0; row < n; ++row) {
    for (int column = 0; column < n; ++column) solver.add(square(row, column));
    solver.add(0);  // 0 ends the clause
  }
  for (int a = 0; a < n * n; ++a) {
    for (int b = a + 1; b < n * n; ++b) {
      const int row_a = a / n, column_a = a % n, row_b = b / n, column_b = b % n;
      const bool attack = row_a == row_b || column_a == column_b || std::abs(row_a - row_b) == std::abs(column_a - column_b);
      if (attack) solver.add_clause(std::vector<int>{-(a + 1), -(b + 1)});
    }
  }

  int solutions = 0;
  while (solver.solve() == wang::sat::Result::satisfiable) {
    ++solutions;
    std::vector<int> another;  // some queen of this solution must move
    for (int variable = 1; variable <= n * n; ++variable) {
      if (solver.value(variable) == variable) another.push_back(-variable);
    }
    solver.add_clause(another);
  }
  return solutions;
}

}  // namespace

int main(int argc, char** argv) {
  const int max_n = argc > 1 ? std::atoi(argv[1]) : 8;
  std::cout << "n  solutions\n";
  for (int n = 1; n <= max_n; ++n) std::cout << n << "  " << count_solutions(n) << '\n';
}
