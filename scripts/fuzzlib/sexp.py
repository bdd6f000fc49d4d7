"""S-expressions of SMT-LIB text and of solver responses.

An atom is a `Symbol` (a str subclass; also keywords, numerals, #b/#x
literals and the text of |quoted| symbols kept with their bars) or a `String`
(a string literal, without the quotes).  A list is a Python list.  The reader
is iterative, so thousands of nesting levels are fine.
"""


class Symbol(str):
    """A symbol, keyword, numeral, decimal or bit-vector literal, spelled as in the input."""

    __slots__ = ()


class String(str):
    """The content of a string literal ("" unescaped to ")."""

    __slots__ = ()


class SexpError(ValueError):
    pass


_DELIMITERS = set('()";| \t\r\n')


def parse(text, positions=None):
    """All s-expressions of `text`, in order.  Raises SexpError when malformed.
    With a list `positions`, the (line, column) of each one's first
    character is appended to it, 1-based, as wang reports them."""
    result = []
    stack = [result]
    starts = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if len(stack) == 1 and c not in ' \t\r\n;)':
            starts.append(i)
        if c in ' \t\r\n':
            i += 1
        elif c == ';':
            j = text.find('\n', i)
            i = n if j < 0 else j + 1
        elif c == '(':
            new = []
            stack[-1].append(new)
            stack.append(new)
            i += 1
        elif c == ')':
            if len(stack) == 1:
                raise SexpError(f"unbalanced ')' at offset {i}")
            stack.pop()
            i += 1
        elif c == '"':
            j = i + 1
            parts = []
            while True:
                k = text.find('"', j)
                if k < 0:
                    raise SexpError(f"unterminated string at offset {i}")
                parts.append(text[j:k])
                if k + 1 < n and text[k + 1] == '"':
                    parts.append('"')
                    j = k + 2
                else:
                    i = k + 1
                    break
            stack[-1].append(String(''.join(parts)))
        elif c == '|':
            k = text.find('|', i + 1)
            if k < 0:
                raise SexpError(f"unterminated quoted symbol at offset {i}")
            stack[-1].append(Symbol(text[i:k + 1]))
            i = k + 1
        else:
            j = i
            while j < n and text[j] not in _DELIMITERS:
                j += 1
            stack[-1].append(Symbol(text[i:j]))
            i = j
    if len(stack) != 1:
        raise SexpError("unbalanced '(' at the end of the input")
    if positions is not None:
        positions.extend(_line_and_column(text, starts))
    return result


def _line_and_column(text, offsets):
    line, line_start, at = 1, 0, 0
    for offset in offsets:
        while True:
            k = text.find('\n', at, offset)
            if k < 0:
                break
            line, line_start, at = line + 1, k + 1, k + 1
        yield line, offset - line_start + 1


def to_text(expr):
    """SMT-LIB text of an s-expression (iterative)."""
    out = []
    stack = [expr]
    while stack:
        item = stack.pop()
        if item is _CLOSE:
            out.append(')')
        elif isinstance(item, list):
            out.append('(')
            stack.append(_CLOSE)
            for k in range(len(item) - 1, -1, -1):
                stack.append(item[k])
                if k > 0:
                    stack.append(_SPACE)
        elif item is _SPACE:
            out.append(' ')
        elif isinstance(item, String):
            out.append('"' + item.replace('"', '""') + '"')
        else:
            out.append(str(item))
    return ''.join(out)


_CLOSE = object()
_SPACE = object()


def unquote(symbol):
    """The name of a symbol: |a b| -> a b."""
    if len(symbol) >= 2 and symbol[0] == '|' and symbol[-1] == '|':
        return symbol[1:-1]
    return str(symbol)


def bv_literal(atom):
    """(width, value) of #b.../#x..., or None."""
    if not isinstance(atom, Symbol) or isinstance(atom, String):
        return None
    if atom.startswith('#b') and len(atom) > 2 and set(atom[2:]) <= {'0', '1'}:
        return len(atom) - 2, int(atom[2:], 2)
    if atom.startswith('#x') and len(atom) > 2:
        try:
            return 4 * (len(atom) - 2), int(atom[2:], 16)
        except ValueError:
            return None
    return None


def value_of(expr):
    """A value term of a response: True/False, or (width, value) for bit-vectors
    (#b, #x or (_ bvN W)); None when it is not a value."""
    if isinstance(expr, list):
        if len(expr) == 3 and expr[0] == '_' and isinstance(expr[1], str) and expr[1].startswith('bv') \
                and expr[1][2:].isdigit() and expr[2].isdigit():
            width = int(expr[2])
            return width, int(expr[1][2:]) % (1 << width)
        return None
    if isinstance(expr, String):
        return None
    if expr == 'true':
        return True
    if expr == 'false':
        return False
    return bv_literal(expr)
