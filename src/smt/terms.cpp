// Terms, sorts and the operator table.
//
// Hash-consing makes structurally equal terms identical, so caches of the
// evaluator and the bit-blaster hit on shared subterms however the input
// spelled them.  Declared constants are the exception: each declaration is
// a new constant even when names repeat (scoping is the front end's job).
#include <deque>
#include <map>
#include <mutex>
#include <unordered_set>

#include "smt/node.hpp"
#include "smt/symbols.hpp"

namespace wang::smt {

namespace {

// The widest bit-vector the solver accepts: far beyond any practical use,
// small enough that widths and sums of widths stay in 32 bits.
constexpr uint64_t kMaxWidth = uint64_t{1} << 28;

enum class ArgumentRule { AllBool, AllSame, IteArgs, AllBv, SameBv, SelectArgs, StoreArgs, AnySort, ApplyArgs };
enum class ResultRule {
  Bool,
  SameAsFirst,
  SameAsSecond,
  SumOfWidths,
  ExtractWidth,
  RepeatWidth,
  ExtendWidth,
  OneBit,
  ArrayElement,
  IndexSortFromIndices,
  FunctionCodomain,
};

struct OpRow {
  OpInfo info;
  ArgumentRule arguments;
  ResultRule result;
};

const OpRow kOpTable[] = {
#define OP(kind, name, min_arity, max_arity, indices, arguments, result, attributes) \
  {{Kind::kind, name, min_arity, max_arity, indices, attributes}, ArgumentRule::arguments, ResultRule::result},
#include "wang/smt_ops.def"
#undef OP
};

constexpr size_t kFirstOp = static_cast<size_t>(Kind::Constant) + 1;

const OpRow& op_row(Kind kind) { return kOpTable[static_cast<size_t>(kind) - kFirstOp]; }

size_t combine(size_t seed, size_t value) { return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); }

size_t node_hash(const Node& node) {
  size_t hash = static_cast<size_t>(node.kind);
  hash = combine(hash, node.sort.hash());
  for (uint32_t i = 0; i < node.num_indices; ++i) hash = combine(hash, node.indices[i]);
  hash = combine(hash, node.bool_value);
  for (const Term& child : node.children) hash = combine(hash, child.id());
  if (node.bv_value) hash = combine(hash, node.bv_value->hash());
  return hash;
}

struct NodeHash {
  size_t operator()(const Node* node) const { return node->hash; }
};

struct NodeEqual {
  bool operator()(const Node* a, const Node* b) const {
    return a->kind == b->kind && a->sort == b->sort && a->num_indices == b->num_indices &&
           a->indices == b->indices && a->bool_value == b->bool_value && a->children == b->children &&
           a->bv_value == b->bv_value;
  }
};

std::string argument_position(size_t index) {
  static const char* const kOrdinals[] = {"first", "second", "third"};
  return index < 3 ? kOrdinals[index] : "argument " + std::to_string(index + 1);
}

void check_arguments(const OpRow& row, std::span<const Term> args) {
  const std::string name(row.info.name);
  auto fail = [&](size_t index, const std::string& expected) {
    throw SortError("'" + name + "' expects " + expected + " as its " + argument_position(index) +
                    " argument, got " + args[index].sort().to_string());
  };
  switch (row.arguments) {
    case ArgumentRule::AllBool:
      for (size_t i = 0; i < args.size(); ++i) {
        if (!args[i].sort().is_bool()) fail(i, "Bool");
      }
      break;
    case ArgumentRule::AllSame:
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].sort() != args[0].sort()) fail(i, args[0].sort().to_string());
      }
      break;
    case ArgumentRule::IteArgs:
      if (!args[0].sort().is_bool()) fail(0, "Bool");
      if (args[2].sort() != args[1].sort()) fail(2, args[1].sort().to_string());
      break;
    case ArgumentRule::AllBv:
      for (size_t i = 0; i < args.size(); ++i) {
        if (!args[i].sort().is_bitvec()) fail(i, "a bit-vector");
      }
      break;
    case ArgumentRule::SameBv:
      if (!args[0].sort().is_bitvec()) fail(0, "a bit-vector");
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].sort() != args[0].sort()) fail(i, args[0].sort().to_string());
      }
      break;
    case ArgumentRule::SelectArgs:
    case ArgumentRule::StoreArgs: {
      const Sort array = args[0].sort();
      if (!array.is_array()) fail(0, "an array");
      if (args[1].sort() != array.array_index()) fail(1, array.array_index().to_string());
      if (row.arguments == ArgumentRule::StoreArgs && args[2].sort() != array.array_element()) {
        fail(2, array.array_element().to_string());
      }
      break;
    }
    case ArgumentRule::AnySort: break;
    case ArgumentRule::ApplyArgs: {
      const Sort function = args[0].sort();
      if (!function.is_function()) fail(0, "a function");
      const std::span<const Sort> domain = function.function_domain();
      if (args.size() != domain.size() + 1) {
        throw SortError("the function takes " + std::to_string(domain.size()) + " argument" +
                        (domain.size() == 1 ? "" : "s") + ", got " + std::to_string(args.size() - 1));
      }
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].sort() != domain[i - 1]) fail(i, domain[i - 1].to_string());
      }
      break;
    }
  }
  // Functions exist only applied, and arrays only over sorts that have
  // values (no function sorts in them).
  for (size_t i = row.arguments == ArgumentRule::ApplyArgs ? 1 : 0; i < args.size(); ++i) {
    if (args[i].sort().is_function()) fail(i, "a term that is not a function");
  }
}

