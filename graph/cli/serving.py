"""Commands that serve, send, export, check and score: ``serve``, ``push``, ``export``,
``validate``, ``evaluate``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.cli.group import (
    UsageProblem,
    graph_option,
    main,
)
from graph.errors import EXIT_NO, EXIT_OK


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
