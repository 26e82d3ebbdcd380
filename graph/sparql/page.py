"""The pages of ``kotamitra serve``: the query page at ``/`` and an entity's page at
``/entity/<slug>``, rendered from the templates, script and style of ``graph/sparql/web/``
(no CDN: the pages work offline).

- The query page lists the shipped queries (``ontology/queries/*.rq``) with their
  questions and parameters; the page's script sends a query with its parameters to
  ``POST /run``, which checks it (the line, caret and hint of
  :func:`graph.sparql.syntax.check_syntax`), binds its parameters (names checked, labels
  resolved: :mod:`graph.sparql.params`) and answers in a compact JSON ``view`` for the
  page or in a download format (SPARQL results JSON, XML, CSV, TSV; Turtle, N-Triples,
  JSON-LD).
- An entity's page shows its labels and classes, its facts both ways (``web/entity.rq``)
  and the sentences that state them (the shipped ``evidence`` query).

Every text from the graph or the user reaches the page escaped: the templates are
rendered with autoescape, data for the script travels as JSON in a
``<script type="application/json">`` block (``tojson``), and the script writes text with
``textContent`` only. Links leave the site only to ``http(s)`` addresses.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from graph.errors import KotamitraError, StoreError
from graph.vocab import KMR, PREFIXES

WEB_DIR = Path(__file__).resolve().parent / "web"
#: what ``GET /assets/<name>`` may send, with its media type
ASSETS = {"page.js": "text/javascript; charset=utf-8", "page.css": "text/css; charset=utf-8"}
#: the most rows the page shows (a download has them all)
VIEW_ROWS = 2000
DOWNLOADS = {
    "results": {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv"},
    "graph": {"turtle": "ttl", "nt": "nt", "json-ld": "jsonld"},
}
_SLUG = re.compile(r"[A-Za-z0-9._~-]+(?:/[A-Za-z0-9._~-]+)*")


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(WEB_DIR)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def asset(name: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a page asset, or None for any other name."""
    if name not in ASSETS:
        return None
    return (WEB_DIR / name).read_bytes(), ASSETS[name]


def query_page() -> str:
    """The query page: the editor, the shipped queries and the predeclared prefixes."""
    from graph.sparql.query import list_queries

    queries = [
        {
            "name": q.name,
            "kind": q.kind,
            "question_en": q.question_en,
            "question_id": q.question_id,
            "parameters": [[n, _bare(v)] for n, v in q.parameters.items()],
            "text": q.text,
        }
        for q in list_queries()
    ]
    # lists of pairs, not objects: ``tojson`` sorts an object's keys
    downloads = {kind: list(formats.items()) for kind, formats in DOWNLOADS.items()}
    data = {"prefixes": PREFIXES, "queries": queries, "example": EXAMPLE, "downloads": downloads}
    return _env().get_template("query.html.j2").render(data=data, prefixes=PREFIXES)


EXAMPLE = (
    "SELECT ?partner ?name WHERE {\n  kmr:kota-jambi km:partnersWith ?partner .\n"
    '  ?partner rdfs:label ?name FILTER(lang(?name) = "en")\n}\nORDER BY ?name'
)


def _bare(value: str) -> str:
    """A parameter's default as a user types it (``kota-jambi``, not ``kmr:kota-jambi``)."""
    return value.removeprefix("kmr:")


# --- terms -------------------------------------------------------------------------------------


