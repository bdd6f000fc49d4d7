// Handmade proofs whose validity is worked out by hand in the comments.
#include <gtest/gtest.h>

#include "check/checker.hpp"
#include "check/proof_reader.hpp"
#include "check_support.hpp"
#include "io/dimacs.hpp"

namespace wang::check::testing {
namespace {

// All four clauses over two variables: no units, so the empty clause alone
// is not RUP, but every unit is.
const Formula kTwoVars = {{1, 2}, {-1, 2}, {1, -2}, {-1, -2}};

// Pigeonhole 3 into 2; ids 1..9 in this order:
// 1:(1 2) 2:(3 4) 3:(5 6) 4:(-1 -3) 5:(-1 -5) 6:(-3 -5) 7:(-2 -4) 8:(-2 -6) 9:(-4 -6)
const Formula kPhp32 = pigeonhole(3, 2);

// A formula where -1 is RAT but not RUP (the usual DRAT example), extended
// by 9:(-5 6) and 10:(-5 -6), which force -5.  The lemma (-1 5) is RAT on
// -1 but neither RUP nor RAT on 5, and (-1) is RUP only with its help.
const Formula kRat = {{1, 2, -3}, {-1, -2, 3}, {2, 3, -4}, {-2, -3, 4}, {1, 3, 4},
                      {-1, -3, -4}, {-1, 2, 4}, {1, -2, -4}, {-5, 6}, {-5, -6}};

std::vector<Step> drat_steps(const std::string& text) { return parse_drat(text); }

TEST(SmallProofs, TwoVariablesInEveryFormat) {
  const std::string drat = "1 0\n0\n";
  const std::string lrat = "5 1 0 1 3 0\n6 0 5 2 4 0\n";
  struct Case {
    std::string proof;
    ProofFormat format;
  };
  const std::vector<Case> cases = {
      {drat, ProofFormat::DratText},
      {write_drat_binary(drat_steps(drat)), ProofFormat::DratBinary},
      {lrat, ProofFormat::LratText},
      {write_lrat_binary(parse_lrat(lrat)), ProofFormat::LratBinary},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(format_name(c.format)));
    for (const ProofFormat requested : {ProofFormat::Auto, c.format}) {
      const CheckOutcome out = check_string(kTwoVars, c.proof, requested);
      EXPECT_TRUE(out.verified) << out.reason;
      EXPECT_EQ(out.format, c.format);
      EXPECT_TRUE(out.reason.empty());
    }
  }
}

TEST(SmallProofs, EmptyClauseAloneIsNotImplied) {
  const CheckOutcome out = check_string(kTwoVars, "0\n");
  EXPECT_FALSE(out.verified);
  EXPECT_NE(out.reason.find("line 1"), std::string::npos) << out.reason;
  EXPECT_NE(out.reason.find("empty clause"), std::string::npos) << out.reason;
  const CheckOutcome lrat = check_string(kTwoVars, "5 0 1 2 0\n");
  EXPECT_FALSE(lrat.verified);
}

TEST(SmallProofs, PigeonholeThreeIntoTwo) {
  const CheckOutcome drat = check_string(kPhp32, "-1 0\n-2 0\n0\n");
  EXPECT_TRUE(drat.verified) << drat.reason;
  // -1 alone propagates to a conflict (2, -4, -6, 3, 5), so the rest of the
  // proof is not even read.
  EXPECT_EQ(drat.lemmas_checked, 1);
  EXPECT_EQ(drat.rat_checks, 0);

  const std::string lrat = "10 -1 0 4 5 2 3 9 0\n11 -2 0 7 8 2 3 6 0\n12 0 10 11 1 0\n";
  const CheckOutcome l = check_string(kPhp32, lrat);
  EXPECT_TRUE(l.verified) << l.reason;
  EXPECT_EQ(l.lemmas_checked, 3);
  EXPECT_TRUE(check_string(kPhp32, write_lrat_binary(parse_lrat(lrat))).verified);
  EXPECT_EQ(naive_lrat_check(kPhp32, lrat), "");
}

TEST(SmallProofs, ConflictWithoutEmptyClauseIsEnough) {
  const CheckOutcome out = check_string(kPhp32, "-1 0\n-2 0\n");
  EXPECT_TRUE(out.verified) << out.reason;
}

TEST(SmallProofs, ProofWithoutConflictIsRejected) {
  // (-1 -2) is RUP but propagates nothing.
  const CheckOutcome out = check_string(kPhp32, "-1 -2 0\n");
  EXPECT_FALSE(out.verified);
  EXPECT_NE(out.reason.find("no conflict"), std::string::npos) << out.reason;
  EXPECT_FALSE(check_string(kPhp32, "").verified);
  EXPECT_FALSE(check_string(kPhp32, "10 -1 0 4 5 2 3 9 0\n").verified);
}

TEST(SmallProofs, FormulaRefutedByPropagationNeedsNoLemmas) {
  const Formula f = {{1}, {-1, 2}, {-2}};
  EXPECT_TRUE(check_string(f, "").verified);
  EXPECT_FALSE(check_string(f, "", ProofFormat::LratText).verified);  // LRAT needs the empty clause
  EXPECT_TRUE(check_string(f, "4 0 1 2 3 0\n").verified);
  const Formula with_empty = {{1, 2}, {}};
  EXPECT_TRUE(check_string(with_empty, "").verified);
  EXPECT_TRUE(check_string(with_empty, "", ProofFormat::LratText).verified);
}

TEST(SmallProofs, UnusedInvalidLemmaIsNotChecked) {
  // (-3) is neither RUP nor RAT (its resolvent with (3 4) is (-3 4)), but the
  // refutation never uses it: backward checking, like drat-trim, accepts.
  Formula f = kTwoVars;
  f.push_back({3, 4});
  const CheckOutcome out = check_string(f, "-3 0\n1 0\n0\n");
  EXPECT_TRUE(out.verified) << out.reason;
  EXPECT_EQ(out.lemmas_checked, 1);
}

TEST(SmallProofs, SatisfiableFormulaIsNeverRefuted) {
  const Formula f = {{1, 2}, {-1, 2}};
  for (const std::string proof : {"-2 0\n0\n", "0\n", "-2 0\n", "1 0\n-1 0\n0\n"}) {
    const CheckOutcome out = check_string(f, proof);
    EXPECT_FALSE(out.verified) << proof;
  }
}

TEST(SmallProofs, RatLemmas) {
  const std::string good = "-1 5 0\n-1 0\n2 0\n0\n";
  const CheckOutcome out = check_string(kRat, good);
  EXPECT_TRUE(out.verified) << out.reason;
  EXPECT_EQ(out.rat_checks, 1);
  // (2) already propagates to a conflict: 2, -4, 3 falsify (-2 -3 4).
  EXPECT_EQ(out.lemmas_checked, 3);

  // The same lemma with the other literal first: RAT must hold on the
  // first literal, and on 5 it does not.
  const CheckOutcome bad = check_string(kRat, "5 -1 0\n-1 0\n2 0\n0\n");
  EXPECT_FALSE(bad.verified);
  EXPECT_NE(bad.reason.find("line 1"), std::string::npos) << bad.reason;
  EXPECT_NE(bad.reason.find("pivot 5"), std::string::npos) << bad.reason;

  // A fresh variable makes any unit lemma RAT, but not a useful one.
  EXPECT_FALSE(check_string(kTwoVars, "7 0\n0\n").verified);
}

TEST(SmallProofs, LratRatHints) {
  const std::string lrat =
      "11 -1 5 0 -1 6 7 -5 7 2 -8 2 6 0\n"
      "12 -1 0 11 9 10 0\n"
      "13 2 0 12 1 5 3 0\n"
      "14 0 12 13 8 4 5 0\n";
  const CheckOutcome out = check_string(kRat, lrat);
  EXPECT_TRUE(out.verified) << out.reason;
  EXPECT_EQ(out.rat_checks, 1);
  EXPECT_EQ(naive_lrat_check(kRat, lrat), "");
  EXPECT_TRUE(check_string(kRat, write_lrat_binary(parse_lrat(lrat))).verified);

  auto with_first_line = [&](const std::string& line) { return line + lrat.substr(lrat.find('\n') + 1); };
  // A candidate clause without its group.
  const CheckOutcome missing = check_string(kRat, with_first_line("11 -1 5 0 -1 6 7 -5 7 2 0\n"));
  EXPECT_FALSE(missing.verified);
  EXPECT_NE(missing.reason.find("candidate clause 8"), std::string::npos) << missing.reason;
  // A group that stops short of its conflict.
  const CheckOutcome short_group = check_string(kRat, with_first_line("11 -1 5 0 -1 6 7 -5 7 -8 2 6 0\n"));
  EXPECT_FALSE(short_group.verified);
  EXPECT_NE(short_group.reason.find("candidate clause 5"), std::string::npos) << short_group.reason;
  // A group naming a clause without the negated pivot.
  EXPECT_FALSE(check_string(kRat, with_first_line("11 -1 5 0 -1 6 7 -5 7 2 -8 2 6 -9 0\n")).verified);
  // RAT on the wrong literal.
  EXPECT_FALSE(check_string(kRat, with_first_line("11 5 -1 0 -9 0\n")).verified);
}

TEST(SmallProofs, LratHintErrors) {
  const std::string tail = "11 -2 0 7 8 2 3 6 0\n12 0 10 11 1 0\n";
  struct Case {
    std::string first;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"10 -1 0 4 5 2 3 99 0\n", "hint 99 names no present clause"},
      {"10 -1 0 1 4 5 2 3 9 0\n", "hint 1 (1 2) is satisfied"},
      {"10 -1 0 2 4 5 3 9 0\n", "is not unit"},
      {"10 -1 0 4 5 2 3 0\n", "end without a conflict"},
      {"5 -1 0 4 5 2 3 9 0\n", "reuses the id"},
  };
  for (const auto& c : cases) {
    const CheckOutcome out = check_string(kPhp32, c.first + tail);
    EXPECT_FALSE(out.verified) << c.first;
    EXPECT_NE(out.reason.find(c.expected), std::string::npos) << out.reason;
    EXPECT_NE(out.reason.find("line 1"), std::string::npos) << out.reason;
  }
  // Deleting a clause before a hint needs it.
  const CheckOutcome deleted = check_string(kPhp32, "10 -1 0 4 5 2 3 9 0\n10 d 10 0\n" + tail);
  EXPECT_FALSE(deleted.verified);
  EXPECT_NE(deleted.reason.find("line 4"), std::string::npos) << deleted.reason;
  // A tautology needs no hints; deleting an absent id only warns.
  const CheckOutcome taut =
      check_string(kPhp32, "10 1 -1 0 0\n10 d 77 0\n10 -1 0 4 5 2 3 9 0\n" + tail, ProofFormat::LratText);
  EXPECT_FALSE(taut.verified);  // id 10 is reused
  const CheckOutcome ok = check_string(kPhp32, "13 1 -1 0 0\n13 d 77 0\n10 -1 0 4 5 2 3 9 0\n" + tail);
  EXPECT_TRUE(ok.verified) << ok.reason;
  EXPECT_EQ(ok.deletions_missing, 1);
  EXPECT_EQ(ok.warnings.size(), 1u);
}

