"""SMT-LIB scripts: a reader into `terms`, the assertion stack each check
sees, and printers -- the full language for wang (lets with shadowing,
macros, :named) and the plainer dialects of the peer solvers.

The reader covers what the generator writes and the usual QF_BV benchmark
language: declare-const/declare-fun (no arguments), define-fun (with or
without parameters), define-const, let, !, as, push/pop, check-sat(-assuming),
the get-* commands, reset, reset-assertions.  Anything it cannot follow
raises ScriptError.

It is also the reference for the commands wang must reject (Rejected: an
ill-sorted term, an undeclared name, a pop below the first level, ...): read
with `rejections=True`, such a command is kept, marked `rejected`, has no
effect, and is recorded as wang records it (docs/smtlib.md, "Rejected
commands"): the names it would have declared stay taken, and what it would
have done to the assertion stack decides which answers the later checks may
give (Command.unsound).
"""

from . import bv
from . import sexp as sx
from . import terms as T
from .sexp import Symbol, String


class ScriptError(ValueError):
    pass


class Rejected(ScriptError):
    """A command that wang must answer with an error or `unsupported`."""


# The commands wang knows (src/smtlib/interpreter.cpp); any other is rejected.
KNOWN_COMMANDS = frozenset([
    'assert', 'check-sat', 'check-sat-assuming', 'declare-const', 'declare-fun', 'define-const', 'define-fun',
    'define-sort', 'echo', 'exit', 'get-assertions', 'get-assignment', 'get-info', 'get-model', 'get-option',
    'get-unsat-assumptions', 'get-unsat-core', 'get-value', 'pop', 'push', 'reset', 'reset-assertions', 'set-info',
    'set-logic', 'set-option', 'declare-datatype', 'declare-datatypes', 'declare-sort', 'define-fun-rec',
    'define-funs-rec', 'get-proof'])
SUPPORTED_LOGICS = frozenset(['QF_BV', 'QF_ABV', 'QF_UFBV', 'QF_AUFBV', 'QF_UF', 'QF_AX', 'QF_BOOL', 'QF_CORE', 'ALL'])
# SMT-LIB 2.6 reserved words: the special words of terms and the command
# names.  Only simple symbols are reserved: |let| is an ordinary symbol.
RESERVED_WORDS = frozenset(['let', '!', 'as', '_', 'par', 'forall', 'exists', 'match', 'NUMERAL', 'DECIMAL', 'STRING',
                            'BINARY', 'HEXADECIMAL']) | KNOWN_COMMANDS
# wang's options (src/smtlib/options.cpp) by the kind of their value, and
# those of start mode (settable before the first command that declares,
# defines, asserts, pushes, pops or checks)
FLAG_OPTIONS = frozenset([':print-success', ':produce-models', ':produce-unsat-cores', ':produce-unsat-assumptions',
                          ':produce-assignments', ':produce-assertions', ':interactive-mode', ':produce-proofs',
                          ':global-declarations'])
NUMBER_OPTIONS = frozenset([':random-seed', ':verbosity', ':reproducible-resource-limit'])
CHANNEL_OPTIONS = frozenset([':regular-output-channel', ':diagnostic-output-channel'])
START_OPTIONS = (FLAG_OPTIONS - {':print-success'}) | {':random-seed'}
MAX_OPEN_LEVELS = 1000000


class Mark:
    """A rejected command in force: what it did to the assertion stack
    ('missing', 'surplus' or 'lost'), until when ('level', 'logic' or
    'session') and where it is."""

    def __init__(self, drift, extent, level, command, position):
        self.drift = drift
        self.extent = extent
        self.level = level
        self.command = command
        self.position = position

    def against(self, answer):
        return self.drift == 'lost' or self.drift == {'sat': 'missing', 'unsat': 'surplus'}[answer]


