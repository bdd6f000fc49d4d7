// A namespace of SMT-LIB: names bound to values, with the two kinds of
// scope the language has.
//
//  - Declarations (declare-fun, define-fun, :named, ...) live on the
//    assertion stack: they are logged in the order they were made, and
//    undo_to() removes those made after a mark (pop, reset-assertions, a
//    failed command) except the global ones (:global-declarations).
//  - Local bindings (let, function parameters) shadow a name for the extent
//    of a term and are removed by unshadow() in reverse order.
//
// Each name has a stack of bindings, so shadowing and unshadowing cost one
// hash lookup.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wang::smtlib {

template <class Value>
class ScopedTable {
 public:
  // The innermost binding of `name`, or nullptr.
  const Value* find(std::string_view name) const {
    const Entry* entry = lookup(name, hash_of(name));
    return entry == nullptr || entry->stack.empty() ? nullptr : &entry->stack.back();
  }

  void declare(std::string_view name, Value value, bool global) {
    Entry& entry = entry_of(name);
    entry.stack.push_back(std::move(value));
    log_.push_back({&entry, global});
  }

  void shadow(std::string_view name, Value value) { entry_of(name).stack.push_back(std::move(value)); }
  void unshadow(std::string_view name) { lookup(name, hash_of(name))->stack.pop_back(); }

  size_t mark() const { return log_.size(); }

  void undo_to(size_t mark) {
    std::vector<Logged> kept;
    for (size_t i = log_.size(); i-- > mark;) {
      if (log_[i].global) {
        kept.push_back(log_[i]);
      } else {
        log_[i].entry->stack.pop_back();
      }
    }
    log_.resize(mark);
    log_.insert(log_.end(), kept.rbegin(), kept.rend());
  }

  // The names declared after `mark`, oldest first.
  std::vector<std::string> names_since(size_t mark) const {
    std::vector<std::string> names;
    for (size_t i = mark; i < log_.size(); ++i) names.push_back(log_[i].entry->name);
    return names;
  }

  // Calls visit(name, value) for each live declaration, oldest first.
  template <class Visit>
  void for_each_declaration(Visit visit) const {
    for (const Logged& logged : log_) visit(logged.entry->name, logged.entry->stack.back());
  }

 private:
  // Names are looked up once per symbol token, so the index is a flat
  // open-addressing table of entry numbers rather than a node-based map.
  struct Entry {
    std::string name;
    uint64_t hash;
    std::vector<Value> stack;
  };
  struct Logged {
    Entry* entry;  // entries live in a deque and never move
    bool global;
  };

  // FNV-1a: names are short, and this is cheap for them.
  static uint64_t hash_of(std::string_view name) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : name) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return hash;
  }

  const Entry* lookup(std::string_view name, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
      if (slots_[slot] == 0) return nullptr;
      const Entry& entry = entries_[slots_[slot] - 1];
      if (entry.hash == hash && entry.name == name) return &entry;
    }
  }
  Entry* lookup(std::string_view name, uint64_t hash) {
    return const_cast<Entry*>(std::as_const(*this).lookup(name, hash));
  }

  Entry& entry_of(std::string_view name) {
    const uint64_t hash = hash_of(name);
    if (Entry* entry = lookup(name, hash)) return *entry;
    entries_.push_back({std::string(name), hash, {}});
    if (2 * entries_.size() > slots_.size()) {
      rehash(std::max<size_t>(64, 2 * slots_.size()));
    } else {
      insert_slot(entries_.size());
    }
    return entries_.back();
  }

  void rehash(size_t size) {
    slots_.assign(size, 0);
    for (size_t number = 1; number <= entries_.size(); ++number) insert_slot(number);
  }

  void insert_slot(size_t number) {  // number: entry index + 1
    size_t slot = entries_[number - 1].hash & (slots_.size() - 1);
    while (slots_[slot] != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = static_cast<uint32_t>(number);
  }

  std::deque<Entry> entries_;
  std::vector<uint32_t> slots_;  // entry index + 1, 0 for empty; the size is a power of two
  std::vector<Logged> log_;
};

}  // namespace wang::smtlib
