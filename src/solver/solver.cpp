// The SMT solver: assertions are preprocessed at the word level
// (src/preprocess, src/rewrite), bit-blasted into an AIG, AIG cones are
// encoded into the SAT core, and models are read back from the inputs and
// completed by the preprocessor's witnesses.
//
// Incrementality.  Each push level owns an activation literal a; an
// assertion made at that level is added as (-a | root), and check-sat
// assumes the literals of all open levels.  pop adds the unit -a, which
// switches the level's assertions off for good.  The AIG, the encoder's
// clauses and everything the SAT core learned stay valid across levels:
// definitions of AIG nodes never constrain the inputs, and learned clauses
// that depend on a level's assertions contain -a.  So later queries reuse
// earlier work, as the issue asks.
#include <atomic>
#include <map>
#include <chrono>
#include <ostream>
#include <sstream>

#include "aig/cnf.hpp"
#include "preprocess/preprocessor.hpp"
#include "smt/evaluator.hpp"
#include "solver/abstraction.hpp"
#include "solver/array_engine.hpp"
#include "solver/purify.hpp"
#include "solver/term_blaster.hpp"
#include "util/memory.hpp"

namespace wang::smt {

namespace {

// The parts that reset-assertions throws away.
struct Backend {
  explicit Backend(TermManager& terms) : blaster(aig, terms), abstractions(blaster), arrays(terms), purifier(terms) {}
  sat::Solver sat;
  aig::Aig aig;
  aig::CnfEncoder encoder{aig, sat};
  TermBlaster blaster;
  AbstractionRefiner abstractions;
  ArrayEngine arrays;
  Purifier purifier;
  std::unique_ptr<preprocess::Preprocessor> preprocessor;
};

// The value of AIG edges under the SAT core's model, by simulation from
// the inputs (the polarity-aware encoding leaves the variables of gates
// free in one direction, the inputs never).  Inputs the SAT core never saw
// are false.
class Simulation {
 public:
  explicit Simulation(const Backend& backend) : backend_(backend), values_(backend.aig.num_nodes(), kUnknown) {}

  bool value(aig::Edge edge) {
    const uint32_t root = aig::node_of(edge);
    if (root >= values_.size()) values_.resize(backend_.aig.num_nodes(), kUnknown);
    std::vector<uint32_t> stack{root};
    while (!stack.empty()) {
      const uint32_t node = stack.back();
      if (values_[node] != kUnknown) {
        stack.pop_back();
        continue;
      }
      if (node == 0 || backend_.aig.is_input(node)) {
        const std::optional<int> variable = node == 0 ? std::nullopt : backend_.encoder.input_variable(node);
        values_[node] = variable && backend_.sat.value(*variable) > 0 ? 1 : 0;
        stack.pop_back();
        continue;
      }
      const uint32_t left = aig::node_of(backend_.aig.child0(node)), right = aig::node_of(backend_.aig.child1(node));
      if (values_[left] == kUnknown || values_[right] == kUnknown) {
        if (values_[left] == kUnknown) stack.push_back(left);
        if (values_[right] == kUnknown) stack.push_back(right);
        continue;
      }
      values_[node] = edge_value(backend_.aig.child0(node)) && edge_value(backend_.aig.child1(node)) ? 1 : 0;
      stack.pop_back();
    }
    return edge_value(edge);
  }

 private:
  static constexpr int8_t kUnknown = -1;
  bool edge_value(aig::Edge edge) const { return (values_[aig::node_of(edge)] == 1) != aig::is_negated(edge); }

  const Backend& backend_;
  std::vector<int8_t> values_;
};

// The value of a term with bits, read from its edges.
Value value_of_bits(const TermBlaster::Bits& edges, Sort sort, Simulation& simulation) {
  bv::BitVector bits(std::max<uint32_t>(1, static_cast<uint32_t>(edges.size())));
  for (uint32_t i = 0; i < edges.size(); ++i) bits.set_bit(i, simulation.value(edges[i]));
  if (sort.is_bool()) return bits.bit(0);
  if (sort.is_uninterpreted()) return AbstractValue{sort, bits.to_uint64()};
  return bits;
}

// One row of the word-level option table: options.def, then a switch per
// preprocessing pass.
struct OptionRow {
  std::string name;
  int64_t default_value, min_value, max_value;
  std::string description;
};

const std::vector<OptionRow>& option_rows() {
  static const std::vector<OptionRow> kRows = [] {
    std::vector<OptionRow> rows = {
#define OPTION(name, default_value, min_value, max_value, description) \
  {#name, default_value, min_value, max_value, description},
#include "solver/options.def"
#undef OPTION
    };
    for (const preprocess::PassInfo& pass : preprocess::passes()) {
      rows.push_back({"pp_" + std::string(pass.name), pass.on_by_default ? 1 : 0, 0, 1,
                      "preprocessing pass: " + std::string(pass.description)});
    }
    return rows;
  }();
  return kRows;
}

const std::vector<sat::OptionInfo>& option_infos() {
  static const std::vector<sat::OptionInfo> kInfos = [] {
    std::vector<sat::OptionInfo> infos;
    for (const OptionRow& row : option_rows()) {
      infos.push_back({row.name, row.default_value, row.min_value, row.max_value, row.description});
    }
    return infos;
  }();
  return kInfos;
}

size_t option_index(std::string_view name) {
  const std::vector<OptionRow>& rows = option_rows();
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].name == name) return i;
  }
  throw std::invalid_argument("unknown option '" + std::string(name) + "'");
}

