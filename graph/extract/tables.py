"""Table extraction: the rows of a partnership table (parsed by
:mod:`graph.sources.tables`) become the same :class:`graph.model.Extraction` objects as
text, resolved against the same gazetteer: "Surabaya, Indonesia" in a table is
``kmr:kota-surabaya`` as in an article. A place the gazetteer does not know (or knows in
another country) gets the slug of its name and country (``kmr:berat-albania``), so two
towns of the same name in two countries stay two nodes; with only a Wikidata id and a
label, the slug of the label and the id (``kmr:weimar-q3955``).
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.extract.gazetteer import (
    LOCAL_GOVERNMENT_TYPES,
    TYPE_PRIORITY,
    Gazetteer,
    Record,
    default_gazetteer,
    key,
)
from graph.model import Document, Entity, Evidence, Extraction, Fact, Qualified
from graph.sources.tables import (
    ANY_YEAR,
    QID,
    SYMMETRIC,
    YEAR_ONLY,
    LabelTable,
    Mapping,
    csv_reader,
    find_mapping,
    iter_rows,
)
from graph.vocab import slugify

# --- entities ---------------------------------------------------------------------------------


def _iso_since(value: str) -> str | None:
    """``"1994"`` → ``"1994"``; ``"1994-05-12"`` kept; a year inside other text; else None.

    >>> _iso_since("since 1994"), _iso_since("2017-10"), _iso_since("unknown")
    ('1994', '2017-10', None)
    """
    m = YEAR_ONLY.match(value)
    if m:
        return "-".join(g for g in m.groups() if g)
    m = ANY_YEAR.search(value)
    return m.group(1) if m else None


def read_labels(table_path: Path, spec: LabelTable) -> dict[str, str]:
    """The label table of a mapping (Wikidata id -> name)."""
    path = table_path.parent / spec.file
    if not path.is_file():
        raise ValueError(f"the label table {spec.file} is not beside {table_path.name}")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv_reader(path.read_text(encoding="utf-8"), delimiter)
    key, value = spec.key, spec.value
    if spec.header:
        header = [h.strip().casefold() for h in next(reader, [])]
        key = header.index(str(key).casefold()) if isinstance(key, str) else key
        value = header.index(str(value).casefold()) if isinstance(value, str) else value
    assert isinstance(key, int) and isinstance(value, int)
    out = {}
    for cells in reader:
        if len(cells) > max(key, value) and cells[key].strip():
            out[cells[key].strip()] = " ".join(cells[value].split())
    return out


class TableResolver:
    """Resolves the places of table rows to entities, caching each name once."""

    def __init__(self, gazetteer: Gazetteer, mapping: Mapping, labels: dict[str, str]) -> None:
        self.gaz = gazetteer
        self.mapping = mapping
        self.labels = labels
        self.lang = mapping.language
        self.by_qid = {r.wikidata: r.id for r in gazetteer.records.values() if r.wikidata}
        # every name of every local government, single words included: the country
        # column tells "Kochi, Japan" from a Kochi elsewhere, which text cannot
        self.by_name: dict[str, list[Record]] = {}
        for rec in gazetteer.records.values():
            if rec.type in LOCAL_GOVERNMENT_TYPES:
                for nm in dict.fromkeys([*rec.labels.values(), *rec.aliases]):
                    self.by_name.setdefault(key(nm), []).append(rec)
        self.entities: dict[str, Entity] = {}
        self._countries: dict[str, str | None] = {}
        self._places: dict[tuple[str | None, ...], str | None] = {}

    def _entity(self, rec: Record, surface: str | None) -> str:
        ent = self.entities.get(rec.id)
        if ent is None:
            ent = self.entities[rec.id] = rec.entity()
        if surface and surface not in ent.labels.values():
            ent.aliases.add(surface)
        return rec.id

    def country(self, name: str | None) -> str | None:
        """The slug of a country named in the table (a gazetteer id when it is known)."""
        if not name:
            return None
        if name in self._countries:
            return self._countries[name]
        slug = None
        clean = self.mapping.country_aliases.get(name, name)
        clean = re.sub(r"\s*\([^)]*\)\s*$", "", clean).strip()
        clean = self.mapping.country_aliases.get(clean, clean)
        parts = [p.strip() for p in clean.split(",") if p.strip()]
        tries = [clean, *(reversed(parts) if len(parts) > 1 else [])]
        for attempt in tries:
            attempt = self.mapping.country_aliases.get(attempt, attempt)
            rec = self.gaz.lookup(attempt, {"Country"})
            if rec is not None:
                slug = self._entity(rec, name)
                break
        if slug is None and clean:
            slug = slugify(clean)
            if slug not in self.entities:
                self.entities[slug] = Entity(slug=slug, type="Country", labels={self.lang: clean})
            if name != clean:
                self.entities[slug].aliases.add(name)
        self._countries[name] = slug
        return slug

    def place(
        self, name: str | None, country_name: str | None, qid: str | None, known: str | None = None
    ) -> str | None:
        """The slug of the place a row names (a gazetteer id when it is known; ``known``
        names the gazetteer record outright)."""
        key = (name, country_name, qid, known)
        if key in self._places:
            return self._places[key]
        rec = self.gaz.records.get(known) if known else None
        slug: str | None
        if rec is not None:
            slug = self._entity(rec, name)
            ent = self.entities[slug]
            if ent.wikidata is None and qid is not None and QID.match(qid):
                ent.wikidata = qid  # the table says which Wikidata item the record is
        else:
            slug = self._place(name, country_name, qid)
        self._places[key] = slug
        return slug

    def _place(self, name: str | None, country_name: str | None, qid: str | None) -> str | None:
        if qid is not None and not QID.match(qid):
            qid = None
        if name is None and qid is not None:
            name = self.labels.get(qid) or qid
        if name and not country_name and ", " in name:
            # "Varna, Bulgaria" in the city column with no country
            head, tail = name.rsplit(", ", 1)
            if self.gaz.lookup(self.mapping.country_aliases.get(tail, tail), {"Country"}):
                name, country_name = head, tail
        country = self.country(country_name)
        if qid is not None and qid in self.by_qid:
            return self._entity(self.gaz.records[self.by_qid[qid]], name)
        if not name:
            return None
        if qid is None:
            if country is not None:
                # the name as written, else as a city ("Jambi" is Kota Jambi, not the
                # province, in a column of cities)
                for form in (name, f"Kota {name}", f"City of {name}", f"{name} City"):
                    same = [r for r in self.by_name.get(key(form), []) if r.country == country]
                    if same:
                        best = min(same, key=lambda r: (TYPE_PRIORITY.get(r.type, 9), r.id))
                        return self._entity(best, name)
            as_country = self.gaz.lookup(name, {"Country"})
            if as_country is not None and (country is None or as_country.id == country):
                # a city-state ("Singapore, Singapore") or a territory named alone
                return self._entity(as_country, name)
        qualifier = country or (qid.lower() if qid else None)
        slug = slugify(f"{name} {qualifier}" if qualifier else name)
        ent = self.entities.get(slug)
        if ent is None:
            ent = Entity(
                slug=slug,
                type="LocalGovernment",
                labels={self.lang: name},
                wikidata=qid,
                country=country,
            )
            self.entities[slug] = ent
        elif name not in ent.labels.values():
            ent.aliases.add(name)
        return slug


def extract_table(doc: Document, gazetteer: Gazetteer | None = None) -> Extraction:
    """The facts of a table: one direct fact a row, with the row as its evidence.

    A row with a start year also gives a ``km:Partnership`` node carrying ``km:since``
    (one a pair of partners, the earliest year, every row as its evidence). Both
    directions of a symmetric relation listed in one table are one fact with both rows
    as evidence.
    """
    gaz = gazetteer or default_gazetteer()
    path = Path(doc.path)
    mapping = find_mapping(path, doc.text)
    labels = read_labels(path, mapping.labels) if mapping.labels else {}
    resolver = TableResolver(gaz, mapping, labels)
    ex = Extraction(document=doc)
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    since: dict[tuple[str, str], Qualified] = {}
    for row in iter_rows(doc.text, path, mapping):
        v = row.values
        a = resolver.place(
            v.get("city"), v.get("country"), v.get("city_wikidata"), v.get("city_id")
        )
        b = resolver.place(
            v.get("partner_city"),
            v.get("partner_country"),
            v.get("partner_wikidata"),
            v.get("partner_id"),
        )
        if a is None or b is None or a == b:
            continue
        pair = (a, b) if a < b else (b, a)
        if mapping.relation in SYMMETRIC:
            a, b = seen.setdefault(pair, (a, b))
        ev = Evidence(row.text, row.index)
        ex.facts.append(Fact(a, mapping.relation, b, ev))
        year = _iso_since(v["since"]) if "since" in v else None
        if year and mapping.relation == "partnersWith":
            q = since.get(pair)
            if q is None:
                since[pair] = Qualified("Partnership", pair, since=year, evidence=[ev])
            else:
                q.since = min(q.since or year, year)
                q.evidence.append(ev)
    ex.qualified = list(since.values())
    ex.entities = resolver.entities
    return ex
