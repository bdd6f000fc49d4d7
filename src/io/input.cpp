#include "io/input.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>

#define ZLIB_CONST  // lets zlib take const input pointers
#include <lzma.h>
#include <zlib.h>

namespace wang::io {
namespace {

// Large enough that read(2) and the decompressors run in long stretches.
constexpr size_t kChunkSize = size_t{1} << 20;

constexpr unsigned char kGzipMagic[] = {0x1f, 0x8b};
constexpr unsigned char kXzMagic[] = {0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00};

[[noreturn]] void fail(const std::string& name, const std::string& message) {
  throw InputError(name + ": " + message);
}

// The raw bytes of a file or of stdin, read in large chunks.  The first chunk
// can be peeked at without consuming it, which is how compression is detected
// on pipes, where seeking back is impossible.
class RawInput {
 public:
  explicit RawInput(const std::string& path)
      : name_(path == "-" ? "<stdin>" : path), chunk_(new unsigned char[kChunkSize]) {
    if (path == "-") {
      fd_ = STDIN_FILENO;
      return;
    }
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) fail(name_, std::strerror(errno));
    owns_fd_ = true;
    // Only a hint for the kernel's read-ahead, so its result does not matter.
    (void)::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  RawInput(const RawInput&) = delete;
  RawInput& operator=(const RawInput&) = delete;
  ~RawInput() {
    if (owns_fd_) ::close(fd_);
  }

  const std::string& name() const { return name_; }

  // The buffered bytes, after reading until there are at least `count` of
  // them or the input ends.
  std::span<const unsigned char> peek(size_t count) {
    while (end_ - begin_ < count) {
      size_t got = read_raw(chunk_.get() + end_, kChunkSize - end_);
      if (got == 0) break;
      end_ += got;
    }
    return {chunk_.get() + begin_, end_ - begin_};
  }

  // Consumes and returns the next bytes, buffered ones first; empty at the end.
  std::span<const unsigned char> next_chunk() {
    if (begin_ == end_) {
      begin_ = 0;
      end_ = read_raw(chunk_.get(), kChunkSize);
    }
    std::span<const unsigned char> bytes(chunk_.get() + begin_, end_ - begin_);
    begin_ = end_;
    return bytes;
  }

  // Like next_chunk, but into the caller's buffer, so that uncompressed input
  // is copied only once.
  size_t read_into(char* buffer, size_t capacity) {
    if (begin_ == end_) return read_raw(buffer, capacity);
    size_t count = std::min(capacity, end_ - begin_);
    std::memcpy(buffer, chunk_.get() + begin_, count);
    begin_ += count;
    return count;
  }

 private:
  size_t read_raw(void* buffer, size_t capacity) {
    for (;;) {
      ssize_t got = ::read(fd_, buffer, capacity);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) fail(name_, std::strerror(errno));
    }
  }

  std::string name_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::unique_ptr<unsigned char[]> chunk_;
  size_t begin_ = 0;
  size_t end_ = 0;
};

class PlainSource final : public ByteSource {
 public:
  explicit PlainSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {}
  size_t read(char* buffer, size_t capacity) override { return raw_->read_into(buffer, capacity); }
  const std::string& name() const override { return raw_->name(); }

 private:
  std::unique_ptr<RawInput> raw_;
};

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {
    // 15 + 32: the largest window, with the gzip or zlib header detected.
    if (inflateInit2(&stream_, 15 + 32) != Z_OK) fail(name(), "cannot initialise zlib");
  }
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  ~GzipSource() override { inflateEnd(&stream_); }

  const std::string& name() const override { return raw_->name(); }

