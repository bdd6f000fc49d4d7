// Random terms over every operator, rewritten at each level: the result
// must equal the input under every assignment, be a fixed point, and
// introduce no constants.
#include <gtest/gtest.h>

#include <random>

#include "rewrite/rewriter.hpp"
#include "rewrite_support.hpp"
#include "support/random_terms.hpp"

namespace wang::testing {
namespace {

void check_random_terms(int level, uint64_t seed, int count) {
  smt::TermManager terms;
  const std::vector<smt::Term> constants = {
      terms.mk_const(smt::Sort::bitvec(3), "x"), terms.mk_const(smt::Sort::bitvec(2), "y"),
      terms.mk_const(smt::Sort::bitvec(4), "w"), terms.mk_const(smt::Sort::boolean(), "p")};
  std::mt19937_64 rng(seed);
  RandomTerms random(terms, rng, constants);
  rewrite::Rewriter rw(terms, level);
  for (int i = 0; i < count; ++i) {
    const smt::Term term = i % 2 == 0 ? random.formula(3) : random.bitvector(1 + static_cast<uint32_t>(rng() % 4), 3);
    const smt::Term result = rw.rewrite(term);
    std::string counterexample;
    ASSERT_TRUE(equivalent(constants, term, result, &counterexample))
        << "level " << level << ", seed " << seed << ", term " << i << ":\n  " << term.to_string() << "\n  -> "
        << result.to_string() << "\n  differ at " << counterexample;
    ASSERT_EQ(rw.rewrite(result), result) << "not a fixed point: " << term.to_string() << " -> " << result.to_string();
  }
  EXPECT_EQ(rw.depth_limit_hits(), 0U);
}

TEST(RewriteRandom, LevelOnePreservesMeaning) { check_random_terms(1, 11, 1500); }
TEST(RewriteRandom, LevelTwoPreservesMeaning) { check_random_terms(2, 12, 1500); }
TEST(RewriteRandom, LevelTwoPreservesMeaningOtherSeed) { check_random_terms(2, 13, 1500); }

}  // namespace
}  // namespace wang::testing
