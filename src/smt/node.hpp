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

struct Node {
  Kind kind;
  uint32_t width = 0;  // 0 for Bool
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
