// Backward DRAT checking.
//
// The forward pass replays the proof, maintaining two-watched-literal
// propagation of the top-level assignment, until unit propagation yields a
// conflict.  The clauses behind that conflict are marked "core".  The
// backward pass then undoes the proof step by step; whenever it removes a
// core lemma, it checks that lemma against the clauses active before it
// (RUP, else RAT on its first literal), and marks every clause used in that
// derivation core too.  Lemmas never marked are never checked, which is what
// makes backward checking fast on solver proofs.
//
// Propagation during a check is "core first": clauses already known to be
// needed are propagated to fixpoint before any other clause gets a turn, so
// that derivations reuse the core and the core stays small.
//
// The top-level assignment survives between checks.  That requires care
// when the backward pass removes a lemma that is the reason of a top-level
// literal: the trail is truncated there and repaired (see truncate_top), so
// that the assignment is always exactly the unit-propagation fixpoint of the
// active clauses.  Like drat-trim, the checker ignores the deletion of a
// clause that is the reason of a top-level literal: solvers delete such
// clauses while keeping the literal, and honouring the deletion would make
// correct proofs fail.  Keeping a clause can only make the check stricter.
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <ostream>
#include <stdexcept>

#include "check/engines.hpp"

namespace wang::check {

namespace {

// Literals are encoded as 2*variable + (negative), so that a literal's
// negation is `lit ^ 1` and arrays can be indexed by literal.
using Lit = uint32_t;
constexpr uint32_t kNone = UINT32_MAX;

Lit encode(int literal) {
  return literal > 0 ? 2u * static_cast<uint32_t>(literal) : 2u * static_cast<uint32_t>(-literal) + 1;
}
int decode(Lit lit) {
  const int variable = static_cast<int>(lit >> 1);
  return (lit & 1) ? -variable : variable;
}
uint32_t var_of(Lit lit) { return lit >> 1; }

// Watch entries: for clauses of size one or two the blocker is the other
// literal (the literal itself for units) and the clause need not be looked
// at; the flag lives in the top bit of the clause index.
constexpr uint32_t kSmall = 1u << 31;
constexpr uint32_t kIndexMask = kSmall - 1;
// In stored hint chains (LRAT output), marks a RAT candidate clause.
constexpr uint32_t kRatGroup = 1u << 31;

struct Watch {
  uint32_t clause;
  Lit blocker;
};

enum : uint8_t { kActive = 1, kCore = 2 };

// Per-clause data that only the forward pass (deletion matching) and the
// RAT checks need; what propagation touches lives in dense arrays and in
// the arena, to keep the hot loop's cache misses down.
struct ClauseInfo {
  uint32_t hash;  // order-insensitive hash of the literals
  uint32_t next;  // next clause in the same hash bucket
  Lit pivot;      // first literal as written in the proof (kNone if empty)
};

struct Step {
  uint32_t clause;
  bool deletion;
  int64_t where;  // line (text) or byte offset (binary) of the step
};

enum class Mode { All, Core, NonCore };

class DratChecker {
 public:
  DratChecker(const Cnf& formula, const CheckOptions& options) : formula_(formula), options_(options) {
    emit_ = options.lrat_output != nullptr;
  }
  CheckOutcome run(ProofReader& proof);

 private:
  // Clause database.
  void ensure_variable(uint32_t variable);
  uint32_t store(std::span<const int> literals);
  // The arena holds each clause as its size followed by its literals.
  std::span<Lit> lits(uint32_t clause) { return {arena_.data() + starts_[clause], arena_[starts_[clause] - 1]}; }
  std::vector<int> external(uint32_t clause);
  void hash_insert(uint32_t clause);
  void hash_remove(uint32_t clause);
  uint32_t hash_find_for_deletion(std::span<const int> literals);
  bool is_reason(uint32_t clause);

  // Assignment and propagation.
  void assign(Lit lit, uint32_t reason) {
    vals_[lit] = 1;
    vals_[lit ^ 1] = -1;
    reason_[var_of(lit)] = reason;
    pos_[var_of(lit)] = static_cast<uint32_t>(trail_.size());
    trail_.push_back(lit);
  }
  void unassign(Lit lit) {
    vals_[lit] = vals_[lit ^ 1] = 0;
    reason_[var_of(lit)] = kNone;
    justified_[var_of(lit)] = 0;
  }
  bool attach(uint32_t clause);
  void detach(uint32_t clause);
  void remove_watch(Lit lit, uint32_t clause);
  template <Mode mode>
  uint32_t propagate_literal(Lit false_lit);
  uint32_t propagate_all();
  uint32_t propagate_core_first();
  void backtrack(size_t length);
  void truncate_top(size_t length);