def rejection_effect(kind, known):
    """(drift, extent, at the current level) of rejecting a command, or None:
    the table of docs/smtlib.md."""
    if not known or kind in ('assert', 'declare-datatype', 'declare-datatypes', 'define-funs-rec'):
        return 'missing', 'level', True
    if kind == 'push':
        return 'lost', 'level', False
    if kind in ('pop', 'reset-assertions'):
        return 'surplus', 'level', False
    if kind == 'set-logic':
        return 'missing', 'logic', False
    if kind in ('reset', 'exit', 'set-option :global-declarations'):
        return 'lost', 'session', False
    return None


class Command:
    """One command.  kind is the command name; the fields used depend on it:

    assert: term, name (of a top-level :named or None)
    check-sat / check-sat-assuming: assumptions, active (assertion terms in
        scope), scope_vars (name -> var term of the constants in scope)
    get-value: terms
    declare-*: var
    """

    def __init__(self, kind, expr, line=0):
        self.kind = kind
        self.expr = expr
        self.line = line
        self.term = None
        self.name = None
        self.var = None
        self.assumptions = []
        self.terms = []
        self.active = []
        self.named_active = []
        self.scope_vars = {}
        self.check_index = None  # for get-* commands: the check they follow
        self.position = None  # (line, column) in the text read
        self.rejected = None  # why wang must reject the command
        self.marks = []  # checks: the rejections in force, oldest first

    @property
    def is_check(self):
        return self.kind in ('check-sat', 'check-sat-assuming') and not self.rejected

    @property
    def unsound(self):
        """The answers this check must not give."""
        return {answer for answer in ('sat', 'unsat') if any(m.against(answer) for m in self.marks)}

    def first_mark_against(self, answer):
        return next((m for m in self.marks if m.against(answer)), None)


class Script:
    def __init__(self, commands, options):
        self.commands = commands
        self.options = options  # name -> value text of the set-option commands

    @property
    def checks(self):
        return [c for c in self.commands if c.is_check]

    @property
    def has_reset(self):
        return any(c.kind in ('reset', 'reset-assertions') and not c.rejected for c in self.commands)


def parse_sort(expr):
    if expr == 'Bool':
        return T.BOOL
    if isinstance(expr, list) and len(expr) == 3 and expr[0] == '_' and expr[1] == 'BitVec' \
            and isinstance(expr[2], Symbol) and expr[2].isdigit() and int(expr[2]) > 0:
        return int(expr[2])
    raise Rejected('unsupported sort %s' % sx.to_text(expr))


def _numeral(atom):
    if not isinstance(atom, Symbol) or isinstance(atom, String) or not atom.isdigit():
        raise Rejected('expected a numeral, got %s' % sx.to_text(atom))
    return int(atom)


def substitute(body, mapping):
    """body with `param` nodes replaced by mapping[name]; shares the rest."""
    memo = {}
    for node in T.postorder([body]):
        if node.op == 'param':
            memo[id(node)] = mapping[node.name]
            continue
        args = tuple(memo[id(a)] for a in node.args)
        if all(a is b for a, b in zip(args, node.args)):
            memo[id(node)] = node
        else:
            memo[id(node)] = T.Term(node.op, args, node.idx, node.width, node.name, node.value, node.call)
    return memo[id(body)]


