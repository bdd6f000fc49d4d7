// The storage behind a Term handle.  Nodes are created only by the
// TermManager and never change; children are handles to earlier nodes, so
// the term graph is acyclic and creation order is a topological order.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "wang/smt.hpp"

namespace wang::smt {

// A sort as the two indices of a constant array (its width, and its id in
// the table of sorts + 1, or 0), and back.
std::array<uint32_t, 2> sort_code(Sort sort);
Sort sort_from_code(uint32_t width, uint32_t id);

struct Node {
  Kind kind;
  Sort sort = Sort::boolean();
  uint32_t num_indices = 0;
  std::array<uint32_t, 2> indices{};
  bool bool_value = false;
  std::vector<Term> children;
  std::optional<bv::BitVector> bv_value;
  std::string symbol;
  uint64_t id = 0;
  size_t hash = 0;
};

}  // namespace wang::smt
