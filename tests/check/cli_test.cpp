// The wang-check executable: output lines and exit codes.
#include <gtest/gtest.h>

#include <cstdio>

#include "check_support.hpp"

namespace wang::check::testing {
namespace {

struct Result {
  int status = -1;
  std::string out;
  std::string err;
};

class WangCheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    binary_ = std::filesystem::path(WANG_BINARY_DIR) / "wang-check";
    if (!std::filesystem::exists(binary_)) GTEST_SKIP() << "wang-check is not built at " << binary_;
    dir_ = scratch_dir("cli");
    write_file(dir_ / "php.cnf", to_dimacs(pigeonhole(3, 2)));
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  Result run(const std::string& arguments) {
    std::string command = quote(binary_);
    command += ' ';
    command += arguments;
    command += " > ";
    command += quote(dir_ / "out");
    command += " 2> ";
    command += quote(dir_ / "err");
    const int status = std::system(command.c_str());
    Result r;
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(dir_ / "out");
    r.err = read_file(dir_ / "err");
    return r;
  }
  // Quoted for the shell.  (Built with +=, as GCC 12 wrongly warns about
  // `"'" + string + "'"`.)
  static std::string quote(const std::filesystem::path& p) {
    std::string quoted(1, '\'');
    quoted += p.string();
    quoted += '\'';
    return quoted;
  }
  std::string path(const std::string& name) { return quote(dir_ / name); }

  std::filesystem::path binary_;
  std::filesystem::path dir_;
};

TEST_F(WangCheckCli, VerifiedProof) {
  write_file(dir_ / "p.drat", "-1 0\n-2 0\n0\n");
  const Result r = run(path("php.cnf") + " " + path("p.drat"));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("s VERIFIED\n"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST_F(WangCheckCli, RejectedProofNamesTheLemma) {
  // (-1 -3) deleted first, so (-1) on line 2 is neither RUP nor RAT.
  write_file(dir_ / "p.drat", "d -1 -3 0\n-1 0\n-2 0\n0\n");
  const Result r = run(path("php.cnf") + " " + path("p.drat"));
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("s NOT VERIFIED\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.rfind("c lemma -1 at line 2 ", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find("s VERIFIED"), std::string::npos) << r.out;
}

TEST_F(WangCheckCli, QuietAndVerbose) {
  write_file(dir_ / "p.drat", "d -1 -3 0\n-1 0\n-2 0\n0\n");
  const Result quiet = run("-q " + path("php.cnf") + " " + path("p.drat"));
  EXPECT_EQ(quiet.status, 1);
  EXPECT_EQ(quiet.out, "s NOT VERIFIED\n");
  write_file(dir_ / "ok.drat", "-1 0\n-2 0\n0\n");
  const Result verbose = run(path("php.cnf") + " " + path("ok.drat") + " -v");
  EXPECT_EQ(verbose.status, 0);
  EXPECT_NE(verbose.out.find("c lemmas checked: 1\n"), std::string::npos) << verbose.out;
  EXPECT_NE(verbose.out.find("c format: drat\n"), std::string::npos) << verbose.out;
}

TEST_F(WangCheckCli, MalformedProofIsAnInputError) {
  write_file(dir_ / "p.drat", "-1 0\n-2 x 0\n");
  const Result r = run(path("php.cnf") + " " + path("p.drat"));
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("wang-check: " + (dir_ / "p.drat").string() + ":2:4: ", 0), 0u) << r.err;
  EXPECT_EQ(r.out.find("s "), std::string::npos) << r.out;
}

TEST_F(WangCheckCli, MalformedOrMissingFormula) {
  write_file(dir_ / "bad.cnf", "p cnf 2 1\n1 y 0\n");
  write_file(dir_ / "p.drat", "0\n");
  const Result bad = run(path("bad.cnf") + " " + path("p.drat"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("wang-check: " + (dir_ / "bad.cnf").string() + ":2:", 0), 0u) << bad.err;
  const Result missing = run(path("missing.cnf") + " " + path("p.drat"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("missing.cnf"), std::string::npos) << missing.err;
  const Result no_proof = run(path("php.cnf") + " " + path("missing.drat"));
  EXPECT_EQ(no_proof.status, 2);
}

TEST_F(WangCheckCli, UsageErrors) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run(path("php.cnf")).status, 2);
  EXPECT_EQ(run("--bogus " + path("php.cnf") + " x").status, 2);
  const Result format = run("--format=frat " + path("php.cnf") + " x");
  EXPECT_EQ(format.status, 2);
  EXPECT_NE(format.err.find("unknown proof format"), std::string::npos) << format.err;
  const Result help = run("--help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("usage: wang-check"), std::string::npos);
}

TEST_F(WangCheckCli, ForcedFormatAndLratOutput) {
  write_file(dir_ / "p.lrat", "10 -1 0 4 5 2 3 9 0\n11 -2 0 7 8 2 3 6 0\n12 0 10 11 1 0\n");
  EXPECT_EQ(run(path("php.cnf") + " " + path("p.lrat")).status, 0);
  EXPECT_EQ(run("--format lrat " + path("php.cnf") + " " + path("p.lrat")).status, 0);
  // Read as DRAT, the first line is the clause (10 -1) and "4 5 2 3 9".
  EXPECT_EQ(run("--format drat " + path("php.cnf") + " " + path("p.lrat")).status, 1);

  write_file(dir_ / "p.drat", "-1 0\n-2 0\n0\n");
  const Result r = run(path("php.cnf") + " " + path("p.drat") + " --lrat-out " + path("core.lrat"));
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  const std::string core = read_file(dir_ / "core.lrat");
  EXPECT_EQ(naive_lrat_check(pigeonhole(3, 2), core), "") << core;
  EXPECT_EQ(run(path("php.cnf") + " " + path("core.lrat")).status, 0);
}

}  // namespace
}  // namespace wang::check::testing
