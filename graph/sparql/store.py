"""Store stage: the built graph in a persistent Oxigraph store, queried fast.

``build`` writes ``output/store/`` (a RocksDB folder, loaded with
``pyoxigraph.Store.bulk_load`` from ``graph.trig``) beside the Turtle and TriG files.
``query`` and ``serve`` open it read-only instead of re-parsing Turtle: rdflib's own
SPARQL engine is fine for small graphs but orders of magnitude slower on large ones
(see benchmarks/bench_store.py). The rdflib API stays available for library users
through :func:`graph.sparql.query.load_graph`.

The store's default graph holds the union of all named graphs, each triple once (a
set, as in ``graph.ttl``); the named graphs hold each source's facts for ``GRAPH``
queries. Querying a deduplicated default graph is much faster than the union of
thousands of named graphs, where every shared label or type is repeated per source and
joins multiply. Prefixes are predeclared; ``--param`` binds variables.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.rdf.entail import ENTAILMENTS_TRIG
from graph.rdf.triples import KMR, PREFIXES

STORE_DIR = "store"

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
    "json-ld": ox.RdfFormat.JSON_LD,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}
#: the media type of each (kind of result, format)
MEDIA = {
    ("results", "json"): "application/sparql-results+json",
    ("results", "xml"): "application/sparql-results+xml",
    ("results", "csv"): "text/csv; charset=utf-8",
    ("results", "tsv"): "text/tab-separated-values; charset=utf-8",
    ("graph", "turtle"): "text/turtle; charset=utf-8",
    ("graph", "nt"): "application/n-triples",
    ("graph", "json-ld"): "application/ld+json",
    ("graph", "xml"): "application/rdf+xml",
}
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


def load_store(trig: Path, folder: Path, union: Path | None = None) -> Path:
    """Create a store in ``folder`` holding ``trig`` (its named graphs) and, in its
    default graph, their union: ``union`` (Turtle or N-Triples, default ``graph.ttl``
    beside ``trig``) or, without it, the union computed here. ``entailments.trig``
    beside ``trig`` (see :mod:`graph.rdf.entail`) is added to both."""
    store = ox.Store(str(folder))
    fmt = ox.RdfFormat.N_QUADS if trig.suffix.lower() == ".nq" else ox.RdfFormat.TRIG
    store.bulk_load(path=str(trig), format=fmt)
    union = union or (trig.parent / "graph.ttl")
    if union.is_file():
        fmt = ox.RdfFormat.N_TRIPLES if union.suffix.lower() == ".nt" else ox.RdfFormat.TURTLE
        store.bulk_load(path=str(union), format=fmt, to_graph=ox.DefaultGraph())
    else:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    extra = trig.parent / ENTAILMENTS_TRIG
    if extra.is_file():  # the ontology, the entailments and the dates, in both places
        add_graph_file(store, extra)
    store.flush()
    # compact what the bulk loads wrote: measured on the 1.48M-quad benchmark, 3 s once
    # makes the whole-graph queries 35-40 % faster (delegations-per-year 633 -> 378 ms)
    store.optimize()
    del store
    return folder


def add_graph_file(store: ox.Store, path: Path) -> None:
    """Add a TriG file (e.g. ``metrics.trig``) to a store: its named graphs, and their
    triples to the default graph (the union)."""
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    data = ox.Dataset(ox.parse(path=str(path), format=ox.RdfFormat.TRIG))
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in data)


def add_graph_files(folder: Path, paths: list[Path]) -> None:
    """Add TriG files to the store in ``folder`` (see :func:`add_graph_file`)."""
    store = ox.Store(str(folder))
    for path in paths:
        add_graph_file(store, path)
    store.flush()
    del store


STORES_DIR = ".stores"  # the store folders; OUT/store is a link to the current one


def swap_store(folder: Path, out_dir: Path) -> Path:
    """Make the complete store ``folder`` the store of ``out_dir``, atomically.

    ``OUT/store`` is a symbolic link to a folder in ``OUT/.stores``; the new folder is
    moved there and the link replaced in one step (``os.replace``), so whenever a build
    is stopped, even by ``kill -9``, ``OUT/store`` is the old store or the new one, whole.
    Older store folders are removed afterwards.
    """
    stores = out_dir / STORES_DIR
    stores.mkdir(parents=True, exist_ok=True)
    final = Path(tempfile.mkdtemp(prefix="store-", dir=stores))
    final.rmdir()
    folder.rename(final)
    target = out_dir / STORE_DIR
    if target.is_dir() and not target.is_symlink():  # a store of an older version
        target.rename(Path(tempfile.mkdtemp(prefix="old-", dir=stores)) / STORE_DIR)
    link = out_dir / f".{STORE_DIR}-link-{final.name}"
    link.symlink_to(Path(STORES_DIR) / final.name, target_is_directory=True)
    os.replace(link, target)
    for other in stores.iterdir():
        if other != final:
            shutil.rmtree(other, ignore_errors=True)
    return target


def write_store(trig: Path, out_dir: Path, union: Path | None = None) -> Path:
    """Load ``trig`` into a new store and make it ``out_dir/store`` (see
    :func:`load_store` and :func:`swap_store`): a failed load leaves the previous store
    as it was."""
    tmp = Path(tempfile.mkdtemp(prefix=".store-", dir=out_dir))
    try:
        folder = load_store(trig, tmp / STORE_DIR, union)
        return swap_store(folder, out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def store_path(path: Path) -> Path | None:
    """The store of a build folder (or the store folder itself), if there is one."""
    for candidate in (path / STORE_DIR, path):
        if candidate.is_dir() and any(candidate.glob("CURRENT")):
            return candidate
    return None


def open_store(path: Path) -> ox.Store:
    """Open a built store read-only (several readers may share it)."""
    found = store_path(path)
    if found is None:
        raise StoreError(
            f"no store in {path}",
            "run 'kotamitra build' first (it writes output/store/)",
            status=404,
        )
    try:
        return ox.Store.read_only(str(found))
    except OSError as exc:
        raise StoreError(f"{found}: cannot open the store: {exc}", status=500) from None


def is_update(query: str) -> bool:
    text = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("#"))
    return bool(_UPDATE.match(text))


def uses_service(query: str) -> bool:
    """Whether a query asks the server to fetch from another endpoint (``SERVICE``)."""
    no_strings = re.sub(
        r"\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|<[^>]*>|#[^\n]*", " ", query
    )
    return re.search(r"\bSERVICE\b", no_strings, re.I) is not None


def term(value: str) -> ox.NamedNode | ox.Literal:
    """A command-line value as an RDF term: ``kmr:x``/``<iri>`` as IRIs, else a literal.

    >>> term("kmr:kota-medan").value
    'https://w3id.org/kotamitra/id/kota-medan'
    >>> term("2019").value
    '2019'
    """
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return ox.NamedNode(PREFIXES[prefix] + local)
    if re.fullmatch(r"https?://\S+", value):
        return ox.NamedNode(value)
    if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) and not value.isdigit():
        return ox.NamedNode(str(KMR) + value)  # a bare slug names a kotamitra resource
    return ox.Literal(value)


def run(
    store: ox.Store,
    query: str,
    params: Mapping[str, str] | None = None,
    allow_service: bool = False,
    dataset: Dataset | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a read-only SPARQL query over the union of the store's graphs, or over the
    ``dataset`` a request names (SPARQL 1.1 Protocol ``default-graph-uri`` and
    ``named-graph-uri``, which override the query's own ``FROM``/``FROM NAMED``)."""
    if is_update(query):
        raise StoreError(
            "this is a SPARQL UPDATE; the store is read-only",
            "kotamitra serves and queries built graphs read-only; rebuild to change them",
            status=403,
        )
    if not allow_service and uses_service(query):
        raise StoreError("SERVICE (federated query) is not allowed here", status=403)
    query = bind_params(query, params or {})
    options: dict[str, object] = {}
    if dataset is not None and (dataset.default or dataset.named):
        # a graph the store lacks is an empty graph, as the protocol wants
        options["default_graph"] = [ox.NamedNode(iri) for iri in dataset.default]
        options["named_graphs"] = [ox.NamedNode(iri) for iri in dataset.named]
    try:
        return store.query(query, prefixes=dict(PREFIXES), **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        from graph.sparql.syntax import syntax_error

        error = syntax_error(query, str(exc))
        raise StoreError(str(error), error.hint) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise StoreError(f"the query failed: {exc}") from None


@dataclass
class Dataset:
    """The RDF dataset a protocol request names: the IRIs of the graphs merged into its
    default graph, and of its named graphs (both empty: the store's own dataset)."""

    default: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``re.sub`` that inserts ``text`` as it is (no backslash escapes)."""
    return lambda _m: text


def bind_params(query: str, params: Mapping[str, str]) -> str:
    """Give variables values: a query's ``VALUES ?x { … }`` default is replaced, else a
    ``VALUES`` block is added at the start of its outermost ``WHERE``.

    >>> q = "SELECT ?p WHERE { VALUES ?lg { kmr:kota-jambi } ?lg ?p ?o }"
    >>> bind_params(q, {"lg": "kota-medan"})
    'SELECT ?p WHERE { VALUES ?lg { <https://w3id.org/kotamitra/id/kota-medan> } ?lg ?p ?o }'
    """
    for name, value in params.items():
        if not re.fullmatch(r"\w+", name):
            raise StoreError(f"--param {name!r}: a variable name is letters, digits and _")
        t = term(value)
        rendered = f"<{t.value}>" if isinstance(t, ox.NamedNode) else str(t)
        block = re.compile(rf"VALUES\s+\?{name}\s*\{{[^}}]*\}}", re.I)
        if block.search(query):
            replacement = f"VALUES ?{name} {{ {rendered} }}"
            query = block.sub(_literal(replacement), query, count=1)
            continue
        where = re.search(r"\bWHERE\s*\{", query, re.I)
        if where is None:
            raise StoreError(f"--param {name}: the query has no WHERE block to bind it in")
        query = query[: where.end()] + f" VALUES ?{name} {{ {rendered} }} " + query[where.end() :]
    return query


def serialize(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> bytes:
    """A query result in a W3C format (SELECT/ASK) or an RDF syntax (CONSTRUCT/DESCRIBE)."""
    if isinstance(result, ox.QueryTriples):
        rdf_format = GRAPH_FORMATS.get("turtle" if fmt == "table" else fmt)
        if rdf_format is None:
            raise StoreError(f"format {fmt!r} is for SELECT/ASK; use turtle, nt, xml or json-ld")
        return ox.serialize(result, format=rdf_format, prefixes=dict(PREFIXES)) or b""
    results_format = RESULT_FORMATS.get(fmt)
    if results_format is None:
        raise StoreError(
            f"format {fmt!r} is for CONSTRUCT/DESCRIBE; use table, json, csv, tsv or xml"
        )
    return result.serialize(format=results_format) or b""


def _short(value: object) -> str:
    if isinstance(value, ox.NamedNode):
        iri = value.value
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            rest = iri[len(ns) :]
            if iri.startswith(ns) and rest and all(c.isalnum() or c in "-_./" for c in rest):
                return f"{prefix}:{rest}"
        return iri
    if isinstance(value, (ox.Literal, ox.BlankNode)):
        return str(value.value)
    return "" if value is None else str(value)


def table(result: ox.QuerySolutions | ox.QueryBoolean, width: int = 80) -> str:
    """A readable text table of a SELECT result (or yes/no for ASK)."""
    if isinstance(result, ox.QueryBoolean):
        return ("yes" if bool(result) else "no") + "\n"
    names = [v.value for v in result.variables]
    cells = [[_short(sol[n]) for n in names] for sol in result]
    widths = [max([len(n), *(min(len(c[i]), width) for c in cells)]) for i, n in enumerate(names)]

    def line(vals: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= width else v[: width - 3] + "...").ljust(w)
            for v, w in zip(vals, widths, strict=True)
        ).rstrip()

    out = [line(names), line(["-" * w for w in widths]), *map(line, cells)]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


@contextlib.contextmanager
def opened(path: Path) -> Iterator[ox.Store]:
    store = open_store(path)
    try:
        yield store
    finally:
        del store
