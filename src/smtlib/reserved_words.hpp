// The reserved words of SMT-LIB 2.6 (section 3.1) that can appear in terms:
// they never name a term, and a symbol spelled like one must be printed in
// |...|.  Four of them start the special term forms of QF_BV.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace wang::smtlib {

enum class Reserved : uint8_t { Let, Annotation, Qualified, Indexed, Other };

struct ReservedWord {
  std::string_view word;
  Reserved reserved;
};

std::span<const ReservedWord> reserved_words();
bool is_reserved_word(std::string_view name);

}  // namespace wang::smtlib
