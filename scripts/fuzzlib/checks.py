"""The checks of one fuzz case.

A CNF case is decided by brute force when small, by wang (model checked
against the clauses, UNSAT certified by wang-check), by wang under sampled
search options, and by cadical and minisat.  An SMT case is a script whose
every check is decided by enumeration when the inputs are few, by wang
(models evaluated by the reference evaluator, get-value compared with it,
unsat assumptions and cores re-checked), by wang under sampled options, by
z3 on an equivalent incremental script and by boolector on one flat query
per check.

Verdicts: a model that the reference accepts proves `sat`; brute force
proves either answer.  An answer of wang against a proof, or any
disagreement without one, is a failure; a peer against a proof is recorded
as `peer-wrong` (saved, but not a failure of wang).
"""

import collections
import os
import tempfile

from . import cnf as C
from . import options as O
from . import runner
from . import script as S
from . import sexp as sx
from . import terms as T

SMT_PREFIX = '(set-option :print-success true)\n(set-option :produce-models true)\n'


class Context:
    """What the checks need: binaries, peers, limits."""

    def __init__(self, wang, wang_check=None, peers=None, timeout=20.0, option_runs=2, brute_bits=14,
                 brute_vars=C.SMALL_VARS + 2, max_boolector_checks=6, workdir=None, wang_memory=4096):
        self.wang = wang
        self.wang_check = wang_check
        self.peers = peers or runner.Peers(())
        self.timeout = timeout
        self.option_runs = option_runs
        self.brute_bits = brute_bits
        self.brute_vars = brute_vars
        self.max_boolector_checks = max_boolector_checks
        self.workdir = workdir or tempfile.gettempdir()
        self.wang_memory = wang_memory
        self.options = O.solver_options(wang)


class Outcome:
    def __init__(self, kind, seed, label=''):
        self.kind = kind
        self.seed = seed
        self.label = label
        self.failures = []        # (category, message)
        self.peer_wrong = []      # messages
        self.counts = collections.Counter()
        self.timeouts = collections.Counter()
        self.files = {}           # name -> text, saved with a failure
        self.log = []
        self.answers = []
        self.incomplete = {}      # SMT, per wang run: (unknown for rejections, :reason-unknown) per check

    def fail(self, category, message):
        self.failures.append((category, message))

    @property
    def failed(self):
        return bool(self.failures)

    def category(self):
        return self.failures[0][0] if self.failures else ('peer-wrong' if self.peer_wrong else 'ok')


def _write(directory, name, text):
    path = os.path.join(directory, name)
    with open(path, 'w') as f:
        f.write(text)
    return path


# -- CNF ----------------------------------------------------------------------------------

def parse_competition_output(text):
    """(status, model literals) of SAT-competition output."""
    status = None
    model = []
    for line in text.splitlines():
        if line.startswith('s '):
            status = line[2:].strip()
        elif line.startswith('v '):
            model += [int(x) for x in line[2:].split() if x != '0']
    return status, model


_STATUS = {'SATISFIABLE': 'sat', 'UNSATISFIABLE': 'unsat', 'UNKNOWN': 'unknown'}


