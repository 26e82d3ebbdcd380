"""Command line: each command is a few lines over a library call.

Exit codes: 0 success; 1 the answer is "no" (``validate``: violations); 2 the command
could not run (bad input, missing graph, syntax error); 3 ``build --strict`` with
sources that had problems.
"""

from __future__ import annotations

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
            # click declares exit_code a class variable; the instance's is what it reads
            problem.exit_code = exc.exit_code  # type: ignore[misc]
            raise problem from None


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
    "--no-entailments",
    is_flag=True,
    help="Leave out the RDFS subclass/subproperty and symmetry entailments (see README).",
)
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
    no_entailments: bool,
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
    from graph.api import commands

    paths = list(sources) or [DEFAULT_SOURCES]
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    show_bar = not quiet and sys.stderr.isatty()
    total = 0
    if show_bar:
        total = commands.count_documents(paths, batch_size)
    with (
        click.progressbar(
            length=total, label="extracting", file=sys.stderr, show_eta=True, show_pos=True
        )
        if show_bar
        else _NoBar() as bar
    ):
        report = commands.build_graph(
            paths,
            out_dir,
            with_metrics=not no_metrics,
            with_viz=not no_viz,
            with_store=not no_store,
            entailments=not no_entailments,
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
        pushed = commands.push_graph(out_dir / "graph.trig", push_endpoint, after_build=True)
        if not quiet:
            click.echo(f"  pushed {len(pushed)} graph(s) to {push_endpoint}")
    if report.documents == 0 and not report.problems:
        click.echo(f"warning: no sources found under {', '.join(map(str, paths))}", err=True)
    if strict and report.problems:
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("urls", nargs=-1)
@click.option(
    "--urls",
    "url_file",
    type=click.Path(path_type=Path),
    default=None,
    help="A file of URLs, one a line (# starts a comment).",
)
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="An RSS or Atom feed.")
@click.option(
    "--into",
    type=click.Path(path_type=Path, file_okay=False),
    default=DEFAULT_SOURCES / "fetched",
    show_default=True,
    help="Folder for the source documents (and warc/ for the originals).",
)
@click.option("--timeout", type=click.FloatRange(0.1), default=20.0, show_default=True)
@click.option(
    "--retries",
    type=click.IntRange(0, 10),
    default=2,
    show_default=True,
    help="Further tries, with backoff, after a timeout, a dropped connection or 429/5xx.",
)
@click.option(
    "--delay",
    type=click.FloatRange(0),
    default=1.0,
    show_default=True,
    help="Seconds between two requests to one host (robots.txt's Crawl-delay wins if longer).",
)
@click.option(
    "--per-host",
    type=click.IntRange(1, 8),
    default=2,
    show_default=True,
    help="Connections to one host at a time.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(1024),
    default=5 * 1024 * 1024,
    show_default=True,
    help="Largest page read.",
)
@click.option(
    "--refresh",
    is_flag=True,
    help="Fetch again known pages that gave no ETag or Last-Modified to ask about.",
)
@click.option("--strict", is_flag=True, help="Exit with code 3 if any URL failed.")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems and the summary.")
def fetch(
    urls: tuple[str, ...],
    url_file: Path | None,
    feeds: tuple[str, ...],
    into: Path,
    timeout: float,
    retries: int,
    delay: float,
    per_host: int,
    max_bytes: int,
    refresh: bool,
    strict: bool,
    quiet: bool,
) -> None:
    """Fetch news pages (URLS, --urls FILE, the items of --feed URL) into source documents.

    Each article becomes a Markdown file with front matter (title, url, canonical_url,
    publisher, published, language, fetched_at) and its main text; the pages as served
    are kept in a WARC file under INTO/warc/. A rerun asks only whether known pages
    changed (ETag, Last-Modified). Every failing URL is reported; the others go on.
    """
    from graph.api.commands import FetchOptions, Outcome, fetch_urls, read_url_file

    listed = list(urls) + (read_url_file(url_file) if url_file else [])
    if not listed and not feeds:
        raise UsageProblem("no URLs to fetch", "give URLs, --urls FILE or --feed URL")
    options = FetchOptions(
        timeout=timeout,
        retries=retries,
        delay=delay,
        per_host=per_host,
        max_bytes=max_bytes,
        refresh=refresh,
    )

    def show(outcome: Outcome) -> None:
        if outcome.status == "failed" or not quiet:
            click.echo(outcome.line(), err=outcome.status in {"failed", "skipped"})

    report = fetch_urls(listed, feeds=feeds, into=into, options=options, progress=show)
    click.echo(report.summary() + f" ({report.seconds:.1f} s)")
    if report.warc is not None and not quiet:
        click.echo(f"originals kept in {report.warc}")
    if strict and report.count("failed"):
        sys.exit(EXIT_SKIPPED)


