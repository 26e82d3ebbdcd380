"""Commands that ask the graph: ``query``, ``metrics``, ``viz``, ``wikidata-diff``, ``claims``."""

from __future__ import annotations

import webbrowser
from pathlib import Path

import click

from graph.cli.group import (
    DEFAULT_OUT,
    UsageProblem,
    graph_option,
    main,
)


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
