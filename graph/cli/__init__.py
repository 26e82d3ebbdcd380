"""Command line: each command is a few lines over a call to the public API
(:mod:`graph.api`); the commands live in :mod:`graph.cli.making` (build, fetch),
:mod:`graph.cli.asking` (query, metrics, viz, wikidata-diff, claims) and
:mod:`graph.cli.serving` (serve, push, export, validate, evaluate), registered on the one
group of :mod:`graph.cli.group`.

Exit codes: 0 success; 1 the answer is "no" (``validate``: violations); 2 the command
could not run (bad input, missing graph, syntax error); 3 ``build --strict`` with
sources that had problems.
"""

from graph.cli import asking, making, serving
from graph.cli.group import main

__all__ = ["asking", "main", "making", "serving"]