@main.command()
@click.argument("query_or_file", required=False)
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
    help="Bind a variable: a name ('Surabaya'), slug, kmr:x or <IRI> gives the entity, "
    "anything else a literal.",
)
@click.option("--endpoint", default=None, help="Query this SPARQL 1.1 endpoint instead.")
@click.option("--list", "list_queries", is_flag=True, help="List the shipped queries and stop.")
def query(
    query_or_file: str | None,
    graph_path: Path,
    fmt: str,
    allow_update: bool,
    params: tuple[str, ...],
    endpoint: str | None,
    list_queries: bool,
) -> None:
    """Run a SPARQL 1.1 query (text, a .rq file, - for stdin, or the name of a shipped
    query such as 'partners') over the built graph.

    The prefixes km:, kmr:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, schema: and wd: are
    predeclared. The build's Oxigraph store (output/store/) answers when it is there;
    a Turtle or TriG file is read with rdflib.
    """
    from graph.api.commands import describe_queries, parse_params, query_text

    if list_queries:
        click.echo(describe_queries(), nl=False)
        return
    if query_or_file is None:
        raise UsageProblem(
            "give a query, a .rq file, - or a shipped query's name",
            "see 'kotamitra query --list'",
        )
    out = query_text(
        query_or_file,
        graph_path,
        fmt,
        params=parse_params(params),
        endpoint=endpoint,
        allow_update=allow_update,
    )
    click.echo(out, nl=False)


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
    from graph.api.commands import metrics_text

    click.echo(metrics_text(graph_path, fmt, top, actor, year, exact), nl=False)


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
@click.option("--title", default=None, help="The page's title (default: derived from the graph).")
@click.option(
    "--options",
    "options_file",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="FILE.json",
    help="vis-network options (physics, layout, nodes…) merged over the page's, via pyvis.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def viz(
    graph_path: Path,
    out_file: Path,
    lang: str,
    size_by: str,
    focus: str | None,
    depth: int,
    title: str | None,
    options_file: Path | None,
    open_browser: bool,
) -> None:
    """Write the interactive network as one self-contained HTML file (works offline).

    The page has search, filters by class, relation, years and country, focus on N hops,
    every evidence sentence with its article, and a timeline of activities per year per
    local government. Nothing but the HTML file is written.
    """
    from graph.api.commands import write_page

    path = write_page(
        graph_path,
        out_file,
        lang=lang,
        size_by=size_by,
        focus=focus,
        depth=depth,
        title=title,
        options_file=options_file,
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
    from graph.api import commands

    click.echo(commands.wikidata_diff_text(graph_path, p190, fmt, qs_file), nl=False)


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
    from graph.api.commands import claims_text

    click.echo(claims_text(graph_path, fmt, min_sources), nl=False)


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
    from graph.api.commands import make_server

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
    if isinstance(real_host, bytes):
        real_host = real_host.decode()
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
    from graph.api.commands import push_graph

    pushed = push_graph(graph_path, endpoint)
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
    from graph.api.commands import export_text
    from graph.files import write_text

    text = export_text(graph_path, fmt)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        click.echo(f"wrote {write_text(out_file, text)}")


@main.command()
@graph_option
@click.option(
    "--engine",
    type=click.Choice(["auto", "pyshacl-turbo", "pyshacl", "pyrudof"]),
    default="auto",
    show_default=True,
    help="SHACL engine (auto: pyshacl-turbo, the fastest measured, else pySHACL).",
)
def validate(graph_path: Path, engine: str) -> None:
    """Check the built graph against the SHACL shapes (exit 0 conforms, 1 violations, 2 error)."""
    from graph.api.commands import validate_graph

    result = validate_graph(graph_path, engine)
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
    from graph.api.commands import evaluate_text

    text, scored = evaluate_text(gold_dir, verbose, fmt)
    click.echo(text, nl=False)
    if not scored:
        raise UsageProblem(
            f"no gold document in {gold_dir} had its text: nothing was scored",
            "save each text as its gold's source.file beside it (see the 'retrieve' blocks)",
        )


if __name__ == "__main__":
    main()
