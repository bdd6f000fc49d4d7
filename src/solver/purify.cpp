#include "solver/purify.hpp"

#include <algorithm>
#include <string>

namespace wang::smt {

namespace {
// Elements given to the constants of free sorts lie above every value the
// 32-bit encoding of a sort's terms can take (TermBlaster::kAbstractBits).
constexpr uint64_t kFreeElementBase = uint64_t{1} << 32;
}  // namespace

bool Purifier::purifiable(Term term) const {
  if (term.kind() != Kind::Apply || term.sort().is_uninterpreted()) return false;
  for (size_t i = 1; i < term.num_children(); ++i) {
    const Term argument = term.child(i);
    if (argument.kind() != Kind::Constant || !argument.sort().is_uninterpreted()) return false;
  }
  return true;
}

uint32_t Purifier::merged_uses(Term term) {
  std::vector<uint64_t> sorts;
  const auto add = [&sorts](uint64_t sort) {
    if (std::find(sorts.begin(), sorts.end(), sort) == sorts.end()) sorts.push_back(sort);
  };
  for (const Term& child : term.children()) {
    for (uint64_t sort : sort_sets_[uses_.at(child)]) add(sort);
  }
  // An element of a sort made by anything but a declaration.
  if (term.sort().is_uninterpreted() && term.kind() != Kind::Constant) add(term.sort().hash());
  // An element used by anything but a purifiable application.
  if (!purifiable(term)) {
    for (const Term& child : term.children()) {
      if (child.sort().is_uninterpreted()) add(child.sort().hash());
    }
  }
  if (sorts.empty()) return 0;
  std::sort(sorts.begin(), sorts.end());
  for (uint32_t i = 1; i < sort_sets_.size(); ++i) {
    if (sort_sets_[i] == sorts) return i;
  }
  sort_sets_.push_back(std::move(sorts));
  return static_cast<uint32_t>(sort_sets_.size() - 1);
}

uint32_t Purifier::uses(Term term) {
  return compute_bottom_up(term, uses_, [this](Term t) { return merged_uses(t); });
}

Term Purifier::purify(Term formula, uint32_t level) {
  for (uint64_t sort : sort_sets_[uses(formula)]) tying_levels_[sort].push_back(level);
  // Constants for the purifiable applications not met before.
  post_order(
      formula, [this](Term term) { return visited_.contains(term); },
      [this](Term term) {
        visited_.set(term, true);
        if (!purifiable(term)) return;
        const Term constant = terms_.mk_const(term.sort(), "wang!application!" + std::to_string(applications_.size()));
        by_function_[term.child(0).id()].push_back(static_cast<uint32_t>(applications_.size()));
        applications_.push_back({term, constant, kUntied});
        replacements_.set(term, constant);
      });
  return substitute(terms_, formula, replacements_, replaced_);
}

bool Purifier::free(Sort sort) const {
  const auto found = tying_levels_.find(sort.hash());
  return found == tying_levels_.end() || found->second.empty();
}

bool Purifier::tied(const Application& application) const {
  for (size_t i = 1; i < application.application.num_children(); ++i) {
    if (!free(application.application.child(i).sort())) return true;
  }
  return false;
}

std::vector<Term> Purifier::ties(uint32_t level) {
  std::vector<Term> equations;
  // Every check asks; with no sort tied (yosys-smtbmc's case) that costs
  // nothing per purified application.
  const bool any_tied = std::any_of(tying_levels_.begin(), tying_levels_.end(),
                                    [](const auto& entry) { return !entry.second.empty(); });
  if (!any_tied) return equations;
  for (Application& application : applications_) {
    if (application.tie_level != kUntied || !tied(application)) continue;
    application.tie_level = level;
    equations.push_back(terms_.mk_term(Kind::Equal, {application.constant, application.application}));
  }
  return equations;
}

void Purifier::pop_to(uint32_t levels) {
  for (auto& [sort, tying] : tying_levels_) std::erase_if(tying, [levels](uint32_t level) { return level > levels; });
  for (Application& application : applications_) {
    if (application.tie_level > levels) application.tie_level = kUntied;
  }
}

Purifier::ValueOf Purifier::model(ValueOf inner) const {
  return [this, inner = std::move(inner)](Term constant) -> Value {
    const auto value_of = [this, &inner](Term term) -> Value {
      const Sort sort = term.sort();
      if (sort.is_uninterpreted() && free(sort)) return AbstractValue{sort, kFreeElementBase + term.id()};
      return inner(term);
    };
    const auto found = constant.sort().is_function() ? by_function_.find(constant.id()) : by_function_.end();
    if (found == by_function_.end()) return value_of(constant);
    const Value function = inner(constant);
    const FunctionData& base = *std::get<FunctionValue>(function).data;
    std::vector<std::pair<std::vector<Value>, Value>> entries = base.entries;
    for (uint32_t index : found->second) {
      const Application& application = applications_[index];
      std::vector<Value> arguments;
      for (size_t i = 1; i < application.application.num_children(); ++i) {
        arguments.push_back(value_of(application.application.child(i)));
      }
      entries.emplace_back(std::move(arguments), inner(application.constant));
    }
    return make_function(base.sort, base.default_value, std::move(entries));
  };
}

}  // namespace wang::smt
