#!/usr/bin/env python3
"""Generates the project's own QF_BV benchmark families with their expected
answers, and MANIFEST.tsv (path, family, expected) for the regression tests.

Every file states its answer with (set-info :status ...); the answers follow
from arithmetic facts (commutativity, the division identity, factorizations)
or from reading the firewall rules of article/, not from running a solver.
article/h.smt2 states "unknown" and stays out of the manifest (see
docs/tutorial.md).  Run from anywhere: files are written next to
this script, or under the directory given as the only argument (the
regression test regenerates them there and compares).  Deterministic: the
same files every time.
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
OUT = sys.argv[1] if len(sys.argv) > 1 else HERE


def header(status, comment):
    lines = [f"; {line}" for line in comment.strip().splitlines()]
    return "\n".join(lines + [f"(set-info :status {status})", "(set-logic QF_BV)", ""])


def declare(names, width):
    return "".join(f"(declare-const {n} (_ BitVec {width}))\n" for n in names)


def bv(value, width):
    return f"(_ bv{value} {width})"


def commutativity(width, op):
    return header("unsat", f"{op} is commutative at width {width}: no counterexample exists.") + \
        declare(["x", "y"], width) + f"(assert (not (= ({op} x y) ({op} y x))))\n(check-sat)\n(exit)\n"


def associativity(width, op):
    return header("unsat", f"{op} is associative at width {width}.") + declare(["x", "y", "z"], width) + \
        f"(assert (not (= ({op} ({op} x y) z) ({op} x ({op} y z)))))\n(check-sat)\n(exit)\n"


def distributivity(width):
    return header("unsat", f"bvmul distributes over bvadd at width {width}.") + declare(["x", "y", "z"], width) + \
        "(assert (not (= (bvmul x (bvadd y z)) (bvadd (bvmul x y) (bvmul x z)))))\n(check-sat)\n(exit)\n"


def division_identity(width):
    return header("unsat", f"x = (x udiv y) * y + (x urem y) for all x, y at width {width} "
                           "(also for y = 0 under SMT-LIB semantics).") + declare(["x", "y"], width) + \
        "(assert (not (= x (bvadd (bvmul (bvudiv x y) y) (bvurem x y)))))\n(check-sat)\n(exit)\n"


def remainder_bound(width):
    return header("unsat", f"x urem y < y whenever y != 0, at width {width}.") + declare(["x", "y"], width) + \
        f"(assert (not (= y {bv(0, width)})))\n(assert (not (bvult (bvurem x y) y)))\n(check-sat)\n(exit)\n"


def overflow_definition(width):
    return header("unsat", f"bvuaddo x y holds exactly when x + y wraps around, at width {width}.") + \
        declare(["x", "y"], width) + \
        "(assert (not (= (bvuaddo x y) (bvult (bvadd x y) x))))\n(check-sat)\n(exit)\n"


def factor(n, width, status, note):
    half = width // 2
    return header(status, f"{n} = p * q with 1 < p, q: {note}.  The product is computed at width "
                          f"{width} from {half}-bit factors, so it cannot wrap around.") + \
        declare(["p", "q"], half) + \
        f"(assert (bvugt p {bv(1, half)}))\n(assert (bvugt q {bv(1, half)}))\n" + \
        f"(assert (= (bvmul ((_ zero_extend {half}) p) ((_ zero_extend {half}) q)) {bv(n, width)}))\n" + \
        "(check-sat)\n(exit)\n"


def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))


def sudoku_like(width, seed):
    """A chain of distinct values with sums fixed: satisfiable by construction."""
    rng = random.Random(seed)
    values = rng.sample(range(1 << width), 6)
    names = [f"v{i}" for i in range(6)]
    text = header("sat", f"Six distinct {width}-bit values with given pairwise sums (seed {seed}); "
                         "the values the sums were made from are a model.")
    text += declare(names, width) + f"(assert (distinct {' '.join(names)}))\n"
    for i in range(5):
        total = (values[i] + values[i + 1]) % (1 << width)
        text += f"(assert (= (bvadd {names[i]} {names[i + 1]}) {bv(total, width)}))\n"
    return text + "(check-sat)\n(exit)\n"


def incremental_counter(width):
    """Push/pop and assumptions over x < 10: each answer follows from it."""
    def check(status, command="(check-sat)"):
        return f"(set-info :status {status})\n{command}\n"
    text = f"; Incremental: x < 10 at width {width}, then queries under push/pop and assumptions.\n"
    text += "(set-logic QF_BV)\n" + declare(["x"], width)
    text += f"(assert (bvult x {bv(10, width)}))\n" + check("sat")
    text += "(push 1)\n" + f"(assert (bvugt x {bv(20, width)}))\n" + check("unsat") + "(pop 1)\n"
    text += "(push 1)\n" + f"(assert (= (bvmul x {bv(3, width)}) {bv(21, width)}))\n" + check("sat") + "(pop 1)\n"
    text += check("unsat", f"(check-sat-assuming ((= x {bv(12, width)})))") + check("sat") + "(exit)\n"
    return text, "sat,unsat,sat,unsat,sat"


def collatz(steps):
    """The article's h, a question wang cannot settle in the tutorial's time limit (docs/tutorial.md)."""
    one = "(_ bv1 64)"
    lines = [
        "; h(x): while (x > 1) x = x % 2 ? x + x / 2 + 1 : x / 2;   on 64-bit unsigned x, wrapping",
        "; around like C.  It is the 3x+1 loop with the halving that follows every 3x+1 done at",
        "; once: (3x+1)/2 = x + x/2 + 1 for odd x.  Does h return within %d iterations?" % steps,
        ";",
        "; x1 .. x%d are x after each iteration (a finished loop leaves x alone).  Is there a start" % steps,
        "; that is still looping after %d iterations?  Nobody knows whether one exists: see" % steps,
        "; docs/tutorial.md for why the honest answer is unknown.",
        "(set-info :status unknown)",
        "(set-logic QF_BV)",
        "(define-fun step ((x (_ BitVec 64))) (_ BitVec 64)",
        f"  (ite (bvule x {one}) x",
        f"    (ite (= ((_ extract 0 0) x) #b1) (bvadd x (bvlshr x {one}) {one}) (bvlshr x {one}))))",
        "(declare-const x0 (_ BitVec 64))",
    ]
    lines += [f"(define-fun x{i} () (_ BitVec 64) (step x{i - 1}))" for i in range(1, steps + 1)]
    lines += [
        f"(assert (bvugt x{steps} {one}))",
        "(check-sat)",
        "(get-info :reason-unknown)",
        "(exit)",
    ]
    return "\n".join(lines) + "\n"


def policy_question(arguments, status):
    """A firewall question written by scripts/policy-smt (run from the top of the repository,
    so that the rule files it names are relative paths), with its expected answer added."""
    script = os.path.join(TOP, "scripts", "policy-smt")
    text = subprocess.run([sys.executable, script] + arguments, cwd=TOP, check=True, capture_output=True,
                          text=True).stdout
    return text.replace("(set-logic QF_BV)", f"(set-info :status {status})\n(set-logic QF_BV)", 1)


def write_file(path, text):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w") as out:
        out.write(text)


def write(path, text, rows, family, expected):
    write_file(path, text)
    rows.append((path, family, expected))


def main():
    rows = []
    for name, status in (("f", "unsat"), ("g", "unsat"), ("g2", "sat")):
        rows.append((f"article/{name}.smt2", "article", status))
    # Not in the manifest: its answer is unknown, under any limit the regression test could give.
    write_file("article/h.smt2", collatz(1024))
    # The firewall questions of the tutorial; their answers follow from reading the rules.
    rules = "benchmarks-smtlib/article/firewall"
    outside = ["--to", "10.0.1.5", "--port", "22", "--outside", "10.0.0.0/16"]
    # firewall.json: rule 3 lets the partner network (outside) reach ports 20-23, ssh included,
    # before rule 4 denies ssh; firewall-fixed.json narrows it to 20-21, and no other rule
    # before rule 4 admits ssh from outside 10.0.0.0/16.
    write("article/ssh-from-outside.smt2",
          policy_question(["reach", f"{rules}.json"] + outside + ["--show-packet"], "sat"), rows, "article", "sat")
    write("article/ssh-from-outside-fixed.smt2",
          policy_question(["reach", f"{rules}-fixed.json"] + outside, "unsat"), rows, "article", "unsat")
    # The fix only narrows rule 3: what it no longer allows falls to rule 4 (deny) or to the
    # default (deny), since rule 5 admits inside sources only.
    write("article/fixed-within-current.smt2",
          policy_question(["compare", f"{rules}.json", f"{rules}-fixed.json"], "unsat"), rows, "article", "unsat")
    # firewall-typo.json widens the admins' 10.0.8.0/24 to 10.0.0.0/8: ssh from 10.1.0.0 say,
    # denied by rule 4 before, is now allowed by rule 1.
    write("article/typo-within-fixed.smt2",
          policy_question(["compare", f"{rules}-fixed.json", f"{rules}-typo.json", "--show-packet"], "sat"),
          rows, "article", "sat")
    # Widths are chosen so that bit-blasting alone answers within seconds:
    # equivalences of two different multiplier or divider circuits grow
    # exponentially hard for CDCL beyond about 8 to 12 bits and need
    # word-level rewriting, which comes later.
    for width in (8, 16, 32, 64):
        for op in ("bvadd", "bvand", "bvxor"):
            write(f"laws/{op}-commutes-{width}.smt2", commutativity(width, op), rows, "laws", "unsat")
        write(f"laws/bvadd-associates-{width}.smt2", associativity(width, "bvadd"), rows, "laws", "unsat")
        write(f"overflow/uaddo-{width}.smt2", overflow_definition(width), rows, "overflow", "unsat")
    for width in (4, 6, 8):
        write(f"laws/bvmul-commutes-{width}.smt2", commutativity(width, "bvmul"), rows, "laws", "unsat")
        write(f"division/identity-{width}.smt2", division_identity(width), rows, "division", "unsat")
    for width in (4, 5, 6):
        write(f"laws/distributes-{width}.smt2", distributivity(width), rows, "laws", "unsat")
    for width in (8, 12, 16):
        write(f"division/remainder-{width}.smt2", remainder_bound(width), rows, "division", "unsat")
    for n in (143, 221, 323, 1147, 4087, 10403, 65021):
        width = 2 * max(8, (n.bit_length() + 1) // 2 + 1)
        assert not is_prime(n)
        write(f"factoring/factor-{n}.smt2", factor(n, width, "sat", "possible, the number is composite"), rows,
              "factoring", "sat")
    for n in (131, 1009, 4093, 65521):
        assert is_prime(n)
        width = 2 * max(8, (n.bit_length() + 1) // 2 + 1)
        write(f"factoring/prime-{n}.smt2", factor(n, width, "unsat", "impossible, the number is prime"), rows,
              "factoring", "unsat")
    for seed in range(1, 5):
        write(f"distinct/sums-{seed}.smt2", sudoku_like(16, seed), rows, "distinct", "sat")
    for width in (8, 32):
        text, answers = incremental_counter(width)
        write(f"incremental/counter-{width}.smt2", text, rows, "incremental", answers)
    with open(os.path.join(OUT, "MANIFEST.tsv"), "w") as out:
        out.write("path\tfamily\texpected\n")
        for row in rows:
            out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