def prefixed(iri: str) -> str:
    """``prefix:name`` when a predeclared prefix covers ``iri`` (the longest), else ``iri``."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        rest = iri[len(ns) :]
        if iri.startswith(ns) and rest and re.fullmatch(r"[\w./-]+", rest):
            return f"{prefix}:{rest}"
    return iri


def entity_slug(iri: str) -> str | None:
    """The slug of a kotamitra resource (what follows ``kmr:``), else None."""
    if not iri.startswith(str(KMR)):
        return None
    slug = iri[len(str(KMR)) :]
    return slug if _SLUG.fullmatch(slug) else None


def _term(value: object) -> dict[str, str] | None:
    """An RDF term as the page's script reads it: ``t`` (uri, bnode, literal), ``v``, and
    for literals ``lang`` or ``dt``."""
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return {"t": "uri", "v": value.value}
    if isinstance(value, ox.BlankNode):
        return {"t": "bnode", "v": value.value}
    if isinstance(value, ox.Literal):
        out = {"t": "literal", "v": value.value}
        if value.language:
            out["lang"] = value.language
        elif value.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["dt"] = value.datatype.value
        return out
    return {"t": "literal", "v": str(value)}


def view(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> dict[str, Any]:
    """A result as the page shows it: its kind, variables and rows of terms (at most
    :data:`VIEW_ROWS`, with the total)."""
    if isinstance(result, ox.QueryBoolean):
        return {"kind": "boolean", "boolean": bool(result)}
    rows: list[list[dict[str, str] | None]] = []
    total = 0
    if isinstance(result, ox.QueryTriples):
        names = ["subject", "predicate", "object"]
        for triple in result:
            total += 1
            if total <= VIEW_ROWS:
                rows.append([_term(triple.subject), _term(triple.predicate), _term(triple.object)])
        return {"kind": "graph", "vars": names, "rows": rows, "total": total}
    names = [v.value for v in result.variables]
    for solution in result:
        total += 1
        if total <= VIEW_ROWS:
            rows.append([_term(solution[n]) for n in names])
    return {"kind": "results", "vars": names, "rows": rows, "total": total}


# --- what the workers run ------------------------------------------------------------------------


def _error_text(exc: KotamitraError) -> bytes:
    return (exc.message + (f"\nhint: {exc.hint}" if exc.hint else "") + "\n").encode("utf-8")


def page_query(
    graph_dir: Path, query: str, params: Mapping[str, str], fmt: str
) -> tuple[int, bytes, str, str]:
    """Answer the page's ``POST /run``: status, body, media type and the file name a
    download should get. Runs in a worker process (see :mod:`graph.sparql.serve`)."""
    from graph.sparql.query import _StoreEngine, prepare_query
    from graph.sparql.store import MEDIA, run, serialize

    try:
        engine = _StoreEngine(graph_dir)
        prepared = prepare_query(query, params, engine)
        result = run(engine.store, prepared)
        if fmt == "view":
            body = json.dumps(view(result), ensure_ascii=False).encode("utf-8")
            return 200, body, "application/json; charset=utf-8", ""
        kind = "graph" if isinstance(result, ox.QueryTriples) else "results"
        ext = DOWNLOADS[kind].get(fmt)
        if ext is None:
            listed = ", ".join(DOWNLOADS[kind])
            message = f"format {fmt!r} does not fit this query; use {listed}\n"
            return 406, message.encode(), "text/plain; charset=utf-8", ""
        return 200, serialize(result, fmt), MEDIA[(kind, fmt)], f"kotamitra-result.{ext}"
    except StoreError as exc:
        return exc.status, _error_text(exc), "text/plain; charset=utf-8", ""
    except KotamitraError as exc:
        return 400, _error_text(exc), "text/plain; charset=utf-8", ""


def _rows(store: ox.Store, query: str) -> list[dict[str, dict[str, str] | None]]:
    from graph.sparql.store import run

    result = run(store, query)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: _term(sol[n]) for n in names} for sol in result]


def entity_page(graph_dir: Path, slug: str) -> tuple[int, bytes]:
    """An entity's page: status and HTML. Runs in a worker process."""
    from graph.sparql.params import bind
    from graph.sparql.query import shipped_query
    from graph.sparql.store import open_store

    if not _SLUG.fullmatch(slug):
        return 404, _not_found(slug)
    iri = str(KMR) + slug
    store = open_store(graph_dir)
    query = bind((WEB_DIR / "entity.rq").read_text(encoding="utf-8"), {"entity": f"<{iri}>"})
    rows = _rows(store, query)
    if not rows:
        return 404, _not_found(slug)
    evidence_rq = shipped_query("evidence")
    assert evidence_rq is not None
    evidence = _rows(store, bind(evidence_rq.read_text(encoding="utf-8"), {"entity": f"<{iri}>"}))
    page = _entity_context(iri, rows, evidence)
    html = _env().get_template("entity.html.j2").render(**page)
    return 200, html.encode("utf-8")


def _not_found(slug: str) -> bytes:
    html = (
        _env()
        .get_template("entity.html.j2")
        .render(
            iri=str(KMR) + slug,
            name=f"kmr:{slug}",
            missing=True,
            labels=[],
            types=[],
            facts=[],
            incoming=[],
            evidence=[],
            link=_link,
        )
    )
    return html.encode("utf-8")


def _link(term: dict[str, str] | None) -> dict[str, str]:
    """A term as the templates show it: ``text`` (a prefixed name or the literal, with
    its language), ``title`` (the full IRI or the datatype), ``href`` for an entity of
    this graph or an http(s) address (then ``external``); absent parts are empty."""
    out = {"text": "", "title": "", "href": "", "external": ""}
    if term is None:
        return out
    value = term["v"]
    if term["t"] == "bnode":
        return {**out, "text": f"_:{value}"}
    if term["t"] != "uri":
        suffix = f" @{term['lang']}" if "lang" in term else ""
        return {**out, "text": value + suffix, "title": prefixed(term.get("dt", ""))}
    out.update(text=prefixed(value), title=value)
    slug = entity_slug(value)
    if slug is not None:
        out["href"] = _entity_href(slug)
    elif urllib.parse.urlsplit(value).scheme in {"http", "https"}:
        out.update(href=value, external="1")
    return out


def _entity_href(slug: str) -> str:
    return "/entity/" + urllib.parse.quote(slug, safe="/")


def _entity_context(
    iri: str,
    rows: list[dict[str, dict[str, str] | None]],
    evidence: list[dict[str, dict[str, str] | None]],
) -> dict[str, Any]:
    facts = [r for r in rows if r["dir"] and r["dir"]["v"] == "out"]
    incoming = [r for r in rows if r["dir"] and r["dir"]["v"] == "in"]
    names = [r["o"] for r in facts if _is(r, "p", "rdfs:label") or _is(r, "p", "skos:altLabel")]
    labels = sorted({_link(t)["text"] for t in names})
    types = [r["o"] for r in facts if _is(r, "p", "rdf:type")]
    english = [
        r["o"]["v"]
        for r in facts
        if r["o"] and _is(r, "p", "rdfs:label") and r["o"].get("lang") == "en"
    ]
    name = english[0] if english else (labels[0] if labels else prefixed(iri))
    return {
        "iri": iri,
        "name": name,
        "missing": False,
        "labels": labels,
        "types": sorted({_link(t)["text"] for t in types if t}),
        "facts": facts,
        "incoming": incoming,
        "evidence": evidence,
        "link": _link,
    }


def _is(row: Mapping[str, dict[str, str] | None], key: str, name: str) -> bool:
    term = row.get(key)
    return term is not None and prefixed(term["v"]) == name
