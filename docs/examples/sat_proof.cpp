// Limits and proofs.  Eight pigeons do not fit in seven holes one per hole;
// a CDCL solver needs many conflicts to see it.  The first solve gets 100
// conflicts and gives up with `unknown`; the second has no limit and
// answers unsatisfiable.  The solver streams an LRAT proof while it works,
// and the formula is written as DIMACS next to it, so that an independent
// checker can verify the answer:
//
//   sat_proof && wang-check pigeons.cnf pigeons.lrat
#include <fstream>
#include <iostream>
#include <vector>

#include <wang/sat.hpp>

int main() {
  const int holes = 7, pigeons = holes + 1;
  auto sits = [](int pigeon, int hole) { return pigeon * holes + hole + 1; };
  std::vector<std::vector<int>> clauses;
  for (int p = 0; p < pigeons; ++p) {
    std::vector<int> some_hole;
    for (int h = 0; h < holes; ++h) some_hole.push_back(sits(p, h));
    clauses.push_back(some_hole);
  }
  for (int h = 0; h < holes; ++h) {
    for (int p = 0; p < pigeons; ++p) {
      for (int q = p + 1; q < pigeons; ++q) clauses.push_back({-sits(p, h), -sits(q, h)});
    }
  }

  std::ofstream cnf("pigeons.cnf");
  cnf << "p cnf " << pigeons * holes << ' ' << clauses.size() << '\n';
  for (const auto& clause : clauses) {
    for (int lit : clause) cnf << lit << ' ';
    cnf << "0\n";
  }
  std::ofstream proof("pigeons.lrat", std::ios::binary);

  wang::sat::Solver solver;
  solver.trace_proof(proof, wang::sat::ProofFormat::lrat_text);  // before the first clause
  for (const auto& clause : clauses) solver.add_clause(clause);

  wang::sat::Limits limits;
  limits.conflicts = 100;
  solver.set_limits(limits);
  wang::sat::Result result = solver.solve();
  std::cout << "with 100 conflicts: " << wang::sat::to_string(result) << " ("
            << wang::sat::to_string(solver.stop_reason()) << ")\n";

  solver.set_limits(wang::sat::Limits{});  // no limits
  result = solver.solve();
  std::cout << "without a limit: " << wang::sat::to_string(result) << '\n';
  solver.flush_proof();
  std::cout << "proof written: pigeons.lrat (check it: wang-check pigeons.cnf pigeons.lrat)\n";
  return result == wang::sat::Result::unsatisfiable ? 0 : 1;
}
