"""What the network page calls things and how it draws them: the classes and relations
it knows, their labels in English and Indonesian, colours and shapes.

The strings and colours are data (``templates/labels.yaml``, ``templates/style.yaml``);
this module reads them and picks a language, falling back to English per key.

>>> relation_label("partnersWith", "id")
'bermitra dengan'
>>> kind_label("RegencyGovernment", "id")
'Pemerintah kabupaten'
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rdflib import Namespace
from rdflib.term import Node

from graph.rdf.triples import DIRECT_RELATIONS

KM = Namespace("https://w3id.org/kotamitra/ontology#")
KMR = Namespace("https://w3id.org/kotamitra/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
INDONESIA = str(KMR["indonesia"])
TEMPLATE_DIR = Path(__file__).with_name("templates")

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
KIND_RANK: dict[str, int] = {k: i for i, k in enumerate(ENTITY_KINDS + ACTIVITY_KINDS)}

#: Direct ``km:`` relations drawn as edges (only between two nodes of the network).
RELATIONS: tuple[str, ...] = (
    *DIRECT_RELATIONS,
    "partOf",
    "participant",
    "location",
)
SYMMETRIC: frozenset[str] = frozenset({"partnersWith"})

#: Metrics the page can size nodes by (``--size-by``); the first is the default.
SIZE_METRICS: tuple[str, ...] = ("pagerank", "degree", "sources", "betweenness")
#: Above this many nodes betweenness is computed only when nodes are sized by it (it is the
#: one metric whose cost grows faster than the graph), and then from sampled sources.
BETWEENNESS_EXACT_MAX = 500
BETWEENNESS_SAMPLES = 200


@cache
def _data(name: str) -> Any:
    with open(TEMPLATE_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _labels(section: str) -> dict[str, dict[str, str]]:
    return dict(_data("labels.yaml")[section])


def style(kind: str) -> tuple[str, str, str]:
    """Colour, vis-network shape and legend symbol of a class (``Activity``'s if unknown)."""
    kinds = _data("style.yaml")["kinds"]
    s = kinds.get(kind) or kinds["Activity"]
    return str(s["color"]), str(s["shape"]), str(s["symbol"])


def styled_kinds() -> frozenset[str]:
    """The classes that have a style of their own."""
    return frozenset(_data("style.yaml")["kinds"])


def relation_colour(relation: str) -> str:
    return str(_data("style.yaml")["relations"].get(relation, "#8a8a8a"))


def ui(lang: str) -> dict[str, str]:
    """The interface strings in ``lang``."""
    return table("ui", lang)


def table(section: str, lang: str) -> dict[str, str]:
    """A section of ``labels.yaml`` (``ui``, ``relation_labels``, ``kind_labels``,
    ``status_labels``, ``metric_labels``) in ``lang``, English where it has no word."""
    tables = _labels(section)
    return {**tables["en"], **tables.get(norm_lang(lang), {})}


def norm_lang(lang: str) -> str:
    """Return the primary subtag of a language tag, lower-cased (``"id-ID"`` → ``"id"``)."""
    primary = (lang or "en").strip().lower().replace("_", "-").split("-")[0]
    return primary or "en"


def relation_label(relation: str, lang: str = "en") -> str:
    """Human label of a ``km:`` relation in ``lang`` (English when no translation exists)."""
    return table("relation_labels", lang).get(relation, relation)


def kind_label(kind: str, lang: str = "en") -> str:
    """Human label of an entity/activity class short name in ``lang``."""
    return table("kind_labels", lang).get(kind, kind)


def slug(iri: Node | str) -> str:
    """The ``kmr:`` local part of an IRI, or its last path/fragment segment."""
    text = str(iri)
    if text.startswith(str(KMR)):
        return text[len(str(KMR)) :]
    return re.split(r"[/#]", text.rstrip("/#"))[-1] or text
