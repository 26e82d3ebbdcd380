#!/usr/bin/env python3
"""Derive the national reference network: every Wikidata P190 ("twinned administrative
body") pair with an Indonesian local government, from the Wikidata twin-town crawl in
the shared folder, as the table ``sources/reference/wikidata-p190-indonesia.tsv``.

Usage (from the repository root)::

    python scripts/derive_wikidata_reference.py --shared ../shared
    python scripts/derive_wikidata_reference.py --shared ../shared --check  # exit 1 if stale

Input: ``data/sister-cities-wikidata/names.tsv`` (``QID <TAB> label``) and
``relations.tsv`` (``QID <TAB> QID``, one row per P190 claim) of the shared folder; see
its ``SOURCE.md``. Wikidata content is CC0.

Which Wikidata items are Indonesian local governments (the crawl has no countries):

1. those whose Wikidata id the gazetteer (``graph/lexicon/regions_id.jsonl``) records;
2. else those whose label is the bare name of exactly one Indonesian city, regency or
   province of the gazetteer, that no other item of the crawl also bears, and that is
   not the Wikidata id of a foreign place the gazetteer knows.

Each row maps the Indonesian item to its gazetteer record (``id_slug``), so that the
build puts the reference facts on the same node as the news (one Surabaya, one Bandung).
A pair stated both ways is one row (``claims`` says ``both`` or ``one way``). Output
depends only on the inputs: every run gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graph.extract.gazetteer import (  # noqa: E402
    LOCAL_GOVERNMENT_TYPES,
    Gazetteer,
    default_gazetteer,
    key,
)

#: Items whose label is an Indonesian region's name but which are elsewhere, by what the
#: crawl shows of them (their partners).
NOT_INDONESIAN = {
    "Q994575": "Kendal in Cumbria, England (twinned with Rinteln), not Kabupaten Kendal",
}
OUT = REPO / "sources" / "reference" / "wikidata-p190-indonesia.tsv"
COLUMNS = ("id_qid", "id_label", "id_slug", "partner_qid", "partner_label", "claims", "match")


def read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if row]


def indonesian_items(labels: dict[str, str], gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """QID -> (gazetteer id, how it was matched) for the Indonesian local governments."""
    known = {r.wikidata: r for r in gaz.records.values() if r.wikidata}
    out: dict[str, tuple[str, str]] = {}
    for qid, rec in known.items():
        if rec.country == "indonesia" and rec.type in LOCAL_GOVERNMENT_TYPES and qid in labels:
            out[qid] = (rec.id, "wikidata id in the gazetteer")
    by_label: dict[str, list[str]] = defaultdict(list)
    for qid, label in labels.items():
        by_label[key(label)].append(qid)
    mapped = {slug for slug, _ in out.values()}
    for qid, label in sorted(labels.items()):
        if qid in out or qid in known or qid in NOT_INDONESIAN:
            continue
        if len(by_label[key(label)]) > 1:
            rec = gaz.lookup(label, LOCAL_GOVERNMENT_TYPES)
            if rec is not None and rec.country == "indonesia":
                print(f"not mapped (several items named {label!r}): {qid}", file=sys.stderr)
            continue
        rec = gaz.lookup(label, LOCAL_GOVERNMENT_TYPES)
        if rec is None or rec.country != "indonesia" or not rec.bare or rec.id in mapped:
            continue
        if key(label) not in {key(n) for n in rec.names()}:
            continue
        out[qid] = (rec.id, "label is the bare name of one Indonesian region")
        mapped.add(rec.id)
    return out


def derive(shared: Path) -> str:
    folder = shared / "data" / "sister-cities-wikidata"
    labels = {row[0]: row[1] for row in read_tsv(folder / "names.tsv") if len(row) >= 2}
    gaz = default_gazetteer()
    indonesian = indonesian_items(labels, gaz)
    claims: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for row in read_tsv(folder / "relations.tsv"):
        if len(row) < 2 or row[0] == row[1]:
            continue
        a, b = row[0].strip(), row[1].strip()
        for home, partner in ((a, b), (b, a)):
            if home in indonesian:
                claims[(home, partner)].add((a, b))
    rows = []
    for (home, partner), seen in claims.items():
        if partner in indonesian and home > partner:
            continue  # two Indonesian governments: one row
        slug, how = indonesian[home]
        rows.append(
            (
                home,
                labels.get(home, home),
                slug,
                partner,
                labels.get(partner, partner),
                "both" if len(seen) > 1 else "one way",
                how,
            )
        )
    rows.sort(key=lambda r: (r[2], int(r[3][1:])))
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join(" ".join(c.split()) for c in r) + "\n")
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if the table is out of date")
    args = ap.parse_args(argv)
    if not (args.shared / "data" / "sister-cities-wikidata" / "relations.tsv").is_file():
        print(f"no Wikidata crawl under {args.shared}/data/sister-cities-wikidata", file=sys.stderr)
        return 2
    text = derive(args.shared)
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} is out of date")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    pairs = text.count("\n") - 1
    governments = len({line.split("\t")[2] for line in text.splitlines()[1:]})
    print(f"wrote {args.out}: {pairs} pairs, {governments} Indonesian local governments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
