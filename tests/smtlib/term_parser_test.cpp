// Terms and sorts as elaborated by the parsers, compared with the same
// terms built directly: hash-consing makes structural equality identity.
#include "smtlib/term_parser.hpp"

#include <gtest/gtest.h>

#include "smtlib/environment.hpp"
#include "smtlib/sort_parser.hpp"

namespace wang::smtlib {
namespace {

using smt::Kind;
using smt::Sort;
using smt::Term;

class TermParserTest : public ::testing::Test {
 protected:
  TermParserTest() : environment(terms) {
    x = declare("x", Sort::bitvec(8));
    y = declare("y", Sort::bitvec(8));
    p = declare("p", Sort::boolean());
    q = declare("q", Sort::boolean());
    r = declare("r", Sort::boolean());
  }

  Term declare(const std::string& name, Sort sort) {
    const Term constant = terms.mk_const(sort, name);
    environment.declare_term(name, {.kind = TermSymbol::Kind::Constant, .term = constant});
    return constant;
  }

  ParsedTerm parse_full(const std::string& text) {
    StringSource source(text);
    Lexer lexer(source);
    Reader reader(lexer);
    SortParser sorts(environment, reader);
    TermParser parser(terms, environment, reader, sorts);
    ParsedTerm parsed = parser.parse();
    EXPECT_TRUE(reader.next().is(TokenKind::End)) << "the parser stopped early in " << text;
    return parsed;
  }
  Term parse(const std::string& text) { return parse_full(text).term; }

  Term mk(Kind kind, std::initializer_list<Term> arguments, std::initializer_list<uint32_t> indices = {}) {
    return terms.mk_term(kind, arguments, indices);
  }
  Term bv(uint32_t width, uint64_t value) { return terms.mk_bv(bv::BitVector::from_uint64(width, value)); }

  smt::TermManager terms;
  Environment environment;
  Term x, y, p, q, r;
};

TEST_F(TermParserTest, BuildsApplicationsFromTheOperatorTable) {
  EXPECT_EQ(parse("(bvadd x y x)"), mk(Kind::BvAdd, {x, y, x}));
  EXPECT_EQ(parse("(ite p x (bvnot y))"), mk(Kind::Ite, {p, x, mk(Kind::BvNot, {y})}));
  EXPECT_EQ(parse("(distinct x y #x07)"), mk(Kind::Distinct, {x, y, bv(8, 7)}));
  EXPECT_EQ(parse("(and p q r)"), mk(Kind::And, {p, q, r}));
  EXPECT_EQ(parse("(concat x #b1)"), mk(Kind::Concat, {x, bv(1, 1)}));
}

TEST_F(TermParserTest, ReadsLiteralsAndIndexedIdentifiers) {
  EXPECT_EQ(parse("#b00000101"), bv(8, 5));
  EXPECT_EQ(parse("#x0aF"), bv(12, 0xaf));
  EXPECT_EQ(parse("(_ bv255 8)"), bv(8, 255));
  EXPECT_EQ(parse("(_ bv18446744073709551617 70)"),
            terms.mk_bv(bv::BitVector::from_decimal(70, "18446744073709551617")));
  EXPECT_EQ(parse("((_ extract 7 4) x)"), mk(Kind::Extract, {x}, {7, 4}));
  EXPECT_EQ(parse("((_ zero_extend 8) x)"), mk(Kind::ZeroExtend, {x}, {8}));
  EXPECT_EQ(parse("((_ sign_extend 0) x)"), mk(Kind::SignExtend, {x}, {0}));
  EXPECT_EQ(parse("((_ repeat 3) x)"), mk(Kind::Repeat, {x}, {3}));
  EXPECT_EQ(parse("((_ rotate_left 3) x)"), mk(Kind::RotateLeft, {x}, {3}));
  EXPECT_EQ(parse("true"), terms.mk_bool(true));
}

TEST_F(TermParserTest, ChainsEqualityAndNestsImplicationToTheRight) {
  EXPECT_EQ(parse("(= x y)"), mk(Kind::Equal, {x, y}));
  EXPECT_EQ(parse("(= x y #x01 x)"),
            mk(Kind::And, {mk(Kind::Equal, {x, y}), mk(Kind::Equal, {y, bv(8, 1)}), mk(Kind::Equal, {bv(8, 1), x})}));
  EXPECT_EQ(parse("(=> p q)"), mk(Kind::Implies, {p, q}));
  EXPECT_EQ(parse("(=> p q r p)"), mk(Kind::Implies, {p, mk(Kind::Implies, {q, mk(Kind::Implies, {r, p})})}));
}

TEST_F(TermParserTest, LetBindsInParallelAndShadows) {
  // y is bound to the outer x, not to the #x01 bound beside it.
  EXPECT_EQ(parse("(let ((x #x01) (y x)) (bvadd x y))"), mk(Kind::BvAdd, {bv(8, 1), x}));
  EXPECT_EQ(parse("(let ((x #x02)) (let ((x #x03)) x))"), bv(8, 3));
  EXPECT_EQ(parse("(concat (let ((x #x02)) x) x)"), mk(Kind::Concat, {bv(8, 2), x}));
  // A let may rebind a name to a value of another sort.
  EXPECT_EQ(parse("(let ((x p)) (and x q))"), mk(Kind::And, {p, q}));
  // After the term, the bindings are gone.
  EXPECT_EQ(parse("x"), x);
}

TEST_F(TermParserTest, NamedTermsAreDeclaredAndTheWholeTermsNameReported) {
  const ParsedTerm whole = parse_full("(! (and p (! q :named inner)) :weight 3 :named outer)");
  EXPECT_EQ(whole.term, mk(Kind::And, {p, q}));
  EXPECT_EQ(whole.name, "outer");
  EXPECT_EQ(parse("inner"), q);
  EXPECT_EQ(parse("outer"), whole.term);
  EXPECT_EQ(parse_full("(and (! p :named part) q)").name, "");
}

TEST_F(TermParserTest, IgnoresAttributesOtherThanNamed) {
  EXPECT_EQ(parse("(! x :pattern ((bvadd x y)) :no-value :weight 2)"), x);
}

// (_ bvX n) needs X < 2^n: at each width, 2^n - 1 is read and 2^n is an
// error, also where the test of the value's size needs the value itself
// (numerals of about n / 3.32 digits).
TEST_F(TermParserTest, BitVectorConstantsMustFitTheirWidth) {
  for (uint32_t width = 1; width <= 200; ++width) {
    bv::BitVector power(width + 1);
    power.set_bit(width, true);
    const std::string w = std::to_string(width);
    EXPECT_EQ(parse("(_ bv" + bv::BitVector::ones(width).to_decimal_string() + " " + w + ")"),
              terms.mk_bv(bv::BitVector::ones(width)));
    try {
      parse("(_ bv" + power.to_decimal_string() + " " + w + ")");
      ADD_FAILURE() << "2^" << width << " accepted";
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find(" does not fit in " + w + " bit"), std::string::npos) << error.what();
    }
  }
}

TEST_F(TermParserTest, QualifiedIdentifiersCheckTheirSort) {
  EXPECT_EQ(parse("(as x (_ BitVec 8))"), x);
  EXPECT_EQ(parse("((as bvadd (_ BitVec 8)) x y)"), mk(Kind::BvAdd, {x, y}));
  EXPECT_EQ(parse("((as (_ extract 3 0) (_ BitVec 4)) x)"), mk(Kind::Extract, {x}, {3, 0}));
  try {
    parse("(as x Bool)");
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "the term has sort (_ BitVec 8), not Bool");
  }
}

