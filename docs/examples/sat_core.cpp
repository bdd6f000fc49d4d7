// Which requirements conflict?  Each requirement of a laptop order is a few
// clauses switched on by a selector variable s: the clauses are added with
// the extra literal -s, and every solve assumes the selectors of the
// requirements in force.  When the order is impossible, `failed` names the
// selectors the refutation used; dropping them one at a time while the
// rest stays unsatisfiable leaves a minimal conflicting set.
#include <iostream>
#include <string>
#include <vector>

#include <wang/sat.hpp>

namespace {

enum Part : int { kGpu = 1, kBigBattery, kLight, kCheap, kSsd };

struct Requirement {
  std::string name;
  std::vector<std::vector<int>> clauses;
  int selector = 0;
};

bool satisfiable_with(wang::sat::Solver& solver, const std::vector<const Requirement*>& in_force) {
  for (const Requirement* requirement : in_force) solver.assume(requirement->selector);
  return solver.solve() == wang::sat::Result::satisfiable;
}

}  // namespace

int main() {
  std::vector<Requirement> requirements = {
      {"games need a GPU", {{kGpu}}},
      {"it must be light", {{kLight}}},
      {"a GPU needs the big battery", {{-kGpu, kBigBattery}}},
      {"the big battery is heavy", {{-kBigBattery, -kLight}}},
      {"it must be cheap", {{kCheap}}},
      {"it has an SSD", {{kSsd}}},
  };
  wang::sat::Solver solver;
  int next_variable = kSsd + 1;
  for (Requirement& requirement : requirements) {
    requirement.selector = next_variable++;
    for (std::vector<int> clause : requirement.clauses) {
      clause.push_back(-requirement.selector);
      solver.add_clause(clause);
    }
  }

  std::vector<const Requirement*> core;
  for (const Requirement& requirement : requirements) core.push_back(&requirement);
  if (satisfiable_with(solver, core)) {
    std::cout << "the order can be met\n";
    return 0;
  }
  // The assumptions are gone after every solve; `failed` describes the last one.
  std::erase_if(core, [&solver](const Requirement* r) { return !solver.failed(r->selector); });
  for (size_t i = 0; i < core.size();) {
    std::vector<const Requirement*> without = core;
    without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
    if (satisfiable_with(solver, without)) {
      ++i;  // needed: keep it
    } else {
      core = without;
    }
  }
  std::cout << "these requirements conflict:\n";
  for (const Requirement* requirement : core) std::cout << "  " << requirement->name << '\n';

  // Without "it must be light", the rest can be met; the model shows how.
  std::vector<const Requirement*> relaxed;
  for (const Requirement& requirement : requirements) {
    if (requirement.name != "it must be light") relaxed.push_back(&requirement);
  }
  if (!satisfiable_with(solver, relaxed)) return 1;
  std::cout << "without \"it must be light\": GPU " << (solver.value(kGpu) > 0 ? "yes" : "no")
            << ", big battery " << (solver.value(kBigBattery) > 0 ? "yes" : "no")
            << ", light " << (solver.value(kLight) > 0 ? "yes" : "no") << '\n';
}
