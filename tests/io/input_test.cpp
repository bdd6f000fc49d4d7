#include "io/input.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "io_test_support.hpp"

namespace wang::io::testing {
namespace {

// Bytes of every value, longer than the readers' 1 MiB buffers.
std::string random_bytes(size_t size) {
  std::mt19937 random(7);
  std::string bytes(size, '\0');
  for (char& byte : bytes) byte = static_cast<char>(random());
  return bytes;
}

// Text that compresses well but still spans several 1 MiB buffers.
std::string long_text() {
  std::string text;
  for (int i = 0; text.size() < (3u << 20); ++i)
    text += std::to_string(i) + " -" + std::to_string(i + 1) + " 0\n";
  return text;
}

std::string error_of_open_and_read(const std::string& path) {
  try {
    std::unique_ptr<ByteSource> source = open_input(path);
    read_all(*source);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(OpenInput, ReadsPlainFileUnchanged) {
  TempDir dir;
  const std::string bytes = random_bytes((5u << 20) / 2);
  write_file(dir.file("data"), bytes);
  std::unique_ptr<ByteSource> source = open_input(dir.file("data"));
  EXPECT_EQ(source->name(), dir.file("data"));
  EXPECT_EQ(read_all(*source), bytes);
  char byte;
  EXPECT_EQ(source->read(&byte, 1), 0u) << "the end is sticky";
}

TEST(OpenInput, ReadsInTinyPieces) {
  TempDir dir;
  write_file(dir.file("a.cnf"), "p cnf 1 1\n1 0\n");
  std::unique_ptr<ByteSource> source = open_input(dir.file("a.cnf"));
  EXPECT_EQ(read_all(*source, 1), "p cnf 1 1\n1 0\n");
}

TEST(OpenInput, EmptyAndShortFilesArePlain) {
  TempDir dir;
  for (std::string bytes : {std::string(), std::string("\x1f"), std::string("\x1f\x8a rest"),
                            std::string("\xfd"
                                        "7zXZ"),
                            std::string("p")}) {
    write_file(dir.file("f"), bytes);
    std::unique_ptr<ByteSource> source = open_input(dir.file("f"));
    EXPECT_EQ(read_all(*source), bytes);
  }
}

TEST(OpenInput, DetectsGzipByContentNotName) {
  TempDir dir;
  const std::string text = long_text();
  write_file(dir.file("formula"), gzip(text));
  std::unique_ptr<ByteSource> source = open_input(dir.file("formula"));
  EXPECT_EQ(source->name(), dir.file("formula"));
  EXPECT_EQ(read_all(*source), text);
}

TEST(OpenInput, DetectsXzByContentNotName) {
  TempDir dir;
  const std::string text = long_text();
  write_file(dir.file("formula.cnf"), xz(text));
  std::unique_ptr<ByteSource> source = open_input(dir.file("formula.cnf"));
  EXPECT_EQ(read_all(*source), text);
}

TEST(OpenInput, PlainFileNamedGzIsReadAsIs) {
  TempDir dir;
  write_file(dir.file("plain.cnf.gz"), "p cnf 0 0\n");
  std::unique_ptr<ByteSource> source = open_input(dir.file("plain.cnf.gz"));
  EXPECT_EQ(read_all(*source), "p cnf 0 0\n");
}

TEST(OpenInput, ReadsRandomBytesThroughGzipAndXz) {
  TempDir dir;
  const std::string bytes = random_bytes(3u << 20);
  write_file(dir.file("r.gz"), gzip(bytes));
  write_file(dir.file("r.xz"), xz(bytes));
  for (const char* name : {"r.gz", "r.xz"}) {
    std::unique_ptr<ByteSource> source = open_input(dir.file(name));
    EXPECT_EQ(read_all(*source, 4096), bytes) << name;
  }
}

TEST(OpenInput, ConcatenatedGzipMembersFormOneStream) {
  TempDir dir;
  write_file(dir.file("multi"), gzip("p cnf 2 2\n") + gzip("") + gzip("1 2 0\n") + gzip("-1 0\n"));
  std::unique_ptr<ByteSource> source = open_input(dir.file("multi"));
  EXPECT_EQ(read_all(*source, 3), "p cnf 2 2\n1 2 0\n-1 0\n");
}

TEST(OpenInput, ConcatenatedXzStreamsFormOneStream) {
  TempDir dir;
  write_file(dir.file("multi"), xz("p cnf 2 2\n") + xz("") + xz("1 2 0\n-1 0\n"));
  std::unique_ptr<ByteSource> source = open_input(dir.file("multi"));
  EXPECT_EQ(read_all(*source), "p cnf 2 2\n1 2 0\n-1 0\n");
}

TEST(OpenInput, MissingFileNamesTheFile) {
  TempDir dir;
  EXPECT_EQ(error_of_open_and_read(dir.file("nope.cnf")),
            dir.file("nope.cnf") + ": No such file or directory");
}

TEST(OpenInput, DirectoryIsAnError) {
  TempDir dir;
  std::filesystem::create_directory(dir.file("sub"));
  EXPECT_EQ(error_of_open_and_read(dir.file("sub")), dir.file("sub") + ": Is a directory");
}

TEST(OpenInput, UnreadableFileNamesTheFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root may read any file";
  TempDir dir;
  write_file(dir.file("secret"), "p cnf 0 0\n");
  std::filesystem::permissions(dir.file("secret"), std::filesystem::perms::none);
  EXPECT_EQ(error_of_open_and_read(dir.file("secret")), dir.file("secret") + ": Permission denied");
}

TEST(OpenInput, TruncatedGzipIsAnError) {
  TempDir dir;
  const std::string packed = gzip(long_text());
  for (size_t size : {size_t{2}, size_t{10}, packed.size() / 2, packed.size() - 1}) {
    write_file(dir.file("t.gz"), packed.substr(0, size));
    EXPECT_EQ(error_of_open_and_read(dir.file("t.gz")),
              dir.file("t.gz") + ": truncated gzip stream")
        << "cut at " << size;
  }
}

TEST(OpenInput, TruncatedXzIsAnError) {
  TempDir dir;
  const std::string packed = xz(long_text());
  for (size_t size : {size_t{6}, size_t{20}, packed.size() / 2, packed.size() - 1}) {
    write_file(dir.file("t.xz"), packed.substr(0, size));
    EXPECT_EQ(error_of_open_and_read(dir.file("t.xz")), dir.file("t.xz") + ": truncated xz stream")
        << "cut at " << size;
  }
}

TEST(OpenInput, CorruptGzipIsAnError) {
  TempDir dir;
  std::string packed = gzip(long_text());
  packed[packed.size() - 6] ^= 0x55;  // inside the CRC-32 of the trailer
  write_file(dir.file("c.gz"), packed);
  EXPECT_EQ(error_of_open_and_read(dir.file("c.gz")),
            dir.file("c.gz") + ": corrupt gzip stream: incorrect data check");
}

TEST(OpenInput, GarbageAfterGzipMemberIsAnError) {
  TempDir dir;
  write_file(dir.file("g.gz"), gzip("p cnf 0 0\n") + "junk");
  EXPECT_EQ(error_of_open_and_read(dir.file("g.gz")),
            dir.file("g.gz") + ": corrupt gzip stream: incorrect header check");
}

TEST(OpenInput, CorruptXzIsAnError) {
  TempDir dir;
  std::string packed = xz(long_text());
  packed[packed.size() / 2] ^= 0x55;
  write_file(dir.file("c.xz"), packed);
  EXPECT_EQ(error_of_open_and_read(dir.file("c.xz")), dir.file("c.xz") + ": corrupt xz stream");
}

// Replaces stdin with the read end of a pipe for the lifetime of the object.
class PipedStdin {
 public:
  PipedStdin() {
    int ends[2];
    if (pipe(ends) != 0) throw std::runtime_error("pipe failed");
    saved_stdin_ = dup(STDIN_FILENO);
    dup2(ends[0], STDIN_FILENO);
    close(ends[0]);
    write_end_ = ends[1];
  }
  PipedStdin(const PipedStdin&) = delete;
  PipedStdin& operator=(const PipedStdin&) = delete;
  ~PipedStdin() {
    dup2(saved_stdin_, STDIN_FILENO);
    close(saved_stdin_);
  }

  // Writes `bytes` from another thread, the first ones a byte at a time so
  // that the magic bytes arrive in separate reads, then closes the pipe.
  std::thread feed(std::string bytes) {
    return std::thread([fd = write_end_, bytes = std::move(bytes)] {
      for (size_t done = 0; done < bytes.size();) {
        size_t piece = done < 8 ? 1 : bytes.size() - done;
        ssize_t wrote = write(fd, bytes.data() + done, piece);
        if (wrote <= 0) break;
        done += static_cast<size_t>(wrote);
        if (done < 8) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      close(fd);
    });
  }

 private:
  int saved_stdin_ = -1;
  int write_end_ = -1;
};

TEST(OpenInput, StdinIsPeekedWithoutSeeking) {
  const std::string text = long_text();
  for (const std::string& bytes : {text, gzip(text), xz(text)}) {
    PipedStdin stdin_pipe;
    std::thread writer = stdin_pipe.feed(bytes);
    std::unique_ptr<ByteSource> source = open_input("-");
    EXPECT_EQ(source->name(), "<stdin>");
    EXPECT_EQ(read_all(*source), text);
    writer.join();
  }
}

}  // namespace
}  // namespace wang::io::testing
