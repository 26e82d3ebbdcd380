"""Query parameters (``--param NAME=VALUE``): checked against the query, and resolved to
the entity a user means.

- A name the query does not use is refused, with the query's parameters and variables.
- A value is an IRI when written as one (``<https://…>``, ``kmr:kota-medan``), when it is
  the slug of an entity (``kota-medan``), or when it is a label or other name of exactly
  one entity ("Surabaya", "Kota Surabaya", "Jambi City", case and accents aside). A name
  of several entities is refused with the candidates; so is an unknown value for a
  parameter whose default is an entity, with the closest names.
- Anything else is a literal, typed like the parameter's default when it has one.

The lookups are SPARQL queries, so every engine (the store, rdflib, a remote endpoint)
resolves the same way.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from graph.errors import QueryError
from graph.sparql.syntax import code_only, parameters, variables
from graph.vocab import KMR, PREFIXES, slugify

#: runs a SELECT and returns its rows as {variable: (kind, value)} with kind "iri" or "literal"
Select = Callable[[str], list[dict[str, str]]]

_LABELS = """SELECT DISTINCT ?e ?l WHERE {
  { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l }
  FILTER(isIRI(?e) && STRSTARTS(STR(?e), "%s"))
  %s
}"""


def fold(text: str) -> str:
    """Case, accents and spacing aside: how names are compared."""
    norm = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in norm if not unicodedata.combining(c)).lower().split())


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


@dataclass
class Resolver:
    """Finds entities by slug or name with the engine's ``select``."""

    select: Select

    def exists(self, iri: str) -> bool:
        rows = self.select(f"SELECT ?p WHERE {{ <{iri}> ?p ?o }} LIMIT 1")
        return bool(rows)

    def by_name(self, name: str) -> dict[str, str]:
        """The entities one of whose names is ``name`` (folded): IRI → that name."""
        needle = fold(name)
        # a cheap exact filter first (LCASE), then the fold done here for accents
        rows = self.select(_LABELS % (KMR, f'FILTER(LCASE(STR(?l)) = "{_escape(needle)}")'))
        if not rows:
            words = [w for w in re.findall(r"\w+", needle) if len(w) > 2]
            if not words:
                return {}
            longest = max(words, key=len)
            rows = self.select(
                _LABELS % (KMR, f'FILTER(CONTAINS(LCASE(STR(?l)), "{_escape(longest)}"))')
            )
        return {r["e"]: r["l"] for r in rows if fold(r["l"]) == needle}

    def near(self, name: str, limit: int = 8) -> list[str]:
        """Names close to ``name``, with their entities, for an error message."""
        needle = fold(name)
        words = [w for w in re.findall(r"\w+", needle) if len(w) > 2] or [needle]
        found: dict[str, str] = {}
        for word in sorted(words, key=len, reverse=True)[:3]:
            rows = self.select(
                _LABELS % (KMR, f'FILTER(CONTAINS(LCASE(STR(?l)), "{_escape(word[:5])}"))')
            )
            for r in rows:
                found.setdefault(r["l"], r["e"])
        names = difflib.get_close_matches(needle, [fold(n) for n in found], n=20, cutoff=0.5)
        by_fold = {fold(n): n for n in found}
        grouped: dict[str, list[str]] = {}
        for n in names:
            grouped.setdefault(found[by_fold[n]], []).append(by_fold[n])
        return [f"{_prefixed(e)} ({', '.join(ns)})" for e, ns in list(grouped.items())[:limit]]


def _prefixed(iri: str) -> str:
    return "kmr:" + iri[len(str(KMR)) :] if iri.startswith(str(KMR)) else f"<{iri}>"


def _default_is_iri(default: str | None) -> bool:
    if default is None:
        return False
    return default.startswith("<") or bool(re.fullmatch(r"[A-Za-z][\w-]*:[^\s\"']*", default))


def _typed_like(value: str, default: str | None) -> str:
    """``value`` as a SPARQL literal, typed like the parameter's default literal."""
    m = re.fullmatch(r'".*"\^\^(\S+)', default or "")
    if m:
        return f'"{_escape(value)}"^^{m.group(1)}'
    if default and re.fullmatch(r"[+-]?\d+", default) and re.fullmatch(r"[+-]?\d+", value):
        return value
    return f'"{_escape(value)}"'


