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

void Internal::bump_variables() {
  std::vector<Var>& bumped = bump_scratch_;
  bumped.clear();
  for (Var var : analyzed_) {
    if (seen_[var] & mark::kSeen) bumped.push_back(var);
  }
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
