// Test support for the rewriter: terms written as small templates, and
// exhaustive equivalence checks against the evaluator.
//
// A template is an SMT-LIB-like term over the bit-vector constants x, y, z
// (of the width W the template is instantiated at) and the Bool constants
// p, q, r.  #0, #1, #ones, #min, #max and #N (decimal) are values of width
// W, #bDIGITS a binary literal; indices may be numerals or W, W+k, W-k, 2W.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "smt/evaluator.hpp"
#include "smt/traverse.hpp"
#include "wang/smt.hpp"

namespace wang::testing {

class TemplateReader {
 public:
  TemplateReader(smt::TermManager& terms, uint32_t width) : terms_(terms), width_(width) {
    for (const char* name : {"x", "y", "z"}) constants_.emplace(name, terms.mk_const(smt::Sort::bitvec(width), name));
    for (const char* name : {"p", "q", "r"}) constants_.emplace(name, terms.mk_const(smt::Sort::boolean(), name));
    // Arrays from W-bit indices to W-bit elements: brute force enumerates
    // their contents, so they exist only at width 1 (two cells; wider
    // arrays are brute-forced in tests/smt/theory_test.cpp, where fewer
    // terms are checked).
    if (width <= kMaxArrayWidth) {
      const smt::Sort memory = smt::Sort::array(smt::Sort::bitvec(width), smt::Sort::bitvec(width));
      for (const char* name : {"a", "b"}) constants_.emplace(name, terms.mk_const(memory, name));
    }
  }

  static constexpr uint32_t kMaxArrayWidth = 1;

  // The term, or nullopt when it is ill-sorted at this width.
  std::optional<smt::Term> read(const std::string& text) {
    tokens_ = tokenize(text);
    next_ = 0;
    try {
      const smt::Term term = term_at();
      if (next_ != tokens_.size()) throw std::invalid_argument("trailing tokens in " + text);
      return term;
    } catch (const smt::SortError&) {
      return std::nullopt;
    } catch (const std::invalid_argument& error) {
      // A value out of range for the width (e.g. an extract index) is a
      // template that does not apply here; a malformed template is a bug.
      if (std::string(error.what()).find("template") != std::string::npos) throw;
      return std::nullopt;
    }
  }

  const std::map<std::string, smt::Term>& constants() const { return constants_; }

 private:
  static std::vector<std::string> tokenize(const std::string& text) {
    std::vector<std::string> tokens;
    for (size_t i = 0; i < text.size();) {
      const char c = text[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '(' || c == ')') {
        tokens.emplace_back(1, c);
        ++i;
      } else {
        size_t end = i;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '(' &&
               text[end] != ')') {
          ++end;
        }
        tokens.push_back(text.substr(i, end - i));
        i = end;
      }
    }
    return tokens;
  }

  const std::string& take() {
    if (next_ >= tokens_.size()) throw std::invalid_argument("template ends early");
    return tokens_[next_++];
  }

  uint32_t index(const std::string& text) {
    if (text == "2W") return 2 * width_;
    if (text[0] == 'W') {
      if (text.size() == 1) return width_;
      const int64_t offset = std::stoll(text.substr(2));
      const int64_t value = text[1] == '+' ? width_ + offset : int64_t{width_} - offset;
      if (value < 0) throw std::invalid_argument("negative index");
      return static_cast<uint32_t>(value);
    }
    return static_cast<uint32_t>(std::stoul(text));
  }

  smt::Term value(const std::string& text) {
    using bv::BitVector;
    if (text == "#0") return terms_.mk_bv(BitVector(width_));
    if (text == "#1") return terms_.mk_bv(BitVector::from_uint64(width_, 1));
    if (text == "#ones") return terms_.mk_bv(BitVector::ones(width_));
    if (text == "#min") return terms_.mk_bv(BitVector::min_signed(width_));
    if (text == "#max") return terms_.mk_bv(BitVector::max_signed(width_));
    if (text.starts_with("#b")) return terms_.mk_bv(BitVector::from_binary(text.substr(2)));
    return terms_.mk_bv(BitVector::from_decimal(width_, text.substr(1)));
  }

  smt::Term term_at() {
    const std::string token = take();
    if (token == "(") return application();
    if (token == "true" || token == "false") return terms_.mk_bool(token == "true");
    if (token[0] == '#') return value(token);
    const auto found = constants_.find(token);
    if (found == constants_.end() && (token == "a" || token == "b")) throw smt::SortError("no arrays at this width");
    if (found == constants_.end()) throw std::invalid_argument("unknown symbol in template: " + token);
    return found->second;
  }

