// Throughput of the SMT-LIB front end: lexing, parsing, sort checking and
// building hash-consed terms for a large generated QF_BV script, run by the
// command interpreter from memory.  The script declares constants and then
// defines many terms with define-fun (with let, indexed operators, literals
// and comments), so nothing is bit-blasted: only the front end is measured.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <ostream>
#include <random>
#include <streambuf>
#include <string>

#include "smtlib/interpreter.hpp"
#include "smtlib/lexer.hpp"

namespace {

constexpr size_t kTargetBytes = 16u << 20;
constexpr int kConstants = 2000;

class NullBuffer final : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::string generated_script() {
  std::mt19937_64 rng(42);
  auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  std::string text = "(set-info :smt-lib-version 2.6)\n(set-logic QF_BV)\n";
  for (int i = 0; i < kConstants; ++i) text += "(declare-fun x" + std::to_string(i) + " () (_ BitVec 32))\n";
  int defined = 0;
  // An operand: a declared constant, an earlier definition or a literal.
  auto operand = [&]() -> std::string {
    switch (pick(4)) {
      case 0:
        if (defined > 0) return "d" + std::to_string(pick(defined));
        [[fallthrough]];
      case 1:
      case 2:
        return "x" + std::to_string(pick(kConstants));
      default: {
        char literal[16];
        std::snprintf(literal, sizeof literal, "#x%08x", static_cast<unsigned>(rng()));
        return literal;
      }
    }
  };
  static const char* const kBinary[] = {"bvadd", "bvmul", "bvand", "bvor", "bvxor", "bvsub", "bvshl", "bvlshr"};
  static const char* const kCompare[] = {"bvult", "bvule", "bvslt", "bvsge", "="};
  while (text.size() < kTargetBytes) {
    if (pick(8) == 0) text += "; definition " + std::to_string(defined) + " of a generated benchmark\n";
    const std::string a = operand(), b = operand(), c = operand(), d = operand();
    text += "(define-fun d" + std::to_string(defined) + " () (_ BitVec 32)\n  (let ((a (" + kBinary[pick(8)] + " " +
            a + " " + b + ")) (b (" + kBinary[pick(8)] + " " + c + " (_ bv" + std::to_string(pick(1000)) +
            " 32))))\n    (ite (" + kCompare[pick(5)] + " a " + d + ") (bvxor a ((_ extract 31 0) (concat b " + c +
            "))) (bvnot (" + kBinary[pick(8)] + " b ((_ zero_extend 16) ((_ extract 15 0) a)))))))\n";
    ++defined;
  }
  text += "(exit)\n";
  return text;
}

const std::string& script() {
  static const std::string text = generated_script();
  return text;
}

void BM_ParseSmtlib(benchmark::State& state) {
  const std::string& text = script();
  NullBuffer null_buffer;
  std::ostream null_stream(&null_buffer);
  for (auto _ : state) {
    state.PauseTiming();
    auto source = std::make_unique<wang::smtlib::StringSource>(text);
    auto interpreter = std::make_unique<wang::smtlib::Interpreter>(wang::smtlib::InterpreterConfig{}, null_stream,
                                                                   null_stream);
    state.ResumeTiming();
    interpreter->run(*source, "generated.smt2");
    state.PauseTiming();
    interpreter.reset();  // freeing the terms is not parsing
    state.ResumeTiming();
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseSmtlib)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
