"""Command line: each command is a few lines over a library call.

Exit codes: 0 success; 1 the answer is "no" (``validate``: violations); 2 the command
could not run (bad input, missing graph, syntax error); 3 ``build --strict`` with
sources that had problems.
"""

from __future__ import annotations

import json
import sys
import webbrowser
from pathlib import Path

import click

from graph import __version__
from graph.errors import EXIT_ERROR, EXIT_NO, EXIT_OK, EXIT_SKIPPED, KotamitraError

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("output")


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "0%"


class _NoBar:
    """A progress bar that shows nothing (not a terminal, or --quiet)."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        return None


class UsageProblem(click.ClickException):
    """An error the user can fix: printed without a traceback, exit code 2."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message + (f"\nHint: {hint}" if hint else ""))


class _Group(click.Group):
    """The command group: every :class:`KotamitraError` a command raises is caught here,
    once, and printed as ``Error: message`` and ``Hint: hint``, with its exit code."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KotamitraError as exc:
            problem = UsageProblem(str(exc), exc.hint)
            problem.exit_code = exc.exit_code
            raise problem from None


def _open_graph(path: Path):  # type: ignore[no-untyped-def]
    from graph.sparql.query import load_graph

    return load_graph(path)


graph_option = click.option(
    "--graph",
    "graph_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Built graph: the output folder of 'build', or a .trig/.ttl file.",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kotamitra")
def main() -> None:
    """kotamitra: the knowledge graph of local governments' international partnerships.

    Build the graph from news sources, query it with SPARQL, measure it, and explore
    it as an interactive network.
    """


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder to write the graph and reports into.",
)
@click.option("--strict", is_flag=True, help="Exit with code 3 if any source had a problem.")
@click.option("--no-viz", is_flag=True, help="Do not write graph.html.")
@click.option("--no-metrics", is_flag=True, help="Do not write metrics.json/metrics.csv.")
@click.option("--no-store", is_flag=True, help="Do not write the Oxigraph store (output/store/).")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Extract in this many worker processes (same result as 1).",
)
@click.option(
    "--force", is_flag=True, help="Re-extract every document (ignore the cache in OUT/.cache)."
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Run extraction here (local) or as Dask tasks (dask; needs kotamitra[dask]).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler to use (tcp://host:8786); default: a local cluster of --jobs workers.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1, 1_000_000),
    default=None,
    help="Documents of a JSONL corpus per task (default 500); memory grows with it.",
)
@click.option(
    "--push",
    "push_endpoint",
    default=None,
    metavar="URL",
    help="Also PUT every named graph to this Graph Store endpoint when the build is done.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def build(
    sources: tuple[Path, ...],
    out_dir: Path,
    strict: bool,
    no_viz: bool,
    no_metrics: bool,
    no_store: bool,
    jobs: int,
    force: bool,
    engine: str,
    scheduler: str | None,
    batch_size: int | None,
    push_endpoint: str | None,
    quiet: bool,
) -> None:
    """Read SOURCES (files or folders; default sources/), extract, write the graph.

    Writes graph.ttl (all facts), graph.trig (one named graph per source document),
    metrics.json, metrics.csv and graph.html into --out. A source that cannot be read is
    reported with its path and the reason and skipped; the others are built.
    """
    from graph.pipeline.build import build as run_build

    paths = list(sources) or [DEFAULT_SOURCES]
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    show_bar = not quiet and sys.stderr.isatty()
    total = 0
    if show_bar:
        from graph.sources.load import PARTITION_DOCUMENTS, plan_partitions

        parts = plan_partitions([Path(x) for x in paths], batch_size or PARTITION_DOCUMENTS)[0]
        total = sum(p.documents for p in parts)
    with (
        click.progressbar(
            length=total, label="extracting", file=sys.stderr, show_eta=True, show_pos=True
        )
        if show_bar
        else _NoBar() as bar
    ):
        report = run_build(
            paths,
            out_dir,
            with_metrics=not no_metrics,
            with_viz=not no_viz,
            with_store=not no_store,
            jobs=jobs,
            force=force,
            engine=engine,
            scheduler=scheduler,
            partition_size=batch_size,
            progress=bar.update,
        )
    for w in report.warnings:
        click.echo(f"warning: {w.path}: {w.reason}", err=True)
    for p in report.problems:
        click.echo(f"skipped: {p.path}: {p.reason}", err=True)
    if not quiet:
        click.echo(
            f"Built {report.documents} document(s): {report.entities} entities, "
            f"{report.facts} facts, "
            f"{report.activities} activities, {report.claims} claims, {report.triples} triples."
        )
        click.echo(
            f"  {report.stating} document(s) state something (a named graph each); "
            f"{report.prefiltered} held nothing international (skipped by the prefilter, "
            f"{_share(report.prefiltered, report.documents)}); "
            f"{report.cached} taken from the cache; {len(report.problems)} skipped."
        )
        click.echo(
            "  time: "
            + ", ".join(f"{stage} {secs:.1f} s" for stage, secs in report.timings.items())
        )
        if report.unchanged:
            click.echo(
                f"  the graph is the same as the last build's: the outputs in {out_dir} are kept"
            )
        for path in report.written:
            click.echo(f"  wrote {path}")
        if report.problems:
            click.echo(f"{len(report.problems)} source(s) skipped (see above).")
    if push_endpoint:
        from graph.sparql.remote import RemoteError, push

        try:
            pushed = push(out_dir / "graph.trig", push_endpoint)
        except RemoteError as exc:
            raise UsageProblem(
                f"the build is written, but pushing failed: {exc}", exc.hint
            ) from None
        if not quiet:
            click.echo(f"  pushed {len(pushed)} graph(s) to {push_endpoint}")
    if report.documents == 0 and not report.problems:
        click.echo(f"warning: no sources found under {', '.join(map(str, paths))}", err=True)
    if strict and report.problems:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("query_or_file")
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "tsv", "xml", "turtle", "nt", "json-ld"]),
    default="table",
    show_default=True,
    help="Result format (W3C SPARQL results or RDF).",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Allow SPARQL UPDATE (in memory only; files are not changed).",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a variable: kmr:x, a slug or an <IRI> gives an IRI, anything else a literal.",
)
@click.option("--endpoint", default=None, help="Query this SPARQL 1.1 endpoint instead.")
def query(
    query_or_file: str,
    graph_path: Path,
    fmt: str,
    allow_update: bool,
    params: tuple[str, ...],
    endpoint: str | None,
) -> None:
    """Run a SPARQL 1.1 query (text, a .rq file, - for stdin, or the name of a shipped
    query such as 'partners') over the built graph.

    The prefixes km:, kmr:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, schema: and wd: are
    predeclared. The build's Oxigraph store (output/store/) answers when it is there;
    a Turtle or TriG file is read with rdflib.
    """
    from graph.sparql.query import format_result, read_query, run_query
    from graph.sparql.store import bind_params, serialize, store_path, table

    bindings: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageProblem(f"--param {item!r}: write NAME=VALUE", "e.g. --param lg=kota-medan")
        bindings[name.strip().lstrip("?")] = value
    text = read_query(query_or_file)
    if endpoint:
        from graph.sparql.remote import remote_query

        click.echo(remote_query(endpoint, bind_params(text, bindings), fmt), nl=False)
        return
    if not allow_update and store_path(graph_path) is not None:
        import pyoxigraph

        from graph.sparql.store import open_store, run

        result = run(open_store(graph_path), text, bindings)
        if fmt == "table" and not isinstance(result, pyoxigraph.QueryTriples):
            click.echo(table(result), nl=False)
        else:
            out = serialize(result, fmt)
            click.echo(out.decode("utf-8"), nl=not out.endswith(b"\n"))
        return
    text = bind_params(text, bindings) if bindings else text
    ds = _open_graph(graph_path)
    result = run_query(ds, text, allow_update=allow_update)
    if result is None:
        click.echo("update applied in memory (the graph files were not changed)")
        return
    click.echo(format_result(result, fmt), nl=False)


@main.command()
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv", "graphml", "gexf"]),
    default="table",
    show_default=True,
    help="table: readable; json: everything; csv: one row an actor; graphml/gexf: the "
    "network with the metrics as attributes (Cytoscape, Gephi).",
)
@click.option("--top", type=int, default=None, help="Only the N actors with the highest PageRank.")
@click.option("--actor", default=None, help="One actor (by label, slug or IRI): all its metrics.")
@click.option(
    "--year",
    type=int,
    default=None,
    help="The network as it stood at the end of YEAR (links first dated then or before).",
)
@click.option(
    "--exact",
    is_flag=True,
    help="Exact betweenness however large the network (otherwise sampled above a size).",
)
def metrics(
    graph_path: Path, fmt: str, top: int | None, actor: str | None, year: int | None, exact: bool
) -> None:
    """Partnership metrics of the actor network, computed with networkx.

    Per actor: partners and their countries, activities, delegations sent and received,
    people sent abroad, years active, degree, betweenness, PageRank, eigenvector
    centrality, community, and how concentrated its partners and activities are across
    countries. For the network: size, density, components, Louvain communities and
    modularity, and per year: new partnerships, activities and people sent.
    """
    from graph.network import (
        actor_card,
        compute_metrics,
        find_actor,
        open_graph,
        to_csv,
        to_gexf,
        to_graphml,
        to_json,
        to_table,
    )

    if top is not None and top < 1:
        raise UsageProblem("--top must be 1 or more")
    source = open_graph(graph_path)
    result = compute_metrics(source, year=year, betweenness_k=None if exact else "auto")
    one = None
    if actor:
        one = find_actor(result, actor)
        if one is None:
            raise UsageProblem(
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
    elif top and fmt != "table":
        result["actors"] = result["actors"][:top]
    if fmt == "json":
        click.echo(to_json(result), nl=False)
    elif fmt == "csv":
        click.echo(to_csv(result), nl=False)
    elif fmt == "graphml":
        click.echo(to_graphml(result), nl=False)
    elif fmt == "gexf":
        click.echo(to_gexf(result), nl=False)
    elif one is not None:
        click.echo(actor_card(result, one), nl=False)
    else:
        click.echo(to_table(result, top), nl=False)


@main.command()
@graph_option
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT / "graph.html",
    show_default=True,
    help="HTML file to write.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "id"]),
    default="en",
    show_default=True,
    help="Language of labels.",
)
@click.option(
    "--size-by",
    type=click.Choice(["pagerank", "degree", "sources", "betweenness"]),
    default="pagerank",
    show_default=True,
    help="Node size: PageRank, connected nodes, sources (articles) or betweenness.",
)
@click.option(
    "--focus",
    default=None,
    metavar="NAME",
    help="Write only this entity (a name, slug or IRI) and what lies within --depth hops.",
)
@click.option(
    "--depth",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Hops around --focus.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def viz(
    graph_path: Path,
    out_file: Path,
    lang: str,
    size_by: str,
    focus: str | None,
    depth: int,
    open_browser: bool,
) -> None:
    """Write the interactive network as one self-contained HTML file (works offline).

    The page has search, filters by class, relation, years and country, focus on N hops,
    every evidence sentence with its article, and a timeline of activities per year per
    local government. Nothing but the HTML file is written.
    """
    from graph.viz.page import render_html

    path = render_html(
        _open_graph(graph_path),
        out_file,
        lang=lang,
        size_by=size_by,
        focus=focus,
        depth=depth,
    )
    click.echo(f"wrote {path}")
    if open_browser:
        webbrowser.open(path.resolve().as_uri())


@main.command("wikidata-diff")
@graph_option
@click.option(
    "--p190",
    "p190",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A P190 export (TSV or CSV from the Wikidata Query Service); default: the "
    "reference data in the graph (sources/reference/wikidata-p190-indonesia.tsv).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--quickstatements",
    "qs_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write the QuickStatements lines alone into this file.",
)
def wikidata_diff(graph_path: Path, p190: Path | None, fmt: str, qs_file: Path | None) -> None:
    """News-attested partnerships missing from Wikidata's P190 (as QuickStatements with
    references), Wikidata pairs no news supports, and local governments without a QID."""
    from graph.files import write_text
    from graph.sparql.store import open_store, store_path
    from graph.sparql.wikidata import to_text
    from graph.sparql.wikidata import wikidata_diff as diff_of

    source = open_store(graph_path) if store_path(graph_path) else _open_graph(graph_path)
    diff = diff_of(source, p190)
    if qs_file is not None:
        write_text(qs_file, "".join(line + "\n" for line in diff.quickstatements))
    if fmt == "json":
        click.echo(json.dumps(diff.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(to_text(diff), nl=False)


@main.command()
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option(
    "--min-sources",
    type=int,
    default=2,
    show_default=True,
    help="Show groups stated by at least this many articles (1 lists every claim).",
)
def claims(graph_path: Path, fmt: str, min_sources: int) -> None:
    """Compare numeric claims about the same thing across sources (agree, growth, conflict)."""
    from graph.sparql.claims import compare_claims, to_dicts, to_table
    from graph.sparql.query import to_csv_rows

    groups = compare_claims(_open_graph(graph_path), min_sources=max(1, min_sources))
    if fmt == "json":
        click.echo(json.dumps(to_dicts(groups), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        rows = [
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
        cols = [
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
        click.echo(to_csv_rows(rows, cols), nl=False)
    else:
        click.echo(to_table(groups), nl=False)


@main.command()
@graph_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (localhost only by default).",
)
@click.option("--port", type=int, default=7878, show_default=True)
@click.option(
    "--timeout", type=float, default=10.0, show_default=True, help="Seconds a query may run."
)
@click.option(
    "--max-bytes", type=int, default=20_000_000, show_default=True, help="Largest result sent."
)
@click.option(
    "--workers", type=int, default=8, show_default=True, help="Queries evaluated at once."
)
@click.option("-v", "--verbose", is_flag=True, help="Log every request.")
def serve(
    graph_path: Path,
    host: str,
    port: int,
    timeout: float,
    max_bytes: int,
    workers: int,
    verbose: bool,
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint (/sparql), with a query
    page (/) and the network (/graph.html)."""
    from graph.sparql.serve import make_server

    try:
        server = make_server(
            graph_path,
            host,
            port,
            timeout=timeout,
            max_bytes=max_bytes,
            workers=workers,
            verbose=verbose,
        )
    except OSError as exc:
        raise UsageProblem(
            f"cannot listen on {host}:{port}: {exc.strerror}", "choose another --port"
        ) from None
    real_host, real_port = server.server_address[:2]
    click.echo(f"SPARQL endpoint: http://{real_host}:{real_port}/sparql  (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@graph_option
@click.option(
    "--endpoint",
    required=True,
    help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph).",
)
def push(graph_path: Path, endpoint: str) -> None:
    """Write each source's named graph to a remote store (SPARQL 1.1 Graph Store
    Protocol, PUT: pushing again replaces, never duplicates)."""
    from graph.sparql.query import find_graph_file
    from graph.sparql.remote import push as run_push

    trig = find_graph_file(graph_path) if graph_path.is_dir() else graph_path
    if trig.suffix.lower() != ".trig":
        raise UsageProblem(f"{trig}: push needs the build's graph.trig (named graphs)")
    pushed = run_push(trig, endpoint)
    click.echo(f"pushed {len(pushed)} graph(s) to {endpoint}")


