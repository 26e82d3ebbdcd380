"""One family of errors. Each carries a message and, where one helps, a hint saying how
to fix it; the command line catches :class:`KotamitraError` once and prints both.

Exit codes of the command line (documented in the README, tested per command):

- 0: done, or the answer is yes (a graph conforms, an ASK is true);
- 1: the answer is no (SHACL violations, a false ASK) or another build holds the folder;
- 2: could not run: bad usage, a missing or unreadable graph, a query error;
- 3: a ``--strict`` build skipped a source.

>>> err = QueryError("unknown prefix foo:", hint="declare it with PREFIX foo: <…>")
>>> str(err), err.hint, err.exit_code
('unknown prefix foo:', 'declare it with PREFIX foo: <…>', 2)
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_NO = 1
EXIT_ERROR = 2
EXIT_SKIPPED = 3


class KotamitraError(Exception):
    """Something the user can fix: a message, an optional hint, an exit code."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class SourceError(KotamitraError):
    """A source cannot be read (reported per file; the others go on)."""


class BuildError(KotamitraError):
    """A build cannot run (bad options, an engine or output folder problem)."""


class BuildLocked(BuildError):
    """Another build is writing into the same output folder."""

    exit_code = EXIT_NO


class EngineError(BuildError):
    """The execution engine (process pool, Dask) cannot run the build."""


class QueryError(KotamitraError):
    """A query cannot run: syntax, an unknown name or parameter, a missing graph."""


class StoreError(QueryError):
    """The Oxigraph store cannot be opened or written, or a query on it cannot run;
    ``status`` is the HTTP status a server answers with."""

    def __init__(self, message: str, hint: str | None = None, status: int = 400) -> None:
        super().__init__(message, hint)
        self.status = status


class RemoteError(KotamitraError):
    """A remote SPARQL endpoint or Graph Store failed or could not be reached."""


class ValidationError(KotamitraError):
    """SHACL validation could not run (not: the graph does not conform)."""


class LexiconError(KotamitraError):
    """A word list, pattern or mapping file is malformed (unknown key, bad pattern)."""


class FocusError(KotamitraError):
    """A focus entity that is not in the network, or a name that is ambiguous;
    ``candidates`` lists the closest names."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        hint = f"did you mean: {', '.join(candidates)}?" if candidates else None
        super().__init__(message, hint)
        self.candidates = list(candidates or [])
