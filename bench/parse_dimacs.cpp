// Throughput of the DIMACS reader on a large random 3-SAT formula, read from
// a file through open_input as the solver reads its input.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>

#include "io/dimacs.hpp"
#include "io/input.hpp"

namespace {

constexpr int kVariables = 1'000'000;
constexpr size_t kTargetBytes = 50u << 20;

class CountingSink final : public wang::io::DimacsSink {
 public:
  void header(int, int64_t) override {}
  void clause(std::span<const int> literals) override { literals_ += literals.size(); }
  size_t literals() const { return literals_; }

 private:
  size_t literals_ = 0;
};

std::string random_3sat(size_t target_bytes) {
  std::mt19937_64 random(20240601);
  std::uniform_int_distribution<int> variable(1, kVariables);
  std::string clauses;
  clauses.reserve(target_bytes + 64);
  int64_t count = 0;
  while (clauses.size() < target_bytes) {
    for (int i = 0; i < 3; ++i) {
      if (random() & 1) clauses += '-';
      clauses += std::to_string(variable(random));
      clauses += ' ';
    }
    clauses += "0\n";
    ++count;
  }
  return "p cnf " + std::to_string(kVariables) + " " + std::to_string(count) + "\n" + clauses;
}

// The formula, written once to a temporary file that is removed at exit.
class FormulaFile {
 public:
  FormulaFile() {
    char path[] = "/tmp/wang-bench-parse-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    path_ = path;
    std::string text = random_3sat(kTargetBytes);
    size_ = static_cast<int64_t>(text.size());
    for (size_t done = 0; done < text.size();) {
      ssize_t wrote = write(fd, text.data() + done, text.size() - done);
      if (wrote <= 0) throw std::runtime_error("cannot write " + path_);
      done += static_cast<size_t>(wrote);
    }
    close(fd);
  }
  ~FormulaFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }
  int64_t size() const { return size_; }

 private:
  std::string path_;
  int64_t size_ = 0;
};

const FormulaFile& formula_file() {
  static const FormulaFile file;
  return file;
}

void BM_ParseDimacsFile(benchmark::State& state) {
  const FormulaFile& file = formula_file();
  for (auto _ : state) {
    std::unique_ptr<wang::io::ByteSource> source = wang::io::open_input(file.path());
    CountingSink sink;
    wang::io::DimacsSummary summary = wang::io::read_dimacs(*source, sink);
    benchmark::DoNotOptimize(sink.literals());
    benchmark::DoNotOptimize(summary.clauses);
  }
  state.SetBytesProcessed(state.iterations() * file.size());
}
BENCHMARK(BM_ParseDimacsFile)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
