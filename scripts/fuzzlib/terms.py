"""QF_BV terms: construction with sort checks, a reference evaluator, a
compiler of the same semantics into Python code for brute force, and the
lowering of terms into what the peer solvers accept.

A term's sort is its `width`: 0 for Bool, m > 0 for (_ BitVec m).  Terms are
immutable DAGs; sharing is by object identity.

Besides the theory operators (OPS), four kinds of nodes exist:

- `var`:   a declared constant (`name`, `width`);
- `const`: a value (`value`: a bool or an int);
- `ref`:   a use of a defined name -- a constant of define-fun/define-const,
           a macro application (`call` holds the arguments as written), or a
           :named term.  `args[0]` is what it stands for; evaluation looks
           through it, printers for wang write the name;
- `!`:     an annotation (! t :named name); evaluates to t.
"""

from . import bv

BOOL = 0


class SortError(ValueError):
    pass


class Term:
    __slots__ = ('op', 'idx', 'args', 'width', 'name', 'value', 'call')

    def __init__(self, op, args=(), idx=(), width=0, name=None, value=None, call=None):
        self.op = op
        self.args = tuple(args)
        self.idx = tuple(idx)
        self.width = width
        self.name = name
        self.value = value
        self.call = call

    def __repr__(self):
        if self.op == 'var':
            return 'var(%s:%d)' % (self.name, self.width)
        if self.op == 'const':
            return 'const(%r:%d)' % (self.value, self.width)
        return '%s%s(%s)' % (self.op, list(self.idx) if self.idx else '', ', '.join(map(repr, self.args)))


def sort_text(width):
    return 'Bool' if width == BOOL else '(_ BitVec %d)' % width


# -- The operator table --------------------------------------------------------
#
# name -> (min_args, max_args (None = unbounded), number of indices, argument rule)
# Argument rules: 'bool' all Bool; 'same' all of one sort; 'bv' bit-vectors of
# any widths; 'samebv' bit-vectors of one width; 'ite'.

OPS = {
    'not': (1, 1, 0, 'bool'),
    '=>': (2, None, 0, 'bool'),
    'and': (2, None, 0, 'bool'),
    'or': (2, None, 0, 'bool'),
    'xor': (2, None, 0, 'bool'),
    '=': (2, None, 0, 'same'),
    'distinct': (2, None, 0, 'same'),
    'ite': (3, 3, 0, 'ite'),
    'concat': (2, None, 0, 'bv'),
    'extract': (1, 1, 2, 'bv'),
    'repeat': (1, 1, 1, 'bv'),
    'zero_extend': (1, 1, 1, 'bv'),
    'sign_extend': (1, 1, 1, 'bv'),
    'rotate_left': (1, 1, 1, 'bv'),
    'rotate_right': (1, 1, 1, 'bv'),
    'bvnot': (1, 1, 0, 'samebv'),
    'bvneg': (1, 1, 0, 'samebv'),
    'bvand': (2, None, 0, 'samebv'),
    'bvor': (2, None, 0, 'samebv'),
    'bvxor': (2, None, 0, 'samebv'),
    'bvadd': (2, None, 0, 'samebv'),
    'bvmul': (2, None, 0, 'samebv'),
    'bvnand': (2, 2, 0, 'samebv'),
    'bvnor': (2, 2, 0, 'samebv'),
    'bvxnor': (2, 2, 0, 'samebv'),
    'bvsub': (2, 2, 0, 'samebv'),
    'bvudiv': (2, 2, 0, 'samebv'),
    'bvurem': (2, 2, 0, 'samebv'),
    'bvsdiv': (2, 2, 0, 'samebv'),
    'bvsrem': (2, 2, 0, 'samebv'),
    'bvsmod': (2, 2, 0, 'samebv'),
    'bvshl': (2, 2, 0, 'samebv'),
    'bvlshr': (2, 2, 0, 'samebv'),
    'bvashr': (2, 2, 0, 'samebv'),
    'bvcomp': (2, 2, 0, 'samebv'),
    'bvult': (2, 2, 0, 'samebv'),
    'bvule': (2, 2, 0, 'samebv'),
    'bvugt': (2, 2, 0, 'samebv'),
    'bvuge': (2, 2, 0, 'samebv'),
    'bvslt': (2, 2, 0, 'samebv'),
    'bvsle': (2, 2, 0, 'samebv'),
    'bvsgt': (2, 2, 0, 'samebv'),
    'bvsge': (2, 2, 0, 'samebv'),
    'bvnego': (1, 1, 0, 'samebv'),
    'bvuaddo': (2, 2, 0, 'samebv'),
    'bvsaddo': (2, 2, 0, 'samebv'),
    'bvumulo': (2, 2, 0, 'samebv'),
    'bvsmulo': (2, 2, 0, 'samebv'),
    'bvusubo': (2, 2, 0, 'samebv'),
    'bvssubo': (2, 2, 0, 'samebv'),
    'bvsdivo': (2, 2, 0, 'samebv'),
}

