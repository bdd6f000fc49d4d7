#include "smt/symbols.hpp"

#include <cctype>

namespace wang::smt {

namespace {
bool is_symbol_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("~!@$%^&*_-+=<>.?/").find(c) != std::string_view::npos;
}
}  // namespace

bool is_simple_symbol(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!is_symbol_char(c)) return false;
  }
  return true;
}

std::string quote_symbol(std::string_view name) {
  if (is_simple_symbol(name)) return std::string(name);
  return "|" + std::string(name) + "|";
}

}  // namespace wang::smt
