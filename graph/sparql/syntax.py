"""What a query says before any engine runs it: its kind, its variables, its parameters
(``VALUES ?x { default }``), and its syntax errors, readably, the same on every engine.

The syntax is checked by Oxigraph's parser (on an empty in-memory store, so nothing is
read or fetched); its positions are turned into the user's line with a caret under the
column, and its "expected one of …" lists, which name Unicode character classes, into a
short message and a hint.

>>> sorted(variables("SELECT ?a WHERE { ?a <p> $b . FILTER(?a != '?c') }  # ?d"))
['a', 'b']
>>> parameters("SELECT * WHERE { VALUES ?lg { kmr:kota-jambi } ?lg ?p ?o }")
{'lg': 'kmr:kota-jambi'}
"""

from __future__ import annotations

import re
from functools import cache

from graph.errors import QueryError
from graph.vocab import PREFIXES

_STRINGS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|'
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|"
    r'"(?:[^"\\\n]|\\.)*"|'
    r"'(?:[^'\\\n]|\\.)*'|"
    r"<[^<>\"{}|^`\\\s]*>|"
    r"#[^\n]*"
)
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFD]+)")
_VALUES = re.compile(r"VALUES\s+[?$](\w+)\s*\{([^{}]*)\}", re.I)
_KIND = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
PREFIX_HINT = "predeclared prefixes: " + ", ".join(f"{p}:" for p in PREFIXES)


def code_only(query: str) -> str:
    """The query with its strings, IRIs and comments blanked out (same length, same
    lines), to look at its keywords and variables."""
    return _STRINGS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), query)


def kind(query: str) -> str:
    """``select``, ``ask``, ``construct``, ``describe`` or ``update`` (``""`` unknown)."""
    m = _KIND.match(code_only(query))
    if m is None:
        return ""
    word = m.group(1).lower()
    return word if word in {"select", "ask", "construct", "describe"} else "update"


def variables(query: str) -> set[str]:
    """The names of the variables the query uses."""
    return set(_VARIABLE.findall(code_only(query)))


def parameters(query: str) -> dict[str, str]:
    """The query's parameters: variables given one default value by ``VALUES ?x { v }``
    (the shipped queries' way), with that value as written."""
    code = code_only(query)
    out = {}
    for m in _VALUES.finditer(code):
        value = query[m.start(2) : m.end(2)].strip()
        if value and len(value.split()) == 1:
            out[m.group(1)] = value
    return out


def caret(query: str, line: int, column: int) -> str:
    """``line L, column C`` and the user's line with a caret under the column."""
    lines = query.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    text = lines[line - 1]
    column = min(max(column, 1), len(text) + 1)
    return f"line {line}, column {column}:\n  {text}\n  {' ' * (column - 1)}^"


def _explain(detail: str, query: str, line: int, column: int) -> tuple[str, str]:
    """A short message and a hint from Oxigraph's "expected one of …" text."""
    items = re.findall(r"\"[^\"]*\"|'[^']*'|\[[^\]]*\]|[^,]+", detail.replace("\n", " "))
    items = [i.strip() for i in items if i.strip()]
    if detail.startswith("expected one of"):
        items[0] = items[0].removeprefix("expected one of").strip()
    sentences = [i for i in items if " " in i and not i.startswith(("[", "'", '"'))]
    tokens = [i for i in items if i not in sentences and not i.startswith("[") and i != "[_]"]
    if any("Prefix not found" in s for s in sentences):
        at_line, at_col = _prefixed_name_before(query, line, column)
        code = code_only(query).splitlines()
        here = code[at_line - 1][at_col - 1 :] if 0 < at_line <= len(code) else ""
        m = re.match(r"([A-Za-z][\w.-]*)?:", here)
        name = (m.group(1) or "") if m else ""
        hint = f"declare it with PREFIX, or use one of the {PREFIX_HINT}"
        return f"unknown prefix {name + ':'!r}", hint
    if sentences:
        return sentences[0], "check the query near the caret"
    expected = ", ".join(tokens[:8]) + (", …" if len(tokens) > 8 else "")
    message = "unexpected text" + (f" (expected {expected})" if expected else "")
    hint = "check the braces, the dots between triple patterns, the quotes and the prefixes"
    return message, hint


@cache
def _empty_store() -> object:
    import pyoxigraph as ox

    return ox.Store()


def check_syntax(query: str) -> None:
    """Raise :class:`QueryError` (with the line, a caret and a hint) if ``query`` is not
    a SPARQL 1.1 query; updates are not checked here."""
    if kind(query) == "update":
        return
    store = _empty_store()
    if re.search(r"\bSERVICE\b", code_only(query), re.I):
        return  # never evaluate a federated query here, even on an empty store
    try:
        store.query(query, prefixes=dict(PREFIXES))  # type: ignore[attr-defined]
    except SyntaxError as exc:
        raise syntax_error(query, str(exc)) from None
    except (OSError, ValueError, RuntimeError):
        return  # the syntax is fine; what failed is for the engine to say


def syntax_error(query: str, text: str) -> QueryError:
    """A readable :class:`QueryError` from an Oxigraph syntax error message."""
    m = _ERROR.search(text)
    if m is None:
        return QueryError(f"SPARQL syntax error: {text}", "check the query's syntax")
    line, column = _next_token(query, int(m.group(1)), int(m.group(2)))
    message, hint = _explain(m.group(3), query, line, column)
    if message.startswith("unknown prefix"):
        line, column = _prefixed_name_before(query, line, column)
    return QueryError(f"SPARQL syntax error at {caret(query, line, column)}\n{message}", hint)


def _next_token(query: str, line: int, offset: int) -> tuple[int, int]:
    """Oxigraph reports where its parser stopped (a 0-based column, often the end of the
    last good token): the 1-based line and column of the next token, or just after the
    end of the query when nothing follows."""
    lines = query.splitlines() or [""]
    line = min(max(line, 1), len(lines))
    col = offset
    while line <= len(lines):
        text = lines[line - 1]
        while col < len(text) and text[col].isspace():
            col += 1
        if col < len(text):
            return line, col + 1
        if line == len(lines):
            return line, len(text) + 1
        line, col = line + 1, 0
    return len(lines), len(lines[-1]) + 1


def _prefixed_name_before(query: str, line: int, column: int) -> tuple[int, int]:
    """The start of the last prefixed name before the position (an unknown prefix)."""
    lines = code_only(query).splitlines()
    for n in range(min(line, len(lines)), 0, -1):
        text = lines[n - 1] if n != line else lines[n - 1][: column - 1]
        found = list(re.finditer(r"(?<![\w?$])[A-Za-z][\w.-]*:[\w.-]*|(?<![\w?$:]):[\w.-]+", text))
        if found:
            return n, found[-1].start() + 1
    return line, column