def _wang_cnf(ctx, out, path, clauses, setting, label, directory, proof=True):
    """Runs wang on a DIMACS file; returns 'sat', 'unsat' or None; records failures."""
    proof_path = os.path.join(directory, 'proof-%s.drat' % label)
    argv = [ctx.wang, '-t', str(ctx.timeout), '--memory-limit', str(ctx.wang_memory)] + O.argv(setting)
    if proof:
        argv += ['--proof', proof_path]
    argv.append(path)
    r = runner.run(argv, ctx.timeout + 10, memory_mib=None)
    out.log.append(r.describe())
    out.files['wang-%s.out' % label] = r.stdout + ('\n--- stderr ---\n' + r.stderr if r.stderr else '')
    if r.not_started:
        out.timeouts['not-started'] += 1
        return None
    crash = r.crash()
    if crash:
        out.fail('crash', '%s: %s' % (label, crash))
        return None
    status, model = parse_competition_output(r.stdout)
    answer = _STATUS.get(status)
    expected_code = {'sat': 10, 'unsat': 20, 'unknown': 0}.get(answer)
    if answer is None:
        out.fail('bad-output', '%s: no status line (exit %s)' % (label, r.returncode))
        return None
    if r.returncode != expected_code and not r.timed_out:
        out.fail('bad-output', '%s: %s with exit code %s' % (label, status, r.returncode))
    if answer == 'unknown':
        if r.timed_out or 'time limit' in r.stdout or r.seconds >= ctx.timeout * 0.9:
            out.timeouts['wang'] += 1
        else:
            out.fail('unknown', '%s: UNKNOWN without a limit' % label)
        return None
    if r.stderr.strip():
        out.fail('stderr', '%s: unexpected diagnostics: %s' % (label, r.stderr.strip()[:300]))
    if answer == 'sat':
        out.counts['model'] += 1
        if not C.satisfies(clauses, model):
            out.fail('invalid-model', '%s: the model falsifies a clause' % label)
            return None
        return 'sat'
    if proof and ctx.wang_check:
        c = runner.run([ctx.wang_check, path, proof_path], ctx.timeout * 3 + 10, memory_mib=None)
        if c.not_started:
            out.timeouts['not-started'] += 1
            return 'unsat'
        out.counts['proof'] += 1
        if c.timed_out:
            out.timeouts['wang-check'] += 1
        elif c.returncode != 0 or 's VERIFIED' not in c.stdout:
            out.fail('proof', '%s: wang-check rejects the proof: %s' % (label, (c.stdout + c.stderr).strip()[-300:]))
    try:
        os.unlink(proof_path)
    except OSError:
        pass
    return 'unsat'


def _peer_cnf(ctx, out, name, path, directory):
    if name == 'cadical':
        argv = [ctx.peers.path('cadical'), '-q', '-n', path]
    else:
        argv = [ctx.peers.path('minisat'), '-verb=0', path, os.path.join(directory, 'minisat.out')]
    r = runner.run(argv, ctx.timeout)
    out.log.append(r.describe())
    if r.timed_out:
        out.timeouts[name] += 1
        return None
    answer = {10: 'sat', 20: 'unsat'}.get(r.returncode)
    if answer is None:
        out.log.append('%s: exit %s' % (name, r.returncode))
        return None
    out.counts[name] += 1
    return answer


def check_cnf(text, ctx, rng, out=None):
    """Runs every CNF check on DIMACS `text`; returns the Outcome."""
    out = out or Outcome('cnf', None)
    nvars, clauses = C.parse_dimacs(text)
    out.files['input.cnf'] = text
    verdicts = []  # (party, answer)
    truth = None
    bf = C.brute_force(nvars, clauses, ctx.brute_vars)
    if bf is not None:
        out.counts['brute'] += 1
        truth = bf[0]
        verdicts.append(('brute force', bf[0]))
    with tempfile.TemporaryDirectory(dir=ctx.workdir, prefix='fuzz-cnf-') as d:
        path = _write(d, 'input.cnf', text)
        base = _wang_cnf(ctx, out, path, clauses, [], 'default', d)
        if base:
            out.counts['wang'] += 1
            verdicts.append(('wang', base))
            if base == 'sat':
                truth = truth or 'sat'
        for k in range(ctx.option_runs):
            setting = O.sample(rng, ctx.options)
            label = 'options%d' % k
            out.log.append('%s: %s' % (label, ' '.join(O.argv(setting))))
            if rng.random() < 0.25:
                setting = setting + [('binary-proof', None)]
            a = _wang_cnf(ctx, out, path, clauses, setting, label, d, proof=rng.random() < 0.6)
            if a:
                out.counts['options'] += 1
                verdicts.append(('wang %s' % ' '.join(O.argv(setting)), a))
                if a == 'sat':
                    truth = truth or 'sat'
        peer_verdicts = []
        for name in ('cadical', 'minisat'):
            if ctx.peers.has(name):
                a = _peer_cnf(ctx, out, name, path, d)
                if a:
                    peer_verdicts.append((name, a))
    out.answers = [truth or (verdicts[0][1] if verdicts else None)]
    _judge(out, truth, verdicts, peer_verdicts, 'formula')
    return out


