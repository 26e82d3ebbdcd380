"""The Python API: a built knowledge graph, for notebooks and scripts.

>>> import graph
>>> kg = graph.build(["sources/"], out="output")          # doctest: +SKIP
>>> kg = graph.open("output")                             # doctest: +SKIP

:class:`KnowledgeGraph` answers SPARQL as pandas DataFrames (the prefixes ``km:``,
``kmr:``, ``rdf:``, ``rdfs:``, ``owl:``, ``xsd:``, ``skos:``, ``prov:``, ``schema:`` and
``wd:`` are predeclared, and IRIs come back as prefixed names), gives the metrics as
DataFrames, and the graph as networkx, rdflib and pyvis objects. ``kotamitra`` (the
command line) is built on the same functions.

An example on a graph built here from two short texts written for this example:

>>> import tempfile, pathlib
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> _ = (tmp / "src").mkdir(), (tmp / "src" / "a.md").write_text(
...     "---\\ntitle: Jambi dan Singapura\\npublished: 2023-05-12\\nlanguage: id\\n---\\n"
...     "Wali Kota Jambi Syarif Fasha melepas 25 ASN Pemkot Jambi mengikuti pelatihan "
...     "Singapore Cooperation Programme (SCP) di Singapura pada 15 Mei 2023.\\n")
>>> kg = build([tmp / "src"], out=tmp / "out", with_viz=False)
>>> kg  # doctest: +ELLIPSIS
KnowledgeGraph('...out')
>>> df = kg.query("SELECT ?lg WHERE { ?lg a km:CityGovernment }")
>>> type(df).__name__, list(df["lg"])
('DataFrame', ['kmr:kota-jambi'])
>>> kg.query("SELECT ?p WHERE { ?lg km:participatesIn ?p }", lg="kota-jambi")["p"].tolist()
['kmr:singapore-cooperation-programme']
>>> actors, years = kg.metrics()
>>> "pagerank" in actors.columns and "year" in years.columns
True
>>> type(kg.to_networkx()).__name__, type(kg.to_rdflib()).__name__
('MultiDiGraph', 'Dataset')
>>> type(kg.to_pyvis()).__mro__[1].__name__
'Network'
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.errors import BuildError, KotamitraError, QueryError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib import Dataset

    from graph.pipeline.build import BuildReport
    from graph.viz.page import KotamitraNetwork

__all__ = ["KnowledgeGraph", "Metrics", "build", "open"]


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - the notebook extra is missing
        raise KotamitraError(
            "pandas is not installed", "pip install 'kotamitra[notebook]'"
        ) from None
    return pd


class Metrics(NamedTuple):
    """The metrics of the actor network: one row an actor, one row a year."""

    actors: pd.DataFrame
    years: pd.DataFrame


def _value(term: Any) -> Any:
    """A pyoxigraph term as a plain Python value (IRIs as prefixed names)."""
    import pyoxigraph as ox

    from graph.vocab import PREFIXES

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _compact(term.value, PREFIXES)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return _literal(term)


def _compact(iri: str, prefixes: Any) -> str:
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(str(kv[1]))):
        ns = str(ns)
        rest = iri[len(ns) :]
        if iri.startswith(ns) and rest and all(c.isalnum() or c in "-_./" for c in rest):
            return f"{prefix}:{rest}"
    return iri


_NUMBERS = {"integer": int, "int": int, "long": int, "decimal": float, "double": float}
_NUMBERS |= {"float": float, "nonNegativeInteger": int, "positiveInteger": int}


def _literal(term: Any) -> Any:
    """A pyoxigraph literal as a Python number, bool or string."""
    value = str(term.value)
    local = str(term.datatype.value).rsplit("#", 1)[-1]
    if local in _NUMBERS:
        try:
            return _NUMBERS[local](value)
        except ValueError:
            return value
    if local == "boolean":
        return value in {"true", "1"}
    return value


class KnowledgeGraph:
    """A built graph: the output folder of ``kotamitra build`` (or ``graph.build``)."""

    def __init__(self, out: Path | str = "output", report: BuildReport | None = None) -> None:
        from graph.sparql.query import find_graph_file

        self.out = Path(out)
        self.report = report
        self.file = find_graph_file(self.out)  # QueryError when nothing was built there
        self._source: Any = None
        self._memory: Any = None

    def __repr__(self) -> str:
        return f"KnowledgeGraph({str(self.out)!r})"

    # --- SPARQL -------------------------------------------------------------------------

    def _graph(self) -> Any:
        """The store to query: the build's Oxigraph store, else the graph files read into
        an in-memory one (both hold the union of the named graphs as default graph)."""
        if self._source is None:
            from graph.network import open_graph
            from graph.sparql.store import open_store, store_path

            if self.out.is_dir() and store_path(self.out) is not None:
                self._source = open_store(self.out)
            else:
                self._source = open_graph(self.file).store
        return self._source

    def _network_source(self) -> Any:
        """The graph read into memory, as ``kotamitra metrics`` reads it: the projection's
        queries run much faster there than on the on-disk store."""
        if self._memory is None:
            from graph.network import open_graph

            self._memory = open_graph(self.file)
        return self._memory

    def query(self, sparql: str, **params: str) -> Any:
        """Run a SPARQL query: a text, a ``.rq`` file, or a shipped query's name
        (``partners``, ``trainings``…). ``params`` bind variables as ``--param`` does
        (``lg="kota-medan"``: a slug, ``kmr:x`` or ``<IRI>`` gives an IRI, anything else a
        literal). SELECT gives a DataFrame (IRIs as prefixed names, numbers as numbers),
        ASK a bool, CONSTRUCT/DESCRIBE an rdflib Graph."""
        import pyoxigraph as ox

        from graph.sparql.query import read_query
        from graph.sparql.store import run

        result = run(self._graph(), read_query(sparql), {k: str(v) for k, v in params.items()})
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            from rdflib import Graph

            return Graph().parse(
                data=(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"").decode(),
                format="nt",
            )
        names = [v.value for v in result.variables]
        rows = [[_value(solution[n]) for n in names] for solution in result]
        return _pandas().DataFrame(rows, columns=names)

    # --- metrics and networks -------------------------------------------------------------

    def metrics(self, year: int | None = None, exact: bool = False) -> Metrics:
        """The metrics of ``kotamitra metrics`` (the same functions): per actor (partners,
        activities, delegations, degree, betweenness, PageRank, eigenvector, community,
        concentration…) and per year. ``year``: the network as it stood then;
        ``exact``: exact betweenness however large the network."""
        from graph.network import compute_metrics

        pd = _pandas()
        result = compute_metrics(
            self._network_source(), year=year, betweenness_k=None if exact else "auto"
        )
        actors = pd.DataFrame(result["actors"]).drop(columns=["by_year", "labels"], errors="ignore")
        if "rank" in actors.columns:
            actors = actors.set_index("rank").sort_index()
        return Metrics(actors=actors, years=pd.DataFrame(result["years"]))

    def to_networkx(self, year: int | None = None) -> nx.MultiDiGraph:
        """The actor network (one edge a relation, with its sources, activities and
        years), as ``kotamitra metrics`` measures it. ``year``: as it stood then."""
        from graph.network import actor_network
        from graph.network.projection import snapshot

        net = actor_network(self._network_source())
        return snapshot(net, year) if year is not None else net

    def to_rdflib(self) -> Dataset:
        """The whole graph as an rdflib Dataset (one named graph per source document;
        its default graph queries their union)."""
        from graph.sparql.query import load_graph

        return load_graph(self.file)

    def to_pyvis(
        self,
        lang: str = "en",
        *,
        size_by: str = "pagerank",
        focus: str | None = None,
        depth: int = 2,
        title: str | None = None,
        options: dict[str, Any] | None = None,
    ) -> KotamitraNetwork:
        """The ``pyvis.network.Network`` behind the page (``kotamitra viz``): change it
        with pyvis's API, then ``net.generate_html()`` or ``net.write_html(path)``."""
        from graph.viz.drawn import build_network, focus_network
        from graph.viz.page import page_metrics, page_title, to_pyvis

        ds = self.to_rdflib()
        net = build_network(ds, lang)
        metrics = page_metrics(
            self._network_source(), net, betweenness=True if size_by == "betweenness" else None
        )
        if focus is not None:
            net = focus_network(net, focus, depth)
        return to_pyvis(
            net,
            lang,
            title or page_title(net, lang),
            size_by=size_by,
            metrics=metrics,
            options=options,
        )

    def show(self, **options: Any) -> None:
        """Display the page inline in Jupyter (the options of :meth:`to_pyvis`)."""
        from IPython.display import display

        display(self.to_pyvis(**options))

    def summary(self) -> dict[str, int]:
        """How much the graph holds: triples, entities per class, activities, documents."""
        counts = self.query(
            """SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
                 { ?x a ?c . BIND("local governments" AS ?what)
                   FILTER(?c IN (km:LocalGovernment, km:CityGovernment,
                                 km:RegencyGovernment, km:ProvincialGovernment)) }
                 UNION { ?x a km:Country . BIND("countries" AS ?what) }
                 UNION { ?x a ?a . BIND("activities" AS ?what) FILTER(?a IN (km:Activity,
                   km:Training, km:Visit, km:Meeting, km:Signing, km:Exchange)) }
                 UNION { ?x a schema:NewsArticle . BIND("documents" AS ?what) }
                 UNION { ?x a km:Statement . BIND("facts" AS ?what) }
               } GROUP BY ?what"""
        )
        found = {str(r["what"]): int(r["n"]) for _i, r in counts.iterrows()}
        order = ("documents", "facts", "local governments", "countries", "activities")
        return {k: found.get(k, 0) for k in order}

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td style='text-align:right'>{v:,}</td></tr>"
            for k, v in self.summary().items()
        )
        return (
            f"<div><strong>KnowledgeGraph</strong> <code>{html.escape(str(self.out))}</code>"
            f"<table>{rows}</table></div>"
        )