@main.command()
@graph_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonld", "nquads", "trig", "turtle", "nt"]),
    default="jsonld",
    show_default=True,
)
@click.option(
    "--out",
    "out_file",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: standard output).",
)
def export(graph_path: Path, fmt: str, out_file: Path | None) -> None:
    """Export the built graph: JSON-LD (with the kotamitra context), N-Quads, TriG,
    Turtle or N-Triples."""
    from graph.files import write_text
    from graph.rdf.export import export as run_export

    text = run_export(_open_graph(graph_path), fmt)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {write_text(out_file, text)}")


@main.command()
@graph_option
def validate(graph_path: Path) -> None:
    """Check the built graph against the SHACL shapes (exit 0 conforms, 1 violations, 2 error)."""
    from graph.rdf.validate import validate as run_validate

    ds = _open_graph(graph_path)
    try:
        result = run_validate(ds)
    except Exception as exc:
        raise UsageProblem(f"validation could not run: {exc}") from None
    click.echo(result.text(), nl=False)
    sys.exit(EXIT_OK if result.conforms else EXIT_NO)


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List the misses and extras of each document.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def evaluate(gold_dir: Path, verbose: bool, fmt: str) -> None:
    """Score extraction against gold annotations (*.gold.yaml beside their texts)."""
    from graph.pipeline.evaluate import evaluate_dir, report

    results = evaluate_dir(gold_dir)
    if not results:
        raise UsageProblem(f"no *.gold.yaml files in {gold_dir}")
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
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
                    for r in results
                ],
                indent=2,
            )
        )
    else:
        click.echo(report(results, verbose), nl=False)
    if all(r.error for r in results):
        raise UsageProblem(
            f"no gold document in {gold_dir} had its text: nothing was scored",
            "save each text as its gold's source.file beside it (see the 'retrieve' blocks)",
        )


if __name__ == "__main__":
    main()