  size_t read(char* buffer, size_t capacity) override {
    if (capacity == 0) return 0;
    stream_.next_out = reinterpret_cast<Bytef*>(buffer);
    stream_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, UINT32_MAX));
    const uInt room = stream_.avail_out;
    // A member may end without producing anything, so loop until there is
    // output or the input ends; returning 0 would signal the end.
    while (stream_.avail_out == room && !finished_) inflate_some();
    return room - stream_.avail_out;
  }

 private:
  void inflate_some() {
    if (stream_.avail_in == 0) {
      std::span<const unsigned char> input = raw_->next_chunk();
      if (input.empty()) {
        if (in_member_) fail(name(), "truncated gzip stream");
        finished_ = true;
        return;
      }
      stream_.next_in = input.data();
      stream_.avail_in = static_cast<uInt>(input.size());
    }
    in_member_ = true;
    int status = inflate(&stream_, Z_NO_FLUSH);
    if (status == Z_STREAM_END) {
      // Concatenated members (as written by `cat a.gz b.gz`) form one stream.
      in_member_ = false;
      inflateReset(&stream_);
    } else if (status == Z_MEM_ERROR) {
      fail(name(), "out of memory while decompressing");
    } else if (status != Z_OK) {
      std::string detail = stream_.msg ? std::string(": ") + stream_.msg : "";
      fail(name(), "corrupt gzip stream" + detail);
    }
  }

  std::unique_ptr<RawInput> raw_;
  z_stream stream_{};
  bool in_member_ = false;
  bool finished_ = false;
};

class XzSource final : public ByteSource {
 public:
  explicit XzSource(std::unique_ptr<RawInput> raw) : raw_(std::move(raw)) {
    // LZMA_CONCATENATED accepts several .xz streams back to back, like xz(1).
    if (lzma_stream_decoder(&stream_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
      fail(name(), "cannot initialise liblzma");
    }
  }
  XzSource(const XzSource&) = delete;
  XzSource& operator=(const XzSource&) = delete;
  ~XzSource() override { lzma_end(&stream_); }

  const std::string& name() const override { return raw_->name(); }

  size_t read(char* buffer, size_t capacity) override {
    if (capacity == 0) return 0;
    stream_.next_out = reinterpret_cast<uint8_t*>(buffer);
    stream_.avail_out = capacity;
    while (stream_.avail_out == capacity && !finished_) decode_some();
    return capacity - stream_.avail_out;
  }

 private:
  void decode_some() {
    if (stream_.avail_in == 0 && !input_ended_) {
      std::span<const unsigned char> input = raw_->next_chunk();
      input_ended_ = input.empty();
      stream_.next_in = input.data();
      stream_.avail_in = input.size();
    }
    // With LZMA_CONCATENATED the decoder only knows the input is complete
    // when told so by LZMA_FINISH.
    lzma_ret status = lzma_code(&stream_, input_ended_ ? LZMA_FINISH : LZMA_RUN);
    switch (status) {
      case LZMA_OK:
        return;
      case LZMA_STREAM_END:
        finished_ = true;
        return;
      case LZMA_BUF_ERROR:
        fail(name(), "truncated xz stream");
      case LZMA_MEM_ERROR:
      case LZMA_MEMLIMIT_ERROR:
        fail(name(), "out of memory while decompressing");
      case LZMA_OPTIONS_ERROR:
        fail(name(), "unsupported xz options");
      default:
        fail(name(), "corrupt xz stream");
    }
  }

  std::unique_ptr<RawInput> raw_;
  lzma_stream stream_ = LZMA_STREAM_INIT;
  bool input_ended_ = false;
  bool finished_ = false;
};

template <size_t N>
bool starts_with(std::span<const unsigned char> bytes, const unsigned char (&magic)[N]) {
  return bytes.size() >= N && std::memcmp(bytes.data(), magic, N) == 0;
}

}  // namespace

std::unique_ptr<ByteSource> open_input(const std::string& path) {
  auto raw = std::make_unique<RawInput>(path);
  // No more bytes than it takes to tell: on a pipe, an interactive SMT-LIB
  // client's first command (or a stray ')') can be shorter than the xz magic,
  // and waiting for more would hold its response back.
  const std::span<const unsigned char> first = raw->peek(1);
  if (first.empty()) return std::make_unique<PlainSource>(std::move(raw));
  if (first[0] == kGzipMagic[0] && starts_with(raw->peek(sizeof kGzipMagic), kGzipMagic)) {
    return std::make_unique<GzipSource>(std::move(raw));
  }
  if (first[0] == kXzMagic[0] && starts_with(raw->peek(sizeof kXzMagic), kXzMagic)) {
    return std::make_unique<XzSource>(std::move(raw));
  }
  return std::make_unique<PlainSource>(std::move(raw));
}

}  // namespace wang::io
