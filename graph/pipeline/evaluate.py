"""Evaluate stage: score the extractor against gold annotations.

Implements the annotation format and scoring of ``shared/eval/FORMAT.md``: each gold
file's document is built on its own (text only, as a user's build would see it), the
resulting RDF graph is matched against the gold entities, relations, qualified facts and
activity attributes, and precision, recall and F1 are reported per document and
micro-averaged. Numeric claims are scored separately (recall of quantities).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from graph import vocab
from graph.extract import extract
from graph.rdf.triples import to_dataset, union_graph
from graph.resolve import resolve
from graph.sources.load import LoadResult, load_sources
from graph.vocab import KM

SUBCLASSES = {k: set(v) for k, v in vocab.SUBCLASSES.items()}
ENTITY_CLASSES = set(vocab.ENTITY_CLASSES)
DIRECT = set(vocab.DIRECT_RELATIONS)
ATTRS = (
    "theme",
    "partOf",
    "location",
    "startDate",
    "endDate",
    "participantCount",
    "participants",
    "fundedBy",
    "organizedBy",
)
ATTR_PROP = {"participants": "participant"}


def norm(text: str) -> str:
    """Case-folded, accents and punctuation removed, white space collapsed.

    >>> norm("  Perusahaan  Umum-Daerah, Tirta Mayang ")
    'perusahaan umum daerah tirta mayang'
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _show(term: object) -> str:
    return _local(term) if isinstance(term, URIRef) else str(term)


def _is_a(kind: str, gold_type: str) -> bool:
    return kind in SUBCLASSES.get(gold_type, {gold_type})


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocScore:
    name: str
    score: Score
    claims_found: int = 0
    claims_total: int = 0
    error: str | None = None


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    return list(v) if isinstance(v, list) else [v]


def _date_ok(gold: str, value: str) -> bool:
    gold = str(gold)
    return value[: len(gold)] == gold and (len(value) >= len(gold))


def _agreement(ga: dict[str, Any], attrs: dict[str, list[object]]) -> int:
    """How well a graph activity agrees with a gold one: 2 per matching theme, 1 for a
    matching start date."""
    score = 0
    theme = norm(ga.get("theme") or "")
    for t in attrs.get("theme", []):
        nt = norm(str(t))
        if theme and nt and (theme in nt or nt in theme):
            score += 2
    if ga.get("startDate") and any(
        _date_ok(str(ga["startDate"]), str(d)) for d in attrs.get("startDate", [])
    ):
        score += 1
    return score


