#include "aig/aig.hpp"

#include <stdexcept>
#include <utility>

namespace wang::aig {

namespace {

// Edges are 32 bits wide, so node numbers must stay below 2^31.
constexpr size_t kMaxNodes = size_t{1} << 31;
constexpr uint32_t kInitialTableBits = 10;

// Mixes both children into 64 bits whose top bits pick the slot and whose
// low 32 bits serve as the tag, so the two must not depend on each other:
// two rounds of multiply and xor-shift spread every input bit over both.
uint64_t hash_pair(Edge left, Edge right) {
  uint64_t hash = (uint64_t{left} << 32 | right) * 0x9E3779B97F4A7C15ull;
  hash ^= hash >> 32;
  hash *= 0xD6E8FEB86659FD93ull;
  return hash ^ hash >> 29;
}

}  // namespace

Aig::Aig()
    : nodes_{Node{kFalse, kFalse}}, table_(size_t{1} << kInitialTableBits), table_shift_(64 - kInitialTableBits) {}

uint32_t Aig::add_node(Edge left, Edge right) {
  if (nodes_.size() >= kMaxNodes) throw std::length_error("AIG exceeds 2^31 nodes");
  nodes_.push_back(Node{left, right});
  return num_nodes() - 1;
}

Edge Aig::make_input() {
  const uint32_t node = add_node(kFalse, kFalse);
  ++input_count_;
  return make_edge(node);
}

Edge Aig::make_and(Edge a, Edge b) {
  if (a > b) std::swap(a, b);
  // A constant operand can only be `a`, the smaller edge.
  if (a == kFalse || a == negate(b)) return kFalse;
  if (a == kTrue || a == b) return b;
  const uint64_t hash = hash_pair(a, b);
  const size_t slot = find_slot(a, b, hash);
  if (table_[slot].node != 0) return make_edge(table_[slot].node);
  // The rules are only tried for new pairs: an existing node is one to which
  // they did not apply, and skipping them saves reading both operands.
  if (const std::optional<Edge> simplified = simplify_two_level(a, b)) return *simplified;
  const uint32_t node = add_node(a, b);
  table_[slot] = Slot{node, static_cast<uint32_t>(hash)};
  ++and_count_;
  // Tags make runs of occupied slots cheap to skip, so three quarters full
  // is still fast.
  if (size_t{and_count_} * 4 > table_.size() * 3) grow_table();
  return make_edge(node);
}

// The two-level rules of Brummayer and Biere's "local two-level AIG
// rewriting" that never create a node, with x, y, z standing for any edges:
//   idempotence    (x & y) & x = x & y
//   contradiction  (x & y) & !x = 0    and   (x & y) & (!x & z) = 0
//   subsumption    !(x & y) & !x = !x
std::optional<Edge> Aig::simplify_two_level(Edge a, Edge b) const {
  const auto against_and = [this](Edge gate, Edge other) -> std::optional<Edge> {
    const Node& node = nodes_[node_of(gate)];
    if (node.left == kFalse) return std::nullopt;
    const bool other_is_negated_child = other == negate(node.left) || other == negate(node.right);
    if (is_negated(gate)) return other_is_negated_child ? std::optional<Edge>(other) : std::nullopt;
    if (other == node.left || other == node.right) return gate;
    if (other_is_negated_child) return kFalse;
    return std::nullopt;
  };
  if (const std::optional<Edge> result = against_and(a, b)) return result;
  if (const std::optional<Edge> result = against_and(b, a)) return result;
  if (is_negated(a) || is_negated(b) || !is_and(node_of(a)) || !is_and(node_of(b))) return std::nullopt;
  const Node& x = nodes_[node_of(a)];
  const Node& y = nodes_[node_of(b)];
  for (const Edge child : {x.left, x.right}) {
    if (negate(child) == y.left || negate(child) == y.right) return kFalse;
  }
  return std::nullopt;
}

size_t Aig::find_slot(Edge left, Edge right, uint64_t hash) const {
  const uint32_t tag = static_cast<uint32_t>(hash);
  const size_t mask = table_.size() - 1;
  for (size_t i = hash >> table_shift_;; i = (i + 1) & mask) {
    const Slot& slot = table_[i];
    if (slot.node == 0) return i;
    if (slot.tag == tag && nodes_[slot.node].left == left && nodes_[slot.node].right == right) return i;
  }
}

// Rebuilds from `nodes_` rather than from the old table: that scan is
// sequential, and freeing the old table first lowers the peak memory.
void Aig::grow_table() {
  const size_t size = table_.size() * 2;
  table_ = std::vector<Slot>();
  table_.resize(size);
  --table_shift_;
  for (uint32_t node = 1; node < num_nodes(); ++node) {
    if (!is_and(node)) continue;
    const uint64_t hash = hash_pair(nodes_[node].left, nodes_[node].right);
    table_[find_slot(nodes_[node].left, nodes_[node].right, hash)] = Slot{node, static_cast<uint32_t>(hash)};
  }
}

Edge Aig::make_xor(Edge a, Edge b) {
  // Xor and xnor of the same operands, in any polarity, share one structure
  // with the negations pulled out to the output.
  const bool flip = is_negated(a) != is_negated(b);
  a = unnegated(a);
  b = unnegated(b);
  const Edge result = make_and(negate(make_and(a, b)), negate(make_and(negate(a), negate(b))));
  return flip ? negate(result) : result;
}

Edge Aig::make_ite(Edge c, Edge t, Edge e) {
  if (c == kTrue || t == e) return t;
  if (c == kFalse) return e;
  if (is_negated(c)) {
    c = negate(c);
    std::swap(t, e);
  }
  // Cases that need fewer than three ANDs.
  if (t == negate(e)) return make_xnor(c, t);
  if (t == c || t == kTrue) return make_or(c, e);
  if (t == negate(c) || t == kFalse) return make_and(negate(c), e);
  if (e == c || e == kFalse) return make_and(c, t);
  if (e == negate(c) || e == kTrue) return make_or(negate(c), t);
  // Pulling the negation of `t` out to the output lets ite(c, t, e) and
  // ite(c, !t, !e) share their nodes.
  const bool flip = is_negated(t);
  if (flip) {
    t = negate(t);
    e = negate(e);
  }
  const Edge result = make_or(make_and(c, t), make_and(negate(c), e));
  return flip ? negate(result) : result;
}

Edge Aig::make_and_n(std::span<const Edge> edges) { return and_tree(std::vector<Edge>(edges.begin(), edges.end())); }

Edge Aig::make_or_n(std::span<const Edge> edges) {
  std::vector<Edge> negated(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) negated[i] = negate(edges[i]);
  return negate(and_tree(std::move(negated)));
}

// Pairs neighbours level by level, in place: the write position never
// overtakes the read position.
Edge Aig::and_tree(std::vector<Edge> level) {
  if (level.empty()) return kTrue;
  while (level.size() > 1) {
    size_t out = 0;
    for (size_t i = 0; i + 1 < level.size(); i += 2) level[out++] = make_and(level[i], level[i + 1]);
    if (level.size() % 2 != 0) level[out++] = level.back();
    level.resize(out);
  }
  return level.front();
}

}  // namespace wang::aig