uint32_t checked_width(uint64_t width, std::string_view name) {
  if (width > kMaxWidth) {
    throw SortError("'" + std::string(name) + "' would have width " + std::to_string(width) + ", above the limit of " +
                    std::to_string(kMaxWidth));
  }
  return static_cast<uint32_t>(width);
}

uint32_t result_width(const OpRow& row, std::span<const Term> args, std::span<const uint32_t> indices);

Sort result_sort(const OpRow& row, std::span<const Term> args, std::span<const uint32_t> indices) {
  switch (row.result) {
    case ResultRule::Bool: return Sort::boolean();
    case ResultRule::SameAsFirst: return args[0].sort();
    case ResultRule::SameAsSecond: return args[1].sort();
    case ResultRule::ArrayElement: return args[0].sort().array_element();
    case ResultRule::FunctionCodomain: return args[0].sort().function_codomain();
    case ResultRule::IndexSortFromIndices: return Sort::array(sort_from_code(indices[0], indices[1]), args[0].sort());
    default: return Sort::bitvec(result_width(row, args, indices));
  }
}

uint32_t result_width(const OpRow& row, std::span<const Term> args, std::span<const uint32_t> indices) {
  const std::string_view name = row.info.name;
  switch (row.result) {
    case ResultRule::OneBit: return 1;
    case ResultRule::SumOfWidths: {
      uint64_t sum = 0;
      for (const Term& arg : args) sum += arg.sort().width();
      return checked_width(sum, name);
    }
    case ResultRule::ExtractWidth: {
      const uint32_t high = indices[0], low = indices[1];
      if (high < low) throw SortError("'extract' needs i >= j, got i = " + std::to_string(high) + ", j = " + std::to_string(low));
      if (high >= args[0].sort().width()) {
        throw SortError("'extract' index " + std::to_string(high) + " is out of range for " + args[0].sort().to_string());
      }
      return high - low + 1;
    }
    case ResultRule::RepeatWidth:
      if (indices[0] == 0) throw SortError("'repeat' needs a positive index");
      return checked_width(uint64_t{args[0].sort().width()} * indices[0], name);
    case ResultRule::ExtendWidth: return checked_width(uint64_t{args[0].sort().width()} + indices[0], name);
    default: break;
  }
  throw std::logic_error("not a bit-vector result rule");
}

}  // namespace

// ---- sorts

enum class SortKind : uint8_t { Array, Uninterpreted, Function };

struct SortData {
  SortKind kind;
  std::vector<Sort> parameters;  // Array: index, element; Function: domain..., codomain
  std::string name;              // Uninterpreted
  uint64_t id;
};

namespace {

// Sorts live as long as the process: they are few, and a Sort must stay
// valid in every manager that uses it.
struct SortTable {
  std::mutex mutex;
  std::deque<SortData> sorts;
  std::map<std::pair<SortKind, std::vector<std::pair<uint32_t, const SortData*>>>, const SortData*> interned;

  const SortData* intern(SortKind kind, std::vector<Sort> parameters) {
    // Parameters are told apart by width and data: both are unique.
    std::vector<std::pair<uint32_t, const SortData*>> key;
    for (const Sort& parameter : parameters) key.emplace_back(parameter.width(), sort_data(parameter));
    const std::lock_guard lock(mutex);
    const auto found = interned.find({kind, key});
    if (found != interned.end()) return found->second;
    sorts.push_back({kind, std::move(parameters), {}, sorts.size()});
    interned.emplace(std::pair{kind, std::move(key)}, &sorts.back());
    return &sorts.back();
  }

