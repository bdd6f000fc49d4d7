// A binary max-heap of variables ordered by an external score array, for the
// EVSIDS decision heuristic of stable mode.  Positions are tracked per
// variable so that a bumped variable moves up in O(log n).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sat/types.hpp"

namespace wang::sat {

class ScoreHeap {
 public:
  explicit ScoreHeap(const std::vector<double>& scores) : scores_(scores) {}

  void resize(size_t variables) { position_.resize(variables, kAbsent); }
  bool contains(Var var) const { return position_[var] != kAbsent; }
  bool empty() const { return heap_.empty(); }
  size_t size() const { return heap_.size(); }
  Var top() const { return heap_[0]; }

  void push(Var var) {
    if (contains(var)) return;
    position_[var] = static_cast<uint32_t>(heap_.size());
    heap_.push_back(var);
    sift_up(position_[var]);
  }

  Var pop() {
    Var result = heap_[0];
    Var last = heap_.back();
    heap_.pop_back();
    position_[result] = kAbsent;
    if (!heap_.empty()) {
      heap_[0] = last;
      position_[last] = 0;
      sift_down(0);
    }
    return result;
  }

  // The score of `var` increased.
  void increased(Var var) {
    if (contains(var)) sift_up(position_[var]);
  }

  void clear() {
    for (Var var : heap_) position_[var] = kAbsent;
    heap_.clear();
  }

 private:
  static constexpr uint32_t kAbsent = UINT32_MAX;

  bool before(Var a, Var b) const { return scores_[a] > scores_[b]; }

  void sift_up(uint32_t index) {
    Var var = heap_[index];
    while (index > 0) {
      uint32_t parent = (index - 1) / 2;
      if (!before(var, heap_[parent])) break;
      heap_[index] = heap_[parent];
      position_[heap_[index]] = index;
      index = parent;
    }
    heap_[index] = var;
    position_[var] = index;
  }

  void sift_down(uint32_t index) {
    Var var = heap_[index];
    const uint32_t size = static_cast<uint32_t>(heap_.size());
    for (;;) {
      uint32_t child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && before(heap_[child + 1], heap_[child])) ++child;
      if (!before(heap_[child], var)) break;
      heap_[index] = heap_[child];
      position_[heap_[index]] = index;
      index = child;
    }
    heap_[index] = var;
    position_[var] = index;
  }

  const std::vector<double>& scores_;
  std::vector<Var> heap_;
  std::vector<uint32_t> position_;
};

}  // namespace wang::sat
