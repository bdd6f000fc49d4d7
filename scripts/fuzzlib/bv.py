"""Reference semantics of the SMT-LIB theory FixedSizeBitVectors and Core.

Written from the definitions of the SMT-LIB 2.6 standard (theory
FixedSizeBitVectors, logic QF_BV) and, for the overflow predicates, of
SMT-LIB 2.7.  A bit-vector of width m is a Python int in [0, 2^m); a Bool is
a Python bool.  The signed operations are spelled out the way the standard
defines them -- by case analysis on the sign bits over bvudiv, bvurem and
bvneg -- rather than through Python's own signed division, so that this
module is a second reading of the standard, not of any solver.
"""


def mask(m):
    return (1 << m) - 1


def msb(s, m):
    """The most significant bit, ((_ extract m-1 m-1) s), as 0 or 1."""
    return (s >> (m - 1)) & 1


def to_signed(s, m):
    """bv2int in two's complement."""
    return s - (1 << m) if msb(s, m) else s


def from_int(i, m):
    """nat2bv of i modulo 2^m (also for negative i)."""
    return i % (1 << m)


# -- Core arithmetic (unsigned, as the standard defines it via bv2nat) -----

def bvneg(s, m):
    return (-s) % (1 << m)


def bvnot(s, m):
    return s ^ mask(m)


def bvadd(s, t, m):
    return (s + t) % (1 << m)


def bvsub(s, t, m):
    # (bvsub s t) abbreviates (bvadd s (bvneg t))
    return bvadd(s, bvneg(t, m), m)


def bvmul(s, t, m):
    return (s * t) % (1 << m)


def bvudiv(s, t, m):
    # Division by zero: the standard (since 2.6) fixes the result to all ones.
    if t == 0:
        return mask(m)
    return s // t


def bvurem(s, t, m):
    # Remainder by zero: the dividend.
    if t == 0:
        return s
    return s % t


def bvshl(s, t, m):
    # nat2bv[m](bv2nat(s) * 2^bv2nat(t)); shifts of m or more give 0.
    if t >= m:
        return 0
    return (s << t) % (1 << m)


def bvlshr(s, t, m):
    if t >= m:
        return 0
    return s >> t


def bvsdiv(s, t, m):
    ms, mt = msb(s, m), msb(t, m)
    if ms == 0 and mt == 0:
        return bvudiv(s, t, m)
    if ms == 1 and mt == 0:
        return bvneg(bvudiv(bvneg(s, m), t, m), m)
    if ms == 0 and mt == 1:
        return bvneg(bvudiv(s, bvneg(t, m), m), m)
    return bvudiv(bvneg(s, m), bvneg(t, m), m)


def bvsrem(s, t, m):
    ms, mt = msb(s, m), msb(t, m)
    if ms == 0 and mt == 0:
        return bvurem(s, t, m)
    if ms == 1 and mt == 0:
        return bvneg(bvurem(bvneg(s, m), t, m), m)
    if ms == 0 and mt == 1:
        return bvurem(s, bvneg(t, m), m)
    return bvneg(bvurem(bvneg(s, m), bvneg(t, m), m), m)


def bvsmod(s, t, m):
    ms, mt = msb(s, m), msb(t, m)
    abs_s = s if ms == 0 else bvneg(s, m)
    abs_t = t if mt == 0 else bvneg(t, m)
    u = bvurem(abs_s, abs_t, m)
    if u == 0:
        return u
    if ms == 0 and mt == 0:
        return u
    if ms == 1 and mt == 0:
        return bvadd(bvneg(u, m), t, m)
    if ms == 0 and mt == 1:
        return bvadd(u, t, m)
    return bvneg(u, m)


def bvashr(s, t, m):
    if msb(s, m) == 0:
        return bvlshr(s, t, m)
    return bvnot(bvlshr(bvnot(s, m), t, m), m)


def rotate_left(i, s, m):
    i %= m
    if i == 0:
        return s
    return ((s << i) | (s >> (m - i))) & mask(m)


def rotate_right(i, s, m):
    i %= m
    if i == 0:
        return s
    return ((s >> i) | (s << (m - i))) & mask(m)


def extract(i, j, s):
    return (s >> j) & mask(i - j + 1)


def concat(parts):
    """parts: [(value, width)] from the most significant to the least."""
    value = 0
    for v, w in parts:
        value = (value << w) | v
    return value


def repeat(i, s, m):
    return concat([(s, m)] * i)


def zero_extend(i, s, m):
    return s


def sign_extend(i, s, m):
    if msb(s, m):
        return s | (mask(i) << m)
    return s


# -- Comparisons -----------------------------------------------------------

def bvult(s, t, m):
    return s < t


def bvslt(s, t, m):
    return to_signed(s, m) < to_signed(t, m)


# -- Overflow predicates of SMT-LIB 2.7 ---------------------------------------

def bvnego(s, m):
    # negation overflows exactly for the smallest signed value 10...0
    return s == 1 << (m - 1)


def bvuaddo(s, t, m):
    return s + t >= 1 << m


def _signed_out_of_range(i, m):
    return i < -(1 << (m - 1)) or i > (1 << (m - 1)) - 1


def bvsaddo(s, t, m):
    return _signed_out_of_range(to_signed(s, m) + to_signed(t, m), m)


def bvumulo(s, t, m):
    return s * t >= 1 << m


def bvsmulo(s, t, m):
    return _signed_out_of_range(to_signed(s, m) * to_signed(t, m), m)


def bvusubo(s, t, m):
    return s - t < 0


def bvssubo(s, t, m):
    return _signed_out_of_range(to_signed(s, m) - to_signed(t, m), m)


def bvsdivo(s, t, m):
    # the quotient of (-2^(m-1)) / (-1) is 2^(m-1), one too large
    return s == 1 << (m - 1) and t == mask(m)


# -- Values as SMT-LIB text ------------------------------------------------------

def literal(value, m):
    """#b... (or #x... when m is a multiple of 4)."""
    if m % 4 == 0:
        return '#x' + format(value, '0%dx' % (m // 4))
    return '#b' + format(value, '0%db' % m)


def binary_literal(value, m):
    return '#b' + format(value, '0%db' % m)
