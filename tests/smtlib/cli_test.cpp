// The `wang` binary on SMT-LIB input: a client driving it over pipes, the
// choice of the input language, limits, signals, proofs and exit codes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "cli/run_support.hpp"

namespace wang::testing {
namespace {

// wang with its three standard streams on pipes.
class Child {
 public:
  explicit Child(const std::vector<std::string>& arguments) {
    int in[2], out[2], err[2];
    EXPECT_EQ(pipe(in), 0);
    EXPECT_EQ(pipe(out), 0);
    EXPECT_EQ(pipe(err), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      dup2(err[1], 2);
      for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
      std::vector<char*> argv;
      const std::string binary = wang_binary();
      argv.push_back(const_cast<char*>(binary.c_str()));
      for (const std::string& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);
    input_ = in[1];
    output_ = out[0];
    errors_ = err[0];
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (input_ >= 0) close(input_);
    close(output_);
    close(errors_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  void send(const std::string& text) {
    ASSERT_EQ(write(input_, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  }

  void close_input() {
    close(input_);
    input_ = -1;
  }

  // The next line of stdout; "<timeout>" if none comes within the limit.
  std::string read_line(int timeout_ms = 20000) {
    for (;;) {
      const size_t newline = buffered_.find('\n');
      if (newline != std::string::npos) {
        std::string line = buffered_.substr(0, newline);
        buffered_.erase(0, newline + 1);
        return line;
      }
      pollfd ready{output_, POLLIN, 0};
      if (poll(&ready, 1, timeout_ms) <= 0) return "<timeout>";
      char chunk[4096];
      const ssize_t got = read(output_, chunk, sizeof chunk);
      if (got <= 0) return "<eof>";
      buffered_.append(chunk, static_cast<size_t>(got));
    }
  }

  // A whole response: one line, or the lines of a parenthesized one.
  std::string read_response() {
    std::string response = read_line();
    int depth = 0;
    for (;;) {
      for (char c : response.substr(response.rfind('\n') == std::string::npos ? 0 : response.rfind('\n'))) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
      if (depth <= 0) return response;
      response += "\n" + read_line();
    }
  }

  // Waits for the exit; returns the exit code, and the rest of stdout and
  // stderr through the arguments.
  int wait(std::string* rest_of_output, std::string* errors) {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    *rest_of_output = buffered_ + drain(output_);
    *errors = drain(errors_);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  void signal(int number) { kill(pid_, number); }

 private:
  static std::string drain(int fd) {
    std::string text;
    char chunk[4096];
    for (ssize_t got; (got = read(fd, chunk, sizeof chunk)) > 0;) text.append(chunk, static_cast<size_t>(got));
    return text;
  }

  pid_t pid_ = -1;
  int input_ = -1;
  int output_ = -1;
  int errors_ = -1;
  std::string buffered_;
};

// 15 pigeons in 14 holes: far too hard to finish during a test.
std::string hard_problem() {
  std::string script = "(set-logic QF_BV)\n";
  std::string pigeons;
  for (int i = 0; i < 15; ++i) {
    const std::string pigeon = "p" + std::to_string(i);
    script += "(declare-const " + pigeon + " (_ BitVec 4))\n(assert (bvult " + pigeon + " #xe))\n";
    pigeons += " " + pigeon;
  }
  return script + "(assert (distinct" + pigeons + "))\n";
}

std::string write_input(const std::string& name, const std::string& text) {
  const std::string path = temp_path(name);
  write_file(path, text);
  return path;
}

TEST(SmtlibCli, AnswersEachCommandOfAnInteractiveSession) {
  Child wang({"--lang", "smt2"});
  // Each response is read before the next command is sent: nothing is held
  // back in a buffer, and nothing waits for more input than it needs.
  const std::vector<std::pair<std::string, std::string>> exchange = {
      {"(set-option :print-success true)\n", "success"},
      {"(set-option :produce-models true)\n", "success"},
      {"(set-logic QF_BV)\n", "success"},
      {"(declare-const x (_ BitVec 8))\n", "success"},
      {"(assert (bvult x #x10))\n", "success"},
      {"(push 1)\n", "success"},
      {"(assert (= x #x20))\n", "success"},
      {"(check-sat)\n", "unsat"},
      {"(pop 1)\n", "success"},
      {"(assert (= (bvadd x x) #x0a))", "success"},  // no newline after the command
      {"(check-sat)", "sat"},
      {"(get-value (x (bvmul x x)))\n", "((x #b00000101) ((bvmul x x) #b00011001))"},
      {"(get-model)\n", "(\n  (define-fun x () (_ BitVec 8) #b00000101)\n)"},
      {"(assert (= x y))\n", "(error \"<stdin>:12:14: unknown constant 'y'\")"},
      {"(get-info :name)\n", "(:name \"wang\")"},
      {"(exit)\n", "success"},
  };
  for (const auto& [command, response] : exchange) {
    wang.send(command);
    EXPECT_EQ(wang.read_response(), response) << "after " << command;
  }
  std::string rest, errors;
  EXPECT_EQ(wang.wait(&rest, &errors), 0);
  EXPECT_EQ(rest, "");
  EXPECT_EQ(errors, "");
}

TEST(SmtlibCli, JunkIsAnsweredAtOnceEvenBeforeTheFirstCommand) {
  // Two bytes: fewer than it takes to rule out compressed input by its magic
  // bytes, and the rest of the junk is only skipped when more input comes.
  Child wang({"--lang", "smt2"});
  wang.send(")\n");
  EXPECT_EQ(wang.read_line(5000), "(error \"<stdin>:1:1: expected '(' to start a command, got ')'\")");
  wang.send("x y\n(echo \"after\")\n");
  EXPECT_EQ(wang.read_line(5000), "\"after\"");
  wang.close_input();
  std::string rest, errors;
  EXPECT_EQ(wang.wait(&rest, &errors), 0);
  EXPECT_EQ(rest + errors, "");
}

TEST(SmtlibCli, EndOfInputEndsTheSession) {
  Child wang({"--lang", "smt2"});
  wang.send("(echo \"one\")\n");
  EXPECT_EQ(wang.read_line(), "\"one\"");
  wang.close_input();
  std::string rest, errors;
  EXPECT_EQ(wang.wait(&rest, &errors), 0);
  EXPECT_EQ(rest + errors, "");
}

TEST(SmtlibCli, SigtermStopsTheCheckWithUnknown) {
  Child wang({"--lang", "smt2"});
  wang.send(hard_problem() + "(check-sat)\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  wang.signal(SIGTERM);
  EXPECT_EQ(wang.read_line(), "unknown");
  // The session goes on, and later checks give up at once.
  wang.send("(get-info :reason-unknown)\n");
  EXPECT_EQ(wang.read_line(), "(:reason-unknown interrupted)");
  wang.send("(check-sat)\n");
  EXPECT_EQ(wang.read_line(1000), "unknown");
  wang.close_input();
  std::string rest, errors;
  EXPECT_EQ(wang.wait(&rest, &errors), 0);
  EXPECT_EQ(rest, "");
  EXPECT_EQ(errors, "");
}

TEST(SmtlibCli, TheTimeLimitGivesUnknownAndItsReason) {
  const std::string path = write_input("hard.smt2", hard_problem() + "(check-sat)\n(get-info :reason-unknown)\n");
  const auto start = std::chrono::steady_clock::now();
  const ProcessRun run = run_command(wang_binary() + " -t 1 " + path);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "unknown\n(:reason-unknown timeout)\n");
  EXPECT_EQ(run.err, "");
}

TEST(SmtlibCli, TheTimeLimitCoversReading) {
  const std::string path = write_input("late.smt2", "(set-logic QF_BV)\n(check-sat)\n");
  const ProcessRun run = run_command(wang_binary() + " -t 0 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "unknown\n");
}

TEST(SmtlibCli, TheConflictLimitGivesResourceout) {
  const std::string path = write_input("limited.smt2", hard_problem() + "(check-sat)\n(get-info :reason-unknown)\n");
  const ProcessRun run = run_command(wang_binary() + " --conflict-limit 10 " + path);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "unknown\n(:reason-unknown resourceout)\n");
}

TEST(SmtlibCli, ChoosesTheLanguageByFlagNameAndContent) {
  const std::string smt2 = "; a comment first\n(declare-const p Bool)\n(assert (and p (not p)))\n(check-sat)\n";
  const std::string cnf = "c comment\np cnf 1 2\n1 0\n-1 0\n";
  const std::string smt2_path = write_input("by_name.smt2", smt2);
  const std::string other_path = write_input("no_extension", smt2);
  const std::string cnf_path = write_input("by_content", cnf);
  EXPECT_EQ(run_command(wang_binary() + " " + smt2_path).out, "unsat\n");
  EXPECT_EQ(run_command(wang_binary() + " " + other_path).out, "unsat\n");
  EXPECT_EQ(run_command(wang_binary() + " < " + other_path).out, "unsat\n");
  EXPECT_EQ(run_command(wang_binary() + " --lang smt2 < " + other_path).out, "unsat\n");
  const ProcessRun dimacs = run_command(wang_binary() + " -q < " + cnf_path);
  EXPECT_EQ(dimacs.exit_code, 20);
  EXPECT_EQ(dimacs.out, "s UNSATISFIABLE\n");
  EXPECT_EQ(run_command(wang_binary() + " -q " + cnf_path).exit_code, 20);
  // --lang wins over the content.
  const ProcessRun forced = run_command(wang_binary() + " --lang dimacs " + smt2_path);
  EXPECT_EQ(forced.exit_code, 1);
  EXPECT_NE(forced.err.find(smt2_path), std::string::npos) << forced.err;
}

TEST(SmtlibCli, CompressedScripts) {
  const std::string path = write_input("packed.smt2", "(declare-const p Bool)\n(assert p)\n(check-sat)\n");
  ASSERT_EQ(run_command("gzip -f " + path).exit_code, 0);
  EXPECT_EQ(run_command(wang_binary() + " " + path + ".gz").out, "sat\n");
}

TEST(SmtlibCli, ExitCodes) {
  const std::string errors = write_input("errors.smt2", "(assert (= x y))\n(check-sat)\n");
  const ProcessRun run = run_command(wang_binary() + " " + errors);
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "(error \"" + errors + ":1:12: unknown constant 'x'\")\nunknown\n");
  const ProcessRun missing = run_command(wang_binary() + " /nonexistent/file.smt2");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.out, "");
  EXPECT_NE(missing.err.find("/nonexistent/file.smt2"), std::string::npos);
  const ProcessRun bad_proof = run_command(wang_binary() + " --proof /nonexistent/dir/proof " + errors);
  EXPECT_EQ(bad_proof.exit_code, 1);
  EXPECT_NE(bad_proof.err.find("/nonexistent/dir/proof: cannot open the proof file for writing"), std::string::npos);
}

TEST(SmtlibCli, ProduceModelsFlag) {
  const std::string path = write_input("models.smt2", "(declare-const p Bool)\n(assert p)\n(check-sat)\n(get-model)\n");
  const ProcessRun run = run_command(wang_binary() + " -m " + path);
  EXPECT_EQ(run.out, "sat\n(\n  (define-fun p () Bool true)\n)\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run_command(wang_binary() + " " + path).out.substr(0, 12), "sat\n(error \"");
}

TEST(SmtlibCli, TheProofOfTheDumpedCnfChecks) {
  const std::string path = write_input(
      "proof.smt2",
      "(set-logic QF_BV)\n(declare-const x (_ BitVec 16))\n(declare-const y (_ BitVec 16))\n"
      "(assert (= (bvmul ((_ zero_extend 16) x) ((_ zero_extend 16) y)) #x0000008f))\n"
      "(assert (bvugt x #x0001))\n(assert (bvugt y #x0001))\n(assert (bvult x y))\n(assert (distinct x #x000b))\n"
      "(check-sat)\n");
  const std::string cnf = temp_path("dumped.cnf"), proof = temp_path("dumped.drat");
  const ProcessRun run = run_command(wang_binary() + " --dump-cnf " + cnf + " --proof " + proof + " " + path);
  EXPECT_EQ(run.out, "unsat\n");
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(read_file(cnf).substr(0, 6), "p cnf ");
  const ProcessRun check = run_command(checker_binary() + " " + cnf + " " + proof);
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("s VERIFIED"), std::string::npos) << check.out;
}

}  // namespace
}  // namespace wang::testing
