// Resource exhaustion on the real binary: inputs that would exhaust memory
// or take far too long end with `unknown` and the limit's name, never with
// the kernel killing the process.  These check the answers, not timings:
// each run is only required to end well within its `timeout`.
#include <gtest/gtest.h>

#include <string>

#include "cli/run_support.hpp"

namespace wang::testing {
namespace {

std::string write_input(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  write_file(path, text);
  return path;
}

// Distinct constants of the widest sort, 32 MiB each: without a limit the
// script would take 2 GiB before its first check-sat.
std::string wide_constants_script() {
  std::string script = "(declare-const x (_ BitVec 268435456))\n";
  for (int i = 0; i < 64; ++i) script += "(assert (distinct x (_ bv" + std::to_string(i) + " 268435456)))\n";
  return script + "(check-sat)\n(get-info :reason-unknown)\n";
}

TEST(Limits, TheMemoryLimitCoversReadingAScript) {
  const std::string path = write_input("wide.smt2", wide_constants_script());
  const ProcessRun run = run_command("timeout 60 " + wang_binary() + " --memory-limit 200 " + path);
  // The command being read when the limit struck is answered, and the
  // session ends there.
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "unknown\n");
  EXPECT_EQ(run.err, "");
}

TEST(Limits, TheMemoryLimitStopsBitBlastingWithMemout) {
  // Multipliers of 4096 bits, blasted whole: tens of millions of gates.
  std::string script = "(set-logic QF_BV)\n";
  for (int i = 0; i < 3; ++i) script += "(declare-const x" + std::to_string(i) + " (_ BitVec 4096))\n";
  script += "(assert (= (bvmul x0 x1) (bvmul x1 x2)))\n(check-sat)\n(get-info :reason-unknown)\n(echo \"after\")\n";
  const std::string path = write_input("multipliers.smt2", script);
  const ProcessRun run =
      run_command("timeout 120 " + wang_binary() + " --abstraction-width 0 --memory-limit 150 " + path);
  EXPECT_EQ(run.exit_code, 0);
  // The session goes on after the check.
  EXPECT_EQ(run.out, "unknown\n(:reason-unknown memout)\n\"after\"\n");
  EXPECT_EQ(run.err, "");
}

TEST(Limits, TheMemoryLimitCoversReadingDimacs) {
  // 1,500,000 clauses: well over 50 MiB as read and as the solver's copy.
  std::string cnf = "p cnf 100000 1500000\n";
  for (int i = 0; i < 1'500'000; ++i) {
    const int a = 1 + i % 100'000, b = 1 + (i * 7 + 3) % 100'000, c = 1 + (i * 13 + 5) % 100'000;
    cnf += std::to_string(a) + " -" + std::to_string(b) + " " + std::to_string(c) + " 0\n";
  }
  const std::string path = write_input("large.cnf", cnf);
  const ProcessRun run = run_command("timeout 60 " + wang_binary() + " --memory-limit 50 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("c stopped: memory limit\ns UNKNOWN\n"), std::string::npos) << run.out;
  EXPECT_EQ(run.err, "");
}

TEST(Limits, TheTimeLimitStopsALongParse) {
  // About 40 MB of assertions over 100 constants.
  std::string script = "(set-logic QF_BV)\n";
  for (int i = 0; i < 100; ++i) script += "(declare-const x" + std::to_string(i) + " (_ BitVec 32))\n";
  for (int i = 0; i < 800'000; ++i) {
    script += "(assert (bvule (bvadd x" + std::to_string(i % 100) + " x" + std::to_string(i * 7 % 100) + ") x" +
              std::to_string(i * 13 % 100) + "))\n";
  }
  script += "(check-sat)\n";
  const std::string path = write_input("long.smt2", script);
  const ProcessRun run = run_command("timeout 60 " + wang_binary() + " -t 0.2 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "unknown\n");
  EXPECT_EQ(run.err, "");
}

}  // namespace
}  // namespace wang::testing
