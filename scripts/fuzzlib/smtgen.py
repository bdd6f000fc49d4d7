"""Random QF_BV scripts over every operator of wang's table.

A case is drawn from a profile:

- tiny:  few input bits (at most 14), so every check can be decided by
         enumeration; intermediate widths still range up to 64 and beyond;
- small: inputs of 1..16 bits;
- wide:  inputs up to 64 bits, now and then 65..160;
- deep:  tiny inputs under long chains of operators (hundreds of levels);
- incremental: many push/pop levels, declarations inside levels,
         check-sat-assuming, unsat assumptions and cores.

Scripts share sub-terms (the same term object used in several places,
printed with or without let), define constants and macros, name terms with
`!`, and write values in every notation.

Some scripts also hold commands that wang must reject (an ill-sorted or
undeclared term, a function with arguments, a pop below the first level, an
unknown command, ...).  They have no effect, so the rest of the script does
not depend on them; the fuzzer's reader knows which answers they leave
sound (script.Reader.reject).
"""

import random

from . import sexp as sx
from . import script as S
from . import terms as T
from .sexp import Symbol

PROFILES = ('tiny', 'small', 'wide', 'deep', 'incremental')

SPECIAL_NAMES = ['x.%d', '|x %d|', 'v$%d', '|%d|', 'bv%d', 'x~%d', 'A%d', '<=%d', '@x%d', '.x%d']
JUNK = ('assert', 'oops', 'check-sat')  # text between commands


class _Frame:
    def __init__(self):
        self.vars = []       # var terms
        self.defs = []       # ref-able names: (name, target)
        self.macros = []     # (name, params, body)
        self.pool = {}       # width -> [terms]


