"""Delta debugging of failing inputs (scripts/shrink).

CNF: ddmin over the clauses, then over the literals, then variables
renumbered.  SMT-LIB: ddmin over the commands, then sub-terms replaced by
one of their arguments of the same sort or by a constant, let bindings
inlined or dropped, arguments of n-ary operators and entries of assumption
and value lists dropped -- until nothing more can go.

A predicate says whether a candidate still fails: a command (`--check
'CMD {}'`, exit 0 = still failing) or a built-in one (see PREDICATES).
SMT candidates must stay readable by the fuzzer's reader (declared,
well-sorted) unless validation is turned off, so that a shrunk script
fails for the same reason as the original rather than by being malformed.
"""

import argparse
import hashlib
import os
import random
import shlex
import subprocess
import sys
import tempfile

from . import checks as K
from . import cnf as C
from . import runner
from . import script as S
from . import sexp as sx
from . import terms as T
from .sexp import Symbol

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# -- ddmin ---------------------------------------------------------------------------

def ddmin(items, test, log=None):
    """A 1-minimal sublist of `items` (order kept) for which test(sublist)
    holds, assuming test(items) holds (Zeller and Hildebrandt's ddmin:
    try subsets, then complements, at growing granularity)."""
    items = list(items)
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        progress = False
        for k, subset in enumerate(subsets):
            if len(subsets) > 2 and test(subset):
                items, n, progress = subset, 2, True
                break
        if not progress:
            for k in range(len(subsets)):
                complement = [x for j, s in enumerate(subsets) if j != k for x in s]
                if complement and test(complement):
                    items = complement
                    n = max(n - 1, 2)
                    progress = True
                    break
        if progress:
            if log:
                log(len(items))
            continue
        if n >= len(items):
            break
        n = min(len(items), 2 * n)
    if len(items) == 1 and test([]):
        return []
    return items


class Predicate:
    """Caches the answers of a test on candidate texts."""

    def __init__(self, test, suffix):
        self.test = test
        self.suffix = suffix
        self.cache = {}
        self.calls = 0

    def __call__(self, text):
        key = hashlib.sha1(text.encode()).hexdigest()
        if key not in self.cache:
            self.calls += 1
            self.cache[key] = bool(self.test(text))
        return self.cache[key]


# -- CNF ---------------------------------------------------------------------------------

def cnf_text(clauses):
    nvars = max([abs(l) for c in clauses for l in c] + [0])
    return C.dimacs(nvars, clauses)


def shrink_cnf(text, still_fails, log=print):
    nvars, clauses = C.parse_dimacs(text)
    log('cnf: %d clauses, %d literals' % (len(clauses), sum(map(len, clauses))))
    while True:
        before = (len(clauses), sum(map(len, clauses)))
        clauses = ddmin(clauses, lambda cs: still_fails(cnf_text(cs)),
                        lambda n: log('cnf: %d clauses' % n))
        positions = [(i, j) for i, c in enumerate(clauses) for j in range(len(c))]

        def build(keep):
            kept = set(keep)
            return [[l for j, l in enumerate(c) if (i, j) in kept] for i, c in enumerate(clauses)]

        keep = ddmin(positions, lambda ps: still_fails(cnf_text(build(ps))),
                     lambda n: log('cnf: %d literals' % n))
        clauses = build(keep)
        after = (len(clauses), sum(map(len, clauses)))
        if after == before:
            break
    # variables renumbered 1..n in order of appearance
    numbers = {}
    for c in clauses:
        for l in c:
            numbers.setdefault(abs(l), len(numbers) + 1)
    renamed = [[numbers[abs(l)] * (1 if l > 0 else -1) for l in c] for c in clauses]
    if still_fails(cnf_text(renamed)):
        clauses = renamed
    log('cnf: done, %d clauses, %d literals' % (len(clauses), sum(map(len, clauses))))
    return cnf_text(clauses)


# -- SMT-LIB -----------------------------------------------------------------------------------

