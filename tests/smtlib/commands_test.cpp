// Every command and its response, driven on strings.
#include <gtest/gtest.h>

#include <fstream>

#include "smtlib/support.hpp"
#include "support/temp_dir.hpp"

namespace wang::testing {
namespace {

// x * y = 143 = 11 * 13 with both factors above 1: needs search, not just
// propagation.
const std::string kFactoring =
    "(declare-const x (_ BitVec 16))\n(declare-const y (_ BitVec 16))\n"
    "(assert (= (bvmul ((_ zero_extend 16) x) ((_ zero_extend 16) y)) #x0000008f))\n"
    "(assert (bvugt x #x0001))\n(assert (bvugt y #x0001))\n";

TEST(Commands, PrintSuccessAnswersEveryCommandWithoutOtherOutput) {
  const std::string script =
      "(set-option :print-success true)\n(set-logic QF_BV)\n(set-info :status sat)\n(set-info :source |x|)\n"
      "(declare-fun a () (_ BitVec 4))\n(declare-const b Bool)\n(define-fun c () Bool b)\n"
      "(define-const d (_ BitVec 4) a)\n(define-sort S () Bool)\n(push 1)\n(assert c)\n(pop 1)\n"
      "(reset-assertions)\n(set-option :verbosity 1)\n(exit)\n(echo \"not read\")\n";
  EXPECT_EQ(responses(script), repeat("success\n", 15));
}

TEST(Commands, PrintSuccessIsOffByDefault) {
  EXPECT_EQ(responses("(set-logic QF_BV)\n(declare-const b Bool)\n(assert b)\n(exit)\n"), "");
}

TEST(Commands, CheckSatAndModels) {
  const std::string script =
      "(set-option :produce-models true)\n(set-logic QF_BV)\n"
      "(declare-fun x () (_ BitVec 8))\n(declare-const |odd name| Bool)\n(declare-const b (_ BitVec 3))\n"
      "(define-fun twice ((v (_ BitVec 8))) (_ BitVec 8) (bvadd v v))\n"
      "(assert (= (twice x) #x06))\n(assert (bvult x #x80))\n(assert (= |odd name| (= b #b101)))\n(assert |odd name|)\n"
      "(check-sat)\n(get-model)\n(get-value (x (twice   x) |odd name| ; comment\n (bvadd b #b001) #b1))\n";
  EXPECT_EQ(responses(script),
            "sat\n"
            "(\n"
            "  (define-fun x () (_ BitVec 8) #b00000011)\n"
            "  (define-fun |odd name| () Bool true)\n"
            "  (define-fun b () (_ BitVec 3) #b101)\n"
            ")\n"
            "((x #b00000011) ((twice x) #b00000110) (|odd name| true) ((bvadd b #b001) #b110) (#b1 #b1))\n");
}

// A quoted symbol is any text between bars: |let| is an ordinary symbol, not
// the reserved word let, and is printed with its bars, as is every symbol
// that is not a simple symbol a script may declare: reserved words, and
// those starting with @ or ., which SMT-LIB reserves for solvers (but wang
// accepts: solvers write them in the scripts they dump).
TEST(Commands, QuotedSymbolsSpellingReservedWords) {
  const std::string script =
      "(set-option :produce-models true)\n(set-option :produce-unsat-cores true)\n"
      "(set-option :produce-assignments true)\n"
      "(declare-const |let| Bool)\n(declare-const |_| Bool)\n(declare-const |check-sat| (_ BitVec 2))\n"
      "(declare-const @x Bool)\n(define-fun |!| ((|as| Bool)) Bool (not |as|))\n"
      "(assert (! (let ((|par| |let|)) (and |par| (|!| |_|))) :named |exists|))\n"
      "(assert (! (= |check-sat| #b10) :named .n))\n(assert |@x|)\n"
      "(check-sat)\n(get-model)\n(get-value (|let| (|!| |let|) |check-sat|))\n(get-assignment)\n"
      "(assert (not |let|))\n(check-sat)\n(get-unsat-core)\n";
  EXPECT_EQ(responses(script),
            "sat\n(\n"
            "  (define-fun |let| () Bool true)\n"
            "  (define-fun |_| () Bool false)\n"
            "  (define-fun |check-sat| () (_ BitVec 2) #b10)\n"
            "  (define-fun |@x| () Bool true)\n"
            ")\n"
            "((|let| true) ((|!| |let|) false) (|check-sat| #b10))\n"
            "((|exists| true) (|.n| true))\n"
            "unsat\n(|exists|)\n");
}

TEST(Commands, Unsat) {
  EXPECT_EQ(responses("(declare-const p Bool)\n(assert p)\n(assert (not p))\n(check-sat)\n"), "unsat\n");
  EXPECT_EQ(responses(kFactoring + "(assert (bvult x y))\n(check-sat)\n(assert (not (= x #x000b)))\n(check-sat)\n"),
            "sat\nunsat\n");
}

TEST(Commands, ModelsListOnlyTheDeclarationsInScope) {
  const std::string script =
      "(set-option :produce-models true)\n(declare-const a Bool)\n(push 1)\n(declare-const b Bool)\n"
      "(check-sat)\n(get-model)\n(pop 1)\n(check-sat)\n(get-model)\n";
  const std::string out = responses(script);
  EXPECT_NE(out.find("(define-fun b () Bool"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.rfind("sat\n")), "sat\n(\n  (define-fun a () Bool false)\n)\n") << out;
}

TEST(Commands, PushAndPopScopeAssertionsAndDeclarations) {
  const std::string script =
      "(declare-const p Bool)\n(push 1)\n(declare-const q Bool)\n(assert (and p (not p)))\n(check-sat)\n"
      "(pop 1)\n(check-sat)\n(push)\n(assert q)\n(push 2)\n(assert (not p))\n(pop 3)\n(assert p)\n(check-sat)\n"
      "(pop 1)\n(push)\n(pop)\n";
  EXPECT_EQ(responses(script), "unsat\nsat\n" + error_at(9, 9, "unknown constant 'q'") + "sat\n" +
                                   error_at(15, 6, "cannot pop 1 level, only 0 pushed"));
}

TEST(Commands, PushAndPopOfZeroLevelsChangeNothing) {
  const std::string script =
      "(set-option :produce-models true)\n(declare-const x (_ BitVec 8))\n(pop 0)\n(push 0)\n(assert (bvult x #x0a))\n(push 1)\n"
      "(declare-const y (_ BitVec 8))\n(assert (= (bvmul x #x03) #x15))\n(pop 0)\n(check-sat)\n(get-value (x))\n"
      "(pop 1)\n(pop 0)\n(assert (= x #x0b))\n(check-sat)\n";
  EXPECT_EQ(responses(script), "sat\n((x #b00000111))\nunsat\n");
}

TEST(Commands, GlobalDeclarationsSurvivePop) {
  const std::string script =
      "(set-option :global-declarations true)\n(push 1)\n(declare-const x (_ BitVec 4))\n(define-sort B () Bool)\n"
      "(assert (= x #x1))\n(assert (= x #x2))\n(check-sat)\n(pop 1)\n(declare-const y B)\n(assert (= x #x1))\n"
      "(check-sat)\n(push 1)\n(declare-const x Bool)\n";
  EXPECT_EQ(responses(script), "unsat\nsat\n" + error_at(13, 16, "'x' is already declared"));
}

TEST(Commands, ResetAssertionsKeepsOptionsAndDropsDeclarations) {
  const std::string script =
      "(set-option :print-success true)\n(declare-const p Bool)\n(assert (not p))\n(push 1)\n(reset-assertions)\n"
      "(get-info :assertion-stack-levels)\n(declare-const p Bool)\n(assert p)\n(check-sat)\n";
  EXPECT_EQ(responses(script), repeat("success\n", 5) + "(:assertion-stack-levels 0)\nsuccess\nsuccess\nsat\n");
}

TEST(Commands, ResetRestoresTheStartingState) {
  const std::string script =
      "(set-option :print-success true)\n(set-logic QF_BV)\n(declare-const p Bool)\n(assert (not p))\n(reset)\n"
      "(get-option :print-success)\n(set-logic QF_BV)\n(declare-const p Bool)\n(assert p)\n(check-sat)\n";
  EXPECT_EQ(responses(script), "success\nsuccess\nsuccess\nsuccess\nsuccess\nfalse\nsat\n");
}

TEST(Commands, SetLogic) {
  EXPECT_EQ(responses("(set-option :print-success true)\n(set-logic QF_BV)\n(set-logic QF_BV)\n"),
            "success\nsuccess\n" + error_at(3, 1, "the logic is already set"));
  for (const char* logic : {"QF_BV", "QF_BOOL", "ALL", "QF_ABV", "QF_AUFBV", "QF_UFBV", "QF_UF", "QF_AX"}) {
    EXPECT_EQ(responses(std::string("(set-option :print-success true)\n(set-logic ") + logic + ")\n"),
              "success\nsuccess\n");
  }
  // An unsupported logic is answered, and what it does not need still
  // works, but only unsat is answered: the script may mean more than wang
  // took in.  The command has no effect, so a later set-logic can choose a
  // logic wang decides.
  const std::string declarations = "(set-logic QF_LIA)\n(declare-const p Bool)\n(assert p)\n";
  EXPECT_EQ(responses(declarations + "(check-sat)\n(get-info :reason-unknown)\n(set-logic QF_BV)\n(check-sat)\n"),
            "unsupported\nunknown\n"
            "(:reason-unknown \"incomplete: the assertion stack lacks what the rejected set-logic at test:1:1 "
            "would have added\")\nsat\n");
  EXPECT_EQ(responses(declarations + "(assert (not p))\n(check-sat)\n"), "unsupported\nunsat\n");
}

TEST(Commands, Options) {
  const std::string script =
      "(get-option :print-success)\n(get-option :produce-models)\n(get-option :random-seed)\n"
      "(get-option :regular-output-channel)\n(get-option :diagnostic-output-channel)\n"
      "(set-option :produce-unsat-cores true)\n(set-option :random-seed 42)\n(set-option :verbosity 3)\n"
      "(set-option :reproducible-resource-limit 1000)\n(set-option :produce-assignments true)\n"
      "(set-option :produce-unsat-assumptions true)\n(set-option :produce-assertions true)\n"
      "(get-option :produce-unsat-cores)\n(get-option :random-seed)\n(get-option :verbosity)\n"
      "(get-option :reproducible-resource-limit)\n(get-option :produce-assignments)\n"
      "(get-option :produce-unsat-assumptions)\n(get-option :produce-assertions)\n(get-option :global-declarations)\n";
  EXPECT_EQ(responses(script), "false\nfalse\n0\n\"stdout\"\n\"stderr\"\ntrue\n42\n3\n1000\ntrue\ntrue\ntrue\nfalse\n");
}

// Every standard option reports its default, also those wang does not
// support beyond it; :interactive-mode is SMT-LIB 2.0's :produce-assertions.
TEST(Commands, StandardOptionsReportTheirDefaults) {
  EXPECT_EQ(responses("(set-option :print-success true)\n(get-option :produce-proofs)\n(get-option :interactive-mode)\n"
                      "(set-option :produce-proofs false)\n(set-option :produce-proofs true)\n"
                      "(get-option :produce-proofs)\n(set-option :interactive-mode true)\n"
                      "(get-option :produce-assertions)\n(get-option :smt.arith.solver)\n"),
            "success\nfalse\nfalse\nsuccess\nunsupported\nfalse\nsuccess\ntrue\nunsupported\n");
}

// Options of start mode may be set until the first command that declares,
// defines, asserts, pushes, pops or checks (also after set-logic, unlike
// the standard: see docs/smtlib.md), and again after reset; the others at
// any time.
TEST(Commands, StartModeOptions) {
  const std::string late =
      " can only be set in start mode, before the first command that declares, defines, asserts, pushes, pops or "
      "checks";
  EXPECT_EQ(responses("(set-option :print-success true)\n(set-logic QF_BV)\n(set-option :produce-models true)\n"
                      "(set-option :global-declarations true)\n(declare-const p Bool)\n"
                      "(set-option :produce-models false)\n(set-option :produce-unsat-cores true)\n"
                      "(set-option :random-seed 3)\n(set-option :interactive-mode true)\n"
                      "(set-option :verbosity 2)\n(set-option :reproducible-resource-limit 5)\n"
                      "(set-option :regular-output-channel \"stdout\")\n(get-option :produce-models)\n"
                      "(reset)\n(set-option :produce-unsat-cores true)\n"),
            "success\nsuccess\nsuccess\nsuccess\nsuccess\n" + error_at(6, 1, ":produce-models" + late) +
                error_at(7, 1, ":produce-unsat-cores" + late) + error_at(8, 1, ":random-seed" + late) +
                error_at(9, 1, ":interactive-mode" + late) + "success\nsuccess\nsuccess\ntrue\nsuccess\n");
  for (const char* first : {"(push 1)\n", "(pop 0)\n", "(check-sat)\n", "(define-sort S () Bool)\n",
                            "(declare-const p Bool)\n(assert p)\n"}) {
    EXPECT_NE(responses(std::string(first) + "(set-option :produce-models true)\n").find(late), std::string::npos)
        << first;
  }
}

// :reproducible-resource-limit bounds the conflicts of each check: the
// same check stops at the same point on every run.  Seven pigeons, six
// holes: unsat, but not without conflicts.
TEST(Commands, ReproducibleResourceLimit) {
  std::string pigeons = "(set-option :produce-models true)\n";
  std::string distinct = "(assert (distinct";
  for (int i = 0; i < 7; ++i) {
    pigeons += "(declare-const p" + std::to_string(i) + " (_ BitVec 3))\n(assert (bvult p" + std::to_string(i) +
               " #b110))\n";
    distinct += " p" + std::to_string(i);
  }
  pigeons += distinct + "))\n";
  const std::string limited = "(set-option :reproducible-resource-limit 10)\n" + pigeons +
                              "(check-sat)\n(get-info :reason-unknown)\n(get-option :reproducible-resource-limit)\n"
                              "(set-option :reproducible-resource-limit 0)\n(check-sat)\n";
  EXPECT_EQ(responses(limited), "unknown\n(:reason-unknown resourceout)\n10\nunsat\n");
  // The search counters of the stopped check (the statistics also hold
  // times, which differ from run to run).
  const auto search_counters = [&] {
    const std::string out = responses("(set-option :reproducible-resource-limit 10)\n" + pigeons +
                                      "(check-sat)\n(get-info :all-statistics)\n");
    return out.substr(0, out.find(":learned "));
  };
  const std::string first = search_counters();
  EXPECT_NE(first.find("(:conflicts 10\n"), std::string::npos) << first;
  EXPECT_EQ(search_counters(), first);
}

TEST(Commands, OptionErrors) {
  EXPECT_EQ(responses("(set-option :print-success 1)"), error_at(1, 28, "expected true or false, got numeral '1'"));
  EXPECT_EQ(responses("(set-option :random-seed true)"), error_at(1, 26, "expected a numeral, got symbol 'true'"));
  EXPECT_EQ(responses("(set-option :random-seed)"), error_at(1, 25, "expected a value for :random-seed, got ')'"));
  EXPECT_EQ(responses("(set-option :random-seed 99999999999999999999)"),
            error_at(1, 26, "the value of :random-seed is too large"));
  EXPECT_EQ(responses("(set-option :random-seed 4294967296)\n(get-option :random-seed)\n"),
            error_at(1, 26, ":random-seed: option 'seed' takes values from 0 to 2147483647") + "0\n");
  EXPECT_EQ(responses("(set-option :produce-proofs yes)\n"), error_at(1, 29, "expected true or false, got symbol 'yes'"));
  EXPECT_EQ(responses("(set-option :regular-output-channel \"/nonexistent/dir/file\")\n(echo \"here\")\n"),
            error_at(1, 37, "cannot open \"\"/nonexistent/dir/file\"\" for writing") + "\"here\"\n");
}

TEST(Commands, OutputChannels) {
  const TempDir dir("wang-smtlib-channel");
  const std::string path = dir.file("regular-output");
  const ScriptRun run = run_script("(set-option :regular-output-channel \"" + path +
                                       "\")\n(echo \"to the file\")\n"
                                       "(set-option :regular-output-channel \"stdout\")\n(echo \"back\")\n"
                                       "(set-option :diagnostic-output-channel \"stdout\")\n(set-logic QF_LIA)\n",
                                   explaining());
  EXPECT_EQ(run.out,
            "\"back\"\nwang: logic QF_LIA is not supported: wang decides QF_BV, QF_ABV, QF_UFBV, QF_AUFBV, "
            "QF_UF, QF_AX and ALL\nunsupported\n");
  EXPECT_EQ(run.err, "");
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  EXPECT_EQ(line, "\"to the file\"");
}

TEST(Commands, Info) {
  const std::string script =
      "(get-info :name)\n(get-info :version)\n(get-info :authors)\n(get-info :error-behavior)\n"
      "(push 3)\n(get-info :assertion-stack-levels)\n(get-info :reason-unknown)\n(get-info :unknown-flag)\n";
  EXPECT_EQ(responses(script),
            "(:name \"wang\")\n(:version \"test-version\")\n(:authors \"the wang developers\")\n"
            "(:error-behavior continued-execution)\n(:assertion-stack-levels 3)\n" +
                error_at(7, 1, "the last check-sat did not answer unknown") + "unsupported\n");
}

TEST(Commands, AllStatisticsIsAKeywordValueList) {
  const std::string out = responses("(declare-const p Bool)\n(assert p)\n(check-sat)\n(get-info :all-statistics)\n");
  ASSERT_EQ(out.substr(0, 6), "sat\n(:") << out;
  EXPECT_NE(out.find(":conflicts 0"), std::string::npos) << out;
  EXPECT_NE(out.find("\n :assertions 1"), std::string::npos) << out;
  EXPECT_EQ(out.substr(out.size() - 2), ")\n");
}

TEST(Commands, ReasonUnknownNamesTheLimit) {
  smtlib::InterpreterConfig config;
  config.limits.conflicts = 0;
  EXPECT_EQ(run_script(kFactoring + "(check-sat)\n(get-info :reason-unknown)\n", config).out,
            "unknown\n(:reason-unknown resourceout)\n");
}

TEST(Commands, AStopRequestWhileReadingEndsTheSession) {
  smtlib::InterpreterConfig config;
  config.stop_requested = [] { return std::optional(sat::StopReason::terminated); };
  EXPECT_EQ(run_script("(echo \"never\")\n(check-sat)\n", config).out, "unknown\n");
}

TEST(Commands, GetValueAndModelNeedModelsAndASatResult) {
  const std::string base = "(declare-const p Bool)\n(assert p)\n";
  EXPECT_EQ(responses(base + "(check-sat)\n(get-model)\n(get-value (p))\n"),
            "sat\n" + error_at(4, 1, "get-model needs (set-option :produce-models true)") +
                error_at(5, 1, "get-value needs (set-option :produce-models true)"));
  EXPECT_EQ(
      responses("(set-option :produce-models true)\n" + base + "(get-model)\n(check-sat)\n(assert p)\n(get-model)\n"),
      error_at(4, 1, "get-model is only available right after check-sat answered sat") + "sat\n" +
          error_at(7, 1, "get-model is only available right after check-sat answered sat"));
  EXPECT_EQ(
      responses("(set-option :produce-models true)\n" + base + "(assert (not p))\n(check-sat)\n(get-value (p))\n"),
      "unsat\n" + error_at(6, 1, "get-value is only available right after check-sat answered sat"));
}

TEST(Commands, GetAssignment) {
  const std::string script =
      "(set-option :produce-assignments true)\n(declare-const x (_ BitVec 4))\n"
      "(assert (! (= x #x3) :named is3))\n(assert (or (! (bvult x #x2) :named small) (! (= x (! #x3 :named three)) "
      ":named big)))\n"
      "(check-sat)\n(get-assignment)\n";
  EXPECT_EQ(responses(script), "sat\n((is3 true) (small false) (big true))\n");
  EXPECT_EQ(responses("(get-assignment)\n"),
            error_at(1, 1, "get-assignment needs (set-option :produce-assignments true)"));
}

TEST(Commands, GetAssertions) {
  const std::string script =
      "(set-option :produce-assertions true)\n(declare-const p Bool)\n(assert   (or p ; why\n  (not p)))\n"
      "(push 1)\n(assert (! p :named a))\n(get-assertions)\n(pop 1)\n(get-assertions)\n";
  EXPECT_EQ(responses(script), "((or p (not p))\n (! p :named a))\n((or p (not p)))\n");
  EXPECT_EQ(responses("(get-assertions)"),
            error_at(1, 1, "get-assertions needs (set-option :produce-assertions true)"));
}

TEST(Commands, UnsatCoresNameTheNeededAssertions) {
  const std::string script =
      "(set-option :produce-unsat-cores true)\n(declare-const x (_ BitVec 8))\n(declare-const y (_ BitVec 8))\n"
      "(assert (! (= x #x01) :named one))\n(assert (! (bvult y #x05) :named other))\n(assert (bvugt x #x00))\n"
      "(assert (! (= (bvadd x #x01) #x03) :named |two more|))\n(check-sat)\n(get-unsat-core)\n";
  EXPECT_EQ(responses(script), "unsat\n(one |two more|)\n");
}

TEST(Commands, UnsatCoresFollowTheAssertionStack) {
  const std::string script =
      "(set-option :produce-unsat-cores true)\n(declare-const p Bool)\n(assert (! p :named a))\n(push 1)\n"
      "(assert (! (not p) :named b))\n(check-sat)\n(get-unsat-core)\n(pop 1)\n(check-sat)\n(get-unsat-core)\n"
      "(assert (! (not p) :named c))\n(check-sat)\n(get-unsat-core)\n";
  EXPECT_EQ(responses(script), "unsat\n(a b)\nsat\n" +
                                   error_at(10, 1,
                                            "get-unsat-core is only available right after "
                                            "check-sat answered unsat") +
                                   "unsat\n(a c)\n");
  EXPECT_EQ(responses("(get-unsat-core)"),
            error_at(1, 1, "get-unsat-core needs (set-option :produce-unsat-cores true)"));
}

TEST(Commands, CheckSatAssumingAndUnsatAssumptions) {
  const std::string script =
      "(set-option :produce-unsat-assumptions true)\n(declare-const p Bool)\n(declare-const q Bool)\n"
      "(declare-const r Bool)\n(assert (=> p q))\n(check-sat-assuming (p (not q) r))\n(get-unsat-assumptions)\n"
      "(check-sat-assuming (p))\n(check-sat-assuming ())\n(check-sat-assuming ((and   p (not q))))\n"
      "(get-unsat-assumptions)\n(check-sat)\n";
  EXPECT_EQ(responses(script), "unsat\n(p (not q))\nsat\nsat\nunsat\n((and p (not q)))\nsat\n");
  EXPECT_EQ(responses("(declare-const x (_ BitVec 2))\n(check-sat-assuming (x))"),
            error_at(2, 22, "check-sat-assuming expects Bool terms, got (_ BitVec 2)"));
}

TEST(Commands, CheckModelsReSolvesCoresAndAssumptions) {
  smtlib::InterpreterConfig config;
  config.check_models = true;
  const std::string script =
      "(set-option :produce-unsat-cores true)\n(set-option :produce-unsat-assumptions true)\n" + kFactoring +
      "(assert (! (bvult x y) :named ordered))\n(assert (! (= x #x000d) :named wrong))\n(check-sat)\n(get-unsat-core)\n"
      "(reset-assertions)\n" +
      kFactoring + "(check-sat-assuming ((= x #x000c)))\n(get-unsat-assumptions)\n";
  const ScriptRun run = run_script(script, config);
  // x = 13 forces y = 11, which contradicts x < y: both names are needed.
  EXPECT_EQ(run.out, "unsat\n(ordered wrong)\nunsat\n((= x #x000c))\n");
  EXPECT_EQ(run.err, "");
}

TEST(Commands, EchoPrintsAStringLiteral) {
  EXPECT_EQ(responses("(echo \"\")\n(echo \"say \"\"hi\"\"\")\n(echo \"two\nlines\")\n"),
            "\"\"\n\"say \"\"hi\"\"\"\n\"two\nlines\"\n");
  EXPECT_EQ(responses("(echo hi)"), error_at(1, 7, "expected a string literal, got symbol 'hi'"));
}

TEST(Commands, ExitStopsReading) { EXPECT_EQ(responses("(echo \"a\")\n(exit)\n(echo \"b\")\n"), "\"a\"\n"); }

TEST(Commands, UnsupportedStandardCommands) {
  const std::string script = "(declare-datatypes ((T 0)) (((c))))\n(get-proof)\n(echo \"on\")\n";
  const ScriptRun run = run_script(script, explaining());
  EXPECT_EQ(run.out, "unsupported\nunsupported\n\"on\"\n");
  EXPECT_NE(run.err.find("'declare-datatypes' is not supported"), std::string::npos) << run.err;
  // Unasked, stderr stays empty: clients merge it with stdout.
  EXPECT_EQ(run_script(script).err, "");
}

TEST(Commands, InputInAnyPieces) {
  const std::string script =
      "(set-option :produce-models true)\n" + kFactoring + "(assert (bvult x y))\n(check-sat)\n(get-value (x y))\n";
  const std::string whole = run_script(script).out;
  EXPECT_EQ(whole, "sat\n((x #b0000000000001011) (y #b0000000000001101))\n");
  for (size_t chunk : {1, 2, 5}) EXPECT_EQ(run_script(script, {}, chunk).out, whole) << chunk;
}

}  // namespace
}  // namespace wang::testing

