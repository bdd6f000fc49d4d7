// Which reader an input goes to: --lang, else the file name, else the
// first significant character of the content.
#pragma once

#include <string>

#include "cli/settings.hpp"
#include "io/input.hpp"

namespace wang::cli {

enum class Language { dimacs, smt2 };

// An input whose first bytes can be inspected and are then read again, so
// that the language of a pipe can be recognised without losing anything.
class SniffingSource final : public io::ByteSource {
 public:
  explicit SniffingSource(io::ByteSource& input) : input_(input) {}
  size_t read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return input_.name(); }

  // The first character that is neither white space nor part of a ';'
  // comment line, or 0 at the end of the input.
  char first_significant();

 private:
  io::ByteSource& input_;
  std::string prefix_;  // read from input_ but not yet handed out
  size_t handed_out_ = 0;
};

// Reads into `input` only when neither --lang nor the file name decides.
Language choose_language(const Settings& settings, SniffingSource& input);

}  // namespace wang::cli
