// Ill-formed input: every error response with its exact position and
// message, and the interpreter going on as if the command never happened.
#include <gtest/gtest.h>

#include "smtlib/support.hpp"

namespace wang::testing {
namespace {

const std::string kDeclarations =
    "(declare-const x (_ BitVec 8))\n"
    "(declare-const p Bool)\n";

// The response to `command`, on line 3 after kDeclarations.
std::string respond_to(const std::string& command) { return responses(kDeclarations + command); }

TEST(Errors, UnknownSymbols) {
  EXPECT_EQ(respond_to("(assert (= z x))"), error_at(3, 12, "unknown constant 'z'"));
  EXPECT_EQ(respond_to("(assert (f x))"), error_at(3, 10, "unknown function 'f'"));
  EXPECT_EQ(respond_to("(assert ((_ foo 1) x))"), error_at(3, 13, "unknown indexed function 'foo'"));
  EXPECT_EQ(respond_to("(assert (= (_ bvx 8) x))"), error_at(3, 15, "unknown indexed identifier 'bvx'"));
  EXPECT_EQ(respond_to("(declare-const a (Array Int Int))"), error_at(3, 25, "unknown sort 'Int'"));
  EXPECT_EQ(respond_to("(declare-const a Array)"), error_at(3, 18, "sort 'Array' takes 2 arguments"));
  EXPECT_EQ(respond_to("(declare-const a (_ FloatingPoint 8 24))"),
            error_at(3, 18, "unknown sort '(_ FloatingPoint ...)'"));
  EXPECT_EQ(respond_to("(frobnicate)"), error_at(3, 2, "unknown command 'frobnicate'"));
}

TEST(Errors, SortErrorsPointAtTheTerm) {
  EXPECT_EQ(respond_to("(assert (= x #b1))"),
            error_at(3, 9, "'=' expects (_ BitVec 8) as its second argument, got (_ BitVec 1)"));
  EXPECT_EQ(respond_to("(assert (= (bvadd x #x1) x))"),
            error_at(3, 12, "'bvadd' expects (_ BitVec 8) as its second argument, got (_ BitVec 4)"));
  EXPECT_EQ(respond_to("(assert (and p x))"),
            error_at(3, 9, "'and' expects Bool as its second argument, got (_ BitVec 8)"));
  EXPECT_EQ(respond_to("(assert (= x x p))"),
            error_at(3, 9, "'=' expects (_ BitVec 8) as its second argument, got Bool"));
  EXPECT_EQ(respond_to("(assert x)"), error_at(3, 9, "assert expects a Bool term, got (_ BitVec 8)"));
  EXPECT_EQ(respond_to("(assert (as p (_ BitVec 1)))"), error_at(3, 9, "the term has sort Bool, not (_ BitVec 1)"));
  EXPECT_EQ(
      respond_to("(assert (= x 5))"),
      error_at(3, 14,
               "numeral '5' is not a term of QF_BV (bit-vector constants are written #b..., #x... or (_ bvN W))"));
}

TEST(Errors, WrongAritiesAndIndices) {
  EXPECT_EQ(respond_to("(assert (= (bvnot x x) x))"), error_at(3, 12, "'bvnot' takes 1 argument, got 2"));
  EXPECT_EQ(respond_to("(assert (not))"), error_at(3, 9, "'not' takes 1 argument, got 0"));
  EXPECT_EQ(respond_to("(assert (= x))"), error_at(3, 9, "'=' takes at least 2 arguments, got 1"));
  // One-argument and/or are their argument (an extension other solvers share).
  EXPECT_EQ(respond_to("(assert (or (= x x)))\n(check-sat)"), "sat\n");
  EXPECT_EQ(respond_to("(assert (and (distinct x x)))\n(check-sat)"), "unsat\n");
  EXPECT_EQ(respond_to("(assert (and x))"), error_at(3, 9, "'and' takes at least 2 arguments, got 1"));
  EXPECT_EQ(respond_to("(assert (= ((_ extract 8 0) x) x))"),
            error_at(3, 12, "'extract' index 8 is out of range for (_ BitVec 8)"));
  EXPECT_EQ(respond_to("(assert (= ((_ extract 1 2) x) x))"),
            error_at(3, 12, "'extract' needs i >= j, got i = 1, j = 2"));
  EXPECT_EQ(respond_to("(assert (= ((_ extract 1) x) x))"), error_at(3, 12, "'extract' takes 2 indices, got 1"));
  EXPECT_EQ(respond_to("(assert (= ((_ extract 1 1 1) x) x))"), error_at(3, 16, "'extract' takes 2 indices, got 3"));
  EXPECT_EQ(respond_to("(assert (= (extract x) x))"), error_at(3, 12, "'extract' takes 2 indices, got 0"));
  EXPECT_EQ(respond_to("(assert (= ((_ bvnot 1) x) x))"), error_at(3, 12, "'bvnot' takes 0 indices, got 1"));
  EXPECT_EQ(respond_to("(assert (= ((_ repeat 0) x) x))"), error_at(3, 12, "'repeat' needs a positive index"));
  EXPECT_EQ(respond_to("(assert (= ((_ zero_extend 4294967295) x) x))"),
            error_at(3, 12, "'zero_extend' would have width 4294967303, above the limit of 268435456"));
  EXPECT_EQ(respond_to("(assert (= ((_ zero_extend 4294967296) x) x))"),
            error_at(3, 28, "numeral 4294967296 is too large (at most 4294967295)"));
  EXPECT_EQ(respond_to("(assert (= (_ bv1 0) x))"),
            error_at(3, 12, "bit-vector width must be between 1 and 268435456, got 0"));
  EXPECT_EQ(respond_to("(declare-const a (_ BitVec 0))"),
            error_at(3, 18, "bit-vector width must be between 1 and 268435456, got 0"));
  EXPECT_EQ(respond_to("(assert (= bvadd x))"), error_at(3, 12, "'bvadd' is a function and needs arguments"));
  EXPECT_EQ(respond_to("(assert (x p))"), error_at(3, 10, "'x' is not a function and cannot be applied"));
  EXPECT_EQ(respond_to("(assert (= (_ extract 1 0) x))"),
            error_at(3, 15, "'extract' is a function and needs arguments"));
}

TEST(Errors, LexicalErrorsAtTheEndOfInput) {
  EXPECT_EQ(respond_to("(echo \"never closed"), error_at(3, 7, "unterminated string literal"));
  EXPECT_EQ(respond_to("(declare-const |never closed Bool)"), error_at(3, 16, "unterminated quoted symbol"));
  // A comment that runs to the end of the input is fine.
  EXPECT_EQ(respond_to("(echo \"done\") ; no newline"), "\"done\"\n");
}

TEST(Errors, UnbalancedParentheses) {
  EXPECT_EQ(respond_to("(assert (= x x)"), error_at(3, 16, "expected ')', got end of input"));
  EXPECT_EQ(respond_to("(assert (= x"), error_at(3, 13, "expected a term or ')', got end of input"));
  EXPECT_EQ(respond_to("(push 1))\n(echo \"next\")"),
            error_at(3, 9, "expected '(' to start a command, got ')'") + "\"next\"\n");
  EXPECT_EQ(respond_to("(push 1 2)"), error_at(3, 9, "expected ')', got numeral '2'"));
  EXPECT_EQ(respond_to("(assert ())"), error_at(3, 10, "expected a function symbol, got ')'"));
  EXPECT_EQ(respond_to("x"), error_at(3, 1, "expected '(' to start a command, got symbol 'x'"));
}

TEST(Errors, DuplicateDeclarations) {
  EXPECT_EQ(respond_to("(declare-fun x () Bool)"), error_at(3, 14, "'x' is already declared"));
  EXPECT_EQ(respond_to("(define-fun p () Bool true)"), error_at(3, 13, "'p' is already declared"));
  EXPECT_EQ(respond_to("(declare-const bvadd Bool)"), error_at(3, 16, "'bvadd' is a predefined symbol"));
  EXPECT_EQ(respond_to("(declare-const |bvadd| Bool)"), error_at(3, 16, "'bvadd' is a predefined symbol"));
  EXPECT_EQ(respond_to("(declare-const |true| Bool)"), error_at(3, 16, "'true' is a predefined symbol"));
  EXPECT_EQ(respond_to("(assert (! p :named x))"), error_at(3, 21, "'x' is already declared"));
  EXPECT_EQ(respond_to("(define-fun f () Bool (! p :named f))\n(assert f)"),
            error_at(3, 13, "'f' is already declared") +
                error_at(4, 9, "'f' is unusable: it is declared by the rejected command at line 3, column 1"));
  EXPECT_EQ(respond_to("(define-sort Bool () Bool)"), error_at(3, 14, "sort 'Bool' is already declared"));
  EXPECT_EQ(respond_to("(define-fun f ((a Bool) (a Bool)) Bool a)"),
            error_at(3, 26, "parameter 'a' is declared twice"));
  EXPECT_EQ(respond_to("(define-sort S (A A) A)"), error_at(3, 19, "parameter 'A' is declared twice"));
}

// Only simple symbols can be reserved words; the quoted forms are ordinary
// symbols (see Commands.QuotedSymbolsSpellingReservedWords).
TEST(Errors, ReservedSymbolsCannotBeDeclared) {
  const std::string reserved = "' is a reserved word and cannot be declared (|";
  EXPECT_EQ(respond_to("(declare-const let Bool)"), error_at(3, 16, "'let" + reserved + "let| can)"));
  EXPECT_EQ(respond_to("(declare-fun check-sat () Bool)"),
            error_at(3, 14, "'check-sat" + reserved + "check-sat| can)"));
  EXPECT_EQ(respond_to("(define-fun f ((_ Bool)) Bool true)"), error_at(3, 17, "'_" + reserved + "_| can)"));
  EXPECT_EQ(respond_to("(define-sort NUMERAL () Bool)"), error_at(3, 14, "'NUMERAL" + reserved + "NUMERAL| can)"));
  EXPECT_EQ(respond_to("(define-sort S (par) par)"), error_at(3, 17, "'par" + reserved + "par| can)"));
  EXPECT_EQ(respond_to("(assert (let ((as p)) p))"), error_at(3, 16, "'as" + reserved + "as| can)"));
  EXPECT_EQ(respond_to("(assert (! p :named exists))"), error_at(3, 21, "'exists" + reserved + "exists| can)"));
  EXPECT_EQ(respond_to("(assert let)"), error_at(3, 9, "unexpected reserved word 'let'"));
}

TEST(Errors, LetAndAnnotations) {
  EXPECT_EQ(respond_to("(assert (let ((y p) (y p)) y))"), error_at(3, 22, "'y' is bound twice in the same let"));
  EXPECT_EQ(respond_to("(assert (let () p))"), error_at(3, 9, "'let' needs at least one binding"));
  EXPECT_EQ(respond_to("(assert (let ((y)) p))"), error_at(3, 17, "expected a term, got ')'"));
  EXPECT_EQ(respond_to("(assert (! p))"), error_at(3, 13, "expected an attribute such as :named, got ')'"));
  EXPECT_EQ(respond_to("(assert (! p :named))"), error_at(3, 20, "expected a symbol after :named, got ')'"));
  EXPECT_EQ(respond_to("(assert (forall ((y Bool)) y))"), error_at(3, 10, "'forall' is not supported"));
  // The let's names are gone after an error inside it.
  EXPECT_EQ(respond_to("(assert (let ((y p)) (and y z)))\n(assert y)"),
            error_at(3, 29, "unknown constant 'z'") + error_at(4, 9, "unknown constant 'y'"));
  // An error among the bindings of a nested let leaves the names bound
  // outside it alone: p is still the declared constant afterwards.  (The
  // rejected assertions go with their level, so that check-sat may answer.)
  EXPECT_EQ(respond_to("(push 1)\n(assert (let ((a true)) (let ((p (foo))) a)))\n"
                       "(assert (let ((a true)) (let ((p)) a)))\n"
                       "(assert (let ((a true)) (let ((q (foo))) a)))\n(pop 1)\n(assert p)\n(check-sat)"),
            error_at(4, 35, "unknown function 'foo'") + error_at(5, 33, "expected a term, got ')'") +
                error_at(6, 35, "unknown function 'foo'") + "sat\n");
}

TEST(Errors, MacrosAndDefinitions) {
  const std::string f = "(define-fun f ((a (_ BitVec 8)) (b Bool)) (_ BitVec 8) (ite b a (bvnot a)))\n";
  EXPECT_EQ(respond_to(f + "(assert (= (f x) x))"), error_at(4, 12, "'f' takes 2 arguments, got 1"));
  EXPECT_EQ(respond_to(f + "(assert (= (f p x) x))"),
            error_at(4, 12, "argument 1 of 'f' must have sort (_ BitVec 8), got Bool"));
  EXPECT_EQ(respond_to(f + "(assert (= f x))"), error_at(4, 12, "'f' takes 2 arguments"));
  EXPECT_EQ(respond_to("(define-fun g ((a Bool)) (_ BitVec 8) a)"),
            error_at(3, 39, "'g' is declared with sort (_ BitVec 8) but its definition has sort Bool"));
  EXPECT_EQ(respond_to("(define-fun g () (_ BitVec 8) p)"),
            error_at(3, 31, "'g' is declared with sort (_ BitVec 8) but its definition has sort Bool"));
  EXPECT_EQ(respond_to("(define-const g Bool x)"),
            error_at(3, 22, "'g' is declared with sort Bool but its definition has sort (_ BitVec 8)"));
  EXPECT_EQ(respond_to("(define-fun g ((a Bool)) Bool (! a :named n))"),
            error_at(3, 43, ":named is not allowed in the body of a function with parameters"));
  // The parameters are gone after an error in the body.
  EXPECT_EQ(respond_to("(define-fun g ((a Bool)) Bool (and a z))\n(assert a)"),
            error_at(3, 38, "unknown constant 'z'") + error_at(4, 9, "unknown constant 'a'"));
}

TEST(Errors, DefineSort) {
  const std::string sorts = "(define-sort Pair (A B) A)\n";
  EXPECT_EQ(respond_to(sorts + "(declare-const a Pair)"), error_at(4, 18, "sort 'Pair' takes 2 arguments"));
  EXPECT_EQ(respond_to(sorts + "(declare-const a (Pair Bool))"),
            error_at(4, 18, "sort 'Pair' takes 2 arguments, got 1"));
  EXPECT_EQ(respond_to(sorts + "(declare-const a (Bool Bool))"), error_at(4, 19, "sort 'Bool' takes no arguments"));
  EXPECT_EQ(respond_to("(define-sort S () T)"), error_at(3, 19, "unknown sort 'T'"));
  // Sort parameters are local to the definition.
  EXPECT_EQ(respond_to(sorts + "(declare-const a A)"), error_at(4, 18, "unknown sort 'A'"));
}

// A failed command has no effect, but the names it declares stay taken:
// the script goes on as if they were declared, and what needs them must
// fail too rather than find something else under the name.
TEST(Errors, AFailedCommandsNamesStayTaken) {
  const std::string script = kDeclarations +
                             "(assert (and (! p :named n) (= x #b1)))\n"
                             "(declare-const n Bool)\n"
                             "(define-fun d () Bool (= x #b1))\n"
                             "(assert d)\n"
                             "(declare-fun f ((Array (_ BitVec 8) Bool)) Bool)\n"
                             "(get-value ((f x)))\n"
                             "(define-sort S () T)\n"
                             "(define-sort S () Bool)\n"
                             "(declare-const s S)\n"
                             "(echo \"ok\")\n";
  const ScriptRun run = run_script(script);
  EXPECT_EQ(run.out,
            error_at(3, 29, "'=' expects (_ BitVec 8) as its second argument, got (_ BitVec 1)") +
                error_at(4, 16, "'n' is already declared, by the rejected command at line 3, column 1") +
                error_at(5, 23, "'=' expects (_ BitVec 8) as its second argument, got (_ BitVec 1)") +
                error_at(6, 9, "'d' is unusable: it is declared by the rejected command at line 5, column 1") +
                "unsupported\n" +
                error_at(8, 14, "'f' is unusable: it is declared by the rejected command at line 7, column 1") +
                error_at(9, 19, "unknown sort 'T'") + error_at(10, 14, "sort 'S' is already declared") +
                error_at(11, 18, "'S' is unusable: it is declared by the rejected command at line 9, column 1") +
                "\"ok\"\n");
}

TEST(Errors, ResponsesAfterErrorsGoOn) {
  const std::string script =
      "(set-option :print-success true)\n"
      "(declare-const a Bool)\n"
      "(assert (= a b))\n"
      "(assert (not a))\n"
      "(echo \"still here\")\n";
  EXPECT_EQ(responses(script),
            "success\nsuccess\n" + error_at(3, 14, "unknown constant 'b'") + "success\n\"still here\"\n");
}

TEST(Errors, MessagesEscapeQuotes) {
  EXPECT_EQ(respond_to("(assert |a\"b|)"), error_at(3, 9, "unknown constant 'a\"\"b'"));
}

TEST(Errors, UnsupportedFeaturesAnswerUnsupported) {
  const ScriptRun run = run_script(
      "(declare-fun f ((Array (_ BitVec 8) Bool)) Bool)\n(declare-sort U 1)\n(set-logic QF_LIA)\n"
      "(set-option :frobnicate 3)\n(get-info :frobnicate)\n(get-option :frobnicate)\n",
      explaining());
  EXPECT_EQ(run.out, "unsupported\nunsupported\nunsupported\nunsupported\nunsupported\nunsupported\n");
  EXPECT_NE(run.err.find("declare-fun 'f': arguments of array sort are not supported"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("declare-sort 'U': sorts with parameters are not supported"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("logic QF_LIA is not supported"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace wang::testing