// Names of the statistics of rules and passes, made once: statistics
// refer to their names.
struct StatisticNames {
  std::vector<std::string> rules;
  // seconds, changes, eliminated: of each pass, then of the rewriting
  // between passes.
  std::vector<std::array<std::string, 3>> passes;
};

const StatisticNames& statistic_names() {
  static const StatisticNames kNames = [] {
    StatisticNames names;
    for (const rewrite::RuleInfo& rule : rewrite::rules()) names.rules.push_back("rule_" + std::string(rule.name));
    std::vector<std::string_view> passes;
    for (const preprocess::PassInfo& pass : preprocess::passes()) passes.push_back(pass.name);
    passes.push_back("rewrite");
    for (std::string_view pass : passes) {
      const std::string prefix = "pass_" + std::string(pass);
      names.passes.push_back({prefix + "_seconds", prefix + "_changes", prefix + "_eliminated"});
    }
    return names;
  }();
  return kNames;
}

struct Level {
  int activation;
  size_t assertions;  // number of assertions before the level was pushed
};

// Thrown by the interrupt checks of bit-blasting and encoding.
struct Interrupted {
  sat::StopReason reason;
};

// An assertion not yet bit-blasted, with the push level it belongs to.
struct PendingAssertion {
  Term formula;
  size_t level;  // 0: no push level
};

}  // namespace

struct Solver::Impl {
  explicit Impl(TermManager& terms) : terms(terms) {
    for (const OptionRow& row : option_rows()) option_values.push_back(row.default_value);
    reset_backend();
  }

  TermManager& terms;
  std::vector<int64_t> option_values;  // by option_rows()
  std::vector<rewrite::Rule> disabled_rules;
  std::unique_ptr<Backend> backend;
  std::vector<Term> assertions;
  std::vector<Level> levels;
  std::vector<Term> last_assumptions;
  std::vector<int> last_assumption_literals;
  Result last_result = Result::unknown;
  std::unique_ptr<Evaluator> model;
  bool configured = false;  // an assertion was made: options are fixed
  // The abstract constants standing for elements of uninterpreted sorts
  // in values (see value_term), by sort and element.
  std::map<std::pair<size_t, uint64_t>, Term> abstract_values;
  std::unordered_map<size_t, uint64_t> abstract_counts;
  // Assertions are preprocessed and bit-blasted by check_sat, under its
  // resource limits: `pending` as made, `unencoded` as preprocessed.
  std::vector<PendingAssertion> pending;
  std::vector<preprocess::Assertion> unencoded;
  // The assertions in the SAT core and the assumptions of the current
  // check, as encoded: where the relevant theory terms are found.
  std::vector<preprocess::Assertion> encoded_roots;
  std::vector<Term> encoded_assumptions;
  std::atomic<bool> terminate_requested{false};
  std::atomic<bool> in_sat_solve{false};  // forward terminate() to the SAT core only then
  sat::StopReason blasting_stop = sat::StopReason::none;
  bool out_of_memory = false;  // a failed allocation left the backend unusable

  // Configuration, replayed on reset.
  std::vector<std::pair<std::string, int64_t>> sat_options;
  sat::Limits limits;
  std::ostream* proof_out = nullptr;
  sat::ProofFormat proof_format = sat::ProofFormat::drat_text;
  std::ostream* cnf_out = nullptr;
  std::vector<int> cnf;  // clauses as added, 0-terminated, for dump_cnf
  bool cnf_written = false;

  int64_t option(std::string_view name) const { return option_values[option_index(name)]; }

