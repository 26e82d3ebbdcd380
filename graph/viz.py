"""Interactive network view of the kotamitra RDF graph.

Two entry points, both usable from a notebook:

* :func:`build_network` turns the RDF graph described in ``docs/rdf-model.md`` into a
  :class:`networkx.MultiDiGraph` whose nodes are entities and activities and whose edges are
  the direct ``km:*`` facts between them (plus dashed edges for planned/explored/ended
  partnerships), each edge carrying its evidence sentences.
* :func:`render_html` writes that network as ONE self-contained HTML page: the vis-network
  JavaScript and CSS shipped inside the ``pyvis`` package are inlined, a Content-Security-Policy
  forbids every network request and every script except the page's own (by hash), and all
  source text reaches the browser only as escaped JSON that the page inserts with
  ``textContent``.  :func:`render_network_html` does the same for an already built (for
  example filtered) network.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.util
import json
import math
import os
import re
import tempfile
from collections import defaultdict
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

__all__ = [
    "ACTIVITY_KINDS",
    "ENTITY_KINDS",
    "RELATIONS",
    "build_network",
    "render_html",
    "render_network_html",
]

KM = Namespace("https://w3id.org/kotamitra/ontology#")
KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"

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
_KIND_RANK: dict[str, int] = {k: i for i, k in enumerate(ENTITY_KINDS + ACTIVITY_KINDS)}

#: Direct ``km:`` relations drawn as edges (only between two nodes of the network).
RELATIONS: tuple[str, ...] = (
    "partnersWith",
    "participatesIn",
    "organizedBy",
    "fundedBy",
    "sendsDelegationTo",
    "memberOf",
    "headOf",
    "deputyHeadOf",
    "implementsPolicy",
    "initiatedBy",
    "partOf",
    "participant",
    "location",
)
_SYMMETRIC: frozenset[str] = frozenset({"partnersWith"})
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

_UI: dict[str, dict[str, str]] = {
    "en": {
        "search_placeholder": "Search by name…",
        "search_button": "Find",
        "not_found": "Not found",
        "legend": "Legend",
        "legend_partner": "partnership (width = number of evidence sentences)",
        "legend_planned": "planned / explored / ended partnership",
        "legend_other": "other relation",
        "legend_sizes": "Node size grows with the number of connections.",
        "hint": "Click a node or an edge to see its names or its evidence sentences.",
        "layout": "Computing layout…",
        "alt_names": "Also known as",
        "connections": "Connections",
        "evidence": "Evidence",
        "no_evidence": "No evidence sentence recorded.",
        "source": "source",
        "status": "Status",
        "since": "Since",
        "stats": "{nodes} nodes · {edges} edges",
        "evidence_count": "{n} evidence sentence(s) — click for details",
        "theme": "Theme",
        "dates": "Dates",
        "participants": "Participants",
        "kemendagri": "Kemendagri code",
    },
    "id": {
        "search_placeholder": "Cari nama…",
        "search_button": "Cari",
        "not_found": "Tidak ditemukan",
        "legend": "Keterangan",
        "legend_partner": "kemitraan (tebal = jumlah kalimat bukti)",
        "legend_planned": "kemitraan direncanakan / dijajaki / berakhir",
        "legend_other": "hubungan lain",
        "legend_sizes": "Ukuran simpul sesuai jumlah hubungannya.",
        "hint": "Klik simpul atau garis untuk melihat nama atau kalimat buktinya.",
        "layout": "Menyusun tata letak…",
        "alt_names": "Nama lain",
        "connections": "Hubungan",
        "evidence": "Bukti",
        "no_evidence": "Tidak ada kalimat bukti.",
        "source": "sumber",
        "status": "Status",
        "since": "Sejak",
        "stats": "{nodes} simpul · {edges} garis",
        "evidence_count": "{n} kalimat bukti — klik untuk rincian",
        "theme": "Tema",
        "dates": "Tanggal",
        "participants": "Jumlah peserta",
        "kemendagri": "Kode Kemendagri",
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
_PARTNER_EDGE_COLOUR = "#c0392b"
_OTHER_EDGE_COLOUR = "#8a8a8a"


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
        """Return ``{text, headline, url, date}`` for evidence node ``ev``."""
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
            }
        return self._cache[ev]

    def many(self, evidence_nodes: Iterable[Node]) -> list[dict[str, str | None]]:
        """Resolve, de-duplicate and sort (by date, headline, text) several evidence nodes."""
        out: dict[tuple[str | None, ...], dict[str, str | None]] = {}
        for ev in evidence_nodes:
            item = self(ev)
            out.setdefault((item["text"], item["headline"], item["url"], item["date"]), item)
        return sorted(
            (dict(v) for v in out.values()),
            key=lambda e: (e["date"] or "", e["headline"] or "", e["text"] or ""),
        )


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
    have = {(e["text"], e["headline"], e["url"], e["date"]) for e in edge["evidence"]}
    for item in extra:
        key = (item["text"], item["headline"], item["url"], item["date"])
        if key not in have:
            have.add(key)
            edge["evidence"].append(item)


def build_network(g: Graph, lang: str = "en") -> nx.MultiDiGraph:
    """Build the entity/activity network of an RDF graph following ``docs/rdf-model.md``.

    Nodes are the IRIs typed with an entity class (local governments and their subclasses,
    countries, organisations, persons, programmes, policies, agreements) or an activity class
    (``km:Activity`` and subclasses); subclasses declared with ``rdfs:subClassOf`` in ``g`` are
    recognised too.  Node attributes: ``label`` (``rdfs:label`` in ``lang``, else another
    language, else the ``km:theme`` of an activity, else the IRI slug), ``kind`` (class short
    name), ``alt_names`` (``skos:altLabel`` and labels in other languages), ``wikidata``
    (Wikidata entity IRI from ``owl:sameAs`` or ``None``), ``iri``; activities also carry
    ``theme``, ``start_date``, ``end_date``, ``participant_count``.

    Edges (key = relation, or ``"partnersWith|<status>"`` for partnership nodes that are not
    active) are the direct facts ``node km:<relation> node`` for the relations in
    :data:`RELATIONS`, with attributes ``relation``, ``label`` (localised), ``evidence`` (list
    of ``{"text", "headline", "url", "date"}`` from the ``km:Statement`` nodes, or from the
    activity's own ``km:evidence`` for edges leaving an activity), ``status`` (``"active"``
    for ``partnersWith``, else ``None``), ``dashed`` and ``since``.  Every ``km:Partnership``
    whose status is not ``"active"`` adds a dashed ``partnersWith`` edge per pair of partners
    with that ``status`` (``"unknown"`` when missing); an active one adds its evidence and
    ``since`` to the direct ``partnersWith`` edge (creating it if the direct fact is absent).
    ``km:Participation`` nodes likewise enrich the matching ``participatesIn`` edge.
    A Dataset/ConjunctiveGraph is read as the union of its named graphs.
    """
    lang = _norm_lang(lang)
    g = _as_union(g)
    net = nx.MultiDiGraph(lang=lang)
    kinds = _classify(g)
    for node in sorted(kinds, key=str):
        net.add_node(str(node), **_node_attrs(g, node, kinds[node], lang))

    statements = _statement_index(g)
    read = _EvidenceReader(g, lang)

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
    return net


# --------------------------------------------------------------------------------------------
# networkx → self-contained HTML
# --------------------------------------------------------------------------------------------

_TEMPLATE_DIR = Path(__file__).with_name("templates")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>\\]+$", re.IGNORECASE)
_QID = re.compile(r"^Q[1-9][0-9]*$")


def _safe_url(url: str | None) -> str | None:
    """Return ``url`` if it is a plain http(s) URL (no ``javascript:`` etc.), else ``None``."""
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """The vis-network JS and CSS shipped with pyvis, made safe to inline in <script>/<style>."""
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
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    return _script_safe(js), _style_safe(css)


def _script_safe(js: str) -> str:
    """Neutralise sequences that would end or confuse an inline ``<script>`` element.

    They can only occur inside JS string/regex literals, where ``<\\/`` and ``<\\!`` mean the
    same characters.
    """
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    return js.replace("<!--", "<\\!--")


def _style_safe(css: str) -> str:
    """Refuse CSS that could end the ``<style>`` element or load anything remote."""
    if re.search(r"</style", css, re.IGNORECASE):
        raise ValueError("stylesheet contains </style")
    if re.search(r"@import|url\(\s*(?!['\"]?\s*data:)", css, re.IGNORECASE):
        raise ValueError("stylesheet references external resources")
    return css


def _json_for_script(data: Any) -> str:
    """JSON that is inert inside an HTML ``<script>`` element (``<``, ``>``, ``&`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
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


def _vis_payload(net: nx.MultiDiGraph, lang: str) -> dict[str, Any]:
    """Node/edge dicts and options for vis-network, plus UI strings (all plain text)."""
    ui = _table(_UI, lang)
    nodes: list[dict[str, Any]] = []
    for node_id, attrs in net.nodes(data=True):
        kind = attrs.get("kind", "Activity")
        colour, shape, _symbol = _STYLE.get(kind, _STYLE["Activity"])
        degree = net.degree(node_id)
        base = 7.0 if kind in ACTIVITY_KINDS else 11.0
        size = round(min(base + 5.0 * math.sqrt(degree), 48.0), 1)
        label = str(attrs.get("label") or node_id)
        kind_text = kind_label(kind, lang)
        alt = [str(a) for a in attrs.get("alt_names") or []]
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
        tooltip = [label, kind_text]
        if alt:
            tooltip.append(f"{ui['alt_names']}: " + _clip("; ".join(alt), 200))
        if qid:
            tooltip.append(f"Wikidata: {qid}")
        nodes.append(
            {
                "id": node_id,
                "label": label,
                "title": "\n".join(tooltip),
                "shape": shape,
                "size": size,
                "color": {
                    "background": colour,
                    "border": "#333333",
                    "highlight": {"background": colour, "border": "#000000"},
                    "hover": {"background": colour, "border": "#000000"},
                },
                "borderWidth": 1,
                "font": {"size": 12 if kind in ACTIVITY_KINDS else 14},
                "kind": kind,
                "kindLabel": kind_text,
                "altNames": alt,
                "details": details,
                "wikidata": qid,
                "wikidataUrl": f"https://www.wikidata.org/wiki/{qid}" if qid else None,
                "iri": str(attrs.get("iri") or node_id),
            }
        )

    labels = {n: str(a.get("label") or n) for n, a in net.nodes(data=True)}
    pair_count: dict[frozenset[str], int] = defaultdict(int)
    edges: list[dict[str, Any]] = []
    for i, (u, v, _key, attrs) in enumerate(net.edges(keys=True, data=True)):
        relation = str(attrs.get("relation", ""))
        evidence = [
            {
                "text": str(e.get("text") or ""),
                "headline": e.get("headline"),
                "url": _safe_url(e.get("url")),
                "date": e.get("date"),
            }
            for e in attrs.get("evidence") or []
        ]
        n_ev = len(evidence)
        status = attrs.get("status")
        dashed = bool(attrs.get("dashed"))
        label = str(attrs.get("label") or relation_label(relation, lang))
        title = [f"{labels.get(u, u)} — {label} — {labels.get(v, v)}"]
        if attrs.get("since"):
            title.append(f"{ui['since']}: {attrs['since']}")
        title.append(ui["evidence_count"].format(n=n_ev))
        if evidence:
            title.append("“" + _clip(evidence[0]["text"], 240) + "”")
        pair = frozenset((u, v))
        k = pair_count[pair]
        pair_count[pair] += 1
        smooth: dict[str, Any] = {"enabled": True, "type": "dynamic"}
        if k:
            smooth = {
                "enabled": True,
                "type": "curvedCW" if k % 2 else "curvedCCW",
                "roundness": round(0.15 * ((k + 1) // 2), 2),
            }
        colour = _PARTNER_EDGE_COLOUR if relation == "partnersWith" else _OTHER_EDGE_COLOUR
        edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "label": label,
                "title": "\n".join(title),
                "width": round(1.0 + 0.8 * min(n_ev, 10), 1),
                "dashes": [8, 6] if dashed else False,
                "arrows": {"to": {"enabled": relation not in _SYMMETRIC, "scaleFactor": 0.6}},
                "color": {"color": colour, "highlight": "#000000", "hover": "#000000"},
                "font": {"size": 10, "align": "middle", "color": "#444444"},
                "smooth": smooth,
                "relation": relation,
                "status": status,
                "statusLabel": _table(_STATUS_LABELS, lang).get(status, status) if status else None,
                "since": attrs.get("since"),
                "evidence": evidence,
            }
        )

    n = len(nodes)
    iterations = int(min(1000, 150 + 3 * n))
    options = {
        "autoResize": True,
        "nodes": {"font": {"face": "system-ui, sans-serif"}},
        "edges": {"selectionWidth": 2, "hoverWidth": 1},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.01,
                "springLength": 140,
                "springConstant": 0.06,
                "avoidOverlap": 0.4,
            },
            "minVelocity": 0.75,
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
        "layout": {"randomSeed": 7, "improvedLayout": n <= 150},
    }
    return {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "ui": ui,
        "maxLayoutMs": 20000,
    }


def _legend(net: nx.MultiDiGraph, lang: str) -> list[dict[str, Any]]:
    """Legend entries (colour, symbol, localised label) for the kinds present in ``net``."""
    present = {attrs.get("kind", "Activity") for _n, attrs in net.nodes(data=True)}
    entries = []
    for kind in ENTITY_KINDS + ACTIVITY_KINDS:
        if kind in present:
            colour, _shape, symbol = _STYLE[kind]
            entries.append(
                {
                    "color": colour,
                    "symbol": symbol,
                    "label": kind_label(kind, lang),
                    "small": kind in ACTIVITY_KINDS,
                }
            )
    return entries


@lru_cache(maxsize=4)
def _template_text(name: str) -> str:
    """Read a packaged template file."""
    return (_TEMPLATE_DIR / name).read_text(encoding="utf-8")


def _page(net: nx.MultiDiGraph, lang: str, title: str) -> str:
    """Render the complete HTML page for ``net``."""
    vis_js, vis_css = _vis_assets()
    app_js = _script_safe(_template_text("network.js"))
    payload = _vis_payload(net, lang)
    ui = payload["ui"]
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_template_text("network.html.j2"))
    return template.render(
        lang=lang,
        title=title,
        csp=csp,
        vis_version=_VIS_VERSION,
        vis_css=vis_css,
        vis_js=vis_js,
        app_js=app_js,
        data_json=_json_for_script(payload),
        legend=_legend(net, lang),
        ui=ui,
        stats=ui["stats"].format(nodes=net.number_of_nodes(), edges=net.number_of_edges()),
    )


def _atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same directory and ``os.replace``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def render_network_html(
    net: nx.MultiDiGraph,
    out: Path | str,
    lang: str = "en",
    title: str = "Outward Looking Policy network",
) -> Path:
    """Write a network from :func:`build_network` (possibly filtered) as a self-contained page.

    Returns the output path.  Nothing but ``out`` is written (no ``lib/`` folder).
    """
    out = Path(out)
    _atomic_write_text(out, _page(net, _norm_lang(lang), title))
    return out


def render_html(
    g: Graph,
    out: Path | str,
    lang: str = "en",
    title: str = "Outward Looking Policy network",
) -> Path:
    """Render the RDF graph ``g`` as ONE self-contained, offline HTML page at ``out``.

    The page inlines vis-network (from the pyvis package), makes no network request, shows a
    legend, a search box and a side panel with names / evidence sentences, and lays the graph
    out with bounded physics that is switched off once stabilised.  Labels are in ``lang``
    (``"en"`` or ``"id"``; other languages fall back to English for interface strings).
    """
    lang = _norm_lang(lang)
    return render_network_html(build_network(g, lang), out, lang=lang, title=title)
