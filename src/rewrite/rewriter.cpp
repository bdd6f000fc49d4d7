// The rule table, its dispatch by operator, and the bottom-up driver.
#include "rewrite/rewriter.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "smt/evaluator.hpp"

namespace wang::rewrite {

namespace {

using RuleFunction = Term (*)(Rewriter&, Term);

struct RuleRow {
  RuleInfo info;
  std::vector<Kind> kinds;  // empty: every operator
  RuleFunction apply;
};

#define ANY {}
#define KINDS(...) {__VA_ARGS__}
const std::vector<RuleRow>& rule_rows() {
  using enum Kind;
  static const std::vector<RuleRow> kRows = {
#define RULE(name, level, kinds, description) {{Rule::name, #name, level, description}, kinds, &rule_##name},
#include "rewrite/rules.def"
#undef RULE
  };
  return kRows;
}
#undef ANY
#undef KINDS

constexpr size_t kNumKinds = static_cast<size_t>(Kind::Constant) + 1
#define OP(kind, name, min_arity, max_arity, indices, arguments, result, attributes) +1
#include "wang/smt_ops.def"
#undef OP
    ;

// For each operator, its rules in table order.
const std::vector<std::vector<const RuleRow*>>& rules_by_kind() {
  static const std::vector<std::vector<const RuleRow*>> kByKind = [] {
    std::vector<std::vector<const RuleRow*>> by_kind(kNumKinds);
    for (const RuleRow& row : rule_rows()) {
      for (size_t kind = static_cast<size_t>(Kind::Constant) + 1; kind < kNumKinds; ++kind) {
        if (row.kinds.empty() || std::ranges::find(row.kinds, static_cast<Kind>(kind)) != row.kinds.end()) {
          by_kind[kind].push_back(&row);
        }
      }
    }
    return by_kind;
  }();
  return kByKind;
}

// Rules build their results with mk(), which rewrites them in turn; a
// chain of rules that feed each other deeper than this is cut off and the
// term left as it is, which is sound (it is still equivalent), only less
// simplified.  No rule set here comes close: the bound protects the C++
// stack from an unforeseen loop between rules.
constexpr uint32_t kMaxDepth = 200;

}  // namespace

std::span<const RuleInfo> rules() {
  static const std::vector<RuleInfo> kInfos = [] {
    std::vector<RuleInfo> infos;
    for (const RuleRow& row : rule_rows()) infos.push_back(row.info);
    return infos;
  }();
  return kInfos;
}

const RuleInfo& rule_info(Rule rule) { return rules()[static_cast<size_t>(rule)]; }

std::optional<Rule> find_rule(std::string_view name) {
  for (const RuleInfo& info : rules()) {
    if (info.name == name) return info.rule;
  }
  return std::nullopt;
}

Rewriter::Rewriter(smt::TermManager& terms, int level) : terms_(terms), level_(level) {
  if (level < 0 || level > kMaxLevel) {
    throw std::out_of_range("rewrite level must be between 0 and " + std::to_string(kMaxLevel));
  }
}

void Rewriter::disable(Rule rule) { disabled_[static_cast<size_t>(rule)] = true; }

bool Rewriter::enabled(Rule rule) const {
  return !disabled_[static_cast<size_t>(rule)] && rule_info(rule).level <= level_;
}

Term Rewriter::rewrite(Term term) {
  if (level_ == 0) return term;
  const smt::TermMap<bool> shared = smt::shared_terms(std::span<const Term>(&term, 1));
  return smt::rebuild(
      term, rewritten_, [](Term leaf) { return leaf; },
      [this, &shared](Term original, std::span<const Term> children) {
        std::vector<uint32_t> indices;
        for (size_t i = 0; i < original.num_indices(); ++i) indices.push_back(original.index(i));
        const Term result = mk(original.kind(), children, indices);
        if (shared.contains(original)) mark_shared(result);
        return result;
      });
}

Term Rewriter::mk(Kind kind, std::span<const Term> arguments, std::span<const uint32_t> indices) {
  const Term built = terms_.mk_term(kind, arguments, indices);
  if (const Term* known = normal_.find(built)) return *known;
  // Past the bound, every term built until the outermost mk() returns is
  // left as it is: stopping only at the bound would still let a loop
  // branch below it.
  if (depth_ >= kMaxDepth) ++depth_limit_hits_;
  if (depth_ >= kMaxDepth || unwinding_) {
    unwinding_ = depth_ > 0;
    return built;
  }
  // Provisionally its own normal form: a rule that builds the term it is
  // rewriting gets it back unchanged instead of recursing.
  normal_.set(built, built);
  ++depth_;
  Term result;
  try {
    result = normalize(built);
  } catch (...) {
    --depth_;
    throw;
  }
  --depth_;
  if (depth_ == 0) unwinding_ = false;
  normal_.set(built, result);
  if (result != built) normal_.set(result, result);
  return result;
}

Term Rewriter::mk(Kind kind, std::initializer_list<Term> arguments, std::initializer_list<uint32_t> indices) {
  return mk(kind, std::span<const Term>(arguments.begin(), arguments.size()),
            std::span<const uint32_t>(indices.begin(), indices.size()));
}

Term Rewriter::fold(Kind kind, std::span<const Term> values, std::span<const uint32_t> indices) {
  std::vector<smt::Value> arguments;
  for (const Term& value : values) {
    if (value.kind() == Kind::BoolValue) {
      arguments.emplace_back(value.bool_value());
    } else {
      arguments.emplace_back(value.bv_value());
    }
  }
  const smt::Value result = smt::apply_operator(kind, arguments, indices);
  if (const bool* truth = std::get_if<bool>(&result)) return mk_bool(*truth);
  return mk_bv(std::get<bv::BitVector>(result));
}

Term Rewriter::fold(Kind kind, std::initializer_list<Term> values) {
  return fold(kind, std::span<const Term>(values.begin(), values.size()));
}

Term Rewriter::declare_normal(Term term) {
  normal_.set(term, term);
  return term;
}

// The first rule of the term's operator that changes it decides; its
// result was built by mk() and is normal already.
Term Rewriter::normalize(Term term) {
  for (const RuleRow* row : rules_by_kind()[static_cast<size_t>(term.kind())]) {
    if (!enabled(row->info.rule)) continue;
    const Term result = row->apply(*this, term);
    if (!result || result == term) continue;
    ++fired_[static_cast<size_t>(row->info.rule)];
    return result;
  }
  return term;
}

bool is_one(Term term) {
  if (!is_bv_value(term)) return false;
  const bv::BitVector& value = term.bv_value();
  return value == bv::BitVector::from_uint64(value.width(), 1);
}

bool are_complements(Term term, Term other) {
  const auto negates = [](Term negation, Term operand) {
    return (negation.kind() == Kind::Not || negation.kind() == Kind::BvNot) && negation.child(0) == operand;
  };
  return negates(term, other) || negates(other, term);
}

std::vector<Term> children_of(Term term) { return {term.children().begin(), term.children().end()}; }

std::vector<Term> flattened_children(Term term, Kind kind) {
  std::vector<Term> flat;
  for (size_t i = 0; i < term.num_children(); ++i) {
    const Term child = term.child(i);
    const size_t remaining = term.num_children() - i - 1;
    if (child.kind() == kind && flat.size() + child.num_children() + remaining <= kFlattenLimit) {
      flat.insert(flat.end(), child.children().begin(), child.children().end());
    } else {
      flat.push_back(child);
    }
  }
  return flat;
}

bool term_order(Term a, Term b) {
  if (a.is_value() != b.is_value()) return a.is_value();
  return a.id() < b.id();
}

}  // namespace wang::rewrite
