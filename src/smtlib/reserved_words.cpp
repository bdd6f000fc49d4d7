#include "smtlib/reserved_words.hpp"

#include <algorithm>

namespace wang::smtlib {

namespace {

constexpr ReservedWord kReservedWords[] = {
    {"let", Reserved::Let},           {"!", Reserved::Annotation}, {"as", Reserved::Qualified},
    {"_", Reserved::Indexed},         {"par", Reserved::Other},    {"forall", Reserved::Other},
    {"exists", Reserved::Other},      {"match", Reserved::Other},  {"NUMERAL", Reserved::Other},
    {"DECIMAL", Reserved::Other},     {"STRING", Reserved::Other}, {"BINARY", Reserved::Other},
    {"HEXADECIMAL", Reserved::Other},
};

}  // namespace

std::span<const ReservedWord> reserved_words() { return kReservedWords; }

bool is_reserved_word(std::string_view name) {
  return std::any_of(std::begin(kReservedWords), std::end(kReservedWords),
                     [&](const ReservedWord& word) { return word.word == name; });
}

}  // namespace wang::smtlib
