#include "cli/language.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace wang::cli {

namespace {

bool ends_with_any(const std::string& path, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view suffix) { return path.ends_with(suffix); });
}

}  // namespace

size_t SniffingSource::read(char* buffer, size_t capacity) {
  if (handed_out_ == prefix_.size()) return input_.read(buffer, capacity);
  const size_t count = std::min(capacity, prefix_.size() - handed_out_);
  std::memcpy(buffer, prefix_.data() + handed_out_, count);
  handed_out_ += count;
  return count;
}

// Pulls more input only while the bytes seen so far are all white space
// and comments, so that an interactive client is never kept waiting.
char SniffingSource::first_significant() {
  bool in_comment = false;
  for (size_t i = 0;; ++i) {
    if (i == prefix_.size()) {
      std::array<char, 4096> chunk;
      const size_t got = input_.read(chunk.data(), chunk.size());
      if (got == 0) return 0;
      prefix_.append(chunk.data(), got);
    }
    const char c = prefix_[i];
    if (in_comment) {
      in_comment = c != '\n';
    } else if (c == ';') {
      in_comment = true;
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      return c;
    }
  }
}

Language choose_language(const Settings& settings, SniffingSource& input) {
  if (settings.language == "smt2") return Language::smt2;
  if (settings.language == "dimacs") return Language::dimacs;
  if (ends_with_any(settings.input, {".smt2", ".smt"})) return Language::smt2;
  if (ends_with_any(settings.input, {".cnf", ".cnf.gz", ".cnf.xz", ".dimacs"})) return Language::dimacs;
  // DIMACS starts with 'p' or a 'c' comment line; anything but '(' is left
  // to the DIMACS reader, whose diagnostics explain what it expected.
  return input.first_significant() == '(' ? Language::smt2 : Language::dimacs;
}

}  // namespace wang::cli