def _judge(out, truth, verdicts, peer_verdicts, what):
    """Failures for wang's verdicts against the truth (or against each other
    and the peers when nothing is proven); peer-wrong for the peers."""
    everything = verdicts + peer_verdicts
    if truth is None:
        answers = {a for _, a in everything}
        if len(answers) > 1:
            out.fail('disagreement', '%s: %s' % (what, ', '.join('%s says %s' % v for v in everything)))
        return
    for party, answer in verdicts:
        if answer != truth:
            if party == 'brute force':
                out.fail('reference', '%s: brute force says %s but a checked model exists' % (what, answer))
            else:
                out.fail('wrong-answer', '%s: %s answers %s, but it is %s' % (what, party, answer, truth))
    for party, answer in peer_verdicts:
        if answer != truth:
            out.peer_wrong.append('%s: %s answers %s, but it is %s' % (what, party, answer, truth))


# -- SMT ---------------------------------------------------------------------------------

def _is_error(resp):
    return isinstance(resp, list) and resp and resp[0] == 'error'


def parse_model(resp):
    """name -> (width, value) of a get-model response, or None if malformed."""
    if not isinstance(resp, list):
        return None
    if resp and resp[0] == 'model':
        resp = resp[1:]
    model = {}
    for d in resp:
        if not (isinstance(d, list) and len(d) == 5 and d[0] == 'define-fun' and d[2] == []):
            return None
        try:
            width = S.parse_sort(d[3])
        except S.ScriptError:
            return None
        v = sx.value_of(d[4])
        if v is None:
            return None
        if width == T.BOOL:
            if not isinstance(v, bool):
                return None
            model[sx.unquote(d[1])] = (width, v)
        else:
            if isinstance(v, bool) or v[0] != width:
                return None
            model[sx.unquote(d[1])] = (width, v[1])
    return model


def is_value_text(expr, width):
    """Whether `expr` is written as a value of its sort must be (SMT-LIB 2.6,
    4.2.6): true or false, or #b with one digit per bit."""
    if width == T.BOOL:
        return expr in ('true', 'false') and not isinstance(expr, sx.String)
    return (isinstance(expr, sx.Symbol) and not isinstance(expr, sx.String) and expr.startswith('#b')
            and len(expr) == width + 2)


def _value(v, width):
    if width == T.BOOL:
        return v if isinstance(v, bool) else None
    if isinstance(v, tuple) and v[0] == width:
        return v[1]
    return None


class _Responses:
    """A solver's responses to a script with :print-success, one per command."""

    def __init__(self, text):
        try:
            self.items = sx.parse(text)
            self.error = None
        except sx.SexpError as e:
            self.items = []
            self.error = str(e)


def _query_unsat_by_brute(ctx, terms_):
    bf = T.brute_force(terms_, ctx.brute_bits)
    return None if bf is None else bf[0] == 'unsat'


def _z3_flat_unsat(ctx, out, terms_, d, label):
    if not ctx.peers.has('z3'):
        return None
    text, _ = S.flat_query(terms_, binary=False)
    path = _write(d, '%s.smt2' % label, text)
    r = runner.run([ctx.peers.path('z3'), path], ctx.timeout)
    if r.timed_out:
        out.timeouts['z3'] += 1
        return None
    answer = r.stdout.strip()
    return {'unsat': True, 'sat': False}.get(answer)


def _usable_response(out, where, item, applicable, unanswered, needs_list):
    """Whether the response to a get-* command is one to check further.  A
    command that does not apply after the last answer must be an error (any
    response is accepted when a timed-out check left no answer); one that
    applies must not be."""
    if not applicable:
        if not _is_error(item) and not unanswered:
            out.fail('bad-output', '%s: answered %s' % (where, sx.to_text(item)[:200]))
        return False
    if _is_error(item) or (needs_list and not isinstance(item, list)):
        out.fail('error-response', '%s: %s' % (where, sx.to_text(item)[:300]))
        return False
    return True


