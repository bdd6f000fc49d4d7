"""Random and structured CNF formulas, DIMACS text, and brute force.

A formula is (variables, clauses), clauses being lists of non-zero ints.
Every generator takes a random.Random and a `small` flag: small formulas
have at most SMALL_VARS variables, so that brute force decides them.
"""

import random

SMALL_VARS = 20


# -- Generators ------------------------------------------------------------------

def random_ksat(rng, n, k=3, ratio=None):
    """Uniform random k-SAT; near the threshold unless told otherwise
    (4.26 for k = 3, 9.93 for k = 4, 21.1 for k = 5; 1.0 for 2-SAT)."""
    if ratio is None:
        ratio = {2: 1.0, 3: 4.26, 4: 9.93, 5: 21.1}.get(k, 4.26) * rng.uniform(0.9, 1.1)
    m = max(1, round(n * ratio))
    k = min(k, n)
    clauses = []
    for _ in range(m):
        vs = rng.sample(range(1, n + 1), k)
        clauses.append([v if rng.random() < 0.5 else -v for v in vs])
    return n, clauses


def mixed_random(rng, n):
    """Clauses of lengths 1..6, with units and binaries that feed
    equivalence reasoning and elimination."""
    m = round(n * rng.uniform(2.0, 5.0))
    clauses = []
    for _ in range(m):
        k = min(n, rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 6]) if rng.random() > 0.02 else 1)
        vs = rng.sample(range(1, n + 1), k)
        clauses.append([v if rng.random() < 0.5 else -v for v in vs])
    return n, clauses


def pigeonhole(rng, holes, pigeons=None):
    """pigeons into holes, at most one pigeon per hole; unsatisfiable when
    pigeons > holes.  Variable p*holes + h + 1: pigeon p sits in hole h."""
    if pigeons is None:
        pigeons = holes + 1
    var = lambda p, h: p * holes + h + 1
    clauses = [[var(p, h) for h in range(holes)] for p in range(pigeons)]
    for h in range(holes):
        for p in range(pigeons):
            for q in range(p + 1, pigeons):
                clauses.append([-var(p, h), -var(q, h)])
    return pigeons * holes, clauses


def xor_clauses(lits, parity):
    """CNF of lits[0] xor ... xor lits[-1] = parity (2^(k-1) clauses)."""
    k = len(lits)
    clauses = []
    for mask in range(1 << k):
        # forbid the assignments of the wrong parity: the clause is falsified
        # exactly by the assignment where literal i is true iff bit i is set
        if bin(mask).count('1') % 2 != parity:
            clauses.append([-l if (mask >> i) & 1 else l for i, l in enumerate(lits)])
    return clauses


def parity_chain(rng, n, satisfiable=None):
    """x1 xor ... xor xn = b written twice through chains of auxiliary
    variables (Tseitin), in two orders, with b and (unless satisfiable)
    not b: small but hard for resolution when n grows."""
    if satisfiable is None:
        satisfiable = rng.random() < 0.3
    b = rng.randint(0, 1)
    nvars = n
    clauses = []

    def chain(order, parity):
        nonlocal nvars
        acc = order[0]
        for x in order[1:]:
            nvars += 1
            t = nvars
            clauses.extend(xor_clauses([acc, x, t], 0))  # t = acc xor x
            acc = t
        clauses.append([acc] if parity else [-acc])

    xs = list(range(1, n + 1))
    chain(xs, b)
    other = xs[:]
    rng.shuffle(other)
    chain(other, b if satisfiable else 1 - b)
    return nvars, clauses