class Generator:
    def __init__(self, rng, profile=None):
        self.rng = rng
        self.profile = profile or rng.choice(PROFILES)
        p = self.profile
        self.max_var_bits = {'tiny': 14, 'deep': 12, 'small': 48, 'wide': 400, 'incremental': 24}[p]
        self.var_widths = {
            'tiny': [1, 1, 2, 3, 4, 5, 6],
            'deep': [1, 2, 3, 4, 5],
            'small': [1, 2, 4, 5, 7, 8, 11, 12, 16],
            'wide': [1, 8, 16, 24, 31, 32, 33, 48, 63, 64, 64, 65, 96, 128, 160],
            'incremental': [1, 2, 3, 4, 6, 8],
        }[p]
        self.extra_widths = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 16, 17, 31, 32, 33, 63, 64, 65, 128]
        self.depth = {'tiny': 4, 'small': 4, 'wide': 3, 'deep': 3, 'incremental': 3}[p]
        self.frames = [_Frame()]
        self.out = []
        self.counter = 0
        self.var_bits = 0
        self.cores = False
        self.assumptions_on = False
        # ids of terms containing a (! ... :named), never shared; the terms are
        # kept alive in `_keep` so that their ids are not reused
        self.tainted = set()
        self._keep = []
        self.rejecting = False
        self.rejected_names = []  # (name, takes an argument) of rejected declarations
        self.reserved_used = set()  # reserved words used as (quoted) names

    # -- naming -----------------------------------------------------------------
    def fresh(self, prefix):
        self.counter += 1
        r = self.rng.random()
        if r < 0.03:
            # a reserved word: written quoted, it is an ordinary symbol
            unused = sorted(S.RESERVED_WORDS - self.reserved_used)
            if unused:
                name = self.rng.choice(unused)
                self.reserved_used.add(name)
                return name
        if r < 0.08:
            return self.rng.choice(SPECIAL_NAMES).replace('|', '') % self.counter
        return '%s%d' % (prefix, self.counter)

    # -- symbols in scope --------------------------------------------------------------
    def visible_vars(self, width=None):
        seen = {}
        for f in self.frames:
            for v in f.vars:
                seen[v.name] = v
        for f in self.frames:
            for name, _ in f.defs:
                seen.pop(name, None)
        vs = list(seen.values())
        return vs if width is None else [v for v in vs if v.width == width]

    def visible_defs(self, width):
        return [(n, t) for f in self.frames for (n, t) in f.defs if t.width == width]

    def visible_macros(self, width):
        return [m for f in self.frames for m in f.macros if m[2].width == width]

    def pool(self, width):
        return [t for f in self.frames for t in f.pool.get(width, [])]

    def remember(self, t):
        if id(t) in self.tainted or t.op in ('var', 'const'):
            return
        if self.rng.random() < 0.3:
            self.frames[-1].pool.setdefault(t.width, []).append(t)

    def taint(self, t):
        self.tainted.add(id(t))
        self._keep.append(t)

    def mk(self, op, args, idx=()):
        t = T.mk(op, args, idx)
        if any(id(a) in self.tainted for a in args):
            self.taint(t)
        return t

    # -- values and leaves ---------------------------------------------------------------
    def value(self, w):
        r = self.rng.random()
        if w == T.BOOL:
            return T.const(self.rng.random() < 0.5, T.BOOL)
        specials = [0, 1, (1 << w) - 1, 1 << (w - 1), (1 << (w - 1)) - 1, 2 % (1 << w)]
        if r < 0.6:
            return T.const(self.rng.choice(specials), w)
        return T.const(self.rng.getrandbits(w), w)

    def width(self):
        r = self.rng.random()
        vs = self.visible_vars()
        bv_widths = [v.width for v in vs if v.width]
        if r < 0.6 and bv_widths:
            return self.rng.choice(bv_widths)
        if r < 0.85:
            return self.rng.choice(self.var_widths)
        return self.rng.choice(self.extra_widths)

    def leaf(self, w):
        rng = self.rng
        vs = self.visible_vars(w)
        r = rng.random()
        if vs and r < 0.55:
            return rng.choice(vs)
        defs = self.visible_defs(w)
        if defs and r < 0.62:
            name, target = rng.choice(defs)
            return T.ref(name, target)
        pooled = self.pool(w)
        if pooled and r < 0.7:
            return rng.choice(pooled)
        if w != T.BOOL and r < 0.85:
            # derived from a constant of another width
            others = [v for v in self.visible_vars() if v.width]
            if others:
                v = rng.choice(others)
                if v.width >= w:
                    j = rng.randrange(v.width - w + 1)
                    return self.mk('extract', [v], (j + w - 1, j))
                return self.mk(rng.choice(['zero_extend', 'sign_extend']), [v], (w - v.width,))
        if w == T.BOOL:
            bools = self.visible_vars(T.BOOL)
            if bools and r < 0.95:
                return rng.choice(bools)
        return self.value(w)

    # -- bit-vector terms ------------------------------------------------------------------
    def bvterm(self, w, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.18:
            return self.leaf(w)
        heavy = w > 24
        choices = [('bitwise', 6), ('arith', 5), ('unary', 3), ('div', 2 if heavy else 4), ('shift', 3),
                   ('rotate', 2), ('ite', 2), ('concat', 3), ('extract', 3), ('extend', 3), ('repeat', 1),
                   ('comp', 2 if w == 1 else 0), ('macro', 1), ('reuse', 2)]
        kind = _weighted(rng, choices)
        d = depth - 1
        sub = lambda width=w: self.bvterm(width, d)
        if kind == 'bitwise':
            op = rng.choice(['bvand', 'bvor', 'bvxor', 'bvnand', 'bvnor', 'bvxnor'])
            n = rng.choice([2, 2, 2, 3, 4]) if op in ('bvand', 'bvor', 'bvxor') else 2
            return self.mk(op, [sub() for _ in range(n)])
        if kind == 'arith':
            op = rng.choice(['bvadd', 'bvadd', 'bvsub', 'bvmul'])
            n = rng.choice([2, 2, 3]) if op != 'bvsub' else 2
            args = [sub() for _ in range(n)]
            if op == 'bvmul' and heavy and rng.random() < 0.7:
                args[-1] = self.value(w)
            return self.mk(op, args)
        if kind == 'unary':
            return self.mk(rng.choice(['bvnot', 'bvneg']), [sub()])
        if kind == 'div':
            op = rng.choice(['bvudiv', 'bvurem', 'bvsdiv', 'bvsrem', 'bvsmod'])
            a, b = sub(), sub()
            if heavy and rng.random() < 0.7:
                b = self.value(w)
            elif rng.random() < 0.15:
                b = T.const(0, w)  # division by zero
            return self.mk(op, [a, b])
        if kind == 'shift':
            op = rng.choice(['bvshl', 'bvlshr', 'bvashr'])
            amount = sub() if rng.random() < 0.5 else T.const(rng.randrange(w + 3), w)
            return self.mk(op, [sub(), amount])
        if kind == 'rotate':
            return self.mk(rng.choice(['rotate_left', 'rotate_right']), [sub()], (rng.randrange(2 * w + 2),))
        if kind == 'ite':
            return self.mk('ite', [self.boolterm(d), sub(), sub()])
        if kind == 'concat' and w >= 2:
            parts = []
            left = w
            while left > 0:
                part = left if len(parts) >= 2 or rng.random() < 0.3 else rng.randint(1, left)
                parts.append(part)
                left -= part
            if len(parts) == 1:
                k = rng.randint(1, w - 1)
                parts = [k, w - k]
            return self.mk('concat', [sub(p) for p in parts])
        if kind == 'extract':
            from_w = w + rng.choice([0, 0, 1, 2, 3, 7, 16])
            j = rng.randrange(from_w - w + 1)
            return self.mk('extract', [sub(from_w)], (j + w - 1, j))
        if kind == 'extend':
            base = rng.randint(1, w)
            return self.mk(rng.choice(['zero_extend', 'sign_extend']), [sub(base)], (w - base,))
        if kind == 'repeat':
            divisors = [k for k in range(1, w + 1) if w % k == 0]
            k = rng.choice(divisors)
            return self.mk('repeat', [sub(w // k)], (k,))
        if kind == 'comp' and w == 1:
            cw = self.width()
            return self.mk('bvcomp', [self.bvterm(cw, d), self.bvterm(cw, d)])
        if kind == 'macro':
            macros = self.visible_macros(w)
            if macros:
                return self.apply_macro(rng.choice(macros), d)
        if kind == 'reuse':
            pooled = self.pool(w)
            if pooled:
                return rng.choice(pooled)
        return self.leaf(w)

    def apply_macro(self, macro, depth):
        name, params, body = macro
        args = [self.term(p.width, depth) for p in params]
        expansion = S.substitute(body, {p.name: a for p, a in zip(params, args)})
        t = T.ref(name, expansion, call=args)
        if any(id(a) in self.tainted for a in args):
            self.taint(t)
        return t

    def term(self, w, depth):
        return self.boolterm(depth) if w == T.BOOL else self.bvterm(w, depth)

    # -- Boolean terms ------------------------------------------------------------------------
    def boolterm(self, depth):
        rng = self.rng
        if depth <= 0 or rng.random() < 0.1:
            if rng.random() < 0.5 or depth <= 0:
                return self.leaf(T.BOOL)
        d = depth - 1
        kind = _weighted(rng, [('connective', 4), ('not', 2), ('ite', 1), ('eqbool', 1), ('eq', 5), ('distinct', 2),
                               ('cmp', 6), ('overflow', 3), ('macro', 1), ('reuse', 1), ('leaf', 1)])
        if kind == 'connective':
            op = rng.choice(['and', 'or', 'xor', '=>'])
            n = rng.choice([2, 2, 2, 3, 4])
            return self.mk(op, [self.boolterm(d) for _ in range(n)])
        if kind == 'not':
            return self.mk('not', [self.boolterm(d)])
        if kind == 'ite':
            return self.mk('ite', [self.boolterm(d), self.boolterm(d), self.boolterm(d)])
        if kind == 'eqbool':
            return self.mk(rng.choice(['=', 'distinct']), [self.boolterm(d) for _ in range(rng.choice([2, 2, 3]))])
        w = self.width()
        if kind == 'eq':
            return self.mk('=', [self.bvterm(w, d) for _ in range(rng.choice([2, 2, 2, 3]))])
        if kind == 'distinct':
            return self.mk('distinct', [self.bvterm(w, d) for _ in range(rng.choice([2, 2, 3, 4]))])
        if kind == 'cmp':
            op = rng.choice(['bvult', 'bvule', 'bvugt', 'bvuge', 'bvslt', 'bvsle', 'bvsgt', 'bvsge'])
            return self.mk(op, [self.bvterm(w, d), self.bvterm(w, d)])
        if kind == 'overflow':
            op = rng.choice(T.OVERFLOW)
            if w > 24 and op in ('bvumulo', 'bvsmulo') and rng.random() < 0.5:
                w = rng.choice([8, 12, 16])
            n = 1 if op == 'bvnego' else 2
            return self.mk(op, [self.bvterm(w, d) for _ in range(n)])
        if kind == 'macro':
            macros = self.visible_macros(T.BOOL)
            if macros:
                return self.apply_macro(rng.choice(macros), d)
        if kind == 'reuse':
            pooled = self.pool(T.BOOL)
            if pooled:
                return rng.choice(pooled)
        return self.leaf(T.BOOL)

    def linear_equation(self):
        """c1*v1 + ... + ck*vk = t over the constants of one width: the
        equations that substitution solves by Gaussian elimination."""
        rng = self.rng
        w = self.width()
        vs = self.visible_vars(w)
        if not vs:
            return self.boolterm(self.depth)
        summands = [self.mk('bvmul', [T.const(rng.getrandbits(w), w), rng.choice(vs)]) for _ in range(rng.randint(1, 4))]
        left = summands[0] if len(summands) == 1 else self.mk('bvadd', summands)
        right = self.bvterm(w, 1) if rng.random() < 0.5 else self.value(w)
        return self.mk('=', [left, right])

    def chain(self, length):
        """A deep term: `length` operators, each on the previous term and a
        small one (depth grows linearly, size too)."""
        rng = self.rng
        w = self.width()
        t = self.bvterm(w, 1)
        for _ in range(length):
            k = rng.random()
            if k < 0.45:
                op = rng.choice(['bvadd', 'bvxor', 'bvand', 'bvor', 'bvsub', 'bvmul', 'bvudiv', 'bvsrem', 'bvshl',
                                 'bvlshr', 'bvashr', 'bvsmod', 'bvnand', 'bvxnor'])
                other = self.bvterm(w, 1)
                args = [t, other] if rng.random() < 0.5 else [other, t]
                t = self.mk(op, args)
            elif k < 0.6:
                t = self.mk(rng.choice(['bvnot', 'bvneg']), [t])
            elif k < 0.7:
                t = self.mk(rng.choice(['rotate_left', 'rotate_right']), [t], (rng.randrange(w + 2),))
            elif k < 0.8:
                ext = rng.randint(0, 3)
                t = self.mk(rng.choice(['zero_extend', 'sign_extend']), [t], (ext,))
                w += ext
                if w > 8:
                    j = rng.randrange(w - 3)
                    t = self.mk('extract', [t], (j + 3, j))
                    w = 4
            elif k < 0.9:
                c = self.mk(rng.choice(['bvult', 'bvslt', '=', 'bvuaddo', 'bvsmulo']), [t, self.bvterm(w, 1)])
                t = self.mk('ite', [c, t, self.bvterm(w, 1)])
            else:
                t = self.mk('concat', [t, self.bvterm(1, 0)])
                t = self.mk('extract', [t], (w - 1, 0)) if rng.random() < 0.5 else self.mk('extract', [t], (w, 1))
        return self.mk(rng.choice(['=', 'bvule', 'bvsgt', 'distinct']), [t, self.bvterm(w, 1)])

    # -- commands ---------------------------------------------------------------------------------------
    def emit(self, expr):
        self.out.append(sx.to_text(expr))

    def print_term(self, t):
        if t.op == '!':
            # a named assertion: the name must stay at the top (unsat cores)
            return [Symbol('!'), self.print_term(t.args[0]), Symbol(':named'), S.symbol(t.name)]
        if id(t) in self.tainted:
            # a named term must be closed: no let variables inside it
            return S.wang_term(t, self.rng, p_shared=0.0, p_single=0.0, max_text=float('inf'))
        names = [v.name for v in self.visible_vars()]
        return S.wang_term(t, self.rng, p_shared=self.rng.choice([0.0, 0.5, 0.9, 1.0]),
                           extra_names=names if self.rng.random() < 0.5 else ())

    def declare(self, width=None):
        rng = self.rng
        if width is None:
            if rng.random() < 0.2:
                width = T.BOOL
            else:
                width = rng.choice(self.var_widths)
        if self.var_bits + max(width, 1) > self.max_var_bits:
            width = T.BOOL if self.var_bits + 1 <= self.max_var_bits else None
            if width is None:
                return None
        self.var_bits += max(width, 1)
        v = T.var(self.fresh('p' if width == T.BOOL else 'x'), width)
        self.frames[-1].vars.append(v)
        if rng.random() < 0.5:
            self.emit([Symbol('declare-const'), S.symbol(v.name), S.sort_expr(width)])
        else:
            self.emit([Symbol('declare-fun'), S.symbol(v.name), [], S.sort_expr(width)])
        return v

    def define_const(self):
        w = self.width() if self.rng.random() < 0.7 else T.BOOL
        body = self.term(w, self.depth - 1)
        name = self.fresh('d')
        if self.rng.random() < 0.5:
            self.emit([Symbol('define-fun'), S.symbol(name), [], S.sort_expr(w), self.print_term(body)])
        else:
            self.emit([Symbol('define-const'), S.symbol(name), S.sort_expr(w), self.print_term(body)])
        if id(body) in self.tainted:
            return
        self.frames[-1].defs.append((name, body))

    def define_macro(self):
        rng = self.rng
        nparams = rng.randint(1, 3)
        params = []
        frame = _Frame()
        globals_ = self.visible_vars()
        for k in range(nparams):
            w = self.width() if rng.random() < 0.8 else T.BOOL
            if globals_ and rng.random() < 0.3:
                # a parameter named like a constant in scope hides it in the body
                hidden = rng.choice(globals_)
                globals_.remove(hidden)
                name = hidden.name
            else:
                name = self.fresh('arg')
            params.append(T.Term('param', (), (), w, name=name))
        hidden_names = {p.name for p in params}
        saved = self.frames
        # the body sees the parameters, the constants not hidden by them, no pool
        base = _Frame()
        base.vars = [v for v in globals_ if v.name not in hidden_names]
        base.defs = [(n, t) for f in saved for (n, t) in f.defs if n not in hidden_names]
        frame.vars = params
        self.frames = [base, frame]
        try:
            w = self.width() if rng.random() < 0.7 else T.BOOL
            body = self.term(w, self.depth - 1)
        finally:
            self.frames = saved
        if id(body) in self.tainted:
            return
        name = self.fresh('f')
        self.emit([Symbol('define-fun'), S.symbol(name), [[S.symbol(p.name), S.sort_expr(p.width)] for p in params],
                   S.sort_expr(body.width), S.wang_term(body, rng)])
        self.frames[-1].macros.append((name, params, body))

    def assertion(self):
        rng = self.rng
        if self.profile == 'deep' and rng.random() < 0.6:
            t = self.chain(rng.randint(40, 250))
        elif rng.random() < 0.1:
            t = self.linear_equation()
        else:
            t = self.boolterm(self.depth + rng.randint(0, 2))
        named = None
        if self.cores and rng.random() < 0.6:
            named = self.fresh('a')
            t = T.named(t, named)
        elif rng.random() < 0.05 and t.op not in ('var', 'const', 'ref'):
            # a named sub-term
            kids = [a for a in t.args if a.op not in ('var', 'const', 'ref', '!')]
            if kids and id(t) not in self.tainted and T.tree_size(t, 5000) < 5000:
                k = kids[0]
                named = self.fresh('n')
                wrapped = T.named(k, named)
                args = list(t.args)
                args[args.index(k)] = wrapped
                t = T.Term(t.op, args, t.idx, t.width)
                self.taint(t)
                self.emit([Symbol('assert'), self.print_term(t)])
                self.frames[-1].defs.append((named, k))
                return
        self.emit([Symbol('assert'), self.print_term(t)])
        if named:
            self.frames[-1].defs.append((named, t.args[0]))
        self.remember(t if t.op != '!' else t.args[0])

    def assumption(self):
        rng = self.rng
        bools = self.visible_vars(T.BOOL)
        r = rng.random()
        if bools and r < 0.6:
            v = rng.choice(bools)
            return v if rng.random() < 0.5 else T.mk('not', [v])
        return self.boolterm(rng.randint(0, 2))

    def check(self):
        rng = self.rng
        if self.assumptions_on and rng.random() < 0.45:
            assumptions = [self.assumption() for _ in range(rng.randint(1, 4))]
            self.emit([Symbol('check-sat-assuming'), [self.print_term(a) for a in assumptions]])
            kind = 'assuming'
        else:
            self.emit([Symbol('check-sat')])
            kind = 'plain'
        if self.rejecting and rng.random() < 0.5:
            self.emit([Symbol('get-info'), Symbol(':reason-unknown')])
        if rng.random() < 0.85:
            self.emit([Symbol('get-model')])
        if rng.random() < 0.5:
            terms = [self.term(self.width() if rng.random() < 0.7 else T.BOOL, 2) for _ in range(rng.randint(1, 4))]
            terms = [t for t in terms if id(t) not in self.tainted]
            if terms:
                self.emit([Symbol('get-value'), [self.print_term(t) for t in terms]])
        if kind == 'assuming' and rng.random() < 0.7:
            self.emit([Symbol('get-unsat-assumptions')])
        if kind == 'plain' and self.cores and rng.random() < 0.7:
            self.emit([Symbol('get-unsat-core')])

    # -- rejected commands -----------------------------------------------------------------------
    def ill_sorted(self):
        """A Bool s-expression that wang rejects as ill-sorted."""
        w = self.width()
        return [Symbol('='), self.print_term(self.bvterm(w, 1)), S.value_expr(1, w + 1, 1)]

    def reject(self):
        """Emits a command that wang must reject.  It has no effect, so the
        generator's view of the stack stays wang's."""
        rng = self.rng
        kind = _weighted(rng, [('assert', 4), ('undeclared', 2), ('function', 2), ('define', 1), ('use', 3),
                               ('pop', 2), ('push', 1), ('unknown', 2), ('junk', 1), ('assuming', 1),
                               ('reset-assertions', 0.5), ('session', 0.3)])
        if (kind == 'use' and not self.rejected_names) or (kind == 'junk' and self.out and self.out[-1] in JUNK):
            kind = 'assert'  # (wang answers a run of junk with one error)
        self.counter += 1
        if kind == 'assert':
            self.emit([Symbol('assert'), self.ill_sorted()])
        elif kind == 'undeclared':
            w = self.width()
            self.emit([Symbol('assert'), [Symbol('='), Symbol('nodecl%d' % self.counter),
                                          self.print_term(self.bvterm(w, 1))]])
        elif kind == 'function':
            name = 'uf%d' % self.counter
            index = S.sort_expr(self.width())
            self.emit([Symbol('declare-fun'), Symbol(name), [[Symbol('Array'), index, index]], Symbol('Bool')])
            self.rejected_names.append((name, True))
        elif kind == 'define':
            name = 'bad%d' % self.counter
            self.emit([Symbol('define-fun'), Symbol(name), [], Symbol('Bool'), self.ill_sorted()])
            self.rejected_names.append((name, False))
        elif kind == 'use':
            name, applied = rng.choice(self.rejected_names)
            use = [Symbol(name), self.print_term(self.bvterm(self.width(), 1))] if applied else Symbol(name)
            self.emit([Symbol('assert'), [Symbol('or'), use, self.print_term(self.boolterm(1))]])
        elif kind == 'pop':
            self.emit([Symbol('pop'), Symbol(str(len(self.frames) + rng.randint(0, 2)))])
        elif kind == 'push':
            self.emit([Symbol('push'), Symbol(rng.choice(['one', '1000001']))])
        elif kind == 'unknown':
            self.emit([Symbol(rng.choice(['assert-soft', 'assume'])), self.print_term(self.boolterm(2))])
        elif kind == 'junk':
            self.out.append(rng.choice(JUNK))
        elif kind == 'assuming':
            self.emit([Symbol('check-sat-assuming'), [self.ill_sorted()]])
        elif kind == 'reset-assertions':
            self.emit([Symbol('reset-assertions'), Symbol('now')])
        else:
            self.emit(rng.choice([[Symbol('set-option'), Symbol(':global-declarations'), Symbol('maybe')],
                                  [Symbol('reset'), Symbol('now')], [Symbol('exit'), Symbol('now')]]))

    def script(self):
        rng = self.rng
        incremental = self.profile == 'incremental'
        self.rejecting = rng.random() < 0.25
        if self.rejecting and rng.random() < 0.3:
            # a logic wang does not decide; sometimes one it does after it
            self.emit([Symbol('set-logic'), Symbol(rng.choice(['QF_LIA', 'QF_NRA', 'QF_FP']))])
        r = rng.random()
        if r < 0.85:
            self.emit([Symbol('set-logic'), Symbol('QF_BV')])
        elif r < 0.92:
            self.emit([Symbol('set-logic'), Symbol('ALL')])
        if rng.random() < 0.2:
            self.emit([Symbol('set-info'), Symbol(':status'), Symbol('unknown')])
        self.assumptions_on = incremental or rng.random() < 0.5
        if self.assumptions_on:
            self.emit([Symbol('set-option'), Symbol(':produce-unsat-assumptions'), Symbol('true')])
        self.assertions_visible = rng.random() < 0.2
        if self.assertions_visible:
            self.emit([Symbol('set-option'), Symbol(':produce-assertions'), Symbol('true')])
        self.cores = rng.random() < (0.5 if incremental else 0.2)
        if self.cores:
            self.emit([Symbol('set-option'), Symbol(':produce-unsat-cores'), Symbol('true')])
        for _ in range(rng.randint(1, 5)):
            self.declare()
        if rng.random() < 0.5:
            self.declare(T.BOOL)
        steps = rng.randint(3, 10) if not incremental else rng.randint(10, 30)
        checks = 0
        for _ in range(steps):
            action = _weighted(rng, [('assert', 10), ('declare', 2), ('define', 1), ('macro', 1),
                                     ('push', 4 if incremental else 1), ('pop', 3 if incremental else 1),
                                     ('check', 4 if incremental else 2), ('noise', 0.3),
                                     ('reset', 0.3 if incremental else 0), ('reject', 1.5 if self.rejecting else 0)])
            if action == 'assert':
                self.assertion()
            elif action == 'declare':
                self.declare()
            elif action == 'define':
                self.define_const()
            elif action == 'macro':
                self.define_macro()
            elif action == 'push':
                n = rng.choice([0, 1, 1, 1, 1, 2])
                self.emit([Symbol('push'), Symbol(str(n))] if rng.random() < 0.8 or n != 1 else [Symbol('push')])
                for _ in range(n):
                    self.frames.append(_Frame())
            elif action == 'pop' and (len(self.frames) > 1 or rng.random() < 0.1):
                # (pop 0) is legal and changes nothing, even with no level open
                n = rng.randint(0, len(self.frames) - 1) if rng.random() < 0.3 else min(1, len(self.frames) - 1)
                self.emit([Symbol('pop'), Symbol(str(n))] if rng.random() < 0.8 or n != 1 else [Symbol('pop')])
                for _ in range(n):
                    popped = self.frames.pop()
                    self.var_bits -= sum(max(v.width, 1) for v in popped.vars)
            elif action == 'check':
                self.check()
                checks += 1
            elif action == 'noise':
                # commands that answer something other than success
                self.emit(rng.choice([
                    [Symbol('echo'), sx.String('fuzz "%d"' % self.counter)],
                    [Symbol('get-info'), Symbol(':name')],
                    [Symbol('get-info'), Symbol(':assertion-stack-levels')],
                    [Symbol('get-option'), Symbol(':produce-models')],
                    [Symbol('set-info'), Symbol(':source'), Symbol('|wang fuzz|')],
                    [Symbol('get-assertions')] if self.assertions_visible else [Symbol('get-info'), Symbol(':name')],
                ]))
            elif action == 'reject':
                self.reject()
            elif action == 'reset':
                # everything declared goes, options stay
                self.emit([Symbol('reset-assertions')])
                self.frames = [_Frame()]
                self.var_bits = 0
                for _ in range(rng.randint(1, 3)):
                    self.declare()
        if checks == 0 or rng.random() < 0.9:
            self.check()
        if rng.random() < 0.5:
            self.emit([Symbol('exit')])
        return '\n'.join(self.out) + '\n'


def _weighted(rng, choices):
    total = sum(w for _, w in choices)
    r = rng.random() * total
    for item, w in choices:
        r -= w
        if r < 0:
            return item
    return choices[-1][0]


def generate(seed, profile=None):
    """(profile, text) of the script of `seed`."""
    rng = random.Random('smt-%s' % seed)
    g = Generator(rng, profile)
    return g.profile, g.script()