def _wang_smt(ctx, out, script, path, setting, label, brute, d):
    """Runs wang on the script; returns the list of answers of its checks
    (None where unknown or broken) and, per check, a verified model env."""
    stdin = ('stdin', None) in setting
    setting = [s for s in setting if s[0] != 'stdin']
    argv = [ctx.wang, '-t', str(ctx.timeout), '--memory-limit', str(ctx.wang_memory)] + O.argv(setting)
    if stdin:
        # the script on a pipe, as an interactive client would send it
        argv += ['--lang', 'smt2', '-']
        with open(path) as f:
            r = runner.run(argv, ctx.timeout + 10, stdin_text=f.read(), memory_mib=None)
    else:
        r = runner.run(argv + [path], ctx.timeout + 10, memory_mib=None)
    out.log.append(r.describe())
    out.files['wang-%s.out' % label] = r.stdout + ('\n--- stderr ---\n' + r.stderr if r.stderr else '')
    checks = script.checks
    answers = [None] * len(checks)
    models = [None] * len(checks)
    # per check: unknown because of rejected commands, and the response to
    # a (get-info :reason-unknown) right after it; and whether the run
    # reached its time limit
    incomplete = [False] * len(checks)
    reasons = [None] * len(checks)
    out.incomplete[label] = (incomplete, reasons, False)
    if r.not_started:
        out.timeouts['not-started'] += 1
        return answers, models
    crash = r.crash()
    if crash:
        out.fail('crash', '%s: %s' % (label, crash))
        return answers, models
    if r.returncode != 0 and not r.timed_out:
        out.fail('exit-code', '%s: exit code %s' % (label, r.returncode))
    slow = r.timed_out or r.seconds >= ctx.timeout * 0.9
    out.incomplete[label] = (incomplete, reasons, slow)
    diagnostics = r.stderr.strip()
    if any(c.rejected for c in script.commands):
        # what wang answers `unsupported` is explained on stderr
        diagnostics = '\n'.join(line for line in diagnostics.splitlines() if 'not supported' not in line)
    if diagnostics and not slow:
        out.fail('stderr', '%s: unexpected diagnostics: %s' % (label, diagnostics[:300]))
    resp = _Responses(r.stdout)
    if resp.error:
        out.fail('bad-output', '%s: unreadable responses: %s' % (label, resp.error))
        return answers, models
    items = resp.items
    if len(items) != len(script.commands) and not slow:
        out.fail('bad-output', '%s: %d responses to %d commands' % (label, len(items), len(script.commands)))
    check_no = {id(c): k for k, c in enumerate(checks)}
    model_env = [None] * len(checks)
    for i, cmd in enumerate(script.commands):
        if i >= len(items):
            break
        item = items[i]
        where = '%s: command %d (%s)' % (label, i + 1, cmd.kind or 'text')
        if cmd.rejected:
            out.counts['rejected'] += 1
            if not _is_error(item) and item != 'unsupported':
                out.fail('accepted-rejected', '%s: answered %s, but wang must reject it (%s)'
                         % (where, sx.to_text(item)[:200], cmd.rejected))
            continue
        if cmd.is_check:
            k = check_no[id(cmd)]
            if item in cmd.unsound:
                out.fail('unsound-answer', '%s: %s after rejected commands that make it unsound (the first at %d:%d)'
                         % (where, item, *cmd.first_mark_against(str(item)).position))
            elif item in ('sat', 'unsat'):
                answers[k] = str(item)
            elif item == 'unknown':
                if cmd.unsound:
                    out.counts['incomplete-unknown'] += 1
                    incomplete[k] = True
                elif slow:
                    out.timeouts['wang'] += 1
                else:
                    out.fail('unknown', '%s: unknown without a limit' % where)
            else:
                out.fail('bad-output', '%s: response %s' % (where, sx.to_text(item)[:200]))
            continue
        check = script.commands[cmd.check_index] if cmd.check_index is not None else None
        k = check_no[id(check)] if check is not None else None
        status = answers[k] if k is not None else None
        if cmd.kind == 'get-info' and cmd.expr[1:] == [':reason-unknown'] and k is not None:
            if status is not None and not _is_error(item):
                out.fail('bad-output', '%s: answered %s after %s' % (where, sx.to_text(item)[:200], status))
            reasons[k] = item
            continue
        if cmd.kind in ('get-model', 'get-value'):
            if _usable_response(out, where, item, status == 'sat', slow and status is None, False):
                if cmd.kind == 'get-model':
                    _check_model(out, where, item, check, k, model_env)
                else:
                    _check_values(out, where, item, cmd, model_env[k] if k is not None else None)
            continue
        if cmd.kind == 'get-unsat-assumptions':
            applicable = status == 'unsat' and check.kind == 'check-sat-assuming'
            if _usable_response(out, where, item, applicable, slow and status is None, True):
                _check_unsat_assumptions(ctx, out, where, item, check, d)
            continue
        if cmd.kind == 'get-unsat-core':
            applicable = status == 'unsat' and script.options.get(':produce-unsat-cores') == 'true'
            if _usable_response(out, where, item, applicable, slow and status is None, True):
                _check_unsat_core(ctx, out, where, item, check, d)
            continue
        if _is_error(item) or item == 'unsupported':
            out.fail('error-response', '%s: %s' % (where, sx.to_text(item)[:300]))
        elif cmd.kind in ('echo', 'get-info', 'get-option', 'get-assertions', 'get-assignment'):
            pass
        elif item != 'success':
            out.fail('bad-output', '%s: expected success, got %s' % (where, sx.to_text(item)[:200]))
    for k, env in enumerate(model_env):
        if env is not None:
            models[k] = env
    return answers, models