def smt_text(commands):
    return ''.join(sx.to_text(c) + '\n' for c in commands)


def _size(expr):
    return len(sx.to_text(expr))


def _positions(expr, path=()):
    """(path, list) of every list inside expr, outermost first (iterative)."""
    out = []
    queue = [(expr, path)]
    while queue:
        nxt = []
        for e, p in queue:
            if isinstance(e, list):
                out.append((p, e))
                for k, c in enumerate(e):
                    if isinstance(c, list):
                        nxt.append((c, p + (k,)))
        queue = nxt
    return out


def _get(expr, path):
    for k in path:
        expr = expr[k]
    return expr


def _replace(expr, path, new):
    """A copy of expr with the node at path replaced (copies along the path only)."""
    if not path:
        return new
    copy = list(expr)
    copy[path[0]] = _replace(expr[path[0]], path[1:], new)
    return copy


def _substitute(expr, mapping):
    """Free occurrences of the symbols in mapping replaced (respecting let
    shadowing; iterative over a work list of (node, mapping))."""
    if not mapping:
        return expr
    if not isinstance(expr, list):
        if isinstance(expr, Symbol) and not isinstance(expr, sx.String) and sx.unquote(expr) in mapping:
            return mapping[sx.unquote(expr)]
        return expr
    if expr and expr[0] == 'let' and len(expr) == 3 and isinstance(expr[1], list):
        bindings = [[b[0], _substitute(b[1], mapping)] if isinstance(b, list) and len(b) == 2 else b
                    for b in expr[1]]
        inner = {k: v for k, v in mapping.items()
                 if not any(isinstance(b, list) and b and sx.unquote(b[0]) == k for b in expr[1])}
        return [expr[0], bindings, _substitute(expr[2], inner)]
    if expr and expr[0] == '!':
        return [expr[0], _substitute(expr[1], mapping)] + expr[2:] if len(expr) > 1 else expr
    if expr and expr[0] == '_':
        return expr
    return [expr[0] if isinstance(expr[0], list) else _substitute(expr[0], {})] + \
        [_substitute(c, mapping) for c in expr[1:]]


_NARY = {'and', 'or', 'xor', '=>', '=', 'distinct', 'bvand', 'bvor', 'bvxor', 'bvadd', 'bvmul', 'concat'}


def _candidates(expr, sorts_of, loose=False):
    """Smaller replacements of one list node: arguments of the same sort,
    constants, inlined or dropped let bindings, fewer arguments; when
    `loose` (no validation), also any element, and the list without any
    one of its elements."""
    out = []
    width = sorts_of.get(id(expr))
    head = expr[0] if expr else None
    if width is not None:
        for c in expr[1:]:
            if isinstance(c, list) and sorts_of.get(id(c)) == width:
                out.append(c)
        for c in expr[1:]:
            if not isinstance(c, list) and head not in ('let', '!', '_'):
                out.append(c)  # an atom: valid if of the same sort, the reader decides
        if width == T.BOOL:
            out += [Symbol('false'), Symbol('true')]
        else:
            out += [S.value_expr(0, width, 1), S.value_expr(1, width, 1), S.value_expr((1 << width) - 1, width, 1)]
    if head == 'let' and len(expr) == 3 and isinstance(expr[1], list):
        bindings = expr[1]
        mapping = {sx.unquote(b[0]): b[1] for b in bindings if isinstance(b, list) and len(b) == 2}
        out.append(_substitute(expr[2], mapping))
        if len(bindings) > 1:
            for k in range(len(bindings)):
                out.append([expr[0], bindings[:k] + bindings[k + 1:], expr[2]])
        for name, value in mapping.items():
            rest = [b for b in bindings if sx.unquote(b[0]) != name]
            body = _substitute(expr[2], {name: value})
            out.append([expr[0], rest, body] if rest else body)
    if isinstance(head, Symbol) and str(head) in _NARY and len(expr) > 3:
        for k in range(1, len(expr)):
            out.append(expr[:k] + expr[k + 1:])
    if loose:
        out += [c for c in expr]
        out += [expr[:k] + expr[k + 1:] for k in range(len(expr))]
    return out