def _iri_as_written(value: str) -> str | None:
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    if re.fullmatch(r"https?://\S+", value):
        return value
    return None


def resolve_value(name: str, value: str, default: str | None, resolver: Resolver) -> str:
    """The SPARQL term (as text) that ``--param name=value`` stands for."""
    value = value.strip()
    iri = _iri_as_written(value)
    if iri is not None:
        return f"<{iri}>"
    slug_like = re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) and not value.isdigit()
    if slug_like and resolver.exists(str(KMR) + value):
        return f"<{KMR}{value}>"
    if not re.fullmatch(r"[+-]?[\d.]+|\d{4}-\d\d(?:-\d\d)?", value):
        found = resolver.by_name(value)
        if len(found) == 1:
            return f"<{next(iter(found))}>"
        if len(found) > 1:
            listed = ", ".join(f"{_prefixed(e)} ({n})" for e, n in sorted(found.items()))
            raise QueryError(
                f"--param {name}={value}: {value!r} names {len(found)} entities: {listed}",
                f"choose one, e.g. --param {name}={_slug(next(iter(sorted(found))))}",
            )
        slug = slugify(value)
        if slug != value and resolver.exists(str(KMR) + slug):
            return f"<{KMR}{slug}>"
    if _default_is_iri(default):
        near = resolver.near(value)
        raise QueryError(
            f"--param {name}={value}: no entity is named {value!r}",
            ("did you mean: " + "; ".join(near)) if near else "give a slug, kmr:slug or <IRI>",
        )
    return _typed_like(value, default)


def _slug(iri: str) -> str:
    return iri[len(str(KMR)) :] if iri.startswith(str(KMR)) else f"<{iri}>"


def check_names(query: str, names: list[str]) -> None:
    """Refuse a parameter the query does not use, listing those it has."""
    used = variables(query)
    for name in names:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"--param {name!r}: a variable name is letters, digits and _")
        if name not in used:
            params = sorted(parameters(query))
            others = sorted(used - set(params))
            close = difflib.get_close_matches(name, sorted(used), n=1)
            hint = (f"did you mean {close[0]}? " if close else "") + (
                f"its parameters: {', '.join(params)}" if params else "it has no parameters"
            )
            if others:
                hint += f"; its other variables: {', '.join(others)}"
            raise QueryError(f"--param {name}: the query has no variable ?{name}", hint)


def bind(query: str, terms: Mapping[str, str]) -> str:
    """Give variables values (SPARQL terms as text): a query's ``VALUES ?x { … }`` is
    replaced, else a ``VALUES`` block is added at the start of its outermost ``WHERE``.

    >>> bind("SELECT ?p WHERE { VALUES ?lg { kmr:a } ?lg ?p ?o }", {"lg": "kmr:b"})
    'SELECT ?p WHERE { VALUES ?lg { kmr:b } ?lg ?p ?o }'
    """
    for name, rendered in terms.items():
        code = code_only(query)
        block = re.compile(rf"VALUES\s+[?$]{name}\s*\{{[^{{}}]*\}}", re.I).search(code)
        if block is not None:
            query = (
                query[: block.start()] + f"VALUES ?{name} {{ {rendered} }}" + query[block.end() :]
            )
            continue
        where = re.search(r"\bWHERE\s*\{", code, re.I) or re.search(r"\{", code)
        if where is None:
            raise QueryError(f"--param {name}: the query has no WHERE block to bind it in")
        query = query[: where.end()] + f" VALUES ?{name} {{ {rendered} }} " + query[where.end() :]
    return query


def apply(query: str, params: Mapping[str, str], select: Select) -> str:
    """Check ``params`` against ``query``, resolve their values and bind them."""
    if not params:
        return query
    check_names(query, list(params))
    defaults = parameters(query)
    resolver = Resolver(select)
    terms = {n: resolve_value(n, v, defaults.get(n), resolver) for n, v in params.items()}
    return bind(query, terms)