BOOL_RESULT = {'not', '=>', 'and', 'or', 'xor', '=', 'distinct',
               'bvult', 'bvule', 'bvugt', 'bvuge', 'bvslt', 'bvsle', 'bvsgt', 'bvsge',
               'bvnego', 'bvuaddo', 'bvsaddo', 'bvumulo', 'bvsmulo', 'bvusubo', 'bvssubo', 'bvsdivo'}
OVERFLOW = ('bvnego', 'bvuaddo', 'bvsaddo', 'bvumulo', 'bvsmulo', 'bvusubo', 'bvssubo', 'bvsdivo')
# Operators the standard declares :left-assoc (and wang accepts with more
# than two arguments); the peers get them nested two at a time.
NARY_BV = ('bvand', 'bvor', 'bvxor', 'bvadd', 'bvmul', 'concat')
NARY_BOOL = ('and', 'or', 'xor', '=>')


def result_width(op, idx, args):
    """The sort of (op idx args), or SortError."""
    spec = OPS.get(op)
    if spec is None:
        raise SortError("unknown operator '%s'" % op)
    lo, hi, nidx, rule = spec
    if len(args) < lo or (hi is not None and len(args) > hi):
        raise SortError("'%s' with %d arguments" % (op, len(args)))
    if len(idx) != nidx:
        raise SortError("'%s' needs %d indices" % (op, nidx))
    if any(not isinstance(i, int) or i < 0 for i in idx):
        raise SortError("'%s': bad index" % op)
    ws = [a.width for a in args]
    if rule == 'bool' and any(w != BOOL for w in ws):
        raise SortError("'%s' expects Bool arguments" % op)
    if rule == 'same' and any(w != ws[0] for w in ws):
        raise SortError("'%s' expects arguments of one sort" % op)
    if rule in ('bv', 'samebv') and any(w == BOOL for w in ws):
        raise SortError("'%s' expects bit-vectors" % op)
    if rule == 'samebv' and any(w != ws[0] for w in ws):
        raise SortError("'%s' expects bit-vectors of one width" % op)
    if rule == 'ite':
        if ws[0] != BOOL or ws[1] != ws[2]:
            raise SortError("ill-sorted ite")
        return ws[1]
    if op in BOOL_RESULT:
        return BOOL
    if op == 'concat':
        return sum(ws)
    if op == 'extract':
        i, j = idx
        if not (ws[0] > i >= j):
            raise SortError("extract %d %d out of range for width %d" % (i, j, ws[0]))
        return i - j + 1
    if op == 'repeat':
        if idx[0] < 1:
            raise SortError("repeat 0")
        return ws[0] * idx[0]
    if op in ('zero_extend', 'sign_extend'):
        return ws[0] + idx[0]
    if op == 'bvcomp':
        return 1
    return ws[0]


def mk(op, args, idx=()):
    """A checked application of a theory operator."""
    args = tuple(args)
    return Term(op, args, idx, result_width(op, idx, args))


def var(name, width):
    return Term('var', (), (), width, name=name)


def const(value, width):
    if width == BOOL:
        return Term('const', (), (), BOOL, value=bool(value))
    return Term('const', (), (), width, value=value % (1 << width))


TRUE = const(True, BOOL)
FALSE = const(False, BOOL)


def ref(name, target, call=None):
    return Term('ref', (target,), (), target.width, name=name, call=None if call is None else tuple(call))


def named(term, name):
    return Term('!', (term,), (), term.width, name=name)


# -- Traversals --------------------------------------------------------------------