class _Scorer:
    def __init__(self, g: Graph, gold: dict[str, Any]) -> None:
        self.g = g
        self.gold = gold
        self.s = Score()
        self.entities = {e["key"]: e for e in gold.get("entities") or []}
        self.node_key: dict[str, str] = {}  # graph node -> gold key (incl. optional)

    def kind(self, node: object) -> str | None:
        kinds = {_local(t) for t in self.g.objects(node, RDF.type)}  # type: ignore[arg-type]
        for k in kinds:
            if k in ENTITY_CLASSES:
                return k
        return None

    def names(self, node: object) -> set[str]:
        out = set()
        for p in (RDFS.label, SKOS.altLabel):
            for lit in self.g.objects(node, p):  # type: ignore[arg-type]
                out.add(norm(str(lit)))
        return out

    def score_entities(self) -> None:
        gold_names = {k: {norm(n) for n in e.get("names") or []} for k, e in self.entities.items()}
        nodes = sorted(
            {
                s
                for s, _, o in self.g.triples((None, RDF.type, None))
                if _local(o) in ENTITY_CLASSES
            },
            key=str,
        )
        found: set[str] = set()
        for node in nodes:
            kind = self.kind(node) or ""
            names = self.names(node)
            match = next((k for k, ns in gold_names.items() if ns & names), None)
            label = f"{_local(node)} ({kind})"
            if match is None:
                self.s.fp += 1
                self.s.extras.append(f"entity {label}")
                continue
            self.node_key[str(node)] = match
            e = self.entities[match]
            if e.get("optional"):
                continue
            if match in found or not _is_a(kind, e["type"]):
                self.s.fp += 1
                why = "duplicate of" if match in found else f"wrong type for {e['type']}"
                self.s.extras.append(f"entity {label}: {why} {match}")
                continue
            found.add(match)
            self.s.tp += 1
        for k, e in self.entities.items():
            if not e.get("optional") and k not in found:
                self.s.fn += 1
                self.s.misses.append(f"entity {k} ({e['type']})")

    def key(self, node: object) -> str | None:
        return self.node_key.get(str(node))

    def score_relations(self) -> None:
        required: dict[tuple[str, str, str], bool] = {}
        accepted: dict[tuple[str, str, str], tuple[str, str, str]] = {}
        for r in self.gold.get("relations") or []:
            if isinstance(r, dict):
                s, p, o = r["fact"]
                optional = bool(r.get("optional"))
                alsos = _as_list(r.get("also"))
            else:
                s, p, o = r
                optional, alsos = False, []
            canon = (s, p, o)
            required[canon] = not optional
            for subj in [s, *alsos]:
                accepted[(subj, p, o)] = canon
                if p == "partnersWith":
                    accepted[(o, p, subj)] = canon
        hit: set[tuple[str, str, str]] = set()
        for s, p, o in self.g:
            pn = _local(p)
            if not str(p).startswith(str(KM._NS)) or pn not in DIRECT:
                continue
            if self.kind(s) is None or self.kind(o) is None:
                continue  # activities and qualified nodes are scored elsewhere
            ks, ko = self.key(s), self.key(o)
            match = accepted.get((ks or "?", pn, ko or "?"))
            if match is None:
                self.s.fp += 1
                self.s.extras.append(f"relation {_local(s)} {pn} {_local(o)}")
                continue
            if required[match] and match not in hit:
                hit.add(match)
                self.s.tp += 1
        for canon, req in required.items():
            if req and canon not in hit:
                self.s.fn += 1
                self.s.misses.append("relation " + " ".join(canon))

    def _value_ok(self, obj: object, value: Any) -> bool:
        if isinstance(obj, Literal):
            return (
                _date_ok(str(value), str(obj))
                if re.fullmatch(r"\d{4}(-\d\d){0,2}", str(value))
                else norm(str(obj)) == norm(str(value))
            )
        return self.key(obj) == value

    def score_qualified(self) -> None:
        for q in self.gold.get("qualified") or []:
            a, b = q["between"]
            prop = KM[q["property"]] if q["property"] in KM.__annotations__ else None
            ok = False
            if prop is not None:
                for node, _, obj in self.g.triples((None, prop, None)):
                    if not self._value_ok(obj, q["value"]):
                        continue
                    if self.key(node) in (a, b):
                        ok = True
                        break
                    linked = {self.key(o) for _, o in self.g.predicate_objects(node)}
                    if a in linked and b in linked:
                        ok = True
                        break
            if q.get("optional"):
                continue
            if ok:
                self.s.tp += 1
            else:
                self.s.fn += 1
                self.s.misses.append(f"qualified {a}~{b} {q['property']} {q['value']}")

    def _graph_activity(self, node: Node) -> dict[str, list[object]]:
        out: dict[str, list[object]] = defaultdict(list)
        for attr in ATTRS:
            for o in self.g.objects(node, KM[ATTR_PROP.get(attr, attr)]):
                out[attr].append(o)
        return out

    def score_activities(self) -> None:
        nodes = sorted(
            {
                s
                for s, _, o in self.g.triples((None, RDF.type, None))
                if _local(o) in SUBCLASSES["Activity"]
            },
            key=str,
        )
        graph_acts = {n: self._graph_activity(n) for n in nodes}
        gold_acts = list(self.gold.get("activities") or [])

        pairs = sorted(
            (
                (_agreement(ga, at), i, n)
                for i, ga in enumerate(gold_acts)
                for n, at in graph_acts.items()
            ),
            key=lambda x: (-x[0], x[1], str(x[2])),
        )
        used_g: set[int] = set()
        used_n: set[Node] = set()
        pairing: dict[int, Node] = {}
        for sc, i, n in pairs:
            if sc <= 0 or i in used_g or n in used_n:
                continue
            pairing[i] = n
            used_g.add(i)
            used_n.add(n)
        for i, ga in enumerate(gold_acts):
            node = pairing.get(i)
            self._score_activity(ga, graph_acts.get(node, {}) if node is not None else {})
        for n, attrs in graph_acts.items():
            if n in used_n:
                continue
            for attr, vals in attrs.items():
                for v in vals:
                    self.s.fp += 1
                    self.s.extras.append(f"unmatched activity {_local(n)} {attr} {_show(v)}")

    def _score_activity(self, ga: dict[str, Any], attrs: dict[str, list[object]]) -> None:
        """Score the attributes of the graph activity paired with the gold activity
        ``ga`` (none: every gold attribute is missed)."""
        opt = ga.get("optional_attributes") or {}
        for attr in ATTRS:
            opt_vals = _as_list(opt.get(attr))
            have = list(attrs.get(attr, []))
            for gv in _as_list(ga.get(attr)):
                m = next((h for h in have if self._attr_ok(attr, h, gv)), None)
                if m is not None:
                    have.remove(m)
                    self.s.tp += 1
                else:
                    self.s.fn += 1
                    self.s.misses.append(f"activity '{ga.get('theme')}' {attr} {gv}")
            for h in have:
                if any(self._attr_ok(attr, h, ov) for ov in opt_vals):
                    continue
                self.s.fp += 1
                self.s.extras.append(f"activity '{ga.get('theme')}' {attr} {_show(h)}")

    def _attr_ok(self, attr: str, have: object, gold: Any) -> bool:
        if attr == "theme":
            a, b = norm(str(have)), norm(str(gold))
            return bool(a and b and (a in b or b in a))
        if attr in {"startDate", "endDate"}:
            return _date_ok(str(gold), str(have))
        if attr == "participantCount":
            return str(have) == str(gold)
        return self.key(have) == gold

    def claims(self) -> tuple[int, int]:
        gold = [c for c in self.gold.get("claims") or []]
        have = [float(str(o)) for o in self.g.objects(None, KM.quantity)]
        found = 0
        for c in gold:
            if float(c["quantity"]) in have:
                have.remove(float(c["quantity"]))
                found += 1
        return found, len(gold)