def _list_drops(command):
    """Commands with one entry fewer in check-sat-assuming / get-value lists."""
    out = []
    if isinstance(command, list) and command and command[0] in ('check-sat-assuming', 'get-value') \
            and len(command) == 2 and isinstance(command[1], list):
        entries = command[1]
        minimum = 0 if command[0] == 'check-sat-assuming' else 1
        if len(entries) > minimum:
            for k in range(len(entries)):
                out.append([command[0], entries[:k] + entries[k + 1:]])
    return out


def shrink_text(text, still_fails, log=print):
    """ddmin over the lines, then over the characters: for inputs that are
    not even s-expressions (what libFuzzer finds)."""
    lines = text.splitlines(keepends=True)
    log('text: %d lines, %d bytes' % (len(lines), len(text)))
    lines = ddmin(lines, lambda ls: still_fails(''.join(ls)), lambda n: log('text: %d lines' % n))
    chars = ddmin(list(''.join(lines)), lambda cs: still_fails(''.join(cs)), lambda n: log('text: %d bytes' % n))
    result = ''.join(chars)
    log('text: done, %d bytes' % len(result))
    return result


def shrink_smt(text, still_fails, log=print, validate=True):
    try:
        commands = sx.parse(text)
    except sx.SexpError as e:
        if validate:
            raise SystemExit('shrink: cannot read the script (%s); try --no-validate' % e)
        return shrink_text(text, still_fails, log)

    # A script with commands that wang rejects (as scripts/fuzz injects
    # them) keeps being read with them; any other must stay free of them.
    try:
        S.read(K.SMT_PREFIX + text)
        rejections = False
    except (S.ScriptError, T.SortError, RecursionError):
        rejections = True

    def ok(cmds):
        t = smt_text(cmds)
        if validate:
            try:
                S.read(K.SMT_PREFIX + t, rejections)
            except (S.ScriptError, T.SortError, RecursionError):
                return False
        return still_fails(t)

    log('smt: %d commands, %d bytes' % (len(commands), len(smt_text(commands))))
    while True:
        before = len(smt_text(commands))
        commands = ddmin(commands, ok, lambda n: log('smt: %d commands' % n))
        # commands one at a time, term by term, outermost first
        k = 0
        while k < len(commands):
            changed = True
            while changed:
                changed = False
                cmd = commands[k]
                for variant in _list_drops(cmd):
                    trial = commands[:k] + [variant] + commands[k + 1:]
                    if ok(trial):
                        commands, changed = trial, True
                        break
                if changed:
                    continue
                try:
                    script = S.read(K.SMT_PREFIX + smt_text(commands), rejections)
                    sorts_of = _sorts_by_path(script, commands, k)
                except (S.ScriptError, T.SortError):
                    sorts_of = {}
                for path, node in _positions(cmd):
                    if not path:
                        continue
                    size = _size(node)
                    for cand in _candidates(node, sorts_of, loose=not validate):
                        if _size(cand) >= size:
                            continue
                        trial = commands[:k] + [_replace(cmd, path, cand)] + commands[k + 1:]
                        if ok(trial):
                            commands, changed = trial, True
                            break
                    if changed:
                        log('smt: %d bytes' % len(smt_text(commands)))
                        break
            k += 1
        after = len(smt_text(commands))
        if after >= before:
            break
    log('smt: done, %d commands, %d bytes' % (len(commands), len(smt_text(commands))))
    return smt_text(commands)


