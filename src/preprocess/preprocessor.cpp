// The pass loop, the replacements and the witnesses.
#include "preprocess/preprocessor.hpp"
#include "preprocess/uses.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

namespace wang::preprocess {

namespace {

const std::vector<PassInfo>& pass_table() {
  static const std::vector<PassInfo> kPasses = {
#define PASS(name, on, description) {PassId::name, #name, on != 0, description},
#include "preprocess/passes.def"
#undef PASS
  };
  return kPasses;
}

const PassFunction kPassFunctions[] = {
#define PASS(name, on, description) &pass_##name,
#include "preprocess/passes.def"
#undef PASS
};

// Passes that level 1 runs; level 2 runs every enabled pass.
bool runs_at_level_one(PassId pass) { return pass == PassId::flatten; }

}  // namespace

std::span<const PassInfo> passes() { return pass_table(); }

Preprocessor::Preprocessor(smt::TermManager& terms, Config config)
    : terms_(terms),
      config_(std::move(config)),
      rewriter_(std::make_unique<rewrite::Rewriter>(terms, config_.level)) {
  for (rewrite::Rule rule : config_.disabled_rules) rewriter_->disable(rule);
}

Preprocessor::~Preprocessor() = default;

Preprocessor::Result Preprocessor::process(std::span<const Assertion> batch, std::span<const Term> assumptions) {
  Result result;
  if (config_.level == 0) {
    result.assertions.assign(batch.begin(), batch.end());
    result.assumptions.assign(assumptions.begin(), assumptions.end());
    return result;
  }
  // Assumptions are visible first: nothing they mention may be eliminated.
  for (const Term& assumption : assumptions) mark_visible(assumption);
  // An unconstrained constant of an earlier check that a new assertion
  // mentions is unconstrained no more: its use is encoded before the
  // passes see the new assertions (which could otherwise abstract it a
  // second time, differently).
  std::vector<Term> batch_terms;
  for (const Assertion& assertion : batch) batch_terms.push_back(assertion.term);
  shared_ = smt::shared_terms(batch_terms);
  for (const Term& assertion : batch_terms) restore_mentioned(normalize(assertion));
  std::map<uint32_t, std::vector<Term>> by_level;
  for (const Assertion& assertion : batch) by_level[assertion.level].push_back(assertion.term);
  for (auto& [level, terms] : by_level) {
    Group group{.level = level, .assertions = std::move(terms), .assumptions = assumptions,
                .whole_batch = by_level.size() == 1};
    process_group(group);
  }
  for (const Term& assumption : assumptions) {
    result.assumptions.push_back(normalize(assumption));
    mark_visible(result.assumptions.back());
  }
  result.assertions = std::move(out_);
  out_.clear();
  return result;
}

// Every pass sees the assertions normalized under what the passes before
// it found: a pass that looked at an assertion still mentioning a replaced
// constant would take it for a constant of its own.
void Preprocessor::process_group(Group& group) {
  normalize_group(group);
  for (int round = 0; round < config_.max_rounds; ++round) {
    bool changed = false;
    for (const PassInfo& pass : passes()) {
      if (!config_.enabled[static_cast<size_t>(pass.id)]) continue;
      if (config_.level < 2 && !runs_at_level_one(pass.id)) continue;
      check_interrupt();
      if (!run_pass(pass.id, group)) continue;
      changed = true;
      normalize_group(group);
    }
    if (!changed) break;
  }
  for (const Term& assertion : group.assertions) {
    check_interrupt();
    const Term final_form = normalize(assertion);
    if (!rewrite::is_true(final_form)) emit(final_form, group.level);
  }
  finalize_witnesses();
}

// A witness made in a group may mention constants that the same group
// eliminated after it (a definition x = y found together with y = 5, a
// use containing another use abstracted later).  Under the replacements
// the group ends with, its terms mention none of them: eliminated
// constants are replaced, abstracted uses are their stand-ins.  The use
// of an unconstrained constant keeps its shape, with the constant as its
// argument, so that inverse() still finds it.
void Preprocessor::finalize_witnesses() {
  for (Witness& witness : witnesses_) {
    if (witness.final) continue;
    if (witness.definition) {
      witness.definition = normalize(witness.definition);
    } else {
      witness.use = with_normalized_children(witness.use);
    }
    witness.final = true;
  }
}

// `term` itself is kept (it may be a replaced one), its children normalized.
Term Preprocessor::with_normalized_children(Term term) {
  std::vector<Term> children;
  for (const Term& child : term.children()) children.push_back(normalize(child));
  return smt::with_children(terms_, term, children);
}

// Assertions that became true are dropped.
void Preprocessor::normalize_group(Group& group) {
  const auto start = std::chrono::steady_clock::now();
  shared_ = smt::shared_terms(group.assertions);
  std::vector<Term> kept;
  for (const Term& assertion : group.assertions) {
    check_interrupt();
    const Term normal = normalize(assertion);
    if (normal != assertion) ++rewrite_statistics_.changes;
    if (!rewrite::is_true(normal)) kept.push_back(normal);
  }
  group.assertions = std::move(kept);
  rewrite_statistics_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool Preprocessor::run_pass(PassId pass, Group& group) {
  PassStatistics& stats = statistics(pass);
  const auto start = std::chrono::steady_clock::now();
  const bool changed = kPassFunctions[static_cast<size_t>(pass)](*this, group);
  stats.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return changed;
}

// The walk follows replacements: a term with a replacement takes the
// normal form of its replacement (which may have one in turn), and so does
// a rebuilt term that turns out to be a replaced one.  Replacement values
// never contain their keys (replace() is only called with such values),
// so the chains end.
Term Preprocessor::normalize(Term root) {
  if (const Term* known = normalized_.find(root)) return *known;
  struct Frame {
    Term term;
    uint8_t stage;  // 0: new, 1: children pushed, 2: waiting for `target`
    Term target;
  };
  std::vector<Frame> stack{{root, 0, {}}};
  std::vector<Term> children;
  std::vector<uint32_t> indices;
  const auto follow = [&](size_t index, Term replaced) {
    const Term target = replacements_.at(replaced);
    stack[index].stage = 2;
    stack[index].target = target;
    if (!normalized_.contains(target)) stack.push_back({target, 0, {}});
  };
  while (!stack.empty()) {
    const size_t top = stack.size() - 1;
    const Term term = stack[top].term;
    if (normalized_.contains(term)) {
      stack.pop_back();
      continue;
    }
    switch (stack[top].stage) {
      case 0:
        if (replacements_.contains(term)) {
          follow(top, term);
          continue;
        }
        stack[top].stage = 1;
        for (const Term& child : term.children()) {
          if (!normalized_.contains(child)) stack.push_back({child, 0, {}});
        }
        continue;
      case 1: {
        Term rebuilt = term;
        if (term.num_children() > 0) {
          children.clear();
          for (const Term& child : term.children()) children.push_back(normalized_.at(child));
          indices.clear();
          for (size_t i = 0; i < term.num_indices(); ++i) indices.push_back(term.index(i));
          rebuilt = rewriter_->mk(term.kind(), children, indices);
        }
        if (rebuilt != term && !normalized_.contains(rebuilt) && replacements_.contains(rebuilt)) {
          follow(top, rebuilt);
          continue;
        }
        const Term result = normalized_.contains(rebuilt) ? normalized_.at(rebuilt) : rebuilt;
        if (shared_.contains(term)) rewriter_->mark_shared(result);
        normalized_.set(term, result);
        stack.pop_back();
        continue;
      }
      default:
        normalized_.set(term, normalized_.at(stack[top].target));
        stack.pop_back();
    }
  }
  return normalized_.at(root);
}

void Preprocessor::replace(Term key, Term value, uint32_t level) {
  // A second replacement of a key would mean a pass saw a term that
  // normalization should have replaced: keys are never replaced twice.
  if (replacements_.contains(key)) throw std::logic_error("preprocessing: " + key.to_string() + " is replaced twice");
  replacements_.set(key, value);
  replacement_log_.push_back({key, level});
  normalized_.clear();
}

void Preprocessor::eliminate_by_definition(Term constant, Term definition, uint32_t level) {
  witnesses_.push_back({.constant = constant, .definition = definition, .use = {}, .stand_in = {}, .level = level});
}

void Preprocessor::eliminate_unconstrained(Term constant, Term use, Term stand_in, uint32_t level) {
  replace(use, stand_in, level);
  witnesses_.push_back({.constant = constant, .definition = {}, .use = use, .stand_in = stand_in, .level = level});
  abstracted_.set(constant, true);
}

bool Preprocessor::visible(Term constant) const { return visible_.contains(constant); }

bool Preprocessor::mark_bounded(Term term, uint32_t level) {
  if (bounded_.contains(term)) return false;
  bounded_.set(term, true);
  bounded_log_.push_back({term, level});
  return true;
}

Term Preprocessor::fresh_constant(Sort sort, std::string_view purpose) {
  // '!' cannot start an SMT-LIB simple symbol's use as a user name here:
  // such names are only printed by get-model when the user declared them,
  // and the interpreter never lists these.
  return terms_.mk_const(sort, "wang!" + std::string(purpose) + "!" + std::to_string(fresh_counter_++));
}

void Preprocessor::emit(Term term, uint32_t level) {
  out_.push_back({term, level});
  mark_visible(term);
  // An emitted assertion is a fact at its level: where it occurs inside
  // later assertions it is true (the embedded-constraints pass does the
  // same inside one group).
  if (config_.level >= 2 && config_.enabled[static_cast<size_t>(PassId::embedded)] && !term.is_value() &&
      !replacements_.contains(term)) {
    if (term.kind() == Kind::Not) {
      if (!replacements_.contains(term.child(0))) replace(term.child(0), terms_.mk_bool(false), level);
    } else {
      replace(term, terms_.mk_bool(true), level);
    }
  }
}

void Preprocessor::restore_mentioned(Term root) {
  if (abstracted_.empty()) return;
  std::vector<Term> mentioned;
  for_each_term(std::span<const Term>(&root, 1), [&mentioned](Term term) {
    if (term.kind() == Kind::Constant) mentioned.push_back(term);
  });
  for (const Term& constant : mentioned) restore_if_used(constant);
}

// A restore this triggers is handed out with the next result.
void Preprocessor::mark_visible(Term root) {
  std::vector<Term> found;
  smt::post_order(
      root, [this](Term term) { return scanned_.contains(term); },
      [&](Term term) {
        scanned_.set(term, true);
        if (term.kind() == Kind::Constant && !visible_.contains(term)) {
          visible_.set(term, true);
          found.push_back(term);
        }
      });
  for (const Term& constant : found) restore_if_used(constant);
}

// An unconstrained constant that shows up after all: its use is encoded
// as the definition of the stand-in, at the level of the abstraction.
void Preprocessor::restore_if_used(Term constant) {
  if (!abstracted_.contains(constant)) return;
  abstracted_.erase(constant);
  const auto witness = std::find_if(witnesses_.begin(), witnesses_.end(),
                                    [&](const Witness& w) { return w.constant == constant && w.use; });
  if (witness == witnesses_.end()) return;
  const Witness restored = *witness;
  witnesses_.erase(witness);
  const Term use = with_normalized_children(restored.use);
  emit(terms_.mk_term(Kind::Equal, {normalize(restored.stand_in), use}), restored.level);
}

void Preprocessor::pop_to(uint32_t levels) {
  for (const Replacement& replacement : replacement_log_) {
    if (replacement.level > levels) replacements_.erase(replacement.key);
  }
  // (A key is never replaced twice: replace() is only called for terms
  // that normalize to themselves.)
  std::erase_if(replacement_log_, [levels](const Replacement& r) { return r.level > levels; });
  for (const Replacement& division : bounded_log_) {
    if (division.level > levels) bounded_.erase(division.key);
  }
  std::erase_if(bounded_log_, [levels](const Replacement& r) { return r.level > levels; });
  for (const Witness& witness : witnesses_) {
    if (witness.level > levels && witness.use) abstracted_.erase(witness.constant);
  }
  std::erase_if(witnesses_, [levels](const Witness& w) { return w.level > levels; });
  std::erase_if(out_, [levels](const Assertion& a) { return a.level > levels; });
  normalized_.clear();
}

std::function<smt::Value(Term)> Preprocessor::model(std::function<smt::Value(Term)> encoded) const {
  auto values = std::make_shared<std::unordered_map<uint64_t, smt::Value>>();
  const auto value_of = [values, encoded](Term constant) -> smt::Value {
    if (const auto found = values->find(constant.id()); found != values->end()) return found->second;
    return encoded(constant);
  };
  smt::Evaluator evaluator(value_of);
  for (auto witness = witnesses_.rbegin(); witness != witnesses_.rend(); ++witness) {
    const smt::Value value = witness->definition
                                 ? evaluator.evaluate(witness->definition)
                                 : inverse(witness->use, witness->constant, evaluator.evaluate(witness->stand_in),
                                           [&evaluator](Term term) { return evaluator.evaluate(term); });
    values->emplace(witness->constant.id(), value);
  }
  return value_of;
}

}  // namespace wang::preprocess
