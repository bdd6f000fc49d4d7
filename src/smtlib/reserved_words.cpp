#include "smtlib/reserved_words.hpp"

#include <algorithm>
#include <string>

#include "smtlib/printing.hpp"

namespace wang::smtlib {

namespace {

struct ReservedWord {
  std::string_view word;
  Reserved reserved;
};

constexpr ReservedWord kReservedWords[] = {
    {"let", Reserved::Let},
    {"!", Reserved::Annotation},
    {"as", Reserved::Qualified},
    {"_", Reserved::Indexed},
    {"par", Reserved::Other},
    {"forall", Reserved::Other},
    {"exists", Reserved::Other},
    {"match", Reserved::Other},
    {"NUMERAL", Reserved::Other},
    {"DECIMAL", Reserved::Other},
    {"STRING", Reserved::Other},
    {"BINARY", Reserved::Other},
    {"HEXADECIMAL", Reserved::Other},
    // The command names (section 3.9) are reserved words too.
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
    {"exit", Reserved::Other},
    {"get-assertions", Reserved::Other},
    {"get-assignment", Reserved::Other},
    {"get-info", Reserved::Other},
    {"get-model", Reserved::Other},
    {"get-option", Reserved::Other},
    {"get-proof", Reserved::Other},
    {"get-unsat-assumptions", Reserved::Other},
    {"get-unsat-core", Reserved::Other},
    {"get-value", Reserved::Other},
    {"pop", Reserved::Other},
    {"push", Reserved::Other},
    {"reset", Reserved::Other},
    {"reset-assertions", Reserved::Other},
    {"set-info", Reserved::Other},
    {"set-logic", Reserved::Other},
    {"set-option", Reserved::Other},
};

const ReservedWord* find_word(std::string_view name) {
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