def postorder(roots, children=lambda t: t.args):
    """Every node reachable from `roots`, children before parents, once each
    (iterative: deep terms are fine)."""
    seen = set()
    order = []
    for root in roots:
        if id(root) in seen:
            continue
        stack = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            for child in reversed(children(node)):
                if id(child) not in seen:
                    stack.append((child, False))
    # a node can be pushed twice before it is expanded; keep the first expansion
    result = []
    done = set()
    for node in order:
        if id(node) not in done:
            done.add(id(node))
            result.append(node)
    return result


def variables(roots):
    """The `var` nodes reachable from roots, by name (first occurrence wins)."""
    found = {}
    for node in postorder(roots):
        if node.op == 'var' and node.name not in found:
            found[node.name] = node
    return found


def size(roots):
    return len(postorder(roots))


def tree_size(root, cap=10 ** 6):
    """The size of root written out without sharing (at most cap)."""
    sizes = {}
    for n in postorder([root]):
        sizes[id(n)] = min(cap, 1 + sum(sizes[id(a)] for a in n.args))
    return sizes[id(root)]


# -- The reference evaluator ----------------------------------------------------------

def _fold(f, vals, m):
    r = vals[0]
    for v in vals[1:]:
        r = f(r, v, m)
    return r


def _implies(vals):
    r = vals[-1]
    for v in reversed(vals[:-1]):
        r = (not v) or r
    return r


def _xor(vals):
    r = False
    for v in vals:
        r = r != v
    return r


def _distinct(vals):
    return all(vals[i] != vals[j] for i in range(len(vals)) for j in range(i + 1, len(vals)))


def _apply(t, vals):
    op = t.op
    idx = t.idx
    if op in ('ref', '!'):
        return vals[0]
    if op == 'not':
        return not vals[0]
    if op == '=>':
        return _implies(vals)
    if op == 'and':
        return all(vals)
    if op == 'or':
        return any(vals)
    if op == 'xor':
        return _xor(vals)
    if op == '=':
        return all(vals[i] == vals[i + 1] for i in range(len(vals) - 1))
    if op == 'distinct':
        return _distinct(vals)
    if op == 'ite':
        return vals[1] if vals[0] else vals[2]
    ws = [a.width for a in t.args]
    m = ws[0]
    if op == 'concat':
        return bv.concat(list(zip(vals, ws)))
    if op == 'extract':
        return bv.extract(idx[0], idx[1], vals[0])
    if op == 'repeat':
        return bv.repeat(idx[0], vals[0], m)
    if op == 'zero_extend':
        return bv.zero_extend(idx[0], vals[0], m)
    if op == 'sign_extend':
        return bv.sign_extend(idx[0], vals[0], m)
    if op == 'rotate_left':
        return bv.rotate_left(idx[0], vals[0], m)
    if op == 'rotate_right':
        return bv.rotate_right(idx[0], vals[0], m)
    if op == 'bvnot':
        return bv.bvnot(vals[0], m)
    if op == 'bvneg':
        return bv.bvneg(vals[0], m)
    if op == 'bvand':
        return _fold(lambda a, b, _: a & b, vals, m)
    if op == 'bvor':
        return _fold(lambda a, b, _: a | b, vals, m)
    if op == 'bvxor':
        return _fold(lambda a, b, _: a ^ b, vals, m)
    if op == 'bvadd':
        return _fold(bv.bvadd, vals, m)
    if op == 'bvmul':
        return _fold(bv.bvmul, vals, m)
    s, u = vals[0], vals[1] if len(vals) > 1 else None
    if op == 'bvnand':
        return bv.bvnot(s & u, m)
    if op == 'bvnor':
        return bv.bvnot(s | u, m)
    if op == 'bvxnor':
        return bv.bvnot(s ^ u, m)
    if op == 'bvcomp':
        return 1 if s == u else 0
    if op == 'bvult':
        return bv.bvult(s, u, m)
    if op == 'bvule':
        return not bv.bvult(u, s, m)
    if op == 'bvugt':
        return bv.bvult(u, s, m)
    if op == 'bvuge':
        return not bv.bvult(s, u, m)
    if op == 'bvslt':
        return bv.bvslt(s, u, m)
    if op == 'bvsle':
        return not bv.bvslt(u, s, m)
    if op == 'bvsgt':
        return bv.bvslt(u, s, m)
    if op == 'bvsge':
        return not bv.bvslt(s, u, m)
    if op == 'bvnego':
        return bv.bvnego(s, m)
    f = getattr(bv, op, None)
    if f is None:
        raise SortError("cannot evaluate '%s'" % op)
    return f(s, u, m)


