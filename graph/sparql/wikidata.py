"""Give back to Wikidata: compare the partnerships the news attests with Wikidata's P190
("twinned administrative body") statements.

- :func:`p190_pairs` reads a P190 export: a TSV or CSV downloaded from the Wikidata Query
  Service (any columns; the first two Wikidata ids of a row are the pair, as
  ``http://www.wikidata.org/entity/Q…``, ``wd:Q…`` or ``Q…``), or the shipped reference
  table. Without one, the P190 pairs are those of the reference data in the graph itself.
- :func:`wikidata_diff` lists the partnerships between two local governments that news
  attests and Wikidata lacks, as QuickStatements (P190 both ways, each with a reference:
  reference URL P854, title P1476, publication date P577, retrieved P813) for a Wikidata
  editor to review; the Wikidata pairs no news supports; and the local governments of
  news-attested partnerships that have no Wikidata id in the graph (listed, never
  guessed).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib.query import ResultRow

from graph.errors import KotamitraError
from graph.sparql.query import run_query
from graph.sparql.store import run as run_store

QID = re.compile(r"(?<![A-Za-z0-9])Q[1-9][0-9]*(?![0-9])")
P190_DATASET = "https://www.wikidata.org/wiki/Property:P190"

NEWS_PAIRS = """
SELECT ?p ?a ?b ?qa ?qb ?la ?lb ?doc ?url ?title ?lang ?date WHERE {
  ?p a km:Partnership ; km:status "active" ; km:partner ?a , ?b ; km:source ?doc .
  FILTER(STR(?a) < STR(?b))
  VALUES ?ta { km:LocalGovernment km:CityGovernment km:RegencyGovernment km:ProvincialGovernment }
  VALUES ?tb { km:LocalGovernment km:CityGovernment km:RegencyGovernment km:ProvincialGovernment }
  ?a a ?ta . ?b a ?tb .
  FILTER EXISTS { { ?a km:kemendagriCode ?c } UNION { ?b km:kemendagriCode ?c } }
  ?doc a schema:NewsArticle .
  OPTIONAL { ?a owl:sameAs ?qa FILTER(STRSTARTS(STR(?qa), "http://www.wikidata.org/entity/")) }
  OPTIONAL { ?b owl:sameAs ?qb FILTER(STRSTARTS(STR(?qb), "http://www.wikidata.org/entity/")) }
  OPTIONAL { ?a rdfs:label ?la FILTER(LANG(?la) = "en") }
  OPTIONAL { ?b rdfs:label ?lb FILTER(LANG(?lb) = "en") }
  OPTIONAL { ?doc schema:url ?url }
  OPTIONAL { ?doc schema:headline ?title BIND(LANG(?title) AS ?lang) }
  OPTIONAL { ?doc schema:datePublished ?date }
}
"""

REFERENCE_PAIRS = """
SELECT DISTINCT ?a ?b ?qa ?qb ?la ?lb ?news WHERE {
  ?p a km:Partnership ; km:partner ?a , ?b ; km:source ?ref .
  FILTER(STR(?a) < STR(?b))
  ?ref schema:url ?u FILTER(STR(?u) = "P190_DATASET")
  ?a owl:sameAs ?qa . ?b owl:sameAs ?qb .
  FILTER(STRSTARTS(STR(?qa), "http://www.wikidata.org/entity/"))
  FILTER(STRSTARTS(STR(?qb), "http://www.wikidata.org/entity/"))
  OPTIONAL { ?a rdfs:label ?la FILTER(LANG(?la) = "en") }
  OPTIONAL { ?b rdfs:label ?lb FILTER(LANG(?lb) = "en") }
  BIND(EXISTS { ?p km:source ?n . ?n a schema:NewsArticle } AS ?news)
}
""".replace("P190_DATASET", P190_DATASET)

QID_NODES = """
SELECT DISTINCT ?q ?node ?label ?news WHERE {
  ?node owl:sameAs ?q . FILTER(STRSTARTS(STR(?q), "http://www.wikidata.org/entity/"))
  OPTIONAL { ?node rdfs:label ?label FILTER(LANG(?label) = "en") }
}
"""


class WikidataDiffError(KotamitraError):
    """A P190 file that cannot be read."""


@dataclass
class Article:
    url: str
    title: str
    language: str
    published: str | None


@dataclass
class NewsPair:
    a: str  # node slugs
    b: str
    label_a: str
    label_b: str
    qid_a: str | None
    qid_b: str | None
    articles: list[Article] = field(default_factory=list)


@dataclass
class WikidataPair:
    qid_a: str
    qid_b: str
    label_a: str
    label_b: str


@dataclass
class Diff:
    missing: list[NewsPair]  # news-attested, both with a QID, absent from P190
    unchecked: list[NewsPair]  # news-attested, a partner without a QID: not in P190 by id
    unsupported: list[WikidataPair]  # P190 pairs no news supports
    without_qid: list[tuple[str, str]]  # (slug, label) of news partners lacking a QID
    quickstatements: list[str]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Row = dict[str, str | None]


def select(graph: Any, query: str) -> list[Row]:
    """The rows of a SELECT on an Oxigraph store (fast) or an rdflib graph, as strings."""
    if isinstance(graph, ox.Store):
        result = run_store(graph, query)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        return [
            {n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in result
        ]
    out: list[Row] = []
    for r in run_query(graph, query) or []:
        assert isinstance(r, ResultRow)
        out.append({k: (str(v) if v is not None else None) for k, v in r.asdict().items()})
    return out


def _qid(iri: object) -> str | None:
    m = QID.search(str(iri)) if iri is not None else None
    return m.group(0) if m else None


def _slug(iri: object) -> str:
    return str(iri).rsplit("/", 1)[-1]


def p190_pairs(path: Path) -> set[frozenset[str]]:
    """The pairs of a P190 export (TSV or CSV from the Wikidata Query Service, or the
    shipped reference table): the first two Wikidata ids of each row."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise WikidataDiffError(f"cannot read {path}: {exc}") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" or "\t" in text.split("\n", 1)[0] else ","
    pairs: set[frozenset[str]] = set()
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        ids = list(dict.fromkeys(q for cell in row for q in QID.findall(cell)))
        if len(ids) >= 2:
            pairs.add(frozenset(ids[:2]))
    if not pairs:
        raise WikidataDiffError(
            f"{path}: no pair of Wikidata ids found",
            "export the P190 statements as TSV or CSV with the two items as columns, "
            "e.g. SELECT ?item ?partner WHERE { ?item wdt:P190 ?partner }",
        )
    return pairs