  preprocess::Config preprocess_config() const {
    preprocess::Config config;
    config.level = static_cast<int>(option("rewrite_level"));
    config.max_rounds = static_cast<int>(option("pp_rounds"));
    for (const preprocess::PassInfo& pass : preprocess::passes()) {
      config.enabled[static_cast<size_t>(pass.id)] = option("pp_" + std::string(pass.name)) != 0;
    }
    config.disabled_rules = disabled_rules;
    return config;
  }

  // Before the first assertion, a new configuration needs only a new
  // preprocessor.
  void reset_preprocessor() {
    backend->preprocessor = std::make_unique<preprocess::Preprocessor>(terms, preprocess_config());
    backend->preprocessor->set_interrupt_check([this] { check_resources(); });
  }

  // A dumped CNF is written before the first solve, and a proof must follow
  // from it: lemmas of the abstraction would come later, so with either
  // one everything is blasted.
  uint32_t abstraction_width() const {
    if (cnf_out || proof_out) return 0;
    return static_cast<uint32_t>(option("abstraction_width"));
  }

  void reset_backend() {
    backend = std::make_unique<Backend>(terms);
    reset_preprocessor();
    backend->blaster.set_interrupt_check([this] { check_resources(); });
    backend->encoder.set_interrupt_check([this] { check_resources(); });
    out_of_memory = false;
    for (const auto& [name, value] : sat_options) backend->sat.set_option(name, value);
    backend->sat.set_limits(limits);
    if (proof_out) backend->sat.trace_proof(*proof_out, proof_format);
    if (cnf_out) {
      backend->encoder.set_clause_observer([this](std::span<const int> clause) { record_clause(clause); });
    }
    cnf.clear();
    cnf_written = false;
    unencoded.clear();
    encoded_roots.clear();
    frozen = {};
  }

  void check_resources() const {
    if (terminate_requested.load(std::memory_order_relaxed)) throw Interrupted{sat::StopReason::terminated};
    if (std::chrono::steady_clock::now() >= limits.deadline) throw Interrupted{sat::StopReason::time_limit};
    if (limits.memory_mib >= 0 && util::current_rss_bytes() > static_cast<uint64_t>(limits.memory_mib) << 20) {
      throw Interrupted{sat::StopReason::memory_limit};
    }
  }

  // Assertions and assumptions reach the encoding purified (purify.hpp)
  // unless the option is off.
  Term purify(Term formula) {
    if (option("purify") == 0) return formula;
    return backend->purifier.purify(formula, static_cast<uint32_t>(levels.size()));
  }

  // Pending with the assertions, so that an interrupted check keeps them.
  void add_ties() {
    const uint32_t level = static_cast<uint32_t>(levels.size());
    for (const Term& tie : backend->purifier.ties(level)) pending.push_back({tie, level});
  }

  // Preprocesses the pending assertions with the check's assumptions and
  // encodes what comes out; returns the assumptions as preprocessed.  An
  // interrupt leaves the pending assertions for the next check if it
  // comes while they are preprocessed, and the preprocessed ones not yet
  // encoded if it comes while they are encoded.
  std::vector<Term> encode_pending(std::span<const Term> assumptions) {
    std::vector<preprocess::Assertion> batch;
    for (const PendingAssertion& assertion : pending) {
      batch.push_back({assertion.formula, static_cast<uint32_t>(assertion.level)});
    }
    preprocess::Preprocessor::Result result = backend->preprocessor->process(batch, assumptions);
    backend->blaster.set_abstraction_width(abstraction_width());
    pending.clear();
    unencoded.insert(unencoded.end(), result.assertions.begin(), result.assertions.end());
    encode_unencoded();
    freeze_theory_bits();
    return std::move(result.assumptions);
  }

