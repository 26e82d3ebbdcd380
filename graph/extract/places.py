"""The world's cities and first-level subdivisions, to recognise a foreign local
government the curated gazetteer does not list.

The table is only looked up, never scanned over text: a name is a candidate when the
text puts it in a government context ("Kota Ivanovo", "Sibu Municipal Council", "the
City of Fremantle", "Ivanovo, Rusia"), and it is a foreign local government when the
table knows it (in the country named beside it, when one is). Cities come from GeoNames
(``world_places.tsv.gz``, see ``graph/lexicon/LICENSES.md``); provinces, states and
prefectures from ISO 3166-2 as the ``pycountry`` package ships it.

>>> places = world_places()
>>> [(p.name, p.country, p.kind) for p in places.lookup("Fremantle")][:1]
[('Fremantle', 'australia', 'city')]
>>> places.lookup("Shandong")[0].kind, places.lookup("Shandong")[0].country
('region', 'china')
>>> places.lookup("Bandung")  # Indonesian places are the gazetteer's
[]
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from functools import cache

from graph.extract.gazetteer import key
from graph.resources import lexicon_dir, load_yaml
from graph.vocab import HOME_COUNTRY

WORLD_PLACES = "world_places.tsv.gz"
ISO_COUNTRIES = "iso_countries.tsv"
SUBDIVISION_NAMES = "subdivision_names.yaml"
#: ISO 3166-2 subdivision types that are a level of government ("Province", "State" …);
#: other types (districts of a capital, outlying areas) are left out.
REGION_TYPES = frozenset(
    {
        "Province",
        "State",
        "Prefecture",
        "Region",
        "Autonomous region",
        "Metropolitan city",
        "Special municipality",
        "Municipality",
        "Territory",
        "Autonomous province",
        "Federal district",
        "Capital territory",
        "Autonomous community",
        "Land",
        "County",
        "Oblast",
        "Republic",
        "Krai",
        "Autonomous district",
        "Governorate",
        "Emirate",
        "Division",
        "Department",
        "Canton",
        "Special administrative region",
        "Metropolitan region",
        "Capital city",
        "City",
        "Special city",
        "Autonomous city",
        "Council area",
        "Parish",
        "District",
        "Federal territory",
        "Administrative region",
        "Metropolitan department",
        "Voivodship",
        "Regional state",
        "Union territory",
        "Rayon",
        "Unitary authority",
        "Island council",
        "State city",
        "Special self-governing province",  # Gangwon, Jeju
        "Special self-governing city",  # Sejong
        "Special administrative city",
        "Autonomous republic",
        "Autonomous municipality",
        "Capital district",
        "Federal capital territory",
        "Metropolitan administration",  # Bangkok
    }
)
#: Romanised type words after a subdivision's name ("Shandong Sheng", "Tokyo-to"): the
#: name is also known without them.
REGION_SUFFIXES = (
    " Sheng",
    " Shi",
    " Zizhiqu",
    " Huizu Zizhiqu",
    " Uygur Zizhiqu",
    " Zhuangzu Zizhiqu",
    " Tebiexingzhengqu",
    "-teukbyeoljachido",
    "-teukbyeolsi",
    "-gwangyeoksi",
    "-do",
    "-to",
    "-fu",
    "-ken",
)


@dataclass(frozen=True)
class Place:
    """A city or a first-level subdivision outside the home country."""

    name: str
    country: str  # the gazetteer's country slug
    kind: str  # "city" or "region"
    population: int = 0


@dataclass
class WorldPlaces:
    """Places by lookup key (:func:`graph.extract.gazetteer.key`)."""

    by_key: dict[str, list[Place]] = field(default_factory=dict)

    def add(self, k: str, place: Place) -> None:
        self.by_key.setdefault(k, []).append(place)

    def lookup(self, name: str, country: str | None = None) -> list[Place]:
        """The places of that name (in ``country`` when given), the most populous
        first, subdivisions before cities of the same name."""
        found = self.by_key.get(key(name), [])
        if country is not None:
            found = [p for p in found if p.country == country]
        return sorted(found, key=lambda p: (p.kind != "region", -p.population))


def iso_countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> country slug."""
    out: dict[str, str] = {}
    for line in (lexicon_dir() / ISO_COUNTRIES).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, slug = line.split("\t")
            out[code] = slug
    return out


def _regions(places: WorldPlaces, countries: dict[str, str]) -> None:
    import pycountry

    other_names: dict[str, list[str]] = load_yaml(SUBDIVISION_NAMES)
    for sub in pycountry.subdivisions:
        country = countries.get(sub.country_code)
        if country is None or country == HOME_COUNTRY or sub.type not in REGION_TYPES:
            continue
        if getattr(sub, "parent_code", None):
            continue  # only the first level: a province, not its districts
        name = sub.name.split(" (")[0].split(" [")[0]
        places.add(key(name), Place(name, country, "region"))
        for other in other_names.get(sub.code, []):
            places.add(key(other), Place(other, country, "region"))
        # Korea's provinces in English: "Gyeongsangbuk-do" is North Gyeongsang, "Jeollanam-do"
        # South Jeolla ("buk" north, "nam" south)
        korean = re.fullmatch(r"(\w+?)(buk|nam)-do", name)
        if korean:
            side = "North" if korean.group(2) == "buk" else "South"
            english = f"{side} {korean.group(1)}"
            places.add(key(english), Place(english, country, "region"))
        # the longest first: "Guangxi Zhuangzu Zizhiqu" is Guangxi, not "Guangxi Zhuangzu"
        for suffix in sorted(REGION_SUFFIXES, key=len, reverse=True):
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                short = name[: -len(suffix)]
                places.add(key(short), Place(short, country, "region"))
                break


@cache
def world_places() -> WorldPlaces:
    """The table, read once per process (about half a second), when first needed."""
    places = WorldPlaces()
    with gzip.open(lexicon_dir() / WORLD_PLACES, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            k, name, country, kind, pop = line.rstrip("\n").split("\t")
            places.add(k, Place(name, country, kind, int(pop)))
    _regions(places, iso_countries())
    return places