class Unbound(KeyError):
    pass


def evaluate(roots, env):
    """Values of `roots` (a list) under `env` (name -> value); variables
    missing from env raise Unbound."""
    values = {}
    for node in postorder(roots):
        if node.op == 'var':
            if node.name not in env:
                raise Unbound(node.name)
            v = env[node.name]
            values[id(node)] = bool(v) if node.width == BOOL else v % (1 << node.width)
        elif node.op == 'const':
            values[id(node)] = node.value
        else:
            values[id(node)] = _apply(node, [values[id(a)] for a in node.args])
    return [values[id(r)] for r in roots]


# -- Compilation for brute force ---------------------------------------------------------

def _expr(t, a, k):
    """Python text computing node t (number k) from the names `a` of its
    children.  An independent spelling of the semantics with Python's
    integer operators, checked against `_apply` by the unit tests."""
    op = t.op
    if op in ('ref', '!'):
        return a[0]
    if op == 'const':
        return repr(t.value)
    if op == 'not':
        return '(not %s)' % a[0]
    if op == 'and':
        return '(%s)' % ' and '.join(a)
    if op == 'or':
        return '(%s)' % ' or '.join(a)
    if op == 'xor':
        return '(%s)' % ' ^ '.join(a)
    if op == '=>':
        r = a[-1]
        for x in reversed(a[:-1]):
            r = '((not %s) or %s)' % (x, r)
        return r
    if op == '=':
        return '(%s)' % ' and '.join('%s == %s' % (a[i], a[i + 1]) for i in range(len(a) - 1))
    if op == 'distinct':
        if len(a) == 2:
            return '(%s != %s)' % (a[0], a[1])
        return '(len({%s}) == %d)' % (', '.join(a), len(a))
    if op == 'ite':
        return '(%s if %s else %s)' % (a[1], a[0], a[2])
    ws = [c.width for c in t.args]
    m = ws[0]
    M = (1 << m) - 1        # the mask of the arguments' width
    H = 1 << (m - 1)        # the sign bit
    R = (1 << t.width) - 1 if t.width else 0
    x = a[0]
    y = a[1] if len(a) > 1 else None
    signed = lambda v: '((%s ^ %d) - %d)' % (v, H, H)
    out_of_range = lambda e: '(not (%d <= %s < %d))' % (-H, e, H)
    if op == 'concat':
        parts = []
        shift = sum(ws)
        for name, w in zip(a, ws):
            shift -= w
            parts.append('(%s << %d)' % (name, shift) if shift else name)
        return '(%s)' % ' | '.join(parts)
    if op == 'extract':
        return '((%s >> %d) & %d)' % (x, t.idx[1], R)
    if op == 'repeat':
        return '(%s * %d)' % (x, sum(1 << (m * i) for i in range(t.idx[0])))
    if op == 'zero_extend':
        return x
    if op == 'sign_extend':
        return '((%s | %d) if %s >> %d else %s)' % (x, ((1 << t.idx[0]) - 1) << m, x, m - 1, x)
    if op in ('rotate_left', 'rotate_right'):
        i = t.idx[0] % m
        if op == 'rotate_right':
            i = (m - i) % m
        if i == 0:
            return x
        return '(((%s << %d) | (%s >> %d)) & %d)' % (x, i, x, m - i, M)
    if op == 'bvnot':
        return '(%s ^ %d)' % (x, M)
    if op == 'bvneg':
        return '((-%s) & %d)' % (x, M)
    if op == 'bvand':
        return '(%s)' % ' & '.join(a)
    if op == 'bvor':
        return '(%s)' % ' | '.join(a)
    if op == 'bvxor':
        return '(%s)' % ' ^ '.join(a)
    if op == 'bvadd':
        return '((%s) & %d)' % (' + '.join(a), M)
    if op == 'bvmul':
        return '((%s) & %d)' % (' * '.join(a), M)
    if op == 'bvsub':
        return '((%s - %s) & %d)' % (x, y, M)
    if op == 'bvnand':
        return '((%s & %s) ^ %d)' % (x, y, M)
    if op == 'bvnor':
        return '((%s | %s) ^ %d)' % (x, y, M)
    if op == 'bvxnor':
        return '((%s ^ %s) ^ %d)' % (x, y, M)
    if op == 'bvudiv':
        return '((%s // %s) if %s else %d)' % (x, y, y, M)
    if op == 'bvurem':
        return '((%s %% %s) if %s else %s)' % (x, y, y, x)
    if op == 'bvshl':
        return '(((%s << %s) & %d) if %s < %d else 0)' % (x, y, M, y, m)
    if op == 'bvlshr':
        return '((%s >> %s) if %s < %d else 0)' % (x, y, y, m)
    if op == 'bvashr':
        return '((%s >> (%s if %s < %d else %d)) & %d)' % (signed(x), y, y, m, m, M)
    if op == 'bvcomp':
        return '(1 if %s == %s else 0)' % (x, y)
    if op in ('bvult', 'bvule', 'bvugt', 'bvuge'):
        return '(%s %s %s)' % (x, {'bvult': '<', 'bvule': '<=', 'bvugt': '>', 'bvuge': '>='}[op], y)
    if op in ('bvslt', 'bvsle', 'bvsgt', 'bvsge'):
        rel = {'bvslt': '<', 'bvsle': '<=', 'bvsgt': '>', 'bvsge': '>='}[op]
        return '((%s ^ %d) %s (%s ^ %d))' % (x, H, rel, y, H)
    if op == 'bvnego':
        return '(%s == %d)' % (x, H)
    if op == 'bvuaddo':
        return '(%s + %s > %d)' % (x, y, M)
    if op == 'bvusubo':
        return '(%s < %s)' % (x, y)
    if op == 'bvumulo':
        return '(%s * %s > %d)' % (x, y, M)
    if op == 'bvsaddo':
        return out_of_range('%s + %s' % (signed(x), signed(y)))
    if op == 'bvssubo':
        return out_of_range('%s - %s' % (signed(x), signed(y)))
    if op == 'bvsmulo':
        return out_of_range('%s * %s' % (signed(x), signed(y)))
    if op == 'bvsdivo':
        return '(%s == %d and %s == %d)' % (x, H, y, M)
    if op in ('bvsdiv', 'bvsrem', 'bvsmod'):
        return '_bv.%s(%s, %s, %d)' % (op, x, y, m)
    raise SortError("cannot compile '%s'" % op)


