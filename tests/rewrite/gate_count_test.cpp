// Rules that replace one operator by others must not make the circuit
// bigger: each such rule's examples are bit-blasted before and after, and
// the AIG of the rewritten term may have no more nodes.
#include <gtest/gtest.h>

#include "aig/aig.hpp"
#include "rewrite/rewriter.hpp"
#include "rewrite_support.hpp"
#include "solver/term_blaster.hpp"

namespace wang::testing {
namespace {

uint32_t aig_nodes(smt::TermManager& terms, smt::Term term) {
  aig::Aig graph;
  smt::TermBlaster blaster(graph, terms);
  blaster.bits(term);
  return graph.num_nodes();
}

// Reads `text` at `width`, rewrites it with every rule and hands both
// terms to `check`.
template <class Check>
void with_rewritten(const std::string& text, uint32_t width, Check check) {
  smt::TermManager terms;
  TemplateReader reader(terms, width);
  const std::optional<smt::Term> term = reader.read(text);
  ASSERT_TRUE(term) << text;
  rewrite::Rewriter rw(terms);
  const smt::Term result = rw.rewrite(*term);
  check(terms, reader, rw, *term, result);
}

struct Elimination {
  const char* rule;
  std::vector<const char*> examples;
};

const std::vector<Elimination> kEliminations = {
    {"implies_to_or", {"(=> p q)"}},
    {"bitwise_negated_ops", {"(bvnand x y)", "(bvnor x y)", "(bvxnor x y)"}},
    {"compare_swap", {"(bvugt x y)", "(bvuge x y)", "(bvsgt x y)", "(bvsge x y)"}},
    {"compare_strict", {"(bvule x y)", "(bvsle x y)"}},
    {"bvcomp_to_ite", {"(bvcomp x y)"}},
    {"distinct_to_equal", {"(distinct x y)"}},
    {"ite_bool", {"(ite p q false)", "(ite p true q)", "(ite p false q)", "(ite p q true)"}},
    {"extend_to_concat", {"((_ zero_extend 5) x)", "((_ repeat 3) x)"}},
    {"rotate_const", {"((_ rotate_left 3) x)", "((_ rotate_right 5) x)"}},
    {"shift_const", {"(bvshl x #3)", "(bvlshr x #3)", "(bvashr x #3)", "(bvashr x #ones)"}},
    {"division_const", {"(bvudiv x #4)", "(bvurem x #8)", "(bvudiv x x)", "(bvudiv #0 x)", "(bvurem x #1)"}},
    {"signed_division_const", {"(bvsdiv x #1)", "(bvsdiv x #0)", "(bvsrem x #0)"}},
    {"equal_concat", {"(= (concat x y) (concat y x))", "(= (concat x y) (concat #5 #3))"}},
    {"equal_ite", {"(= (ite p x y) x)", "(= (ite p #1 #2) #3)"}},
};

TEST(RewriteGateCount, EliminatedOperatorsGiveNoBiggerCircuits) {
  for (const Elimination& elimination : kEliminations) {
    const std::optional<rewrite::Rule> rule = rewrite::find_rule(elimination.rule);
    ASSERT_TRUE(rule) << elimination.rule;
    for (const char* text : elimination.examples) {
      for (uint32_t width : {8U, 16U}) {
        smt::TermManager terms;
        TemplateReader reader(terms, width);
        const std::optional<smt::Term> read = reader.read(text);
        ASSERT_TRUE(read) << text << " is ill-sorted at width " << width;
        const smt::Term term = *read;
        rewrite::Rewriter rw(terms);
        for (const rewrite::RuleInfo& info : rewrite::rules()) {
          if (info.rule != *rule && info.rule != rewrite::Rule::fold_constants) rw.disable(info.rule);
        }
        const smt::Term result = rw.rewrite(term);
        ASSERT_NE(result, term) << elimination.rule << " does not fire on " << text;
        EXPECT_LE(aig_nodes(terms, result), aig_nodes(terms, term))
            << elimination.rule << " at width " << width << ": " << term.to_string() << " -> " << result.to_string();
      }
    }
  }
}

// A chain of partial sums s_k = s_(k-1) + x_k, each also compared with a
// value: merged into one another, the sums would need about n^2 / 2
// adders where the input has n.
TEST(RewriteGateCount, PartialSumsUsedElsewhereStayShared) {
  const std::vector<std::string> summands = {"x", "y", "z", "#3", "x", "#5", "y", "z", "#7", "y"};
  std::string sum = "x";
  std::string conjunction = "(and";
  for (const std::string& summand : summands) {
    sum = "(bvadd " + sum + " " + summand + ")";
    conjunction += " (bvult " + sum + " #9)";
  }
  conjunction += ")";
  for (uint32_t width : {8U, 16U}) {
    with_rewritten(
        conjunction, width,
        [&](smt::TermManager& terms, TemplateReader&, const rewrite::Rewriter& rw, smt::Term term, smt::Term result) {
          EXPECT_GT(rw.fired(rewrite::Rule::polynomial), 0U);
          EXPECT_LE(aig_nodes(terms, result), aig_nodes(terms, term))
              << "at width " << width << ": " << result.to_string();
        });
  }
}

// Products that share factors: x*y*z - x*y*x + 3*x*z is x*(y*(z - x) +
// 3*z), two multipliers (and the one by 3) where the products as written
// take four.
TEST(RewriteGateCount, ACommonFactorIsMultipliedOnce) {
  for (uint32_t width : {8U, 16U}) {
    with_rewritten("(bvadd (bvmul x y z) (bvneg (bvmul x y x)) (bvmul #3 x z))", width,
                   [&](smt::TermManager& terms, TemplateReader& reader, const rewrite::Rewriter&, smt::Term term,
                       smt::Term result) {
                     const uint32_t multiplier = aig_nodes(terms, *reader.read("(bvmul x y)")) - 2 * width - 1;
                     EXPECT_LE(aig_nodes(terms, result) + 2 * multiplier, aig_nodes(terms, term))
                         << "at width " << width << ": " << result.to_string();
                   });
  }
}

}  // namespace
}  // namespace wang::testing