def build(sources: Any, out: Path | str = "output", **options: Any) -> KnowledgeGraph:
    """Build the graph of ``sources`` (files and folders, or one of them) into ``out`` and
    open it. ``options`` are those of ``kotamitra build``: ``jobs``, ``force``,
    ``engine``, ``with_metrics``, ``with_viz``, ``with_store``, ``dormant_after_years``…
    The build's report (documents read, skipped sources and why) is ``kg.report``.
    Raises :class:`BuildError` when no source could be read."""
    from graph.pipeline.build import build as run_build

    paths = [sources] if isinstance(sources, str | Path) else list(sources)
    report = run_build([Path(p) for p in paths], Path(out), **options)
    if report.documents == 0:
        reasons = "; ".join(f"{p.path}: {p.reason}" for p in report.problems[:5])
        raise BuildError(
            "no source could be read" + (f" ({reasons})" if reasons else ""),
            "give files or folders of .md/.txt/.html/.jsonl/.csv sources",
        )
    return KnowledgeGraph(out, report)


def open(out: Path | str = "output") -> KnowledgeGraph:
    """Open a built graph (the output folder of a build, or a .trig/.ttl file)."""
    try:
        return KnowledgeGraph(out)
    except QueryError as exc:
        raise QueryError(str(exc), "build it first: graph.build(['sources/'], out=...)") from None