TEST(SmallProofs, DeletionsMatter) {
  // Without (-1 -3), (-1) is neither RUP nor RAT: 1 only propagates
  // -5, 6, -2, -4, 3 and no conflict.  Matching ignores literal order.
  for (const std::string deletion : {"d -1 -3 0\n", "d -3 -1 0\n", "d -3 -1 -3 0\n"}) {
    const CheckOutcome out = check_string(kPhp32, deletion + "-1 0\n-2 0\n0\n");
    EXPECT_FALSE(out.verified) << deletion;
    EXPECT_NE(out.reason.find("line 2"), std::string::npos) << out.reason;
  }
  // Deleting an absent clause is ignored with a warning.
  const CheckOutcome absent = check_string(kPhp32, "d 1 3 0\n-1 0\n-2 0\n0\n");
  EXPECT_TRUE(absent.verified) << absent.reason;
  EXPECT_EQ(absent.deletions_missing, 1);
  ASSERT_EQ(absent.warnings.size(), 1u);
  EXPECT_NE(absent.warnings[0].find("line 1"), std::string::npos) << absent.warnings[0];
}

TEST(SmallProofs, DeletingReasonClausesIsIgnored) {
  // After (-1), the lemma is the reason of the top-level literal -1; solvers
  // delete such clauses while keeping the literal, and like drat-trim the
  // checker ignores the deletion (and says so).  (2) then propagates -4, 3
  // and falsifies (-2 -3 4).
  const CheckOutcome out = check_string(kRat, "-1 5 0\n-1 0\nd -1 0\n2 0\n0\n");
  EXPECT_TRUE(out.verified) << out.reason;
  EXPECT_EQ(out.deletions_ignored, 1);
  EXPECT_EQ(out.deletions, 1);
  ASSERT_EQ(out.warnings.size(), 1u);
  EXPECT_NE(out.warnings[0].find("unit/reason"), std::string::npos);
  // The same for a formula clause: (-1 2) is the reason of 2.
  const Formula f = {{1}, {-1, 2}, {-2, 3}, {1, 7}, {5, 6}, {-5, 6}, {5, -6}, {-5, -6}};
  const CheckOutcome reason = check_string(f, "d -1 2 0\n5 0\n0\n");
  EXPECT_TRUE(reason.verified) << reason.reason;
  EXPECT_EQ(reason.deletions_ignored, 1);
  // A clause that is merely satisfied is deleted for real.
  const CheckOutcome satisfied = check_string(f, "d 7 1 0\n5 0\n0\n");
  EXPECT_TRUE(satisfied.verified) << satisfied.reason;
  EXPECT_EQ(satisfied.deletions_ignored, 0);
}

