"""Query stage: SPARQL 1.1 over a built graph, with the standard prefixes predeclared.

Results are written in the W3C formats: SPARQL results JSON, XML, CSV and TSV for
SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE, and a readable text table.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyparsing.exceptions import ParseException
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result, ResultRow

from graph.errors import QueryError
from graph.rdf.entail import ENTAILMENTS_TRIG
from graph.rdf.triples import PREFIXES, bind

SELECT_FORMATS = ("table", "json", "csv", "tsv", "xml")
GRAPH_FORMATS = ("turtle", "nt", "xml", "json-ld")
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


def prefix_header() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def find_graph_file(path: Path) -> Path:
    """The graph file to open: ``path`` itself, or ``graph.trig``/``graph.ttl`` inside it."""
    if path.is_dir():
        for name in ("graph.trig", "graph.ttl"):
            if (path / name).exists():
                return path / name
        raise QueryError(
            f"no graph in {path}/ (no graph.trig or graph.ttl)",
            "run 'kotamitra build' first, or pass --graph with the folder or file it wrote",
        )
    if path.exists():
        return path
    raise QueryError(f"{path}: no such file or folder", "run 'kotamitra build' first")


def load_graph(path: Path | str, entailments: bool = False) -> Dataset:
    """Open a built graph (a folder, a ``.trig``/``.nq`` dataset or a Turtle file).

    The returned Dataset queries the union of its named graphs by default. With
    ``entailments``, the build's ``entailments.trig`` beside the file (the ontology, the
    RDFS entailments and the normalised dates, see :mod:`graph.rdf.entail`) is read too,
    so that rdflib answers as the store does.
    """
    file = find_graph_file(Path(path))
    ds = Dataset(default_union=True)
    bind(ds)
    extra = file.parent / ENTAILMENTS_TRIG
    if entailments and extra.is_file() and file != extra:
        try:
            ds.parse(extra, format="trig")
        except Exception as exc:
            raise QueryError(f"{extra}: cannot parse the entailments: {exc}") from None
    fmt = {
        ".trig": "trig",
        ".nq": "nquads",
        ".ttl": "turtle",
        ".nt": "nt",
        ".jsonld": "json-ld",
    }.get(file.suffix.lower(), "turtle")
    try:
        if fmt in {"trig", "nquads"}:
            ds.parse(file, format=fmt)
        else:
            ds.graph(URIRef(file.resolve().as_uri())).parse(file, format=fmt)
    except Exception as exc:
        raise QueryError(f"{file}: cannot parse the graph: {exc}") from None
    return ds


def shipped_queries() -> dict[str, Path]:
    """The queries shipped with the ontology, by name (file name without ``.rq``)."""
    from graph.resources import ontology_dir

    return {p.stem: p for p in sorted((ontology_dir() / "queries").glob("*.rq"))}


def shipped_query(name: str) -> Path | None:
    if not re.fullmatch(r"[\w-]+", name):
        return None
    return shipped_queries().get(name)


def _is_file(text: str) -> bool:
    try:
        return "\n" not in text and Path(text).is_file()
    except (OSError, ValueError):  # too long for a file name, a NUL byte…
        return False


def read_query(text_or_file: str) -> str:
    """The query text from ``-`` (standard input), the name of a shipped query, a file
    that exists, or else the string itself: anything that is not an existing file is
    SPARQL, however long."""
    if text_or_file == "-":
        import sys

        return sys.stdin.read()
    shipped = shipped_query(text_or_file)
    if shipped is not None:
        return shipped.read_text(encoding="utf-8")
    if _is_file(text_or_file):
        try:
            return Path(text_or_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{text_or_file}: cannot read the query file: {exc}") from None
    if re.fullmatch(r"[^\s{}?]+\.(?:rq|sparql)", text_or_file.strip()):
        raise QueryError(
            f"{text_or_file}: no such query file",
            "shipped queries: " + ", ".join(shipped_queries()) + " (see 'kotamitra query --list')",
        )
    return text_or_file


def _strip_comments(query: str) -> str:
    """The query without its comment lines (to see what kind of request it is)."""
    return "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))


def _position(query: str, exc: ParseException) -> str:
    """Where a syntax error is, in the user's lines (the predeclared prefixes not counted)."""
    offset = prefix_header().count("\n")
    lineno = exc.lineno - offset
    lines = query.splitlines()
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    return f"line {max(lineno, 1)}, column {exc.col}:\n  {line}\n  {' ' * (exc.col - 1)}^"