class Reader:
    """Reads a script into Commands, following the assertion stack."""

    def __init__(self):
        self.frames = [self._frame()]
        self.options = {}
        self.sorts_of = {}  # id(list expr) -> width, of every term read (for the shrinker)
        self.marks = []
        self.logic_set = False
        self.start_mode = True
        self.defined_now = []  # (frame, name) defined by the command being read
        self.position = None

    @staticmethod
    def _frame():
        return {'symbols': {}, 'assertions': []}

    # symbols -----------------------------------------------------------
    def lookup(self, name):
        for frame in reversed(self.frames):
            if name in frame['symbols']:
                return frame['symbols'][name]
        return None

    def define(self, name, entry):
        if self.lookup(name) is not None:
            raise Rejected("'%s' is already declared" % name)
        self.frames[-1]['symbols'][name] = entry
        self.defined_now.append((self.frames[-1], name))

    # rejections ------------------------------------------------------------
    def reject(self, cmd, why):
        """wang rejects `cmd`: undo what it defined, keep the names it would
        have declared taken, record what it does to the stack."""
        cmd.rejected = str(why) or 'rejected'
        names = []
        for frame, name in self.defined_now:
            frame['symbols'].pop(name, None)
            names.append(name)
        expr = cmd.expr
        if cmd.kind in ('declare-const', 'declare-fun', 'define-fun', 'define-const', 'define-fun-rec') \
                and len(expr) > 1 and is_symbol(expr[1]):
            names.append(sx.unquote(expr[1]))
        for name in names:
            if self.lookup(name) is None:
                self.frames[-1]['symbols'][name] = ('rejected',)
        kind = cmd.kind
        if kind == 'set-option' and len(expr) > 1 and expr[1] == ':global-declarations':
            kind = 'set-option :global-declarations'
        effect = rejection_effect(kind, cmd.kind in KNOWN_COMMANDS)
        if effect:
            drift, extent, here = effect
            self.marks.append(Mark(drift, extent, len(self.frames) - 1 if here else 0, kind, self.position))
        return cmd

    def _unmark(self, keep):
        self.marks = [m for m in self.marks if keep(m)]

    # terms -----------------------------------------------------------------
    def term(self, expr, lets=None):
        t = self._term(expr, lets or [])
        if isinstance(expr, list):
            self.sorts_of[id(expr)] = t.width
        return t

    def _term(self, expr, lets):
        if isinstance(expr, String):
            raise Rejected('a string is not a term')
        if not isinstance(expr, list):
            if expr == 'true':
                return T.TRUE
            if expr == 'false':
                return T.FALSE
            lit = sx.bv_literal(expr)
            if lit is not None:
                return T.const(lit[1], lit[0])
            name = sx.unquote(expr)
            for scope in reversed(lets):
                if name in scope:
                    return scope[name]
            entry = self.lookup(name)
            if entry is None:
                raise Rejected("unknown symbol '%s'" % name)
            if entry[0] == 'rejected':
                raise Rejected("'%s' is declared by a rejected command" % name)
            kind, value = entry[0], entry[1]
            if kind == 'var':
                return value
            if kind == 'def':
                return T.ref(name, value)
            if kind == 'macro' and not entry[2]:
                return T.ref(name, value)
            raise Rejected("'%s' needs arguments" % name)
        if not expr:
            raise Rejected('empty term')
        head = expr[0]
        if head == '_' and len(expr) == 3 and isinstance(expr[1], Symbol) and expr[1].startswith('bv') \
                and expr[1][2:].isdigit():
            width = _numeral(expr[2])
            if width < 1:
                raise Rejected('zero width')
            return T.const(int(expr[1][2:]), width)
        if head == 'let':
            if len(expr) != 3 or not isinstance(expr[1], list) or not expr[1]:
                raise Rejected('malformed let')
            scope = {}
            for binding in expr[1]:
                if not isinstance(binding, list) or len(binding) != 2 or isinstance(binding[0], list):
                    raise Rejected('malformed let binding')
                name = _name(binding[0])
                if name in scope:
                    raise Rejected("'%s' bound twice in one let" % name)
                scope[name] = self.term(binding[1], lets)
            return self.term(expr[2], lets + [scope])
        if head == '!':
            if len(expr) < 2:
                raise Rejected('malformed !')
            t = self.term(expr[1], lets)
            attrs = expr[2:]
            result = t
            for k in range(0, len(attrs) - 1, 2):
                if attrs[k] == ':named':
                    name = _name(attrs[k + 1])
                    self.define(name, ('def', t))
                    result = T.named(t, name)
            return result
        if head == 'as':
            if len(expr) != 3:
                raise Rejected('malformed as')
            t = self.term(expr[1], lets)
            if parse_sort(expr[2]) != t.width:
                raise Rejected('as with a different sort')
            return t
        if isinstance(head, list):
            if len(head) < 2 or head[0] != '_':
                raise Rejected('malformed indexed operator')
            op = str(head[1])
            idx = tuple(_numeral(i) for i in head[2:])
        else:
            op = sx.unquote(head)
            idx = ()
        args = [self.term(a, lets) for a in expr[1:]]
        if not idx:
            for scope in reversed(lets):
                if op in scope:
                    raise Rejected("'%s' is not a function" % op)
            entry = self.lookup(op)
            if entry is not None:
                if entry[0] != 'macro':
                    raise Rejected("'%s' is not a function" % op)
                params, body = entry[2], entry[1]
                if len(params) != len(args) or any(p.width != a.width for p, a in zip(params, args)):
                    raise Rejected("ill-sorted application of '%s'" % op)
                expansion = substitute(body, {p.name: a for p, a in zip(params, args)})
                return T.ref(op, expansion, call=args)
        try:
            return T.mk(op, args, idx)
        except T.SortError as error:
            raise Rejected(str(error))

    # commands ----------------------------------------------------------------
    def command(self, expr):
        """The Command of `expr`; raises Rejected for what wang rejects and
        ScriptError for what the reader cannot follow."""
        self.defined_now = []
        if not isinstance(expr, list):
            # text between commands (junk): wang skips it
            raise Rejected('not a command: %s' % sx.to_text(expr)[:40])
        if not expr or not isinstance(expr[0], Symbol) or isinstance(expr[0], String):
            raise Rejected('malformed command %s' % sx.to_text(expr)[:40])
        kind = str(expr[0])
        cmd = Command(kind, expr)
        if kind not in KNOWN_COMMANDS:
            raise Rejected('unknown command %s' % kind)
        if kind in ('declare-const', 'declare-fun'):
            if kind == 'declare-fun':
                if len(expr) != 4:
                    raise Rejected('malformed declare-fun')
                if expr[2] != []:
                    # wang refuses array arguments; functions of other
                    # sorts are beyond this reader
                    if any(isinstance(a, list) and a and str(a[0]) == 'Array' for a in expr[2]):
                        raise Rejected('declare-fun with array arguments')
                    raise ScriptError('declare-fun with arguments is not supported here')
                sort = expr[3]
            else:
                if len(expr) != 3:
                    raise Rejected('malformed declare-const')
                sort = expr[2]
            name = _name(expr[1])
            cmd.var = T.var(name, parse_sort(sort))
            self.define(name, ('var', cmd.var))
        elif kind in ('define-fun', 'define-const'):
            if kind == 'define-const':
                if len(expr) != 4:
                    raise Rejected('malformed define-const')
                name, params, sort, body = expr[1], [], expr[2], expr[3]
            else:
                if len(expr) != 5 or not isinstance(expr[2], list):
                    raise Rejected('malformed define-fun')
                name, params, sort, body = expr[1], expr[2], expr[3], expr[4]
            name = _name(name)
            width = parse_sort(sort)
            formals = []
            scope = {}
            for p in params:
                if not isinstance(p, list) or len(p) != 2:
                    raise Rejected('malformed parameter')
                formal = T.Term('param', (), (), parse_sort(p[1]), name=_name(p[0]))
                formals.append(formal)
                scope[formal.name] = formal
            t = self.term(body, [scope] if scope else [])
            if t.width != width:
                raise Rejected("'%s': body of another sort" % name)
            if formals:
                self.define(name, ('macro', t, formals))
            else:
                self.define(name, ('def', t))
            cmd.name = name
        elif kind == 'assert':
            if len(expr) != 2:
                raise Rejected('malformed assert')
            t = self.term(expr[1])
            if t.width != T.BOOL:
                raise Rejected('assert of a non-Bool term')
            cmd.term = t
            if t.op == '!' and isinstance(expr[1], list) and expr[1] and expr[1][0] == '!':
                cmd.name = t.name
            self.frames[-1]['assertions'].append(cmd)
        elif kind in ('push', 'pop'):
            if len(expr) > 2:
                raise Rejected('malformed %s' % kind)
            n = 1 if len(expr) == 1 else _numeral(expr[1])
            open_levels = len(self.frames) - 1
            if kind == 'push':
                if n > MAX_OPEN_LEVELS - open_levels:
                    raise Rejected('too many levels')
                for _ in range(n):
                    self.frames.append(self._frame())
            else:
                if n > open_levels:
                    raise Rejected('pop below the first level')
                del self.frames[len(self.frames) - n:]
                self._unmark(lambda m: m.extent != 'level' or m.level <= len(self.frames) - 1)
        elif kind in ('check-sat', 'check-sat-assuming'):
            if kind == 'check-sat-assuming':
                if len(expr) != 2 or not isinstance(expr[1], list):
                    raise Rejected('malformed check-sat-assuming')
                cmd.assumptions = [self.term(a) for a in expr[1]]
                if any(a.width != T.BOOL for a in cmd.assumptions):
                    raise Rejected('non-Bool assumption')
            elif len(expr) != 1:
                raise Rejected('malformed check-sat')
            cmd.active = [a.term for f in self.frames for a in f['assertions']]
            cmd.named_active = [(a.name, a.term) for f in self.frames for a in f['assertions']]
            cmd.scope_vars = {name: entry[1] for f in self.frames for name, entry in f['symbols'].items()
                              if entry[0] == 'var'}
            cmd.marks = list(self.marks)
        elif kind == 'get-value':
            if len(expr) != 2 or not isinstance(expr[1], list) or not expr[1]:
                raise Rejected('malformed get-value')
            cmd.terms = [self.term(a) for a in expr[1]]
        elif kind == 'set-option':
            if len(expr) != 3:
                raise Rejected('malformed set-option')
            option, value = expr[1], expr[2]
            if option in FLAG_OPTIONS and value not in ('true', 'false'):
                raise Rejected('a value other than true or false')
            if option in NUMBER_OPTIONS and not (isinstance(value, Symbol) and value.isdigit()):
                raise Rejected('a value other than a numeral')
            if option not in FLAG_OPTIONS | NUMBER_OPTIONS | CHANNEL_OPTIONS:
                raise Rejected('unsupported option %s' % option)
            if option in START_OPTIONS and not self.start_mode:
                raise Rejected('%s after start mode' % option)
            if option == ':produce-proofs' and value != 'false':
                raise Rejected('unsupported value')
            self.options[str(option)] = sx.to_text(value)
        elif kind == 'set-logic':
            if len(expr) != 2 or not is_symbol(expr[1]):
                raise Rejected('malformed set-logic')
            if self.logic_set:
                raise Rejected('the logic is already set')
            if sx.unquote(expr[1]) not in SUPPORTED_LOGICS:
                raise Rejected('unsupported logic %s' % expr[1])
            self.logic_set = True
            self._unmark(lambda m: m.extent != 'logic')
        elif kind in ('reset', 'reset-assertions', 'exit'):
            if len(expr) != 1:
                raise Rejected('malformed %s' % kind)
            if kind == 'reset':
                self.frames = [self._frame()]
                self.options = {}
                self.marks = []
                self.logic_set = False
                self.start_mode = True
            elif kind == 'reset-assertions':
                self.frames = [self._frame()]
                self._unmark(lambda m: m.extent != 'level')
        elif kind in ('declare-datatype', 'declare-datatypes', 'define-fun-rec', 'define-funs-rec'):
            raise Rejected('%s is not supported' % kind)
        elif kind == 'declare-sort':
            raise ScriptError('%s is not supported here' % kind)
        elif kind == 'define-sort':
            raise ScriptError('%s is not supported here' % kind)
        if kind in ('declare-const', 'declare-fun', 'define-fun', 'define-const', 'assert', 'push', 'pop',
                    'check-sat', 'check-sat-assuming', 'reset-assertions'):
            self.start_mode = False
        return cmd


