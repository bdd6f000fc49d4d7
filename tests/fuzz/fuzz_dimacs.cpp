// libFuzzer target: the DIMACS reader (src/io) on arbitrary bytes.
//
// The first byte chooses how the input is read: through `open_input` on an
// in-memory file (so that gzip and xz content is recognised by its magic
// bytes and decompressed) or through a ByteSource handing out the bytes in
// small pieces (token boundaries at every buffer end), strict or lenient.
// Whatever the reader accepts must be consistent with its summary, and
// small formulas are then solved: a model must satisfy every clause.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "io/dimacs.hpp"
#include "io/input.hpp"
#include "wang/sat.hpp"

namespace {

class PieceSource final : public wang::io::ByteSource {
 public:
  PieceSource(const uint8_t* data, size_t size, size_t piece) : data_(data), size_(size), piece_(piece) {}

  size_t read(char* buffer, size_t capacity) override {
    const size_t n = std::min({capacity, size_ - offset_, piece_});
    std::memcpy(buffer, data_ + offset_, n);
    offset_ += n;
    return n;
  }
  const std::string& name() const override { return name_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t piece_;
  size_t offset_ = 0;
  std::string name_ = "fuzz.cnf";
};

class Collect final : public wang::io::DimacsSink {
 public:
  void header(int variables, int64_t clauses) override {
    ++headers;
    declared_variables = variables;
    declared_clauses = clauses;
  }
  void clause(std::span<const int> literals) override {
    literals_ += literals.size();
    if (literals_ <= kKeep) clauses.emplace_back(literals.begin(), literals.end());
    ++count;
  }

  static constexpr size_t kKeep = 20000;
  int headers = 0;
  int declared_variables = 0;
  int64_t declared_clauses = 0;
  int64_t count = 0;
  size_t literals_ = 0;
  std::vector<std::vector<int>> clauses;
};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_dimacs: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  ++data, --size;
  wang::io::DimacsOptions options;
  options.lenient = mode & 2;
  Collect sink;
  wang::io::DimacsSummary summary;
  try {
    if (mode & 1) {
      // through open_input, on an in-memory file
      const int fd = memfd_create("fuzz-dimacs", 0);
      if (fd < 0) return 0;
      size_t written = 0;
      while (written < size) {
        const ssize_t n = write(fd, data + written, size - written);
        if (n <= 0) break;
        written += static_cast<size_t>(n);
      }
      lseek(fd, 0, SEEK_SET);
      const std::string path = "/proc/self/fd/" + std::to_string(fd);
      try {
        auto source = wang::io::open_input(path);
        summary = wang::io::read_dimacs(*source, sink, options);
      } catch (...) {
        close(fd);
        throw;
      }
      close(fd);
    } else {
      PieceSource source(data, size, 1 + (mode >> 2) % 61);
      summary = wang::io::read_dimacs(source, sink, options);
    }
  } catch (const wang::io::ParseError& error) {
    if (error.line() < 1 || error.column() < 1) fail("error position below 1:1");
    return 0;
  } catch (const wang::io::InputError&) {
    return 0;
  }
  // What was accepted is consistent with the summary, and strict reading
  // accepts no formula with clauses missing (a file cut short).
  if (sink.count != summary.clauses) fail("clause count differs from the summary");
  if (!options.lenient && summary.clauses != summary.declared_clauses) fail("a clause count unlike the header's");
  int max_variable = 0;
  for (const auto& clause : sink.clauses) {
    for (const int lit : clause) {
      if (lit == 0) fail("a literal 0 inside a clause");
      if (lit == INT32_MIN || std::abs(lit) > wang::io::kMaxVariable) fail("literal out of range");
      max_variable = std::max(max_variable, std::abs(lit));
      if (!options.lenient && std::abs(lit) > summary.declared_variables) fail("literal beyond the header accepted");
    }
  }
  if (sink.literals_ <= Collect::kKeep && max_variable != summary.max_variable) fail("max variable differs");
  // Small formulas: solve with a conflict limit; a model must satisfy them.
  if (sink.literals_ <= Collect::kKeep && max_variable <= 2000) {
    wang::sat::Solver solver;
    wang::sat::Limits limits;
    limits.conflicts = 2000;
    solver.set_limits(limits);
    for (const auto& clause : sink.clauses) solver.add_clause(clause);
    if (solver.solve() == wang::sat::Result::satisfiable) {
      for (const auto& clause : sink.clauses) {
        bool satisfied = false;
        for (const int lit : clause) satisfied = satisfied || solver.value(lit) == lit;
        if (!satisfied) fail("the model falsifies a clause");
      }
    }
  }
  return 0;
}
