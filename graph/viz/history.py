"""A resolved partnership's status and history, as the panel of its edge shows them.

The resolved layer (``docs/rdf-model.md``, "Lifecycle") gives each pair of partners one
``km:Partnership`` with its lifecycle stage, provenance, source count, the value choices
made where sources disagree, and ordered ``km:LifecycleStep`` nodes. :func:`partnership_record`
reads them into plain data, each source as its article's IRI, headline, URL and date (the
page's payload puts them in its table of articles).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rdflib import Graph
from rdflib.term import Node

from graph.viz.labels import KM, SCHEMA


def _text(value: Node | None) -> str | None:
    return None if value is None else str(value)


def _order(value: Node | None) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return 0


def _doc(g: Graph, doc: Node | None) -> dict[str, str | None] | None:
    """The article (or table) ``doc``: its IRI, headline, URL and date."""
    if doc is None:
        return None
    return {
        "source": str(doc),
        "headline": _text(g.value(doc, SCHEMA.headline)) or _text(g.value(doc, SCHEMA.name)),
        "url": _text(g.value(doc, SCHEMA.url)),
        "date": _text(g.value(doc, SCHEMA.datePublished)),
    }


def _steps(g: Graph, part: Node) -> list[dict[str, Any]]:
    steps = [
        {
            "order": _order(g.value(step, KM.order)),
            "stage": _text(g.value(step, KM.stage)) or "",
            "date": _text(g.value(step, KM.date)),
            "basis": _text(g.value(step, KM.basis)),
            "source": _doc(g, g.value(step, KM.source)),
        }
        for step in g.objects(part, KM.historyStep)
    ]
    return sorted(steps, key=lambda s: (s["order"], s["date"] or "", s["stage"]))


def _choices(g: Graph, part: Node) -> list[dict[str, Any]]:
    out = []
    for choice in g.objects(part, KM.valueChoice):
        prop = g.value(choice, KM.property)
        alternatives: list[dict[str, Any]] = sorted(
            (
                {
                    "value": _text(g.value(alt, KM.value)) or "",
                    "source": _doc(g, g.value(alt, KM.source)),
                }
                for alt in g.objects(choice, KM.alternative)
            ),
            key=lambda a: (a["value"], (a["source"] or {}).get("source") or ""),
        )
        out.append(
            {
                "property": str(prop).rsplit("#", 1)[-1] if prop is not None else "",
                "chosen": _text(g.value(choice, KM.chosenValue)) or "",
                "rule": _text(g.value(choice, KM.rule)),
                "alternatives": alternatives,
            }
        )
    return sorted(out, key=lambda c: (c["property"], c["chosen"]))


def partnership_record(g: Graph, part: Node) -> dict[str, Any] | None:
    """The status and history of the resolved partnership ``part``, or ``None`` for a
    node that is not a resolved partnership (a per-source report carries no provenance).

    >>> from rdflib import Graph, Literal, URIRef
    >>> g = Graph()
    >>> p, s1, s2 = (URIRef(f"urn:x:{n}") for n in ("p", "s1", "s2"))
    >>> for s, n, stage in ((s1, 2, "renewed"), (s2, 1, "signed")):
    ...     _ = g.add((p, KM.historyStep, s)).add((s, KM.order, Literal(n)))
    ...     _ = g.add((s, KM.stage, Literal(stage)))
    >>> _ = g.add((p, KM.provenance, Literal("news"))).add((p, KM.sourceCount, Literal(2)))
    >>> record = partnership_record(g, p)
    >>> [s["stage"] for s in record["history"]], record["provenance"], record["sourceCount"]
    (['signed', 'renewed'], 'news', 2)
    """
    provenance = _text(g.value(part, KM.provenance))
    steps = _steps(g, part)
    if provenance is None and not steps:
        return None
    return {
        "stage": _text(g.value(part, KM.lifecycleStage)),
        "provenance": provenance,
        "sourceCount": _order(g.value(part, KM.sourceCount)),
        "history": steps,
        "choices": _choices(g, part),
    }


def partnership_payload(
    record: Mapping[str, Any], doc_ref: Callable[[Mapping[str, Any]], int]
) -> dict[str, Any]:
    """A resolved partnership's status and history for the page, each source as the index
    of its article in the page's table of articles."""

    def ref(source: Mapping[str, Any] | None) -> int | None:
        return doc_ref(source) if source else None

    return {
        "stage": record.get("stage"),
        "provenance": record.get("provenance"),
        "sourceCount": int(record.get("sourceCount") or 0),
        "history": [
            {
                "order": int(step["order"]),
                "stage": str(step["stage"]),
                "date": step.get("date"),
                "basis": step.get("basis"),
                "doc": ref(step.get("source")),
            }
            for step in record.get("history") or []
        ],
        "choices": [
            {
                "property": str(choice["property"]),
                "chosen": str(choice["chosen"]),
                "rule": choice.get("rule"),
                "alternatives": [
                    {"value": str(alt["value"]), "doc": ref(alt.get("source"))}
                    for alt in choice.get("alternatives") or []
                ],
            }
            for choice in record.get("choices") or []
        ],
    }
