"""What each ``kotamitra`` command does, as functions: they return text (exactly what the
command prints) or a report, and raise :class:`~graph.errors.KotamitraError` for what
the user can fix. ``graph/cli.py`` parses options, calls one of these and prints.

>>> parse_params(["lg=kota-medan", "?year=2019"])
{'lg': 'kota-medan', 'year': '2019'}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graph.errors import KotamitraError, QueryError, RemoteError
from graph.sources.fetch import (
    DEFAULT_INTO,
    FetchOptions,
    FetchReport,
    Outcome,
    read_url_file,
)
from graph.sources.fetch import fetch as fetch_urls

if TYPE_CHECKING:
    from graph.pipeline.build import BuildReport

__all__ = [
    "DEFAULT_INTO",
    "FetchOptions",
    "FetchReport",
    "Outcome",
    "build_graph",
    "claims_text",
    "count_documents",
    "describe_queries",
    "evaluate_text",
    "export_text",
    "fetch_urls",
    "make_server",
    "metrics_text",
    "parse_params",
    "push_graph",
    "query_text",
    "read_url_file",
    "validate_graph",
    "write_page",
]


# --- build, push ----------------------------------------------------------------------


def count_documents(paths: Iterable[Path], batch_size: int | None = None) -> int:
    """How many documents a build of ``paths`` will read (for a progress bar)."""
    from graph.sources.load import PARTITION_DOCUMENTS, plan_partitions

    parts = plan_partitions([Path(p) for p in paths], batch_size or PARTITION_DOCUMENTS)[0]
    return sum(p.documents for p in parts)


def build_graph(
    paths: Iterable[Path], out: Path, progress: Callable[[int], None] | None = None, **options: Any
) -> BuildReport:
    """Run a build (the options of :func:`graph.pipeline.build.build`)."""
    from graph.pipeline.build import build

    return build(list(paths), out, progress=progress, **options)


def push_graph(graph_path: Path, endpoint: str, after_build: bool = False) -> list[str]:
    """PUT every named graph of a build's ``graph.trig`` to a Graph Store endpoint."""
    from graph.sparql.query import find_graph_file
    from graph.sparql.remote import push

    trig = find_graph_file(graph_path) if graph_path.is_dir() else graph_path
    if trig.suffix.lower() != ".trig":
        raise QueryError(f"{trig}: push needs the build's graph.trig (named graphs)")
    if not after_build:
        return list(push(trig, endpoint))
    try:
        return list(push(trig, endpoint))
    except RemoteError as exc:
        raise RemoteError(f"the build is written, but pushing failed: {exc}", exc.hint) from None


# --- query ------------------------------------------------------------------------------


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``NAME=VALUE`` items (``--param``) as a mapping; a leading ``?`` is dropped."""
    bindings: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {item!r}: write NAME=VALUE", "e.g. --param lg=kota-medan")
        bindings[name.strip().lstrip("?$")] = value
    return bindings


def query_text(
    query_or_file: str,
    graph_path: Path,
    fmt: str = "table",
    params: Mapping[str, str] | None = None,
    endpoint: str | None = None,
    allow_update: bool = False,
) -> str:
    """What ``kotamitra query`` prints: the query answered by the build's store, by rdflib
    over the graph files, or by a remote endpoint (see
    :func:`graph.sparql.query.run_user_query`)."""
    from graph.sparql.query import run_user_query

    return run_user_query(
        query_or_file,
        graph_path,
        fmt=fmt,
        params=params,
        endpoint=endpoint,
        allow_update=allow_update,
    )


def describe_queries() -> str:
    """The shipped queries, with their questions and parameters (``query --list``)."""
    from graph.sparql.query import describe_queries as describe

    return describe()


# --- metrics ----------------------------------------------------------------------------


def _one_actor(result: dict[str, Any], actor: str, year: int | None, fmt: str) -> Any:
    from graph.network import find_actor

    one = find_actor(result, actor)
    if one is None:
        raise QueryError(
            f"no actor named {actor!r} in the graph"
            + (f" at the end of {year}" if year is not None else ""),
            "see 'kotamitra metrics' for the list",
        )
    if fmt in {"graphml", "gexf"}:  # the actor's own network: it and its neighbours
        me = one["actor"]
        near = {me} | {
            e["source"] if e["target"] == me else e["target"]
            for e in result["edges"]
            if me in (e["source"], e["target"])
        }
        result["actors"] = [a for a in result["actors"] if a["actor"] in near]
    else:
        result["actors"] = [one]
    return one


def metrics_text(
    graph_path: Path,
    fmt: str = "table",
    top: int | None = None,
    actor: str | None = None,
    year: int | None = None,
    exact: bool = False,
) -> str:
    """The metrics of ``kotamitra metrics`` in ``fmt`` (table, json, csv, graphml, gexf);
    ``actor``: one actor's card (or its own network); ``top``: the N first actors."""
    from graph.network import (
        actor_card,
        compute_metrics,
        open_graph,
        to_csv,
        to_gexf,
        to_graphml,
        to_json,
        to_table,
    )

    if top is not None and top < 1:
        raise QueryError("--top must be 1 or more")
    result = compute_metrics(
        open_graph(graph_path), year=year, betweenness_k=None if exact else "auto"
    )
    one = _one_actor(result, actor, year, fmt) if actor else None
    if one is None and top and fmt != "table":
        result["actors"] = result["actors"][:top]
    writers = {"json": to_json, "csv": to_csv, "graphml": to_graphml, "gexf": to_gexf}
    if fmt in writers:
        return str(writers[fmt](result))
    if one is not None:
        return str(actor_card(result, one))
    return str(to_table(result, top))


