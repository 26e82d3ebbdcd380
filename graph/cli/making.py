"""Commands that make the graph: ``build`` and ``fetch``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.cli.group import (
    DEFAULT_OUT,
    DEFAULT_SOURCES,
    UsageProblem,
    _NoBar,
    _share,
    main,
)
from graph.errors import EXIT_SKIPPED


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
    "--dormant-years",
    type=click.IntRange(1, 100),
    default=None,
    metavar="N",
    help="A partnership with no reported activity for N years is dormant (default 5).",
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
    dormant_years: int | None,
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
            dormant_after_years=dormant_years,
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
