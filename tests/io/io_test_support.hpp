// Helpers shared by the input-layer tests: temporary files, in-memory
// compression, and a source and a sink that work on strings and vectors.
#pragma once

#include <gtest/gtest.h>
#include <lzma.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/dimacs.hpp"
#include "io/input.hpp"
#include "support/temp_dir.hpp"

namespace wang::io::testing {

using wang::testing::TempDir;

inline void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One complete gzip member holding `text`.
inline std::string gzip(const std::string& text) {
  z_stream stream{};
  // 15 + 16: the largest window, with a gzip rather than a zlib wrapper.
  if (deflateInit2(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

// One complete .xz stream holding `text`.
inline std::string xz(const std::string& text) {
  std::string out(lzma_stream_buffer_bound(text.size()), '\0');
  size_t size = 0;
  lzma_ret status = lzma_easy_buffer_encode(
      1, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(text.data()), text.size(),
      reinterpret_cast<uint8_t*>(out.data()), &size, out.size());
  if (status != LZMA_OK) throw std::runtime_error("lzma_easy_buffer_encode failed");
  out.resize(size);
  return out;
}

// Reads `source` to its end in reads of at most `chunk` bytes.
inline std::string read_all(ByteSource& source, size_t chunk = 1 << 16) {
  std::string text;
  std::vector<char> buffer(chunk);
  while (size_t got = source.read(buffer.data(), buffer.size())) text.append(buffer.data(), got);
  return text;
}

// Serves a string in pieces of at most `chunk` bytes, so that tests can put
// the parser's buffer boundaries anywhere.
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string text, size_t chunk = SIZE_MAX, std::string name = "test.cnf")
      : text_(std::move(text)), chunk_(chunk), name_(std::move(name)) {}
  size_t read(char* buffer, size_t capacity) override {
    size_t count = std::min({capacity, chunk_, text_.size() - position_});
    std::copy_n(text_.data() + position_, count, buffer);
    position_ += count;
    return count;
  }
  const std::string& name() const override { return name_; }

 private:
  std::string text_;
  size_t chunk_;
  std::string name_;
  size_t position_ = 0;
};

struct RecordingSink final : DimacsSink {
  void header(int variables, int64_t clauses) override {
    ++headers;
    declared_variables = variables;
    declared_clauses = clauses;
  }
  void clause(std::span<const int> literals) override {
    EXPECT_EQ(headers, 1) << "a clause arrived before the header";
    clauses.emplace_back(literals.begin(), literals.end());
  }

  int headers = 0;
  int declared_variables = -1;
  int64_t declared_clauses = -1;
  std::vector<std::vector<int>> clauses;
};

}  // namespace wang::io::testing