def compile_search(assertions, order):
    """A function search(lo, hi) that returns the first index a in
    [lo, hi) whose assignment satisfies every term of `assertions`, or None.
    `order` is the list of variables (var nodes); index a assigns them bits
    from the least significant end, Bool variables one bit."""
    nodes = postorder(assertions)
    position = {id(n): k for k, n in enumerate(nodes)}
    root_ids = {id(r) for r in assertions}
    lines = ['def search(lo, hi):', '  for a in range(lo, hi):']
    shift = 0
    var_names = {}
    for v in order:
        w = max(v.width, 1)
        name = 'x%d' % len(var_names)
        var_names[v.name] = name
        expr = '(a >> %d) & %d' % (shift, (1 << w) - 1)
        if v.width == BOOL:
            expr = '(%s) == 1' % expr
        lines.append('    %s = %s' % (name, expr))
        shift += w
    for k, node in enumerate(nodes):
        if node.op == 'var':
            lines.append('    n%d = %s' % (k, var_names[node.name]))
        else:
            names = ['n%d' % position[id(c)] for c in node.args]
            lines.append('    n%d = %s' % (k, _expr(node, names, k)))
        if id(node) in root_ids:
            lines.append('    if not n%d: continue' % k)
    lines.append('    return a')
    lines.append('  return None')
    namespace = {'_bv': bv}
    exec('\n'.join(lines), namespace)
    return namespace['search']


def assignment_of(index, order):
    """The env of index a of compile_search."""
    env = {}
    shift = 0
    for v in order:
        w = max(v.width, 1)
        x = (index >> shift) & ((1 << w) - 1)
        env[v.name] = (x == 1) if v.width == BOOL else x
        shift += w
    return env


def input_bits(order):
    return sum(max(v.width, 1) for v in order)


