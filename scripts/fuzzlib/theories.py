"""Random scripts over arrays, uninterpreted functions and declared sorts
(QF_AUFBV), checked against Z3.

The bit-vector fuzzer's reference evaluator knows no arrays, so here the
reference is a peer: wang and Z3 run the same script and every answer
they both give must agree.  wang checks each of its sat models against
the assertions before it prints sat (an internal error otherwise), so a
disagreement on sat is a wrong unsat of one of them or a model-check
failure, and either is a failure of the case.  Scripts hold several checks
under push/pop and check-sat-assuming, so lemmas kept across checks are
exercised too.
"""

import random
import subprocess

INDEX_WIDTHS = [1, 2, 3, 4, 8, 32]
ELEMENT_WIDTHS = [1, 2, 4, 8]


def bv_sort(width):
    return '(_ BitVec %d)' % width


def array_sort(index, element):
    return '(Array %s %s)' % (bv_sort(index), bv_sort(element))


class Generator:
    """One script: declarations of a few arrays, functions and elements of a
    declared sort, then assertions and checks."""

    def __init__(self, rng):
        self.rng = rng
        self.lines = ['(set-logic QF_AUFBV)']
        self.index = rng.choice(INDEX_WIDTHS)
        self.element = rng.choice(ELEMENT_WIDTHS)
        self.arrays = self.declare('a', rng.randint(1, 3), array_sort(self.index, self.element))
        self.indices = self.declare('i', rng.randint(1, 3), bv_sort(self.index))
        self.values = self.declare('v', rng.randint(1, 2), bv_sort(self.element))
        self.booleans = self.declare('p', 2, 'Bool')
        self.with_sort = rng.random() < 0.5
        if self.with_sort:
            self.lines.append('(declare-sort U 0)')
            self.elements = self.declare('u', rng.randint(2, 4), 'U')
            self.lines.append('(declare-fun g (U) U)')
            self.lines.append('(declare-fun h (U %s) Bool)' % bv_sort(self.index))
            # State-like functions, as yosys-smtbmc declares them: applied
            # to elements only, which the solver purifies while U is used
            # no other way ("free" scripts keep it so throughout).
            self.lines.append('(declare-fun k (U) %s)' % bv_sort(self.element))
            self.lines.append('(declare-fun r (U) %s)' % array_sort(self.index, self.element))
        self.free_sort = self.with_sort and rng.random() < 0.5
        self.lines.append('(declare-fun f (%s) %s)' % (bv_sort(self.index), bv_sort(self.element)))
        self.lines.append('(declare-fun m (%s) %s)' % (bv_sort(self.element), array_sort(self.index, self.element)))

    def declare(self, prefix, count, sort):
        names = ['%s%d' % (prefix, k) for k in range(count)]
        for name in names:
            self.lines.append('(declare-const %s %s)' % (name, sort))
        return names

    def literal(self, width):
        return '(_ bv%d %d)' % (self.rng.randrange(1 << min(width, 16)), width)

    def word(self, width, depth):
        """A term of (_ BitVec width), width the index or the element width."""
        rng = self.rng
        leaves = self.indices if width == self.index else []
        leaves = leaves + (self.values if width == self.element else [])
        if depth <= 0 or rng.random() < 0.3:
            return rng.choice(leaves) if leaves and rng.random() < 0.75 else self.literal(width)
        choice = rng.randrange(6)
        if choice == 0 and width == self.element:
            return '(select %s %s)' % (self.array(depth - 1), self.word(self.index, depth - 1))
        if choice == 1 and width == self.element:
            if self.with_sort and rng.random() < 0.5:
                return '(k %s)' % self.element_of_sort(depth - 1)
            return '(f %s)' % self.word(self.index, depth - 1)
        if choice == 2:
            return '(ite %s %s %s)' % (self.formula(depth - 1), self.word(width, depth - 1), self.word(width, depth - 1))
        if choice == 3:
            return '(bvnot %s)' % self.word(width, depth - 1)
        op = rng.choice(['bvadd', 'bvand', 'bvor', 'bvxor'])
        return '(%s %s %s)' % (op, self.word(width, depth - 1), self.word(width, depth - 1))

    def array(self, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.3:
            if rng.random() < 0.15:
                return '((as const %s) %s)' % (array_sort(self.index, self.element), self.word(self.element, 0))
            return rng.choice(self.arrays)
        choice = rng.randrange(5)
        if choice == 0:
            return '(ite %s %s %s)' % (self.formula(depth - 1), self.array(depth - 1), self.array(depth - 1))
        if choice == 1:
            if self.with_sort and rng.random() < 0.5:
                return '(r %s)' % self.element_of_sort(depth - 1)
            return '(m %s)' % self.word(self.element, depth - 1)
        return '(store %s %s %s)' % (self.array(depth - 1), self.word(self.index, depth - 1),
                                     self.word(self.element, depth - 1))

    def element_of_sort(self, depth):
        rng = self.rng
        if depth <= 0 or self.free_sort or rng.random() < 0.4:
            return rng.choice(self.elements)
        if rng.random() < 0.7:
            return '(g %s)' % self.element_of_sort(depth - 1)
        return '(ite %s %s %s)' % (self.formula(depth - 1), self.element_of_sort(depth - 1),
                                   self.element_of_sort(depth - 1))

    def formula(self, depth):
        rng = self.rng
        if depth <= 0:
            return rng.choice(self.booleans)
        choice = rng.randrange(10)
        if choice == 0:
            return '(= %s %s)' % (self.array(depth - 1), self.array(depth - 1))
        if choice == 1 and self.with_sort and not self.free_sort:
            return '(= %s %s)' % (self.element_of_sort(depth - 1), self.element_of_sort(depth - 1))
        if choice == 2 and self.with_sort and not self.free_sort:
            return '(h %s %s)' % (self.element_of_sort(depth - 1), self.word(self.index, depth - 1))
        if choice == 3:
            return '(not %s)' % self.formula(depth - 1)
        if choice == 4:
            return '(%s %s %s)' % (rng.choice(['and', 'or', '=>']), self.formula(depth - 1), self.formula(depth - 1))
        if choice == 5:
            return '(bvult %s %s)' % (self.word(self.index, depth - 1), self.word(self.index, depth - 1))
        if choice == 6 and self.with_sort and not self.free_sort:
            return '(distinct %s)' % ' '.join(self.element_of_sort(depth - 1) for _ in range(3))
        width = rng.choice([self.index, self.element])
        return '(= %s %s)' % (self.word(width, depth - 1), self.word(width, depth - 1))

    def script(self):
        rng = self.rng
        levels = 0
        for _ in range(rng.randint(2, 7)):
            action = rng.random()
            if action < 0.15:
                self.lines.append('(push 1)')
                levels += 1
            elif action < 0.25 and levels > 0:
                self.lines.append('(pop 1)')
                levels -= 1
            else:
                self.lines.append('(assert %s)' % self.formula(3))
            if rng.random() < 0.4:
                self.lines.append('(check-sat)')
            elif rng.random() < 0.2:
                self.lines.append('(check-sat-assuming (%s))' % rng.choice(self.booleans))
        self.lines.append('(check-sat)')
        return '\n'.join(self.lines) + '\n'


ANSWERS = ('sat', 'unsat', 'unknown')


def answers(command, text, timeout):
    """The check answers of one run, or None when the run failed."""
    try:
        run = subprocess.run(command, input=text, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    lines = run.stdout.split()
    if run.returncode not in (0, 10, 20) or any(line.startswith('(error') for line in run.stdout.splitlines()):
        return None
    return [line for line in lines if line in ANSWERS]


def run_case(seed, wang, z3, timeout):
    """'agree', 'skipped' (Z3 gave no usable answers), or a failure text."""
    text = Generator(random.Random(seed)).script()
    mine = answers([wang, '-t', str(timeout), '-'], text, timeout + 10)
    if mine is None:
        return 'wang failed on the script (error response, crash or time-out beyond its limit)', text
    # Z3 takes constant arrays, outside the standard's theory, only under ALL.
    theirs = answers([z3, '-smt2', '-in', '-T:%d' % timeout], text.replace('QF_AUFBV', 'ALL', 1), timeout + 10)
    if theirs is None or len(theirs) != len(mine):
        return 'skipped', text
    for position, (a, b) in enumerate(zip(mine, theirs)):
        if 'unknown' not in (a, b) and a != b:
            return 'check %d: wang %s, z3 %s' % (position + 1, a, b), text
    return 'agree', text
