"""The drawn network: the RDF graph of a build as a networkx graph of entities and
activities (people and activities included, for drawing), with every edge's evidence.

:func:`build_network` reads the graph described in ``docs/rdf-model.md``;
:func:`focus_network` keeps one entity and what lies within N hops of it.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from graph.errors import FocusError
from graph.viz.history import partnership_record
from graph.viz.labels import (
    ACTIVITY_KINDS,
    INDONESIA,
    KIND_RANK,
    KM,
    PROV,
    RELATIONS,
    SCHEMA,
    SYMMETRIC,
    WIKIDATA_ENTITY,
    kind_label,
    norm_lang,
    relation_label,
    slug,
    table,
)
from graph.vocab import QUALIFIED_ENDS


def _as_union(g: Graph) -> Graph:
    """Return a graph whose triple lookups see every named graph of a Dataset/ConjunctiveGraph."""
    if isinstance(g, ConjunctiveGraph):
        union = Graph()
        for s, p, o, _ctx in g.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return g


def _lang_rank(lit: Literal, lang: str) -> tuple[int, str]:
    """Sort key preferring ``lang``, then untagged, English, Indonesian, then anything else."""
    tag = (lit.language or "").lower()
    if tag == lang or tag.startswith(lang + "-"):
        rank = 0
    elif not tag:
        rank = 1
    elif tag.startswith("en"):
        rank = 2
    elif tag.startswith("id"):
        rank = 3
    else:
        rank = 4
    return rank, str(lit)


def _pick(values: Iterable[Node], lang: str) -> str | None:
    """Best literal of ``values`` for ``lang`` (see :func:`_lang_rank`), or ``None``."""
    literals = [v for v in values if isinstance(v, Literal) and str(v).strip()]
    if not literals:
        return None
    return str(min(literals, key=lambda lit: _lang_rank(lit, lang))).strip()


def _local_name(iri: Node) -> str | None:
    """Local name of a ``km:`` IRI, ``None`` for IRIs outside the ontology namespace."""
    text = str(iri)
    return text[len(str(KM)) :] if text.startswith(str(KM)) else None


def _known_kind(g: Graph, cls: Node) -> str | None:
    """Known kind of ``cls``: itself if listed, else its most specific listed superclass."""
    name = _local_name(cls) if cls is not None else None
    if name in KIND_RANK:
        return name
    best: str | None = None
    for sup in g.transitive_objects(cls, RDFS.subClassOf):
        sup_name = _local_name(sup) if sup is not None else None
        if sup_name in KIND_RANK and (best is None or KIND_RANK[sup_name] < KIND_RANK[best]):
            best = sup_name
    return best


def _classify(g: Graph) -> dict[URIRef, str]:
    """Map every node IRI (entity or activity) to its most specific known kind."""
    kinds: dict[URIRef, str] = {}
    cache: dict[Node, str | None] = {}
    for s, cls in g.subject_objects(RDF.type):
        if not isinstance(s, URIRef):
            continue
        if cls not in cache:
            cache[cls] = _known_kind(g, cls)
        kind = cache[cls]
        if kind is None:
            continue
        if s not in kinds or KIND_RANK[kind] < KIND_RANK[kinds[s]]:
            kinds[s] = kind
    return kinds


def _wikidata(g: Graph, node: URIRef) -> str | None:
    """The ``owl:sameAs`` Wikidata entity IRI of ``node`` (smallest if several)."""
    ids = sorted(str(o) for o in g.objects(node, OWL.sameAs) if str(o).startswith(WIKIDATA_ENTITY))
    return ids[0] if ids else None


def _literal_str(value: Node | None) -> str | None:
    """String form of an optional RDF term."""
    return None if value is None else str(value)


def _node_attrs(g: Graph, node: URIRef, kind: str, lang: str) -> dict[str, Any]:
    """Attributes of one network node (see :func:`build_network`)."""
    labels = [v for v in g.objects(node, RDFS.label) if isinstance(v, Literal)]
    label = _pick(labels, lang)
    attrs: dict[str, Any] = {"kind": kind, "iri": str(node)}
    if kind in ACTIVITY_KINDS:
        theme = _pick(g.objects(node, KM.theme), lang)
        start = _literal_str(g.value(node, KM.startDate))
        end = _literal_str(g.value(node, KM.endDate))
        count = g.value(node, KM.participantCount)
        attrs.update(theme=theme, start_date=start, end_date=end)
        attrs["participant_count"] = (
            count.toPython()
            if isinstance(count, Literal) and count.toPython() is not None
            else None
        )
        if label is None:
            label = theme or " ".join(x for x in (kind_label(kind, lang), start) if x)
    else:
        code = g.value(node, KM.kemendagriCode)
        if code is not None:
            attrs["kemendagri_code"] = str(code)
    if not label:
        label = slug(node)
    seen = {label.casefold()}
    alt: list[str] = []
    others = [str(v).strip() for v in labels] + [
        str(v).strip() for v in g.objects(node, SKOS.altLabel) if isinstance(v, Literal)
    ]
    for name in sorted(others, key=lambda s: (s.casefold(), s)):
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            alt.append(name)
    attrs.update(label=label, alt_names=alt, wikidata=_wikidata(g, node))
    return attrs


class _EvidenceReader:
    """Resolves ``km:Evidence`` nodes into plain dicts, with a cache."""

    def __init__(self, g: Graph, lang: str) -> None:
        self.g = g
        self.lang = lang
        self._cache: dict[Node, dict[str, str | None]] = {}

    def __call__(self, ev: Node) -> dict[str, str | None]:
        """Return ``{text, headline, url, date, source}`` for evidence node ``ev``.

        ``source`` is the IRI of the article the sentence is quoted from (``None`` if unknown).
        """
        if ev not in self._cache:
            g = self.g
            doc = g.value(ev, PROV.wasQuotedFrom)
            headline = url = date = None
            if doc is not None:
                headline = _pick(g.objects(doc, SCHEMA.headline), self.lang)
                url = _literal_str(g.value(doc, SCHEMA.url))
                date = _literal_str(g.value(doc, SCHEMA.datePublished))
            self._cache[ev] = {
                "text": _pick(g.objects(ev, KM.text), self.lang) or "",
                "headline": headline,
                "url": url,
                "date": date,
                "source": _literal_str(doc),
            }
        return self._cache[ev]

    def many(self, evidence_nodes: Iterable[Node]) -> list[dict[str, str | None]]:
        """Resolve, de-duplicate and sort (by date, headline, text) several evidence nodes."""
        out: dict[tuple[str | None, ...], dict[str, str | None]] = {}
        for ev in evidence_nodes:
            item = self(ev)
            out.setdefault(_evidence_key(item), item)
        return sorted(
            (dict(v) for v in out.values()),
            key=lambda e: (e["date"] or "", e["headline"] or "", e["text"] or ""),
        )


def _evidence_key(item: Mapping[str, Any]) -> tuple[str | None, ...]:
    """Identity of an evidence item: the sentence and the article it is quoted from."""
    return (item.get("text"), item.get("headline"), item.get("url"), item.get("date"))


def _statement_index(g: Graph) -> dict[tuple[Node, Node, Node], list[Node]]:
    """Map ``(subject, predicate, object)`` of every ``km:Statement`` to its evidence nodes."""
    index: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
    statements = set(g.subjects(RDF.type, KM.Statement)) | set(g.subjects(RDF.type, RDF.Statement))
    for st in statements:
        s, p, o = g.value(st, RDF.subject), g.value(st, RDF.predicate), g.value(st, RDF.object)
        if s is None or p is None or o is None:
            continue
        index[(s, p, o)].extend(g.objects(st, KM.evidence))
    return index


def _merge_evidence(edge: dict[str, Any], extra: list[dict[str, str | None]]) -> None:
    """Append evidence items that the edge does not already carry."""
    have = {_evidence_key(e) for e in edge["evidence"]}
    for item in extra:
        key = _evidence_key(item)
        if key not in have:
            have.add(key)
            edge["evidence"].append(item)


_YEAR = re.compile(r"^\s*(\d{4})(?:-|$|\D)")


def _year(value: Any) -> int | None:
    """The year of an ISO date, ``xsd:gYear`` or ``xsd:gYearMonth`` string, else ``None``.

    >>> _year("2023-05-13"), _year("2017"), _year("2016-10"), _year("n.d."), _year(None)
    (2023, 2017, 2016, None, None)
    """
    match = _YEAR.match(str(value)) if value else None
    return int(match.group(1)) if match else None


def _country_of(g: Graph, node: URIRef, kind: str, kinds: Mapping[URIRef, str]) -> str | None:
    """IRI of the country ``node`` belongs to: itself for a country, ``km:country``, Indonesia
    for a region with a Kemendagri code, and for an activity the country of its location."""
    if kind == "Country":
        return str(node)
    if kind in ACTIVITY_KINDS:
        for place in sorted(g.objects(node, KM.location), key=str):
            if isinstance(place, URIRef) and place != node:
                found = _country_of(g, place, kinds.get(place, ""), kinds)
                if found:
                    return found
        return None
    country = g.value(node, KM.country)
    if isinstance(country, URIRef):
        return str(country)
    if g.value(node, KM.kemendagriCode) is not None:
        return INDONESIA
    return None


def _edge_sources(edge: Mapping[str, Any]) -> int:
    """Number of distinct articles among an edge's evidence sentences."""
    return len(
        {
            e.get("source") or (e.get("headline"), e.get("url"), e.get("date"))
            for e in edge.get("evidence") or []
        }
    )


