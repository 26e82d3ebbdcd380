"""The page's data: the drawn network as the nodes, edges and options vis-network draws
(added to a pyvis ``Network`` by :mod:`graph.viz.page`), and what the page's script
needs beside them (labels, evidence sentences and their articles, legend, timeline)."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from rdflib import URIRef

from graph.viz.drawn import _edge_sources, _year
from graph.viz.history import partnership_payload
from graph.viz.labels import (
    ACTIVITY_KINDS,
    ENTITY_KINDS,
    RELATIONS,
    SIZE_METRICS,
    SYMMETRIC,
    kind_label,
    relation_colour,
    relation_label,
    slug,
    style,
    styled_kinds,
    table,
    ui,
)
from graph.viz.timeline import timeline

_VIS_VERSION = "9.1.2"

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


def _node(
    attrs: Mapping[str, Any],
    node: str,
    texts: Mapping[str, str],
    country_index: Mapping[Any, int],
    metrics: Mapping[str, Mapping[str, float]],
    positions: Mapping[str, tuple[int, int]],
) -> dict[str, Any]:
    """One node of the page: its names, kind, details, metrics and starting place."""
    kind = attrs.get("kind", "Activity")
    if kind not in styled_kinds():
        kind = "Activity"
    label = str(attrs.get("label") or node)
    wikidata = attrs.get("wikidata")
    qid = str(wikidata).rsplit("/", 1)[-1] if wikidata else None
    if qid is not None and not _QID.match(qid):
        qid = None
    details: list[list[str]] = []
    if attrs.get("theme") and attrs["theme"] != label:
        details.append([texts["theme"], str(attrs["theme"])])
    dates = " – ".join(str(d) for d in (attrs.get("start_date"), attrs.get("end_date")) if d)
    if dates:
        details.append([texts["dates"], dates])
    if attrs.get("participant_count") is not None:
        details.append([texts["participants"], str(attrs["participant_count"])])
    if attrs.get("kemendagri_code"):
        details.append([texts["kemendagri"], str(attrs["kemendagri_code"])])
    years = attrs.get("years")
    return {
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


def _payload(
    net: nx.MultiDiGraph, lang: str, size_by: str, metrics: Mapping[str, Mapping[str, float]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Everything the page's script needs, as plain JSON-able data (text never as markup),
    and the :func:`timeline` of ``net``."""
    texts = ui(lang)
    node_ids = list(net.nodes)
    index = {node: i for i, node in enumerate(node_ids)}
    countries = dict(net.graph.get("countries") or {})
    for node, attrs in net.nodes(data=True):
        if attrs.get("kind") == "Country":
            countries[node] = str(attrs.get("label") or countries.get(node) or slug(node))
    used = sorted(
        {attrs.get("country") for _n, attrs in net.nodes(data=True) if attrs.get("country")},
        key=lambda c: (str(countries.get(c) or slug(URIRef(c))).casefold(), c),
    )
    country_index = {c: i for i, c in enumerate(used)}

    positions = _initial_layout(net) if len(node_ids) > _PRELAYOUT else {}
    nodes = [
        _node(net.nodes[node], node, texts, country_index, metrics, positions) for node in node_ids
    ]

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

    def doc_ref(e: Mapping[str, Any]) -> int:
        """The index of the article ``e`` names in the page's table of articles."""
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
        return doc_index[doc_key]

    for u, v, data in net.edges(data=True):
        refs: list[int] = []
        for e in data.get("evidence") or []:
            key = (str(e.get("text") or ""), doc_ref(e))
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
        if data.get("partnership"):
            edges[-1]["partnership"] = partnership_payload(data["partnership"], doc_ref)

    all_years = [y for e in edges if e["years"] for y in e["years"]]
    all_years += [y for n in nodes if n["years"] for y in n["years"]]
    available = [k for k in SIZE_METRICS if any(k in m for m in metrics.values())]
    focus = net.graph.get("focus")
    line = timeline(net)
    return {
        "lang": lang,
        "ui": texts,
        "kinds": {
            k: {
                "label": kind_label(k, lang),
                "color": style(k)[0],
                "shape": style(k)[1],
                "activity": k in ACTIVITY_KINDS,
            }
            for k in ENTITY_KINDS + ACTIVITY_KINDS
        },
        "relations": {
            r: {
                "label": relation_label(r, lang),
                "color": relation_colour(r),
                "directed": r not in SYMMETRIC,
            }
            for r in sorted({e["relation"] for e in edges} | set(RELATIONS))
        },
        "statuses": table("status_labels", lang),
        "stages": table("stage_labels", lang),
        "provenances": table("provenance_labels", lang),
        "countries": [{"iri": c, "label": countries.get(c) or slug(URIRef(c))} for c in used],
        "docs": docs,
        "sentences": sentences,
        "metrics": [{"id": k, "label": table("metric_labels", lang)[k]} for k in available],
        "sizeBy": size_by if size_by in available else (available[0] if available else None),
        "nodes": nodes,
        "top": {k: max(float(m.get(k) or 0) for m in metrics.values()) for k in available},
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


def _legend(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], payload: Mapping[str, Any]
) -> dict[str, Any]:
    """Legend/filter entries for the kinds, relations and countries present."""
    kinds = Counter(n["kind"] for n in nodes)
    relations = Counter(e["relation"] for e in edges)
    countries = Counter(n["country"] for n in nodes if n["country"] is not None)
    return {
        "kinds": [
            {
                "id": k,
                "label": payload["kinds"][k]["label"],
                "color": style(k)[0],
                "symbol": style(k)[2],
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


# --- vis-network items (what pyvis's add_node / add_edge receive) ---------------------------


def node_size(node: Mapping[str, Any], metric: str | None, top: float, activity: bool) -> float:
    """Radius of a node: by the square root of its share of the largest ``metric`` value
    (the page's script uses the same rule when the metric is switched)."""
    lo, hi = (6, 18) if activity else (10, 44)
    if not metric or not top:
        return lo + (hi - lo) * 0.3
    share = float(node["metrics"].get(metric) or 0) / top
    return round(lo + (hi - lo) * share**0.5, 1)


def label_size(node: Mapping[str, Any], metric: str | None, top: float, activity: bool) -> int:
    """Font size of a node's label: the most central nodes' labels are the largest, so at
    the overview (zoomed out) they stay readable while the others fade out first."""
    if activity:
        return 13
    if not metric or not top:
        return 18
    share = float(node["metrics"].get(metric) or 0) / top
    return round(16 + 30 * share**0.5)


def vis_node(node: Mapping[str, Any], page: Mapping[str, Any]) -> dict[str, Any]:
    """The keyword arguments of ``Network.add_node`` for one node of the payload."""
    kind = node["kind"]
    shape = style(kind)[1]
    activity = bool(page["kinds"][kind]["activity"])
    metric = page["sizeBy"]
    top = float(page["top"].get(metric) or 0) if metric else 0.0
    item: dict[str, Any] = {
        "label": node["label"],
        "shape": shape,  # pyvis sets one on every node; the colour comes from the group
        "group": kind,
        "size": node_size(node, metric, top, activity),
        "font": {"size": label_size(node, metric, top, activity)},
        **node,
    }
    if node.get("xy"):
        item["x"], item["y"] = node["xy"]
    return item


def vis_groups(page: Mapping[str, Any]) -> dict[str, Any]:
    """vis-network groups, one per class: its shape and colours (activities dashed)."""
    groups: dict[str, Any] = {}
    for kind, k in page["kinds"].items():
        colour = k["color"]
        groups[kind] = {
            "shape": k["shape"],
            "color": {
                "background": colour,
                "border": "#333333",
                "highlight": {"background": colour, "border": "#000000"},
                "hover": {"background": colour, "border": "#000000"},
            },
            "shapeProperties": {"borderDashes": [2, 2] if k["activity"] else False},
        }
    return groups


def edge_width(sources: int) -> float:
    """Width of an edge by the number of articles that support it."""
    import math

    return round(1 + 1.6 * math.log2(1 + min(sources, 64)), 1)


def vis_edge(i: int, edge: Mapping[str, Any], page: Mapping[str, Any], k: int) -> dict[str, Any]:
    """The keyword arguments of ``Network.add_edge`` for the ``i``-th edge of the payload,
    the ``k``-th between its two nodes (curved apart from the others)."""
    relation = page["relations"].get(edge["relation"]) or {
        "label": edge["relation"],
        "color": "#888888",
        "directed": True,
    }
    label = relation["label"]
    if edge.get("status") and edge["status"] != "active":
        label += f" ({page['statuses'].get(edge['status'], edge['status'])})"
    item: dict[str, Any] = {
        "id": i,
        "label": label,
        "width": edge_width(int(edge["sources"])),
        "color": {"color": relation["color"]},
        "arrows": {"to": {"enabled": bool(relation["directed"])}},
        **{key: value for key, value in edge.items() if key not in {"from", "to"}},
    }
    if edge.get("dashed"):
        item["dashes"] = [8, 6]
    if k:
        item["smooth"] = {
            "enabled": True,
            "type": "curvedCW" if k % 2 else "curvedCCW",
            "roundness": 0.2 * ((k + 1) // 2),
        }
    return item
