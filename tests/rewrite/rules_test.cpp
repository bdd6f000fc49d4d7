// Every rewrite rule, shown to fire and checked exhaustively: for each
// rule, example terms at widths 1 to 4 are rewritten with that rule alone
// and with all rules, and the result must equal the original under every
// assignment of its constants.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "rewrite/rewriter.hpp"
#include "rewrite_support.hpp"

namespace wang::testing {
namespace {

using rewrite::Rewriter;
using rewrite::Rule;

// Terms each rule applies to, the trickier cases included.
const std::map<std::string, std::vector<std::string>>& examples() {
  static const std::map<std::string, std::vector<std::string>> kExamples = {
      {"fold_constants", {"(bvadd #3 #5)", "(bvudiv #1 #0)", "(bvsmod #ones #min)", "(and true false)",
                          "((_ extract 0 0) #1)", "(bvsmulo #min #ones)", "(= #2 #2)"}},
      {"not_not", {"(not (not p))", "(not (not (and p q)))"}},
      {"implies_to_or", {"(=> p q)", "(=> (and p q) r)"}},
      {"flatten_sort", {"(and q (and p r))", "(or (or r q) p)", "(xor q (xor p r))", "(bvand y (bvand x z))",
                        "(bvor z x)", "(bvxor (bvxor z y) x)", "(and r p q)"}},
      {"and_or_simplify", {"(and p true)", "(and p false q)", "(or p (not p))", "(and p q p)", "(or false p false)",
                           "(bvand x #ones)", "(bvand x #0 y)", "(bvor x (bvnot x))", "(bvor x y x)",
                           "(bvand #3 x #5)", "(bvor #1 x #2 y)", "(bvand x (bvnot x) y)", "(and (not q) p q)"}},
      {"xor_simplify", {"(xor p p)", "(xor p q p)", "(xor p true)", "(xor p (not p))", "(xor (not p) (not q))",
                        "(bvxor x x)", "(bvxor x #ones)", "(bvxor x (bvnot x))", "(bvxor #3 x #5)",
                        "(bvxor (bvnot x) y)", "(xor p (xor q p))", "(bvxor x y x z)"}},
      {"bool_equal", {"(= p true)", "(= false p)", "(= p (not p))", "(= (not p) (not q))", "(= (and p q) true)"}},
      {"equal_same", {"(= x x)", "(= p p)"}},
      {"distinct_to_equal", {"(distinct x y)", "(distinct x y x)", "(distinct p q r)", "(distinct p q)"}},
      {"ite_constant_cond", {"(ite true x y)", "(ite false x y)", "(ite true p q)"}},
      {"ite_same_branches", {"(ite p x x)", "(ite p q q)"}},
      {"ite_not_cond", {"(ite (not p) x y)", "(ite (not p) q r)"}},
      {"ite_nested_cond", {"(ite p (ite p x y) z)", "(ite p x (ite p y z))", "(ite p (ite p x y) (ite p y z))"}},
      {"ite_bool", {"(ite p q false)", "(ite p true q)", "(ite p false q)", "(ite p q true)", "(ite p true false)",
                    "(ite p false true)"}},
      {"ite_cond_in_branch", {"(ite p p q)", "(ite p q p)", "(ite p (not p) q)", "(ite p q (not p))"}},
      {"ite_store", {"(ite p (store a x y) a)", "(ite p a (store a x y))", "(= (ite p (store a x y) a) b)"}},
      {"select_store", {"(select (store a x y) x)", "(select (store a #0 y) #1)", "(select (store (store a #1 z) x y) x)"}},
      {"select_expand", {"(select (store a x y) z)", "(select (ite p a b) x)", "(select (store (ite p a b) x y) z)",
                         "(select (store a x (ite p y (select a x))) z)", "(select (store a x (ite p (select a x) y)) z)"}},
      {"bvnot_bvnot", {"(bvnot (bvnot x))"}},
      {"bitwise_negated_ops", {"(bvnand x y)", "(bvnor x y)", "(bvxnor x y)"}},
      {"arith_neutral", {"(bvadd x #0)", "(bvmul x #1)", "(bvmul x #0 y)", "(bvsub x #0)", "(bvsub x x)",
                         "(bvsub #0 x)", "(bvneg (bvneg x))", "(bvadd #0 #0 x)", "(bvmul #1 x #1)"}},
      {"polynomial", {"(bvadd x y x)", "(bvsub (bvadd x y) x)", "(bvmul y x)", "(bvmul (bvmul x y) z)",
                      "(bvmul x (bvmul y z))", "(bvneg (bvsub x y))", "(bvmul #3 (bvadd x y))",
                      "(bvadd (bvmul #ones x) y)", "(bvadd x (bvneg x) #1)", "(bvsub x #1)", "(bvmul x x #2)",
                      "(bvadd (bvmul x y) (bvmul y x))", "(bvadd #3 #5 x)", "(bvneg (bvadd x #1))",
                      "(bvmul (bvadd y z) x)", "(bvsub (bvneg (bvmul x y)) (bvmul x z #3))",
                      "(bvadd (bvmul x y z) (bvmul y y x) (bvmul #3 x z) #1)", "(bvsub (bvmul x y) (bvmul z x))"}},
      {"equal_bitwise_const", {"(= (bvnot x) #3)", "(= #5 (bvxor x #3))", "(= (bvnot x) (bvnot y))",
                               "(= (bvxor #1 x y) #2)"}},
      {"equal_concat", {"(= (concat x y) (concat z x))", "(= (concat x y) #b1010)", "(= (concat x (concat y z)) (concat (concat z y) x))",
                        "(= (concat #b0 x) (concat #b0 y))"}},
      {"equal_ite", {"(= (ite p x y) x)", "(= y (ite p x y))", "(= (ite p #1 #2) #3)", "(= (ite p #1 #2) #2)"}},
      {"equal_bit", {"(= (bvand x y) #1)", "(= #0 (bvand x y z))", "(= (bvor x y) #1)", "(= (bvor x y) #0)",
                     "(= (bvxor x y) #1)", "(= (bvxor x y z) #0)", "(= (ite p x y) #0)",
                     "(= (bvand (bvnot (bvor x y)) (ite p z x)) #1)"}},
      {"equal_polynomial", {"(= (bvadd x #3) #5)", "(= (bvadd x y) (bvadd y x))", "(= (bvmul x (bvadd y z)) (bvadd (bvmul x y) (bvmul x z)))",
                            "(= (bvsub x y) #0)", "(= (bvadd x y) (bvadd z y))", "(= (bvmul #3 x) (bvadd (bvmul #5 y) x))",
                            "(= (bvadd x #1) (bvadd x #2))", "(= (bvshl (bvmul x x) y) (bvmul x (bvshl x y)))",
                            "(= (bvshl (bvmul x (bvnot x)) y) (bvmul x (bvshl (bvnot x) y)))",
                            "(= (bvadd (bvnot x) #1) (bvneg x))", "(= (bvmul x #2) (concat ((_ extract W-2 0) x) #b0))",
                            "(= (bvmul (bvadd x #1) (bvadd x #1)) (bvadd (bvmul x x) (bvmul #2 x) #1))",
                            "(= (bvneg x) (bvadd y z))"}},
      {"equal_order", {"(= y x)", "(= x #3)", "(distinct y x)", "(= q p)"}},
      {"compare_swap", {"(bvugt x y)", "(bvuge x y)", "(bvsgt x y)", "(bvsge x y)"}},
      {"compare_same", {"(bvult x x)", "(bvule x x)", "(bvslt x x)", "(bvsle x x)"}},
      {"compare_bounds", {"(bvult x #0)", "(bvult #0 x)", "(bvult x #ones)", "(bvult #ones x)", "(bvule #0 x)",
                          "(bvule x #ones)", "(bvule x #0)", "(bvule #ones x)", "(bvslt x #min)", "(bvslt #max x)",
                          "(bvslt #min x)", "(bvslt x #max)", "(bvsle #min x)", "(bvsle x #max)", "(bvsle x #min)",
                          "(bvsle #max x)"}},
      {"compare_strict", {"(bvule x y)", "(bvsle x y)"}},
      {"compare_concat_zero", {"(bvult (concat #b00 x) (concat #b00 y))", "(bvule (concat #b000 x) (concat #b000 y))"}},
      {"bvcomp_to_ite", {"(bvcomp x y)"}},
      {"overflow_trivial", {"(bvuaddo x #0)", "(bvsaddo #0 x)", "(bvusubo x #0)", "(bvssubo x #0)", "(bvumulo x #1)",
                            "(bvumulo #0 x)", "(bvsmulo x #1)", "(bvsmulo x #0)", "(bvsdivo x #3)", "(bvsdivo #1 x)"}},
      {"extract_full", {"((_ extract W-1 0) x)"}},
      {"extract_extract", {"((_ extract 1 0) ((_ extract 2 1) x))", "((_ extract 0 0) ((_ extract W-1 1) x))"}},
      {"extract_concat", {"((_ extract W-1 0) (concat x y))", "((_ extract W 0) (concat x y))", "((_ extract W+1 W-1) (concat x y))",
                          "((_ extract 0 0) (concat x y z))", "((_ extract 2W 1) (concat x y z))"}},
      {"extract_bitwise", {"((_ extract 1 1) (bvand x y))", "((_ extract 0 0) (bvnot x))", "((_ extract W-1 1) (bvor x y z))",
                           "((_ extract 1 0) (bvxor x y))"}},
      {"extract_ite", {"((_ extract 1 0) (ite p x y))", "((_ extract 0 0) (ite p x y))"}},
      {"extract_low_arith", {"((_ extract 1 0) (bvadd x y))", "((_ extract 0 0) (bvmul x y))", "((_ extract 1 0) (bvneg x))",
                             "((_ extract W-2 0) (bvsub x y))"}},
      {"extract_sign_extend", {"((_ extract W-1 0) ((_ sign_extend 2) x))", "((_ extract W+1 W) ((_ sign_extend 2) x))",
                               "((_ extract W 1) ((_ sign_extend 2) x))", "((_ extract W W-1) ((_ sign_extend 1) x))"}},
      {"concat_flatten", {"(concat x (concat y z))", "(concat (concat x y) z)"}},
      {"concat_merge", {"(concat ((_ extract W-1 1) x) ((_ extract 0 0) x))", "(concat #1 #2 x)", "(concat x #1 #0)",
                        "(concat ((_ extract W-1 W-1) x) ((_ extract W-2 1) x) y)"}},
      {"extend_to_concat", {"((_ zero_extend 0) x)", "((_ zero_extend 2) x)", "((_ sign_extend 0) x)", "((_ repeat 1) x)",
                            "((_ repeat 3) x)"}},
      {"rotate_const", {"((_ rotate_left 1) x)", "((_ rotate_right 1) x)", "((_ rotate_left W) x)", "((_ rotate_right 5) x)",
                        "((_ rotate_left 0) x)"}},
      {"shift_const", {"(bvshl x #1)", "(bvlshr x #1)", "(bvashr x #1)", "(bvshl x #ones)", "(bvlshr x #ones)",
                       "(bvashr x #ones)", "(bvshl x #0)", "(bvshl #0 y)", "(bvlshr #0 y)", "(bvashr #0 y)", "(bvashr x #2)"}},
      {"division_const", {"(bvudiv x #1)", "(bvurem x #1)", "(bvudiv x #2)", "(bvurem x #2)", "(bvudiv x #0)", "(bvurem x #0)",
                          "(bvudiv #0 x)", "(bvurem #0 x)", "(bvudiv x x)", "(bvurem x x)", "(bvudiv x #4)", "(bvurem x #8)"}},
      {"signed_division_const", {"(bvsdiv x #1)", "(bvsrem x #1)", "(bvsmod x #1)", "(bvsdiv x #0)", "(bvsrem x #0)",
                                 "(bvsmod x #0)"}},
  };
  return kExamples;
}

struct Outcome {
  bool fired = false;
  size_t checked = 0;
};

// Rewrites `text` at widths 1..4 with `configure` applied to the
// rewriter, checks every result, and reports whether `rule` fired.
Outcome check_examples(Rule rule, const std::string& text, bool rule_alone) {
  Outcome outcome;
  for (uint32_t width = 1; width <= 4; ++width) {
    smt::TermManager terms;
    TemplateReader reader(terms, width);
    const std::optional<smt::Term> term = reader.read(text);
    if (!term) continue;
    Rewriter rw(terms);
    if (rule_alone) {
      // Constant folding stays on: rules leave the arithmetic on values
      // they produce to it.
      for (const rewrite::RuleInfo& info : rewrite::rules()) {
        if (info.rule != rule && info.rule != Rule::fold_constants) rw.disable(info.rule);
      }
    }
    const smt::Term result = rw.rewrite(*term);
    std::string counterexample;
    EXPECT_TRUE(equivalent(reader, *term, result, &counterexample))
        << rewrite::rule_info(rule).name << (rule_alone ? " alone" : " with all rules") << " at width " << width
        << ":\n  " << term->to_string() << "\n  -> " << result.to_string() << "\n  differ at " << counterexample;
    if (!rule_alone) {
      EXPECT_EQ(rw.rewrite(result), result) << "not a fixed point: " << term->to_string() << " -> " << result.to_string();
    }
    EXPECT_EQ(rw.depth_limit_hits(), 0U) << "rules feed each other without end on " << term->to_string();
    outcome.fired |= rw.fired(rule) > 0;
    ++outcome.checked;
  }
  return outcome;
}

TEST(RewriteRules, EveryRuleHasExamples) {
  for (const rewrite::RuleInfo& info : rewrite::rules()) {
    EXPECT_TRUE(examples().contains(std::string(info.name))) << "no examples for rule " << info.name;
  }
  for (const auto& [name, texts] : examples()) {
    EXPECT_TRUE(rewrite::find_rule(name)) << "examples for an unknown rule " << name;
  }
}

TEST(RewriteRules, EachRuleAloneFiresOnEveryExampleAndPreservesMeaning) {
  for (const auto& [name, texts] : examples()) {
    const std::optional<Rule> rule = rewrite::find_rule(name);
    ASSERT_TRUE(rule) << name;
    for (const std::string& text : texts) {
      const Outcome outcome = check_examples(*rule, text, true);
      EXPECT_GT(outcome.checked, 0U) << name << ": " << text << " is ill-sorted at every width";
      EXPECT_TRUE(outcome.fired) << name << " does not fire on " << text;
    }
  }
}

// Where nothing cancels, no side is a value and no declared constant can be
// solved for, moving terms across only changes the shape, and that shape
// made real files far harder (tea_three_round_one_var).
TEST(RewriteRules, EqualPolynomialLeavesEquationsItCannotSimplify) {
  for (const std::string text : {"(= (bvadd x y) z)", "(= (bvadd (bvmul x y) z) (bvmul y z))"}) {
    const Outcome outcome = check_examples(*rewrite::find_rule("equal_polynomial"), text, true);
    EXPECT_GT(outcome.checked, 0U) << text;
    EXPECT_FALSE(outcome.fired) << "equal_polynomial fires on " << text;
  }
}

TEST(RewriteRules, AllRulesTogetherPreserveMeaningOnTheExamples) {
  for (const auto& [name, texts] : examples()) {
    for (const std::string& text : texts) check_examples(*rewrite::find_rule(name), text, false);
  }
}

TEST(RewriteRules, LevelZeroChangesNothing) {
  smt::TermManager terms;
  TemplateReader reader(terms, 4);
  const smt::Term term = *reader.read("(bvadd x #0 (bvmul #1 y))");
  Rewriter rw(terms, 0);
  EXPECT_EQ(rw.rewrite(term), term);
}

TEST(RewriteRules, LevelOneLeavesNormalFormsOut) {
  smt::TermManager terms;
  TemplateReader reader(terms, 4);
  Rewriter rw(terms, 1);
  const smt::Term term = *reader.read("(bvmul y x)");
  EXPECT_EQ(rw.rewrite(term), term);
  EXPECT_EQ(rw.fired(Rule::polynomial), 0U);
}

// A conditional write, as ite_store leaves it, keeps the old value at the
// written index; a read elsewhere must not read that old value, or an
// unrolled memory's reads grow with the square of its writes.
TEST(RewriteRules, ReadThroughAConditionalWriteSkipsTheOldValue) {
  smt::TermManager terms;
  TemplateReader reader(terms, TemplateReader::kMaxArrayWidth);
  Rewriter rw(terms);
  EXPECT_EQ(rw.rewrite(*reader.read("(select (store a x (ite p y (select a x))) z)")),
            rw.rewrite(*reader.read("(ite (and (= z x) p) y (select a z))")));
  EXPECT_EQ(rw.rewrite(*reader.read("(select (store a x (ite p (select a x) y)) z)")),
            rw.rewrite(*reader.read("(ite (and (= z x) (not p)) y (select a z))")));
}

TEST(RewriteRules, EveryRuleIsDocumented) {
  std::ifstream file(std::string(WANG_SOURCE_DIR) + "/docs/rewriting.md");
  ASSERT_TRUE(file) << "docs/rewriting.md is missing";
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (const rewrite::RuleInfo& info : rewrite::rules()) {
    EXPECT_NE(text.find("| `" + std::string(info.name) + "` | " + std::to_string(info.level) + " |"), std::string::npos)
        << info.name << " (level " << info.level << ") is not in the table of docs/rewriting.md";
  }
}

TEST(RewriteRules, NamesAreUniqueAndFound) {
  std::set<std::string_view> names;
  for (const rewrite::RuleInfo& info : rewrite::rules()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(rewrite::find_rule(info.name), info.rule);
    EXPECT_GE(info.level, 1);
    EXPECT_LE(info.level, rewrite::kMaxLevel);
  }
  EXPECT_FALSE(rewrite::find_rule("no_such_rule"));
}

}  // namespace
}  // namespace wang::testing