def build_network(g: Graph, lang: str = "en") -> nx.MultiDiGraph:
    """Build the entity/activity network of an RDF graph following ``docs/rdf-model.md``.

    Nodes are the IRIs typed with an entity class (local governments and their subclasses,
    countries, organisations, persons, programmes, policies, agreements) or an activity class
    (``km:Activity`` and subclasses); subclasses declared with ``rdfs:subClassOf`` in ``g`` are
    recognised too.  Node attributes: ``label`` (``rdfs:label`` in ``lang``, else another
    language, else the ``km:theme`` of an activity, else the IRI slug), ``kind`` (class short
    name), ``alt_names`` (``skos:altLabel`` and labels in other languages), ``wikidata``
    (Wikidata entity IRI from ``owl:sameAs`` or ``None``), ``iri``, ``country`` (IRI of its
    country: see :func:`_country_of`); activities also carry ``theme``, ``start_date``,
    ``end_date``, ``participant_count`` and ``years`` (``(first, last)`` year of their dates,
    else of the articles reporting them, else ``None``).  The graph attribute ``countries``
    maps country IRIs to labels.

    Edges (key = relation, or ``"partnersWith|<status>"`` for partnership nodes that are not
    active) are the direct facts ``node km:<relation> node`` for the relations in
    :data:`RELATIONS`, with attributes ``relation``, ``label`` (localised), ``evidence`` (list
    of ``{"text", "headline", "url", "date", "source"}`` from the ``km:Statement`` nodes, or
    from the activity's own ``km:evidence`` for edges leaving an activity), ``sources``
    (number of distinct articles among them), ``status`` (``"active"`` for ``partnersWith``,
    else ``None``), ``dashed`` and ``since``.  Every ``km:Partnership`` whose status is not
    ``"active"`` adds a dashed ``partnersWith`` edge per pair of partners with that ``status``
    (``"unknown"`` when missing); an active one adds its evidence and ``since`` to the direct
    ``partnersWith`` edge (creating it if the direct fact is absent); a resolved partnership
    also gives its edge ``partnership``, its status and history
    (:func:`graph.viz.history.partnership_record`).  ``km:Participation`` and
    ``km:Membership`` nodes likewise enrich the matching ``participatesIn`` and ``memberOf``
    edges.  A Dataset/ConjunctiveGraph is
    read as the union of its named graphs.
    """
    lang = norm_lang(lang)
    b = _Builder(_as_union(g), lang)
    b.add_nodes()
    b.add_relations()
    b.add_partnerships()
    b.add_participations()
    return b.finish()