  smt::Term application() {
    std::string name = take();
    std::vector<uint32_t> indices;
    if (name == "(") {
      if (take() != "_") throw std::invalid_argument("expected _ in template");
      name = take();
      for (std::string token = take(); token != ")"; token = take()) indices.push_back(index(token));
    }
    const smt::OpInfo* op = smt::find_op(name);
    if (!op) throw std::invalid_argument("unknown operator in template: " + name);
    std::vector<smt::Term> arguments;
    while (tokens_.at(next_) != ")") arguments.push_back(term_at());
    ++next_;
    return terms_.mk_term(op->kind, arguments, indices);
  }

  smt::TermManager& terms_;
  uint32_t width_;
  std::map<std::string, smt::Term> constants_;
  std::vector<std::string> tokens_;
  size_t next_ = 0;
};

// Whether `a` and `b` have the same value under every assignment of the
// `candidates` that occur in them (a few bits each, for this to end).
// On a difference, `counterexample` describes the assignment.
inline bool equivalent(const std::vector<smt::Term>& candidates, smt::Term a, smt::Term b,
                       std::string* counterexample = nullptr) {
  // Only the constants that occur: unused ones would multiply the work.
  std::set<uint64_t> occurring;
  for (const smt::Term root : {a, b}) {
    smt::TermMap<bool> seen;
    smt::post_order(
        root, [&seen](smt::Term term) { return seen.contains(term); },
        [&](smt::Term term) {
          seen.set(term, true);
          if (term.kind() == smt::Kind::Constant) occurring.insert(term.id());
        });
  }
  std::vector<smt::Term> constants;
  uint32_t bits = 0;
  // Bits of a value: an array lists its element at every index.
  const auto bits_of = [](smt::Sort sort) -> uint32_t {
    if (sort.is_bool()) return 1;
    if (sort.is_array()) return (uint32_t{1} << sort.array_index().width()) * sort.array_element().width();
    return sort.width();
  };
  for (const smt::Term& constant : candidates) {
    if (!occurring.contains(constant.id())) continue;
    constants.push_back(constant);
    bits += bits_of(constant.sort());
  }
  for (uint64_t code = 0; code < (uint64_t{1} << bits); ++code) {
    std::map<uint64_t, smt::Value> values;
    uint32_t shift = 0;
    for (const smt::Term& constant : constants) {
      const smt::Sort sort = constant.sort();
      const uint32_t width = bits_of(sort);
      const uint64_t value = (code >> shift) & ((uint64_t{1} << width) - 1);
      shift += width;
      if (sort.is_bool()) {
        values.emplace(constant.id(), value != 0);
      } else if (sort.is_array()) {
        const uint32_t index_width = sort.array_index().width(), element_width = sort.array_element().width();
        std::vector<std::pair<smt::Value, smt::Value>> cells;
        for (uint64_t i = 0; i < (uint64_t{1} << index_width); ++i) {
          const uint64_t element = (value >> (i * element_width)) & ((uint64_t{1} << element_width) - 1);
          cells.emplace_back(bv::BitVector::from_uint64(index_width, i), bv::BitVector::from_uint64(element_width, element));
        }
        values.emplace(constant.id(), smt::make_array(sort, bv::BitVector(element_width), std::move(cells)));
      } else {
        values.emplace(constant.id(), bv::BitVector::from_uint64(width, value));
      }
    }
    const auto lookup = [&values](smt::Term constant) { return values.at(constant.id()); };
    smt::Evaluator left(lookup), right(lookup);
    if (left.evaluate(a) != right.evaluate(b)) {
      if (counterexample) {
        counterexample->clear();
        for (const smt::Term& constant : constants) {
          const smt::Value& value = values.at(constant.id());
          std::string text = "(an array)";
          if (const bool* truth = std::get_if<bool>(&value)) text = *truth ? "true" : "false";
          if (const auto* bits = std::get_if<bv::BitVector>(&value)) text = bits->to_binary_string();
          *counterexample += constant.symbol() + "=" + text + " ";
        }
      }
      return false;
    }
  }
  return true;
}

inline bool equivalent(const TemplateReader& reader, smt::Term a, smt::Term b, std::string* counterexample = nullptr) {
  std::vector<smt::Term> constants;
  for (const auto& [name, constant] : reader.constants()) constants.push_back(constant);
  return equivalent(constants, a, b, counterexample);
}

}  // namespace wang::testing
