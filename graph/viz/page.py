"""The interactive network page, rendered by pyvis.

The page is a :class:`pyvis.network.Network` (:class:`KotamitraNetwork`): every node and
edge is added with pyvis's ``add_node`` / ``add_edge`` (vis-network attributes plus the
kotamitra data the page's script shows: names, metrics, evidence), its vis-network
options are pyvis's ``options``, and pyvis's ``generate_html`` renders it with
kotamitra's own template (``templates/network.html.j2``, set with ``set_template_dir``).
So a user who knows pyvis can change the page through pyvis, or take the network and
render it another way.

The page is ONE self-contained, offline file: the vis-network script shipped inside the
pyvis package is inlined, a Content-Security-Policy forbids every network request and
every script but the page's own (by hash), and all source text reaches the browser only
as escaped JSON that the script inserts with ``textContent``.

Entry points: :func:`to_pyvis` (a network → a pyvis Network), :func:`render_network_html`
and :func:`render_html` (write the page).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network
from rdflib import Graph

from graph.errors import FocusError, KotamitraError
from graph.files import write_text
from graph.viz.drawn import build_network, find_node, focus_network
from graph.viz.labels import (
    ACTIVITY_KINDS,
    BETWEENNESS_EXACT_MAX,
    ENTITY_KINDS,
    INDONESIA,
    LOCAL_GOVERNMENT_KINDS,
    RELATIONS,
    SIZE_METRICS,
    TEMPLATE_DIR,
    kind_label,
    norm_lang,
    relation_label,
    ui,
)
from graph.viz.metrics import node_metrics, page_metrics
from graph.viz.payload import (
    _VIS_VERSION,
    _csp_hash,
    _json_for_script,
    _legend,
    _payload,
    _script_safe,
    _vis_js,
    vis_edge,
    vis_groups,
    vis_node,
)
from graph.viz.timeline import _timeline_svg, timeline

__all__ = [
    "ACTIVITY_KINDS",
    "BETWEENNESS_EXACT_MAX",
    "ENTITY_KINDS",
    "LOCAL_GOVERNMENT_KINDS",
    "RELATIONS",
    "SIZE_METRICS",
    "FocusError",
    "KotamitraNetwork",
    "build_network",
    "find_node",
    "focus_network",
    "kind_label",
    "node_metrics",
    "page_metrics",
    "relation_label",
    "render_html",
    "render_network_html",
    "timeline",
    "to_pyvis",
]

TEMPLATE = "network.html.j2"
DEFAULT_TITLE = "Outward Looking Policy network"


@lru_cache(maxsize=4)
def _template_text(name: str) -> str:
    """Read a packaged template file."""
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


def _script_json(value: Any) -> Markup:
    """A Jinja filter: a value (or pyvis's JSON text of one) as JSON inert in ``<script>``."""
    if isinstance(value, str):
        value = json.loads(value)
    return Markup(_json_for_script(value))


class KotamitraNetwork(Network):
    """A pyvis Network rendered with kotamitra's template.

    ``page`` holds what the template needs beside pyvis's nodes, edges and options
    (interface strings, legend, evidence, timeline); :meth:`generate_html` is pyvis's.

    >>> net = KotamitraNetwork(title="Contoh")
    >>> net.add_node(0, label="Kota Jambi", kind="CityGovernment")
    >>> net.add_node(1, label="Singapore", kind="Country")
    >>> net.add_edge(0, 1, relation="partnersWith")
    >>> net.num_nodes(), net.num_edges(), net.path
    (2, 1, 'network.html.j2')
    """

    def __init__(self, title: str = DEFAULT_TITLE, **kwargs: Any) -> None:
        kwargs.setdefault("directed", True)  # no O(E²) duplicate search; arrows per edge
        kwargs.setdefault("cdn_resources", "in_line")
        super().__init__(height="100%", width="100%", heading=title, **kwargs)
        self.set_template_dir(str(TEMPLATE_DIR), TEMPLATE)
        # pyvis's own environment, with HTML autoescaping and strict names added
        self.templateEnv = Environment(
            loader=FileSystemLoader(str(TEMPLATE_DIR)),
            autoescape=True,
            undefined=StrictUndefined,
            keep_trailing_newline=True,
        )
        self.templateEnv.filters["script_json"] = _script_json
        self.options: dict[str, Any] = {}
        self.page: dict[str, Any] = {}

    def set_vis_options(self, options: Mapping[str, Any]) -> None:
        """Merge vis-network options (``physics``, ``layout``, ``nodes``…) into the page's,
        one level deep: ``{"physics": {"enabled": False}}`` keeps the other physics keys."""
        for key, value in options.items():
            old = self.options.get(key)
            if isinstance(old, dict) and isinstance(value, Mapping):
                self.options[key] = {**old, **value}
            else:
                self.options[key] = value

    def generate_html(
        self, name: str = "index.html", local: bool = True, notebook: bool = False
    ) -> str:
        self.templateEnv.globals.update(self._context())
        return super().generate_html(name, local=local, notebook=False)

    def _context(self) -> dict[str, Any]:
        vis_js = _vis_js()
        app_js = _script_safe(_template_text("network.js"))
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
        return {
            "csp": csp,
            "vis_version": _VIS_VERSION,
            "vis_js": vis_js,
            "app_js": app_js,
            "page": self.page,
            **self.page.get("context", {}),
        }

    def _repr_html_(self) -> str:
        """The page in a sandboxed iframe (a notebook cell shows it inline)."""
        import html

        return (
            '<iframe sandbox="allow-scripts" style="width:100%;height:640px;border:1px solid #ddd"'
            f' srcdoc="{html.escape(self.generate_html())}"></iframe>'
        )


def to_pyvis(
    net: nx.MultiDiGraph,
    lang: str = "en",
    title: str | None = None,
    *,
    size_by: str = SIZE_METRICS[0],
    metrics: Mapping[str, Mapping[str, float]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> KotamitraNetwork:
    """The page of ``net`` (from :func:`build_network`, possibly focused) as a pyvis
    Network: its nodes, edges and options are pyvis's; ``str(net.generate_html())`` is the
    page. ``options``: vis-network options merged over the page's (physics, layout…)."""
    if size_by not in SIZE_METRICS:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_METRICS)}")
    lang = norm_lang(lang)
    if metrics is None:
        metrics = node_metrics(net, betweenness=True if size_by == "betweenness" else None)
    data, line = _payload(net, lang, size_by, metrics)
    page = KotamitraNetwork(title=title or DEFAULT_TITLE)
    nodes, edges = data.pop("nodes"), data.pop("edges")
    for i, node in enumerate(nodes):
        page.add_node(i, **vis_node(node, data))
    pairs: dict[tuple[int, int], int] = {}
    for i, edge in enumerate(edges):
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        pairs[pair] = pairs.get(pair, -1) + 1
        page.add_edge(edge["from"], edge["to"], **vis_edge(i, edge, data, pairs[pair]))
    page.set_vis_options({**data.pop("options"), "groups": vis_groups(data)})
    if options:
        page.set_vis_options(options)
    focus = data["focus"]
    texts = data["ui"]
    page.page = {
        "data": data,
        "context": {
            "lang": lang,
            "title": page.heading,
            "legend": _legend(nodes, edges, data),
            "metrics": data["metrics"],
            "size_by": data["sizeBy"],
            "years": data["years"],
            "focus_depth": focus["depth"] if focus else 2,
            "ui": texts,
            "stats": texts["stats"].format(
                nodes=net.number_of_nodes(), edges=net.number_of_edges()
            ),
            "timeline": _timeline_svg(net, line, lang),
        },
    }
    return page


class OptionsError(KotamitraError):
    """A file of vis-network options that cannot be used."""


def read_options(path: Path) -> dict[str, Any]:
    """vis-network options from a JSON file (an object such as ``{"physics": {...}}``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise OptionsError(f"{path}: cannot read the options ({exc.strerror})") from None
    except ValueError as exc:
        raise OptionsError(
            f"{path}: not JSON ({exc})", 'write an object, e.g. {"physics": {"enabled": false}}'
        ) from None
    if not isinstance(data, dict):
        raise OptionsError(f"{path}: the options must be a JSON object", 'e.g. {"layout": {}}')
    return data


def page_title(net: nx.MultiDiGraph, lang: str = "en") -> str:
    """A title derived from the graph: the local governments it is about.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="Kota Jambi", kind="CityGovernment")
    >>> page_title(g)
    'Kota Jambi: international partnerships'
    """
    texts = ui(lang)
    focus = net.graph.get("focus")
    if focus and focus[0] in net:
        name = net.nodes[focus[0]].get("label") or focus[0]
        return texts["title_of"].format(names=texts["focus_on"].format(name=name, depth=focus[1]))
    lgs = [n for n, a in net.nodes(data=True) if a.get("kind") in LOCAL_GOVERNMENT_KINDS]
    home = [n for n in lgs if net.nodes[n].get("country") == INDONESIA]
    lgs = home or lgs  # Indonesian local governments first: the graph is about them
    lgs.sort(key=lambda n: (-net.degree(n), str(net.nodes[n].get("label") or n)))
    names = [str(net.nodes[n].get("label") or n) for n in lgs[:3]]
    if not names:
        return texts["title_empty"]
    more = len(lgs) - len(names)
    joined = ", ".join(names) + (texts["title_more"].format(n=more) if more > 0 else "")
    return texts["title_of"].format(names=joined)


def render_network_html(
    net: nx.MultiDiGraph,
    out: Path | str,
    lang: str = "en",
    title: str | None = None,
    *,
    size_by: str = SIZE_METRICS[0],
    focus: str | None = None,
    depth: int = 2,
    metrics: Mapping[str, Mapping[str, float]] | None = None,
    options: Mapping[str, Any] | None = None,
) -> Path:
    """Write a network from :func:`build_network` (possibly filtered) as a self-contained page.

    ``size_by``: one of :data:`SIZE_METRICS` (the page can switch between those computed).
    ``focus``: keep only the entity of that name and what lies within ``depth`` hops of it
    (see :func:`focus_network`; raises :class:`FocusError` when there is no such entity).
    ``metrics``: per node metrics to use instead of :func:`node_metrics` (same keys).
    ``title``: the page's title (default: derived from the graph, see :func:`page_title`).
    ``options``: vis-network options passed through pyvis. Returns the output path.
    Nothing but ``out`` is written (no ``lib/`` folder).
    """
    out = Path(out)
    lang = norm_lang(lang)
    if focus is not None:
        net = focus_network(net, focus, depth)
    page = to_pyvis(
        net, lang, title or page_title(net, lang), size_by=size_by, metrics=metrics, options=options
    )
    write_text(out, page.generate_html())
    return out


def render_html(
    g: Graph,
    out: Path | str,
    lang: str = "en",
    title: str | None = None,
    *,
    size_by: str = SIZE_METRICS[0],
    focus: str | None = None,
    depth: int = 2,
    options: Mapping[str, Any] | None = None,
) -> Path:
    """Render the RDF graph ``g`` as ONE self-contained, offline HTML page at ``out``.

    The page inlines vis-network (from the pyvis package), makes no network request, shows a
    legend that doubles as class and relation filters, year and country filters, a search box,
    focus on N hops, a side panel with names, metrics and evidence sentences, and the
    activities timeline; it lays the graph out with bounded physics that is switched off once
    stabilised. The metrics of actors are those of the actor network (``kotamitra
    metrics``), see :func:`page_metrics`. Labels are in ``lang`` (``"en"`` or ``"id"``).
    See :func:`render_network_html` for the other options.
    """
    lang = norm_lang(lang)
    net = build_network(g, lang)
    metrics = page_metrics(g, net, betweenness=True if size_by == "betweenness" else None)
    return render_network_html(
        net,
        out,
        lang=lang,
        title=title,
        size_by=size_by,
        focus=focus,
        depth=depth,
        metrics=metrics,
        options=options,
    )