class _Builder:
    """The steps of :func:`build_network`, sharing the graph, the kinds and the network."""

    def __init__(self, g: Graph, lang: str) -> None:
        self.g = g
        self.lang = lang
        self.kinds = _classify(g)
        self.read = _EvidenceReader(g, lang)
        self.net = nx.MultiDiGraph(lang=lang)

    def add_nodes(self) -> None:
        g, kinds, lang = self.g, self.kinds, self.lang
        countries: dict[str, str] = {}
        for node in sorted(kinds, key=str):
            attrs = _node_attrs(g, node, kinds[node], lang)
            attrs["country"] = _country_of(g, node, kinds[node], kinds)
            if attrs["kind"] in ACTIVITY_KINDS:
                attrs["years"] = self._activity_years(node, attrs)
            if attrs["country"] and attrs["country"] not in countries:
                country = URIRef(attrs["country"])
                countries[attrs["country"]] = _pick(g.objects(country, RDFS.label), lang) or (
                    "Indonesia" if attrs["country"] == INDONESIA else slug(country)
                )
            self.net.add_node(str(node), **attrs)
        self.net.graph["countries"] = countries

    def _activity_years(self, node: URIRef, attrs: Mapping[str, Any]) -> tuple[int, int] | None:
        years = [y for y in (_year(attrs["start_date"]), _year(attrs["end_date"])) if y]
        if not years:
            evidence = self.read.many(self.g.objects(node, KM.evidence))
            years = [y for e in evidence if (y := _year(e["date"]))]
        return (min(years), max(years)) if years else None

    def new_edge(
        self, u: str, v: str, relation: str, status: str | None, key: str
    ) -> dict[str, Any]:
        label = relation_label(relation, self.lang)
        if status is not None and status != "active":
            label = f"{label} ({table('status_labels', self.lang).get(status, status)})"
        self.net.add_edge(
            u,
            v,
            key=key,
            relation=relation,
            label=label,
            evidence=[],
            status=status,
            dashed=status is not None and status != "active",
            since=None,
        )
        return self.net.edges[u, v, key]

    def find_edge(self, a: str, b: str, key: str, symmetric: bool) -> dict[str, Any] | None:
        net = self.net
        if net.has_edge(a, b, key):
            return net.edges[a, b, key]
        if symmetric and net.has_edge(b, a, key):
            return net.edges[b, a, key]
        return None

    def add_relations(self) -> None:
        g, kinds = self.g, self.kinds
        statements = _statement_index(g)
        for relation in RELATIONS:
            predicate = KM[relation]
            pairs = sorted(g.subject_objects(predicate), key=lambda t: (str(t[0]), str(t[1])))
            for s, o in pairs:
                if s not in kinds or o not in kinds:
                    continue
                evidence_nodes: list[Node] = list(statements.get((s, predicate, o), []))
                if not evidence_nodes and kinds[s] in ACTIVITY_KINDS:  # type: ignore[index]
                    evidence_nodes = list(g.objects(s, KM.evidence))
                status = "active" if relation == "partnersWith" else None
                edge = self.find_edge(str(s), str(o), relation, relation in SYMMETRIC)
                if edge is None:
                    edge = self.new_edge(str(s), str(o), relation, status, relation)
                _merge_evidence(edge, self.read.many(evidence_nodes))

    def add_partnerships(self) -> None:
        g = self.g
        for part in sorted(g.subjects(RDF.type, KM.Partnership), key=str):
            partners = sorted({str(p) for p in g.objects(part, KM.partner) if p in self.kinds})
            status = (_literal_str(g.value(part, KM.status)) or "unknown").strip().lower()
            since = _literal_str(g.value(part, KM.since))
            evidence = self.read.many(g.objects(part, KM.evidence))
            key = "partnersWith" if status == "active" else f"partnersWith|{status}"
            record = partnership_record(g, part)
            for a, b in combinations(partners, 2):
                edge = self.find_edge(a, b, key, True) or self.new_edge(
                    a, b, "partnersWith", status, key
                )
                _merge_evidence(edge, evidence)
                _earliest_since(edge, since)
                if record is not None:
                    edge["partnership"] = record

    def add_participations(self) -> None:
        g = self.g
        for kind, (actor_p, other_p, rel) in QUALIFIED_ENDS.items():
            for part in sorted(g.subjects(RDF.type, KM[kind]), key=str):
                self._qualify_edge(part, g.value(part, actor_p), g.value(part, other_p), rel)

    def _qualify_edge(self, part: Node, actor: Node | None, other: Node | None, rel: str) -> None:
        """The evidence and start of a participation or membership node on its edge."""
        g = self.g
        if actor is None or other is None:
            return
        edge = self.find_edge(str(actor), str(other), rel, False)
        if edge is None:
            return
        _merge_evidence(edge, self.read.many(g.objects(part, KM.evidence)))
        _earliest_since(edge, _literal_str(g.value(part, KM.since)))

    def finish(self) -> nx.MultiDiGraph:
        """Sort the evidence, count sources, and drop the countries no edge reaches (a
        country only named as where an actor is stays a filter, not a node)."""
        net = self.net
        for _u, _v, data in net.edges(data=True):
            data["evidence"].sort(key=lambda e: (e["date"] or "", e["headline"] or "", e["text"]))
            data["sources"] = _edge_sources(data)
        alone = [n for n, a in net.nodes(data=True) if a["kind"] == "Country" and not net.degree(n)]
        net.remove_nodes_from(alone)
        return net


