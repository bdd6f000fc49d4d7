// Sorts: Bool, (_ BitVec n), and sorts made by define-sort, possibly with
// parameters.  Read with an explicit stack like terms, so that no input
// nests the C++ stack.
#pragma once

#include <vector>

#include "smtlib/environment.hpp"
#include "smtlib/reader.hpp"

namespace wang::smtlib {

class SortParser {
 public:
  SortParser(Environment& environment, Reader& reader) : environment_(environment), reader_(reader) {}

  // Reads a sort that may mention the parameters of a define-sort being
  // read (bound in the sort table as parameter values), starting with
  // `first` when its first token was already read.
  SortValue parse_value(const Token* first = nullptr);
  // Reads a sort outside define-sort.
  smt::Sort parse(const Token* first = nullptr);

 private:
  struct Frame {
    const SortSymbol* symbol;
    std::string name;
    Position position;
    size_t first_argument;
  };

  SortValue indexed_sort(Position position);
  const SortSymbol& lookup(const Token& token) const;

  Environment& environment_;
  Reader& reader_;
  std::vector<Frame> frames_;
  std::vector<SortValue> arguments_;
};

}  // namespace wang::smtlib
