#include "solver/array_engine.hpp"

#include <algorithm>

namespace wang::smt {

struct ArrayEngine::Read {
  Term index;
  Term value;
  uint32_t start;  // the node the read is taken from
};

namespace {

bool is_base(Term array) { return array.kind() == Kind::Constant || array.kind() == Kind::Apply; }

bool truth(const Value& value) { return std::get<bool>(value); }

}  // namespace

std::vector<Term> ArrayEngine::check(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of) {
  pending_.clear();
  model_.clear();
  add_witnesses(theory);
  build_graph(theory, value_of);
  for (const Term& select : theory.selects) propagate({select.child(1), select, node_of_.at(select.child(0).id())}, value_of);
  for (uint32_t node = 0; node < nodes_.size(); ++node) {
    const Term store = nodes_[node];
    if (store.kind() == Kind::Store) propagate({store.child(1), store.child(2), node}, value_of);
  }
  check_congruence(theory, value_of);
  if (pending_.empty()) build_model(theory, value_of);
  lemmas_ += pending_.size();
  return pending_;
}

Value ArrayEngine::value(Term term) const {
  const auto found = model_.find(term.id());
  return found != model_.end() ? found->second : default_value(term.sort());
}

// Each new equation between arrays gets its witness: if the arrays differ,
// they differ at a fresh index.
void ArrayEngine::add_witnesses(const TermBlaster::TheoryTerms& theory) {
  for (const Term& equation : theory.array_equalities) {
    if (witness_lemmas_.contains(equation.id())) continue;
    const Term a = equation.child(0), b = equation.child(1);
    const Term index =
        terms_.mk_const(a.sort().array_index(), "wang!witness!" + std::to_string(witness_lemmas_.size() + 1));
    const Term differ = terms_.mk_term(
        Kind::Not, {equal(terms_.mk_term(Kind::Select, {a, index}), terms_.mk_term(Kind::Select, {b, index}))});
    const Term witness = terms_.mk_term(Kind::Or, {equation, differ});
    witness_lemmas_.emplace(equation.id(), witness);
    lemma({}, witness);
  }
}

void ArrayEngine::build_graph(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of) {
  node_of_.clear();
  nodes_.clear();
  for (const Term& array : theory.arrays) {
    if (node_of_.emplace(array.id(), static_cast<uint32_t>(nodes_.size())).second) nodes_.push_back(array);
  }
  const size_t count = nodes_.size();
  parents_.assign(count, {});
  equal_.assign(count, {});
  leads_to_equation_.assign(count, false);
  records_.assign(count, std::map<Value, Recorded, bool (*)(const Value&, const Value&)>(value_less));
  defaults_.assign(count, std::nullopt);
  for (const Term& array : nodes_) {
    if (array.kind() == Kind::Store) parents_[node_of_.at(array.child(0).id())].push_back(array);
    if (array.kind() == Kind::Ite) {
      parents_[node_of_.at(array.child(1).id())].push_back(array);
      if (array.child(2) != array.child(1)) parents_[node_of_.at(array.child(2).id())].push_back(array);
    }
  }
  for (const Term& equation : theory.array_equalities) {
    if (!truth(value_of(equation))) continue;
    const uint32_t a = node_of_.at(equation.child(0).id()), b = node_of_.at(equation.child(1).id());
    equal_[a].emplace_back(b, equation);
    equal_[b].emplace_back(a, equation);
    leads_to_equation_[a] = leads_to_equation_[b] = true;
  }
  // An upward step from a child reaches the parent: parents come after
  // their children in creation order, so one pass from the newest marks
  // every array below an equation.
  std::vector<uint32_t> by_age(count);
  for (uint32_t i = 0; i < count; ++i) by_age[i] = i;
  std::sort(by_age.begin(), by_age.end(), [this](uint32_t a, uint32_t b) { return nodes_[a].id() > nodes_[b].id(); });
  for (uint32_t node : by_age) {
    if (!leads_to_equation_[node]) continue;
    const Term array = nodes_[node];
    if (array.kind() == Kind::Store) leads_to_equation_[node_of_.at(array.child(0).id())] = true;
    if (array.kind() == Kind::Ite) {
      leads_to_equation_[node_of_.at(array.child(1).id())] = true;
      leads_to_equation_[node_of_.at(array.child(2).id())] = true;
    }
  }
}

// A breadth-first walk from the read's array; each step carries the
// literal that makes the read's value flow along it.
void ArrayEngine::propagate(const Read& read, const ValueOf& value_of) {
  const Value index = value_of(read.index), value = value_of(read.value);
  struct Step {
    uint32_t node;
    int64_t from;  // the step before, -1 at the start
    Term literal;
  };
  std::vector<Step> steps{{read.start, -1, {}}};
  std::unordered_set<uint32_t> visited{read.start};
  const auto path = [&steps](size_t at) {
    std::vector<Term> literals;
    for (int64_t k = static_cast<int64_t>(at); k >= 0; k = steps[static_cast<size_t>(k)].from) {
      if (steps[static_cast<size_t>(k)].literal) literals.push_back(steps[static_cast<size_t>(k)].literal);
    }
    return literals;
  };
  const auto differs_from = [&](Term other_index) { return terms_.mk_term(Kind::Not, {equal(read.index, other_index)}); };
  for (size_t at = 0; at < steps.size(); ++at) {
    const uint32_t node = steps[at].node;
    const Term array = nodes_[node];
    const auto step = [&](uint32_t to, Term literal) {
      if (visited.insert(to).second) steps.push_back({to, static_cast<int64_t>(at), literal});
    };
    switch (array.kind()) {
      case Kind::Store: {
        const Term written_at = array.child(1), written = array.child(2);
        if (value_of(written_at) != index) {
          step(node_of_.at(array.child(0).id()), differs_from(written_at));
        } else if (value_of(written) != value) {
          std::vector<Term> premises = path(at);
          premises.push_back(equal(read.index, written_at));
          lemma(std::move(premises), equal(read.value, written));
        }
        break;
      }
      case Kind::Ite: {
        const Term condition = array.child(0);
        const bool then = truth(value_of(condition));
        step(node_of_.at(array.child(then ? 1 : 2).id()), then ? condition : terms_.mk_term(Kind::Not, {condition}));
        break;
      }
      case Kind::ConstArray:
        if (value_of(array.child(0)) != value) lemma(path(at), equal(read.value, array.child(0)));
        break;
      default: {
        auto& records = records_[node];
        const auto found = records.find(index);
        if (found == records.end()) {
          records.emplace(index, Recorded{read.index, read.value, path(at)});
        } else if (value_of(found->second.value) != value) {
          std::vector<Term> premises = path(at);
          premises.insert(premises.end(), found->second.path.begin(), found->second.path.end());
          if (found->second.index != read.index) premises.push_back(equal(read.index, found->second.index));
          lemma(std::move(premises), equal(read.value, found->second.value));
        }
      }
    }
    for (const auto& [to, equation] : equal_[node]) step(to, equation);
    for (const Term& parent : parents_[node]) {
      const uint32_t up = node_of_.at(parent.id());
      if (!leads_to_equation_[up]) continue;
      if (parent.kind() == Kind::Store) {
        if (parent.child(0) == array && value_of(parent.child(1)) != index) step(up, differs_from(parent.child(1)));
        continue;
      }
      const Term condition = parent.child(0);
      const bool then = truth(value_of(condition));
      if (parent.child(then ? 1 : 2) == array) step(up, then ? condition : terms_.mk_term(Kind::Not, {condition}));
    }
  }
}

// Applications of one function to arguments of equal values must have
// equal values; for array-valued ones, an equation ties them once.
void ArrayEngine::check_congruence(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of) {
  const auto tuple_less = [](const std::vector<Value>& a, const std::vector<Value>& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), value_less);
  };
  std::unordered_map<uint64_t, std::map<std::vector<Value>, Term, decltype(tuple_less)>> by_function;
  for (const Term& application : theory.applications) {
    std::vector<Value> arguments;
    for (size_t i = 1; i < application.num_children(); ++i) arguments.push_back(value_of(application.child(i)));
    auto& seen = by_function.try_emplace(application.child(0).id(), tuple_less).first->second;
    const auto [found, fresh] = seen.emplace(std::move(arguments), application);
    if (fresh) continue;
    const Term other = found->second;
    if (application.sort().is_array()) {
      const uint64_t pair = std::min(application.id(), other.id()) << 32 ^ std::max(application.id(), other.id());
      if (!congruent_pairs_.insert(pair).second) continue;
    } else if (value_of(application) == value_of(other)) {
      continue;
    }
    std::vector<Term> premises;
    for (size_t i = 1; i < application.num_children(); ++i) {
      if (application.child(i) != other.child(i)) premises.push_back(equal(application.child(i), other.child(i)));
    }
    lemma(std::move(premises), equal(application, other));
  }
}

