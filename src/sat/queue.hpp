// The variable-move-to-front queue of focused mode (VMTF).
//
// Variables form a doubly linked list ordered by the time they were last
// bumped; each carries that time as a stamp.  Deciding walks from the most
// recently bumped end towards older variables, starting at a cursor: every
// variable more recent than the cursor is assigned, so the walk never looks at
// them again, and unassigning (or bumping) an unassigned variable that is
// more recent than the cursor moves the cursor up to it.  Bumping is O(1) per
// variable, which is what makes VMTF cheap enough for the frequent restarts of
// focused mode.
#pragma once

#include <cstdint>
#include <vector>

#include "sat/types.hpp"

namespace wang::sat {

class VmtfQueue {
 public:
  static constexpr Var kNone = UINT32_MAX;

  void resize(size_t variables) {
    size_t old = links_.size();
    links_.resize(variables);
    stamps_.resize(variables, 0);
    for (size_t var = old; var < variables; ++var) enqueue(static_cast<Var>(var));
    if (variables > old) cursor_ = last_;  // new variables are unassigned
  }

  // Moves `var` to the most recent end.  The caller reports it with
  // `unassigned` if it is unassigned.
  void bump(Var var) {
    if (last_ == var) {
      stamps_[var] = ++stamp_;
      return;
    }
    dequeue(var);
    enqueue(var);
  }

  uint64_t stamp(Var var) const { return stamps_[var]; }
  Var cursor() const { return cursor_; }
  void set_cursor(Var var) { cursor_ = var; }
  Var last() const { return last_; }
  Var previous(Var var) const { return links_[var].prev; }

  // An unassigned variable must be reachable from the cursor.
  void unassigned(Var var) {
    if (cursor_ == kNone || stamps_[var] > stamps_[cursor_]) cursor_ = var;
  }

 private:
  struct Link {
    Var prev = kNone;
    Var next = kNone;
  };

  void dequeue(Var var) {
    Link& link = links_[var];
    if (link.prev != kNone) links_[link.prev].next = link.next; else first_ = link.next;
    if (link.next != kNone) links_[link.next].prev = link.prev; else last_ = link.prev;
    if (cursor_ == var) cursor_ = link.prev != kNone ? link.prev : link.next;
    link.prev = link.next = kNone;
  }

  void enqueue(Var var) {
    Link& link = links_[var];
    link.prev = last_;
    link.next = kNone;
    if (last_ != kNone) links_[last_].next = var; else first_ = var;
    last_ = var;
    stamps_[var] = ++stamp_;
  }

  std::vector<Link> links_;
  std::vector<uint64_t> stamps_;
  Var first_ = kNone;
  Var last_ = kNone;
  Var cursor_ = kNone;
  uint64_t stamp_ = 0;
};

}  // namespace wang::sat
