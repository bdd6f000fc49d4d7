// Compaction of the clause arena in place (src/sat/arena.cpp): the clauses
// below the start stay where they are, the live ones above it move down in
// order with their literals and ids, and the forwarding table tells every
// owner of a reference where its clause went.
#include <gtest/gtest.h>

#include <vector>

#include "sat/clause.hpp"

namespace wang::sat {
namespace {

struct Allocated {
  ClauseRef ref;
  std::vector<Lit> literals;
  ClauseId id;
};

std::vector<Allocated> allocate_clauses(ClauseArena& arena, int count) {
  std::vector<Allocated> clauses;
  for (int i = 0; i < count; ++i) {
    std::vector<Lit> literals;
    for (int j = 0; j <= i % 4 + 1; ++j) literals.push_back(static_cast<Lit>(2 * (i + j) + (j & 1)));
    const ClauseId id = static_cast<ClauseId>(100 + i);
    clauses.push_back({arena.allocate(literals, i % 2 == 1, id), literals, id});
  }
  return clauses;
}

void expect_clause(const ClauseArena& arena, ClauseRef ref, const Allocated& expected) {
  const Clause& clause = arena[ref];
  EXPECT_EQ(clause.id(), expected.id);
  EXPECT_FALSE(clause.garbage);
  EXPECT_EQ(std::vector<Lit>(clause.begin(), clause.end()), expected.literals);
}

TEST(ClauseArenaCompaction, MovesOnlyTheClausesFromTheFirstGarbageOn) {
  ClauseArena arena;
  const std::vector<Allocated> clauses = allocate_clauses(arena, 8);
  arena.free(clauses[5].ref);
  arena.free(clauses[3].ref);
  arena.free(clauses[6].ref);
  EXPECT_EQ(arena.first_garbage(), clauses[3].ref);
  ClauseRef live_words = 0;
  for (const Allocated& clause : clauses) {
    if (!arena[clause.ref].garbage) live_words += ClauseArena::kHeaderWords + clause.literals.size();
  }

  std::vector<ClauseRef> forward;
  const ClauseRef start = arena.first_garbage();
  arena.compact_from(start, forward);
  EXPECT_EQ(arena.end_ref(), live_words);
  EXPECT_EQ(arena.first_garbage(), arena.end_ref());
  for (int i : {0, 1, 2}) expect_clause(arena, clauses[i].ref, clauses[i]);
  for (int i : {3, 5, 6}) EXPECT_EQ(forward[clauses[i].ref - start], kNoReason) << i;
  ClauseRef expected_ref = start;
  for (int i : {4, 7}) {
    const ClauseRef moved = forward[clauses[i].ref - start];
    EXPECT_EQ(moved, expected_ref) << i;
    expect_clause(arena, moved, clauses[i]);
    expected_ref = arena.next(moved);
  }
  EXPECT_EQ(expected_ref, arena.end_ref());
}

// The collector also starts below the first garbage clause, at the first
// clause it has to watch: the live clauses there stay as they are.
TEST(ClauseArenaCompaction, FromBelowTheGarbageLiveClausesStay) {
  ClauseArena arena;
  const std::vector<Allocated> clauses = allocate_clauses(arena, 5);
  arena.free(clauses[4].ref);
  const ClauseRef old_end = arena.end_ref();
  std::vector<ClauseRef> forward{1, 2, 3};
  arena.compact_from(clauses[1].ref, forward);
  ASSERT_EQ(forward.size(), old_end - clauses[1].ref);
  for (int i : {1, 2, 3}) EXPECT_EQ(forward[clauses[i].ref - clauses[1].ref], clauses[i].ref) << i;
  EXPECT_EQ(forward[clauses[4].ref - clauses[1].ref], kNoReason);
  EXPECT_EQ(arena.end_ref(), clauses[4].ref);
  for (int i : {0, 1, 2, 3}) expect_clause(arena, clauses[i].ref, clauses[i]);
}

TEST(ClauseArenaCompaction, GarbageAfterACompactionIsTrackedAgain) {
  ClauseArena arena;
  const std::vector<Allocated> clauses = allocate_clauses(arena, 6);
  arena.free(clauses[4].ref);
  std::vector<ClauseRef> forward;
  arena.compact_from(arena.first_garbage(), forward);
  const ClauseRef last = forward[clauses[5].ref - clauses[4].ref];
  arena.free(clauses[1].ref);
  EXPECT_EQ(arena.first_garbage(), clauses[1].ref);
  arena.compact_from(clauses[1].ref, forward);
  expect_clause(arena, clauses[0].ref, clauses[0]);
  expect_clause(arena, forward[last - clauses[1].ref], clauses[5]);
}

}  // namespace
}  // namespace wang::sat
