"""The command line of scripts/fuzz: generate cases from seeds, check them,
save what fails, print a summary."""

import argparse
import collections
import multiprocessing
import os
import random
import resource
import sys
import time

from . import checks as K
from . import options as O
from . import cnf as C
from . import runner
from . import smtgen

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PEERS = ('z3', 'boolector', 'cadical', 'minisat')


def case_kind(kind, seed):
    """The kind of the case of `seed`: with --kind all, even seeds are CNF
    and odd seeds SMT, so that any case can be rerun on its own."""
    if kind != 'all':
        return kind
    return 'cnf' if seed % 2 == 0 else 'smt'


def make_cnf(seed, family=None, small=None):
    rng = random.Random('cnf-%d' % seed)
    fam, nv, cl = C.generate(rng, family, small)
    if rng.random() < 0.8:
        nv, cl = C.perturb(rng, nv, cl)
    label = fam
    return label, C.dimacs(nv, cl, rng, comment='wang fuzz seed %d family %s' % (seed, fam))


def make_smt(seed, profile=None):
    profile, text = smtgen.generate(seed, profile)
    return profile, '; wang fuzz seed %d profile %s\n' % (seed, profile) + text


def _limit_memory(mib):
    # Only the soft limit: solvers started from here may raise it again
    # (sanitizer builds reserve terabytes of address space).
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mib << 20
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


_context = None
_config = None


def _init_worker(config):
    global _context, _config
    _config = config
    _limit_memory(config['python_memory'])
    runner.CHILD_MEMORY_MIB = config['child_memory']
    peers = runner.Peers([p for p in PEERS if p in config['peers']])
    _context = K.Context(config['wang'], config['wang_check'], peers, timeout=config['timeout'],
                         option_runs=config['option_runs'], brute_bits=config['brute_bits'],
                         workdir=config['workdir'])


def run_case(seed):
    """Generates and checks the case of `seed`; returns a summary dict."""
    kind = case_kind(_config['kind'], seed)
    start = time.monotonic()
    cpu = resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    rng = random.Random('check-%d' % seed)
    try:
        if kind == 'cnf':
            label, text = make_cnf(seed, _config.get('family'), _config.get('small'))
            out = K.Outcome('cnf', seed, label)
            K.check_cnf(text, _context, rng, out)
        else:
            label, text = make_smt(seed, _config.get('profile'))
            out = K.Outcome('smt', seed, label)
            K.check_smt(text, _context, rng, out, use_peers=True)
    except MemoryError:
        out = K.Outcome(kind, seed, 'memory')
        out.timeouts['fuzzer-memory'] += 1
    cpu2 = resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    return _summary(out, kind, seed, time.monotonic() - start, cpu2 - cpu)


def replay_file(path):
    """Checks an existing file (DIMACS or SMT-LIB) like a generated case.
    A file with a sibling PATH-without-suffix.expected (a script that is
    malformed on purpose, say) is instead run on stdin and its output
    compared with that file."""
    with open(path, errors='replace') as f:
        text = f.read()
    rng = random.Random('check-%s' % os.path.basename(path))
    kind = 'smt' if path.endswith(('.smt2', '.smt')) or text.lstrip().startswith(('(', ';')) else 'cnf'
    out = K.Outcome(kind, None, os.path.basename(path))
    expected = os.path.splitext(path)[0] + '.expected'
    if os.path.exists(expected):
        with open(expected, errors='replace') as f:
            K.check_expected_output(text, f.read(), kind, _context, out)
    elif kind == 'cnf':
        K.check_cnf(text, _context, rng, out)
    else:
        if text.startswith(K.SMT_PREFIX):
            text = text[len(K.SMT_PREFIX):]
        K.check_smt(text, _context, rng, out)
    return _summary(out, kind, path, 0, 0)


def _summary(out, kind, seed, seconds, cpu):
    result = {'kind': kind, 'seed': seed, 'label': out.label, 'counts': dict(out.counts),
              'timeouts': dict(out.timeouts), 'failures': out.failures, 'peer_wrong': out.peer_wrong,
              'seconds': seconds, 'cpu': cpu, 'answers': out.answers}
    if out.failures or out.peer_wrong:
        result['files'] = out.files
        result['log'] = out.log
    return result


def save(result, out_dir, argv0):
    """Writes a failing case into out_dir/KIND-SEED-CATEGORY/."""
    category = result['failures'][0][0] if result['failures'] else 'peer-wrong'
    seed = result['seed']
    name = '%s-%s-%s' % (result['kind'], seed if isinstance(seed, int) else os.path.basename(str(seed)), category)
    base = out_dir if result['failures'] else os.path.join(out_dir, 'peer-wrong')
    directory = os.path.join(base, name)
    os.makedirs(directory, exist_ok=True)
    for fname, text in result.get('files', {}).items():
        with open(os.path.join(directory, fname), 'w') as f:
            f.write(text)
    with open(os.path.join(directory, 'README.txt'), 'w') as f:
        f.write('kind: %s\nseed: %s\nprofile/family: %s\n' % (result['kind'], seed, result['label']))
        if isinstance(seed, int):
            f.write('reproduce: %s --kind %s --seed %d --count 1\n' % (argv0, result['kind'], seed))
        inp = 'input.cnf' if result['kind'] == 'cnf' else 'input.smt2'
        f.write('replay the saved input: %s --replay %s\n\n' % (argv0, os.path.join(directory, inp)))
        for cat, msg in result['failures']:
            f.write('FAILURE %s: %s\n' % (cat, msg))
        for msg in result['peer_wrong']:
            f.write('PEER WRONG: %s\n' % msg)
        f.write('\nruns:\n')
        for line in result.get('log', []):
            f.write('  %s\n' % line)
    return directory