def is_symbol(atom):
    """Whether `atom` reads as a symbol (simple or |quoted|)."""
    if not isinstance(atom, Symbol) or isinstance(atom, String) or not atom:
        return False
    return atom[0] == '|' or (atom[0] in _SIMPLE and not atom[0].isdigit())


def _name(atom):
    """The name a declaration gives, which must not be a simple reserved word."""
    if not is_symbol(atom):
        raise Rejected('expected a symbol, got %s' % sx.to_text(atom)[:40])
    if atom in RESERVED_WORDS:
        raise Rejected("'%s' is a reserved word" % atom)
    return sx.unquote(atom)


def read(text, rejections=False):
    """The Script of `text` (ScriptError when malformed or unsupported).
    With `rejections`, commands that wang must reject are kept, marked
    `rejected`; without, they raise Rejected (a ScriptError)."""
    positions = []
    try:
        exprs = sx.parse(text, positions)
    except sx.SexpError as error:
        raise ScriptError(str(error))
    reader = Reader()
    commands = []
    last_check = None
    for expr, position in zip(exprs, positions):
        reader.position = position
        try:
            cmd = reader.command(expr)
        except Rejected as why:
            if not rejections:
                raise
            kind = str(expr[0]) if isinstance(expr, list) and expr and isinstance(expr[0], Symbol) else ''
            cmd = reader.reject(Command(kind, expr), why)
        cmd.position = position
        if cmd.is_check:
            last_check = len(commands)
        elif cmd.kind.startswith('get-'):
            cmd.check_index = last_check
        elif cmd.kind not in ('echo', 'set-info', 'get-info') and not cmd.rejected:
            last_check = None
        commands.append(cmd)
        if cmd.kind == 'exit' and not cmd.rejected:
            break
    script = Script(commands, reader.options)
    script.sorts_of = reader.sorts_of
    script.exprs = exprs
    return script


