// Clauses learned by probing decisions (vivification, failed literals,
// hyper-binary resolution).
#include "sat/technique.hpp"

#include <algorithm>

namespace wang::sat {

void Technique::derive_from_decisions(ClauseRef start, Lit implied, std::vector<Lit>& clause, Lit stop) {
  std::vector<uint8_t>& seen = this->seen();
  std::vector<ClauseId>& chain = this->chain();
  std::vector<std::pair<uint32_t, ClauseId>>& chain_steps = this->chain_steps();
  clause.clear();
  chain.clear();
  chain_steps.clear();
  if (implied != kNoLit) {
    clause.push_back(implied);
    seen[var_of(implied)] = mark::kSeen;
    analyzed().push_back(var_of(implied));
  }
  std::vector<Lit>& pending = derivation_pending_;
  pending.assign(arena()[start].begin(), arena()[start].end());
  chain_steps.emplace_back(UINT32_MAX, arena()[start].id());
  while (!pending.empty()) {
    const Lit lit = pending.back();
    pending.pop_back();
    const Var var = var_of(lit);
    if (seen[var] & (mark::kSeen | mark::kRoot)) continue;
    const VarData& data = var_data(var);
    if (data.level == 0) {
      add_root_antecedent(var);
      continue;
    }
    seen[var] |= mark::kSeen;
    analyzed().push_back(var);
    if (data.reason == kNoReason || (stop != kNoLit && lit == negate(stop))) {
      clause.push_back(lit);  // false: the negation of a decision or of `stop`
      continue;
    }
    chain_steps.emplace_back(data.trail, arena()[data.reason].id());
    for (Lit other : arena()[data.reason].literals()) {
      if (var_of(other) != var) pending.push_back(other);
    }
  }
  if (lrat()) {
    std::sort(chain_steps.begin(), chain_steps.end());
    for (const auto& step : chain_steps) chain.push_back(step.second);
  }
  chain_steps.clear();
  clear_analysis();
}

}  // namespace wang::sat