  // The bits that theory lemmas will mention (values and indices of reads
  // and writes, arguments and results of applications, equations between
  // arrays) stay out of variable elimination: a lemma clause over an
  // eliminated variable makes the SAT core restore it, a pass over its
  // whole elimination stack each time, and a check may add thousands.
  struct FrozenCounts {
    size_t selects = 0, applications = 0, arrays = 0, equations = 0, abstracted = 0;
  } frozen;
  void freeze_theory_bits() {
    const TermBlaster::TheoryTerms& theory = backend->blaster.theory_terms();
    const auto freeze = [&](Term term) {
      if (term.sort().is_array()) return;
      for (const aig::Edge edge : backend->blaster.bits(term)) {
        if (!aig::is_constant(edge)) backend->sat.freeze(std::abs(backend->encoder.literal(edge)));
      }
    };
    for (; frozen.selects < theory.selects.size(); ++frozen.selects) {
      const Term select = theory.selects[frozen.selects];
      freeze(select);
      freeze(select.child(1));
    }
    for (; frozen.applications < theory.applications.size(); ++frozen.applications) {
      const Term application = theory.applications[frozen.applications];
      for (const Term& part : application.children()) freeze(part);
      freeze(application);
    }
    for (; frozen.arrays < theory.arrays.size(); ++frozen.arrays) {
      const Term array = theory.arrays[frozen.arrays];
      if (array.kind() == Kind::Store) {
        freeze(array.child(1));
        freeze(array.child(2));
      } else if (array.kind() == Kind::Ite) {
        freeze(array.child(0));
      }
    }
    for (; frozen.equations < theory.array_equalities.size(); ++frozen.equations) {
      freeze(theory.array_equalities[frozen.equations]);
    }
    for (; frozen.abstracted < theory.abstracted.size(); ++frozen.abstracted) {
      const Term term = theory.abstracted[frozen.abstracted];
      for (const Term& operand : term.children()) freeze(operand);
      freeze(term);
    }
  }

  // Each assertion leaves the queue only once its clauses are in the SAT core.
  void encode_unencoded() {
    size_t done = 0;
    try {
      for (; done < unencoded.size(); ++done) {
        const preprocess::Assertion& assertion = unencoded[done];
        const aig::Edge root = backend->blaster.edge(assertion.term);
        if (root == aig::kTrue) continue;
        encoded_roots.push_back({assertion.term, assertion.level});
        assert_conjuncts(root, assertion.level == 0 ? 0 : -levels[assertion.level - 1].activation);
      }
    } catch (...) {
      unencoded.erase(unencoded.begin(), unencoded.begin() + static_cast<std::ptrdiff_t>(done));
      throw;
    }
    unencoded.clear();
  }

  // The conjuncts of a root's top-level AND tree are asserted one by one, as
  // Bitwuzla does: the tree's gates get no variables and definitions (a
  // bit-vector equation is such a tree).  A conjunct that is an OR stays one
  // literal: flattening ORs into clauses made the SAT core's search far
  // longer on bv-unsat-3.05 and isqrtaddnoifinvalidvc (see performance.md).
  // `guard` (0 for none) is the first literal of every clause.
  void assert_conjuncts(aig::Edge root, int guard) {
    std::vector<aig::Edge> pending{root};
    std::unordered_set<aig::Edge> seen{root};
    while (!pending.empty()) {
      const aig::Edge edge = pending.back();
      pending.pop_back();
      const uint32_t node = aig::node_of(edge);
      if (aig::is_negated(edge) || !backend->aig.is_and(node)) {
        const int literal = backend->encoder.literal(edge);
        if (guard == 0) {
          add_clause({literal});
        } else {
          add_clause({guard, literal});
        }
        continue;
      }
      for (const aig::Edge child : {backend->aig.child0(node), backend->aig.child1(node)}) {
        if (seen.insert(child).second) pending.push_back(child);
      }
    }
  }

  void record_clause(std::span<const int> clause) {
    cnf.insert(cnf.end(), clause.begin(), clause.end());
    cnf.push_back(0);
  }

  void add_clause(std::span<const int> clause) {
    if (cnf_out) record_clause(clause);
    backend->sat.add_clause(clause);
  }
  void add_clause(std::initializer_list<int> clause) { add_clause(std::span<const int>(clause.begin(), clause.size())); }

  // A lemma goes in as the clause of its disjuncts, not as a unit on its
  // root: no variables and definitions for the gates of its top-level
  // disjunction (8% fewer instructions on a yosys-smtbmc -s z3 script), and
  // a unit would always send the SAT core back to the root (see keeptrail).
  void add_lemma(aig::Edge lemma) {
    constexpr size_t kWidest = 32;
    std::vector<int> clause;
    std::vector<aig::Edge> disjuncts{lemma};
    while (!disjuncts.empty()) {
      const aig::Edge edge = disjuncts.back();
      disjuncts.pop_back();
      const uint32_t node = aig::node_of(edge);
      if (aig::is_negated(edge) && backend->aig.is_and(node) && clause.size() + disjuncts.size() + 2 <= kWidest) {
        disjuncts.push_back(aig::negate(backend->aig.child0(node)));
        disjuncts.push_back(aig::negate(backend->aig.child1(node)));
      } else {
        clause.push_back(backend->encoder.literal(edge));
      }
    }
    add_clause(clause);
  }

