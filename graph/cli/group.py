"""The command group and what its commands share: default paths, the ``--graph``
option, and the one place where a :class:`~graph.errors.KotamitraError` becomes a message,
a hint and an exit code.

Exit codes: 0 success or yes; 1 the answer is "no" (``validate``: violations; another
build holds the folder); 2 the command could not run (bad input, missing graph, syntax
error); 3 ``build --strict`` with sources that had problems.
"""

from __future__ import annotations

from pathlib import Path

import click

from graph import __version__
from graph.errors import EXIT_ERROR, KotamitraError

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