TEST(SmallProofs, DuplicateLiteralsAndTautologies) {
  EXPECT_TRUE(check_string(kPhp32, "-1 -1 0\n-2 -2 -2 0\n0\n").verified);
  EXPECT_TRUE(check_string(kPhp32, "3 -3 0\n-1 0\n-2 0\n0\n").verified);
  Formula f = kTwoVars;
  f.push_back({1, 1, -1});
  EXPECT_TRUE(check_string(f, "1 0\n").verified);
}

TEST(SmallProofs, LratOutputOfRatProof) {
  CheckOutcome out;
  const std::string lrat = drat_to_lrat(kRat, "-1 5 0\n-1 0\n2 0\n0\n", &out);
  ASSERT_TRUE(out.verified) << out.reason;
  EXPECT_NE(lrat.find(" -"), std::string::npos) << lrat;  // has a RAT group
  EXPECT_EQ(naive_lrat_check(kRat, lrat), "") << lrat;
  const CheckOutcome again = check_string(kRat, lrat);
  EXPECT_TRUE(again.verified) << again.reason << "\n" << lrat;
  EXPECT_EQ(again.format, ProofFormat::LratText);
}

TEST(SmallProofs, FormatDetection) {
  EXPECT_EQ(detect_format(""), ProofFormat::DratText);
  EXPECT_EQ(detect_format("1 2 0\n-1 0\n"), ProofFormat::DratText);
  EXPECT_EQ(detect_format("c comment 0 0\nd 1 2 0\n"), ProofFormat::DratText);
  EXPECT_EQ(detect_format("0\n"), ProofFormat::DratText);
  EXPECT_EQ(detect_format("5 1 0 1 3 0\n"), ProofFormat::LratText);
  EXPECT_EQ(detect_format("5 d 1 2 0\n6 0 1 2 0\n"), ProofFormat::LratText);
  EXPECT_EQ(detect_format("7 0 5 6 0\n"), ProofFormat::LratText);
  const std::vector<Step> lrat = parse_lrat("10 -1 0 4 5 2 3 9 0\n10 d 4 5 0\n11 -2 0 7 8 2 3 6 0\n12 0 10 11 1 0\n");
  EXPECT_EQ(detect_format(write_lrat_binary(lrat)), ProofFormat::LratBinary);
  const std::vector<Step> drat = parse_drat("-1 0\nd -1 -3 0\n-2 0\n0\n");
  EXPECT_EQ(detect_format(write_drat_binary(drat)), ProofFormat::DratBinary);
  // Bytes that both readings take whole: `a 121 0 a 0` (fuzz seed 54529)
  // is one LRAT addition with id 121 and hint 48 as well.
  EXPECT_EQ(detect_format(write_drat_binary(parse_drat("121 0\n0\n"))), ProofFormat::DratBinary);
  // Forcing a format overrides detection.
  const CheckOutcome forced = check_string(kTwoVars, "1 0\n0\n", ProofFormat::LratText);
  EXPECT_EQ(forced.format, ProofFormat::LratText);
  EXPECT_FALSE(forced.verified);
}