# -- Printing ---------------------------------------------------------------------------

_SIMPLE = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789~!@$%^&*_-+=<>.?/')


def symbol(name):
    """The SMT-LIB spelling of a symbol name (|quoted| when not simple or a
    reserved word)."""
    if name and all(c in _SIMPLE for c in name) and not name[0].isdigit() and name not in RESERVED_WORDS:
        return Symbol(name)
    return Symbol('|%s|' % name)


def sort_expr(width):
    if width == T.BOOL:
        return Symbol('Bool')
    return [Symbol('_'), Symbol('BitVec'), Symbol(str(width))]


def value_expr(value, width, style=0):
    """A value as a term; style 0 #b/#x, 1 #b, 2 (_ bvN W)."""
    if width == T.BOOL:
        return Symbol('true' if value else 'false')
    if style == 2:
        return [Symbol('_'), Symbol('bv%d' % value), Symbol(str(width))]
    if style == 1:
        return Symbol(bv.binary_literal(value, width))
    return Symbol(bv.literal(value, width))


def _op_head(t):
    if t.idx:
        return [Symbol('_'), Symbol(t.op)] + [Symbol(str(i)) for i in t.idx]
    return Symbol(t.op)


def peer_term(root, names):
    """The s-expression of a lowered term for a peer: every shared compound
    node bound once by a let with a fresh name (no shadowing), variables
    named by names[name]."""
    nodes = T.postorder([root])
    count = {}
    for n in nodes:
        for a in n.args:
            count[id(a)] = count.get(id(a), 0) + 1
    shared = [n for n in nodes if n.args and count.get(id(n), 0) >= 2]
    bound = {id(n): Symbol('l%d' % k) for k, n in enumerate(shared)}
    built = {}
    for n in nodes:
        if n.op == 'var':
            e = Symbol(names[n.name])
        elif n.op == 'const':
            e = value_expr(n.value, n.width)
        else:
            e = [_op_head(n)] + [bound.get(id(a), built.get(id(a))) for a in n.args]
        built[id(n)] = e
    body = bound.get(id(root), built[id(root)])
    for n in reversed(shared):
        body = [Symbol('let'), [[bound[id(n)], built[id(n)]]], body]
    return body