  void write_cnf() {
    if (!cnf_out || cnf_written) return;
    cnf_written = true;
    int variables = 0;
    size_t clauses = 0;
    for (int lit : cnf) {
      variables = std::max(variables, std::abs(lit));
      clauses += lit == 0;
    }
    variables = std::max(variables, backend->sat.max_var());
    std::ostringstream text;
    text << "p cnf " << variables << ' ' << clauses << '\n';
    for (int lit : cnf) text << lit << (lit == 0 ? '\n' : ' ');
    *cnf_out << text.str();
    cnf_out->flush();
  }

  void require_bool(Term term, const char* what) const {
    if (!term || !term.sort().is_bool()) {
      throw SortError(std::string(what) + " must have sort Bool" + (term ? ", got " + term.sort().to_string() : ""));
    }
  }

  // A term that denotes `value`: a value for Bool and bit-vectors, a
  // chain of stores over a constant array for arrays, and for elements of
  // an uninterpreted sort an abstract constant @SORT_k, numbered in the
  // order they are asked for.
  Term value_term(const Value& value) {
    if (const bool* truth = std::get_if<bool>(&value)) return terms.mk_bool(*truth);
    if (const bv::BitVector* bits = std::get_if<bv::BitVector>(&value)) return terms.mk_bv(*bits);
    if (const ArrayValue* array = std::get_if<ArrayValue>(&value)) {
      Term result = terms.mk_const_array(array->data->sort, value_term(array->data->default_value));
      for (const auto& [index, element] : array->data->entries) {
        result = terms.mk_term(Kind::Store, {result, value_term(index), value_term(element)});
      }
      return result;
    }
    if (std::holds_alternative<FunctionValue>(value)) throw std::invalid_argument("a function has no value term");
    const AbstractValue& element = std::get<AbstractValue>(value);
    const auto key = std::pair{element.sort.hash(), element.index};
    if (const auto found = abstract_values.find(key); found != abstract_values.end()) return found->second;
    const Term constant = terms.mk_const(element.sort, "@" + element.sort.name() + "_" + std::to_string(abstract_counts[element.sort.hash()]++));
    abstract_values.emplace(key, constant);
    return constant;
  }

  // Constants that never reached the SAT core are unconstrained: they
  // take the default value of their sort.
  Value constant_value(Term constant, Simulation& simulation) {
    const Sort sort = constant.sort();
    if (sort.is_array() || sort.is_function()) return backend->arrays.value(constant);
    if (!backend->blaster.has_bits(constant)) return default_value(sort);
    return value_of_bits(backend->blaster.bits(constant), sort, simulation);
  }

  uint64_t theory_rounds = 0;  // models checked against arrays and functions

  // The theory terms that the active assertions and the assumptions reach.
  // Terms of popped levels keep their bits, but their values no longer
  // matter: making them consistent would cost lemma rounds for nothing
  // (an incremental client such as yosys-smtbmc pops thousands of them).
  TermBlaster::TheoryTerms relevant_theory_terms() {
    TermBlaster::TheoryTerms relevant;
    std::unordered_set<uint64_t> seen;
    std::vector<Term> stack = encoded_assumptions;
    for (const preprocess::Assertion& root : encoded_roots) {
      if (root.level <= levels.size()) stack.push_back(root.term);
    }
    const auto add_equation = [&](Term a, Term b) {
      if (a == b) return;
      const Term equation = TermBlaster::array_equation(terms, a, b);
      relevant.array_equalities.push_back(equation);
      if (const Term* witness = backend->arrays.witness_lemma(equation)) stack.push_back(*witness);
    };
    while (!stack.empty()) {
      const Term term = stack.back();
      stack.pop_back();
      if (!seen.insert(term.id()).second) continue;
      for (const Term& child : term.children()) stack.push_back(child);
      const bool array = term.sort().is_array();
      if (term.kind() == Kind::Apply) relevant.applications.push_back(term);
      if (term.kind() == Kind::Select && !array) relevant.selects.push_back(term);
      if (backend->blaster.is_abstracted(term)) relevant.abstracted.push_back(term);
      if (array && term.kind() != Kind::Select) relevant.arrays.push_back(term);
      if ((term.kind() == Kind::Equal || term.kind() == Kind::Distinct) && term.child(0).sort().is_array()) {
        for (size_t i = 0; i < term.num_children(); ++i) {
          for (size_t j = i + 1; j < term.num_children(); ++j) add_equation(term.child(i), term.child(j));
        }
      }
    }
    return relevant;
  }