def _earliest_since(edge: dict[str, Any], since: str | None) -> None:
    if since and (edge["since"] is None or since < edge["since"]):
        edge["since"] = since


def find_node(net: nx.MultiDiGraph, name: str) -> str:
    """The node of ``net`` called ``name``: its label, another name, its slug or its IRI
    (case-insensitive); else the one node whose names contain ``name``.

    Several exact matches: the most specific class, then the most connected, wins.  Raises
    :class:`FocusError` (with close candidates) when nothing, or several nodes only partly,
    match.
    """
    wanted = " ".join(name.split()).casefold()
    if not wanted:
        raise FocusError("empty name", [])

    def names(node: str, attrs: Mapping[str, Any]) -> list[str]:
        out = [str(attrs.get("label") or ""), slug(URIRef(node))]
        out += [str(a) for a in attrs.get("alt_names") or []]
        return [" ".join(x.split()).casefold() for x in out if x]

    def rank(node: str) -> tuple[int, int, str]:
        kind = net.nodes[node].get("kind", "Activity")
        return (KIND_RANK.get(kind, len(KIND_RANK)), -net.degree(node), node)

    exact = [n for n, a in net.nodes(data=True) if wanted in names(n, a) or name.strip() == n]
    if exact:
        return min(exact, key=rank)
    partial = [n for n, a in net.nodes(data=True) if any(wanted in x for x in names(n, a))]
    partial = [n for n in partial if net.nodes[n].get("kind") not in ACTIVITY_KINDS] or partial
    if len(partial) == 1:
        return partial[0]
    labels = sorted({str(a.get("label") or n) for n, a in net.nodes(data=True)})
    if partial:
        candidates = sorted(str(net.nodes[n].get("label") or n) for n in partial)
        raise FocusError(f"{name!r} matches several entities", candidates[:10])
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.5)
    raise FocusError(f"no entity named {name!r} in the graph", close)


def focus_network(net: nx.MultiDiGraph, name: str, depth: int = 2) -> nx.MultiDiGraph:
    """The part of ``net`` within ``depth`` hops (in either direction) of the node ``name``.

    The returned copy carries ``graph["focus"] = (node, depth)``.  See :func:`find_node`.
    """
    if depth < 0:
        raise ValueError("depth must be 0 or more")
    node = find_node(net, name)
    reach = nx.single_source_shortest_path_length(net.to_undirected(as_view=True), node, depth)
    sub = net.subgraph(reach).copy()
    sub.graph["focus"] = (node, depth)
    return sub