def brute_force(assertions, max_bits=16, budget=20000000):
    """('sat', env) or ('unsat', None) by enumeration, or None when the
    assertions have more than max_bits bits of input or when the number of
    node evaluations (nodes times assignments) would exceed `budget`."""
    order = sorted(variables(assertions).values(), key=lambda v: v.name)
    bits = input_bits(order)
    if bits > max_bits or size(assertions) << bits > budget:
        return None
    search = compile_search(list(assertions), order)
    found = search(0, 1 << bits)
    if found is None:
        return 'unsat', None
    return 'sat', assignment_of(found, order)


# -- Lowering for the peer solvers ------------------------------------------------------------

def _ones(m):
    return const((1 << m) - 1, m)


def _zero(m):
    return const(0, m)


def _bit(t, i):
    return mk('extract', [t], (i, i))


def desugar_overflow(op, args):
    """The overflow predicates of SMT-LIB 2.7 in terms of SMT-LIB 2.6 operators."""
    x = args[0]
    m = x.width
    if op == 'bvnego':
        return mk('=', [x, const(1 << (m - 1), m)])
    y = args[1]
    if op == 'bvuaddo':
        s = mk('bvadd', [mk('zero_extend', [x], (1,)), mk('zero_extend', [y], (1,))])
        return mk('=', [_bit(s, m), const(1, 1)])
    if op in ('bvsaddo', 'bvssubo'):
        s = mk('bvadd' if op == 'bvsaddo' else 'bvsub', [mk('sign_extend', [x], (1,)), mk('sign_extend', [y], (1,))])
        # the m+1-bit result is exact; it fits in m bits iff its top two bits agree
        return mk('distinct', [_bit(s, m), _bit(s, m - 1)])
    if op == 'bvumulo':
        p = mk('bvmul', [mk('zero_extend', [x], (m,)), mk('zero_extend', [y], (m,))])
        return mk('distinct', [mk('extract', [p], (2 * m - 1, m)), _zero(m)])
    if op == 'bvsmulo':
        p = mk('bvmul', [mk('sign_extend', [x], (m,)), mk('sign_extend', [y], (m,))])
        high = mk('extract', [p], (2 * m - 1, m - 1))
        return mk('not', [mk('or', [mk('=', [high, _zero(m + 1)]), mk('=', [high, _ones(m + 1)])])])
    if op == 'bvusubo':
        return mk('bvult', [x, y])
    if op == 'bvsdivo':
        return mk('and', [mk('=', [x, const(1 << (m - 1), m)]), mk('=', [y, _ones(m)])])
    raise SortError(op)


def _nest_left(op, args, idx=()):
    r = args[0]
    for a in args[1:]:
        r = mk(op, [r, a], idx)
    return r


def lower(roots, binary=False):
    """Copies of `roots` for the peers: no ref/! nodes, overflow predicates
    rewritten; with `binary`, also every operator with at most two arguments
    (chains of = and distinct spelled out), for boolector's older reader."""
    memo = {}
    for node in postorder(roots):
        args = [memo[id(a)] for a in node.args]
        op = node.op
        if op in ('var', 'const'):
            new = node
        elif op in ('ref', '!'):
            new = args[0]
        elif op in OVERFLOW:
            new = desugar_overflow(op, args)
        elif binary and len(args) > 2 and op in NARY_BV + ('and', 'or', 'xor'):
            new = _nest_left(op, args)
        elif binary and len(args) > 2 and op == '=>':
            new = args[-1]
            for a in reversed(args[:-1]):
                new = mk('=>', [a, new])
        elif binary and len(args) > 2 and op == '=':
            new = mk('and', [mk('=', [args[i], args[i + 1]]) for i in range(len(args) - 1)])
            new = _nest_left('and', list(new.args)) if len(new.args) > 2 else new
        elif binary and len(args) > 2 and op == 'distinct':
            pairs = [mk('not', [mk('=', [args[i], args[j]])])
                     for i in range(len(args)) for j in range(i + 1, len(args))]
            new = _nest_left('and', pairs)
        elif all(a is b for a, b in zip(args, node.args)):
            new = node
        else:
            new = Term(op, args, node.idx, node.width, node.name, node.value, node.call)
        memo[id(node)] = new
    return [memo[id(r)] for r in roots]