  // Solves, and while the model violates the theory of arrays or
  // functions or an abstracted term (abstraction.hpp), adds the lemmas that
  // say so and solves again.
  sat::Result solve_with_lemmas() {
    for (;;) {
      for (const Level& level : levels) backend->sat.assume(level.activation);
      for (int literal : last_assumption_literals) backend->sat.assume(literal);
      in_sat_solve.store(true);
      if (terminate_requested.load()) backend->sat.terminate();  // requested before the flag was up
      const sat::Result result = backend->sat.solve();
      in_sat_solve.store(false);
      const TermBlaster::TheoryTerms& all = backend->blaster.theory_terms();
      if (result != sat::Result::satisfiable ||
          (all.arrays.empty() && all.applications.empty() && all.abstracted.empty())) {
        return result;
      }
      ++theory_rounds;
      const TermBlaster::TheoryTerms theory = relevant_theory_terms();
      Simulation simulation(*backend);
      const auto value_of = [&](Term term) {
        return value_of_bits(backend->blaster.bits(term), term.sort(), simulation);
      };
      // Valid in the theories: they hold at every level, for good.
      std::vector<aig::Edge> lemmas = backend->abstractions.check(
          theory.abstracted, value_of, [&](aig::Edge edge) { return simulation.value(edge); });
      for (const Term& lemma : backend->arrays.check(theory, value_of)) lemmas.push_back(backend->blaster.edge(lemma));
      if (lemmas.empty()) return result;
      for (const aig::Edge lemma : lemmas) add_lemma(lemma);
      freeze_theory_bits();
    }
  }
};

Solver::Solver(TermManager& terms) : impl_(std::make_unique<Impl>(terms)) {}
Solver::~Solver() = default;

void Solver::set_sat_option(std::string_view name, int64_t value) {
  if (impl_->configured) throw std::logic_error("SAT options must be set before the first assertion");
  if (!impl_->backend->sat.set_option(name, value)) {
    throw std::invalid_argument("unknown SAT option '" + std::string(name) + "'");
  }
  impl_->sat_options.emplace_back(std::string(name), value);
}

std::span<const sat::OptionInfo> Solver::options() { return option_infos(); }

void Solver::set_option(std::string_view name, int64_t value) {
  Impl& s = *impl_;
  if (s.configured) throw std::logic_error("options must be set before the first assertion");
  const size_t index = option_index(name);
  const OptionRow& row = option_rows()[index];
  if (value < row.min_value || value > row.max_value) {
    throw std::out_of_range("option '" + row.name + "' takes values from " + std::to_string(row.min_value) +
                            " to " + std::to_string(row.max_value));
  }
  s.option_values[index] = value;
  s.reset_preprocessor();
}

int64_t Solver::get_option(std::string_view name) const { return impl_->option(name); }

void Solver::disable_rewrite_rule(std::string_view name) {
  Impl& s = *impl_;
  if (s.configured) throw std::logic_error("rewrite rules must be disabled before the first assertion");
  const std::optional<rewrite::Rule> rule = rewrite::find_rule(name);
  if (!rule) throw std::invalid_argument("unknown rewrite rule '" + std::string(name) + "'");
  s.disabled_rules.push_back(*rule);
  s.reset_preprocessor();
}

std::vector<std::string_view> Solver::rewrite_rules() {
  std::vector<std::string_view> names;
  for (const rewrite::RuleInfo& rule : rewrite::rules()) names.push_back(rule.name);
  return names;
}

void Solver::set_limits(const sat::Limits& limits) {
  impl_->limits = limits;
  impl_->backend->sat.set_limits(limits);
}

sat::StopReason Solver::stop_reason() const {
  const Impl& s = *impl_;
  return s.blasting_stop != sat::StopReason::none ? s.blasting_stop : s.backend->sat.stop_reason();
}

// A terminate request reaches the SAT core only while it searches: a request
// it received outside a solve would stop the next one.
void Solver::terminate() {
  impl_->terminate_requested.store(true);
  if (impl_->in_sat_solve.load()) impl_->backend->sat.terminate();
}

void Solver::trace_proof(std::ostream& out, sat::ProofFormat format) {
  if (impl_->configured) throw std::logic_error("trace_proof must be called before the first assertion");
  impl_->proof_out = &out;
  impl_->proof_format = format;
  impl_->backend->sat.trace_proof(out, format);
}

void Solver::dump_cnf(std::ostream& out) {
  if (impl_->configured) throw std::logic_error("dump_cnf must be called before the first assertion");
  impl_->cnf_out = &out;
  impl_->backend->encoder.set_clause_observer([impl = impl_.get()](std::span<const int> clause) { impl->record_clause(clause); });
}

