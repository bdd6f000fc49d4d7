// Bumping the variables of a conflict.
//
// Variables that took part in deriving the learned clause are the ones the
// search should branch on next.  VMTF moves them to the front of its queue in
// the order of their previous stamps, so that their relative order survives;
// EVSIDS adds an increment that grows geometrically, which makes old bumps
// decay without touching every score.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

// Also bumps the variables of the reasons of the learned clause's literals
// (one level deep, a bounded number): they are what the learned clause will
// be resolved with next, and bumping them focuses the search on the same
// part of the formula.  Needs the analysis marks, so it runs before they
// are cleared.
void Internal::collect_reason_variables(std::vector<Var>& bumped) {
  const size_t limit = bumped.size() + 10 * learnt_.size();
  for (size_t i = 1; i < learnt_.size(); ++i) {
    const ClauseRef reason = vars_[var_of(learnt_[i])].reason;
    if (reason == kNoReason) continue;
    for (Lit lit : arena_[reason].literals()) {
      const Var var = var_of(lit);
      if (seen_[var] || vars_[var].level == 0) continue;
      if (bumped.size() >= limit) return;
      seen_[var] = mark::kBumped;
      analyzed_.push_back(var);
      bumped.push_back(var);
    }
  }
}

void Internal::bump_variables() {
  std::vector<Var>& bumped = bump_scratch_;
  bumped.clear();
  for (Var var : analyzed_) {
    if (seen_[var] & mark::kSeen) bumped.push_back(var);
  }
  if (opts.bumpreasons) collect_reason_variables(bumped);
  if (stable_) {
    for (Var var : bumped) bump_score(var);
    score_increment_ *= 1000.0 / static_cast<double>(opts.scoredecay);
    if (score_increment_ > 1e150) rescale_scores();
    return;
  }
  std::sort(bumped.begin(), bumped.end(), [this](Var a, Var b) { return queue_.stamp(a) < queue_.stamp(b); });
  for (Var var : bumped) {
    queue_.bump(var);
    if (values_[make_lit(var, false)] == kUnassigned) queue_.unassigned(var);
  }
}

void Internal::bump_score(Var var) {
  scores_[var] += score_increment_;
  if (scores_[var] > 1e150) rescale_scores();
  heap_.increased(var);
}

void Internal::rescale_scores() {
  for (double& score : scores_) score *= 1e-150;
  score_increment_ *= 1e-150;
}

}  // namespace wang::sat
