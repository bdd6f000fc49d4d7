// The public interface of wang's bit-vector SMT layer.
//
// Terms are immutable and hash-consed by a TermManager: building the same
// term twice gives the same handle, so handles compare by identity.  A
// Solver takes assertions over terms of sort Bool and decides them by
// bit-blasting into the SAT core.  The SMT-LIB front end is a client of
// exactly this interface.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "wang/bitvector.hpp"
#include "wang/sat.hpp"

namespace wang::smt {

enum class Kind : uint16_t {
  BoolValue,  // true or false
  BvValue,    // a bit-vector literal
  Constant,   // a declared (uninterpreted) constant
#define OP(kind, name, min_arity, max_arity, indices, arguments, result, attributes) kind,
#include "wang/smt_ops.def"
#undef OP
};

struct SortData;
class Sort;
// The representation behind a sort (internal to the term layer).
const SortData* sort_data(const Sort& sort);
Sort sort_with_data(const SortData* data);

// Bool, a bit-vector sort of width >= 1, an array sort, a sort declared
// with declare-sort (uninterpreted), or the sort of an uninterpreted
// function.  Sorts are values: equal sorts compare equal (array and
// function sorts are interned, each uninterpreted sort is its own).
class Sort {
 public:
  static Sort boolean() { return Sort(0, nullptr); }
  static Sort bitvec(uint32_t width);
  static Sort array(Sort index, Sort element);
  // A new sort: two calls with the same name give different sorts.
  static Sort uninterpreted(std::string name);
  // The sort of functions from `domain` (not empty) to `codomain`.
  static Sort function(std::vector<Sort> domain, Sort codomain);

  bool is_bool() const { return width_ == 0 && data_ == nullptr; }
  bool is_bitvec() const { return width_ != 0; }
  bool is_array() const;
  bool is_uninterpreted() const;
  bool is_function() const;
  // The width of a bit-vector sort (0 for the others).
  uint32_t width() const { return width_; }
  Sort array_index() const;
  Sort array_element() const;
  std::span<const Sort> function_domain() const;
  Sort function_codomain() const;
  // The name of an uninterpreted sort.
  const std::string& name() const;

  bool operator==(const Sort& other) const = default;
  size_t hash() const;
  // "Bool", "(_ BitVec N)", "(Array I E)", the declared name, or for a
  // function sort "(S1 ... Sn) T".
  std::string to_string() const;

 private:
  friend const SortData* sort_data(const Sort& sort);
  friend Sort sort_with_data(const SortData* data);
  Sort(uint32_t width, const SortData* data) : width_(width), data_(data) {}
  uint32_t width_;
  const SortData* data_;
};

struct Node;

class Term {
 public:
  Term() = default;
  Kind kind() const;
  Sort sort() const;
  size_t num_children() const;
  Term child(size_t index) const;
  std::span<const Term> children() const;
  size_t num_indices() const;
  uint32_t index(size_t i) const;
  bool is_value() const { return kind() == Kind::BoolValue || kind() == Kind::BvValue; }
  bool bool_value() const;
  const bv::BitVector& bv_value() const;
  // The name of a declared constant.
  const std::string& symbol() const;
  // Creation order, unique within a TermManager.
  uint64_t id() const;
  explicit operator bool() const { return node_ != nullptr; }
  bool operator==(const Term& other) const { return node_ == other.node_; }
  // SMT-LIB text of the term; shared subterms are printed in full.
  std::string to_string() const;

