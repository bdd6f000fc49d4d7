// The SAT engine's white-box access point for the micro-benchmarks.
//
// `Internal` declares `InternalTester` a friend; this is the one definition
// of that class in the wang_bench binary (every benchmark that needs the
// engine's private parts includes this header).  Setup helpers live here;
// what a benchmark times is in its own file.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include "sat/internal.hpp"

namespace wang::sat {

class InternalTester {
 public:
  // Uniform random 3-SAT: `clauses` clauses over `variables` variables.
  static void load_random_3sat(Internal& engine, uint32_t variables, uint32_t clauses, uint64_t seed) {
    std::mt19937_64 rng(seed);
    engine.reserve_variables(variables);
    std::vector<Lit> clause(3);
    for (uint32_t i = 0; i < clauses; ++i) {
      for (Lit& lit : clause) lit = make_lit(static_cast<Var>(rng() % variables), rng() & 1);
      engine.add_original_clause(clause);
    }
  }

  // ---- Propagation ------------------------------------------------------

  // Decides random unassigned literals until a conflict or `depth` levels,
  // then undoes everything.  Returns the literals propagated.
  static int64_t descend(Internal& engine, std::mt19937_64& rng, uint32_t depth) {
    const int64_t before = engine.stats.propagations;
    for (uint32_t level = 0; level < depth; ++level) {
      const Var var = static_cast<Var>(rng() % engine.num_vars);
      const Lit lit = make_lit(var, rng() & 1);
      if (engine.value(lit) != kUnassigned) continue;
      engine.decide_literal(lit);
      if (engine.propagate() != kNoReason) break;
    }
    engine.backtrack(0);
    return engine.stats.propagations - before;
  }

  // ---- Conflict analysis --------------------------------------------------

  // Runs the CDCL loop of search.cpp (propagate, restart and reduce when
  // due, decide) up to the next conflict above the root level, and returns
  // that conflict without analysing it.  kNoReason when the search ended:
  // every variable assigned, or a conflict at the root level.
  static ClauseRef next_conflict(Internal& engine) {
    for (;;) {
      const ClauseRef conflict = engine.propagate();
      if (conflict != kNoReason) return engine.decision_level() == 0 ? kNoReason : conflict;
      if (engine.restart_due()) engine.restart();
      if (engine.reduce_due()) engine.reduce();
      if (!engine.decide()) return kNoReason;
    }
  }

  static void analyze(Internal& engine, ClauseRef conflict) { engine.analyze(conflict); }
  static size_t learnt_size(const Internal& engine) { return engine.learnt_.size(); }

  // ---- Clause database ------------------------------------------------------

  struct LearnedClause {
    std::vector<Lit> literals;
    uint32_t glue;
    uint32_t used;
    float activity;
  };

  // The live learned clauses of an engine, with their metadata.
  static std::vector<LearnedClause> learned_clauses(const Internal& engine) {
    std::vector<LearnedClause> result;
    for (ClauseRef ref = engine.arena_.first(); ref != engine.arena_.end_ref(); ref = engine.arena_.next(ref)) {
      const Clause& clause = engine.arena_[ref];
      if (!clause.learnt || clause.garbage) continue;
      result.push_back({std::vector<Lit>(clause.begin(), clause.end()), clause.glue, clause.used, clause.activity});
    }
    return result;
  }

  // Adds learned clauses (at the root level, nothing assigned) as conflict
  // analysis would have left them.
  static void add_learned_clauses(Internal& engine, std::span<const LearnedClause> clauses) {
    for (const LearnedClause& learned : clauses) {
      const ClauseRef ref = engine.new_clause(learned.literals, true, learned.glue, engine.next_clause_id());
      Clause& clause = engine.arena_[ref];
      clause.used = learned.used;
      clause.activity = learned.activity;
    }
  }

  static void reduce(Internal& engine) { engine.reduce(); }
  static int64_t redundant(const Internal& engine) { return engine.redundant_; }
};

}  // namespace wang::sat
