// Recursive minimization of learned clauses.
//
// A literal of the learned clause can be dropped when the other literals
// imply it through reason clauses.  This removes about a third of the
// literals of first-UIP clauses on industrial instances, and shorter clauses
// propagate sooner and cost less memory.
//
// Most searches end early, at a literal that cannot follow from the clause
// (`outside_clause_reach`): one on a level without clause literals, or one
// assigned no later than the earliest clause literal of its level.  The
// second test rests on an invariant of the trail: a literal implied at a
// level above the root has a reason literal of that same level assigned
// before it.  Walking back from a literal through reasons within its level
// thus only meets earlier literals and ends at the level's decision unless
// it meets a clause literal first -- which the earliest one of the level,
// or anything before it, cannot.  It covers Knuth's rule that the only
// clause literal of its level is never redundant, and MiniSat's test of
// the level alone.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

void Internal::mark_clause_levels() {
  for (size_t i = 1; i < learnt_.size(); ++i) {
    const VarData& data = vars_[var_of(learnt_[i])];
    ClauseLevel& level = clause_levels_[data.level];
    if (level.literals++ == 0) clause_level_list_.push_back(data.level);
    level.earliest = std::min(level.earliest, data.trail);
  }
}

void Internal::unmark_clause_levels() {
  for (uint32_t level : clause_level_list_) clause_levels_[level] = ClauseLevel{};
  clause_level_list_.clear();
}

void Internal::minimize_learnt() {
  mark_clause_levels();
  size_t kept = 1;
  for (size_t i = 1; i < learnt_.size(); ++i) {
    const Lit lit = learnt_[i];
    if (literal_redundant(lit)) {
      seen_[var_of(lit)] |= mark::kRemovable;
      ++stats.minimized_literals;
    } else {
      learnt_[kept++] = lit;
    }
  }
  unmark_clause_levels();
  learnt_.resize(kept);
}

// Whether `lit` (false, in the learned clause) is implied by the other
// literals: every path back from it through reason clauses must end in
// literals of the clause or of the root level.  Decisions and literals
// outside the clause's reach end a path in failure.  The walk is iterative (deep
// implication chains must not overflow the stack) and remembers successes
// (mark::kRemovable) and failures (mark::kPoison) across literals.
bool Internal::literal_redundant(Lit lit) {
  const Var root = var_of(lit);
  if (vars_[root].reason == kNoReason || outside_clause_reach(vars_[root])) return false;
  std::vector<MinimizeFrame>& stack = minimize_stack_;
  stack.clear();
  stack.push_back({root, 0});
  while (!stack.empty()) {
    MinimizeFrame& frame = stack.back();
    const Clause& reason = arena_[vars_[frame.var].reason];
    bool descended = false;
    while (frame.next < reason.size) {
      const Lit other = reason[frame.next++];
      const Var var = var_of(other);
      if (var == frame.var) continue;
      const VarData& data = vars_[var];
      if (data.level == 0) {
        add_root_antecedent(var);
        continue;
      }
      const uint8_t mark = seen_[var];
      if (mark & (mark::kSeen | mark::kRemovable)) continue;
      const bool fails = (mark & mark::kPoison) || data.reason == kNoReason || outside_clause_reach(data) ||
                         stack.size() >= static_cast<size_t>(opts.minimizedepth);
      if (fails) {
        for (const MinimizeFrame& failed : stack) {
          if (failed.var == root || (seen_[failed.var] & mark::kPoison)) continue;
          seen_[failed.var] |= mark::kPoison;
          analyzed_.push_back(failed.var);
        }
        return false;
      }
      stack.push_back({var, 0});
      descended = true;
      break;
    }
    if (descended) continue;
    const Var done = stack.back().var;
    stack.pop_back();
    if (done != root) {
      seen_[done] |= mark::kRemovable;
      analyzed_.push_back(done);
    }
  }
  return true;
}

}  // namespace wang::sat