def _check_model(out, where, item, check, k, model_env):
    model = parse_model(item)
    out.counts['model'] += 1
    if model is None:
        out.fail('bad-output', '%s: malformed model %s' % (where, sx.to_text(item)[:300]))
        return
    scope = check.scope_vars
    if set(model) != set(scope):
        out.fail('invalid-model', '%s: the model defines %s, the constants in scope are %s'
                 % (where, sorted(model), sorted(scope)))
    env = {}
    for definition in item[1:] if item and item[0] == 'model' else item:
        out.counts['value-format'] += 1
        if not is_value_text(definition[4], S.parse_sort(definition[3])):
            out.fail('value-format', '%s: %s is not written as a value' % (where, sx.to_text(definition)[:200]))
    for name, v in scope.items():
        if name in model:
            width, value = model[name]
            if width != v.width:
                out.fail('invalid-model', '%s: %s has the sort %s in the model' % (where, name, T.sort_text(width)))
                return
            env[name] = value
    query = check.active + check.assumptions
    try:
        values = T.evaluate(query, env)
    except T.Unbound as e:
        out.fail('invalid-model', '%s: no value for %s' % (where, e))
        return
    bad = [i for i, v in enumerate(values) if v is not True]
    if bad:
        which = 'assertion' if bad[0] < len(check.active) else 'assumption'
        out.fail('invalid-model', '%s: the model falsifies %s %d of the check' % (where, which, bad[0] + 1))
        return
    model_env[k] = env


def _check_values(out, where, item, cmd, env):
    if not isinstance(item, list) or len(item) != len(cmd.terms):
        out.fail('bad-output', '%s: malformed values %s' % (where, sx.to_text(item)[:300]))
        return
    for pair, t in zip(item, cmd.terms):
        out.counts['value-format'] += 1
        if not (isinstance(pair, list) and len(pair) == 2 and is_value_text(pair[1], t.width)):
            out.fail('value-format', '%s: %s is not a term and a value of its sort' % (where, sx.to_text(pair)[:200]))
    if env is None:
        return
    try:
        expected = T.evaluate(cmd.terms, env)
    except T.Unbound:
        return
    for j, (pair, t, e) in enumerate(zip(item, cmd.terms, expected)):
        out.counts['value'] += 1
        if not (isinstance(pair, list) and len(pair) == 2):
            out.fail('bad-output', '%s: malformed value pair %d' % (where, j + 1))
            continue
        got = _value(sx.value_of(pair[1]), t.width)
        if got is None or got != e:
            out.fail('wrong-value', '%s: term %d is %s, the reference evaluates it to %s'
                     % (where, j + 1, sx.to_text(pair[1]), S.sx.to_text(S.value_expr(e, t.width))))


