// Shrinking of learned clauses (all-UIP shrinking).
//
// The first-UIP clause often holds several literals from the same lower
// decision level.  If the literals of one level are all implied by a single
// literal of that level (their block UIP) together with literals already in
// the clause (or implied by it), they can be replaced by that one literal.
// The clause keeps its levels, so its glue is unchanged, but it gets shorter,
// often much shorter on structured instances, where learned clauses run to
// hundreds of literals.  This is the shrinking of Fleury and Biere (2020),
// with minimization of the lower-level literals met on the way.
#include <algorithm>

#include "sat/internal.hpp"

namespace wang::sat {

namespace {
constexpr uint8_t kShrink = 32;  // marked while shrinking one level
}  // namespace

void Internal::mark_shrink(Var var) {
  if (!seen_[var]) analyzed_.push_back(var);
  seen_[var] |= kShrink;
  shrink_marked_.push_back(var);
}

// The literal replacing `block` (the clause literals of one level), or
// kNoLit when the level cannot be shrunk.
Lit Internal::shrink_level(std::span<const Lit> block, uint32_t level) {
  shrink_marked_.clear();
  uint32_t highest = 0;
  for (Lit lit : block) {
    mark_shrink(var_of(lit));
    highest = std::max(highest, vars_[var_of(lit)].trail);
  }
  size_t open = block.size();
  Lit result = kNoLit;
  for (uint32_t position = highest + 1; position-- > control_[level - 1];) {
    const Lit lit = trail_[position];
    if (!(seen_[var_of(lit)] & kShrink)) continue;
    if (open == 1) {
      result = negate(lit);
      break;
    }
    const ClauseRef reason = vars_[var_of(lit)].reason;
    bool fits = reason != kNoReason;
    for (Lit other : fits ? arena_[reason].literals() : std::span<const Lit>{}) {
      const Var var = var_of(other);
      if (var == var_of(lit)) continue;
      const uint32_t other_level = vars_[var].level;
      if (other_level == level) {
        if (!(seen_[var] & kShrink)) {
          mark_shrink(var);
          ++open;
        }
      } else if (other_level == 0) {
        add_root_antecedent(var);
      } else if (!(seen_[var] & (mark::kSeen | mark::kRemovable))) {
        if (!literal_redundant(other)) {
          fits = false;
          break;
        }
        if (!seen_[var]) analyzed_.push_back(var);
        seen_[var] |= mark::kRemovable;
      }
    }
    if (!fits) break;
    --open;
  }
  if (result == kNoLit) {
    for (Var var : shrink_marked_) seen_[var] &= static_cast<uint8_t>(~kShrink);
    return kNoLit;
  }
  // Everything resolved away is implied by the new literal.
  for (Var var : shrink_marked_) {
    seen_[var] &= static_cast<uint8_t>(~kShrink);
    if (var != var_of(result)) seen_[var] |= mark::kRemovable;
  }
  seen_[var_of(result)] = static_cast<uint8_t>((seen_[var_of(result)] | mark::kSeen) & ~mark::kRemovable);
  return result;
}

// Shrinks every lower level of the learned clause that has two or more
// literals.  Precondition: analysis marks are set, the clause is minimized.
void Internal::shrink_learnt() {
  std::sort(learnt_.begin() + 1, learnt_.end(), [this](Lit a, Lit b) {
    const VarData& x = vars_[var_of(a)];
    const VarData& y = vars_[var_of(b)];
    return x.level != y.level ? x.level > y.level : x.trail > y.trail;
  });
  mark_clause_levels();
  std::vector<Lit>& shrunk = shrink_scratch_;
  shrunk.assign(1, learnt_[0]);
  for (size_t begin = 1; begin < learnt_.size();) {
    const uint32_t level = level_of(learnt_[begin]);
    size_t end = begin;
    while (end < learnt_.size() && level_of(learnt_[end]) == level) ++end;
    const std::span<const Lit> block(learnt_.data() + begin, end - begin);
    const Lit uip = block.size() > 1 ? shrink_level(block, level) : kNoLit;
    if (uip != kNoLit) {
      stats.shrunk_literals += static_cast<int64_t>(block.size()) - 1;
      shrunk.push_back(uip);
    } else {
      shrunk.insert(shrunk.end(), block.begin(), block.end());
    }
    begin = end;
  }
  unmark_clause_levels();
  learnt_.swap(shrunk);
}

}  // namespace wang::sat
