// libFuzzer target: the SMT-LIB lexer, parser and command interpreter
// (src/smtlib) on arbitrary text, with models checked (the interpreter
// evaluates every assertion in the model before it prints sat) and unsat
// cores and failed assumptions re-solved (check_models).
//
// The first byte chooses the size of the pieces the lexer receives.  Each
// check runs under a conflict limit, a deadline and a memory limit; inputs
// with numerals above 4096 are skipped, since (_ BitVec 100000000) or
// (_ repeat 100000000) ask for memory by design rather than by a bug.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>

#include "smtlib/interpreter.hpp"
#include "smtlib/lexer.hpp"

namespace {

bool has_large_numeral(const std::string& text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == '|') {  // quoted symbol: skip it
      const size_t end = text.find('|', i + 1);
      if (end == std::string::npos) return false;
      i = end + 1;
    } else if (c == '"') {
      const size_t end = text.find('"', i + 1);
      if (end == std::string::npos) return false;
      i = end + 1;
    } else if (c >= '0' && c <= '9' && (i == 0 || std::string_view("() \t\r\n").find(text[i - 1]) != std::string::npos)) {
      size_t j = i;
      while (j < n && text[j] >= '0' && text[j] <= '9') ++j;
      if (j - i > 4 || std::stoul(text.substr(i, j - i)) > 4096) return true;
      i = j;
    } else {
      ++i;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t piece = 1 + data[0] % 97;
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (has_large_numeral(text)) return -1;
  wang::smtlib::InterpreterConfig config;
  config.version = "fuzz";
  config.check_models = true;
  config.limits.conflicts = 500;
  config.limits.memory_mib = 1024;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  config.limits.deadline = deadline;
  config.stop_requested = [deadline]() -> std::optional<wang::sat::StopReason> {
    if (std::chrono::steady_clock::now() >= deadline) return wang::sat::StopReason::time_limit;
    return std::nullopt;
  };
  std::ostringstream out, err;
  {
    wang::smtlib::Interpreter interpreter(std::move(config), out, err);
    wang::smtlib::StringSource source(std::move(text), piece);
    interpreter.run(source, "fuzz");
  }
  // An internal error (a wrong model, an unsat core that is satisfiable) is
  // reported on the diagnostic channel; it is a bug whatever the input.
  if (err.str().find("internal error") != std::string::npos) {
    std::fprintf(stderr, "fuzz_smtlib: %s\n", err.str().c_str());
    std::abort();
  }
  return 0;
}