def _spelling(expr):
    return sx.to_text(expr)


def _check_unsat_assumptions(ctx, out, where, item, check, d):
    written = {}
    for expr, term in zip(check.expr[1], check.assumptions):
        written.setdefault(_spelling(expr), term)
    subset = []
    for e in item:
        t = written.get(_spelling(e))
        if t is None:
            out.fail('bad-unsat-assumptions', '%s: %s is not an assumption' % (where, _spelling(e)[:200]))
            return
        subset.append(t)
    _check_unsat_subset(ctx, out, where, check.active + subset, d, 'unsat-assumptions')


def _check_unsat_core(ctx, out, where, item, check, d):
    by_name = {name: t for name, t in check.named_active if name}
    unnamed = [t for name, t in check.named_active if not name]
    core = []
    for e in item:
        name = sx.unquote(e) if not isinstance(e, list) else None
        if name not in by_name:
            out.fail('bad-unsat-core', '%s: %s is not a named assertion in scope' % (where, _spelling(e)[:200]))
            return
        core.append(by_name[name])
    _check_unsat_subset(ctx, out, where, unnamed + core, d, 'unsat-core')


def _check_unsat_subset(ctx, out, where, query, d, what):
    verdict = _query_unsat_by_brute(ctx, query)
    how = 'brute force'
    if verdict is None:
        verdict = _z3_flat_unsat(ctx, out, query, d, what)
        how = 'z3'
    if verdict is None:
        return
    out.counts[what] += 1
    if not verdict:
        out.fail('bad-' + what, '%s: the %s is satisfiable (by %s)' % (where, what.replace('-', ' '), how))


def _z3_check(ctx, out, script, d):
    """z3's answers per check and its models (env per check, or None)."""
    peer = S.z3_script(script)
    checks = script.checks
    if peer is None:
        return None, None
    out.files['z3.smt2'] = peer.text
    path = _write(d, 'z3.smt2', peer.text)
    r = runner.run([ctx.peers.path('z3'), path], ctx.timeout + 5)
    out.log.append(r.describe())
    out.files['z3.out'] = r.stdout + r.stderr
    resp = _Responses(r.stdout)
    answers = [None] * len(checks)
    envs = [None] * len(checks)
    if r.timed_out:
        out.timeouts['z3'] += 1
    if resp.error:
        return answers, envs
    for k, (ci, mi) in enumerate(peer.check_at):
        if not r.timed_out and (ci >= len(resp.items) or resp.items[ci] not in ('sat', 'unsat')):
            out.timeouts['z3-no-answer'] += 1
        if ci < len(resp.items) and resp.items[ci] in ('sat', 'unsat'):
            answers[k] = str(resp.items[ci])
            out.counts['z3'] += 1
            if answers[k] == 'sat' and mi < len(resp.items):
                model = parse_model(resp.items[mi])
                if model is not None:
                    envs[k] = {peer.names.get(n, n): v for n, (w, v) in model.items()}
    return answers, envs


def _boolector_check(ctx, out, check, d, k):
    """boolector's answer to one check, and after sat its model (env by
    the script's names, or None when it cannot be read)."""
    text, back = S.flat_query(check.active + check.assumptions, binary=True)
    out.files['boolector-%d.smt2' % k] = text
    path = _write(d, 'boolector-%d.smt2' % k, text)
    r = runner.run([ctx.peers.path('boolector'), '-m', path], ctx.timeout)
    out.log.append(r.describe())
    if r.timed_out:
        out.timeouts['boolector'] += 1
        return None, None
    # (boolector writes warnings, e.g. about a query without assertions, on stdout)
    lines = [line.strip() for line in r.stdout.splitlines()]
    at = next((i for i, line in enumerate(lines) if line in ('sat', 'unsat')), None)
    if at is None:
        out.log.append('boolector: %s' % (r.stdout + r.stderr).strip()[:200])
        out.timeouts['boolector-no-answer'] += 1
        return None, None
    out.counts['boolector'] += 1
    if lines[at] == 'unsat':
        return 'unsat', None
    return 'sat', _boolector_model(lines[at + 1:], back, check)