namespace wang::testing {
namespace {

// Arrays, functions and declared sorts as a script uses them: answers,
// values and models that parse back into the same answers.
TEST(Theories, ArraysInScripts) {
  const std::string script =
      "(set-logic QF_ABV)\n(set-option :produce-models true)\n"
      "(define-sort Memory () (Array (_ BitVec 4) (_ BitVec 8)))\n"
      "(declare-const m Memory)\n(declare-const i (_ BitVec 4))\n"
      "(assert (= (select (store m i #x2a) #x3) #x2a))\n(assert (not (= i #x3)))\n(check-sat)\n"
      "(get-value ((select m #x3) (= m ((as const Memory) #x00))))\n"
      "(assert (= m ((as const Memory) #x00)))\n(check-sat)\n";
  EXPECT_EQ(responses(script), "sat\n(((select m #x3) #b00101010) ((= m ((as const Memory) #x00)) false))\nunsat\n");
  EXPECT_EQ(responses("(declare-const m (Array (_ BitVec 4) Bool))\n(assert ((as const (Array (_ BitVec 4) Bool)) true true))\n"),
            error_at(2, 9, "a constant array takes 1 argument, got 2"));
  EXPECT_EQ(responses("(assert (= ((as const (_ BitVec 4)) #x0) #x0))\n"),
            error_at(1, 17, "'const' needs an array sort, got (_ BitVec 4)"));
  EXPECT_EQ(responses("(define-sort M (X) (Array X X))\n(declare-const m (M Bool))\n(assert (select m true))\n(check-sat)\n"),
            "sat\n");
  // Arrays of arrays are refused where they are declared, never at check-sat.
  EXPECT_EQ(responses("(declare-const n (Array Bool (Array Bool Bool)))\n(assert (select (select n true) true))\n(check-sat)\n"),
            "unsupported\n" + error_at(2, 25, "'n' is unusable: it is declared by the rejected command at line 1, column 1") +
                "unknown\n");
}

TEST(Theories, FunctionsAndSortsInScripts) {
  const std::string declarations =
      "(set-logic QF_UFBV)\n(set-option :produce-models true)\n(declare-sort S 0)\n"
      "(declare-fun f (S (_ BitVec 2)) Bool)\n(declare-const s S)\n(declare-const t S)\n";
  EXPECT_EQ(responses(declarations + "(assert (= s t))\n(assert (distinct (f s #b01) (f t #b01)))\n(check-sat)\n"),
            "unsat\n");
  const std::string model = responses(declarations + "(assert (f s #b01))\n(assert (not (f t #b10)))\n(check-sat)\n(get-model)\n");
  ASSERT_EQ(model.substr(0, 4), "sat\n") << model;
  EXPECT_NE(model.find("(define-fun f ((x!1 S) (x!2 (_ BitVec 2))) Bool (ite (and (= x!1 @S_"), std::string::npos) << model;
  EXPECT_NE(model.find("(define-fun s () S @S_"), std::string::npos) << model;
  EXPECT_EQ(responses(declarations + "(assert (f s))\n"), error_at(7, 9, "the function takes 2 arguments, got 1"));
  EXPECT_EQ(responses(declarations + "(assert f)\n"), error_at(7, 9, "'f' takes 2 arguments"));
}

// yosys-smtbmc defines the terms it asks about after check-sat.
TEST(Theories, DefinitionsAfterSatKeepTheModel) {
  const std::string script =
      "(set-option :produce-models true)\n(declare-const x (_ BitVec 4))\n(assert (= x #x5))\n(check-sat)\n"
      "(define-fun y () (_ BitVec 4) (bvadd x #x1))\n(declare-const z Bool)\n(get-value (y))\n"
      "(assert z)\n(get-value (y))\n";
  EXPECT_EQ(responses(script), "sat\n((y #b0110))\n" + error_at(9, 1, "get-value is only available right after check-sat answered sat"));
}

}  // namespace
}  // namespace wang::testing