// Defaults flow between arrays whose values agree outside finitely many
// indices: along stores, selected ite branches and equations that hold.
void ArrayEngine::propagate_defaults(const ValueOf& value_of) {
  std::vector<uint32_t> queue;
  std::vector<std::optional<Value>> known(nodes_.size());
  for (uint32_t node = 0; node < nodes_.size(); ++node) {
    if (nodes_[node].kind() != Kind::ConstArray) continue;
    known[node] = value_of(nodes_[node].child(0));
    queue.push_back(node);
  }
  const auto reach = [&](uint32_t to, const Value& value) {
    if (known[to]) return;
    known[to] = value;
    queue.push_back(to);
  };
  for (size_t at = 0; at < queue.size(); ++at) {
    const uint32_t node = queue[at];
    const Value value = *known[node];
    const Term array = nodes_[node];
    if (array.kind() == Kind::Store) reach(node_of_.at(array.child(0).id()), value);
    if (array.kind() == Kind::Ite) reach(node_of_.at(array.child(truth(value_of(array.child(0))) ? 1 : 2).id()), value);
    for (const auto& [to, equation] : equal_[node]) reach(to, value);
    for (const Term& parent : parents_[node]) {
      if (parent.kind() == Kind::Store || parent.child(truth(value_of(parent.child(0))) ? 1 : 2) == array) {
        reach(node_of_.at(parent.id()), value);
      }
    }
  }
  defaults_ = std::move(known);
}