def _sorts_by_path(script, commands, k):
    """Sorts of the list nodes of command k, keyed by id() of the nodes of
    commands[k] (the reader saw a re-parsed copy; the two trees have the
    same shape)."""
    prefix = len(sx.parse(K.SMT_PREFIX))
    parsed = script.exprs[prefix + k] if prefix + k < len(script.exprs) else None
    if parsed is None:
        return {}
    result = {}
    stack = [(commands[k], parsed)]
    while stack:
        mine, theirs = stack.pop()
        if isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
            if id(theirs) in script.sorts_of:
                result[id(mine)] = script.sorts_of[id(theirs)]
            for a, b in zip(mine, theirs):
                stack.append((a, b))
    return result


# -- Predicates ------------------------------------------------------------------------------------

def _tmp(text, suffix):
    fd, path = tempfile.mkstemp(prefix='shrink-', suffix=suffix)
    with os.fdopen(fd, 'w') as f:
        f.write(text)
    return path


def command_predicate(template, suffix, timeout):
    def test(text):
        path = _tmp(text, suffix)
        try:
            cmd = template.replace('{}', shlex.quote(path)) if '{}' in template else template + ' ' + shlex.quote(path)
            try:
                return subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      timeout=timeout).returncode == 0
            except subprocess.TimeoutExpired:
                return False
        finally:
            os.unlink(path)
    return test


def _wang_answers(wang, text, suffix, timeout, extra=()):
    path = _tmp(K.SMT_PREFIX + text if suffix == '.smt2' else text, suffix)
    try:
        r = runner.run([wang] + list(extra) + [path], timeout, memory_mib=None)
    finally:
        os.unlink(path)
    if suffix == '.cnf':
        status, _ = K.parse_competition_output(r.stdout)
        return r, [K._STATUS.get(status)]
    resp = K._Responses(r.stdout)
    return r, [str(x) for x in resp.items if x in ('sat', 'unsat', 'unknown')]


def crash_predicate(wang, suffix, timeout, extra=()):
    def test(text):
        r, _ = _wang_answers(wang, text, suffix, timeout, extra)
        return r.crash() is not None or r.returncode == 3
    return test


def peer_predicate(wang, peer, suffix, timeout, extra=()):
    """wang's answers differ from the peer's (both definite)."""
    def test(text):
        r, mine = _wang_answers(wang, text, suffix, timeout, extra)
        if r.timed_out or r.crash():
            return False
        theirs = _peer_answers(peer, text, suffix, timeout)
        if theirs is None or len(theirs) != len(mine):
            return False
        return any(a in ('sat', 'unsat') and b in ('sat', 'unsat') and a != b for a, b in zip(mine, theirs))
    return test


def _peer_answers(peer, text, suffix, timeout):
    path_of = runner.which(peer)
    if not path_of:
        raise SystemExit('shrink: %s is not installed' % peer)
    if suffix == '.cnf':
        path = _tmp(text, suffix)
        try:
            argv = [path_of, path] if peer != 'minisat' else [path_of, '-verb=0', path]
            r = runner.run(argv, timeout)
        finally:
            os.unlink(path)
        return [{10: 'sat', 20: 'unsat'}.get(r.returncode)]
    try:
        script = S.read(K.SMT_PREFIX + text, rejections=True)
    except S.ScriptError:
        return None
    if peer == 'z3':
        peer_script = S.z3_script(script)
        if peer_script is None:
            return None
        path = _tmp(peer_script.text, suffix)
        try:
            r = runner.run([path_of, path], timeout)
        finally:
            os.unlink(path)
        items = K._Responses(r.stdout).items
        return [str(items[ci]) if ci < len(items) else None for ci, _ in peer_script.check_at]
    answers = []
    for check in script.checks:
        query, _ = S.flat_query(check.active + check.assumptions, binary=True)
        path = _tmp(query, suffix)
        try:
            r = runner.run([path_of, path], timeout)
        finally:
            os.unlink(path)
        answers.append(next((line.strip() for line in r.stdout.splitlines() if line.strip() in ('sat', 'unsat')),
                            None))
    return answers


