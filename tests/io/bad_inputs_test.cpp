// Runs every malformed input of tests/inputs/dimacs-bad and checks its
// diagnostic word for word; see the README.md there for the conventions.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "io/dimacs.hpp"
#include "io/input.hpp"
#include "io_test_support.hpp"

namespace wang::io::testing {
namespace {

const std::filesystem::path kBadDir =
    std::filesystem::path(WANG_SOURCE_DIR) / "tests/inputs/dimacs-bad";

// "NAME" for NAME.cnf, NAME.cnf.gz and NAME.cnf.xz; empty for other files.
std::string case_name(const std::string& file) {
  for (const char* suffix : {".cnf", ".cnf.gz", ".cnf.xz"}) {
    const std::string s = suffix;
    if (file.size() > s.size() && file.ends_with(s)) return file.substr(0, file.size() - s.size());
  }
  return "";
}

struct BadCase {
  std::string name;
  std::string input;  // file name within kBadDir
};

std::vector<BadCase> bad_cases() {
  std::vector<BadCase> cases;
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    const std::string file = entry.path().filename().string();
    if (std::string name = case_name(file); !name.empty()) cases.push_back({name, file});
  }
  std::sort(cases.begin(), cases.end(),
            [](const BadCase& a, const BadCase& b) { return a.name < b.name; });
  return cases;
}

std::string expected_line(const std::string& name) {
  std::string text = read_file((kBadDir / (name + ".expected")).string());
  if (text.ends_with('\n')) text.pop_back();
  return text;
}

// The diagnostic for `path`, checking on the way that a ParseError's parts
// add up to its message.
std::string diagnostic_of(const std::string& path) {
  try {
    std::unique_ptr<ByteSource> source = open_input(path);
    RecordingSink sink;
    read_dimacs(*source, sink);
  } catch (const ParseError& error) {
    EXPECT_EQ(error.file(), path);
    EXPECT_GE(error.line(), 1);
    EXPECT_GE(error.column(), 1);
    EXPECT_EQ(std::string(error.what()), error.file() + ":" + std::to_string(error.line()) + ":" +
                                             std::to_string(error.column()) + ": " +
                                             error.message());
    return error.what();
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

TEST(BadInputs, EveryInputIsRejectedWithItsExpectedDiagnostic) {
  const std::vector<BadCase> cases = bad_cases();
  ASSERT_GE(cases.size(), 15u);
  for (const BadCase& bad : cases) {
    SCOPED_TRACE(bad.input);
    const std::string expected = expected_line(bad.name);
    ASSERT_EQ(expected.find('\n'), std::string::npos) << "one line expected";
    ASSERT_TRUE(expected.starts_with(bad.input + ":")) << "must start with the input's name";
    EXPECT_EQ(diagnostic_of((kBadDir / bad.input).string()), kBadDir.string() + "/" + expected);
  }
}

TEST(BadInputs, EveryExpectationHasExactlyOneInput) {
  std::multiset<std::string> inputs;
  for (const BadCase& bad : bad_cases()) inputs.insert(bad.name);
  for (const auto& entry : std::filesystem::directory_iterator(kBadDir)) {
    if (entry.path().extension() != ".expected") continue;
    EXPECT_EQ(inputs.count(entry.path().stem().string()), 1u) << entry.path().filename();
  }
  for (const std::string& name : inputs) {
    EXPECT_TRUE(std::filesystem::exists(kBadDir / (name + ".expected")))
        << name << " has no .expected";
  }
}

}  // namespace
}  // namespace wang::io::testing
