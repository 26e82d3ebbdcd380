"""Interactive network view of the kotamitra RDF graph.

Entry points, all usable from a notebook:

* :func:`build_network` turns the RDF graph described in ``docs/rdf-model.md`` into a
  :class:`networkx.MultiDiGraph` whose nodes are entities and activities and whose edges are
  the direct ``km:*`` facts between them (plus dashed edges for planned/explored/ended
  partnerships), each edge carrying its evidence sentences and their articles.
* :func:`node_metrics` computes the node metrics the page can size nodes by (PageRank,
  connected nodes, sources, betweenness) on that network.
* :func:`focus_network` keeps one entity and what lies within N hops of it.
* :func:`timeline` counts the activities per year per local government.
* :func:`render_html` / :func:`render_network_html` write ONE self-contained HTML page: the
  vis-network JavaScript shipped inside the ``pyvis`` package is inlined, a
  Content-Security-Policy forbids every network request and every script except the page's
  own (by hash), and all source text reaches the browser only as escaped JSON that the page
  inserts with ``textContent`` (or as text escaped by the template).  The page has the network
  (search, filters by class, relation, years and country, focus on N hops, size by metric,
  physics that stabilises and then stops) and a second view, the activities timeline.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, StrictUndefined
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph
from rdflib.term import Node

from graph.errors import FocusError
from graph.files import write_text
from graph.rdf.triples import DIRECT_RELATIONS

__all__ = [
    "ACTIVITY_KINDS",
    "ENTITY_KINDS",
    "LOCAL_GOVERNMENT_KINDS",
    "RELATIONS",
    "SIZE_METRICS",
    "FocusError",
    "build_network",
    "focus_network",
    "node_metrics",
    "render_html",
    "render_network_html",
    "timeline",
]

KM = Namespace("https://w3id.org/kotamitra/ontology#")
KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
INDONESIA = str(KMR["indonesia"])

#: Entity classes, most specific first (a node typed with several gets the first one).
ENTITY_KINDS: tuple[str, ...] = (
    "CityGovernment",
    "RegencyGovernment",
    "ProvincialGovernment",
    "LocalGovernment",
    "InternationalOrganization",
    "Organization",
    "Country",
    "Person",
    "Programme",
    "Policy",
    "Agreement",
)
#: Activity classes, most specific first.
ACTIVITY_KINDS: tuple[str, ...] = (
    "Training",
    "Visit",
    "Meeting",
    "Signing",
    "Exchange",
    "Activity",
)
#: The kinds that are local governments (rows of the timeline).
LOCAL_GOVERNMENT_KINDS: frozenset[str] = frozenset(ENTITY_KINDS[:4])
_KIND_RANK: dict[str, int] = {k: i for i, k in enumerate(ENTITY_KINDS + ACTIVITY_KINDS)}

#: Direct ``km:`` relations drawn as edges (only between two nodes of the network).
RELATIONS: tuple[str, ...] = (
    *DIRECT_RELATIONS,
    "partOf",
    "participant",
    "location",
)
_SYMMETRIC: frozenset[str] = frozenset({"partnersWith"})

#: Metrics the page can size nodes by (``--size-by``); the first is the default.
SIZE_METRICS: tuple[str, ...] = ("pagerank", "degree", "sources", "betweenness")
#: Above this many nodes betweenness is computed only when nodes are sized by it (it is the
#: one metric whose cost grows faster than the graph), and then from sampled sources.
BETWEENNESS_EXACT_MAX = 500
_BETWEENNESS_SAMPLES = 200
_VIS_VERSION = "9.1.2"

# --------------------------------------------------------------------------------------------
# Localisation
# --------------------------------------------------------------------------------------------

_RELATION_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "partnersWith": "partners with",
        "participatesIn": "participates in",
        "organizedBy": "organized by",
        "fundedBy": "funded by",
        "sendsDelegationTo": "sends delegation to",
        "memberOf": "member of",
        "headOf": "head of",
        "deputyHeadOf": "deputy head of",
        "implementsPolicy": "implements policy",
        "initiatedBy": "initiated by",
        "partOf": "part of",
        "participant": "participant",
        "location": "held in",
    },
    "id": {
        "partnersWith": "bermitra dengan",
        "participatesIn": "berpartisipasi dalam",
        "organizedBy": "diselenggarakan oleh",
        "fundedBy": "didanai oleh",
        "sendsDelegationTo": "mengirim delegasi ke",
        "memberOf": "anggota dari",
        "headOf": "kepala",
        "deputyHeadOf": "wakil kepala",
        "implementsPolicy": "menerapkan kebijakan",
        "initiatedBy": "diprakarsai oleh",
        "partOf": "bagian dari",
        "participant": "peserta",
        "location": "bertempat di",
    },
}

_KIND_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "CityGovernment": "City government",
        "RegencyGovernment": "Regency government",
        "ProvincialGovernment": "Provincial government",
        "LocalGovernment": "Local government",
        "InternationalOrganization": "International organization",
        "Organization": "Organization",
        "Country": "Country",
        "Person": "Person",
        "Programme": "Programme",
        "Policy": "Policy",
        "Agreement": "Agreement",
        "Training": "Training",
        "Visit": "Visit",
        "Meeting": "Meeting",
        "Signing": "Signing",
        "Exchange": "Exchange",
        "Activity": "Activity",
    },
    "id": {
        "CityGovernment": "Pemerintah kota",
        "RegencyGovernment": "Pemerintah kabupaten",
        "ProvincialGovernment": "Pemerintah provinsi",
        "LocalGovernment": "Pemerintah daerah",
        "InternationalOrganization": "Organisasi internasional",
        "Organization": "Organisasi",
        "Country": "Negara",
        "Person": "Tokoh",
        "Programme": "Program",
        "Policy": "Kebijakan",
        "Agreement": "Perjanjian",
        "Training": "Pelatihan",
        "Visit": "Kunjungan",
        "Meeting": "Pertemuan",
        "Signing": "Penandatanganan",
        "Exchange": "Pertukaran",
        "Activity": "Kegiatan",
    },
}

_STATUS_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "active": "active",
        "planned": "planned",
        "explored": "explored",
        "ended": "ended",
        "unknown": "status unknown",
    },
    "id": {
        "active": "aktif",
        "planned": "direncanakan",
        "explored": "dijajaki",
        "ended": "berakhir",
        "unknown": "status tidak diketahui",
    },
}

_METRIC_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "pagerank": "PageRank",
        "degree": "Connected nodes",
        "sources": "Sources (articles)",
        "betweenness": "Betweenness",
    },
    "id": {
        "pagerank": "PageRank",
        "degree": "Simpul terhubung",
        "sources": "Sumber (artikel)",
        "betweenness": "Betweenness",
    },
}

_UI: dict[str, dict[str, str]] = {
    "en": {
        "search_placeholder": "Search by name…",
        "search_button": "Find",
        "not_found": "Not found",
        "hidden_match": "{name} is hidden by the filters",
        "view_network": "Network",
        "view_timeline": "Timeline",
        "filters": "Filters and legend",
        "classes": "Classes",
        "relations": "Relations",
        "years": "Years",
        "years_from": "from",
        "years_to": "to",
        "years_help": "An edge is shown when the period it is known for (its activity's dates, "
        "or from its start year to its latest article) meets these years.",
        "country": "Country",
        "all_countries": "All countries",
        "country_help": "Shows the relations of the entities and activities of one country.",
        "focus": "Focus",
        "focus_button": "Focus on the selected node",
        "focus_depth": "hops",
        "focus_none": "Select a node, then focus on it.",
        "focus_on": "{name}, within {depth} hop(s)",
        "show_all": "Show all",
        "reset": "Reset filters",
        "size_by": "Node size",
        "legend_width": "Line width: number of sources (articles) stating the relation.",
        "legend_dashed": "planned, explored or ended partnership",
        "legend_activity": "Activities are the small nodes with a dashed border.",
        "hint": "Hover over a node or an edge for a summary; click it for its names, metrics "
        "or every evidence sentence with its article.",
        "layout": "Computing layout…",
        "alt_names": "Also known as",
        "connections": "Connections",
        "evidence": "Evidence",
        "no_evidence": "No evidence sentence recorded.",
        "source": "source",
        "status": "Status",
        "since": "Since",
        "theme": "Theme",
        "dates": "Dates",
        "participants": "Participants",
        "kemendagri": "Kemendagri code",
        "country_of": "Country",
        "metrics": "Key metrics",
        "rank": "#{rank} of {n}",
        "stats": "{nodes} nodes · {edges} edges",
        "shown": "showing {nodes} of {total_nodes} nodes · {edges} of {total_edges} edges",
        "support": "{sources} source(s) · {sentences} evidence sentence(s)",
        "more_evidence": "… and {n} more: click the edge to read them all",
        "click_details": "Click for details.",
        "timeline_title": "Activities per year per local government",
        "timeline_note": "Each dot is one activity (training, visit, meeting, signing, exchange) "
        "a local government took part in, in the year it took place (or, when undated, the "
        "year it was reported). Click a cell to see those activities in the network.",
        "timeline_total": "total",
        "timeline_omitted": "{n} more local government(s) with fewer activities are not shown.",
        "timeline_undated": "{n} activit(y/ies) without any date are not shown.",
        "timeline_empty": "No activity of a local government in this graph.",
        "timeline_cell": "{name}, {year}: {n} activit(y/ies)",
        "activities_in": "{name} in {year}: {n} activit(y/ies)",
    },
    "id": {
        "search_placeholder": "Cari nama…",
        "search_button": "Cari",
        "not_found": "Tidak ditemukan",
        "hidden_match": "{name} tersembunyi oleh filter",
        "view_network": "Jaringan",
        "view_timeline": "Linimasa",
        "filters": "Filter dan keterangan",
        "classes": "Kelas",
        "relations": "Hubungan",
        "years": "Tahun",
        "years_from": "dari",
        "years_to": "sampai",
        "years_help": "Garis ditampilkan bila periodenya (tanggal kegiatannya, atau dari tahun "
        "mulainya sampai artikel terbarunya) bersinggungan dengan tahun-tahun ini.",
        "country": "Negara",
        "all_countries": "Semua negara",
        "country_help": "Menampilkan hubungan entitas dan kegiatan dari satu negara.",
        "focus": "Fokus",
        "focus_button": "Fokus pada simpul terpilih",
        "focus_depth": "langkah",
        "focus_none": "Pilih sebuah simpul, lalu fokuskan.",
        "focus_on": "{name}, sejauh {depth} langkah",
        "show_all": "Tampilkan semua",
        "reset": "Atur ulang filter",
        "size_by": "Ukuran simpul",
        "legend_width": "Tebal garis: jumlah sumber (artikel) yang menyebut hubungan itu.",
        "legend_dashed": "kemitraan direncanakan, dijajaki atau berakhir",
        "legend_activity": "Kegiatan adalah simpul kecil bertepi putus-putus.",
        "hint": "Arahkan kursor ke simpul atau garis untuk ringkasannya; klik untuk nama, "
        "metrik, atau setiap kalimat bukti beserta artikelnya.",
        "layout": "Menyusun tata letak…",
        "alt_names": "Nama lain",
        "connections": "Hubungan",
        "evidence": "Bukti",
        "no_evidence": "Tidak ada kalimat bukti.",
        "source": "sumber",
        "status": "Status",
        "since": "Sejak",
        "theme": "Tema",
        "dates": "Tanggal",
        "participants": "Jumlah peserta",
        "kemendagri": "Kode Kemendagri",
        "country_of": "Negara",
        "metrics": "Metrik utama",
        "rank": "peringkat {rank} dari {n}",
        "stats": "{nodes} simpul · {edges} garis",
        "shown": "menampilkan {nodes} dari {total_nodes} simpul · {edges} dari {total_edges} garis",
        "support": "{sources} sumber · {sentences} kalimat bukti",
        "more_evidence": "… dan {n} lagi: klik garisnya untuk membaca semuanya",
        "click_details": "Klik untuk rincian.",
        "timeline_title": "Kegiatan per tahun per pemerintah daerah",
        "timeline_note": "Setiap titik adalah satu kegiatan (pelatihan, kunjungan, pertemuan, "
        "penandatanganan, pertukaran) yang diikuti pemerintah daerah, pada tahun "
        "pelaksanaannya (atau, bila tanpa tanggal, tahun beritanya). Klik sel untuk melihat "
        "kegiatan itu di jaringan.",
        "timeline_total": "jumlah",
        "timeline_omitted": "{n} pemerintah daerah lain dengan kegiatan lebih sedikit tidak "
        "ditampilkan.",
        "timeline_undated": "{n} kegiatan tanpa tanggal tidak ditampilkan.",
        "timeline_empty": "Tidak ada kegiatan pemerintah daerah dalam graf ini.",
        "timeline_cell": "{name}, {year}: {n} kegiatan",
        "activities_in": "{name} pada {year}: {n} kegiatan",
    },
}

# Colour and vis-network shape per kind; the symbol is what the HTML legend shows.
_STYLE: dict[str, tuple[str, str, str]] = {
    "CityGovernment": ("#1f77b4", "dot", "●"),
    "RegencyGovernment": ("#17becf", "dot", "●"),
    "ProvincialGovernment": ("#393b79", "dot", "●"),
    "LocalGovernment": ("#6a8fc7", "dot", "●"),
    "Country": ("#d62728", "diamond", "◆"),
    "Organization": ("#ff7f0e", "square", "■"),
    "InternationalOrganization": ("#e377c2", "triangle", "▲"),
    "Person": ("#2ca02c", "star", "★"),
    "Programme": ("#9467bd", "hexagon", "⬢"),
    "Policy": ("#8c564b", "triangleDown", "▼"),
    "Agreement": ("#bcbd22", "square", "■"),
    "Training": ("#74c476", "dot", "●"),
    "Visit": ("#fd8d3c", "dot", "●"),
    "Meeting": ("#9ecae1", "dot", "●"),
    "Signing": ("#e6c229", "dot", "●"),
    "Exchange": ("#bc80bd", "dot", "●"),
    "Activity": ("#969696", "dot", "●"),
}
# Colour per relation (the legend doubles as the relation filter).
_RELATION_COLOURS: dict[str, str] = {
    "partnersWith": "#c0392b",
    "sendsDelegationTo": "#e67e22",
    "participatesIn": "#8e44ad",
    "memberOf": "#2874a6",
    "organizedBy": "#148f77",
    "fundedBy": "#b7950b",
    "headOf": "#1e8449",
    "deputyHeadOf": "#52be80",
    "implementsPolicy": "#6e2c00",
    "initiatedBy": "#a04000",
    "partOf": "#7d3c98",
    "participant": "#909497",
    "location": "#b3b6b7",
}


def _norm_lang(lang: str) -> str:
    """Return the primary subtag of a language tag, lower-cased (``"id-ID"`` → ``"id"``)."""
    primary = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    return primary or "en"


def _table(tables: Mapping[str, dict[str, str]], lang: str) -> dict[str, str]:
    """Pick the localisation table for ``lang``, falling back to English per key."""
    return {**tables["en"], **tables.get(lang, {})}


def relation_label(relation: str, lang: str = "en") -> str:
    """Human label of a ``km:`` relation in ``lang`` (English when no translation exists).

    >>> relation_label("partnersWith", "id")
    'bermitra dengan'
    >>> relation_label("sendsDelegationTo")
    'sends delegation to'
    """
    return _table(_RELATION_LABELS, _norm_lang(lang)).get(relation, relation)


def kind_label(kind: str, lang: str = "en") -> str:
    """Human label of an entity/activity class short name in ``lang``.

    >>> kind_label("RegencyGovernment", "id")
    'Pemerintah kabupaten'
    """
    return _table(_KIND_LABELS, _norm_lang(lang)).get(kind, kind)


# --------------------------------------------------------------------------------------------
# RDF → networkx
# --------------------------------------------------------------------------------------------


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


def _slug(iri: Node) -> str:
    """The ``kmr:`` local part of an IRI, or its last path/fragment segment."""
    text = str(iri)
    if text.startswith(str(KMR)):
        return text[len(str(KMR)) :]
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text


def _local_name(iri: Node) -> str | None:
    """Local name of a ``km:`` IRI, ``None`` for IRIs outside the ontology namespace."""
    text = str(iri)
    return text[len(str(KM)) :] if text.startswith(str(KM)) else None


def _known_kind(g: Graph, cls: Node) -> str | None:
    """Known kind of ``cls``: itself if listed, else its most specific listed superclass."""
    name = _local_name(cls)
    if name in _KIND_RANK:
        return name
    best: str | None = None
    for sup in g.transitive_objects(cls, RDFS.subClassOf):
        sup_name = _local_name(sup)
        if sup_name in _KIND_RANK and (best is None or _KIND_RANK[sup_name] < _KIND_RANK[best]):
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
        if s not in kinds or _KIND_RANK[kind] < _KIND_RANK[kinds[s]]:
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
        label = _slug(node)
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
    ``partnersWith`` edge (creating it if the direct fact is absent).  ``km:Participation``
    nodes likewise enrich the matching ``participatesIn`` edge.  A Dataset/ConjunctiveGraph is
    read as the union of its named graphs.
    """
    lang = _norm_lang(lang)
    g = _as_union(g)
    kinds = _classify(g)
    read = _EvidenceReader(g, lang)
    net = nx.MultiDiGraph(lang=lang)
    countries: dict[str, str] = {}
    for node in sorted(kinds, key=str):
        attrs = _node_attrs(g, node, kinds[node], lang)
        attrs["country"] = _country_of(g, node, kinds[node], kinds)
        if attrs["kind"] in ACTIVITY_KINDS:
            years = [y for y in (_year(attrs["start_date"]), _year(attrs["end_date"])) if y]
            if not years:
                years = [
                    y for e in read.many(g.objects(node, KM.evidence)) if (y := _year(e["date"]))
                ]
            attrs["years"] = (min(years), max(years)) if years else None
        if attrs["country"] and attrs["country"] not in countries:
            country = URIRef(attrs["country"])
            countries[attrs["country"]] = _pick(g.objects(country, RDFS.label), lang) or (
                "Indonesia" if attrs["country"] == INDONESIA else _slug(country)
            )
        net.add_node(str(node), **attrs)
    net.graph["countries"] = countries

    statements = _statement_index(g)

    def new_edge(u: str, v: str, relation: str, status: str | None, key: str) -> dict[str, Any]:
        label = relation_label(relation, lang)
        if status is not None and status != "active":
            label = f"{label} ({_table(_STATUS_LABELS, lang).get(status, status)})"
        net.add_edge(
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
        return net.edges[u, v, key]

    def find_edge(a: str, b: str, key: str, symmetric: bool) -> dict[str, Any] | None:
        if net.has_edge(a, b, key):
            return net.edges[a, b, key]
        if symmetric and net.has_edge(b, a, key):
            return net.edges[b, a, key]
        return None

    for relation in RELATIONS:
        predicate = KM[relation]
        for s, o in sorted(g.subject_objects(predicate), key=lambda t: (str(t[0]), str(t[1]))):
            if s not in kinds or o not in kinds:
                continue
            evidence_nodes: list[Node] = list(statements.get((s, predicate, o), []))
            if not evidence_nodes and kinds[s] in ACTIVITY_KINDS:
                evidence_nodes = list(g.objects(s, KM.evidence))
            status = "active" if relation == "partnersWith" else None
            edge = find_edge(str(s), str(o), relation, relation in _SYMMETRIC)
            if edge is None:
                edge = new_edge(str(s), str(o), relation, status, relation)
            _merge_evidence(edge, read.many(evidence_nodes))

    for part in sorted(g.subjects(RDF.type, KM.Partnership), key=str):
        partners = sorted({str(p) for p in g.objects(part, KM.partner) if p in kinds})
        status = (_literal_str(g.value(part, KM.status)) or "unknown").strip().lower()
        since = _literal_str(g.value(part, KM.since))
        evidence = read.many(g.objects(part, KM.evidence))
        key = "partnersWith" if status == "active" else f"partnersWith|{status}"
        for a, b in combinations(partners, 2):
            edge = find_edge(a, b, key, True) or new_edge(a, b, "partnersWith", status, key)
            _merge_evidence(edge, evidence)
            if since and (edge["since"] is None or since < edge["since"]):
                edge["since"] = since

    for part in sorted(g.subjects(RDF.type, KM.Participation), key=str):
        participant, programme = g.value(part, KM.participant), g.value(part, KM.programme)
        if participant is None or programme is None:
            continue
        edge = find_edge(str(participant), str(programme), "participatesIn", False)
        if edge is None:
            continue
        _merge_evidence(edge, read.many(g.objects(part, KM.evidence)))
        since = _literal_str(g.value(part, KM.since))
        if since and (edge["since"] is None or since < edge["since"]):
            edge["since"] = since

    for _u, _v, data in net.edges(data=True):
        data["evidence"].sort(key=lambda e: (e["date"] or "", e["headline"] or "", e["text"]))
        data["sources"] = _edge_sources(data)
    return net


# --------------------------------------------------------------------------------------------
# Metrics, focus, timeline
# --------------------------------------------------------------------------------------------


def node_metrics(
    net: nx.MultiDiGraph, *, betweenness: bool | None = None
) -> dict[str, dict[str, float]]:
    """Per node: ``pagerank``, ``degree`` (distinct neighbours), ``sources`` (distinct articles
    stating its relations) and, when computed, ``betweenness``.

    They are measured on ``net`` seen as an undirected graph whose links weigh the number of
    sources of the edges between two nodes (at least 1), so every drawn node (people and
    activities too) has a value.  ``betweenness``: ``None`` computes it exactly up to
    :data:`BETWEENNESS_EXACT_MAX` nodes and skips it above; ``True`` always computes it
    (from 200 sampled sources, seed 42, above that size); ``False`` never.
    """
    und = nx.Graph()
    und.add_nodes_from(net.nodes)
    docs: dict[str, set[Any]] = {n: set() for n in net.nodes}
    for u, v, data in net.edges(data=True):
        weight = max(1, int(data.get("sources") or _edge_sources(data)))
        if u != v:
            if und.has_edge(u, v):
                und[u][v]["weight"] += weight
            else:
                und.add_edge(u, v, weight=weight)
        for e in data.get("evidence") or []:
            key = e.get("source") or (e.get("headline"), e.get("url"), e.get("date"))
            docs[u].add(key)
            docs[v].add(key)
    n = und.number_of_nodes()
    if not n:
        return {}
    pagerank = (
        nx.pagerank(und, weight="weight")
        if und.number_of_edges()
        else dict.fromkeys(und.nodes, 1.0 / n)
    )
    between: dict[str, float] | None = None
    if betweenness or (betweenness is None and n <= BETWEENNESS_EXACT_MAX):
        k = None if n <= BETWEENNESS_EXACT_MAX else _BETWEENNESS_SAMPLES
        between = nx.betweenness_centrality(und, k=k, seed=42, normalized=True)
    out: dict[str, dict[str, float]] = {}
    for node in und.nodes:
        m: dict[str, float] = {
            "pagerank": float(f"{pagerank.get(node, 0.0):.4g}"),
            "degree": und.degree(node),
            "sources": len(docs[node]),
        }
        if between is not None:
            m["betweenness"] = float(f"{between.get(node, 0.0):.4g}")
        out[node] = m
    return out


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
        out = [str(attrs.get("label") or ""), _slug(URIRef(node))]
        out += [str(a) for a in attrs.get("alt_names") or []]
        return [" ".join(x.split()).casefold() for x in out if x]

    def rank(node: str) -> tuple[int, int, str]:
        kind = net.nodes[node].get("kind", "Activity")
        return (_KIND_RANK.get(kind, len(_KIND_RANK)), -net.degree(node), node)

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


def _foreign_country(net: nx.MultiDiGraph, node: str) -> str | None:
    """Label of the country of ``node`` when it is known and not Indonesia."""
    country = net.nodes[node].get("country")
    if not country or country == INDONESIA:
        return None
    if country in net and net.nodes[country].get("label"):
        return str(net.nodes[country]["label"])
    return str((net.graph.get("countries") or {}).get(country) or _slug(URIRef(country)))


def timeline(net: nx.MultiDiGraph, limit: int = 60) -> dict[str, Any]:
    """Activities per year per local government.

    Returns ``{"years": [first, …, last], "rows": [{"node", "label", "country" (foreign
    local governments only), "total", "cells":
    {year: [activity node, …]}}, …], "omitted": n, "undated": n}``: one row per local
    government linked to at least one dated activity (by any relation, in either direction),
    most active first, at most ``limit`` rows; an activity counts in the first year of its
    ``years``.
    """
    rows: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    undated: set[str] = set()
    for act, attrs in net.nodes(data=True):
        if attrs.get("kind") not in ACTIVITY_KINDS:
            continue
        lgs = {
            other
            for other in set(net.successors(act)) | set(net.predecessors(act))
            if net.nodes[other].get("kind") in LOCAL_GOVERNMENT_KINDS
        }
        if not lgs:
            continue
        years = attrs.get("years")
        if not years:
            undated.add(act)
            continue
        for lg in lgs:
            rows[lg][int(years[0])].append(act)
    ordered = sorted(
        rows,
        key=lambda lg: (
            -sum(len(v) for v in rows[lg].values()),
            str(net.nodes[lg].get("label") or lg).casefold(),
        ),
    )
    shown = ordered[:limit]
    all_years = sorted({y for lg in shown for y in rows[lg]})
    return {
        "years": list(range(all_years[0], all_years[-1] + 1)) if all_years else [],
        "rows": [
            {
                "node": lg,
                "label": str(net.nodes[lg].get("label") or lg),
                "country": _foreign_country(net, lg),
                "total": sum(len(v) for v in rows[lg].values()),
                "cells": {y: sorted(rows[lg][y]) for y in sorted(rows[lg])},
            }
            for lg in shown
        ],
        "omitted": len(ordered) - len(shown),
        "undated": len(undated),
    }


# --------------------------------------------------------------------------------------------
# networkx → self-contained HTML
# --------------------------------------------------------------------------------------------

_TEMPLATE_DIR = Path(__file__).with_name("templates")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)
_QID = re.compile(r"^Q[1-9][0-9]*$")
#: Above this many nodes the page trades looks for speed (no hover redraws of edges while
#: dragging or zooming, fewer layout iterations per node).
_LARGE = 300
#: Above this many nodes the starting positions are computed here (see _initial_layout) and
#: the page's layout also stops after _LAYOUT_BUDGET_MS milliseconds of physics.
_PRELAYOUT = 150
_LAYOUT_BUDGET_MS = 1000
#: ... and by this many milliseconds after the page started loading (see network.js).
_LAYOUT_DEADLINE_MS = 2200


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is a plain http(s) URL (no ``javascript:`` etc.), else ``None``."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