  const SortData* fresh(std::string name) {
    const std::lock_guard lock(mutex);
    sorts.push_back({SortKind::Uninterpreted, {}, std::move(name), sorts.size()});
    return &sorts.back();
  }
};

SortTable& sort_table() {
  static SortTable table;
  return table;
}

}  // namespace

const SortData* sort_data(const Sort& sort) { return sort.data_; }
Sort sort_with_data(const SortData* data) { return Sort(0, data); }

// A sort as two numbers, for the indices of a constant array: its width
// and its table id + 1 (0 for Bool and bit-vectors).
std::array<uint32_t, 2> sort_code(Sort sort) {
  const SortData* data = sort_data(sort);
  return {sort.width(), data ? static_cast<uint32_t>(data->id + 1) : 0};
}

Sort sort_from_code(uint32_t width, uint32_t id) {
  if (id == 0) return width == 0 ? Sort::boolean() : Sort::bitvec(width);
  SortTable& table = sort_table();
  const std::lock_guard lock(table.mutex);
  if (id > table.sorts.size()) throw SortError("no sort has the code " + std::to_string(id));
  return sort_with_data(&table.sorts[id - 1]);
}

Sort Sort::bitvec(uint32_t width) {
  if (width == 0 || width > kMaxWidth) {
    throw SortError("bit-vector width must be between 1 and " + std::to_string(kMaxWidth) + ", got " + std::to_string(width));
  }
  return Sort(width, nullptr);
}

Sort Sort::array(Sort index, Sort element) {
  if (index.is_function() || element.is_function()) throw SortError("arrays cannot hold or be indexed by functions");
  return Sort(0, sort_table().intern(SortKind::Array, {index, element}));
}

Sort Sort::uninterpreted(std::string name) { return Sort(0, sort_table().fresh(std::move(name))); }

Sort Sort::function(std::vector<Sort> domain, Sort codomain) {
  if (domain.empty()) throw SortError("a function sort needs at least one argument sort");
  for (const Sort& sort : domain) {
    if (sort.is_function()) throw SortError("functions cannot take functions as arguments");
  }
  if (codomain.is_function()) throw SortError("functions cannot return functions");
  domain.push_back(codomain);
  return Sort(0, sort_table().intern(SortKind::Function, std::move(domain)));
}

bool Sort::is_array() const { return data_ && data_->kind == SortKind::Array; }
bool Sort::is_uninterpreted() const { return data_ && data_->kind == SortKind::Uninterpreted; }
bool Sort::is_function() const { return data_ && data_->kind == SortKind::Function; }

Sort Sort::array_index() const {
  if (!is_array()) throw std::logic_error("array_index of " + to_string());
  return data_->parameters[0];
}

Sort Sort::array_element() const {
  if (!is_array()) throw std::logic_error("array_element of " + to_string());
  return data_->parameters[1];
}

std::span<const Sort> Sort::function_domain() const {
  if (!is_function()) return {};
  return std::span<const Sort>(data_->parameters).first(data_->parameters.size() - 1);
}

Sort Sort::function_codomain() const {
  if (!is_function()) throw std::logic_error("function_codomain of " + to_string());
  return data_->parameters.back();
}

const std::string& Sort::name() const {
  if (!is_uninterpreted()) throw std::logic_error("name of " + to_string());
  return data_->name;
}

size_t Sort::hash() const { return combine(width_, data_ ? data_->id + 1 : 0); }

std::string Sort::to_string() const {
  if (is_bool()) return "Bool";
  if (is_bitvec()) return "(_ BitVec " + std::to_string(width_) + ")";
  switch (data_->kind) {
    case SortKind::Array: return "(Array " + array_index().to_string() + " " + array_element().to_string() + ")";
    case SortKind::Uninterpreted: return quote_symbol(data_->name);
    case SortKind::Function: {
      std::string text = "(";
      for (const Sort& sort : function_domain()) text += (text.size() > 1 ? " " : "") + sort.to_string();
      return text + ") " + function_codomain().to_string();
    }
  }
  return "?";
}

const OpInfo& op_info(Kind kind) { return op_row(kind).info; }

const OpInfo* find_op(std::string_view name) {
  for (const OpRow& row : kOpTable) {
    if (row.info.name == name) return &row.info;
  }
  return nullptr;
}

