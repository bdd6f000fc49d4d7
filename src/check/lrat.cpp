// Forward LRAT checking.
//
// Every added clause comes with hints, so checking needs no search: assign
// the negation of the clause, then each hint (a clause id) must be unit
// under the assignment so far, adding its last literal, until a hint is
// falsified outright.  When the positive hints run out without a conflict,
// the clause must be RAT on its first literal p: the rest of the hints must
// hold one group "-j hints..." per active clause D (id j) containing -p,
// each refuting the negation of the clause together with the negation of D
// without -p.  With no such D, no groups are needed.
//
// Hints are checked strictly: a hint that is satisfied, or leaves two
// literals open, is an error rather than skipped, because a proof producer
// that writes such hints is broken and should hear about it.
#include <algorithm>
#include <bit>
#include <cstdint>

#include "check/engines.hpp"

namespace wang::check {

namespace {

using Lit = uint32_t;
constexpr Lit kNoLit = UINT32_MAX;

Lit encode(int literal) {
  return literal > 0 ? 2u * static_cast<uint32_t>(literal) : 2u * static_cast<uint32_t>(-literal) + 1;
}
int decode(Lit lit) {
  const int variable = static_cast<int>(lit >> 1);
  return (lit & 1) ? -variable : variable;
}

// Clause id -> literals in the arena.  Open addressing with linear probing
// and backward-shift deletion: LRAT proofs delete as much as they add, and
// tombstones would pile up.
class IdMap {
 public:
  struct Entry {
    int64_t id;  // 0: empty slot
    uint64_t start;
    uint32_t size;
  };

  const Entry* find(int64_t id) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = home(id);; i = (i + 1) & mask_) {
      if (slots_[i].id == id) return &slots_[i];
      if (slots_[i].id == 0) return nullptr;
    }
  }

  void insert(int64_t id, uint64_t start, uint32_t size) {
    if (2 * (count_ + 1) > slots_.size()) grow();
    size_t i = home(id);
    while (slots_[i].id != 0) i = (i + 1) & mask_;
    slots_[i] = {id, start, size};
    ++count_;
  }

  // Removes `id`; returns false when it is not present.
  bool erase(int64_t id, Entry& removed) {
    if (slots_.empty()) return false;
    size_t i = home(id);
    while (slots_[i].id != id) {
      if (slots_[i].id == 0) return false;
      i = (i + 1) & mask_;
    }
    removed = slots_[i];
    // Pull later entries of the probe run back into the hole when their home
    // slot does not lie cyclically between the hole and themselves.
    for (size_t j = (i + 1) & mask_; slots_[j].id != 0; j = (j + 1) & mask_) {
      const size_t k = home(slots_[j].id);
      const bool stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
      if (stays) continue;
      slots_[i] = slots_[j];
      i = j;
    }
    slots_[i].id = 0;
    --count_;
    return true;
  }

  std::vector<Entry>& slots() { return slots_; }

