// Terms, elaborated while they are read.
//
// The parser never recurses on the nesting of its input: every open
// application, let, annotation and qualification is a Frame on an explicit
// stack, and the arguments read so far sit on one shared argument stack.
// A finished subterm is handed to the frame below it, so a term nested
// 100,000 deep costs 100,000 frames of heap memory, not C++ stack.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "smtlib/environment.hpp"
#include "smtlib/reader.hpp"
#include "smtlib/sort_parser.hpp"

namespace wang::smtlib {

struct ParsedTerm {
  smt::Term term;
  Position position;
  // The name given to the whole term by (! ... :named name), or "".
  std::string name;
  // The term as written (normalised spacing), when the caller captured it.
  std::string text;
};

class TermParser {
 public:
  TermParser(smt::TermManager& terms, Environment& environment, Reader& reader, SortParser& sorts)
      : terms_(terms), environment_(environment), reader_(reader), sorts_(sorts) {}

  // Reads one term, starting with `first` when its first token was already
  // read.  :named annotations are declared as they are read; on an error
  // the let bindings of the partial term are removed before the error
  // propagates (the caller undoes the declarations).
  ParsedTerm parse(const Token* first = nullptr);
  // Inside the body of a function with parameters, a name would refer to
  // the parameters themselves, so :named is refused there.
  void set_names_allowed(bool allowed) { names_allowed_ = allowed; }

 private:
  enum class FrameKind : uint8_t {
    Apply,        // (f t1 ... tn): collecting arguments
    LetBindings,  // (let ((x t) ...: collecting bound values
    LetBody,      // (let (...) body: the bindings are in scope
    Annotated,    // (! t :attribute ...)
    Qualified,    // (as t S)
    SortCheck,    // ((as f S) t1 ... tn): the application must have sort S
  };
  // Function: a declared function (Apply); ConstArray: (as const S).
  enum class HeadKind : uint8_t { Operator, Chainable, RightAssociative, Macro, Function, ConstArray };
  struct Frame {
    FrameKind kind = FrameKind::Apply;
    HeadKind head = HeadKind::Operator;
    uint8_t num_indices = 0;
    smt::Kind op = smt::Kind::BoolValue;
    std::array<uint32_t, 2> indices{};
    Position position;
    uint32_t first_argument = 0;
    uint32_t first_name = 0;                // let: index into let_names_
    smt::Sort sort = smt::Sort::boolean();  // SortCheck, ConstArray
    const Macro* macro = nullptr;
    smt::Term function{};  // Function
  };

  smt::Term read_term(const Token* first);
  bool open(Position position, smt::Term& term);
  Frame head_frame(const Token& head, const TermSymbol* symbol, Position position) const;
  Frame indexed_head_frame(Position position);
  void read_indices(Frame& frame, const smt::OpInfo& op, Position position);
  void open_qualified_head(Position position);
  smt::Term indexed_constant(Position position);
  smt::Term close();
  smt::Term apply(const Frame& frame, std::span<const smt::Term> arguments);
  smt::Term expand(const Frame& frame, std::span<const smt::Term> arguments);
  smt::Term atom(const Token& token);
  bool deliver(smt::Term& term);
  bool next_binding();
  void begin_let_body(Frame& frame);
  void end_let_body(const Frame& frame);
  void read_attributes(smt::Term term);
  void name_term(const Token& name, smt::Term term);
  void unwind();

  smt::TermManager& terms_;
  Environment& environment_;
  Reader& reader_;
  SortParser& sorts_;
  std::vector<Frame> frames_;
  std::vector<smt::Term> arguments_;
  std::vector<std::string> let_names_;
  std::vector<Position> let_positions_;
  Position position_;
  std::string top_name_;
  bool names_allowed_ = true;
};

}  // namespace wang::smtlib