class Totals:
    def __init__(self):
        self.cases = collections.Counter()
        self.checks = {'cnf': collections.Counter(), 'smt': collections.Counter()}
        self.timeouts = collections.Counter()
        self.failures = 0
        self.failed_cases = []
        self.peer_wrong = 0
        self.labels = {'cnf': collections.Counter(), 'smt': collections.Counter()}
        self.answers = {'cnf': collections.Counter(), 'smt': collections.Counter()}
        self.cpu = 0.0

    def add(self, r):
        kind = r['kind']
        self.cases[kind] += 1
        self.checks[kind].update(r['counts'])
        self.timeouts.update(r['timeouts'])
        self.labels[kind][r['label']] += 1
        for a in r['answers']:
            self.answers[kind][a or 'none'] += 1
        self.cpu += r['cpu']
        if r['failures']:
            self.failures += 1
            self.failed_cases.append(r)
        if r['peer_wrong']:
            self.peer_wrong += 1

    def lines(self, seconds):
        out = []
        for kind in ('cnf', 'smt'):
            if self.cases[kind]:
                checks = ', '.join('%s %d' % kv for kv in sorted(self.checks[kind].items()))
                labels = ', '.join('%s %d' % kv for kv in sorted(self.labels[kind].items()))
                answers = ', '.join('%s %d' % kv for kv in sorted(self.answers[kind].items()))
                out.append('fuzz: %s: %d cases (%s); answers: %s; checks: %s'
                           % (kind, self.cases[kind], labels, answers, checks))
        if self.timeouts:
            out.append('fuzz: time-outs and peers without an answer (not failures): %s'
                       % ', '.join('%s %d' % kv for kv in sorted(self.timeouts.items())))
        out.append('fuzz: %d cases (cnf %d, smt %d) in %.0f s (%.1f s CPU); %d failures; %d peer-wrong'
                   % (sum(self.cases.values()), self.cases['cnf'], self.cases['smt'], seconds, self.cpu,
                      self.failures, self.peer_wrong))
        return out


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog='fuzz', description='Differential fuzzing of wang: random CNF formulas and QF_BV scripts checked '
        'against brute force, against wang under sampled search options, and against z3, boolector, cadical '
        'and minisat when installed (see docs/fuzzing.md).  Exit code 1 when a case failed.')
    p.add_argument('--seed', type=int, default=None, help='first seed (default: from the clock)')
    p.add_argument('--count', type=int, help='number of cases')
    p.add_argument('--seconds', type=float, help='run for this long')
    p.add_argument('--hours', type=float, help='run for this long')
    p.add_argument('--kind', choices=('cnf', 'smt', 'all'), default='all',
                   help='default all: even seeds CNF, odd seeds SMT')
    p.add_argument('--wang', default=os.path.join(TOP, 'build', 'wang'), help='default build/wang')
    p.add_argument('--wang-check', default=None, help='default: wang-check next to wang')
    p.add_argument('--jobs', type=int, default=1, help='cases checked in parallel')
    p.add_argument('--out', default=os.path.join(TOP, 'fuzz-failures'), help='where failing cases go')
    p.add_argument('--peers', default=','.join(PEERS),
                   help='comma-separated peers to use when installed (default all; "none" for none)')
    p.add_argument('--option-runs', type=int, default=2, help='wang runs with sampled options per case')
    p.add_argument('--timeout', type=float, default=20.0, help='seconds per solver run')
    p.add_argument('--brute-bits', type=int, default=14, help='largest SMT input to enumerate (bits, default 14)')
    p.add_argument('--profile', choices=smtgen.PROFILES, help='only this SMT profile')
    p.add_argument('--family', choices=sorted(set(C.FAMILIES)), help='only this CNF family')
    p.add_argument('--small', action='store_true', help='only CNF formulas small enough for brute force')
    p.add_argument('--replay', nargs='+', metavar='FILE', help='check these files instead of generated cases')
    p.add_argument('--verbose', '-v', action='store_true', help='one line per case')
    p.add_argument('--memory', type=int, default=4096, help='MiB of memory for the fuzzer and for each solver')
    args = p.parse_args(argv)
    if sum(x is not None for x in (args.count, args.seconds, args.hours)) > 1:
        p.error('give one of --count, --seconds, --hours')
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    sys.setrecursionlimit(100000)
    wang = os.path.abspath(args.wang)
    if not os.access(wang, os.X_OK):
        print('fuzz: %s is not an executable; build it first (cmake --build build)' % wang, file=sys.stderr)
        return 2
    wang_check = args.wang_check or os.path.join(os.path.dirname(wang), 'wang-check')
    if not os.access(wang_check, os.X_OK):
        wang_check = None
    peers = [] if args.peers == 'none' else [p for p in args.peers.split(',') if p]
    found = runner.Peers(peers)
    seed = args.seed if args.seed is not None else int(time.time()) % 1000000
    duration = args.seconds if args.seconds is not None else (args.hours * 3600 if args.hours is not None else None)
    count = args.count if args.count is not None else (None if duration is not None else 100)
    config = {'wang': wang, 'wang_check': wang_check, 'peers': found.names(), 'timeout': args.timeout,
              'option_runs': args.option_runs, 'brute_bits': args.brute_bits, 'kind': args.kind,
              'profile': args.profile, 'family': args.family, 'small': True if args.small else None,
              'workdir': None, 'python_memory': args.memory, 'child_memory': args.memory}
    argv0 = os.path.relpath(os.path.join(TOP, 'scripts', 'fuzz'))
    missing = [p for p in peers if p not in found.names()]
    try:
        solver_options = O.solver_options(wang)
    except RuntimeError as error:
        print('fuzz: %s' % error, file=sys.stderr)
        return 2
    print('fuzz: wang %s (%d search options), wang-check %s, peers: %s%s' % (
        wang, len(solver_options), wang_check or 'none', ', '.join(found.names()) or 'none',
        ' (not installed: %s)' % ', '.join(missing) if missing else ''))
    start = time.monotonic()
    totals = Totals()

    def report(r):
        totals.add(r)
        if args.verbose:
            print('fuzz: %s %s %s: %s %.1fs %s' % (r['kind'], r['seed'], r['label'],
                                                  ' '.join(a or '?' for a in r['answers']), r['seconds'],
                                                  'FAIL' if r['failures'] else ''), flush=True)
        slow = {k: v for k, v in r['timeouts'].items() if k in ('wang', 'wang-check')}
        if slow:
            print('fuzz: time-out (not a failure) %s seed %s %s: %s' % (
                r['kind'], r['seed'], r['label'], ', '.join('%s %d' % kv for kv in sorted(slow.items()))), flush=True)
        if r['failures'] or r['peer_wrong']:
            directory = save(r, args.out, argv0)
            for cat, msg in r['failures'][:5]:
                print('fuzz: FAILURE %s seed %s: %s: %s' % (r['kind'], r['seed'], cat, msg), flush=True)
            for msg in r['peer_wrong'][:3]:
                print('fuzz: peer wrong %s seed %s: %s' % (r['kind'], r['seed'], msg), flush=True)
            print('fuzz:   saved in %s' % directory, flush=True)

    if args.replay:
        _init_worker(config)
        paths = []
        for path in args.replay:
            if os.path.isdir(path):
                paths += sorted(os.path.join(path, f) for f in os.listdir(path)
                                if f.endswith(('.cnf', '.smt2', '.smt')))
            else:
                paths.append(path)
        print('fuzz: replaying %d file(s)' % len(paths), flush=True)
        for path in paths:
            report(replay_file(path))
        for line in totals.lines(time.monotonic() - start):
            print(line)
        return 1 if totals.failures else 0

    print('fuzz: kind %s, seeds from %d, %s, %d job(s)' % (
        args.kind, seed, '%d cases' % count if count is not None else '%.0f s' % duration, args.jobs), flush=True)

    def seeds():
        k = 0
        while count is None or k < count:
            if duration is not None and time.monotonic() - start >= duration:
                return
            yield seed + k
            k += 1

    interrupted = False
    try:
        run_all(args, config, seeds, report)
    except KeyboardInterrupt:
        interrupted = True
        print('fuzz: interrupted', flush=True)
    for line in totals.lines(time.monotonic() - start):
        print(line)
    if totals.failures:
        print('fuzz: failing seeds: %s' % ' '.join('%s:%s' % (r['kind'], r['seed']) for r in totals.failed_cases))
    return 1 if totals.failures else (130 if interrupted else 0)


def run_all(args, config, seeds, report):
    """Runs the cases of `seeds`, in this process or in a pool."""
    if args.jobs <= 1:
        _init_worker(config)
        for s in seeds():
            report(run_case(s))
    else:
        with multiprocessing.Pool(args.jobs, _init_worker, (config,)) as pool:
            pending = []
            it = seeds()
            exhausted = False
            while True:
                while not exhausted and len(pending) < 2 * args.jobs:
                    try:
                        pending.append(pool.apply_async(run_case, (next(it),)))
                    except StopIteration:
                        exhausted = True
                if not pending:
                    break
                ready = [p for p in pending if p.ready()]
                if not ready:
                    time.sleep(0.05)
                    continue
                for p in ready:
                    pending.remove(p)
                    report(p.get())