def random_xor_system(rng, n):
    """Random XOR equations of 2..4 variables, each written directly."""
    m = rng.randint(n // 2, n + 2)
    clauses = []
    for _ in range(m):
        k = min(n, rng.randint(2, 4))
        vs = rng.sample(range(1, n + 1), k)
        clauses.extend(xor_clauses(vs, rng.randint(0, 1)))
    return n, clauses


class Circuit:
    """Random gates over inputs, encoded by Tseitin."""

    def __init__(self, rng, inputs):
        self.rng = rng
        self.nvars = inputs
        self.inputs = list(range(1, inputs + 1))
        self.clauses = []

    def new(self):
        self.nvars += 1
        return self.nvars

    def gate(self, kind, a, b, c=None):
        o = self.new()
        cl = self.clauses
        if kind == 'and':
            cl += [[-o, a], [-o, b], [o, -a, -b]]
        elif kind == 'or':
            cl += [[o, -a], [o, -b], [-o, a, b]]
        elif kind == 'xor':
            cl += xor_clauses([a, b, o], 0)
        elif kind == 'ite':  # o = a ? b : c
            cl += [[-a, -b, o], [-a, b, -o], [a, -c, o], [a, c, -o]]
        return o

    def random_output(self, gates):
        rng = self.rng
        signals = list(self.inputs)
        for _ in range(gates):
            kind = rng.choice(['and', 'and', 'or', 'xor', 'ite'])
            pick = lambda: rng.choice(signals) * (1 if rng.random() < 0.6 else -1)
            if kind == 'ite':
                o = self.gate(kind, pick(), pick(), pick())
            else:
                o = self.gate(kind, pick(), pick())
            signals.append(o)
        return signals[-1]

    def adder(self, xs, ys):
        """Ripple-carry sum bits of two equally long little-endian words."""
        carry = None
        out = []
        for x, y in zip(xs, ys):
            s = self.gate('xor', x, y)
            if carry is None:
                out.append(s)
                carry = self.gate('and', x, y)
            else:
                out.append(self.gate('xor', s, carry))
                carry = self.gate('or', self.gate('and', x, y), self.gate('and', s, carry))
        return out


def circuit(rng, inputs, gates):
    """A random circuit whose output is asserted (sat or unsat by chance),
    or a miter of two circuits that are equivalent (unsat) or differ."""
    c = Circuit(rng, inputs)
    r = rng.random()
    if r < 0.4:
        out = c.random_output(gates)
        c.clauses.append([out if rng.random() < 0.5 else -out])
    elif r < 0.7:
        # miter: an adder in two bit orders is commutative, x+y vs y+x
        w = max(1, inputs // 2)
        xs, ys = c.inputs[:w], c.inputs[w:2 * w]
        s1, s2 = c.adder(xs, ys), c.adder(ys, xs)
        diffs = [c.gate('xor', a, b) for a, b in zip(s1, s2)]
        if rng.random() < 0.3 and len(diffs) > 1:
            diffs[rng.randrange(len(diffs))] = c.gate('xor', diffs[0], c.inputs[-1])  # a broken miter
        c.clauses.append(diffs)
    else:
        # two random circuits, with their outputs forced apart
        o1 = c.random_output(gates // 2)
        o2 = c.random_output(gates // 2)
        c.clauses.append([c.gate('xor', o1, o2)])
    return c.nvars, c.clauses


def coloring(rng, nodes, colors):
    """A random graph colouring problem, one-hot per node."""
    var = lambda v, c: v * colors + c + 1
    clauses = []
    for v in range(nodes):
        clauses.append([var(v, c) for c in range(colors)])
        for c in range(colors):
            for d in range(c + 1, colors):
                clauses.append([-var(v, c), -var(v, d)])
    p = rng.uniform(0.2, 0.6)
    for v in range(nodes):
        for u in range(v + 1, nodes):
            if rng.random() < p:
                for c in range(colors):
                    clauses.append([-var(v, c), -var(u, c)])
    return nodes * colors, clauses


def equivalences(rng, n):
    """Cycles of binary implications (equivalent literals) over a random
    3-SAT core: what decompose and substitution work on."""
    nv, clauses = random_ksat(rng, n, 3, rng.uniform(3.0, 4.5))
    for _ in range(rng.randint(1, 4)):
        cycle = rng.sample(range(1, n + 1), min(n, rng.randint(2, 5)))
        lits = [v if rng.random() < 0.5 else -v for v in cycle]
        for a, b in zip(lits, lits[1:] + lits[:1]):
            clauses.append([-a, b])
    return nv, clauses


FAMILIES = ('ksat', 'ksat', 'ksat', 'mixed', 'php', 'parity', 'xorsys', 'circuit', 'circuit', 'coloring', 'equiv')


def generate(rng, family=None, small=None):
    """(family, variables, clauses)."""
    if family is None:
        family = rng.choice(FAMILIES)
    if small is None:
        small = rng.random() < 0.6
    if family == 'ksat':
        k = rng.choice([2, 3, 3, 3, 3, 4, 5])
        n = rng.randint(3, SMALL_VARS) if small else rng.randint(20, {2: 400, 3: 150, 4: 70, 5: 45}[k])
        nv, cl = random_ksat(rng, n, k)
    elif family == 'mixed':
        nv, cl = mixed_random(rng, rng.randint(2, SMALL_VARS) if small else rng.randint(20, 200))
    elif family == 'php':
        holes = rng.randint(1, 3) if small else rng.randint(3, 6)
        pigeons = holes + 1 if rng.random() < 0.7 else rng.randint(1, holes)
        nv, cl = pigeonhole(rng, holes, pigeons)
    elif family == 'parity':
        # two chains of n-1 auxiliaries each: 3n - 2 variables in all
        nv, cl = parity_chain(rng, rng.randint(2, (SMALL_VARS + 2) // 3) if small else rng.randint(8, 26))
    elif family == 'xorsys':
        nv, cl = random_xor_system(rng, rng.randint(2, SMALL_VARS) if small else rng.randint(20, 60))
    elif family == 'circuit':
        if small:
            inputs = rng.randint(2, 6)
            nv, cl = circuit(rng, inputs, rng.randint(1, max(1, SMALL_VARS - inputs - 2)))
            while nv > SMALL_VARS:
                inputs = rng.randint(2, 4)
                nv, cl = circuit(rng, inputs, rng.randint(1, 6))
        else:
            nv, cl = circuit(rng, rng.randint(4, 24), rng.randint(10, 300))
    elif family == 'coloring':
        if small:
            colors = rng.randint(2, 3)
            nv, cl = coloring(rng, rng.randint(2, SMALL_VARS // colors), colors)
        else:
            nv, cl = coloring(rng, rng.randint(8, 40), rng.randint(3, 5))
    elif family == 'equiv':
        nv, cl = equivalences(rng, rng.randint(3, SMALL_VARS) if small else rng.randint(20, 120))
    else:
        raise ValueError(family)
    return family, nv, cl


# -- Noise that keeps the formula's meaning (or changes it knowingly) ----------------

def perturb(rng, nvars, clauses):
    """Renames and flips variables, shuffles clauses and literals, adds
    duplicate literals, duplicate clauses and tautologies (all keep the
    answer); sometimes declares more variables than used, and rarely adds
    the empty clause (which makes it unsatisfiable)."""
    perm = list(range(1, nvars + 1))
    rng.shuffle(perm)
    flip = {v: (-1 if rng.random() < 0.3 else 1) for v in range(1, nvars + 1)}
    mapping = {v: perm[v - 1] * flip[v] for v in range(1, nvars + 1)}
    out = []
    for c in clauses:
        c = [mapping[abs(l)] * (1 if l > 0 else -1) for l in c]
        rng.shuffle(c)
        if c and rng.random() < 0.03:
            c.insert(rng.randrange(len(c) + 1), rng.choice(c))
        out.append(c)
        if rng.random() < 0.02:
            out.append(list(c))
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        if nvars:
            v = rng.randint(1, nvars)
            other = [rng.randint(1, nvars) * rng.choice([1, -1]) for _ in range(rng.randint(0, 2))]
            out.append([v, -v] + other)
    if rng.random() < 0.01:
        out.append([])
    rng.shuffle(out)
    declared = nvars + (rng.randint(1, 5) if rng.random() < 0.1 else 0)
    return declared, out


def dimacs(nvars, clauses, rng=None, comment=None):
    """DIMACS text; with rng, comments and irregular white space."""
    lines = []
    if comment:
        lines.append('c %s' % comment)
    lines.append('p cnf %d %d' % (nvars, len(clauses)))
    for c in clauses:
        if rng is not None and rng.random() < 0.03:
            lines.append('c a comment line')
        if rng is not None and len(c) > 2 and rng.random() < 0.05:
            # a clause over two lines
            half = len(c) // 2
            lines.append(' '.join(map(str, c[:half])))
            lines.append('  ' + ' '.join(map(str, c[half:])) + ' 0')
        else:
            lines.append(' '.join(map(str, c + [0])))
    return '\n'.join(lines) + '\n'


def parse_dimacs(text):
    """(variables, clauses) of DIMACS text (lenient about the header)."""
    nvars = 0
    clauses = []
    current = []
    for line in text.splitlines():
        s = line.strip()
        if not s or s.startswith('c') or s.startswith('%'):
            continue
        if s.startswith('p'):
            parts = s.split()
            nvars = int(parts[2])
            continue
        for tok in s.split():
            lit = int(tok)
            if lit == 0:
                clauses.append(current)
                current = []
            else:
                current.append(lit)
                nvars = max(nvars, abs(lit))
    if current:
        clauses.append(current)
    return nvars, clauses


# -- Brute force ----------------------------------------------------------------------------

def brute_force(nvars, clauses, max_vars=SMALL_VARS + 2):
    """('sat', model) or ('unsat', None), or None when there are too many
    variables.  Bit-parallel: bit a of the truth table of variable i is bit
    i of assignment a, so each clause is an OR of big integers and the
    formula the AND of its clauses; model is a list of literals."""
    used = sorted({abs(l) for c in clauses for l in c})
    n = len(used)
    if n > max_vars:
        return None
    if any(len(c) == 0 for c in clauses):
        return 'unsat', None
    size = 1 << n
    full = (1 << size) - 1
    index = {v: i for i, v in enumerate(used)}
    tables = []
    for i in range(n):
        block = 1 << i
        pattern = ((1 << block) - 1) << block  # 2^(i+1) bits, upper half ones
        length = 2 * block
        while length < size:
            pattern |= pattern << length
            length *= 2
        tables.append(pattern & full)
    result = full
    for c in clauses:
        t = 0
        for l in c:
            x = tables[index[abs(l)]]
            t |= x if l > 0 else full ^ x
        result &= t
        if not result:
            return 'unsat', None
    a = (result & -result).bit_length() - 1
    model = []
    for v in range(1, nvars + 1):
        if v in index:
            model.append(v if (a >> index[v]) & 1 else -v)
        else:
            model.append(-v)
    return 'sat', model


def satisfies(clauses, model):
    """Whether the set of literals `model` satisfies every clause."""
    true = set(model)
    return all(any(l in true for l in c) for c in clauses)