void ArrayEngine::build_model(const TermBlaster::TheoryTerms& theory, const ValueOf& value_of) {
  propagate_defaults(value_of);
  for (uint32_t node = 0; node < nodes_.size(); ++node) {
    const Term array = nodes_[node];
    if (!is_base(array)) continue;
    std::vector<std::pair<Value, Value>> entries;
    for (const auto& [index, recorded] : records_[node]) entries.emplace_back(index, value_of(recorded.value));
    Value fallback = defaults_[node] ? *defaults_[node] : default_value(array.sort().array_element());
    model_.emplace(array.id(), make_array(array.sort(), std::move(fallback), std::move(entries)));
  }
  std::unordered_map<uint64_t, std::vector<std::pair<std::vector<Value>, Value>>> entries;
  std::unordered_map<uint64_t, Term> functions;
  for (const Term& application : theory.applications) {
    std::vector<Value> arguments;
    for (size_t i = 1; i < application.num_children(); ++i) arguments.push_back(value_of(application.child(i)));
    const Term function = application.child(0);
    functions.emplace(function.id(), function);
    entries[function.id()].emplace_back(std::move(arguments),
                                        application.sort().is_array() ? value(application) : value_of(application));
  }
  for (auto& [id, function_entries] : entries) {
    const Term function = functions.at(id);
    model_.emplace(id, make_function(function.sort(), default_value(function.sort().function_codomain()),
                                     std::move(function_entries)));
  }
}

void ArrayEngine::lemma(std::vector<Term> premises, Term conclusion) {
  Term formula = conclusion;
  if (!premises.empty()) {
    const Term condition = premises.size() == 1 ? premises[0] : terms_.mk_term(Kind::And, premises);
    formula = terms_.mk_term(Kind::Implies, {condition, conclusion});
  }
  if (std::find(pending_.begin(), pending_.end(), formula) == pending_.end()) pending_.push_back(formula);
}

}  // namespace wang::smt
