"""The timeline: activities per year per local government, and its SVG shapes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx
from rdflib import URIRef

from graph.viz.labels import (
    ACTIVITY_KINDS,
    INDONESIA,
    KIND_RANK,
    LOCAL_GOVERNMENT_KINDS,
    kind_label,
    slug,
    style,
    ui,
)


def _clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _foreign_country(net: nx.MultiDiGraph, node: str) -> str | None:
    """Label of the country of ``node`` when it is known and not Indonesia."""
    country = net.nodes[node].get("country")
    if not country or country == INDONESIA:
        return None
    if country in net and net.nodes[country].get("label"):
        return str(net.nodes[country]["label"])
    return str((net.graph.get("countries") or {}).get(country) or slug(URIRef(country)))


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


# Timeline geometry (pixels).
_TL_LABEL_W = 220
_TL_COL_W = 34
_TL_ROW_H = 26
_TL_TOP = 30
_TL_TOTAL_W = 110
_TL_DOTS = 6


#: A run of at least this many years without any activity is drawn as one narrow column.
GAP_YEARS = 3


def timeline_columns(years: list[int], busy: set[int]) -> tuple[list[str], dict[int, int]]:
    """The timeline's columns: one a year, except that a run of :data:`GAP_YEARS` or more
    years without any activity becomes one column "…", so the timeline opens on the
    years that hold activities. Returns the column labels and the column of each year.

    >>> timeline_columns([1960, 1961, 1962, 1963, 1964, 2019, 2020], {1960, 2019, 2020})[0]
    ['1960', '…', '2019', '2020']
    """
    labels: list[str] = []
    column_of: dict[int, int] = {}
    run: list[int] = []

    def flush() -> None:
        if len(run) >= GAP_YEARS:
            labels.append("…")
            column_of.update(dict.fromkeys(run, len(labels) - 1))
        else:
            for y in run:
                column_of[y] = len(labels)
                labels.append(str(y))
        run.clear()

    for year in range(years[0], years[-1] + 1) if years else []:
        if year in busy:
            flush()
            column_of[year] = len(labels)
            labels.append(str(year))
        else:
            run.append(year)
    flush()
    return labels, column_of


def _timeline_svg(net: nx.MultiDiGraph, line: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Shapes of the timeline (an inline SVG drawn by the template; all text escaped there)."""
    texts = ui(lang)
    rows = line["rows"]
    columns, column_of = timeline_columns(
        list(line["years"]), {y for row in rows for y in row["cells"]}
    )
    step = 1 if len(columns) <= 24 else 5
    grid_w = _TL_COL_W * len(columns)
    width = _TL_LABEL_W + grid_w + 16 + _TL_TOTAL_W
    height = _TL_TOP + _TL_ROW_H * len(rows) + 24
    max_total = max((r["total"] for r in rows), default=1)
    out_rows = []
    for r, row in enumerate(rows):
        y = _TL_TOP + r * _TL_ROW_H
        cells = []
        for year, acts in row["cells"].items():
            x = _TL_LABEL_W + _TL_COL_W * column_of[year]
            kinds = sorted(
                (net.nodes[a].get("kind", "Activity") for a in acts),
                key=lambda k: KIND_RANK.get(k, 99),
            )
            counted = Counter(kind_label(k, lang) for k in kinds)
            title = texts["timeline_cell"].format(name=row["label"], year=year, n=len(acts))
            title += " — " + ", ".join(f"{n} × {k}" for k, n in counted.items())
            dots = []
            if len(acts) <= _TL_DOTS:
                for i, kind in enumerate(kinds):
                    dots.append(
                        {
                            "cx": x + 8 + 9 * (i % 3),
                            "cy": y + 8 + 9 * (i // 3),
                            "color": style(kind)[0],
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
        key=lambda k: KIND_RANK.get(k, 99),
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
                "label": label,
                "tick": i % step == 0 or label == "…",
            }
            for i, label in enumerate(columns)
        ],
        "total_x": _TL_LABEL_W + grid_w + 16,
        "rows": out_rows,
        "kinds": [{"label": kind_label(k, lang), "color": style(k)[0]} for k in present],
        "omitted": texts["timeline_omitted"].format(n=line["omitted"]) if line["omitted"] else None,
        "undated": texts["timeline_undated"].format(n=line["undated"]) if line["undated"] else None,
    }