# --- the page -------------------------------------------------------------------------


def write_page(
    graph_path: Path,
    out: Path,
    *,
    lang: str = "en",
    size_by: str = "pagerank",
    focus: str | None = None,
    depth: int = 2,
    title: str | None = None,
    options_file: Path | None = None,
) -> Path:
    """Write the interactive page of a built graph (``kotamitra viz``)."""
    from graph.sparql.query import load_graph
    from graph.viz.page import read_options, render_html

    options = read_options(options_file) if options_file else None
    return render_html(
        load_graph(graph_path),
        out,
        lang=lang,
        title=title,
        size_by=size_by,
        focus=focus,
        depth=depth,
        options=options,
    )


# --- claims, export, validate, evaluate, serve --------------------------------------------

CLAIM_COLUMNS = [
    "group",
    "verdict",
    "unit",
    "concerns",
    "date",
    "quantity",
    "approximate",
    "source",
    "about",
    "sentence",
]


def wikidata_diff_text(
    graph_path: Path, p190: Path | None = None, fmt: str = "text", qs_file: Path | None = None
) -> str:
    """News-attested partnerships missing from Wikidata's P190, as QuickStatements, and
    the Wikidata pairs no news supports (:mod:`graph.sparql.wikidata`)."""
    from graph.sparql.wikidata import wikidata_diff_text as diff_text

    return diff_text(graph_path, p190, fmt, qs_file)


def claims_text(graph_path: Path, fmt: str = "table", min_sources: int = 2) -> str:
    """Numeric claims compared across sources, as a table, JSON or CSV."""
    from graph.sparql.claims import compare_claims, to_dicts, to_table
    from graph.sparql.query import load_graph, to_csv_rows

    groups = compare_claims(load_graph(graph_path), min_sources=max(1, min_sources))
    if fmt == "json":
        return json.dumps(to_dicts(groups), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        rows: list[dict[str, object]] = [
            {
                "group": i + 1,
                "verdict": grp.verdict,
                "unit": grp.unit,
                "concerns": " ".join(grp.concerns),
                "date": c.date,
                "quantity": c.quantity,
                "approximate": c.approximate,
                "source": c.source,
                "about": c.about,
                "sentence": c.sentence,
            }
            for i, grp in enumerate(groups)
            for c in grp.claims
        ]
        return str(to_csv_rows(rows, CLAIM_COLUMNS))
    return str(to_table(groups))


def export_text(graph_path: Path, fmt: str = "jsonld") -> str:
    """The built graph as JSON-LD, N-Quads, TriG, Turtle or N-Triples."""
    from graph.rdf.export import export
    from graph.sparql.query import load_graph

    return export(load_graph(graph_path), fmt)


def validate_graph(graph_path: Path, engine: str = "auto") -> Any:
    """The SHACL validation of a built graph (``.conforms``, ``.text()``)."""
    from graph.rdf.validate import validate_graph as validate

    return validate(graph_path, engine)


def _score_row(r: Any, verbose: bool) -> dict[str, Any]:
    return {
        "document": r.name,
        "error": r.error,
        "precision": r.score.precision,
        "recall": r.score.recall,
        "f1": r.score.f1,
        "tp": r.score.tp,
        "fp": r.score.fp,
        "fn": r.score.fn,
        "claims_found": r.claims_found,
        "claims_total": r.claims_total,
        **({"misses": r.score.misses, "extras": r.score.extras} if verbose else {}),
    }


def evaluate_text(gold_dir: Path, verbose: bool = False, fmt: str = "table") -> tuple[str, bool]:
    """Scores against gold annotations, and whether anything was scored at all."""
    from graph.pipeline.evaluate import evaluate_dir, report

    results = evaluate_dir(gold_dir)
    if not results:
        raise KotamitraError(f"no *.gold.yaml files in {gold_dir}")
    if fmt == "json":
        text = json.dumps([_score_row(r, verbose) for r in results], indent=2) + "\n"
    else:
        text = report(results, verbose)
    return text, not all(r.error for r in results)


def make_server(graph_path: Path, host: str, port: int, **options: Any) -> Any:
    """The read-only SPARQL endpoint of ``kotamitra serve`` (not yet serving)."""
    from graph.sparql.serve import make_server as make

    return make(graph_path, host, port, **options)
