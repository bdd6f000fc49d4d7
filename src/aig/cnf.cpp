#include "aig/cnf.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace wang::aig {

namespace {

// The halves a node must have for `halves` of an edge to it: a negation
// swaps them, as -v -> !n is n -> v.
uint8_t node_halves(Edge edge, uint8_t halves) {
  return is_negated(edge) ? static_cast<uint8_t>((halves & 1) << 1 | halves >> 1) : halves;
}

}  // namespace

CnfEncoder::CnfEncoder(const Aig& aig, sat::Solver& solver) : aig_(aig), solver_(solver) {}

int CnfEncoder::literal(Edge edge) { return encode(edge, kPositive); }

int CnfEncoder::literal_equivalent(Edge edge) { return encode(edge, kBoth); }

int CnfEncoder::input_literal(Edge input) {
  if (node_of(input) >= aig_.num_nodes() || !aig_.is_input(node_of(input))) {
    throw std::invalid_argument("input_literal: edge " + std::to_string(input) + " is not an input");
  }
  return literal(input);
}

std::optional<int> CnfEncoder::input_variable(uint32_t node) const {
  if (node >= aig_.num_nodes() || !aig_.is_input(node)) {
    throw std::invalid_argument("input_variable: node " + std::to_string(node) + " is not an input");
  }
  if (node >= literals_.size() || literals_[node] == 0) return std::nullopt;
  return literals_[node];
}

int CnfEncoder::new_variable() {
  // Above the solver's variables too, in case clauses came from elsewhere.
  last_variable_ = std::max(last_variable_, solver_.max_var()) + 1;
  ++stats_.variables;
  return last_variable_;
}

// Works through the cone with an explicit stack, so that depth costs heap
// memory and not call stack.  A node is marked before its children are
// encoded; that is safe because nothing is solved before the stack is empty.
int CnfEncoder::encode(Edge edge, uint8_t halves) {
  if (literals_.size() < aig_.num_nodes()) {
    literals_.resize(aig_.num_nodes());
    halves_.resize(aig_.num_nodes());
  }
  stack_.push_back(Task{node_of(edge), node_halves(edge, halves)});
  marked_.clear();
  try {
    while (!stack_.empty()) {
      const Task task = stack_.back();
      stack_.pop_back();
      const uint8_t missing = task.halves & ~halves_[task.node];
      if (missing == 0) continue;
      add_halves(task.node, missing);
      if (interrupt_check_ && ++encoded_nodes_ % kInterruptInterval == 0) interrupt_check_();
    }
  } catch (...) {
    for (const auto& [node, added] : marked_) halves_[node] &= static_cast<uint8_t>(~added);
    stack_.clear();
    throw;
  }
  return edge_literal(edge);
}

void CnfEncoder::add_halves(uint32_t node, uint8_t halves) {
  ensure_literal(node);
  if (!aig_.is_and(node)) return;
  const Edge left = aig_.child0(node);
  const Edge right = aig_.child1(node);
  ensure_literal(node_of(left));
  ensure_literal(node_of(right));
  const int self = literals_[node];
  const int a = edge_literal(left);
  const int b = edge_literal(right);
  if ((halves & kPositive) != 0) {
    add_clause({-self, a});
    add_clause({-self, b});
  }
  if ((halves & kNegative) != 0) add_clause({self, -a, -b});
  halves_[node] |= halves;
  if (interrupt_check_) marked_.emplace_back(node, halves);
  for (const Edge child : {left, right}) {
    const uint8_t needed = node_halves(child, halves) & ~halves_[node_of(child)];
    if (needed != 0) stack_.push_back(Task{node_of(child), needed});
  }
}

// Inputs and the constant are their own definition: both halves hold as soon
// as they have a literal.
void CnfEncoder::ensure_literal(uint32_t node) {
  if (literals_[node] != 0) return;
  const int variable = new_variable();
  literals_[node] = variable;
  if (aig_.is_and(node)) return;
  halves_[node] = kBoth;
  if (node == 0) {
    add_clause({variable});
    literals_[node] = -variable;
  }
}

int CnfEncoder::edge_literal(Edge edge) const {
  const int literal = literals_[node_of(edge)];
  return is_negated(edge) ? -literal : literal;
}

void CnfEncoder::add_clause(std::initializer_list<int> literals) {
  const std::span<const int> clause(literals.begin(), literals.size());
  solver_.add_clause(clause);
  ++stats_.clauses;
  if (observer_) observer_(clause);
}

}  // namespace wang::aig