 private:
  friend class TermManager;
  explicit Term(const Node* node) : node_(node) {}
  const Node* node_ = nullptr;
};

struct TermHash {
  size_t operator()(const Term& term) const { return std::hash<uint64_t>()(term.id()); }
};

// The attribute column of the operator table (wang/smt_ops.def).
enum OpAttribute : uint32_t {
  kPlain = 0,
  kCommutative = 1u << 0,  // f(a, b) = f(b, a)
  kAssociative = 1u << 1,  // nested applications may be flattened into one
  kIdempotent = 1u << 2,   // f(a, a) = a
  kLeftAssoc = 1u << 3,    // (f a b c) is (f (f a b) c)
  kRightAssoc = 1u << 4,   // (f a b c) is (f a (f b c)); the term layer keeps f binary
  kChainable = 1u << 5,    // (f a b c) is (and (f a b) (f b c)); the term layer keeps f binary
  kPairwise = 1u << 6,     // (f a b c) holds of every pair of arguments
  kInternal = 1u << 7,     // no SMT-LIB name of its own: not bound by the parser
};

// One row of the operator table (wang/smt_ops.def).
struct OpInfo {
  Kind kind;
  std::string_view name;
  uint32_t min_arity;
  uint32_t max_arity;  // 0: unbounded
  uint32_t indices;
  uint32_t attributes;  // OpAttribute bits
  bool has(OpAttribute attribute) const { return (attributes & attribute) != 0; }
};

const OpInfo& op_info(Kind kind);
// The operator with SMT-LIB name `name`, or nullptr.
const OpInfo* find_op(std::string_view name);

// An ill-sorted term; `what()` says which argument and why.
class SortError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class TermManager {
 public:
  TermManager();
  ~TermManager();
  TermManager(const TermManager&) = delete;
  TermManager& operator=(const TermManager&) = delete;

  Term mk_bool(bool value);
  Term mk_bv(const bv::BitVector& value);
  // A fresh constant: two calls with the same name give different terms.
  // With a function sort it is an uninterpreted function, applied with
  // Kind::Apply.
  Term mk_const(Sort sort, std::string name);
  // The array of sort `sort` with `value` at every index.
  Term mk_const_array(Sort sort, Term value);
  // Throws SortError when the arguments or indices do not fit the operator.
  Term mk_term(Kind kind, std::span<const Term> arguments, std::span<const uint32_t> indices = {});
  Term mk_term(Kind kind, std::initializer_list<Term> arguments, std::initializer_list<uint32_t> indices = {});

  size_t num_terms() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

enum class Result { unknown, sat, unsat };

class Solver {
 public:
  explicit Solver(TermManager& terms);
  ~Solver();
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  // Options of the SAT core (see wang::sat::Solver::options()); only before
  // the first assertion.
  void set_sat_option(std::string_view name, int64_t value);
  // The word-level options: the rewrite level and the switches of the
  // preprocessing passes.  set_option and disable_rewrite_rule work only
  // before the first assertion; unknown names and values out of range
  // throw std::invalid_argument and std::out_of_range.
  static std::span<const sat::OptionInfo> options();
  void set_option(std::string_view name, int64_t value);
  int64_t get_option(std::string_view name) const;
  // Turns one rewrite rule off (for debugging); rewrite_rules() names them.
  void disable_rewrite_rule(std::string_view name);
  static std::vector<std::string_view> rewrite_rules();
  void set_limits(const sat::Limits& limits);
  sat::StopReason stop_reason() const;
  void terminate();
  // Streams the DRAT/LRAT proof of the bit-blasted formula, and the CNF
  // itself, as the SAT core receives them.  Before the first assertion.
  void trace_proof(std::ostream& out, sat::ProofFormat format);
  void dump_cnf(std::ostream& out);

  // `formula` must have sort Bool.
  void assert_formula(Term formula);
  Result check_sat(std::span<const Term> assumptions = {});
  void push(uint32_t levels = 1);
  void pop(uint32_t levels = 1);
  uint32_t num_levels() const;
  // Removes all assertions and levels; declarations stay with the manager.
  void reset_assertions();
  std::vector<Term> assertions() const;

  // After sat: the value of any term over declared constants, as a
  // BoolValue or BvValue term (for an array, stores over a constant
  // array; for an element of an uninterpreted sort, an abstract constant
  // named @SORT_k).  Constants that preprocessing eliminated
  // get the values their witnesses give; every model is checked against
  // the assertions as they were made, not as they were encoded.
  Term get_value(Term term);
  // After sat: how an uninterpreted function is interpreted, as its value
  // on the argument tuples listed and `otherwise` elsewhere (all values).
  struct FunctionInterpretation {
    std::vector<std::pair<std::vector<Term>, Term>> entries;
    Term otherwise;
  };
  FunctionInterpretation get_function_value(Term function);
  // After sat: whether every current assertion evaluates to true.  On
  // failure `failure` names the first assertion that does not.
  bool check_model(std::string* failure = nullptr);
  // After unsat: the assumptions of the last check that were used.
  std::vector<Term> unsat_assumptions() const;

  std::vector<sat::Statistic> statistics() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wang::smt