def run_query(graph: Graph, query: str, allow_update: bool = False) -> Result | None:
    """Run a SPARQL query; UPDATE only when ``allow_update`` is set.

    >>> from rdflib import Graph
    >>> g = Graph()
    >>> _ = g.parse(data="@prefix km: <https://w3id.org/kotamitra/ontology#> . "
    ...     "<https://w3id.org/kotamitra/id/a> km:partnersWith <https://w3id.org/kotamitra/id/b> .",
    ...     format="turtle")
    >>> [str(r.o) for r in run_query(g, "SELECT ?o WHERE { kmr:a km:partnersWith ?o }")]
    ['https://w3id.org/kotamitra/id/b']
    """
    full = prefix_header() + query
    if _UPDATE.match(_strip_comments(query)):
        if not allow_update:
            raise QueryError(
                "this is a SPARQL UPDATE; the graph is opened read-only",
                "pass --allow-update to change the graph in memory (files are not rewritten)",
            )
        try:
            try:
                graph.update(full)
            except ValueError:
                # rdflib cannot apply INSERT DATA/DELETE DATA to a Dataset as a whole:
                # apply it to the default graph (part of the union that queries see)
                if not isinstance(graph, Dataset):
                    raise
                graph.default_graph.update(full)
        except ParseException as exc:
            raise QueryError(f"SPARQL syntax error at {_position(query, exc)}") from None
        except Exception as exc:
            raise QueryError(f"the update failed: {exc}") from None
        return None
    try:
        prepared = prepareQuery(full)
    except ParseException as exc:
        raise QueryError(
            f"SPARQL syntax error at {_position(query, exc)}",
            "check the braces, the dots between triple patterns and the prefixes "
            f"(predeclared: {', '.join(PREFIXES)})",
        ) from None
    except Exception as exc:
        raise QueryError(f"cannot prepare the query: {exc}") from None
    try:
        return graph.query(prepared)
    except Exception as exc:
        raise QueryError(f"the query failed: {exc}") from None


def _nt(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, Literal, BNode)):
        return term.n3()
    return str(term)


def _short(term: object) -> str:
    """An IRI as prefix:name when a predeclared prefix covers it, else as plain text."""
    if isinstance(term, URIRef):
        text = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            rest = text[len(ns) :]
            if text.startswith(ns) and rest and all(c.isalnum() or c in "-_./" for c in rest):
                return f"{prefix}:{rest}"
    return _plain(term)


def _plain(term: object) -> str:
    if term is None:
        return ""
    return str(term)