@lru_cache(maxsize=1)
def _vis_js() -> str:
    """The vis-network JavaScript shipped with pyvis, made safe to inline in ``<script>``.

    Its stylesheet is not needed (it mostly holds images for widgets the page does not use);
    the page styles the one element it shows, the tooltip, itself.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it ships the vis-network library")
    lib = Path(next(iter(spec.submodule_search_locations))) / "templates" / "lib"
    folder = lib / f"vis-{_VIS_VERSION}"
    if not folder.is_dir():
        candidates = sorted(
            lib.glob("vis-*"), key=lambda p: [int(x) for x in p.name[4:].split(".")]
        )
        if not candidates:
            raise RuntimeError(f"no vis-network library found in {lib}")
        folder = candidates[-1]
    return _script_safe((folder / "vis-network.min.js").read_text(encoding="utf-8"))


def _script_safe(js: str) -> str:
    """Neutralise sequences that would end or confuse an inline ``<script>`` element.

    They can only occur inside JS string/regex literals, where ``<\\/`` and ``<\\!`` mean the
    same characters.
    """
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def _json_for_script(data: Any) -> str:
    """JSON that is inert inside an HTML ``<script>`` element (``<``, ``>``, ``&`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _csp_hash(script: str) -> str:
    """CSP ``'sha256-…'`` source for an inline script's exact text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _edge_years(
    activity_years: Mapping[str, Any], u: str, v: str, data: Mapping[str, Any]
) -> list[int] | None:
    """``[first, last]`` year an edge is known for: its activity's years (``activity_years``
    maps activity nodes to theirs), else from its start year (``since``) or first article to
    its latest article; ``None`` when undated."""
    for end in (u, v):
        if activity_years.get(end):
            return [int(y) for y in activity_years[end]]
    known = [y for e in data.get("evidence") or [] if (y := _year(e.get("date")))]
    if (since := _year(data.get("since"))) is not None:
        known.append(since)
    return [min(known), max(known)] if known else None


def _initial_layout(net: nx.MultiDiGraph, edge_length: float = 60.0) -> dict[str, tuple[int, int]]:
    """Starting positions for large networks, so the browser's physics only has to refine.

    Each connected component is laid out by Pivot MDS (Brandes & Pich 2007): hop distances
    from up to 40 pivot nodes (breadth-first search in scipy), double-centred and projected
    on their two principal axes; a little seeded jitter separates nodes with the same
    distances.  Components are then packed in rows, largest first.  Cost: linear in the size
    of the graph.
    """
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components, shortest_path

    nodes = list(net.nodes)
    n = len(nodes)
    if not n:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in net.edges() if u != v]
    rows = np.array([p[0] for p in pairs] + [p[1] for p in pairs], dtype=np.int64)
    cols = np.array([p[1] for p in pairs] + [p[0] for p in pairs], dtype=np.int64)
    adjacency = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()
    count, labels = connected_components(adjacency, directed=False)
    rng = np.random.default_rng(7)
    degree = np.diff(adjacency.indptr)
    blocks: list[tuple[np.ndarray, np.ndarray]] = []
    for c in range(count):
        members = np.flatnonzero(labels == c)
        s = len(members)
        if s <= 2:
            xy = np.array([[0.0, 0.0], [1.0, 0.0]][:s])
        else:
            sub = adjacency[members][:, members]
            k = min(s, 40)
            first = int(np.argmax(degree[members]))
            others = rng.permutation(np.delete(np.arange(s), first))[: k - 1]
            pivots = np.concatenate([[first], others])
            dist = shortest_path(sub, indices=pivots, unweighted=True, directed=False).T
            d2 = dist**2
            centred = -0.5 * (d2 - d2.mean(0) - d2.mean(1, keepdims=True) + d2.mean())
            # eigenvectors of the small k×k matrix rather than an SVD of the tall one
            _w, vectors = np.linalg.eigh(centred.T @ centred)
            xy = centred @ vectors[:, [-1, -2]]
            spread = np.abs(xy).max() or 1.0
            radius = np.sqrt(s) * 0.9
            xy = xy / spread * radius
        xy = xy + rng.uniform(-0.35, 0.35, size=xy.shape)
        xy = (xy - xy.min(0)) * edge_length
        blocks.append((members, xy))
    blocks.sort(key=lambda b: -len(b[0]))
    margin = edge_length * 1.5
    area = sum((np.ptp(xy[:, 0]) + margin) * (np.ptp(xy[:, 1]) + margin) for _m, xy in blocks)
    row_width = max(float(np.sqrt(area)) * 1.3, float(np.ptp(blocks[0][1][:, 0])) + margin)
    positions = np.zeros((n, 2))
    x = y = row_height = 0.0
    for members, xy in blocks:
        w, h = float(np.ptp(xy[:, 0])) + margin, float(np.ptp(xy[:, 1])) + margin
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions[members] = xy + np.array([x, y])
        x += w
        row_height = max(row_height, h)
    positions -= positions.mean(0)
    return {
        node: (round(float(px)), round(float(py)))
        for node, (px, py) in zip(nodes, positions, strict=True)
    }


def _physics(n: int) -> dict[str, Any]:
    """vis-network physics: a bounded number of stabilisation iterations (fewer per node on
    large graphs, so 2,000 nodes settle in a couple of seconds), after which the page switches
    physics off."""
    large = n > _LARGE
    # A Barnes-Hut iteration of vis-network costs 13-25 µs per node in Chromium: above
    # _PRELAYOUT nodes (which start from _initial_layout) it gets about 200,000 node-iterations
    # or _LAYOUT_BUDGET_MS, whichever comes first.
    iterations = 800 if n <= _PRELAYOUT else max(30, min(400, 200_000 // n))
    return {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -60 if large else -220,
            "centralGravity": 0.012 if large else 0.02,
            "springLength": 70 if large else 90,
            "springConstant": 0.08 if large else 0.05,
            "damping": 0.5 if large else 0.4,
            "avoidOverlap": 0.0 if large else 1.0,
            "theta": 1.2 if large else 0.5,
        },
        "adaptiveTimestep": not large,
        "maxVelocity": 60,
        "minVelocity": 1.0 if large else 0.5,
        "timestep": 0.6 if large else 0.5,
        "stabilization": {
            "enabled": True,
            "iterations": iterations,
            "updateInterval": 10 if n > _PRELAYOUT else 50,
            "fit": True,
        },
    }


def _payload(
    net: nx.MultiDiGraph, lang: str, size_by: str, metrics: Mapping[str, Mapping[str, float]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Everything the page's script needs, as plain JSON-able data (text never as markup),
    and the :func:`timeline` of ``net``."""
    ui = _table(_UI, lang)
    node_ids = list(net.nodes)
    index = {node: i for i, node in enumerate(node_ids)}
    countries = dict(net.graph.get("countries") or {})
    for node, attrs in net.nodes(data=True):
        if attrs.get("kind") == "Country":
            countries[node] = str(attrs.get("label") or countries.get(node) or _slug(node))
    used = sorted(
        {attrs.get("country") for _n, attrs in net.nodes(data=True) if attrs.get("country")},
        key=lambda c: (str(countries.get(c) or _slug(URIRef(c))).casefold(), c),
    )
    country_index = {c: i for i, c in enumerate(used)}

    positions = _initial_layout(net) if len(node_ids) > _PRELAYOUT else {}
    nodes: list[dict[str, Any]] = []
    for node in node_ids:
        attrs = net.nodes[node]
        kind = attrs.get("kind", "Activity")
        if kind not in _STYLE:
            kind = "Activity"
        label = str(attrs.get("label") or node)
        wikidata = attrs.get("wikidata")
        qid = str(wikidata).rsplit("/", 1)[-1] if wikidata else None
        if qid is not None and not _QID.match(qid):
            qid = None
        details: list[list[str]] = []
        if attrs.get("theme") and attrs["theme"] != label:
            details.append([ui["theme"], str(attrs["theme"])])
        dates = " – ".join(str(d) for d in (attrs.get("start_date"), attrs.get("end_date")) if d)
        if dates:
            details.append([ui["dates"], dates])
        if attrs.get("participant_count") is not None:
            details.append([ui["participants"], str(attrs["participant_count"])])
        if attrs.get("kemendagri_code"):
            details.append([ui["kemendagri"], str(attrs["kemendagri_code"])])
        years = attrs.get("years")
        nodes.append(
            {
                "iri": str(attrs.get("iri") or node),
                "label": label,
                "kind": kind,
                "alt": [str(a) for a in attrs.get("alt_names") or []],
                "wikidata": qid,
                "country": country_index.get(attrs.get("country")),
                "details": details,
                "metrics": dict(metrics.get(node, {})),
                "years": [int(y) for y in years] if years else None,
                "xy": list(positions[node]) if node in positions else None,
            }
        )

    activity_years = {
        node: attrs.get("years")
        for node, attrs in net.nodes(data=True)
        if attrs.get("kind") in ACTIVITY_KINDS and attrs.get("years")
    }
    docs: list[dict[str, Any]] = []
    doc_index: dict[Any, int] = {}
    sentences: list[dict[str, Any]] = []
    sentence_index: dict[tuple[Any, ...], int] = {}
    edges: list[dict[str, Any]] = []
    for u, v, data in net.edges(data=True):
        refs: list[int] = []
        for e in data.get("evidence") or []:
            doc_key = e.get("source") or (e.get("headline"), e.get("url"), e.get("date"))
            if doc_key not in doc_index:
                doc_index[doc_key] = len(docs)
                docs.append(
                    {
                        "headline": e.get("headline"),
                        "url": _safe_url(e.get("url")),
                        "date": e.get("date"),
                    }
                )
            key = (str(e.get("text") or ""), doc_index[doc_key])
            if key not in sentence_index:
                sentence_index[key] = len(sentences)
                sentences.append({"text": key[0], "doc": key[1]})
            refs.append(sentence_index[key])
        relation = str(data.get("relation", ""))
        status = data.get("status")
        edges.append(
            {
                "from": index[u],
                "to": index[v],
                "relation": relation,
                "status": status,
                "dashed": bool(data.get("dashed")),
                "since": data.get("since"),
                "evidence": refs,
                "sources": int(data.get("sources") or _edge_sources(data)),
                "years": _edge_years(activity_years, u, v, data),
            }
        )

    all_years = [y for e in edges if e["years"] for y in e["years"]]
    all_years += [y for n in nodes if n["years"] for y in n["years"]]
    available = [k for k in SIZE_METRICS if any(k in m for m in metrics.values())]
    focus = net.graph.get("focus")
    line = timeline(net)
    return {
        "lang": lang,
        "ui": ui,
        "kinds": {
            k: {
                "label": kind_label(k, lang),
                "color": _STYLE[k][0],
                "shape": _STYLE[k][1],
                "activity": k in ACTIVITY_KINDS,
            }
            for k in ENTITY_KINDS + ACTIVITY_KINDS
        },
        "relations": {
            r: {
                "label": relation_label(r, lang),
                "color": _RELATION_COLOURS.get(r, "#8a8a8a"),
                "directed": r not in _SYMMETRIC,
            }
            for r in sorted({e["relation"] for e in edges} | set(RELATIONS))
        },
        "statuses": _table(_STATUS_LABELS, lang),
        "countries": [{"iri": c, "label": countries.get(c) or _slug(URIRef(c))} for c in used],
        "docs": docs,
        "sentences": sentences,
        "metrics": [{"id": k, "label": _table(_METRIC_LABELS, lang)[k]} for k in available],
        "sizeBy": size_by if size_by in available else (available[0] if available else None),
        "nodes": nodes,
        "edges": edges,
        "years": [min(all_years), max(all_years)] if all_years else None,
        "focus": {"node": index[focus[0]], "depth": int(focus[1])}
        if focus and focus[0] in index
        else None,
        "timeline": {
            "rows": [
                {
                    "node": index[row["node"]],
                    "cells": {str(y): [index[a] for a in acts] for y, acts in row["cells"].items()},
                }
                for row in line["rows"]
            ]
        },
        "options": {
            "autoResize": True,
            "nodes": {
                "font": {
                    "face": "system-ui, sans-serif",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
                "borderWidth": 1,
            },
            "edges": {
                "selectionWidth": 2,
                "hoverWidth": 1,
                "smooth": False,
                "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                # relation labels only once they are legible (zoom in to read them)
                "scaling": {"label": {"drawThreshold": 9}},
                "color": {"highlight": "#000000", "hover": "#000000", "inherit": False},
                "font": {
                    "size": 13,
                    "align": "middle",
                    "color": "#444444",
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
            },
            "interaction": {
                "hover": True,
                "hideEdgesOnDrag": len(nodes) > _LARGE,
                "hideEdgesOnZoom": len(nodes) > _LARGE,
                "keyboard": False,
                "multiselect": True,
            },
            "physics": _physics(len(nodes)),
            "layout": {"randomSeed": 7, "improvedLayout": len(nodes) <= 100},
        },
        "layoutBudgetMs": _LAYOUT_BUDGET_MS if len(nodes) > _PRELAYOUT else None,
        "layoutDeadlineMs": _LAYOUT_DEADLINE_MS,
        "maxLayoutMs": 15000,
    }, line


# Timeline geometry (pixels).
_TL_LABEL_W = 220
_TL_COL_W = 34
_TL_ROW_H = 26
_TL_TOP = 30
_TL_TOTAL_W = 110
_TL_DOTS = 6


def _timeline_svg(net: nx.MultiDiGraph, line: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Shapes of the timeline (an inline SVG drawn by the template; all text escaped there)."""
    ui = _table(_UI, lang)
    years: list[int] = list(line["years"])
    rows = line["rows"]
    first = years[0] if years else 0
    step = 1 if len(years) <= 24 else 5
    grid_w = _TL_COL_W * len(years)
    width = _TL_LABEL_W + grid_w + 16 + _TL_TOTAL_W
    height = _TL_TOP + _TL_ROW_H * len(rows) + 24
    max_total = max((r["total"] for r in rows), default=1)
    out_rows = []
    for r, row in enumerate(rows):
        y = _TL_TOP + r * _TL_ROW_H
        cells = []
        for year, acts in row["cells"].items():
            x = _TL_LABEL_W + _TL_COL_W * (year - first)
            kinds = sorted(
                (net.nodes[a].get("kind", "Activity") for a in acts),
                key=lambda k: _KIND_RANK.get(k, 99),
            )
            counted = Counter(kind_label(k, lang) for k in kinds)
            title = ui["timeline_cell"].format(name=row["label"], year=year, n=len(acts))
            title += " — " + ", ".join(f"{n} × {k}" for k, n in counted.items())
            dots = []
            if len(acts) <= _TL_DOTS:
                for i, kind in enumerate(kinds):
                    dots.append(
                        {
                            "cx": x + 8 + 9 * (i % 3),
                            "cy": y + 8 + 9 * (i // 3),
                            "color": _STYLE.get(kind, _STYLE["Activity"])[0],
                        }
                    )
            cells.append(
                {
                    "year": year,
                    "x": x + 1,
                    "y": y + 1,
                    "w": _TL_COL_W - 2,
                    "h": _TL_ROW_H - 2,
                    "count": len(acts),
                    "title": title,
                    "dots": dots,
                    "opacity": round(0.15 + 0.6 * min(1.0, len(acts) / 20), 2),
                }
            )
        name = f"{row['label']} ({row['country']})" if row.get("country") else row["label"]
        out_rows.append(
            {
                "y": y,
                "ty": y + _TL_ROW_H / 2 + 4,
                "label": _clip(name, 34),
                "full": name,
                "total": row["total"],
                "bar_x": _TL_LABEL_W + grid_w + 16,
                "bar_w": round((_TL_TOTAL_W - 34) * row["total"] / max_total, 1),
                "cells": cells,
            }
        )
    present = sorted(
        {
            net.nodes[a].get("kind", "Activity")
            for row in rows
            for acts in row["cells"].values()
            for a in acts
        },
        key=lambda k: _KIND_RANK.get(k, 99),
    )
    return {
        "width": width,
        "height": height,
        "grid_x": _TL_LABEL_W,
        "grid_w": grid_w,
        "grid_bottom": _TL_TOP + _TL_ROW_H * len(rows),
        "years": [
            {
                "x": _TL_LABEL_W + _TL_COL_W * i + _TL_COL_W / 2,
                "label": str(y),
                "tick": i % step == 0,
            }
            for i, y in enumerate(years)
        ],
        "total_x": _TL_LABEL_W + grid_w + 16,
        "rows": out_rows,
        "kinds": [
            {"label": kind_label(k, lang), "color": _STYLE.get(k, _STYLE["Activity"])[0]}
            for k in present
        ],
        "omitted": ui["timeline_omitted"].format(n=line["omitted"]) if line["omitted"] else None,
        "undated": ui["timeline_undated"].format(n=line["undated"]) if line["undated"] else None,
    }


def _legend(net: nx.MultiDiGraph, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Legend/filter entries for the kinds, relations and countries present in ``net``."""
    kinds = Counter(n["kind"] for n in payload["nodes"])
    relations = Counter(e["relation"] for e in payload["edges"])
    countries = Counter(n["country"] for n in payload["nodes"] if n["country"] is not None)
    return {
        "kinds": [
            {
                "id": k,
                "label": payload["kinds"][k]["label"],
                "color": _STYLE[k][0],
                "symbol": _STYLE[k][2],
                "activity": k in ACTIVITY_KINDS,
                "count": kinds[k],
            }
            for k in ENTITY_KINDS + ACTIVITY_KINDS
            if kinds[k]
        ],
        "relations": [
            {
                "id": r,
                "label": payload["relations"][r]["label"],
                "color": payload["relations"][r]["color"],
                "count": relations[r],
            }
            for r in sorted(
                relations, key=lambda r: (RELATIONS.index(r) if r in RELATIONS else 99, r)
            )
        ],
        "countries": [
            {"index": i, "label": c["label"], "count": countries[i]}
            for i, c in enumerate(payload["countries"])
        ],
    }


@lru_cache(maxsize=4)
def _template_text(name: str) -> str:
    """Read a packaged template file."""
    return (_TEMPLATE_DIR / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _template() -> Any:
    """The compiled page template (HTML autoescaping on)."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    return env.from_string(_template_text("network.html.j2"))


def _page(
    net: nx.MultiDiGraph,
    lang: str,
    title: str,
    size_by: str = SIZE_METRICS[0],
    metrics: Mapping[str, Mapping[str, float]] | None = None,
) -> str:
    """Render the complete HTML page for ``net``."""
    if size_by not in SIZE_METRICS:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_METRICS)}")
    if metrics is None:
        metrics = node_metrics(net, betweenness=True if size_by == "betweenness" else None)
    vis_js = _vis_js()
    app_js = _script_safe(_template_text("network.js"))
    payload, line = _payload(net, lang, size_by, metrics)
    ui = payload["ui"]
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "worker-src 'none'",
            "manifest-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    focus = payload["focus"]
    return _template().render(
        lang=lang,
        title=title,
        csp=csp,
        vis_version=_VIS_VERSION,
        vis_js=vis_js,
        app_js=app_js,
        data_json=_json_for_script(payload),
        legend=_legend(net, payload),
        metrics=payload["metrics"],
        size_by=payload["sizeBy"],
        years=payload["years"],
        focus_depth=focus["depth"] if focus else 2,
        ui=ui,
        stats=ui["stats"].format(nodes=net.number_of_nodes(), edges=net.number_of_edges()),
        timeline=_timeline_svg(net, line, lang),
    )


_DEFAULT_TITLE = "Outward Looking Policy network"


def render_network_html(
    net: nx.MultiDiGraph,
    out: Path | str,
    lang: str = "en",
    title: str = _DEFAULT_TITLE,
    *,
    size_by: str = SIZE_METRICS[0],
    focus: str | None = None,
    depth: int = 2,
    metrics: Mapping[str, Mapping[str, float]] | None = None,
) -> Path:
    """Write a network from :func:`build_network` (possibly filtered) as a self-contained page.

    ``size_by``: one of :data:`SIZE_METRICS` (the page can switch between those computed).
    ``focus``: keep only the entity of that name and what lies within ``depth`` hops of it
    (see :func:`focus_network`; raises :class:`FocusError` when there is no such entity).
    ``metrics``: per node metrics to use instead of :func:`node_metrics` (same keys).
    Returns the output path.  Nothing but ``out`` is written (no ``lib/`` folder).
    """
    out = Path(out)
    lang = _norm_lang(lang)
    if focus is not None:
        net = focus_network(net, focus, depth)
        name = net.nodes[net.graph["focus"][0]].get("label") or focus
        if title == _DEFAULT_TITLE:
            title = f"{title}: {_table(_UI, lang)['focus_on'].format(name=name, depth=depth)}"
    write_text(out, _page(net, lang, title, size_by=size_by, metrics=metrics))
    return out


def render_html(
    g: Graph,
    out: Path | str,
    lang: str = "en",
    title: str = _DEFAULT_TITLE,
    *,
    size_by: str = SIZE_METRICS[0],
    focus: str | None = None,
    depth: int = 2,
) -> Path:
    """Render the RDF graph ``g`` as ONE self-contained, offline HTML page at ``out``.

    The page inlines vis-network (from the pyvis package), makes no network request, shows a
    legend that doubles as class and relation filters, year and country filters, a search box,
    focus on N hops, a side panel with names, metrics and evidence sentences, and the
    activities timeline; it lays the graph out with bounded physics that is switched off once
    stabilised.  Labels are in ``lang`` (``"en"`` or ``"id"``; other languages fall back to
    English for interface strings).  See :func:`render_network_html` for the other options.
    """
    lang = _norm_lang(lang)
    return render_network_html(
        build_network(g, lang),
        out,
        lang=lang,
        title=title,
        size_by=size_by,
        focus=focus,
        depth=depth,
    )
