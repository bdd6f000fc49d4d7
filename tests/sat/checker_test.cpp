// The internal checker (src/sat/checker.hpp) accepts correct steps and
// throws at the first wrong one.
#include "sat/checker.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace wang::sat {
namespace {

std::vector<Lit> lits(std::initializer_list<int> dimacs) {
  std::vector<Lit> result;
  for (int literal : dimacs) result.push_back(lit_from_dimacs(literal));
  return result;
}

// `step` must throw a logic_error whose message contains `reason`.
void expect_rejection(const std::function<void()>& step, const std::string& reason) {
  try {
    step();
  } catch (const std::logic_error& error) {
    EXPECT_NE(std::string(error.what()).find(reason), std::string::npos) << error.what();
    return;
  }
  ADD_FAILURE() << "accepted; expected a rejection with '" << reason << "'";
}

// (1 2) (-1 2) (1 -2) (-1 -2): every step below follows from them.
Checker checker_with_originals() {
  Checker checker;
  checker.add_original(1, lits({1, 2}));
  checker.add_original(2, lits({-1, 2}));
  checker.add_original(3, lits({1, -2}));
  checker.add_original(4, lits({-1, -2}));
  return checker;
}

TEST(Checker, AcceptsAChainAndARefutation) {
  Checker checker = checker_with_originals();
  const std::vector<ClauseId> unit_chain = {1, 2};
  checker.add_derived(5, lits({2}), unit_chain);
  const std::vector<ClauseId> empty_chain = {5, 3, 4};
  checker.add_derived(6, {}, empty_chain);
  checker.check_refutation();
  checker.remove(1);
}

TEST(Checker, AcceptsAModelOfTheOriginals) {
  Checker checker;
  checker.add_original(1, lits({1, -2}));
  checker.add_original(2, lits({2, 2, 3}));
  const std::vector<Value> model = {kTrue, kFalse, kTrue};
  checker.check_model(model);
}

TEST(CheckerRejects, AChainWithoutConflict) {
  Checker checker = checker_with_originals();
  const std::vector<ClauseId> chain = {1};
  expect_rejection([&] { checker.add_derived(5, lits({2}), chain); }, "no conflict after the antecedents of 2 0");
}

TEST(CheckerRejects, AnAntecedentThatIsNotUnit) {
  Checker checker = checker_with_originals();
  const std::vector<ClauseId> chain = {1};
  expect_rejection([&] { checker.add_derived(5, lits({3}), chain); }, "antecedent 1 is not unit");
}

TEST(CheckerRejects, ADeadAntecedent) {
  Checker checker = checker_with_originals();
  checker.remove(2);
  const std::vector<ClauseId> chain = {1, 2};
  expect_rejection([&] { checker.add_derived(5, lits({2}), chain); }, "antecedent 2 is not a live clause");
}

TEST(CheckerRejects, AFalsifyingModel) {
  Checker checker = checker_with_originals();
  const std::vector<Value> model = {kTrue, kTrue};
  expect_rejection([&] { checker.check_model(model); }, "falsifies the original clause -1 -2 0");
}

TEST(CheckerRejects, UnsatisfiableWithoutEmptyClause) {
  Checker checker = checker_with_originals();
  expect_rejection([&] { checker.check_refutation(); }, "without a derived empty clause");
}

}  // namespace
}  // namespace wang::sat
