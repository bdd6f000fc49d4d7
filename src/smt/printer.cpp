// SMT-LIB text of terms.  The walk is iterative so that terms nested
// hundreds of thousands deep print without exhausting the stack.
#include <string>
#include <vector>

#include "smt/node.hpp"
#include "smt/symbols.hpp"

namespace wang::smt {

namespace {

void append_leaf(std::string& out, const Term& term) {
  switch (term.kind()) {
    case Kind::BoolValue: out += term.bool_value() ? "true" : "false"; break;
    case Kind::BvValue: out += term.bv_value().to_smtlib(); break;
    case Kind::Constant: out += quote_symbol(term.symbol()); break;
    default: break;
  }
}

void append_head(std::string& out, const Term& term) {
  if (term.kind() == Kind::ConstArray) {
    out += "(as const " + term.sort().to_string() + ")";
    return;
  }
  if (term.kind() == Kind::Apply) {
    out += quote_symbol(term.child(0).symbol());
    return;
  }
  const std::string_view name = op_info(term.kind()).name;
  if (term.num_indices() == 0) {
    out += name;
    return;
  }
  out += "(_ ";
  out += name;
  for (size_t i = 0; i < term.num_indices(); ++i) {
    out += ' ';
    out += std::to_string(term.index(i));
  }
  out += ')';
}

}  // namespace

std::string Term::to_string() const {
  std::string out;
  struct Frame {
    Term term;
    size_t next;
  };
  std::vector<Frame> stack{{*this, 0}};
  while (!stack.empty()) {
    const Term term = stack.back().term;
    size_t next = stack.back().next;
    if (term.num_children() == 0) {
      append_leaf(out, term);
      stack.pop_back();
      continue;
    }
    if (next == 0) {
      out += '(';
      append_head(out, term);
      // An application's function is printed as its head.
      if (term.kind() == Kind::Apply) next = ++stack.back().next;
    }
    if (next < term.num_children()) {
      ++stack.back().next;
      out += ' ';
      stack.push_back({term.child(next), 0});
    } else {
      out += ')';
      stack.pop_back();
    }
  }
  return out;
}

}  // namespace wang::smt