def format_result(result: Result, fmt: str) -> str:
    """Serialise a query result in one of the supported formats."""
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        g = result.graph
        assert g is not None
        bind(g)
        out_fmt = "turtle" if fmt in {"table", "turtle"} else fmt
        if out_fmt not in GRAPH_FORMATS:
            raise QueryError(f"format {fmt!r} is for SELECT/ASK; use turtle, nt, xml or json-ld")
        return g.serialize(format=out_fmt)
    if fmt in GRAPH_FORMATS and fmt != "xml":
        raise QueryError(
            f"format {fmt!r} is for CONSTRUCT/DESCRIBE; use table, json, csv, tsv or xml"
        )
    if result.type == "ASK" and fmt == "csv":
        return "_askResult\r\n" + ("true" if result.askAnswer else "false") + "\r\n"
    if fmt in {"json", "xml", "csv"}:
        data = result.serialize(format=fmt)
        return data.decode("utf-8") if isinstance(data, bytes) else str(data)
    if result.type == "ASK":
        if fmt == "tsv":
            return "?_askResult\n" + ("true" if result.askAnswer else "false") + "\n"
        return ("yes" if result.askAnswer else "no") + "\n"
    names = [str(v) for v in result.vars or []]
    rows = [row for row in result if isinstance(row, ResultRow)]
    if fmt == "tsv":
        # SPARQL 1.1 TSV: header of ?vars, terms in N-Triples/Turtle syntax
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_nt(row[i]) for i in range(len(names))) for row in rows]
        return "\n".join(lines) + "\n"
    # table: IRIs shortened with the predeclared prefixes
    cells = [[_short(row[i]) for i in range(len(names))] for row in rows]
    widths = [max([len(n), *(min(len(c[i]), 80) for c in cells)]) for i, n in enumerate(names)]

    def line(vals: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= 80 else v[:77] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    out = [line(names), line(["-" * w for w in widths])]
    out += [line(c) for c in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def result_rows(result: Result) -> list[dict[str, str]]:
    """Rows of a SELECT result as dictionaries of plain strings (for notebooks)."""
    names = [str(v) for v in result.vars or []]
    return [
        {n: _plain(row[i]) for i, n in enumerate(names) if row[i] is not None}
        for row in result
        if isinstance(row, ResultRow)
    ]


def to_json_rows(result: Result) -> str:
    return json.dumps(result_rows(result), ensure_ascii=False, indent=2)


def to_csv_rows(rows: list[dict[str, object]], columns: list[str]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    return buf.getvalue()


# --- shipped queries ---------------------------------------------------------------------------


@dataclass
class ShippedQuery:
    """A query of ``ontology/queries/``: its question in English and Indonesian (from
    its ``# EN:`` and ``# ID:`` comments) and its parameters with their defaults."""

    name: str
    path: Path
    question_en: str
    question_id: str
    parameters: dict[str, str]
    kind: str

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def _question(text: str, tag: str) -> str:
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(f"# {tag}:"):
            parts = [line[len(f"# {tag}:") :].strip()]
            for more in lines[i + 1 :]:
                if not more.startswith("#     "):
                    break
                parts.append(more[1:].strip())
            return " ".join(parts)
    return ""


def list_queries() -> list[ShippedQuery]:
    """The shipped queries, by name."""
    from graph.sparql.syntax import kind, parameters

    out = []
    for name, path in shipped_queries().items():
        text = path.read_text(encoding="utf-8")
        out.append(
            ShippedQuery(
                name,
                path,
                question_en=_question(text, "EN"),
                question_id=_question(text, "ID"),
                parameters=parameters(text),
                kind=kind(text),
            )
        )
    return out


def describe_queries(width: int = 92) -> str:
    """The shipped queries as text: name, parameters, the questions in both languages."""
    import textwrap

    blocks = []
    for q in list_queries():
        params = ", ".join(f"{n}={v.removeprefix('kmr:')}" for n, v in q.parameters.items())
        head = f"{q.name} ({q.kind.upper()}" + (f"; --param {params}" if params else "") + ")"
        pad = " " * 6
        body = [
            *textwrap.wrap(q.question_en, width, initial_indent="  EN: ", subsequent_indent=pad),
            *textwrap.wrap(q.question_id, width, initial_indent="  ID: ", subsequent_indent=pad),
        ]
        blocks.append("\n".join([head, *body]))
    return "\n\n".join(blocks) + "\n"


# --- one entry point for every engine ------------------------------------------------------------


def _rows_of_json(data: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {k: v["value"] for k, v in b.items()} for b in data.get("results", {}).get("bindings", [])
    ]


class _Engine:
    """What :func:`run_user_query` needs of an engine."""

    def select(self, query: str) -> list[dict[str, str]]:
        raise NotImplementedError

    def answer(self, query: str, fmt: str) -> str:
        raise NotImplementedError


class _StoreEngine(_Engine):
    def __init__(self, path: Path) -> None:
        from graph.sparql.store import open_store

        self.store = open_store(path)

    def select(self, query: str) -> list[dict[str, str]]:
        from graph.sparql.store import run

        result = run(self.store, query)
        names = [v.value for v in getattr(result, "variables", [])]
        return [
            {n: sol[n].value for n in names if sol[n] is not None}
            for sol in result  # type: ignore[union-attr]
        ]

    def answer(self, query: str, fmt: str) -> str:
        import pyoxigraph as ox

        from graph.sparql.store import run, serialize, table

        result = run(self.store, query)
        if fmt == "table" and not isinstance(result, ox.QueryTriples):
            return table(result)
        out = serialize(result, fmt).decode("utf-8")
        return out if out.endswith("\n") else out + "\n"


class _RdflibEngine(_Engine):
    def __init__(self, path: Path, allow_update: bool) -> None:
        self.graph = load_graph(path, entailments=True)
        self.allow_update = allow_update

    def select(self, query: str) -> list[dict[str, str]]:
        result = run_query(self.graph, query)
        return result_rows(result) if result is not None else []

    def answer(self, query: str, fmt: str) -> str:
        result = run_query(self.graph, query, allow_update=self.allow_update)
        if result is None:
            return "update applied in memory (the graph files were not changed)\n"
        return format_result(result, fmt)


class _RemoteEngine(_Engine):
    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint

    def select(self, query: str) -> list[dict[str, str]]:
        from graph.sparql.remote import remote_query

        return _rows_of_json(json.loads(remote_query(self.endpoint, query, "json")))

    def answer(self, query: str, fmt: str) -> str:
        from graph.sparql.remote import remote_query

        out = remote_query(self.endpoint, query, fmt)
        return out if out.endswith("\n") else out + "\n"


def open_engine(
    graph: Path | str = "output", endpoint: str | None = None, allow_update: bool = False
) -> _Engine:
    """The engine that answers for ``graph``: a remote ``endpoint``, else the build's
    Oxigraph store when there is one (and no update is allowed), else rdflib over the
    graph files."""
    from graph.sparql.store import store_path

    if endpoint:
        return _RemoteEngine(endpoint)
    if not allow_update and store_path(Path(graph)) is not None:
        return _StoreEngine(Path(graph))
    return _RdflibEngine(Path(graph), allow_update)


def prepare_query(query: str, params: Mapping[str, str] | None, engine: _Engine) -> str:
    """Check a query's syntax (the same message on every engine) and bind its
    parameters (checked names; labels resolved to entities with ``engine``)."""
    from graph.sparql.params import apply
    from graph.sparql.syntax import check_syntax

    if not isinstance(engine, _RdflibEngine):  # rdflib's own parser places its caret well
        check_syntax(query)
    return apply(query, dict(params or {}), engine.select)


def run_user_query(
    query_or_file: str,
    graph: Path | str = "output",
    *,
    fmt: str = "table",
    params: Mapping[str, str] | None = None,
    endpoint: str | None = None,
    allow_update: bool = False,
) -> str:
    """What ``kotamitra query`` prints: the query (a string, a file that exists, ``-`` or
    a shipped query's name) with ``params`` bound, answered by the build's store, by
    rdflib over the graph files, or by a remote SPARQL endpoint, in ``fmt``."""
    text = read_query(query_or_file)
    engine = open_engine(graph, endpoint, allow_update)
    return engine.answer(prepare_query(text, params, engine), fmt)