class PeerScript:
    """The text for a peer and where the answers of the original checks are:
    check_at[k] = (index of the check's response, index of its model), for
    the k-th check of the script, counting responses with :print-success."""

    def __init__(self, text, check_at, names):
        self.text = text
        self.check_at = check_at
        self.names = names  # peer name -> original name


def z3_script(script):
    """The script for z3 (incremental, with :print-success): overflow
    predicates rewritten, definitions inlined, check-sat-assuming as
    push/assert/check/pop, variables renamed v0, v1, ... Returns None for
    scripts with reset."""
    if script.has_reset:
        return None
    lines = ['(set-option :print-success true)', '(set-option :produce-models true)', '(set-logic QF_BV)']
    names = {}       # original name -> current peer name
    back = {}        # peer name -> original name
    check_at = []
    for cmd in script.commands:
        k = cmd.kind
        if cmd.rejected:
            continue
        if k in ('declare-const', 'declare-fun'):
            peer = 'v%d' % len(back)
            names[cmd.var.name] = peer
            back[peer] = cmd.var.name
            lines.append('(declare-fun %s () %s)' % (peer, sx.to_text(sort_expr(cmd.var.width))))
        elif k == 'assert':
            (t,) = T.lower([cmd.term])
            lines.append('(assert %s)' % sx.to_text(peer_term(t, names)))
        elif k in ('push', 'pop'):
            lines.append(sx.to_text(cmd.expr))
        elif k == 'check-sat':
            check_at.append((len(lines), len(lines) + 1))
            lines.append('(check-sat)')
            lines.append('(get-model)')
        elif k == 'check-sat-assuming':
            lines.append('(push 1)')
            for t in T.lower(cmd.assumptions):
                lines.append('(assert %s)' % sx.to_text(peer_term(t, names)))
            check_at.append((len(lines), len(lines) + 1))
            lines.append('(check-sat)')
            lines.append('(get-model)')
            lines.append('(pop 1)')
        elif k == 'exit':
            break
    lines.append('(exit)')
    return PeerScript('\n'.join(lines) + '\n', check_at, back)