def _qs_date(iso: str) -> str:
    parts = iso.split("-")
    precision = {1: 9, 2: 10, 3: 11}[len(parts)]
    full = [*parts, "01", "01"][:3]
    return f"+{full[0]}-{full[1]}-{full[2]}T00:00:00Z/{precision}"


def _qs_string(text: str) -> str:
    """A QuickStatements string value: quoted, one line, no double quote inside."""
    return '"' + " ".join(text.replace('"', "'").split()) + '"'


def quickstatements(pair: NewsPair, retrieved: dt.date) -> list[str]:
    """P190 both ways, one line per direction and article, each with its reference."""
    lines = []
    for subject, obj in ((pair.qid_a, pair.qid_b), (pair.qid_b, pair.qid_a)):
        for art in pair.articles:
            cells = [str(subject), "P190", str(obj), "S854", _qs_string(art.url)]
            if art.title:
                cells += ["S1476", f"{art.language or 'und'}:{_qs_string(art.title)}"]
            if art.published:
                cells += ["S577", _qs_date(art.published)]
            cells += ["S813", _qs_date(retrieved.isoformat())]
            lines.append("\t".join(cells))
    return lines


def _news_pairs(graph: Any) -> list[NewsPair]:
    pairs: dict[tuple[str, str], NewsPair] = {}
    for r in select(graph, NEWS_PAIRS):
        key = (_slug(r.get("a")), _slug(r.get("b")))
        pair = pairs.get(key)
        if pair is None:
            pair = pairs[key] = NewsPair(
                *key,
                str(r.get("la") or key[0]),
                str(r.get("lb") or key[1]),
                _qid(r.get("qa")),
                _qid(r.get("qb")),
            )
        if r.get("url") and all(a.url != str(r.get("url")) for a in pair.articles):
            date = str(r.get("date")) if r.get("date") else None
            pair.articles.append(
                Article(
                    str(r.get("url")), str(r.get("title") or ""), str(r.get("lang") or ""), date
                )
            )
    for pair in pairs.values():
        pair.articles.sort(key=lambda a: (a.published or "", a.url))
    return sorted(pairs.values(), key=lambda p: (p.a, p.b))


