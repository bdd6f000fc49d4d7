// The identities the rewriter exists for: terms that are equal by the laws
// of the ring Z / 2^w become the same term, or their equation true, at
// every width (here 8 to 64 bits, where bit-blasting them is hopeless).
#include <gtest/gtest.h>

#include "rewrite/rewriter.hpp"
#include "rewrite_support.hpp"

namespace wang::testing {
namespace {

using rewrite::is_false;
using rewrite::is_true;

class NormalForm : public ::testing::TestWithParam<uint32_t> {
 protected:
  smt::Term rewritten(const std::string& text) { return rw.rewrite(*reader.read(text)); }

  smt::TermManager terms;
  TemplateReader reader{terms, GetParam()};
  rewrite::Rewriter rw{terms};
};

TEST_P(NormalForm, CommutedAndReassociatedProductsAreOneTerm) {
  EXPECT_EQ(rewritten("(bvmul x y)"), rewritten("(bvmul y x)"));
  EXPECT_EQ(rewritten("(bvmul (bvmul x y) z)"), rewritten("(bvmul x (bvmul y z))"));
  EXPECT_EQ(rewritten("(bvmul (bvmul x y) z)"), rewritten("(bvmul z (bvmul y x))"));
  EXPECT_EQ(rewritten("(bvadd (bvadd x y) z)"), rewritten("(bvadd z (bvadd y x))"));
  EXPECT_EQ(rewritten("(bvand (bvand x y) z)"), rewritten("(bvand z (bvand y x))"));
}

TEST_P(NormalForm, DistributedProductsAreEqual) {
  EXPECT_TRUE(is_true(rewritten("(= (bvmul x (bvadd y z)) (bvadd (bvmul x y) (bvmul x z)))")));
  EXPECT_TRUE(is_true(rewritten("(= (bvmul (bvsub x y) (bvadd x y)) (bvsub (bvmul x x) (bvmul y y)))")));
  EXPECT_TRUE(is_false(rewritten("(distinct (bvmul (bvmul x y) z) (bvmul x (bvmul y z)))")));
}

// A factor that several products share is taken out, so a sum of
// products and the product of the factor with the sum are one term.
TEST_P(NormalForm, CommonFactorsAreTakenOut) {
  EXPECT_EQ(rewritten("(bvadd (bvmul x y) (bvmul z x))"), rewritten("(bvmul x (bvadd z y))"));
  EXPECT_EQ(rewritten("(bvneg (bvadd (bvmul x y) (bvmul x z)))"), rewritten("(bvneg (bvmul (bvadd y z) x))"));
  EXPECT_EQ(rewritten("(bvadd (bvmul x y z) (bvmul y y x))"), rewritten("(bvmul y x (bvadd z y))"));
}

TEST_P(NormalForm, LinearEquationsAreSolved) {
  // x + 3 = 5 is x = 2; x - y = 0 is x = y.
  EXPECT_EQ(rewritten("(= (bvadd x #3) #5)"), rewritten("(= x #2)"));
  EXPECT_EQ(rewritten("(= (bvsub x y) #0)"), rewritten("(= x y)"));
  EXPECT_TRUE(is_false(rewritten("(= (bvadd x #1) (bvadd x #2))")));
}

TEST_P(NormalForm, ShiftsAndNegationsReadArithmetically) {
  EXPECT_TRUE(is_true(rewritten("(= (bvshl (bvmul x x) y) (bvmul x (bvshl x y)))")));
  EXPECT_TRUE(is_true(rewritten("(= (bvshl (bvmul x (bvnot x)) y) (bvmul x (bvshl (bvnot x) y)))")));
  EXPECT_TRUE(is_true(rewritten("(= (bvadd (bvnot x) #1) (bvneg x))")));
}

// The linear view keeps the shift as an atom; only expanding it cancels x.
TEST_P(NormalForm, EquationsThatCancelOnlyWhenExpandedAreSolved) {
  EXPECT_EQ(rewritten("(= (bvadd x y) (bvshl x #1))"), rewritten("(= x y)"));
  EXPECT_TRUE(is_false(rewritten("(and (= (bvadd x y) (bvmul x #2)) (distinct x y))")));
}

INSTANTIATE_TEST_SUITE_P(Widths, NormalForm, ::testing::Values(8U, 16U, 24U, 32U, 64U));

}  // namespace
}  // namespace wang::testing