def score_graph(g: Graph, gold: dict[str, Any]) -> tuple[Score, int, int]:
    """Score one document's graph against its gold annotation."""
    sc = _Scorer(g, gold)
    sc.score_entities()
    sc.score_relations()
    sc.score_qualified()
    sc.score_activities()
    found, total = sc.claims()
    return sc.s, found, total


def evaluate_dir(gold_dir: Path) -> list[DocScore]:
    """Score every ``*.gold.yaml`` in ``gold_dir`` against its document beside it."""
    results = []
    for gold_path in sorted(Path(gold_dir).glob("*.gold.yaml")):
        name = gold_path.name[: -len(".gold.yaml")]
        try:
            gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            results.append(DocScore(name, Score(), error=f"{gold_path}: cannot read gold: {exc}"))
            continue
        src = (gold.get("source") or {}).get("file") or f"{name}.txt"
        text_path = gold_path.parent / src
        if not text_path.exists():
            hint = " (fetch it as the gold's 'retrieve' block says)" if gold.get("retrieve") else ""
            results.append(DocScore(name, Score(), error=f"{text_path}: text not found{hint}"))
            continue
        loaded: LoadResult = load_sources([text_path])
        if not loaded.documents:
            reason = loaded.problems[0].reason if loaded.problems else "not loaded"
            results.append(DocScore(name, Score(), error=f"{text_path}: {reason}"))
            continue
        exs = resolve([extract(doc) for doc in loaded.documents])
        g = union_graph(to_dataset(exs))
        score, found, total = score_graph(g, gold)
        results.append(DocScore(name, score, found, total))
    return results


def report(results: list[DocScore], verbose: bool = False) -> str:
    lines = [f"{'document':58} {'P':>6} {'R':>6} {'F1':>6}  claims"]
    total = Score()
    cf = ct = 0
    for r in results:
        if r.error:
            lines.append(f"{r.name[:58]:58} skipped: {r.error}")
            continue
        s = r.score
        total.add(s)
        cf += r.claims_found
        ct += r.claims_total
        lines.append(
            f"{r.name[:58]:58} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}  "
            f"{r.claims_found}/{r.claims_total}"
        )
        if verbose:
            lines += [f"    miss  {m}" for m in s.misses]
            lines += [f"    extra {e}" for e in s.extras]
    scored = sum(1 for r in results if not r.error)
    if not scored:
        lines.append(f"{'overall (micro)':58} {'n/a':>6} {'n/a':>6} {'n/a':>6}  (nothing scored)")
    else:
        lines.append(
            f"{'overall (micro)':58} {total.precision:6.3f} {total.recall:6.3f} "
            f"{total.f1:6.3f}  {cf}/{ct}"
            + (f"  ({scored} of {len(results)} scored)" if scored < len(results) else "")
        )
    return "\n".join(lines) + "\n"