TEST_F(TermParserTest, ExpandsMacrosBySubstitution) {
  const Term a = terms.mk_const(Sort::bitvec(8), "a");
  const Term b = terms.mk_const(Sort::bitvec(8), "b");
  const Term body = mk(Kind::BvMul, {mk(Kind::BvAdd, {a, b}), mk(Kind::BvAdd, {a, b})});
  auto macro = std::make_shared<Macro>(Macro{"f", {a, b}, body});
  environment.declare_term("f", {.kind = TermSymbol::Kind::Macro, .macro = macro});
  const Term sum = mk(Kind::BvAdd, {x, mk(Kind::BvNot, {y})});
  EXPECT_EQ(parse("(f x (bvnot y))"), mk(Kind::BvMul, {sum, sum}));
  // Arguments that mention the parameters' names are not captured.
  EXPECT_EQ(parse("(let ((a y)) (f a a))"), mk(Kind::BvMul, {mk(Kind::BvAdd, {y, y}), mk(Kind::BvAdd, {y, y})}));
}

TEST_F(TermParserTest, ReadsSorts) {
  auto sort_of = [&](const std::string& text) {
    StringSource source(text);
    Lexer lexer(source);
    Reader reader(lexer);
    return SortParser(environment, reader).parse();
  };
  environment.declare_sort("Byte", {.value = {.sort = Sort::bitvec(8)}});
  // (define-sort Second (A B) B)
  environment.declare_sort("Second", {.arity = 2, .value = {.parameter = 1}});
  EXPECT_EQ(sort_of("Bool"), Sort::boolean());
  EXPECT_EQ(sort_of("(_ BitVec 32)"), Sort::bitvec(32));
  EXPECT_EQ(sort_of("Byte"), Sort::bitvec(8));
  EXPECT_EQ(sort_of("(Second Bool (_ BitVec 3))"), Sort::bitvec(3));
  EXPECT_EQ(sort_of("(Second Byte (Second Bool Bool))"), Sort::boolean());
}

}  // namespace
}  // namespace wang::smtlib