def _boolector_model(lines, back, check):
    """`name bits` lines (boolector's -m output) as an env, or None."""
    env = {}
    for line in lines:
        parts = line.split()
        if len(parts) != 2 or parts[0] not in back or set(parts[1]) - set('01'):
            return None
        name = back[parts[0]]
        var = check.scope_vars.get(name)
        if var is None:
            return None
        env[name] = parts[1] == '1' if var.width == T.BOOL else int(parts[1], 2)
    return env


def _model_proves_sat(check, env):
    """Whether env (possibly partial: missing constants default to 0)
    satisfies the check, by the reference evaluator."""
    if env is None:
        return False
    full = {}
    for name, v in check.scope_vars.items():
        value = env.get(name, False if v.width == T.BOOL else 0)
        full[name] = value
    try:
        return all(x is True for x in T.evaluate(check.active + check.assumptions, full))
    except T.Unbound:
        return False


def check_expected_output(text, expected, kind, ctx, out):
    """wang on `text` (on stdin, so that messages name <stdin>) must print
    exactly `expected`, without crashing, with and without the
    sampled-option runs' flags."""
    out.files['input.' + ('cnf' if kind == 'cnf' else 'smt2')] = text
    out.files['expected'] = expected
    lang = ['--lang', 'dimacs', '-q'] if kind == 'cnf' else ['--lang', 'smt2']
    for label, extra in (('default', []), ('check-models', ['--check-models'])):
        argv = [ctx.wang, '-t', str(ctx.timeout), '--memory-limit', str(ctx.wang_memory)] + lang + extra + ['-']
        r = runner.run(argv, ctx.timeout + 10, stdin_text=text, memory_mib=None)
        out.log.append(r.describe())
        out.files['wang-%s.out' % label] = r.stdout + ('\n--- stderr ---\n' + r.stderr if r.stderr else '')
        out.counts['expected-output'] += 1
        crash = r.crash()
        if crash:
            out.fail('crash', '%s: %s' % (label, crash))
        elif r.stdout != expected:
            out.fail('expected-output', '%s: the output differs from the .expected file' % label)
    return out


