// Terms, sorts and macros nested 100,000 deep: parsed, elaborated, solved
// and printed without recursion (run under AddressSanitizer too, whose
// larger frames would overflow the stack of any recursive walk).
#include <gtest/gtest.h>

#include "smtlib/support.hpp"

namespace wang::testing {
namespace {

constexpr size_t kDepth = 100'000;

std::string nested(const std::string& open, const std::string& middle, const std::string& close) {
  return repeat(open, kDepth) + middle + repeat(close, kDepth);
}

TEST(Deep, NestedBvnot) {
  // An even number of negations: the term equals x.
  const std::string script =
      "(set-option :produce-models true)\n(declare-const x (_ BitVec 8))\n"
      "(assert (= #x5a " +
      nested("(bvnot ", "x", ")") + "))\n(check-sat)\n(get-value (x))\n";
  EXPECT_EQ(responses(script), "sat\n((x #b01011010))\n");
}

TEST(Deep, NestedAnd) {
  const std::string script =
      "(declare-const p Bool)\n(assert " + nested("(and p ", "(not p)", ")") + ")\n(check-sat)\n";
  EXPECT_EQ(responses(script), "unsat\n");
}

TEST(Deep, NestedLets) {
  // v(i+1) = (bvnot v(i)) with v0 = x: an even depth gives x back.
  std::string script = "(set-option :produce-models true)\n(declare-const x (_ BitVec 16))\n(assert (= #x1234 ";
  for (size_t i = 0; i < kDepth; ++i) {
    script += "(let ((v" + std::to_string(i + 1) + " (bvnot " + (i == 0 ? "x" : "v" + std::to_string(i)) + "))) ";
  }
  script += "v" + std::to_string(kDepth) + repeat(")", kDepth) + "))\n(check-sat)\n(get-value (x))\n";
  EXPECT_EQ(responses(script), "sat\n((x #b0001001000110100))\n");
}

TEST(Deep, DeepMacroBodiesAndArguments) {
  const std::string script =
      "(set-option :produce-models true)\n(declare-const x (_ BitVec 8))\n"
      "(define-fun f ((a (_ BitVec 8))) (_ BitVec 8) (bvxor #x01 " +
      nested("(bvnot ", "a", ")") +
      "))\n"
      "(assert (= #x07 (f " +
      nested("(bvnot ", "x", ")") + ")))\n(check-sat)\n(get-value (x))\n";
  EXPECT_EQ(responses(script), "sat\n((x #b00000110))\n");
}

TEST(Deep, NestedSorts) {
  const std::string script =
      "(set-option :produce-models true)\n(define-sort F (A) A)\n"
      "(declare-const c " +
      nested("(F ", "(_ BitVec 3)", ")") +
      ")\n"
      "(assert (= c #b101))\n(check-sat)\n(get-model)\n";
  EXPECT_EQ(responses(script), "sat\n(\n  (define-fun c () (_ BitVec 3) #b101)\n)\n");
}

TEST(Deep, ErrorsDeepInsideAreRecoveredFrom) {
  const std::string script = "(declare-const p Bool)\n(assert " + nested("(and p ", "q", ")") + ")\n(echo \"after\")\n";
  EXPECT_EQ(responses(script), error_at(2, 8 + 7 * kDepth + 1, "unknown constant 'q'") + "\"after\"\n");
}

TEST(Deep, GetValuePrintsDeepTerms) {
  const std::string term = nested("(bvnot ", "x", ")");
  const std::string script =
      "(set-option :produce-models true)\n(declare-const x (_ BitVec 4))\n"
      "(assert (= x #x3))\n(check-sat)\n(get-value (" +
      term + "))\n";
  EXPECT_EQ(responses(script), "sat\n((" + term + " #b0011))\n");
}

}  // namespace
}  // namespace wang::testing
