"""Table stage: tables of partnerships (``.csv`` / ``.tsv``) as first-class sources.

A table states one partnership a row: city, country, partner city, partner country and,
when known, since when and a URL. A *mapping* says which column holds what (see
``graph/lexicon/tables.yaml`` for the keys): a ``<table stem>.mapping.yaml`` beside the
table, else a shipped mapping whose ``match`` fits (the two twin-town datasets of
``../shared/data/``), else the default columns ``city, country, partner_city,
partner_country, since, url``.

Rows become the same :class:`graph.model.Extraction` objects as text, so the rest of the
pipeline does not know where a fact came from, and the entities are resolved against the
same gazetteer: "Surabaya, Indonesia" in a table is ``kmr:kota-surabaya`` as in an
article. A place the gazetteer does not know (or knows in another country) gets the slug
of its name and country (``kmr:berat-albania``), so two towns of the same name in two
countries stay two nodes; with only a Wikidata id and a label, the slug of the label and
the id (``kmr:weimar-q3955``).

Provenance: the table is a ``schema:Dataset`` (its document), and each row is the
evidence of its facts, with the row as it appears in the file as ``km:text`` and its
position as ``km:sentenceIndex``: the 0-based index of the row in the file, header
included, so the first row under a header is 1 and the row number a spreadsheet shows
is the index plus one.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph.model import Document, SourceProblem
from graph.resources import load_yaml

TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
FIELDS = (
    "city",
    "country",
    "partner_city",
    "partner_country",
    "since",
    "url",
    "city_wikidata",
    "partner_wikidata",
    "city_id",
    "partner_id",
)
MAPPING_KEYS = {
    "name",
    "columns",
    "header",
    "delimiter",
    "language",
    "relation",
    "country_aliases",
    "labels",
    "role",
    "dataset",
    "match",
}
RELATIONS = {"partnersWith", "memberOf", "participatesIn", "sendsDelegationTo"}
SYMMETRIC = {"partnersWith"}
QID = re.compile(r"^Q[1-9][0-9]*$")
YEAR_ONLY = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\s*$")
ANY_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
MAX_ROW_WARNINGS = 20


@dataclass(frozen=True)
class LabelTable:
    file: str
    key: int | str = 0
    value: int | str = 1
    header: bool = False


@dataclass(frozen=True)
class Mapping:
    """How the columns of one table map to partnership fields."""

    name: str
    columns: dict[str, str | int]
    header: bool = True
    delimiter: str | None = None
    language: str = "en"
    relation: str = "partnersWith"
    country_aliases: dict[str, str] = field(default_factory=dict)
    labels: LabelTable | None = None
    role: str = "partnerships"
    dataset: dict[str, str] = field(default_factory=dict)
    match: dict[str, Any] = field(default_factory=dict)


def is_table(path: str | Path) -> bool:
    return Path(str(path).split("#", 1)[0]).suffix.lower() in TABLE_SUFFIXES


# --- mappings ---------------------------------------------------------------------------------


def mapping_from_dict(data: Any, name: str) -> Mapping:
    """A :class:`Mapping` from parsed YAML; ``ValueError`` with a readable reason."""
    if not isinstance(data, dict):
        raise ValueError(f"mapping {name}: must be a YAML mapping (key: value lines)")
    unknown = set(data) - MAPPING_KEYS
    if unknown:
        raise ValueError(
            f"mapping {name}: unknown key(s) {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(MAPPING_KEYS))})"
        )
    role = str(data.get("role") or "partnerships")
    if role not in {"partnerships", "labels"}:
        raise ValueError(f"mapping {name}: role must be 'partnerships' or 'labels'")
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise ValueError(f"mapping {name}: 'columns' must map fields to columns")
    bad = set(columns) - set(FIELDS)
    if bad:
        raise ValueError(
            f"mapping {name}: unknown field(s) {', '.join(sorted(bad))} "
            f"(fields: {', '.join(FIELDS)})"
        )
    labels = data.get("labels")
    label_table = None
    if labels:
        if not isinstance(labels, dict) or "file" not in labels:
            raise ValueError(f"mapping {name}: 'labels' needs at least a 'file'")
        label_table = LabelTable(
            file=str(labels["file"]),
            key=labels.get("key", 0),
            value=labels.get("value", 1),
            header=bool(labels.get("header", False)),
        )
    if role == "partnerships":
        by_name = {"city", "partner_city"} <= set(columns)
        by_id = {"city_wikidata", "partner_wikidata"} <= set(columns)
        if not (by_name or by_id):
            raise ValueError(
                f"mapping {name}: 'columns' needs city and partner_city "
                "(or city_wikidata and partner_wikidata)"
            )
    relation = str(data.get("relation") or "partnersWith")
    if relation not in RELATIONS:
        raise ValueError(f"mapping {name}: relation must be one of {', '.join(sorted(RELATIONS))}")
    delimiter = data.get("delimiter")
    if delimiter is not None and (not isinstance(delimiter, str) or len(delimiter) != 1):
        raise ValueError(f"mapping {name}: 'delimiter' must be one character")
    return Mapping(
        name=str(data.get("name") or name),
        columns={k: v for k, v in columns.items() if v is not None},
        header=bool(data.get("header", True)),
        delimiter=delimiter,
        language=str(data.get("language") or "en"),
        relation=relation,
        country_aliases={str(k): str(v) for k, v in (data.get("country_aliases") or {}).items()},
        labels=label_table,
        role=role,
        dataset={str(k): str(v) for k, v in (data.get("dataset") or {}).items() if v},
        match=dict(data.get("match") or {}),
    )


@cache
def shipped_mappings() -> tuple[Mapping, tuple[Mapping, ...]]:
    """The default mapping and the shipped ones (``graph/lexicon/tables.yaml``)."""
    data = load_yaml("tables.yaml") or {}
    default = mapping_from_dict(data.get("default") or {}, "default")
    entries = tuple(
        mapping_from_dict(m, str(m.get("name", f"mapping {i + 1}")))
        for i, m in enumerate(data.get("mappings") or [])
    )
    return default, entries


def mapping_file_for(path: Path) -> Path | None:
    """The mapping file beside a table, if there is one."""
    for candidate in (
        path.with_name(f"{path.stem}.mapping.yaml"),
        path.with_name(f"{path.name}.mapping.yaml"),
        path.with_name(f"{path.stem}.mapping.yml"),
    ):
        if candidate.is_file():
            return candidate
    return None


def _delimiter(path: Path, mapping: Mapping | None) -> str:
    if mapping is not None and mapping.delimiter:
        return mapping.delimiter
    return "\t" if path.suffix.lower() == ".tsv" else ","


def _first_line(text: str) -> str:
    return text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")


def _header(text: str, delimiter: str) -> list[str]:
    line = _first_line(text)
    cells = next(csv.reader([line], delimiter=delimiter), [])
    return [c.strip() for c in cells]


def _matches(mapping: Mapping, path: Path, text: str) -> bool:
    m = mapping.match
    if not m:
        return False
    if "filename" in m and not fnmatch.fnmatch(path.name, str(m["filename"])):
        return False
    if "first_line" in m and not re.search(str(m["first_line"]), _first_line(text)):
        return False
    if "header" in m:
        have = {h.casefold() for h in _header(text, _delimiter(path, mapping))}
        if not {str(h).casefold() for h in m["header"]} <= have:
            return False
    return True


def find_mapping(path: Path, text: str) -> Mapping:
    """The mapping of a table: beside it, shipped, or the default columns."""
    own = mapping_file_for(path)
    if own is not None:
        try:
            data = yaml.safe_load(own.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise ValueError(f"broken mapping file {own.name}: {exc}") from None
        return mapping_from_dict(data, own.name)
    default, shipped = shipped_mappings()
    for mapping in shipped:
        if _matches(mapping, path, text):
            return mapping
    header = {h.casefold() for h in _header(text, _delimiter(path, None))}
    if {"city", "partner_city"} <= header:
        present = {k: v for k, v in default.columns.items() if str(v).casefold() in header}
        return Mapping(name="default", columns=present, dataset={})
    shown = ", ".join(_header(text, _delimiter(path, None))[:8]) or "(none)"
    raise ValueError(
        f"no column mapping for this table (columns: {shown}); name the columns "
        "city, country, partner_city, partner_country, since, url, or write "
        f"{path.stem}.mapping.yaml beside it (keys: see graph/lexicon/tables.yaml)"
    )


# --- rows -------------------------------------------------------------------------------------


@dataclass
class Row:
    index: int  # 0-based index of the row in the file, header included
    text: str  # the row as it appears in the file
    values: dict[str, str]  # field -> value (stripped, non-empty only)


def _column_index(mapping: Mapping, header: list[str]) -> dict[str, int]:
    folded = {h.casefold(): i for i, h in enumerate(header)}
    out: dict[str, int] = {}
    missing = []
    for fld, col in mapping.columns.items():
        if isinstance(col, int):
            out[fld] = col
        elif str(col).casefold() in folded:
            out[fld] = folded[str(col).casefold()]
        elif mapping.header:
            missing.append(f"{fld} -> {col!r}")
    if missing:
        raise ValueError(
            f"mapping {mapping.name}: column(s) not in the table: {', '.join(missing)} "
            f"(the table has: {', '.join(header[:12])})"
        )
    return out


def csv_reader(text: str, delimiter: str) -> Iterator[list[str]]:
    buf = io.StringIO(text.lstrip("\ufeff"))
    if delimiter == "\t":
        return csv.reader(buf, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    return csv.reader(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)


def _row_text(cells: list[str], delimiter: str) -> str:
    if delimiter == "\t":
        return "\t".join(cells)
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="").writerow(cells)
    return buf.getvalue()


def iter_rows(
    text: str, path: Path, mapping: Mapping, problems: list[SourceProblem] | None = None
) -> Iterator[Row]:
    """The data rows of a table, with the mapped fields; bad rows go to ``problems``."""
    delimiter = _delimiter(path, mapping)
    reader = csv_reader(text, delimiter)
    index = -1
    columns: dict[str, int] | None = None
    if mapping.header:
        try:
            header = next(reader)
        except StopIteration:
            return
        index += 1
        columns = _column_index(mapping, [h.strip() for h in header])
    else:
        columns = _column_index(mapping, [])
    for cells in reader:
        index += 1
        if not any(c.strip() for c in cells):
            continue
        values = {}
        for fld, i in columns.items():
            if i < len(cells) and cells[i].strip():
                values[fld] = " ".join(cells[i].split())
        row = Row(index=index, text=_row_text(cells, delimiter), values=values)
        has_ends = ("city" in values or "city_wikidata" in values) and (
            "partner_city" in values or "partner_wikidata" in values
        )
        if not has_ends:
            if problems is not None:
                problems.append(
                    SourceProblem(f"{path}:{index + 1}", "row without a city or a partner; skipped")
                )
            continue
        yield row


def parse_table(text: str, path: str, doc_id: str) -> tuple[Document, list[SourceProblem]]:
    """Load stage for a table: a :class:`Document` (kind ``table``) and row warnings.

    Raises ``ValueError`` with a readable reason when the table cannot be used: no
    mapping fits, a mapped column is missing, it only names things, it has no rows.
    """
    p = Path(path)
    mapping = find_mapping(p, text)
    if mapping.role == "labels":
        raise ValueError(
            "a table of names (Wikidata id -> label) that other tables use for their "
            "labels; it states no partnership by itself"
        )
    problems: list[SourceProblem] = []
    count = sum(1 for _ in iter_rows(text, p, mapping, problems))
    if count == 0:
        raise ValueError(f"no partnership rows (mapping {mapping.name})")
    warnings = problems[:MAX_ROW_WARNINGS]
    if len(problems) > MAX_ROW_WARNINGS:
        warnings.append(
            SourceProblem(path, f"... and {len(problems) - MAX_ROW_WARNINGS} more rows skipped")
        )
    ds = mapping.dataset
    published = ds.get("published")
    if published and not YEAR_ONLY.match(published):
        published = None
    doc = Document(
        doc_id=doc_id,
        text=text,
        path=path,
        title=ds.get("title") or f"Table {p.name}",
        url=ds.get("url"),
        publisher=ds.get("publisher"),
        published=published,
        language=mapping.language,
        kind="table",
    )
    return doc, warnings
