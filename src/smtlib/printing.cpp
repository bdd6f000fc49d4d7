#include "smtlib/printing.hpp"

#include <cmath>
#include <cstdio>

#include "smt/symbols.hpp"
#include "smtlib/reserved_words.hpp"

namespace wang::smtlib {

namespace {

std::string number_text(double value) {
  char text[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(text, sizeof text, "%.0f", value);
  } else {
    std::snprintf(text, sizeof text, "%.3f", value);
  }
  return text;
}

// A value as the theories write values (SMT-LIB 2.6, 4.2.6 and the theory
// of FixedSizeBitVectors): true or false, for bit-vectors the binary #bX
// with exactly as many digits as the width, for an element of a declared
// sort an abstract value @S_k, and for an array stores over a constant
// array (built without recursion along the stores: a model may hold many).
std::string value_text(const smt::Term& value) {
  switch (value.kind()) {
    case smt::Kind::BoolValue: return value.bool_value() ? "true" : "false";
    case smt::Kind::BvValue: return "#b" + value.bv_value().to_binary_string();
    case smt::Kind::ConstArray: return "((as const " + value.sort().to_string() + ") " + value_text(value.child(0)) + ")";
    case smt::Kind::Store: {
      std::vector<smt::Term> stores;
      smt::Term base = value;
      for (; base.kind() == smt::Kind::Store; base = base.child(0)) stores.push_back(base);
      std::string text;
      for (size_t i = 0; i < stores.size(); ++i) text += "(store ";
      text += value_text(base);
      for (size_t i = stores.size(); i-- > 0;) {
        text += ' ' + value_text(stores[i].child(1)) + ' ' + value_text(stores[i].child(2)) + ')';
      }
      return text;
    }
    default: return smt::quote_symbol(value.symbol());
  }
}

// (define-fun f ((x!1 S1) ... (x!n Sn)) T (ite (and (= x!1 a1) ...) v ... otherwise))
std::string function_text(std::string_view name, smt::Sort sort, const smt::Solver::FunctionInterpretation& function) {
  const std::span<const smt::Sort> domain = sort.function_domain();
  std::vector<std::string> parameters;
  std::string text = "(define-fun " + quote_symbol(name) + " (";
  for (size_t i = 0; i < domain.size(); ++i) {
    parameters.push_back("x!" + std::to_string(i + 1));
    text += (i > 0 ? " (" : "(") + parameters.back() + ' ' + domain[i].to_string() + ')';
  }
  text += ") " + sort.function_codomain().to_string() + ' ';
  for (const auto& [arguments, result] : function.entries) {
    std::string condition;
    for (size_t i = 0; i < arguments.size(); ++i) {
      condition += (i > 0 ? " (= " : "(= ") + parameters[i] + ' ' + value_text(arguments[i]) + ')';
    }
    if (arguments.size() > 1) condition = "(and " + condition + ')';
    text += "(ite " + condition + ' ' + value_text(result) + ' ';
  }
  text += value_text(function.otherwise);
  text.append(function.entries.size() + 1, ')');
  return text;
}

std::string keyword_text(std::string_view name) {
  std::string keyword = ":";
  for (char c : name) keyword += c == ' ' ? '-' : c;
  return keyword;
}

}  // namespace

std::string quote_string(std::string_view text) {
  std::string quoted = "\"";
  for (char c : text) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "x" + std::string(...).
std::string enclosed(char delimiter, std::string_view text) {
  std::string result(1, delimiter);
  result += text;
  result += delimiter;
  return result;
}

std::string quote_symbol(std::string_view name) {
  if (is_reserved_word(name) || is_solver_symbol(name)) return enclosed('|', name);
  return smt::quote_symbol(name);
}

std::string in_quotes(std::string_view name) { return enclosed('\'', name); }

std::string counted(uint64_t count, std::string_view singular, std::string_view plural) {
  std::string text = std::to_string(count) + ' ';
  text += count == 1 ? singular : plural;
  return text;
}

void print_model(std::ostream& out, std::span<const ModelEntry> entries) {
  out << "(\n";
  for (const ModelEntry& entry : entries) {
    if (entry.function) {
      out << "  " << function_text(entry.name, entry.sort, *entry.function) << '\n';
    } else {
      out << "  (define-fun " << quote_symbol(entry.name) << " () " << entry.sort.to_string() << ' '
          << value_text(entry.value) << ")\n";
    }
  }
  out << ")\n";
}

void print_values(std::ostream& out, std::span<const ValuePair> pairs) {
  out << '(';
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i > 0) out << ' ';
    out << '(' << pairs[i].text << ' ' << value_text(pairs[i].value) << ')';
  }
  out << ")\n";
}

std::string_view reason_unknown(sat::StopReason reason) {
  switch (reason) {
    case sat::StopReason::time_limit: return "timeout";
    case sat::StopReason::memory_limit: return "memout";
    case sat::StopReason::terminated: return "interrupted";
    case sat::StopReason::conflict_limit:
    case sat::StopReason::propagation_limit: return "resourceout";
    case sat::StopReason::none: break;
  }
  return "incomplete";
}

void print_statistics(std::ostream& out, std::span<const sat::Statistic> statistics) {
  out << '(';
  for (size_t i = 0; i < statistics.size(); ++i) {
    if (i > 0) out << "\n ";
    out << keyword_text(statistics[i].name) << ' ' << number_text(statistics[i].value);
  }
  out << ")\n";
}

// One comment line per statistic, for -v on the diagnostic channel.
void print_statistic_comments(std::ostream& out, std::span<const sat::Statistic> statistics) {
  for (const sat::Statistic& statistic : statistics) {
    out << "; " << statistic.name << ' ' << number_text(statistic.value);
    if (!statistic.unit.empty()) out << ' ' << statistic.unit;
    out << '\n';
  }
}

}  // namespace wang::smtlib