  // Conflict analysis: marks the clauses a derivation used as core.
  void mark_core(uint32_t clause) { flags_[clause] |= kCore; }
  void note(uint32_t variable);
  void note_top(uint32_t variable);
  void walk_and_close();
  void analyze_conflict(uint32_t clause);
  void analyze_true(Lit lit);

  // The passes.
  bool forward(ProofReader& proof);
  bool backward();
  bool verify(uint32_t lemma, const Step& step);
  void ensure_occurrences();
  std::string where(const Step& step) const {
    return (binary_ ? "byte " : "line ") + std::to_string(step.where);
  }
  void emit_lrat(std::ostream& out);

  const Cnf& formula_;
  const CheckOptions& options_;
  CheckOutcome outcome_;
  bool binary_ = false;
  bool emit_ = false;

  std::vector<Lit> arena_;
  std::vector<uint64_t> starts_;  // by clause: arena index of the first literal
  std::vector<uint8_t> flags_;    // by clause
  std::vector<ClauseInfo> info_;  // by clause
  std::vector<Step> steps_;
  std::vector<uint32_t> buckets_;
  size_t hashed_ = 0;

  uint32_t variables_ = 0;               // arrays below cover variables < variables_
  std::vector<int8_t> vals_;             // by literal: 1 true, -1 false, 0 unassigned
  std::vector<std::vector<Watch>> watches_;  // by literal: clauses watching it
  std::vector<uint32_t> reason_;         // by variable
  std::vector<uint32_t> pos_;            // by variable: trail position
  std::vector<uint8_t> seen_;            // by variable: pending in analysis
  std::vector<uint8_t> justified_;       // by variable: top-level reasons already core
  std::vector<uint32_t> lit_mark_;       // by literal: stamp for dedup and matching
  uint32_t lit_stamp_ = 0;

  std::vector<Lit> trail_;
  size_t head_ = 0;          // propagation head over all clauses
  size_t core_head_ = 0;     // core-first propagation: core clauses
  size_t noncore_head_ = 0;  // core-first propagation: the others
  size_t top_len_ = 0;       // trail prefix that is the top-level assignment
  size_t pending_ = 0;       // seen_ variables not yet processed
  std::vector<uint32_t> stack_;
  std::vector<Lit> scratch_;

  int64_t conflict_step_ = -1;   // the step whose addition made propagation fail

  // Occurrence lists for RAT candidates, built on the first RAT check.
  std::vector<uint64_t> occ_begin_;
  std::vector<uint32_t> occ_;