void Solver::assert_formula(Term formula) {
  Impl& s = *impl_;
  s.require_bool(formula, "an assertion");
  s.configured = true;
  s.model.reset();
  s.assertions.push_back(formula);
  s.pending.push_back({s.purify(formula), s.levels.size()});
}

Result Solver::check_sat(std::span<const Term> assumptions) {
  Impl& s = *impl_;
  s.configured = true;
  s.model.reset();
  s.blasting_stop = sat::StopReason::none;
  s.last_result = Result::unknown;
  s.last_assumptions.assign(assumptions.begin(), assumptions.end());
  s.last_assumption_literals.clear();
  s.encoded_assumptions.clear();
  for (const Term& assumption : assumptions) s.require_bool(assumption, "an assumption");
  if (s.out_of_memory) {
    s.blasting_stop = sat::StopReason::memory_limit;
    return Result::unknown;
  }
  try {
    std::vector<Term> purified;
    for (const Term& assumption : assumptions) purified.push_back(s.purify(assumption));
    s.add_ties();
    s.encoded_assumptions = s.encode_pending(purified);
    for (const Term& assumption : s.encoded_assumptions) {
      s.last_assumption_literals.push_back(s.backend->encoder.literal(s.backend->blaster.edge(assumption)));
    }
  } catch (const Interrupted& interrupted) {
    s.blasting_stop = interrupted.reason;
    s.terminate_requested.store(false, std::memory_order_relaxed);
    return Result::unknown;
  } catch (const std::bad_alloc&) {
    s.out_of_memory = true;
    s.blasting_stop = sat::StopReason::memory_limit;
    return Result::unknown;
  }
  s.write_cnf();
  sat::Result result = sat::Result::unknown;
  try {
    result = s.solve_with_lemmas();
  } catch (const Interrupted& interrupted) {
    s.in_sat_solve.store(false);
    s.blasting_stop = interrupted.reason;
  } catch (const std::bad_alloc&) {
    s.in_sat_solve.store(false);
    s.out_of_memory = true;
    s.blasting_stop = sat::StopReason::memory_limit;
  }
  s.terminate_requested.store(false, std::memory_order_relaxed);
  s.last_result = result == sat::Result::satisfiable     ? Result::sat
                  : result == sat::Result::unsatisfiable ? Result::unsat
                                                         : Result::unknown;
  if (s.last_result == Result::sat) {
    auto simulation = std::make_shared<Simulation>(*s.backend);
    Purifier::ValueOf values = s.backend->preprocessor->model(
        [impl = impl_.get(), simulation](Term constant) { return impl->constant_value(constant, *simulation); });
    if (s.option("purify") != 0) values = s.backend->purifier.model(std::move(values));
    s.model = std::make_unique<Evaluator>(std::move(values));
  }
  return s.last_result;
}

void Solver::push(uint32_t count) {
  Impl& s = *impl_;
  s.model.reset();
  for (uint32_t i = 0; i < count; ++i) {
    const int activation = s.backend->encoder.new_variable();
    s.backend->sat.freeze(activation);
    s.levels.push_back({activation, s.assertions.size()});
  }
}

void Solver::pop(uint32_t count) {
  Impl& s = *impl_;
  if (count > s.levels.size()) {
    throw std::invalid_argument("cannot pop " + std::to_string(count) + " levels, only " +
                                std::to_string(s.levels.size()) + " pushed");
  }
  s.model.reset();
  for (uint32_t i = 0; i < count; ++i) {
    const Level level = s.levels.back();
    s.levels.pop_back();
    s.backend->sat.melt(level.activation);
    s.add_clause({-level.activation});
    s.assertions.resize(level.assertions);
  }
  std::erase_if(s.pending, [&s](const PendingAssertion& assertion) { return assertion.level > s.levels.size(); });
  std::erase_if(s.unencoded, [&s](const preprocess::Assertion& assertion) { return assertion.level > s.levels.size(); });
  std::erase_if(s.encoded_roots, [&s](const preprocess::Assertion& root) { return root.level > s.levels.size(); });
  s.backend->preprocessor->pop_to(static_cast<uint32_t>(s.levels.size()));
  s.backend->purifier.pop_to(static_cast<uint32_t>(s.levels.size()));
}

uint32_t Solver::num_levels() const { return static_cast<uint32_t>(impl_->levels.size()); }