def check_smt(text, ctx, rng, out=None, use_peers=True):
    """Runs every SMT check on the script `text`; returns the Outcome."""
    out = out or Outcome('smt', None)
    run_text = SMT_PREFIX + text
    out.files['input.smt2'] = run_text
    try:
        script = S.read(run_text, rejections=True)
    except S.ScriptError as e:
        out.fail('unreadable', 'the fuzzer cannot read the script: %s' % e)
        return out
    checks = script.checks
    truth = [None] * len(checks)
    brute = [None] * len(checks)
    for k, c in enumerate(checks):
        bf = T.brute_force(c.active + c.assumptions, ctx.brute_bits)
        if bf is not None:
            out.counts['brute'] += 1
            brute[k] = bf[0]
            truth[k] = bf[0]
    verdicts = [[] for _ in checks]
    peer_verdicts = [[] for _ in checks]
    for k in range(len(checks)):
        if brute[k]:
            verdicts[k].append(('brute force', brute[k]))
    with tempfile.TemporaryDirectory(dir=ctx.workdir, prefix='fuzz-smt-') as d:
        path = _write(d, 'input.smt2', run_text)
        settings = [('default', [])]
        for j in range(ctx.option_runs):
            setting = O.sample(rng, ctx.options)
            if rng.random() < 0.5:
                # also re-solve unsat cores and failed assumptions
                setting.append(('check-models', None))
            if rng.random() < 0.3:
                setting.append(('stdin', None))
            settings.append(('options%d' % j, setting))
        for label, setting in settings:
            spelled = ' '.join(O.argv([s for s in setting if s[0] != 'stdin']))
            if ('stdin', None) in setting:
                spelled += ' --lang smt2 - < input.smt2'
            if setting:
                out.log.append('%s: %s' % (label, spelled))
            answers, models = _wang_smt(ctx, out, script, path, setting, label, brute, d)
            party = 'wang' + ('' if not setting else ' ' + spelled)
            out.counts['wang' if not setting else 'options'] += 1
            for k, a in enumerate(answers):
                if a:
                    verdicts[k].append((party, a))
                    if models[k] is not None:
                        truth[k] = truth[k] or 'sat'
            if label == 'default':
                out.answers = answers
            if out.failures and any(c == 'crash' for c, _ in out.failures):
                break
        if use_peers and ctx.peers.has('z3'):
            z3_answers, z3_models = _z3_check(ctx, out, script, d)
            if z3_answers:
                for k, a in enumerate(z3_answers):
                    if a:
                        peer_verdicts[k].append(('z3', a))
                        if a == 'sat' and truth[k] is None and _model_proves_sat(checks[k], z3_models[k]):
                            truth[k] = 'sat'
        if use_peers and ctx.peers.has('boolector'):
            for k, c in enumerate(checks[:ctx.max_boolector_checks]):
                a, env = _boolector_check(ctx, out, c, d, k)
                if a == 'sat' and env is not None:
                    # Its model decides: it proves sat, or boolector is wrong.
                    if _model_proves_sat(c, env):
                        out.counts['boolector-model'] += 1
                        truth[k] = truth[k] or 'sat'
                    else:
                        out.peer_wrong.append('check %d: boolector answers sat with a model that violates it' % (k + 1))
                        continue
                if a:
                    peer_verdicts[k].append(('boolector', a))
    for k in range(len(checks)):
        _judge(out, truth[k], verdicts[k], peer_verdicts[k], 'check %d' % (k + 1))
    _check_incomplete(out, checks, truth)
    return out


def _stopped_by_limit(reason):
    """Whether a :reason-unknown response names the time or memory limit
    (docs/smtlib.md), which the fuzzer's -t and --memory-limit set."""
    return (isinstance(reason, list) and len(reason) == 2 and reason[0] == ':reason-unknown'
            and reason[1] in ('timeout', 'memout'))


def _check_incomplete(out, checks, truth):
    """The checks that wang answered unknown because of rejected commands:
    the answer must have been unsound (a provable answer outside
    Command.unsound must be given), and :reason-unknown must name the first
    rejected command in force against the answer suppressed, or, when no
    answer is sound, the first in force."""
    for label, (incomplete, reasons, slow) in out.incomplete.items():
        for k, check in enumerate(checks):
            if not incomplete[k]:
                continue
            where = '%s: check %d' % (label, k + 1)
            if slow and _stopped_by_limit(reasons[k]):
                # wang reached its limit before any answer: its unknown says
                # so, and a time-out is not a failure.
                out.timeouts['wang'] += 1
                continue
            if truth[k] is not None and truth[k] not in check.unsound:
                out.fail('needless-unknown', '%s: unknown, though %s is sound and true' % (where, truth[k]))
            reason = reasons[k]
            if reason is None:
                continue
            out.counts['reason-unknown'] += 1
            unsound = check.unsound
            first = check.marks[0] if len(unsound) == 2 else check.first_mark_against(unsound.pop())
            expected = [first]
            text = sx.to_text(reason)
            if not (isinstance(reason, list) and len(reason) == 2 and reason[0] == ':reason-unknown'
                    and isinstance(reason[1], sx.String) and reason[1].startswith('incomplete: ')
                    and any(':%d:%d ' % m.position in reason[1] for m in expected)):
                out.fail('bad-reason-unknown', '%s: %s does not name the rejected command at %s'
                         % (where, text[:300], ' or '.join('%d:%d' % m.position for m in expected)))