 private:
  size_t home(int64_t id) const {
    return static_cast<size_t>((static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  void grow() {
    std::vector<Entry> old = std::move(slots_);
    const size_t capacity = std::max<size_t>(1024, 2 * old.size());
    slots_.assign(capacity, Entry{0, 0, 0});
    mask_ = capacity - 1;
    shift_ = 64 - std::countr_zero(capacity);
    count_ = 0;
    for (const Entry& e : old)
      if (e.id != 0) insert(e.id, e.start, e.size);
  }

  std::vector<Entry> slots_;
  size_t count_ = 0;
  size_t mask_ = 0;
  int shift_ = 64;
};

class LratChecker {
 public:
  explicit LratChecker(const Cnf& formula) : formula_(formula) {}
  CheckOutcome run(ProofReader& proof);

 private:
  void ensure_variable(uint32_t variable);
  void add_clause(int64_t id, std::span<const int> literals);
  void delete_clause(int64_t id);
  std::span<const Lit> lits(const IdMap::Entry& e) const { return {arena_.data() + e.start, e.size}; }
  std::string text(const IdMap::Entry& e) const;
  void set_true(Lit lit) {
    vals_[lit] = 1;
    vals_[lit ^ 1] = -1;
    assigned_.push_back(lit);
  }
  void undo(size_t length) {
    while (assigned_.size() > length) {
      const Lit lit = assigned_.back();
      assigned_.pop_back();
      vals_[lit] = vals_[lit ^ 1] = 0;
    }
  }
  enum class HintResult { Unit, Conflict, Error };
  HintResult apply_hint(int64_t hint, std::string& error);
  bool check(const ProofStep& step, std::string& error);

  const Cnf& formula_;
  CheckOutcome outcome_;
  IdMap clauses_;
  std::vector<Lit> arena_;
  uint64_t garbage_ = 0;
  uint32_t variables_ = 0;
  std::vector<int8_t> vals_;      // by literal: 1 true, -1 false, 0 unassigned
  std::vector<uint32_t> marks_;   // by literal: dedup stamp
  uint32_t stamp_ = 0;
  std::vector<Lit> assigned_;
  std::vector<std::pair<int64_t, size_t>> groups_;  // (candidate id, first hint index)
};

void LratChecker::ensure_variable(uint32_t variable) {
  if (variable < variables_) return;
  const uint32_t n = std::max(variable + 1, variables_ + variables_ / 2 + 16);
  vals_.resize(2 * size_t{n}, 0);
  marks_.resize(2 * size_t{n}, 0);
  variables_ = n;
}

void LratChecker::add_clause(int64_t id, std::span<const int> literals) {
  const uint64_t start = arena_.size();
  ++stamp_;
  for (const int literal : literals) {
    const Lit lit = encode(literal);
    ensure_variable(lit >> 1);
    if (marks_[lit] == stamp_) continue;  // duplicate literal
    marks_[lit] = stamp_;
    arena_.push_back(lit);
  }
  clauses_.insert(id, start, static_cast<uint32_t>(arena_.size() - start));
}

void LratChecker::delete_clause(int64_t id) {
  IdMap::Entry removed{};
  if (!clauses_.erase(id, removed)) {
    ++outcome_.deletions_missing;
    return;
  }
  // Deleted clauses leave holes in the arena; compact when they dominate.
  garbage_ += removed.size;
  if (garbage_ < (uint64_t{1} << 20) || 2 * garbage_ < arena_.size()) return;
  std::vector<Lit> compacted;
  compacted.reserve(arena_.size() - garbage_);
  for (IdMap::Entry& e : clauses_.slots()) {
    if (e.id == 0) continue;
    const uint64_t start = compacted.size();
    compacted.insert(compacted.end(), arena_.begin() + static_cast<std::ptrdiff_t>(e.start),
                     arena_.begin() + static_cast<std::ptrdiff_t>(e.start + e.size));
    e.start = start;
  }
  arena_ = std::move(compacted);
  garbage_ = 0;
}

std::string LratChecker::text(const IdMap::Entry& e) const {
  std::vector<int> literals;
  for (const Lit lit : lits(e)) literals.push_back(decode(lit));
  return clause_text(literals);
}

LratChecker::HintResult LratChecker::apply_hint(int64_t hint, std::string& error) {
  const IdMap::Entry* e = clauses_.find(hint);
  if (e == nullptr) {
    error = "hint " + std::to_string(hint) + " names no present clause";
    return HintResult::Error;
  }
  Lit unit = kNoLit;
  for (const Lit lit : lits(*e)) {
    const int8_t value = vals_[lit];
    if (value < 0) continue;
    if (value > 0) {
      error = "hint " + std::to_string(hint) + " (" + text(*e) + ") is satisfied, not unit";
      return HintResult::Error;
    }
    if (unit != kNoLit) {
      error = "hint " + std::to_string(hint) + " (" + text(*e) + ") is not unit: " + std::to_string(decode(unit)) +
              " and " + std::to_string(decode(lit)) + " are unassigned";
      return HintResult::Error;
    }
    unit = lit;
  }
  if (unit == kNoLit) return HintResult::Conflict;
  set_true(unit);
  return HintResult::Unit;
}

bool LratChecker::check(const ProofStep& step, std::string& error) {
  undo(0);
  // Assume the negation of the clause; a tautology needs no hints.
  for (const int literal : step.literals) {
    const Lit lit = encode(literal);
    ensure_variable(lit >> 1);
    if (vals_[lit] > 0) return true;
    if (vals_[lit] == 0) set_true(lit ^ 1);
  }
  const auto& hints = step.hints;
  size_t i = 0;
  for (; i < hints.size() && hints[i] > 0; ++i) {
    switch (apply_hint(hints[i], error)) {
      case HintResult::Conflict: return true;
      case HintResult::Error: return false;
      case HintResult::Unit: break;
    }
  }
  // No conflict: the clause must be RAT on its first literal, with one hint
  // group per candidate (none at all when there are no candidates).
  ++outcome_.rat_checks;
  if (step.literals.empty()) {
    error = "the hints end without a conflict";
    return false;
  }
  const Lit pivot = encode(step.literals[0]);
  const Lit negated = pivot ^ 1;
  groups_.clear();
  while (i < hints.size()) {
    groups_.emplace_back(-hints[i], i + 1);
    for (++i; i < hints.size() && hints[i] > 0;) ++i;
  }
  // Every clause containing the negated pivot needs its group.
  std::vector<int64_t> covered;
  for (const auto& group : groups_) covered.push_back(group.first);
  std::sort(covered.begin(), covered.end());
  for (const IdMap::Entry& e : clauses_.slots()) {
    if (e.id == 0) continue;
    const auto ls = lits(e);
    if (std::find(ls.begin(), ls.end(), negated) == ls.end()) continue;
    if (!std::binary_search(covered.begin(), covered.end(), e.id)) {
      error = (groups_.empty() ? "the hints end without a conflict, and for RAT on " + std::to_string(decode(pivot)) +
                                     " they miss"
                               : "not RUP, and the RAT hints miss") +
              std::string(" candidate clause ") + std::to_string(e.id) + " (" + text(e) + ") containing " +
              std::to_string(decode(negated));
      return false;
    }
  }
  const size_t base = assigned_.size();
  for (size_t g = 0; g < groups_.size(); ++g) {
    const int64_t candidate = groups_[g].first;
    const size_t end = g + 1 < groups_.size() ? groups_[g + 1].second - 1 : hints.size();
    const IdMap::Entry* e = clauses_.find(candidate);
    if (e == nullptr) {
      error = "RAT hint -" + std::to_string(candidate) + " names no present clause";
      return false;
    }
    const auto ls = lits(*e);
    if (std::find(ls.begin(), ls.end(), negated) == ls.end()) {
      error = "RAT hint -" + std::to_string(candidate) + " names a clause without " + std::to_string(decode(negated));
      return false;
    }
    bool conflict = false;
    for (const Lit lit : ls) {
      if (lit == negated) continue;
      if (vals_[lit] > 0) {
        conflict = true;  // the resolvent is satisfied by the assignment
        break;
      }
      if (vals_[lit] == 0) set_true(lit ^ 1);
    }
    for (size_t h = groups_[g].second; h < end && !conflict; ++h) {
      switch (apply_hint(hints[h], error)) {
        case HintResult::Conflict: conflict = true; break;
        case HintResult::Error: return false;
        case HintResult::Unit: break;
      }
    }
    if (!conflict) {
      error = "the RAT hints for candidate clause " + std::to_string(candidate) + " end without a conflict";
      return false;
    }
    undo(base);
  }
  return true;
}

CheckOutcome LratChecker::run(ProofReader& proof) {
  outcome_.format = proof.format();
  bool empty_in_formula = false;
  for (size_t i = 0; i < formula_.size(); ++i) {
    add_clause(static_cast<int64_t>(i) + 1, formula_.clause(i));
    empty_in_formula = empty_in_formula || formula_.clause(i).empty();
  }
  if (empty_in_formula) {
    outcome_.verified = true;
    outcome_.warnings.push_back("the formula contains the empty clause");
    return outcome_;
  }
  ProofStep step;
  int64_t first_missing = -1;
  std::string error;
  while (proof.next(step)) {
    if (step.deletion) {
      outcome_.deletions += static_cast<int64_t>(step.hints.size());
      const int64_t before = outcome_.deletions_missing;
      for (const int64_t id : step.hints) delete_clause(id);
      if (before == 0 && outcome_.deletions_missing > 0) first_missing = step.binary ? step.offset : step.line;
      continue;
    }
    ++outcome_.lemmas;
    const std::string what = "clause " + std::to_string(step.id) + " (" + clause_text(step.literals) + ") at " +
                             step.where();
    if (clauses_.find(step.id) != nullptr) {
      outcome_.reason = what + " reuses the id of a present clause";
      return outcome_;
    }
    if (!check(step, error)) {
      undo(0);
      outcome_.reason = what + " is not implied: " + error;
      return outcome_;
    }
    ++outcome_.lemmas_checked;
    add_clause(step.id, step.literals);
    if (step.literals.empty()) {
      outcome_.verified = true;
      break;
    }
  }
  // Whatever follows the empty clause is irrelevant but must still parse.
  while (outcome_.verified && proof.next(step)) {
    if (step.deletion)
      outcome_.deletions += static_cast<int64_t>(step.hints.size());
    else
      ++outcome_.lemmas;
  }
  undo(0);
  if (outcome_.deletions_missing > 0)
    outcome_.warnings.push_back("ignored " + std::to_string(outcome_.deletions_missing) +
                                " deletion(s) of clause ids not present (first at " +
                                (step.binary ? "byte " : "line ") + std::to_string(first_missing) + ")");
  if (!outcome_.verified) outcome_.reason = "the proof does not derive the empty clause";
  return outcome_;
}

}  // namespace

CheckOutcome check_lrat(const Cnf& formula, ProofReader& proof, const CheckOptions&) {
  LratChecker checker(formula);
  return checker.run(proof);
}

}  // namespace wang::check
