// Driving the SMT-LIB front end on strings in tests.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "smtlib/interpreter.hpp"
#include "smtlib/lexer.hpp"

namespace wang::testing {

struct ScriptRun {
  std::string out;
  std::string err;
};

// Runs `script` (named "test" in error messages), handed to the lexer in
// pieces of `chunk` bytes.
inline ScriptRun run_script(const std::string& script, smtlib::InterpreterConfig config = {}, size_t chunk = SIZE_MAX) {
  std::ostringstream out, err;
  {
    config.version = "test-version";
    smtlib::Interpreter interpreter(std::move(config), out, err);
    smtlib::StringSource source(script, chunk);
    interpreter.run(source, "test");
  }
  return {out.str(), err.str()};
}

// A configuration that explains each `unsupported` on stderr.
inline smtlib::InterpreterConfig explaining() {
  smtlib::InterpreterConfig config;
  config.explain_unsupported = true;
  return config;
}


// The standard output of `script`.
inline std::string responses(const std::string& script) { return run_script(script).out; }

// The error response for `message` at line:column of the "test" input.
inline std::string error_at(int line, int column, const std::string& message) {
  return "(error \"test:" + std::to_string(line) + ":" + std::to_string(column) + ": " + message + "\")\n";
}

inline std::string repeat(const std::string& text, size_t times) {
  std::string result;
  result.reserve(text.size() * times);
  for (size_t i = 0; i < times; ++i) result += text;
  return result;
}

}  // namespace wang::testing
