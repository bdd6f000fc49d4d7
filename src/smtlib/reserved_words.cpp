#include "smtlib/reserved_words.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

struct ReservedWord {
  std::string_view word;
  Reserved reserved;
};

// SMT-LIB 2.6, section 3.1, with the command names of section 3.9.
constexpr ReservedWord kReservedWords[] = {
    {"!", Reserved::Annotation},
    {"BINARY", Reserved::Other},
    {"DECIMAL", Reserved::Other},
    {"HEXADECIMAL", Reserved::Other},
    {"NUMERAL", Reserved::Other},
    {"STRING", Reserved::Other},
    {"_", Reserved::Indexed},
    {"as", Reserved::Qualified},
    {"assert", Reserved::Other},
    {"check-sat", Reserved::Other},
    {"check-sat-assuming", Reserved::Other},
    {"declare-const", Reserved::Other},
    {"declare-datatype", Reserved::Other},
    {"declare-datatypes", Reserved::Other},
    {"declare-fun", Reserved::Other},
    {"declare-sort", Reserved::Other},
    {"define-const", Reserved::Other},
    {"define-fun", Reserved::Other},
    {"define-fun-rec", Reserved::Other},
    {"define-funs-rec", Reserved::Other},
    {"define-sort", Reserved::Other},
    {"echo", Reserved::Other},
    {"exists", Reserved::Other},
    {"exit", Reserved::Other},
    {"forall", Reserved::Other},
    {"get-assertions", Reserved::Other},
    {"get-assignment", Reserved::Other},
    {"get-info", Reserved::Other},
    {"get-model", Reserved::Other},
    {"get-option", Reserved::Other},
    {"get-proof", Reserved::Other},
    {"get-unsat-assumptions", Reserved::Other},
    {"get-unsat-core", Reserved::Other},
    {"get-value", Reserved::Other},
    {"let", Reserved::Let},
    {"match", Reserved::Other},
    {"par", Reserved::Other},
    {"pop", Reserved::Other},
    {"push", Reserved::Other},
    {"reset", Reserved::Other},
    {"reset-assertions", Reserved::Other},
    {"set-info", Reserved::Other},
    {"set-logic", Reserved::Other},
    {"set-option", Reserved::Other},
};

// Every symbol token of a term is looked up here, nearly always in vain:
// for each first character, the lengths of the reserved words that start
// with it (bit n for length n) rule out most symbols in two operations.
constexpr size_t kMaxLength = 31;
constexpr std::array<uint32_t, 256> lengths_by_first_character() {
  std::array<uint32_t, 256> lengths{};
  for (const ReservedWord& word : kReservedWords) {
    lengths[static_cast<unsigned char>(word.word[0])] |= uint32_t{1} << word.word.size();
  }
  return lengths;
}
constexpr std::array<uint32_t, 256> kLengths = lengths_by_first_character();
static_assert(std::all_of(std::begin(kReservedWords), std::end(kReservedWords),
                          [](const ReservedWord& word) { return word.word.size() <= kMaxLength; }));

const ReservedWord* find_word(std::string_view name) {
  if (name.empty() || name.size() > kMaxLength ||
      !(kLengths[static_cast<unsigned char>(name[0])] >> name.size() & 1)) {
    return nullptr;
  }
  const auto found = std::find_if(std::begin(kReservedWords), std::end(kReservedWords),
                                  [&](const ReservedWord& word) { return word.word == name; });
  return found == std::end(kReservedWords) ? nullptr : found;
}

}  // namespace

std::optional<Reserved> reserved_word(const Token& token) {
  if (!token.is(TokenKind::Symbol) || token.quoted) return std::nullopt;
  const ReservedWord* word = find_word(token.text);
  if (!word) return std::nullopt;
  return word->reserved;
}

bool is_reserved_word(std::string_view name) { return find_word(name) != nullptr; }

bool is_solver_symbol(std::string_view name) { return name.starts_with('@') || name.starts_with('.'); }

void require_declarable(const Token& token) {
  if (token.quoted) return;
  if (is_reserved_word(token.text)) {
    throw Error(token.position, in_quotes(token.text) + " is a reserved word and cannot be declared (" +
                                    quote_symbol(token.text) + " can)");
  }
}

}  // namespace wang::smtlib