TEST(SmallProofs, FormatNames) {
  for (const ProofFormat f : {ProofFormat::Auto, ProofFormat::DratText, ProofFormat::DratBinary,
                              ProofFormat::LratText, ProofFormat::LratBinary}) {
    ProofFormat parsed{};
    ASSERT_TRUE(parse_format_name(format_name(f), parsed));
    EXPECT_EQ(parsed, f);
  }
  ProofFormat unused{};
  EXPECT_FALSE(parse_format_name("frat", unused));
}

void expect_parse_error(const Formula& f, const std::string& proof, ProofFormat format, int64_t line, int64_t column,
                        const std::string& message) {
  SCOPED_TRACE(proof);
  try {
    check_string(f, proof, format);
    ADD_FAILURE() << "no ParseError";
  } catch (const io::ParseError& e) {
    EXPECT_EQ(e.file(), "proof");
    EXPECT_EQ(e.line(), line);
    EXPECT_EQ(e.column(), column);
    EXPECT_NE(e.message().find(message), std::string::npos) << e.what();
  }
}

TEST(SmallProofs, MalformedProofs) {
  const auto drat = ProofFormat::DratText;
  expect_parse_error(kTwoVars, "1 0\n1 2 x 0\n", drat, 2, 5, "expected literal");
  expect_parse_error(kTwoVars, "1 0\n1 2", drat, 2, 4, "not terminated");
  expect_parse_error(kTwoVars, "1 2- 0\n", drat, 1, 4, "unexpected character");
  expect_parse_error(kTwoVars, "300000000 0\n", drat, 1, 1, "out of range");
  expect_parse_error(kTwoVars, "dx 1 0\n", drat, 1, 2, "whitespace after 'd'");
  const auto lrat = ProofFormat::LratText;
  expect_parse_error(kTwoVars, "5 1 0 1 3\n", lrat, 2, 1, "not terminated");
  expect_parse_error(kTwoVars, "-5 1 0 1 3 0\n", lrat, 1, 1, "positive");
  expect_parse_error(kTwoVars, "5 d 1 -2 0\n", lrat, 1, 7, "positive");
  const auto binary = ProofFormat::DratBinary;
  expect_parse_error(kTwoVars, std::string("a\x02", 2), binary, 1, 3, "unexpected end");
  expect_parse_error(kTwoVars, std::string("a\x01\x00", 3), binary, 1, 2, "invalid literal");
  expect_parse_error(kTwoVars, std::string("a\x02\x00x\x00", 5), binary, 1, 4, "expected 'a' or 'd'");
  expect_parse_error(kTwoVars, std::string("a\x03\x00", 3), ProofFormat::LratBinary, 1, 2, "positive");
}

TEST(SmallProofs, ProofFromFiles) {
  const auto dir = scratch_dir("files");
  write_file(dir / "f.cnf", to_dimacs(kPhp32));
  write_file(dir / "p.drat", "-1 0\n-2 0\n0\n");
  const CheckOutcome out = check_proof_files((dir / "f.cnf").string(), (dir / "p.drat").string());
  EXPECT_TRUE(out.verified) << out.reason;
  if (std::system("command -v gzip > /dev/null 2>&1") == 0) {
    ASSERT_EQ(std::system(("gzip -f '" + (dir / "p.drat").string() + "'").c_str()), 0);
    const CheckOutcome gz = check_proof_files((dir / "f.cnf").string(), (dir / "p.drat.gz").string());
    EXPECT_TRUE(gz.verified) << gz.reason;
  }
  EXPECT_THROW(check_proof_files((dir / "missing.cnf").string(), (dir / "p.drat").string()), io::InputError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace wang::check::testing