def fuzz_predicate(wang, suffix, timeout, category):
    """The fuzzer's own checks (brute force, options, peers) fail with `category`."""
    peers = runner.Peers()
    ctx = K.Context(wang, os.path.join(os.path.dirname(wang), 'wang-check'), peers, timeout=timeout)

    def test(text):
        rng = random.Random('shrink')
        out = K.Outcome('cnf' if suffix == '.cnf' else 'smt', None)
        if suffix == '.cnf':
            K.check_cnf(text, ctx, rng, out)
        else:
            K.check_smt(text, ctx, rng, out)
        cats = [c for c, _ in out.failures]
        return category in cats if category else bool(cats)
    return test


PREDICATES = {
    'crash': 'wang crashes (signal, sanitizer report, internal error, exit 3)',
    'z3': 'wang and z3 give different answers (SMT)',
    'boolector': 'wang and boolector give different answers (SMT)',
    'cadical': 'wang and cadical give different answers (CNF)',
    'minisat': 'wang and minisat give different answers (CNF)',
    'fuzz': 'the checks of scripts/fuzz fail (with --category: with that category)',
}


def main(argv=None):
    p = argparse.ArgumentParser(prog='shrink', description='Delta debugging of a failing CNF or SMT-LIB file.',
                                epilog='built-in predicates: ' + '; '.join('%s: %s' % kv for kv in PREDICATES.items()))
    p.add_argument('file')
    p.add_argument('--check', help="a shell command; {} is the candidate file; exit 0 means it still fails")
    p.add_argument('--predicate', choices=sorted(PREDICATES), help='a built-in predicate')
    p.add_argument('--category', help='with --predicate fuzz: the failure category to keep (default: any)')
    p.add_argument('--wang', default=os.path.join(TOP, 'build', 'wang'))
    p.add_argument('--wang-args', default='', help='extra arguments for wang (e.g. "--elim 0")')
    p.add_argument('--timeout', type=float, default=20.0)
    p.add_argument('--lang', choices=('cnf', 'smt'), help='default: from the name or the content')
    p.add_argument('--out', help='default: FILE.shrunk.cnf / FILE.shrunk.smt2')
    p.add_argument('--no-validate', action='store_true', help='SMT: accept candidates the reader rejects')
    p.add_argument('--quiet', '-q', action='store_true')
    args = p.parse_args(argv)
    sys.setrecursionlimit(100000)
    with open(args.file, errors='replace') as f:
        text = f.read()
    lang = args.lang or ('smt' if args.file.endswith(('.smt2', '.smt')) or text.lstrip().startswith(('(', ';'))
                         else 'cnf')
    suffix = '.cnf' if lang == 'cnf' else '.smt2'
    if lang == 'smt' and text.startswith(K.SMT_PREFIX):
        text = text[len(K.SMT_PREFIX):]
    extra = shlex.split(args.wang_args)
    if args.check:
        test = command_predicate(args.check, suffix, args.timeout * 3)
    elif args.predicate == 'crash':
        test = crash_predicate(args.wang, suffix, args.timeout, extra)
    elif args.predicate == 'fuzz':
        test = fuzz_predicate(args.wang, suffix, args.timeout, args.category)
    elif args.predicate:
        test = peer_predicate(args.wang, args.predicate, suffix, args.timeout, extra)
    else:
        p.error('give --check or --predicate')
    still_fails = Predicate(test, suffix)
    log = (lambda *a: None) if args.quiet else (lambda msg: print('shrink: %s' % msg, flush=True))
    if not still_fails(text):
        print('shrink: the predicate does not hold on the input', file=sys.stderr)
        return 1
    if lang == 'cnf':
        result = shrink_cnf(text, still_fails, log)
    else:
        result = shrink_smt(text, still_fails, log, validate=not args.no_validate)
    out = args.out or (os.path.splitext(args.file)[0] + '.shrunk' + suffix)
    with open(out, 'w') as f:
        f.write(result)
    print('shrink: %d -> %d bytes after %d tests; written to %s' % (len(text), len(result), still_fails.calls, out))
    return 0