  // LRAT output: per-lemma hint chains, recorded while verifying.
  uint32_t stamp_ = 0;
  std::vector<uint32_t> mark_;         // by variable: reason already in this chain
  std::vector<uint32_t> assumed_;      // by variable: assigned by the lemma's negation
  std::vector<Lit> assumed_lit_;
  size_t split_ = SIZE_MAX;            // trail positions from here go to the RAT group
  std::vector<std::pair<uint32_t, uint32_t>> prefix_;  // (trail position, reason)
  std::vector<uint32_t> group_;
  std::vector<uint32_t> chain_store_;
  std::vector<uint64_t> chain_begin_;
  std::vector<uint32_t> chain_size_;
  std::vector<uint32_t> final_chain_;
};

// ---------------------------------------------------------------------------
// Clause database

void DratChecker::ensure_variable(uint32_t variable) {
  if (variable < variables_) return;
  const uint32_t n = std::max(variable + 1, variables_ + variables_ / 2 + 16);
  vals_.resize(2 * size_t{n}, 0);
  watches_.resize(2 * size_t{n});
  lit_mark_.resize(2 * size_t{n}, 0);
  reason_.resize(n, kNone);
  pos_.resize(n, 0);
  seen_.resize(n, 0);
  justified_.resize(n, 0);
  if (emit_) {
    mark_.resize(n, 0);
    assumed_.resize(n, 0);
    assumed_lit_.resize(n, 0);
  }
  variables_ = n;
}

uint32_t DratChecker::store(std::span<const int> literals) {
  if (starts_.size() >= kIndexMask) throw std::runtime_error("too many clauses for wang-check");
  // Duplicate literals would break the watch invariants; dropping them does
  // not change the clause.
  ++lit_stamp_;
  arena_.push_back(0);  // the size, filled in below
  const uint64_t start = arena_.size();
  uint64_t sum = 0, mix = 0;
  for (const int literal : literals) {
    const auto variable = static_cast<uint32_t>(literal < 0 ? -static_cast<int64_t>(literal) : literal);
    if (variable > kMaxVariable) throw std::runtime_error("variable " + std::to_string(variable) + " too large");
    ensure_variable(variable);
    const Lit lit = encode(literal);
    if (lit_mark_[lit] == lit_stamp_) continue;
    lit_mark_[lit] = lit_stamp_;
    arena_.push_back(lit);
    // Sum and xor of a per-literal hash: independent of literal order.
    uint64_t h = (lit + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    sum += h;
    mix ^= h * 0xBF58476D1CE4E5B9ULL;
  }
  arena_[start - 1] = static_cast<Lit>(arena_.size() - start);
  starts_.push_back(start);
  flags_.push_back(kActive);
  info_.push_back({static_cast<uint32_t>(((sum ^ (mix >> 17)) * 0x94D049BB133111EBULL) >> 32), kNone,
                   literals.empty() ? kNone : encode(literals[0])});
  return static_cast<uint32_t>(starts_.size() - 1);
}

std::vector<int> DratChecker::external(uint32_t clause) {
  // Pivot first, as the proof wrote it; the arena order is the watches'.
  std::vector<int> result;
  const Lit pivot = info_[clause].pivot;
  if (pivot != kNone) result.push_back(decode(pivot));
  for (const Lit lit : lits(clause))
    if (lit != pivot) result.push_back(decode(lit));
  return result;
}

void DratChecker::hash_insert(uint32_t clause) {
  if (hashed_ >= buckets_.size()) {
    buckets_.assign(std::max<size_t>(1024, 2 * buckets_.size()), kNone);
    for (uint32_t c = 0; c < info_.size(); ++c) {
      if (c == clause || !(flags_[c] & kActive)) continue;
      const size_t b = info_[c].hash & (buckets_.size() - 1);
      info_[c].next = buckets_[b];
      buckets_[b] = c;
    }
  }
  const size_t b = info_[clause].hash & (buckets_.size() - 1);
  info_[clause].next = buckets_[b];
  buckets_[b] = clause;
  ++hashed_;
}

void DratChecker::hash_remove(uint32_t clause) {
  uint32_t* link = &buckets_[info_[clause].hash & (buckets_.size() - 1)];
  while (*link != clause) link = &info_[*link].next;
  *link = info_[clause].next;
  --hashed_;
}

// Finds an active clause with exactly these literals (as a set), preferring
// one that is not a reason; kNone if there is none.
uint32_t DratChecker::hash_find_for_deletion(std::span<const int> literals) {
  scratch_.clear();
  ++lit_stamp_;
  uint64_t sum = 0, mix = 0;
  for (const int literal : literals) {
    const auto variable = static_cast<uint32_t>(literal < 0 ? -static_cast<int64_t>(literal) : literal);
    if (variable >= variables_) return kNone;  // no clause mentions it
    const Lit lit = encode(literal);
    if (lit_mark_[lit] == lit_stamp_) continue;
    lit_mark_[lit] = lit_stamp_;
    scratch_.push_back(lit);
    uint64_t h = (lit + 1) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 29;
    sum += h;
    mix ^= h * 0xBF58476D1CE4E5B9ULL;
  }
  if (buckets_.empty()) return kNone;
  const auto hash = static_cast<uint32_t>(((sum ^ (mix >> 17)) * 0x94D049BB133111EBULL) >> 32);
  uint32_t reason_match = kNone;
  for (uint32_t c = buckets_[hash & (buckets_.size() - 1)]; c != kNone; c = info_[c].next) {
    if (info_[c].hash != hash) continue;
    const auto ls = lits(c);
    if (ls.size() != scratch_.size()) continue;
    if (!std::all_of(ls.begin(), ls.end(), [&](Lit lit) { return lit_mark_[lit] == lit_stamp_; })) continue;
    if (!is_reason(c)) return c;
    reason_match = c;
  }
  return reason_match;
}

bool DratChecker::is_reason(uint32_t clause) {
  // The literal a clause implies is always one of its two watches.
  const auto ls = lits(clause);
  for (size_t i = 0; i < std::min<size_t>(2, ls.size()); ++i)
    if (vals_[ls[i]] > 0 && reason_[var_of(ls[i])] == clause) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Watches and propagation
//
// Invariant at the top level (the propagation fixpoint): each clause of two
// or more literals watches two non-false literals, or a false one and a true
// one.  Checks only add assignments above the top level and backtrack
// chronologically, which preserves it; truncate_top restores it when the
// top level itself shrinks.

bool DratChecker::attach(uint32_t clause) {
  const auto ls = lits(clause);
  if (ls.empty()) return true;
  if (ls.size() == 1) {
    watches_[ls[0]].push_back({clause | kSmall, ls[0]});
    if (vals_[ls[0]] < 0) return true;
    if (vals_[ls[0]] == 0) assign(ls[0], clause);
    return false;
  }
  // Watch the two best literals: non-false ones, else the false ones
  // assigned last, which are the first to become unassigned again.
  auto rank = [&](Lit lit) -> uint64_t {
    if (vals_[lit] > 0) return uint64_t{3} << 32;
    if (vals_[lit] == 0) return uint64_t{2} << 32;
    return pos_[var_of(lit)];
  };
  for (size_t w = 0; w < 2; ++w) {
    size_t best = w;
    for (size_t i = w + 1; i < ls.size(); ++i)
      if (rank(ls[i]) > rank(ls[best])) best = i;
    std::swap(ls[w], ls[best]);
  }
  const uint32_t tag = ls.size() == 2 ? (clause | kSmall) : clause;
  watches_[ls[0]].push_back({tag, ls[1]});
  watches_[ls[1]].push_back({tag, ls[0]});
  if (vals_[ls[0]] < 0) return true;
  if (vals_[ls[1]] < 0 && vals_[ls[0]] == 0) assign(ls[0], clause);
  return false;
}

void DratChecker::remove_watch(Lit lit, uint32_t clause) {
  auto& ws = watches_[lit];
  for (size_t i = 0; i < ws.size(); ++i) {
    if ((ws[i].clause & kIndexMask) == clause) {
      ws[i] = ws.back();
      ws.pop_back();
      return;
    }
  }
}

void DratChecker::detach(uint32_t clause) {
  const auto ls = lits(clause);
  if (ls.empty()) return;
  remove_watch(ls[0], clause);
  if (ls.size() > 1) remove_watch(ls[1], clause);
}

// Visits the clauses watching `false_lit`, which just became false.  In the
// core-first modes, only core (Core) or only non-core (NonCore) clauses are
// looked at; the others keep their watch untouched.
template <Mode mode>
uint32_t DratChecker::propagate_literal(Lit false_lit) {
  auto& ws = watches_[false_lit];
  Watch* const begin = ws.data();
  Watch* const end = begin + ws.size();
  Watch* i = begin;
  Watch* j = begin;
  uint32_t conflict = kNone;
  while (i != end) {
    const Watch w = *i++;
    const int8_t blocker_value = vals_[w.blocker];
    if (blocker_value > 0) {
      *j++ = w;
      continue;
    }
    const uint32_t c = w.clause & kIndexMask;
    if constexpr (mode != Mode::All) {
      const bool core = flags_[c] & kCore;
      if (core != (mode == Mode::Core)) {
        *j++ = w;
        continue;
      }
    }
    if (w.clause & kSmall) {
      *j++ = w;
      if (blocker_value < 0) {
        conflict = c;
        break;
      }
      assign(w.blocker, c);
      continue;
    }
    Lit* ls = arena_.data() + starts_[c];
    const uint32_t size = ls[-1];
    if (ls[0] == false_lit) std::swap(ls[0], ls[1]);
    const Lit other = ls[0];
    if (other != w.blocker && vals_[other] > 0) {
      *j++ = {w.clause, other};
      continue;
    }
    uint32_t k = 2;
    while (k < size && vals_[ls[k]] < 0) ++k;
    if (k < size) {
      ls[1] = ls[k];
      ls[k] = false_lit;
      watches_[ls[1]].push_back({w.clause, other});
      continue;
    }
    *j++ = w;
    if (vals_[other] < 0) {
      conflict = c;
      break;
    }
    assign(other, c);
  }
  if (conflict != kNone)
    while (i != end) *j++ = *i++;
  ws.resize(static_cast<size_t>(j - begin));
  return conflict;
}

uint32_t DratChecker::propagate_all() {
  while (head_ < trail_.size()) {
    const uint32_t conflict = propagate_literal<Mode::All>(trail_[head_++] ^ 1);
    if (conflict != kNone) return conflict;
  }
  return kNone;
}

uint32_t DratChecker::propagate_core_first() {
  for (;;) {
    while (core_head_ < trail_.size()) {
      const uint32_t conflict = propagate_literal<Mode::Core>(trail_[core_head_++] ^ 1);
      if (conflict != kNone) return conflict;
    }
    if (noncore_head_ == trail_.size()) return kNone;
    // One literal's worth of non-core propagation, then core again.
    const uint32_t conflict = propagate_literal<Mode::NonCore>(trail_[noncore_head_++] ^ 1);
    if (conflict != kNone) return conflict;
  }
}

void DratChecker::backtrack(size_t length) {
  while (trail_.size() > length) {
    unassign(trail_.back());
    trail_.pop_back();
  }
  head_ = std::min(head_, length);
  core_head_ = std::min(core_head_, length);
  noncore_head_ = std::min(noncore_head_, length);
}

// Shrinks the top-level trail to `length` and restores the propagation
// fixpoint.  Plain backtracking is not enough here: a clause whose false
// watch stays assigned while its true watch is removed may now be unit, and
// nothing would ever revisit it.  Such clauses are exactly those watching a
// removed literal with the other watch false, so only the watch lists of the
// removed literals need a look.
void DratChecker::truncate_top(size_t length) {
  std::vector<Lit> removed(trail_.begin() + static_cast<std::ptrdiff_t>(length), trail_.end());
  backtrack(length);
  for (const Lit lit : removed) {
    auto& ws = watches_[lit];
    for (size_t i = 0; i < ws.size() && vals_[lit] <= 0; ++i) {
      if (vals_[lit] < 0) throw std::logic_error("wang-check: top-level conflict while repairing the trail");
      const Watch w = ws[i];
      const uint32_t c = w.clause & kIndexMask;
      if (w.clause & kSmall) {
        // Units watch themselves; binaries have the other literal as blocker.
        if (w.blocker == lit || vals_[w.blocker] < 0) assign(lit, c);
        continue;
      }
      const auto ls = lits(c);
      const size_t other_index = ls[0] == lit ? 1 : 0;
      const Lit other = ls[other_index];
      if (vals_[other] >= 0) continue;
      size_t k = 2;
      while (k < ls.size() && vals_[ls[k]] < 0) ++k;
      if (k == ls.size()) {
        assign(lit, c);
        continue;
      }
      // Move the false watch to the non-false literal found.
      std::swap(ls[other_index], ls[k]);
      remove_watch(other, c);
      watches_[ls[other_index]].push_back({c, lit});
    }
  }
}

// ---------------------------------------------------------------------------
// Conflict analysis
//
// Walks the implication graph back from a conflict and marks every reason
// on the way core.  Assignments above the top level are walked on the trail;
// top-level ones are closed over separately, and (unless recording LRAT
// chains, which need them per lemma) only once per assignment: `justified_`
// says the reasons behind a top-level literal are core already.

void DratChecker::note(uint32_t variable) {
  if (pos_[variable] < top_len_) {
    note_top(variable);
  } else if (!seen_[variable]) {
    seen_[variable] = 1;
    ++pending_;
  }
}

void DratChecker::note_top(uint32_t variable) {
  if (emit_) {
    if (mark_[variable] == stamp_) return;
    mark_[variable] = stamp_;
    // In LRAT the lemma's negation is assigned before any hint: a literal it
    // already provides needs no reason (and a hint for it would not be unit).
    if (assumed_[variable] == stamp_ && trail_[pos_[variable]] == assumed_lit_[variable]) return;
  } else {
    if (justified_[variable]) return;
    justified_[variable] = 1;
  }
  stack_.push_back(variable);
}

void DratChecker::walk_and_close() {
  for (size_t t = trail_.size(); pending_ > 0 && t-- > top_len_;) {
    const uint32_t variable = var_of(trail_[t]);
    if (!seen_[variable]) continue;
    seen_[variable] = 0;
    --pending_;
    const uint32_t reason = reason_[variable];
    if (reason == kNone) continue;  // an assumption
    mark_core(reason);
    if (emit_) {
      if (t >= split_) {
        group_.push_back(reason);
      } else if (mark_[variable] != stamp_) {
        mark_[variable] = stamp_;
        prefix_.emplace_back(static_cast<uint32_t>(t), reason);
      }
    }
    for (const Lit lit : lits(reason))
      if (var_of(lit) != variable) note(var_of(lit));
  }
  while (!stack_.empty()) {
    const uint32_t variable = stack_.back();
    stack_.pop_back();
    const uint32_t reason = reason_[variable];
    mark_core(reason);
    if (emit_) prefix_.emplace_back(pos_[variable], reason);
    for (const Lit lit : lits(reason))
      if (var_of(lit) != variable) note_top(var_of(lit));
  }
}

void DratChecker::analyze_conflict(uint32_t clause) {
  mark_core(clause);
  for (const Lit lit : lits(clause)) note(var_of(lit));
  walk_and_close();
}

// A literal to be assumed false is already true: its reasons are the
// derivation.
void DratChecker::analyze_true(Lit lit) {
  note(var_of(lit));
  walk_and_close();
}

// ---------------------------------------------------------------------------
// Forward pass

bool DratChecker::forward(ProofReader& proof) {
  const auto m = static_cast<uint32_t>(formula_.size());
  uint32_t conflict = kNone;
  for (uint32_t i = 0; i < m; ++i) {
    const uint32_t c = store(formula_.clause(i));
    hash_insert(c);
    if (conflict == kNone && attach(c)) conflict = c;
  }
  if (conflict == kNone) conflict = propagate_all();
  size_t trail_before = 0;
  ProofStep step;
  int64_t first_missing = -1;
  while (conflict == kNone && proof.next(step)) {
    const int64_t where = binary_ ? step.offset : step.line;
    if (step.deletion) {
      ++outcome_.deletions;
      const uint32_t c = hash_find_for_deletion(step.literals);
      if (c == kNone) {
        if (outcome_.deletions_missing++ == 0) first_missing = where;
      } else if (is_reason(c)) {
        ++outcome_.deletions_ignored;
      } else {
        detach(c);
        hash_remove(c);
        flags_[c] &= static_cast<uint8_t>(~kActive);
        steps_.push_back({c, true, where});
      }
      continue;
    }
    ++outcome_.lemmas;
    const uint32_t c = store(step.literals);
    hash_insert(c);
    steps_.push_back({c, false, where});
    trail_before = trail_.size();
    conflict = attach(c) ? c : propagate_all();
    if (conflict != kNone) conflict_step_ = static_cast<int64_t>(steps_.size()) - 1;
  }
  // Steps after the conflict are not needed, but still read so that a
  // malformed proof is reported as such wherever the damage is.
  while (proof.next(step)) ++(step.deletion ? outcome_.deletions : outcome_.lemmas);
  if (outcome_.deletions_missing > 0)
    outcome_.warnings.push_back("ignored " + std::to_string(outcome_.deletions_missing) +
                                " deletion(s) of clauses not present (first at " + (binary_ ? "byte " : "line ") +
                                std::to_string(first_missing) + ")");
  if (outcome_.deletions_ignored > 0)
    outcome_.warnings.push_back("ignored " + std::to_string(outcome_.deletions_ignored) +
                                " deletion(s) of unit/reason clauses, as drat-trim does");
  if (conflict == kNone) return false;

  // The conflict's derivation is what the backward pass must justify.
  top_len_ = trail_.size();
  ++stamp_;
  prefix_.clear();
  analyze_conflict(conflict);
  if (emit_) {
    std::sort(prefix_.begin(), prefix_.end());
    for (const auto& [position, reason] : prefix_) final_chain_.push_back(reason);
    final_chain_.push_back(conflict);
  }
  if (conflict_step_ >= 0) {
    // Back to the state before the last lemma, which is checked first.
    const uint32_t last = steps_[static_cast<size_t>(conflict_step_)].clause;
    detach(last);
    flags_[last] &= static_cast<uint8_t>(~kActive);
    truncate_top(trail_before);
    if (propagate_all() != kNone) throw std::logic_error("wang-check: conflict after undoing the last lemma");
  }
  return true;
}

// ---------------------------------------------------------------------------
// Backward pass

bool DratChecker::backward() {
  if (emit_) {
    chain_begin_.assign(starts_.size(), 0);
    chain_size_.assign(starts_.size(), 0);
  }
  for (int64_t s = conflict_step_; s >= 0; --s) {
    const Step& step = steps_[static_cast<size_t>(s)];
    const uint32_t c = step.clause;
    if (step.deletion) {
      // Undoing a deletion: the clause is back, and may propagate.
      flags_[c] |= kActive;
      if (attach(c) || propagate_all() != kNone)
        throw std::logic_error("wang-check: conflict when restoring a deleted clause");
      continue;
    }
    if (s != conflict_step_) {
      const auto ls = lits(c);
      size_t cut = SIZE_MAX;
      for (size_t i = 0; i < std::min<size_t>(2, ls.size()); ++i)
        if (vals_[ls[i]] > 0 && reason_[var_of(ls[i])] == c) cut = pos_[var_of(ls[i])];
      detach(c);
      flags_[c] &= static_cast<uint8_t>(~kActive);
      if (cut != SIZE_MAX) {
        truncate_top(cut);
        if (propagate_all() != kNone) throw std::logic_error("wang-check: conflict after removing a lemma");
      }
    }
    if ((flags_[c] & kCore) && !verify(c, step)) return false;
  }
  return true;
}

void DratChecker::ensure_occurrences() {
  if (!occ_begin_.empty()) return;
  occ_begin_.assign(2 * size_t{variables_} + 1, 0);
  for (uint32_t c = 0; c < starts_.size(); ++c)
    for (const Lit lit : lits(c)) ++occ_begin_[lit + 1];
  for (size_t i = 1; i < occ_begin_.size(); ++i) occ_begin_[i] += occ_begin_[i - 1];
  occ_.resize(occ_begin_.back());
  std::vector<uint64_t> fill(occ_begin_.begin(), occ_begin_.end() - 1);
  for (uint32_t c = 0; c < starts_.size(); ++c)
    for (const Lit lit : lits(c)) occ_[fill[lit]++] = c;
}

bool DratChecker::verify(uint32_t lemma, const Step& step) {
  ++outcome_.lemmas_checked;
  top_len_ = trail_.size();
  core_head_ = noncore_head_ = head_ = top_len_;
  const auto lemma_lits = lits(lemma);
  if (emit_) {
    ++stamp_;
    prefix_.clear();
    group_.clear();
    split_ = SIZE_MAX;
    for (const Lit lit : lemma_lits) {
      assumed_[var_of(lit)] = stamp_;
      assumed_lit_[var_of(lit)] = lit ^ 1;
    }
  }
  auto record = [&](const std::vector<uint32_t>& tail) {
    if (!emit_) return;
    std::sort(prefix_.begin(), prefix_.end());
    chain_begin_[lemma] = chain_store_.size();
    for (const auto& [position, reason] : prefix_) chain_store_.push_back(reason);
    chain_store_.insert(chain_store_.end(), tail.begin(), tail.end());
    chain_size_[lemma] = static_cast<uint32_t>(chain_store_.size() - chain_begin_[lemma]);
  };

  // RUP: assume the negation, propagate, hope for a conflict.
  for (const Lit lit : lemma_lits) {
    if (vals_[lit] > 0) {
      analyze_true(lit);
      backtrack(top_len_);
      record({});
      return true;
    }
    if (vals_[lit] == 0) assign(lit ^ 1, kNone);
  }
  if (const uint32_t conflict = propagate_core_first(); conflict != kNone) {
    analyze_conflict(conflict);
    backtrack(top_len_);
    record({conflict});
    return true;
  }

  // RAT on the pivot: every resolvent with a clause containing the negated
  // pivot must be RUP.  The negation of the lemma stays assigned as the base.
  ++outcome_.rat_checks;
  const Lit pivot = info_[lemma].pivot;
  if (pivot == kNone) {
    backtrack(top_len_);
    outcome_.reason = "the empty clause at " + where(step) +
                      " is not implied: unit propagation on the active clauses yields no conflict";
    return false;
  }
  ensure_occurrences();
  const size_t base = trail_.size();
  split_ = base;
  std::vector<uint32_t> groups;
  for (uint64_t o = occ_begin_[pivot ^ 1]; o < occ_begin_[(pivot ^ 1) + 1]; ++o) {
    const uint32_t candidate = occ_[o];
    if (candidate == lemma || !(flags_[candidate] & kActive)) continue;
    group_.clear();
    bool ok = false;
    for (const Lit lit : lits(candidate)) {
      if (lit == (pivot ^ 1)) continue;
      if (vals_[lit] > 0) {
        analyze_true(lit);
        ok = true;
        break;
      }
      if (vals_[lit] == 0) assign(lit ^ 1, kNone);
    }
    if (!ok) {
      if (const uint32_t conflict = propagate_core_first(); conflict != kNone) {
        analyze_conflict(conflict);
        group_.push_back(conflict);  // reversed below, so it ends up last
        std::rotate(group_.begin(), group_.end() - 1, group_.end());
        ok = true;
      }
    }
    backtrack(base);
    if (!ok) {
      backtrack(top_len_);
      outcome_.reason = "lemma " + clause_text(external(lemma)) + " at " + where(step) +
                        " is neither RUP nor RAT on pivot " + std::to_string(decode(pivot)) +
                        ": its resolvent with clause " + clause_text(external(candidate)) +
                        " yields no conflict by unit propagation";
      return false;
    }
    if (emit_) {
      groups.push_back(kRatGroup | candidate);
      groups.insert(groups.end(), group_.rbegin(), group_.rend());
    }
  }
  backtrack(top_len_);
  record(groups);
  return true;
}

// ---------------------------------------------------------------------------
// LRAT output: the verified core, forward, with the recorded chains.

void DratChecker::emit_lrat(std::ostream& out) {
  const auto m = static_cast<uint32_t>(formula_.size());
  std::vector<uint64_t> id(starts_.size(), 0);
  for (uint32_t i = 0; i < m; ++i) id[i] = i + 1;
  uint64_t next = uint64_t{m} + 1;
  auto write_hints = [&](const uint32_t* hints, size_t count) {
    bool skipping = false;
    for (size_t i = 0; i < count; ++i) {
      const uint32_t h = hints[i];
      if (h & kRatGroup) {
        // Candidates outside the core are not in the LRAT proof at all.
        const uint32_t candidate = h & kIndexMask;
        skipping = id[candidate] == 0;
        if (!skipping) out << " -" << id[candidate];
      } else if (!skipping) {
        out << ' ' << id[h];
      }
    }
  };
  const auto last_step = static_cast<size_t>(conflict_step_ + 1);
  for (size_t s = 0; s < last_step; ++s) {
    const uint32_t c = steps_[s].clause;
    if (steps_[s].deletion) {
      if (id[c] != 0) out << next - 1 << " d " << id[c] << " 0\n";
      id[c] = 0;
      continue;
    }
    if (!(flags_[c] & kCore)) continue;
    id[c] = next++;
    out << id[c];
    for (const int literal : external(c)) out << ' ' << literal;
    out << " 0";
    write_hints(chain_store_.data() + chain_begin_[c], chain_size_[c]);
    out << " 0\n";
  }
  // The conflict the forward pass found, unless the last lemma was the
  // empty clause itself.
  const bool last_is_empty = conflict_step_ >= 0 && lits(steps_[last_step - 1].clause).empty();
  if (!last_is_empty) {
    out << next << " 0";
    write_hints(final_chain_.data(), final_chain_.size());
    out << " 0\n";
  }
}

CheckOutcome DratChecker::run(ProofReader& proof) {
  binary_ = proof.format() == ProofFormat::DratBinary;
  outcome_.format = proof.format();
  if (!forward(proof)) {
    outcome_.reason = "no conflict: the formula and all " + std::to_string(outcome_.lemmas) +
                      " lemma(s) do not yield a conflict by unit propagation (the empty clause is not derived)";
    return outcome_;
  }
  if (!backward()) return outcome_;
  outcome_.verified = true;
  if (emit_) emit_lrat(*options_.lrat_output);
  return outcome_;
}

}  // namespace

CheckOutcome check_drat(const Cnf& formula, ProofReader& proof, const CheckOptions& options) {
  DratChecker checker(formula, options);
  return checker.run(proof);
}

}  // namespace wang::check
