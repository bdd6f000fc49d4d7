// Runs the `wang` binary on every malformed SMT-LIB input of
// tests/inputs/smt2-bad and compares its stdout, stderr and exit code word
// for word with NAME.expected; see the README.md there for the conventions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/run_support.hpp"

namespace wang::testing {
namespace {

namespace fs = std::filesystem;

const fs::path kBadDir = fs::path(WANG_SOURCE_DIR) / "tests/inputs/smt2-bad";

struct BadCase {
  std::string name;
  bool generated = false;  // NAME.gen rather than NAME.smt2
};

std::vector<BadCase> bad_cases() {
  std::vector<BadCase> cases;
  for (const auto& entry : fs::directory_iterator(kBadDir)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".smt2") cases.push_back({path.stem().string(), false});
    if (path.extension() == ".gen") cases.push_back({path.stem().string(), true});
  }
  std::sort(cases.begin(), cases.end(), [](const BadCase& a, const BadCase& b) { return a.name < b.name; });
  return cases;
}

struct Outcome {
  std::string out;
  std::string err;
  int exit_code = -1;
};

// The lines of `text`, without their '\n'; a final '\n' ends the last line
// rather than starting an empty one.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// NAME.expected: the lines of stdout, then optionally a line "-- stderr"
// and the lines of stderr, then "-- exit N".
Outcome parse_expected(const std::string& text) {
  Outcome expected;
  std::string* stream = &expected.out;
  const std::vector<std::string> lines = split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line == "-- stderr") {
      stream = &expected.err;
    } else if (line.starts_with("-- exit ")) {
      expected.exit_code = std::stoi(line.substr(8));
      EXPECT_EQ(i + 1, lines.size()) << "'-- exit N' must be the last line";
      break;
    } else {
      *stream += line + "\n";
    }
  }
  EXPECT_GE(expected.exit_code, 0) << "no '-- exit N' line";
  return expected;
}

// NAME.gen: each line is [COUNT] "TEXT", TEXT with the escapes \n, \t, \r,
// \" and \\; the script is the texts in order, each repeated COUNT times
// (once without a count).  Lines starting with '#' are comments.
std::string generate(const std::string& spec) {
  std::string script;
  for (const std::string& line : split_lines(spec)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t open = line.find('"');
    EXPECT_TRUE(open != std::string::npos && line.size() >= open + 2 && line.back() == '"') << line;
    if (open == std::string::npos || line.size() < open + 2) continue;
    const size_t count = open == 0 ? 1 : std::stoul(line.substr(0, open));
    std::string text;
    for (size_t i = open + 1; i + 1 < line.size(); ++i) {
      if (line[i] != '\\') {
        text += line[i];
        continue;
      }
      const char escaped = line[++i];
      text += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped;
    }
    for (size_t i = 0; i < count; ++i) script += text;
  }
  return script;
}

std::string shell_quoted(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// wang run as `wang NAME.smt2` in `directory`, so that messages name the
// input by its file name; `timeout` turns a hang into a failure.
Outcome run_wang(const fs::path& directory, const std::string& name) {
  const ProcessRun run = run_command("cd " + shell_quoted(directory.string()) + " && timeout 60 " +
                                     shell_quoted(wang_binary()) + " " + shell_quoted(name + ".smt2"));
  return {run.out, run.err, run.exit_code};
}

TEST(SmtlibBadInputs, EveryInputGetsItsExpectedResponses) {
  const std::vector<BadCase> cases = bad_cases();
  ASSERT_GE(cases.size(), 40u);
  const TempDir generated_dir("wang-smt2-bad");
  for (const BadCase& bad : cases) {
    SCOPED_TRACE(bad.name + (bad.generated ? ".gen" : ".smt2"));
    fs::path directory = kBadDir;
    if (bad.generated) {
      write_file(generated_dir.file(bad.name + ".smt2"), generate(read_file((kBadDir / (bad.name + ".gen")).string())));
      directory = generated_dir.path();
    }
    const Outcome expected = parse_expected(read_file((kBadDir / (bad.name + ".expected")).string()));
    const Outcome actual = run_wang(directory, bad.name);
    EXPECT_EQ(actual.out, expected.out);
    EXPECT_EQ(actual.err, expected.err);
    EXPECT_EQ(actual.exit_code, expected.exit_code);
  }
}

TEST(SmtlibBadInputs, EveryExpectationHasExactlyOneInput) {
  std::multiset<std::string> inputs;
  for (const BadCase& bad : bad_cases()) inputs.insert(bad.name);
  for (const auto& entry : fs::directory_iterator(kBadDir)) {
    if (entry.path().extension() != ".expected") continue;
    EXPECT_EQ(inputs.count(entry.path().stem().string()), 1u) << entry.path().filename();
  }
  for (const std::string& name : inputs) {
    EXPECT_EQ(inputs.count(name), 1u) << name << " has both a .smt2 and a .gen input";
    EXPECT_TRUE(fs::exists(kBadDir / (name + ".expected"))) << name << " has no .expected";
  }
}

TEST(SmtlibBadInputs, GeneratorSyntax) {
  EXPECT_EQ(generate("# a comment\n\"(a \"\n3 \"(b\"\n\"x\\\"y\\\\\\n\"\n"), "(a (b(b(bx\"y\\\n");
}

}  // namespace
}  // namespace wang::testing
