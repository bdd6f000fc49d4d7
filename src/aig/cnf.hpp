// Polarity-aware Tseitin encoding of AIG cones into the SAT core.
//
// Each node that reaches the solver gets one variable v.  An AND node
// n = a & b can be given two halves of its definition v <-> n separately:
//
//   positive half   v -> n    clauses (-v | A), (-v | B)
//   negative half   n -> v    clause  (v | -A | -B)
//
// where A and B are the literals of the child edges.  `literal(e)` only needs
// the half that makes its literal imply e (Plaisted and Greenbaum): the
// positive half of e's node for a plain edge, the negative half for a
// negated one, as -v -> !n is n -> v.  The positive half of n in turn needs
// A -> a and B -> b, which is the same rule one level down; the negative
// half needs a -> A and b -> B, the rule for the negated child edges.
//
// Soundness.  Every half is added together with the halves it needs below
// it, so by induction from the inputs: in any model of the clauses, a node
// whose positive half is present is true whenever its variable is, and one
// whose negative half is present is false whenever its variable is.  So
// a model in which literal(e) is true, whether as a unit clause or as an
// assumption, has inputs under which e evaluates to true: SAT answers are
// right.  Conversely, every clause added is implied by the full definitions
// v <-> n, so setting every variable to its node's value under any input
// assignment satisfies all clauses ever added: no input assignment is lost,
// and UNSAT answers are right, however many roots share the clauses.
//
// Both halves matter once a node is used both ways.  If n only has v -> n
// and a later root needs !n, the literal -v does not force n false: the
// solver could make v false while n is true.  The encoder therefore records
// per node which halves are present and, when a later call needs the other
// one, adds it together with whatever halves it requires of the cone below.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "aig/aig.hpp"
#include "wang/sat.hpp"

namespace wang::aig {

class CnfEncoder {
 public:
  using ClauseObserver = std::function<void(std::span<const int>)>;

  struct Statistics {
    uint64_t variables = 0;  // handed out, including by `new_variable`
    uint64_t clauses = 0;
  };

  // The graph may keep growing while the encoder is in use; both must
  // outlive the encoder.
  CnfEncoder(const Aig& aig, sat::Solver& solver);
  CnfEncoder(const CnfEncoder&) = delete;
  CnfEncoder& operator=(const CnfEncoder&) = delete;

  // A literal that implies `edge` in every model of the clauses added;
  // adds whatever clauses of the cone are missing.  Enough for asserted
  // roots and assumptions, not for reading back the value of `edge` from a
  // model.
  int literal(Edge edge);
  // A literal equivalent to `edge` in every model of the clauses added.
  int literal_equivalent(Edge edge);
  // `literal` for an edge to an input node; throws otherwise.
  int input_literal(Edge input);
  // The variable of an input node, if it has one yet: its model value is the
  // input's value.  Inputs without a variable are unconstrained.  Throws for
  // other nodes, whose variables need not carry their value.
  std::optional<int> input_variable(uint32_t node) const;

  // A variable nothing else uses.  Clients sharing the solver must take
  // their variables from here, as the encoder's variables may not have
  // reached the solver yet.
  int new_variable();

  // Called with every clause added, e.g. to dump the CNF.
  void set_clause_observer(ClauseObserver observer) { observer_ = std::move(observer); }
  // Called every few thousand encoded nodes; it may throw to abandon a long
  // encoding (time or memory limits).  The encoder then forgets the halves
  // of the interrupted call, so a later call encodes them again: clauses
  // already added stay (each is implied by the full definitions), and no
  // node is ever marked encoded while part of its cone is missing.
  void set_interrupt_check(std::function<void()> check) { interrupt_check_ = std::move(check); }
  const Statistics& statistics() const { return stats_; }

 private:
  // Bits of `halves_`: which halves of a node's definition are in the solver.
  static constexpr uint8_t kPositive = 1;
  static constexpr uint8_t kNegative = 2;
  static constexpr uint8_t kBoth = kPositive | kNegative;
  static constexpr uint64_t kInterruptInterval = 4096;

  struct Task {
    uint32_t node;
    uint8_t halves;
  };

  int encode(Edge edge, uint8_t halves);
  void add_halves(uint32_t node, uint8_t halves);
  void ensure_literal(uint32_t node);
  int edge_literal(Edge edge) const;
  void add_clause(std::initializer_list<int> literals);

  const Aig& aig_;
  sat::Solver& solver_;
  ClauseObserver observer_;
  std::function<void()> interrupt_check_;
  std::vector<std::pair<uint32_t, uint8_t>> marked_;  // halves added by the current call
  uint64_t encoded_nodes_ = 0;
  Statistics stats_;
  int last_variable_ = 0;
  // Per node: the literal standing for it (0 for none yet) and the halves
  // of its definition present.  The constant node, false, stands as the
  // negation of a variable forced true.
  std::vector<int> literals_;
  std::vector<uint8_t> halves_;
  // The pending (node, halves) requests; a member so that its memory is
  // reused across calls.
  std::vector<Task> stack_;
};

}  // namespace wang::aig
