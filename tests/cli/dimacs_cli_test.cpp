// The `wang` command on DIMACS input: output format, exit codes, errors,
// limits, signals and proofs, checked on the real binary.
#include <gtest/gtest.h>
#include <signal.h>

#include <random>
#include <sstream>

#include "cli/run_support.hpp"
#include "support/cnf.hpp"

namespace wang::testing {
namespace {

std::string dimacs(const Formula& formula) {
  std::ostringstream text;
  text << "p cnf " << max_variable(formula) << ' ' << formula.size() << '\n';
  for (const Clause& clause : formula) {
    for (int lit : clause) text << lit << ' ';
    text << "0\n";
  }
  return text.str();
}

std::string write_formula(const std::string& name, const Formula& formula) {
  const std::string path = temp_path(name);
  write_file(path, dimacs(formula));
  return path;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(DimacsCli, SatisfiableOutputFollowsTheCompetitionFormat) {
  // 5,000 variables force several value lines.
  Formula formula;
  for (int var = 1; var <= 5000; ++var) formula.push_back({var % 3 ? var : -var, var % 7 ? -(var % 5000 + 1) : var});
  const std::string path = write_formula("sat.cnf", formula);
  const ProcessRun run = run_command(wang_binary() + " " + path);
  ASSERT_EQ(run.exit_code, 10) << run.err;
  EXPECT_EQ(run.err, "");
  int status_lines = 0;
  std::vector<int> values;
  for (const std::string& line : lines_of(run.out)) {
    ASSERT_FALSE(line.empty());
    ASSERT_TRUE(line[0] == 'c' || line[0] == 's' || line[0] == 'v') << line;
    EXPECT_LE(line.size(), 4096u);
    if (line[0] == 's') {
      ++status_lines;
      EXPECT_EQ(line, "s SATISFIABLE");
    }
    if (line[0] == 'v') {
      std::istringstream fields(line.substr(1));
      for (int value; fields >> value;) values.push_back(value);
    }
  }
  EXPECT_EQ(status_lines, 1);
  ASSERT_EQ(values.size(), 5001u);
  EXPECT_EQ(values.back(), 0);
  for (int var = 1; var <= 5000; ++var) EXPECT_EQ(std::abs(values[var - 1]), var);
  for (const Clause& clause : formula) {
    bool satisfied = false;
    for (int lit : clause) satisfied |= values[std::abs(lit) - 1] == lit;
    ASSERT_TRUE(satisfied);
  }
}

TEST(DimacsCli, UnsatisfiableWithProofThatChecks) {
  const std::string path = write_formula("php.cnf", pigeonhole(6));
  for (const std::string flags : {"", " --binary-proof"}) {
    const std::string proof = temp_path("php.proof");
    const ProcessRun run = run_command(wang_binary() + " -q --proof " + proof + flags + " " + path);
    ASSERT_EQ(run.exit_code, 20) << run.err;
    EXPECT_EQ(run.out, "s UNSATISFIABLE\n");
    const ProcessRun check = run_command(checker_binary() + " " + path + " " + proof);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_NE(check.out.find("s VERIFIED"), std::string::npos);
  }
}

// Every format of --proof-format gives a proof the independent checker
// accepts, and the checker is told the format rather than guessing it.
TEST(DimacsCli, EveryProofFormatChecks) {
  const std::string path = write_formula("php5.cnf", pigeonhole(5));
  for (const std::string format : {"drat", "drat-binary", "lrat", "lrat-binary"}) {
    const std::string proof = temp_path("php5." + format);
    const ProcessRun run = run_command(wang_binary() + " -q --proof " + proof + " --proof-format " + format + " " + path);
    ASSERT_EQ(run.exit_code, 20) << format << ": " << run.err;
    const ProcessRun check = run_command(checker_binary() + " --format " + format + " " + path + " " + proof);
    EXPECT_EQ(check.exit_code, 0) << format << ": " << check.out << check.err;
  }
  EXPECT_EQ(run_command(wang_binary() + " --proof-format dratt " + path).exit_code, 2);
}

// --certify checks the proof itself: the UNSAT answer comes with a comment
// naming the check, the temporary proof is removed, and SAT answers are
// unaffected.
TEST(DimacsCli, CertifyChecksTheProofBeforeAnsweringUnsat) {
  const std::string unsat = write_formula("php7.cnf", pigeonhole(7));
  for (const std::string flags : {"", " --proof-format drat", " --proof-format lrat"}) {
    const ProcessRun run = run_command(wang_binary() + " --certify" + flags + " " + unsat);
    ASSERT_EQ(run.exit_code, 20) << flags << ": " << run.err;
    EXPECT_NE(run.out.find("\nc certified: the checker verified "), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("\ns UNSATISFIABLE\n"), std::string::npos) << run.out;
  }
  const std::string kept = temp_path("php7.lrat");
  ASSERT_EQ(run_command(wang_binary() + " -q --certify --proof " + kept + " " + unsat).exit_code, 20);
  EXPECT_EQ(run_command(checker_binary() + " --format lrat-binary " + unsat + " " + kept).exit_code, 0);

  const ProcessRun sat = run_command(wang_binary() + " --certify " + write_formula("sat.cnf", {{1, 2}, {-1}}));
  EXPECT_EQ(sat.exit_code, 10) << sat.err;
  EXPECT_EQ(sat.out.find("certified"), std::string::npos);
}

TEST(DimacsCli, ReadsStandardInputAndCompressedFiles) {
  const ProcessRun piped = run_command("printf 'p cnf 2 2\\n1 0\\n-1 2 0\\n' | " + wang_binary() + " -q");
  EXPECT_EQ(piped.exit_code, 10);
  EXPECT_EQ(piped.out, "s SATISFIABLE\nv 1 2 0\n");
  const std::string path = write_formula("gz.cnf", pigeonhole(3));
  ASSERT_EQ(std::system(("gzip -c " + path + " > " + path + ".data").c_str()), 0);
  const ProcessRun compressed = run_command(wang_binary() + " -q " + path + ".data");
  EXPECT_EQ(compressed.exit_code, 20) << compressed.err;
}

TEST(DimacsCli, MalformedInputNamesFileLineAndColumn) {
  const std::string path = temp_path("bad.cnf");
  write_file(path, "p cnf 2 1\n1 x 0\n");
  const ProcessRun run = run_command(wang_binary() + " " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err.rfind("wang: " + path + ":2:3: ", 0), 0u) << run.err;
}

TEST(DimacsCli, MissingFileAndBadOptionsAreReported) {
  const ProcessRun missing = run_command(wang_binary() + " /nonexistent/file.cnf");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("/nonexistent/file.cnf"), std::string::npos);
  const ProcessRun bad_option = run_command(wang_binary() + " --no-such-option x.cnf");
  EXPECT_EQ(bad_option.exit_code, 2);
  EXPECT_NE(bad_option.err.find("no-such-option"), std::string::npos);
  const ProcessRun bad_value = run_command(wang_binary() + " --stable=9 x.cnf");
  EXPECT_EQ(bad_value.exit_code, 2);
  const ProcessRun help = run_command(wang_binary() + " --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--time-limit"), std::string::npos);
  EXPECT_NE(help.out.find("--reduceint"), std::string::npos);  // from the option table
}

// The limit tests need a formula that outlasts the limit: pigeonhole
// formulas do only without bounded variable addition, which solves php11
// in 0.35 s.
constexpr const char* kNoFactoring = " --factor 0 ";

TEST(DimacsCli, ConflictLimitGivesUnknownWithReason) {
  const std::string path = write_formula("php10.cnf", pigeonhole(10));
  const ProcessRun run = run_command(wang_binary() + kNoFactoring + "--conflict-limit 1000 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("s UNKNOWN\n"), std::string::npos);
  EXPECT_NE(run.out.find("c stopped: conflict limit"), std::string::npos);
}

TEST(DimacsCli, TimeLimitGivesUnknown) {
  const std::string path = write_formula("php11.cnf", pigeonhole(11));
  const ProcessRun run = run_command("timeout 60 " + wang_binary() + kNoFactoring + "-t 0.5 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("s UNKNOWN\n"), std::string::npos);
  EXPECT_NE(run.out.find("c stopped: time limit"), std::string::npos);
}

TEST(DimacsCli, SigtermPrintsUnknownAndStatistics) {
  const std::string path = write_formula("php12.cnf", pigeonhole(12));
  // The shell starts wang in the background, signals it, and waits for it.
  const ProcessRun run = run_command("timeout 60 sh -c '" + wang_binary() + kNoFactoring + "-v " + path +
                              " & pid=$!; sleep 0.5; kill -TERM $pid; wait $pid'");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("s UNKNOWN\n"), std::string::npos);
  EXPECT_NE(run.out.find("c stopped: terminated"), std::string::npos);
  EXPECT_NE(run.out.find("c conflicts"), std::string::npos);
}

TEST(DimacsCli, QuietAndVerbose) {
  const std::string path = write_formula("small.cnf", pigeonhole(2));
  const ProcessRun quiet = run_command(wang_binary() + " -q " + path);
  EXPECT_EQ(quiet.out, "s UNSATISFIABLE\n");
  const ProcessRun verbose = run_command(wang_binary() + " -v " + path);
  for (const char* statistic : {"c conflicts", "c decisions", "c propagation_rate", "c restarts", "c learned",
                                "c deleted", "c time_search", "c peak_memory", "c total_time"}) {
    EXPECT_NE(verbose.out.find(statistic), std::string::npos) << statistic;
  }
}

}  // namespace
}  // namespace wang::testing
