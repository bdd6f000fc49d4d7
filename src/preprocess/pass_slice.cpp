// Slicing: a bit-vector constant used only through extracts is the
// concatenation of fresh constants, one per slice between the extracts'
// bounds.  The extracts then rewrite to (concatenations of) the slices,
// which substitution and the unconstrained pass can see separately.
#include <set>

#include "preprocess/preprocessor.hpp"
#include "preprocess/uses.hpp"

namespace wang::preprocess {

bool pass_slice(Preprocessor& pp, Preprocessor::Group& group) {
  if (!group.whole_batch) return false;
  const ConstantUses uses = constant_uses(group.assertions);
  PassStatistics& stats = pp.statistics(PassId::slice);
  bool changed = false;
  for (const Term& constant : uses.constants) {
    if (!constant.sort().is_bitvec() || pp.visible(constant) || uses.is_root.contains(constant)) continue;
    const std::vector<Term>& parents = uses.parents.at(constant);
    const uint32_t width = constant.sort().width();
    std::set<uint32_t> cuts{0, width};
    bool only_extracts = !parents.empty();
    for (const Term& parent : parents) {
      if (parent.kind() != Kind::Extract) {
        only_extracts = false;
        break;
      }
      cuts.insert(parent.index(1));
      cuts.insert(parent.index(0) + 1);
    }
    if (!only_extracts || cuts.size() <= 2) continue;
    std::vector<Term> slices;  // most significant first
    for (auto high = cuts.rbegin(), low = std::next(high); low != cuts.rend(); ++high, ++low) {
      slices.push_back(pp.fresh_constant(Sort::bitvec(*high - *low), "slice"));
    }
    const Term concatenation = pp.rewriter().mk(Kind::Concat, slices);
    pp.replace(constant, concatenation, group.level);
    pp.eliminate_by_definition(constant, concatenation, group.level);
    ++stats.changes;
    ++stats.eliminated;
    changed = true;
  }
  return changed;
}

}  // namespace wang::preprocess
