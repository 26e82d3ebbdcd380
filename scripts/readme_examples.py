"""Regenerate the README's query examples and its list of shipped queries, cog-style.

The README marks generated parts with HTML comments, kept in the file:

    <!-- example: query partners -->            (or "example head=3: query … --format csv")
    …the query in a sparql block and what the command prints in a text block…
    <!-- /example -->

    <!-- shipped-queries -->
    …a table of the queries in ontology/queries/ (name, question, parameters)…
    <!-- /shipped-queries -->

The examples run on a fresh build of the shipped ``sources/`` (made in a temporary
folder), with the arguments after ``example:`` given to ``kotamitra``. ``head=N`` keeps
the first N lines of the output and marks the cut with ``…``.

Usage: python scripts/readme_examples.py           rewrite README.md in place
       python scripts/readme_examples.py --check   exit 1 if README.md differs (CI, tests)
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXAMPLE = re.compile(
    r"(?P<open><!-- example(?: head=(?P<head>\d+))?: (?P<args>.+?) -->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- /example -->)",
    re.S,
)
SHIPPED = re.compile(r"(<!-- shipped-queries -->\n)(.*?)(<!-- /shipped-queries -->)", re.S)


def _query_text(args: list[str]) -> str:
    """The SPARQL an example runs: a shipped query without its comments, or the string."""
    from graph.sparql.query import read_query, shipped_query

    text = read_query(args[1])
    if shipped_query(args[1]) is not None:
        text = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return text.strip()


def _run(args: list[str], graph: Path) -> str:
    from click.testing import CliRunner

    from graph.cli import main

    result = CliRunner().invoke(main, [*args, "--graph", str(graph)])
    if result.exit_code != 0:
        raise SystemExit(f"kotamitra {shlex.join(args)} failed:\n{result.output}")
    return result.stdout


def example_block(args: list[str], graph: Path, head: int | None) -> str:
    out = _run(args, graph).rstrip("\n").splitlines()
    if head is not None and len(out) > head:
        out = [*out[:head], "…"]
    output = "\n".join(out)
    return f"```sparql\n{_query_text(args)}\n```\n\n```text\n{output}\n```\n"


def shipped_table() -> str:
    from graph.sparql.query import list_queries

    rows = ["| query | question | parameters |", "| --- | --- | --- |"]
    for q in list_queries():
        params = ", ".join(f"`{n}` (default `{v}`)" for n, v in q.parameters.items()) or "–"
        rows.append(f"| `{q.name}` | {q.question_en} | {params} |")
    return "\n".join(rows) + "\n"


def regenerate(readme: str, graph: Path) -> str:
    """The README with every generated part made again."""

    def example(m: re.Match[str]) -> str:
        args = shlex.split(m.group("args"))
        head = int(m.group("head")) if m.group("head") else None
        return m.group("open") + example_block(args, graph, head) + m.group("close")

    readme = EXAMPLE.sub(example, readme)
    return SHIPPED.sub(lambda m: m.group(1) + shipped_table() + m.group(3), readme)


def build_sources(folder: Path) -> Path:
    """A build of the shipped ``sources/`` in ``folder`` (no page, no metrics)."""
    from graph.pipeline.build import build

    build([ROOT / "sources"], folder, with_metrics=False, with_viz=False, cache=False)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if README.md differs")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args()
    current = args.readme.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="readme-") as tmp:
        fresh = regenerate(current, build_sources(Path(tmp)))
    if args.check:
        if fresh != current:
            print(f"{args.readme} is out of date: run python scripts/readme_examples.py")
            return 1
        return 0
    if fresh != current:
        from graph.files import write_text

        write_text(args.readme, fresh)
        print(f"rewrote {args.readme}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
