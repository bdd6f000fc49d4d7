// SMT-LIB symbol syntax.
#pragma once

#include <string>
#include <string_view>

namespace wang::smt {

// Whether `name` is a simple symbol: non-empty, made of letters, digits and
// ~!@$%^&*_-+=<>.?/ and not starting with a digit.
bool is_simple_symbol(std::string_view name);
// `name` as SMT-LIB writes it: unchanged when simple, else in |...|.
std::string quote_symbol(std::string_view name);

}  // namespace wang::smt
