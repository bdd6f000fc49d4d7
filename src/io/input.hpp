// Byte sources for solver inputs: plain files, stdin, and gzip/xz compressed
// files, recognised by their magic bytes rather than by their names.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>

namespace wang::io {

// An input could not be opened or read (missing file, corrupt compressed
// stream).  `what()` is the full message, starting with the file name.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `buffer`; returns 0 only at the end.
  // Throws InputError on a read or decompression failure.
  virtual size_t read(char* buffer, size_t capacity) = 0;
  // The name used in diagnostics: the path, or "<stdin>".
  virtual const std::string& name() const = 0;
};

// Opens `path` ("-" means stdin), decompressing gzip or xz content when the
// first bytes say so.  Throws InputError when the file cannot be opened.
std::unique_ptr<ByteSource> open_input(const std::string& path);

}  // namespace wang::io