void Solver::reset_assertions() {
  Impl& s = *impl_;
  s.assertions.clear();
  s.pending.clear();
  s.levels.clear();
  s.model.reset();
  s.last_assumptions.clear();
  s.last_assumption_literals.clear();
  s.last_result = Result::unknown;
  s.reset_backend();
}

std::vector<Term> Solver::assertions() const { return impl_->assertions; }

Term Solver::get_value(Term term) {
  Impl& s = *impl_;
  if (!s.model) throw std::logic_error("get_value needs a satisfiable result");
  if (term.sort().is_function()) throw std::invalid_argument("get_value of a function: use get_function_value");
  return s.value_term(s.model->evaluate(term));
}

Solver::FunctionInterpretation Solver::get_function_value(Term function) {
  Impl& s = *impl_;
  if (!s.model) throw std::logic_error("get_function_value needs a satisfiable result");
  if (!function.sort().is_function()) throw std::invalid_argument("get_function_value of a term that is no function");
  const FunctionData& data = *std::get<FunctionValue>(s.model->evaluate(function)).data;
  FunctionInterpretation interpretation{{}, s.value_term(data.default_value)};
  for (const auto& [arguments, value] : data.entries) {
    std::vector<Term> argument_terms;
    for (const Value& argument : arguments) argument_terms.push_back(s.value_term(argument));
    interpretation.entries.emplace_back(std::move(argument_terms), s.value_term(value));
  }
  return interpretation;
}

bool Solver::check_model(std::string* failure) {
  Impl& s = *impl_;
  if (!s.model) throw std::logic_error("check_model needs a satisfiable result");
  const auto holds = [&s](Term formula) { return std::get<bool>(s.model->evaluate(formula)); };
  for (const Term& assertion : s.assertions) {
    if (holds(assertion)) continue;
    if (failure) *failure = "assertion " + assertion.to_string() + " is false in the model";
    return false;
  }
  for (const Term& assumption : s.last_assumptions) {
    if (holds(assumption)) continue;
    if (failure) *failure = "assumption " + assumption.to_string() + " is false in the model";
    return false;
  }
  return true;
}

std::vector<Term> Solver::unsat_assumptions() const {
  const Impl& s = *impl_;
  if (s.last_result != Result::unsat) throw std::logic_error("unsat_assumptions needs an unsatisfiable result");
  std::vector<Term> failed;
  for (size_t i = 0; i < s.last_assumptions.size(); ++i) {
    if (s.backend->sat.failed(s.last_assumption_literals[i])) failed.push_back(s.last_assumptions[i]);
  }
  return failed;
}

std::vector<sat::Statistic> Solver::statistics() const {
  const Impl& s = *impl_;
  std::vector<sat::Statistic> result = s.backend->sat.statistics();
  result.push_back({"assertions", static_cast<double>(s.assertions.size()), ""});
  result.push_back({"terms", static_cast<double>(s.terms.num_terms()), ""});
  result.push_back({"aig_nodes", static_cast<double>(s.backend->aig.num_nodes()), ""});
  result.push_back({"cnf_variables", static_cast<double>(s.backend->encoder.statistics().variables), ""});
  result.push_back({"cnf_clauses", static_cast<double>(s.backend->encoder.statistics().clauses), ""});
  result.push_back({"theory_rounds", static_cast<double>(s.theory_rounds), ""});
  result.push_back({"theory_lemmas", static_cast<double>(s.backend->arrays.lemmas()), ""});
  result.push_back({"abstraction_lemmas", static_cast<double>(s.backend->abstractions.lemmas()), ""});
  result.push_back({"abstraction_circuits", static_cast<double>(s.backend->abstractions.exact_circuits()), ""});
  const preprocess::Preprocessor& preprocessor = *s.backend->preprocessor;
  const StatisticNames& names = statistic_names();
  for (size_t i = 0; i < names.passes.size(); ++i) {
    const preprocess::PassStatistics& stats = i < preprocess::kNumPasses
                                                  ? preprocessor.statistics(static_cast<preprocess::PassId>(i))
                                                  : preprocessor.rewrite_statistics();
    result.push_back({names.passes[i][0], stats.seconds, "s"});
    result.push_back({names.passes[i][1], static_cast<double>(stats.changes), ""});
    result.push_back({names.passes[i][2], static_cast<double>(stats.eliminated), ""});
  }
  for (const rewrite::RuleInfo& rule : rewrite::rules()) {
    const uint64_t fired = preprocessor.rewriter().fired(rule.rule);
    if (fired > 0) result.push_back({names.rules[static_cast<size_t>(rule.rule)], static_cast<double>(fired), ""});
  }
  return result;
}

}  // namespace wang::smt
