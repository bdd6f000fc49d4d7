// And-Inverter Graph: the circuit form of everything the bit-blaster builds.
//
// Every node is a primary input or a two-input AND; negation lives on the
// edges.  Nodes are numbered in creation order, so children always have
// smaller numbers than their parents and a scan by number is a topological
// order.  Structural hashing makes equal ANDs the same node, and `make_and`
// applies constant propagation plus a few two-level rules, so the graph
// never holds an AND with a constant child or with two equal or opposite
// children.  Nodes are never deleted.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace wang::aig {

// An edge is 2 * node + negation bit.  Node 0 is the constant false.
using Edge = uint32_t;

inline constexpr Edge kFalse = 0;
inline constexpr Edge kTrue = 1;

constexpr Edge make_edge(uint32_t node, bool negated = false) { return node << 1 | static_cast<Edge>(negated); }
constexpr Edge negate(Edge edge) { return edge ^ 1; }
constexpr uint32_t node_of(Edge edge) { return edge >> 1; }
constexpr bool is_negated(Edge edge) { return (edge & 1) != 0; }
constexpr bool is_constant(Edge edge) { return node_of(edge) == 0; }
// The edge to the same node without negation.
constexpr Edge unnegated(Edge edge) { return edge & ~Edge{1}; }

class Aig {
 public:
  Aig();

  Edge make_input();
  Edge make_and(Edge a, Edge b);

  Edge make_or(Edge a, Edge b) { return negate(make_and(negate(a), negate(b))); }
  Edge make_xor(Edge a, Edge b);
  Edge make_xnor(Edge a, Edge b) { return negate(make_xor(a, b)); }
  // The Boolean `=`; the same gate as `make_xnor`.
  Edge make_equiv(Edge a, Edge b) { return make_xnor(a, b); }
  // if `c` then `t` else `e`.
  Edge make_ite(Edge c, Edge t, Edge e);
  // Balanced trees, so that depth grows with the logarithm of the width;
  // the empty conjunction is true and the empty disjunction false.
  Edge make_and_n(std::span<const Edge> edges);
  Edge make_or_n(std::span<const Edge> edges);

  // Node count including the constant node.
  uint32_t num_nodes() const { return static_cast<uint32_t>(nodes_.size()); }
  uint32_t input_count() const { return input_count_; }
  bool is_input(uint32_t node) const { return node != 0 && nodes_[node].left == kFalse; }
  bool is_and(uint32_t node) const { return nodes_[node].left != kFalse; }
  // The children of an AND node, ordered so that child0 < child1.
  Edge child0(uint32_t node) const { return nodes_[node].left; }
  Edge child1(uint32_t node) const { return nodes_[node].right; }

 private:
  // An AND never has a constant child, so `left == kFalse` marks the
  // constant and the inputs.
  struct Node {
    Edge left;
    Edge right;
  };

  uint32_t add_node(Edge left, Edge right);
  std::optional<Edge> simplify_two_level(Edge a, Edge b) const;
  Edge and_tree(std::vector<Edge> level);

  // Structural hashing: an open-addressing table with linear probing.  A
  // slot holds a node number (0 marks a free slot, as node 0 is no AND) and
  // 32 bits of its hash; the key itself is read from `nodes_` only when the
  // tags match, as that read is a cache miss in a large graph.
  struct Slot {
    uint32_t node;
    uint32_t tag;
  };
  size_t find_slot(Edge left, Edge right, uint64_t hash) const;
  void grow_table();

  std::vector<Node> nodes_;
  std::vector<Slot> table_;
  uint32_t table_shift_ = 0;  // 64 - log2(table_.size()): the hash's top bits pick the slot
  uint32_t and_count_ = 0;
  uint32_t input_count_ = 0;
};

}  // namespace wang::aig