def _graph_p190(graph: Any) -> tuple[set[frozenset[str]], dict[frozenset[str], WikidataPair]]:
    pairs: set[frozenset[str]] = set()
    unsupported: dict[frozenset[str], WikidataPair] = {}
    for r in select(graph, REFERENCE_PAIRS):
        qa, qb = _qid(r.get("qa")), _qid(r.get("qb"))
        if not (qa and qb):
            continue
        pairs.add(frozenset((qa, qb)))
        if str(r.get("news")).lower() not in {"true", "1"}:
            unsupported[frozenset((qa, qb))] = WikidataPair(
                qa, qb, str(r.get("la") or qa), str(r.get("lb") or qb)
            )
    return pairs, unsupported


def wikidata_diff(graph: Any, p190: Path | None = None, retrieved: dt.date | None = None) -> Diff:
    """Compare the news-attested partnerships of ``graph`` with Wikidata's P190 (the
    file ``p190``, else the graph's own reference data)."""
    news = _news_pairs(graph)
    graph_pairs, unsupported = _graph_p190(graph)
    if p190 is not None:
        known = p190_pairs(p190)
        supported = {frozenset((p.qid_a, p.qid_b)) for p in news if p.qid_a and p.qid_b}
        labels: dict[str, str] = defaultdict(str)
        for r in select(graph, QID_NODES):
            q = _qid(r.get("q"))
            if q and r.get("label") and not labels[q]:
                labels[q] = str(r.get("label"))
        mine = {q for pair in graph_pairs for q in pair} | {
            q for p in news for q in (p.qid_a, p.qid_b) if q
        }
        unsupported = {
            pair: WikidataPair(*sorted(pair), *(labels[q] or q for q in sorted(pair)))
            for pair in known
            if pair not in supported and pair & mine
        }
    else:
        known = graph_pairs
    missing = [
        p for p in news if p.qid_a and p.qid_b and frozenset((p.qid_a, p.qid_b)) not in known
    ]
    without = sorted(
        {(p.a, p.label_a) for p in news if not p.qid_a}
        | {(p.b, p.label_b) for p in news if not p.qid_b}
    )
    when = retrieved or dt.date.today()
    lines = [line for p in missing for line in quickstatements(p, when)]
    ordered = sorted(unsupported.values(), key=lambda w: (w.label_a, w.label_b))
    unchecked = [p for p in news if not (p.qid_a and p.qid_b)]
    return Diff(missing, unchecked, ordered, without, lines)


def to_text(diff: Diff) -> str:
    out = [f"# Partnerships attested by news and missing from Wikidata's P190: {len(diff.missing)}"]
    for p in diff.missing:
        out.append(
            f"#   {p.label_a} ({p.qid_a}) -- {p.label_b} ({p.qid_b}): {len(p.articles)} article(s)"
        )
    out.append(
        f"# Partnerships attested by news that cannot be matched to Wikidata (a partner has "
        f"no Wikidata id in the graph): {len(diff.unchecked)}"
    )
    for p in diff.unchecked:
        out.append(
            f"#   {p.label_a} ({p.qid_a or 'no QID'}) -- {p.label_b} ({p.qid_b or 'no QID'}): "
            f"{len(p.articles)} article(s)"
        )
    if diff.quickstatements:
        out.append("# QuickStatements (review before running):")
        out.extend(diff.quickstatements)
    n = len(diff.without_qid)
    out.append(f"# Local governments of news-attested partnerships without a Wikidata id: {n}")
    out.extend(f"#   {label} (kmr:{slug})" for slug, label in diff.without_qid)
    out.append(f"# Wikidata P190 pairs that no news source supports: {len(diff.unsupported)}")
    out.extend(f"#   {w.label_a} ({w.qid_a}) -- {w.label_b} ({w.qid_b})" for w in diff.unsupported)
    return "\n".join(out) + "\n"


def wikidata_diff_text(
    graph_path: Path, p190: Path | None = None, fmt: str = "text", qs_file: Path | None = None
) -> str:
    """What ``kotamitra wikidata-diff`` prints, on the build's store when there is one
    (else the graph files); the QuickStatements lines alone into ``qs_file`` if given."""
    from graph.files import write_text
    from graph.sparql.query import load_graph
    from graph.sparql.store import open_store, store_path

    source = open_store(graph_path) if store_path(graph_path) else load_graph(graph_path)
    diff = wikidata_diff(source, p190)
    if qs_file is not None:
        write_text(qs_file, "".join(line + "\n" for line in diff.quickstatements))
    if fmt == "json":
        return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return to_text(diff)
