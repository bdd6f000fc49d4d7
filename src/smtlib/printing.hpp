// SMT-LIB text of the solver's responses: strings, symbols, sorts, values,
// models and statistics.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "wang/sat.hpp"
#include "wang/smt.hpp"

namespace wang::smtlib {

// "text" with each " doubled.
std::string quote_string(std::string_view text);
// `name` as a symbol that reads back as `name`: in |...| unless it is a
// simple symbol that a script may declare (not a reserved word, not
// starting with '@' or '.').
std::string quote_symbol(std::string_view name);

// 'name', for naming things in error messages.
std::string in_quotes(std::string_view name);

// A count with its noun, for error messages: "1 argument", "2 arguments".
std::string counted(uint64_t count, std::string_view singular, std::string_view plural);

struct ModelEntry {
  std::string_view name;
  smt::Sort sort;
  smt::Term value;  // of a constant
  const smt::Solver::FunctionInterpretation* function = nullptr;  // of a function
};
// The model as SMT-COMP's validator reads it, values in binary, functions
// as ite chains over their parameters:
//   (
//     (define-fun x () (_ BitVec 8) #b00000011)
//     (define-fun f ((x!1 (_ BitVec 2))) Bool (ite (= x!1 #b01) true false))
//   )
void print_model(std::ostream& out, std::span<const ModelEntry> entries);

// ((x #b00000011) (p true)): each pair is the term's spelling and its value.
struct ValuePair {
  std::string_view text;
  smt::Term value;
};
void print_values(std::ostream& out, std::span<const ValuePair> pairs);

// The :reason-unknown of a check stopped for `reason`: timeout, memout,
// interrupted, resourceout or incomplete.
std::string_view reason_unknown(sat::StopReason reason);

// (:name value ...) with one statistic per line; names become keywords.
void print_statistics(std::ostream& out, std::span<const sat::Statistic> statistics);
void print_statistic_comments(std::ostream& out, std::span<const sat::Statistic> statistics);

}  // namespace wang::smtlib
