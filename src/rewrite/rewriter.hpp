// Word-level rewriting: terms to equivalent, simpler terms in a normal form.
//
// A Rewriter maps every term to its normal form under the rules of
// rules.def that its level enables.  Rewriting is bottom-up: a term is
// normalised after its children, by the rules of its operator, and a rule's
// result is normalised in turn (rules build their results with mk(), which
// does exactly that).  Results are cached by term id for the Rewriter's
// lifetime, so shared subterms are rewritten once and rewriting the same
// term again is a lookup.
//
// Soundness: every rule states an identity of SMT-LIB's semantics, for all
// widths and all values.  tests/rewrite checks each one exhaustively at
// widths 1 to 4 against the evaluator.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "smt/traverse.hpp"
#include "wang/smt.hpp"

namespace wang::rewrite {

using smt::Kind;
using smt::Sort;
using smt::Term;

enum class Rule : uint16_t {
#define RULE(name, level, kinds, description) name,
#include "rewrite/rules.def"
#undef RULE
};

inline constexpr size_t kNumRules = 0
#define RULE(name, level, kinds, description) +1
#include "rewrite/rules.def"
#undef RULE
    ;

struct RuleInfo {
  Rule rule;
  std::string_view name;
  int level;
  std::string_view description;
};

std::span<const RuleInfo> rules();
const RuleInfo& rule_info(Rule rule);
std::optional<Rule> find_rule(std::string_view name);

// The highest rewrite level; 0 rewrites nothing.
inline constexpr int kMaxLevel = 2;

// A nested application (of an associative operator, or a sum inside a
// sum) is merged into its parent only while the parent then has at most
// this many arguments.  Without a bound, a chain of n nested applications
// would be rewritten bottom-up into applications of 2, 3, ..., n
// arguments: n^2 / 2 in all.  With it, a long chain becomes a chain of
// applications of about this many arguments each.
inline constexpr size_t kFlattenLimit = 64;

class Rewriter {
 public:
  explicit Rewriter(smt::TermManager& terms, int level = kMaxLevel);
  Rewriter(const Rewriter&) = delete;
  Rewriter& operator=(const Rewriter&) = delete;

  int level() const { return level_; }
  // Turns one rule off, for debugging; only before the first rewrite.
  void disable(Rule rule);
  bool enabled(Rule rule) const;

  // The normal form of `term`.
  Term rewrite(Term term);

  // Marks `term`, a normal form, as an argument of several terms.  A
  // shared sum or product stays one argument of the sums and products
  // above it instead of being merged into each of them: merged, a chain of
  // n partial sums that are each also used elsewhere becomes n sums of up
  // to n arguments, about n^2 / 2 adders where the input had n.
  void mark_shared(Term term) { shared_.set(term, true); }
  bool is_shared(Term term) const { return shared_.contains(term); }

  // ---- for the rules: building normalised terms
  smt::TermManager& terms() { return terms_; }
  // kind(arguments) normalised; the arguments must be normal forms.
  Term mk(Kind kind, std::span<const Term> arguments, std::span<const uint32_t> indices = {});
  Term mk(Kind kind, std::initializer_list<Term> arguments, std::initializer_list<uint32_t> indices = {});
  Term mk_not(Term term) { return mk(Kind::Not, {term}); }
  Term mk_bool(bool value) { return terms_.mk_bool(value); }
  Term mk_bv(const bv::BitVector& value) { return terms_.mk_bv(value); }
  Term zero(uint32_t width) { return mk_bv(bv::BitVector(width)); }
  Term ones(uint32_t width) { return mk_bv(bv::BitVector::ones(width)); }
  Term mk_extract(Term term, uint32_t high, uint32_t low) { return mk(Kind::Extract, {term}, {high, low}); }
  // The value of kind(values) for value arguments, whatever rules are on.
  Term fold(Kind kind, std::span<const Term> values, std::span<const uint32_t> indices = {});
  Term fold(Kind kind, std::initializer_list<Term> values);
  // Registers `term`, built without mk() by a rule that builds its normal
  // form in one go (the polynomial rule), as its own normal form.
  Term declare_normal(Term term);

  // How often each rule changed a term.
  uint64_t fired(Rule rule) const { return fired_[static_cast<size_t>(rule)]; }
  // How often a chain of rules reached the depth bound (a bug if ever).
  uint64_t depth_limit_hits() const { return depth_limit_hits_; }

 private:
  Term normalize(Term term);

  smt::TermManager& terms_;
  int level_;
  std::array<bool, kNumRules> disabled_{};
  std::array<uint64_t, kNumRules> fired_{};
  smt::TermMap<Term> rewritten_;  // input term -> normal form
  smt::TermMap<Term> normal_;     // built term -> normal form
  smt::TermMap<bool> shared_;
  uint32_t depth_ = 0;
  bool unwinding_ = false;
  uint64_t depth_limit_hits_ = 0;
};

// ---- helpers shared by the rule files
inline uint32_t width_of(Term term) { return term.sort().width(); }
inline bool is_bv_value(Term term) { return term.kind() == Kind::BvValue; }
inline bool is_true(Term term) { return term.kind() == Kind::BoolValue && term.bool_value(); }
inline bool is_false(Term term) { return term.kind() == Kind::BoolValue && !term.bool_value(); }
inline bool is_zero(Term term) { return is_bv_value(term) && term.bv_value().is_zero(); }
inline bool is_ones(Term term) { return is_bv_value(term) && term.bv_value().is_ones(); }
bool is_one(Term term);
// `term` is (not x) or (bvnot x) of `other`, or the other way round.
bool are_complements(Term term, Term other);
// Children of `term` in a vector, for rules that edit the list.
std::vector<Term> children_of(Term term);
// The arguments of `term` with those of kind `kind` replaced by their own
// arguments, as long as kFlattenLimit allows.
std::vector<Term> flattened_children(Term term, Kind kind);
// Orders commutative arguments: values first, then by creation.
bool term_order(Term a, Term b);

// The functions behind the table, one per rule, defined in the rule_*.cpp
// files by family.  Each returns its rewritten term, or a null Term when
// the rule does not apply.
#define RULE(name, level, kinds, description) Term rule_##name(Rewriter& rw, Term term);
#include "rewrite/rules.def"
#undef RULE

}  // namespace wang::rewrite