def flat_query(assertions, binary=True):
    """One query (boolector's dialect: declare-fun, binary operators, no
    push/pop): the conjunction of `assertions`.  Returns (text, names)."""
    lowered = T.lower(list(assertions), binary=binary)
    found = T.variables(lowered)
    names = {}
    back = {}
    lines = ['(set-logic QF_BV)']
    for name in sorted(found):
        peer = 'v%d' % len(names)
        names[name] = peer
        back[peer] = name
        lines.append('(declare-fun %s () %s)' % (peer, sx.to_text(sort_expr(found[name].width))))
    for t in lowered:
        lines.append('(assert %s)' % sx.to_text(peer_term(t, names)))
    lines.append('(check-sat)')
    lines.append('(exit)')
    return '\n'.join(lines) + '\n', back


# -- The full language, for wang ---------------------------------------------------------------

def _print_children(t):
    if t.op == 'ref':
        return t.call if t.call is not None else ()
    if t.op in ('var', 'const', 'param'):
        return ()
    return t.args


def wang_term(root, rng, p_shared=0.6, p_single=0.04, p_parallel=0.5, p_reuse=0.35, literal_style=None,
              extra_names=(), max_text=400):
    """The s-expression of `root` in the full language: shared sub-terms let-
    bound at random, binding names reused (shadowing earlier bindings and
    unused constants) whenever what they named is no longer needed, parallel
    bindings grouped at random, values written as #b, #x or (_ bvN W)."""
    nodes = T.postorder([root], _print_children)
    count = {}
    for n in nodes:
        for a in _print_children(n):
            count[id(a)] = count.get(id(a), 0) + 1

    def compound(n):
        return bool(_print_children(n)) and n.op != '!'

    # printed size of each node (bound nodes count 1 for their users);
    # shared nodes whose text would be large are always bound, so that
    # printing stays linear in the size of the DAG
    chosen = []
    chosen_ids = set()
    tree = {}
    for n in nodes:
        kids = _print_children(n)
        size_ = 1 + sum(1 if id(c) in chosen_ids else tree[id(c)] for c in kids)
        if compound(n) and n is not root:
            c = count.get(id(n), 0)
            if (c >= 2 and (rng.random() < p_shared or size_ * c > max_text)) or rng.random() < p_single:
                chosen.append(n)
                chosen_ids.add(id(n))
        tree[id(n)] = size_
    if compound(root) and rng.random() < p_single:
        chosen.append(root)
        chosen_ids.add(id(root))

    # what the printed definition of each node mentions: bound nodes and names
    mentions = {}
    for n in nodes:
        found_nodes = set()
        found_names = {n.name} if n.op in ('var', 'ref', 'param') else set()
        for c in _print_children(n):
            if id(c) in chosen_ids:
                found_nodes.add(id(c))
            else:
                sub_nodes, sub_names = mentions[id(c)]
                found_nodes |= sub_nodes
                found_names |= sub_names
        mentions[id(n)] = (frozenset(found_nodes), frozenset(found_names))
    by_id = {id(n): n for n in nodes}

    def refs_of(n):
        ns, names = mentions[id(n)]
        return [by_id[i] for i in ns], list(names)

    # groups of parallel bindings, in dependency order
    groups = []
    group_of = {}
    for n in chosen:
        deps, _ = refs_of(n)
        need_new = not groups or any(group_of[id(d)] == len(groups) - 1 for d in deps) or rng.random() > p_parallel
        if need_new:
            groups.append([])
        groups[-1].append(n)
        group_of[id(n)] = len(groups) - 1
    body_index = len(groups)
    last_use_node = {}
    last_use_name = {}
    for g, group in enumerate(groups + [[root]]):
        for n in group:
            if g == body_index and id(n) in chosen_ids:
                deps, gnames = [n], []
            else:
                deps, gnames = refs_of(n)
            for d in deps:
                last_use_node[id(d)] = max(last_use_node.get(id(d), -1), g)
            for name in gnames:
                last_use_name[name] = max(last_use_name.get(name, -1), g)
    # names: holder[name] = last use of what the name denotes now
    holder = {name: -1 for name in extra_names}
    holder.update(last_use_name)
    binding_name = {}
    fresh = [0]

    def fresh_name():
        while True:
            fresh[0] += 1
            if rng.random() < 0.05:
                # a reserved word, quoted: an ordinary symbol
                name = '|%s|' % rng.choice(sorted(RESERVED_WORDS))
            else:
                name = rng.choice(['?v%d', 'a%d', '_let%d', 'b!%d', '|let %d|']) % fresh[0]
            if name not in holder and name not in used_here:
                return name

    for g, group in enumerate(groups):
        used_here = set()
        for n in group:
            name = None
            if rng.random() < p_reuse:
                dead = [nm for nm, last in holder.items() if last <= g and nm not in used_here
                        and not nm.startswith('|')]
                if dead:
                    name = rng.choice(sorted(dead))
            if name is None:
                name = fresh_name()
            used_here.add(name)
            binding_name[id(n)] = name
        for n in group:
            holder[binding_name[id(n)]] = last_use_node.get(id(n), -1)

    built = {}
    for n in nodes:
        if n.op in ('var', 'param'):
            e = symbol(n.name)
        elif n.op == 'const':
            style = literal_style if literal_style is not None else rng.choice([0, 0, 1, 2])
            e = value_expr(n.value, n.width, style)
        elif n.op == 'ref':
            if n.call is None:
                e = symbol(n.name)
            else:
                e = [symbol(n.name)] + [_use(a, binding_name, built) for a in n.call]
        elif n.op == '!':
            e = [Symbol('!'), _use(n.args[0], binding_name, built), Symbol(':named'), symbol(n.name)]
        else:
            e = [_op_head(n)] + [_use(a, binding_name, built) for a in n.args]
        built[id(n)] = e
    body = _use(root, binding_name, built)
    for group in reversed(groups):
        body = [Symbol('let'), [[_name_expr(binding_name[id(n)]), built[id(n)]] for n in group], body]
    return body


def _name_expr(name):
    return Symbol(name) if name.startswith('|') else symbol(name)


def _use(n, binding_name, built):
    if id(n) in binding_name:
        return _name_expr(binding_name[id(n)])
    return built[id(n)]