Kind Term::kind() const { return node_->kind; }
Sort Term::sort() const { return node_->sort; }
size_t Term::num_children() const { return node_->children.size(); }
Term Term::child(size_t index) const { return node_->children[index]; }
std::span<const Term> Term::children() const { return node_->children; }
size_t Term::num_indices() const { return node_->num_indices; }
uint32_t Term::index(size_t i) const { return node_->indices[i]; }
bool Term::bool_value() const { return node_->bool_value; }
const bv::BitVector& Term::bv_value() const { return *node_->bv_value; }
const std::string& Term::symbol() const { return node_->symbol; }
uint64_t Term::id() const { return node_->id; }

struct TermManager::Impl {
  std::deque<Node> nodes;
  std::unordered_set<const Node*, NodeHash, NodeEqual> table;

  Term intern(Node&& candidate) {
    candidate.hash = node_hash(candidate);
    if (auto found = table.find(&candidate); found != table.end()) return Term(*found);
    candidate.id = nodes.size();
    nodes.push_back(std::move(candidate));
    const Node* node = &nodes.back();
    table.insert(node);
    return Term(node);
  }
};

TermManager::TermManager() : impl_(std::make_unique<Impl>()) {}
TermManager::~TermManager() = default;

Term TermManager::mk_bool(bool value) {
  Node node{};
  node.kind = Kind::BoolValue;
  node.bool_value = value;
  return impl_->intern(std::move(node));
}

Term TermManager::mk_bv(const bv::BitVector& value) {
  Node node{};
  node.kind = Kind::BvValue;
  node.sort = Sort::bitvec(value.width());
  node.bv_value = value;
  return impl_->intern(std::move(node));
}

Term TermManager::mk_const_array(Sort sort, Term value) {
  if (!sort.is_array()) throw SortError("a constant array needs an array sort, got " + sort.to_string());
  if (!value || value.sort() != sort.array_element()) {
    throw SortError("a constant array of sort " + sort.to_string() + " needs a value of sort " +
                    sort.array_element().to_string() + (value ? ", got " + value.sort().to_string() : ""));
  }
  const std::array<uint32_t, 2> code = sort_code(sort.array_index());
  return mk_term(Kind::ConstArray, {value}, {code[0], code[1]});
}

Term TermManager::mk_const(Sort sort, std::string name) {
  Node node{};
  node.kind = Kind::Constant;
  node.sort = sort;
  node.symbol = std::move(name);
  node.id = impl_->nodes.size();
  node.hash = std::hash<uint64_t>()(node.id);
  impl_->nodes.push_back(std::move(node));
  return Term(&impl_->nodes.back());
}

Term TermManager::mk_term(Kind kind, std::span<const Term> arguments, std::span<const uint32_t> indices) {
  if (static_cast<size_t>(kind) < kFirstOp) throw std::invalid_argument("mk_term needs an operator kind");
  const OpRow& row = op_row(kind);
  const std::string name(row.info.name);
  if (arguments.size() < row.info.min_arity || (row.info.max_arity != 0 && arguments.size() > row.info.max_arity)) {
    const bool one = (row.info.max_arity == 0 ? row.info.min_arity : row.info.max_arity) == 1;
    throw SortError("'" + name + "' takes " +
                    (row.info.max_arity == row.info.min_arity ? std::to_string(row.info.min_arity)
                     : row.info.max_arity == 0                ? "at least " + std::to_string(row.info.min_arity)
                                              : std::to_string(row.info.min_arity) + " to " + std::to_string(row.info.max_arity)) +
                    (one ? " argument" : " arguments") + ", got " + std::to_string(arguments.size()));
  }
  if (indices.size() != row.info.indices) {
    throw SortError("'" + name + "' takes " + std::to_string(row.info.indices) +
                    (row.info.indices == 1 ? " index" : " indices") + ", got " + std::to_string(indices.size()));
  }
  for (const Term& argument : arguments) {
    if (!argument) throw std::invalid_argument("null argument to '" + name + "'");
  }
  check_arguments(row, arguments);
  Node node{};
  node.kind = kind;
  node.sort = result_sort(row, arguments, indices);
  node.num_indices = static_cast<uint32_t>(indices.size());
  for (size_t i = 0; i < indices.size(); ++i) node.indices[i] = indices[i];
  node.children.assign(arguments.begin(), arguments.end());
  return impl_->intern(std::move(node));
}

Term TermManager::mk_term(Kind kind, std::initializer_list<Term> arguments, std::initializer_list<uint32_t> indices) {
  return mk_term(kind, std::span<const Term>(arguments.begin(), arguments.size()),
                 std::span<const uint32_t>(indices.begin(), indices.size()));
}

size_t TermManager::num_terms() const { return impl_->nodes.size(); }

}  // namespace wang::smt
