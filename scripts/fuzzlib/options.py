"""The SAT core's search options, read from `wang --help` (which prints the
table of src/sat/options.def), and random settings of them.

Every one of them may change the search but never the answer, so each
sample is a valid configuration for the self-comparison.
"""

import math
import re

from . import runner

_OPTION = re.compile(r'^\s+--([\w-]+) N\s')
_RANGE = re.compile(r'\[\s*(-?\d+)\s*\.\.\s*(-?\d+),\s*default\s+(-?\d+)\s*\]')


class Option:
    def __init__(self, name, lo, hi, default):
        self.name = name
        self.lo = lo
        self.hi = hi
        self.default = default

    def __repr__(self):
        return 'Option(%s, %d..%d, %d)' % (self.name, self.lo, self.hi, self.default)


def parse_help(text):
    """The options of the "Solver options" section of --help (descriptions
    may wrap over several lines; the range closes each entry)."""
    options = []
    section = text.split('Solver options', 1)
    if len(section) < 2:
        return options
    current = None
    buffer = ''
    for line in section[1].splitlines():
        m = _OPTION.match(line)
        if m:
            current = m.group(1)
            buffer = line
        elif current:
            buffer += ' ' + line.strip()
        if current:
            r = _RANGE.search(buffer)
            if r:
                options.append(Option(current, int(r.group(1)), int(r.group(2)), int(r.group(3))))
                current = None
                buffer = ''
    return options


_cache = {}


def solver_options(wang):
    """The options of `wang --help`; an error when there are none (a
    sanitizer build under load can take long to start: three tries)."""
    if wang not in _cache:
        for timeout in (60, 300, 600):
            result = runner.run([wang, '--help'], timeout=timeout, memory_mib=None)
            found = parse_help(result.stdout)
            if found:
                break
        else:
            raise RuntimeError('%s --help lists no solver options (exit %s)' % (wang, result.returncode))
        _cache[wang] = found
    return _cache[wang]


def sample_value(rng, option):
    """Extremes, the default, small values (which make intervals fire on
    tiny formulas) and log-uniform values in between."""
    lo, hi = option.lo, option.hi
    r = rng.random()
    if hi - lo <= 2:
        return rng.randint(lo, hi)
    if r < 0.25:
        return lo
    if r < 0.35:
        return hi
    if r < 0.45:
        return option.default
    if r < 0.7:
        return rng.randint(lo, min(hi, lo + 10))
    span = max(hi - lo, 1)
    return min(hi, lo + int(math.exp(rng.random() * math.log(span + 1))) - 1)


def sample(rng, options, count=None):
    """A list of (name, value): a few options, or with some luck many."""
    if not options:
        return []
    if count is None:
        count = rng.choice([1, 2, 3, 4, 6, len(options)])
    chosen = rng.sample(options, min(count, len(options)))
    return [(o.name, sample_value(rng, o)) for o in chosen]


def argv(setting):
    args = []
    for name, value in setting:
        args += ['--%s' % name] if value is None else ['--%s' % name, str(value)]
    return args
