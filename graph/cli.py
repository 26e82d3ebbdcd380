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

DEFAULT_SOURCES = Path("sources")
DEFAULT_OUT = Path("output")


class UsageProblem(click.ClickException):
    """An error the user can fix: printed without a traceback, exit code 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message + (f"\nHint: {hint}" if hint else ""))


def _open_graph(path: Path):  # type: ignore[no-untyped-def]
    from graph.query import QueryError, load_graph

    try:
        return load_graph(path)
    except QueryError as exc:
        raise UsageProblem(str(exc), exc.hint) from None


graph_option = click.option(
    "--graph",
    "graph_path",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Built graph: the output folder of 'build', or a .trig/.ttl file.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kotamitra")
def main() -> None:
    """kotamitra: the knowledge graph of local governments' international partnerships.

    Build the graph from news sources, query it with SPARQL, measure it, and explore
    it as an interactive network.
    """


@main.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option(
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
@click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
def build(
    sources: tuple[Path, ...],
    out_dir: Path,
    strict: bool,
    no_viz: bool,
    no_metrics: bool,
    quiet: bool,
) -> None:
    """Read SOURCES (files or folders; default sources/), extract, write the graph.

    Writes graph.ttl (all facts), graph.trig (one named graph per source document),
    metrics.json, metrics.csv and graph.html into --out. A source that cannot be read is
    reported with its path and the reason and skipped; the others are built.
    """
    from graph.build import build as run_build

    paths = list(sources) or [DEFAULT_SOURCES]
    report = run_build(paths, out_dir, with_metrics=not no_metrics, with_viz=not no_viz)
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
        for path in report.written:
            click.echo(f"  wrote {path}")
        if report.problems:
            click.echo(f"{len(report.problems)} source(s) skipped (see above).")
    if report.documents == 0 and not report.problems:
        click.echo(f"warning: no sources found under {', '.join(map(str, paths))}", err=True)
    if strict and report.problems:
        sys.exit(3)


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
def query(query_or_file: str, graph_path: Path, fmt: str, allow_update: bool) -> None:
    """Run a SPARQL 1.1 query (text, a .rq file, or - for stdin) over the built graph.

    The prefixes km:, kmr:, rdf:, rdfs:, owl:, xsd:, skos:, prov:, schema: and wd: are
    predeclared.
    """
    from graph.query import QueryError, format_result, read_query, run_query

    try:
        text = read_query(query_or_file)
        ds = _open_graph(graph_path)
        result = run_query(ds, text, allow_update=allow_update)
        if result is None:
            click.echo("update applied in memory (the graph files were not changed)")
            return
        click.echo(format_result(result, fmt), nl=False)
    except QueryError as exc:
        raise UsageProblem(str(exc), exc.hint) from None


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
    "--top", type=int, default=None, help="Show only the N highest-ranked actors (table)."
)
@click.option("--actor", default=None, help="Show one actor (by label or slug).")
def metrics(graph_path: Path, fmt: str, top: int | None, actor: str | None) -> None:
    """Partnership metrics of the actor network, computed with networkx."""
    from graph.metrics import compute_metrics, to_csv, to_table

    result = compute_metrics(_open_graph(graph_path))
    if actor:
        wanted = actor.casefold()
        result["actors"] = [
            a
            for a in result["actors"]  # type: ignore[union-attr]
            if wanted in (a["actor"].casefold(), a["label"].casefold())
        ]
        if not result["actors"]:
            raise UsageProblem(
                f"no actor named {actor!r} in the graph", "see 'kotamitra metrics' for the list"
            )
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(to_csv(result), nl=False)
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
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
def viz(graph_path: Path, out_file: Path, lang: str, open_browser: bool) -> None:
    """Write the interactive network as one self-contained HTML file (works offline)."""
    from graph.viz import render_html

    path = render_html(_open_graph(graph_path), out_file, lang=lang)
    click.echo(f"wrote {path}")
    if open_browser:
        webbrowser.open(path.resolve().as_uri())


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
    from graph.claims import compare_claims, to_dicts, to_table
    from graph.query import to_csv_rows

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
def validate(graph_path: Path) -> None:
    """Check the built graph against the SHACL shapes (exit 0 conforms, 1 violations, 2 error)."""
    from graph.validate import validate as run_validate

    ds = _open_graph(graph_path)
    try:
        result = run_validate(ds)
    except Exception as exc:
        raise UsageProblem(f"validation could not run: {exc}") from None
    click.echo(result.text(), nl=False)
    sys.exit(0 if result.conforms else 1)


@main.command()
@click.argument("gold_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("-v", "--verbose", is_flag=True, help="List the misses and extras of each document.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def evaluate(gold_dir: Path, verbose: bool, fmt: str) -> None:
    """Score extraction against gold annotations (*.gold.yaml beside their texts)."""
    from graph.evaluate import evaluate_dir, report

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


if __name__ == "__main__":
    main()
