// The reserved words of SMT-LIB 2.6 (section 3.1): the special words of
// terms and the command names.  Only simple symbols are reserved words: a
// quoted symbol such as |let| is an ordinary symbol, which a script may
// declare and must write with its bars.  Four of them start the special
// term forms of QF_BV.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "smtlib/token.hpp"

namespace wang::smtlib {

enum class Reserved : uint8_t { Let, Annotation, Qualified, Indexed, Other };

// The reserved word `token` is: an unquoted symbol spelled as one.
std::optional<Reserved> reserved_word(const Token& token);
bool is_reserved_word(std::string_view name);
// Whether a simple symbol spelled `name` is reserved for solvers (it starts
// with '@' or '.').  Scripts declare such names all the same (Bitwuzla
// writes @def0 ... when it dumps a formula), so wang accepts them, but
// prints them quoted.
bool is_solver_symbol(std::string_view name);
// Throws Error unless `token` may name something a script declares: a
// quoted symbol, or a simple one that is not a reserved word.
void require_declarable(const Token& token);

}  // namespace wang::smtlib
