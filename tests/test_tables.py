"""Tests for graph.sources.tables: tables of partnerships (.csv/.tsv) as sources, their column
mappings, entity resolution shared with text, provenance by table and row, and the two
real twin-town datasets of ../shared/data (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from graph.extract.tables import extract_table
from graph.pipeline.build import extract_all
from graph.rdf.triples import KM, KMR, SCHEMA, to_dataset, union_graph
from graph.sources.load import load_sources
from graph.sources.tables import (
    Mapping,
    find_mapping,
    mapping_from_dict,
    parse_table,
)

DEFAULT = (
    "city,country,partner_city,partner_country,since,url\n"
    "Surabaya,Indonesia,Busan,South Korea,1994,https://example.org/sby-busan\n"
    "Busan,South Korea,Surabaya,Indonesia,,\n"
    "Kochi,Japan,Surabaya,Indonesia,since 1997,\n"
    "Berat,Albania,Bandung,Indonesia,,\n"
    "Bérat,France,Bandung,Indonesia,,\n"
    "Singapore,Singapore,Jambi,Indonesia,2016-05,\n"
    ",,Medan,Indonesia,,\n"
    "Varna, Bulgaria,,Surabaya,Indonesia,,\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def extract(path: Path):  # type: ignore[no-untyped-def]
    loaded = load_sources([path])
    assert not loaded.problems, loaded.problems
    (doc,) = loaded.documents
    return extract_table(doc), loaded


@pytest.fixture
def default_table(tmp_path: Path) -> Path:
    # the last row has an unquoted comma: "Varna" in the city, "Bulgaria" as the country
    text = DEFAULT.replace("Varna, Bulgaria,,Surabaya", '"Varna, Bulgaria",,Surabaya')
    return write(tmp_path, "partners.csv", text)


def test_a_table_is_a_document(default_table: Path) -> None:
    loaded = load_sources([default_table])
    (doc,) = loaded.documents
    assert doc.kind == "table" and doc.doc_id == "partners" and doc.language == "en"
    assert doc.title == "Table partners.csv"
    # the row without a city is reported with its line, not silently dropped
    assert [w.path for w in loaded.warnings] == [f"{default_table}:8"]
    assert "without a city" in loaded.warnings[0].reason


def test_rows_become_facts_on_the_gazetteer_entities(default_table: Path) -> None:
    ex, _ = extract(default_table)
    pairs = [(f.subject, f.predicate, f.object) for f in ex.facts]
    # Surabaya is kmr:kota-surabaya as in text; both directions of one pair are one fact
    assert pairs[0] == ("kota-surabaya", "partnersWith", "busan")
    assert pairs[1] == pairs[0]
    assert ("kochi", "partnersWith", "kota-surabaya") in pairs  # single-word name, by country
    # two towns whose names fold to one slug stay two nodes, told apart by country
    assert ("berat-albania", "partnersWith", "kota-bandung") in pairs
    assert ("berat-france", "partnersWith", "kota-bandung") in pairs
    assert ex.entities["berat-france"].labels == {"en": "Bérat"}
    assert ex.entities["berat-france"].country == "france"
    assert ex.entities["berat-france"].type == "LocalGovernment"
    # a city-state is its country, as in text
    assert ("singapore", "partnersWith", "kota-jambi") in pairs
    assert ex.entities["singapore"].type == "Country"
    # "Varna, Bulgaria" in the city column, the country column empty
    assert ("varna", "partnersWith", "kota-surabaya") in pairs
    assert ex.entities["kota-surabaya"].code == "35.78"
    assert "Surabaya" in ex.entities["kota-surabaya"].aliases


def test_provenance_is_the_row(default_table: Path) -> None:
    ex, _ = extract(default_table)
    first, second = ex.facts[0].evidence, ex.facts[1].evidence
    assert (
        first.sentence == "Surabaya,Indonesia,Busan,South Korea,1994,https://example.org/sby-busan"
    )
    assert (first.index, second.index) == (1, 2)  # the header is row 0


def test_since_becomes_a_partnership_node(default_table: Path) -> None:
    ex, _ = extract(default_table)
    since = {q.ends: q.since for q in ex.qualified}
    assert since[("busan", "kota-surabaya")] == "1994"
    assert since[("kochi", "kota-surabaya")] == "1997"  # "since 1997"
    assert since[("kota-jambi", "singapore")] == "2016-05"
    assert all(q.kind == "Partnership" and q.status == "active" for q in ex.qualified)


def test_rdf_of_a_table(default_table: Path) -> None:
    from graph.rdf.validate import validate

    ex, _ = extract(default_table)
    g = union_graph(to_dataset([ex]))
    doc = KMR["doc/partners"]
    assert (doc, RDF.type, SCHEMA.Dataset) in g
    assert (doc, RDF.type, SCHEMA.NewsArticle) not in g
    assert (doc, KM.kind, None) in g
    st = next(g.subjects(RDF.predicate, KM.partnersWith))
    evidence = list(g.objects(st, KM.evidence))
    assert all((ev, URIRef("http://www.w3.org/ns/prov#wasQuotedFrom"), doc) in g for ev in evidence)
    sby_busan = [
        s
        for s in g.subjects(RDF.subject, KMR["kota-surabaya"])
        if (s, RDF.object, KMR["busan"]) in g
    ]
    assert len(sby_busan) == 1 and len(list(g.objects(sby_busan[0], KM.evidence))) == 2
    report = validate(g)
    assert report.conforms, report.text()


def test_mapping_file_beside_the_table(tmp_path: Path) -> None:
    table = write(
        tmp_path,
        "kerja-sama.tsv",
        "Daerah\tNegara\tMitra\tNegara mitra\tTahun\n"
        "Kota Medan\tIndonesia\tGwangju\tSouth Korea\t1997\n",
    )
    write(
        tmp_path,
        "kerja-sama.mapping.yaml",
        "columns:\n  city: Daerah\n  country: Negara\n  partner_city: Mitra\n"
        "  partner_country: Negara mitra\n  since: Tahun\nlanguage: id\n"
        "dataset:\n  title: Daftar kerja sama\n  url: https://example.org/daftar\n",
    )
    ex, loaded = extract(table)
    assert loaded.documents[0].title == "Daftar kerja sama"
    assert loaded.documents[0].url == "https://example.org/daftar"
    assert [(f.subject, f.object) for f in ex.facts] == [("kota-medan", "gwangju")]
    assert ex.facts[0].evidence.sentence == "Kota Medan\tIndonesia\tGwangju\tSouth Korea\t1997"


def test_mapping_without_header_by_column_number(tmp_path: Path) -> None:
    table = write(tmp_path, "pairs.csv", "Surabaya,Indonesia,Busan,South Korea\n")
    write(
        tmp_path,
        "pairs.mapping.yaml",
        "header: false\ncolumns: {city: 0, country: 1, partner_city: 2, partner_country: 3}\n",
    )
    ex, _ = extract(table)
    assert [(f.subject, f.object, f.evidence.index) for f in ex.facts] == [
        ("kota-surabaya", "busan", 0)
    ]


def test_tables_that_cannot_be_read_are_reported(tmp_path: Path) -> None:
    unknown = write(tmp_path / "a", "other.csv", "name,value\nx,1\n")
    bad_key = write(tmp_path / "b", "t.csv", "city,partner_city\nA,B\n")
    write(tmp_path / "b", "t.mapping.yaml", "colums: {}\n")
    missing = write(tmp_path / "c", "t.csv", "town,partner_city\nA,B\n")
    write(tmp_path / "c", "t.mapping.yaml", "columns: {city: kota, partner_city: partner_city}\n")
    empty = write(tmp_path / "d", "t.csv", "city,partner_city\n")
    loaded = load_sources([unknown, bad_key, missing, empty])
    reasons = {Path(p.path).parent.name: p.reason for p in loaded.problems}
    assert "no column mapping" in reasons["a"] and "name, value" in reasons["a"]
    assert "unknown key(s) colums" in reasons["b"]
    assert "not in the table: city -> 'kota'" in reasons["c"]
    assert "no partnership rows" in reasons["d"]
    assert loaded.documents == []


def test_mapping_validation() -> None:
    with pytest.raises(ValueError, match="needs city and partner_city"):
        mapping_from_dict({"columns": {"city": "a"}}, "m")
    with pytest.raises(ValueError, match="unknown field"):
        mapping_from_dict({"columns": {"city": "a", "partner_city": "b", "mayor": "c"}}, "m")
    with pytest.raises(ValueError, match="relation must be"):
        mapping_from_dict({"columns": {"city": "a", "partner_city": "b"}, "relation": "x"}, "m")
    m = mapping_from_dict({"columns": {"city": "a", "partner_city": "b"}}, "m")
    assert isinstance(m, Mapping) and m.relation == "partnersWith"


def test_a_table_and_an_article_meet_on_one_entity(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(
        src,
        "twins.csv",
        "city,country,partner_city,partner_country\nSurabaya,Indonesia,Busan,South Korea\n",
    )
    write(
        src,
        "busan.md",
        "---\ntitle: Surabaya dan Busan\npublished: 2019-03-27\nlanguage: id\n---\n"
        "Kerja sama sister city antara Surabaya dan Busan telah berjalan sejak tahun 1994.\n",
    )
    extractions, problems, _ = extract_all([src])
    assert not problems
    g = union_graph(to_dataset(extractions))
    statements = [
        st
        for st in g.subjects(RDF.predicate, KM.partnersWith)
        if {g.value(st, RDF.subject), g.value(st, RDF.object)}
        == {KMR["kota-surabaya"], KMR["busan"]}
    ]
    docs = {
        g.value(ev, URIRef("http://www.w3.org/ns/prov#wasQuotedFrom"))
        for st in statements
        for ev in g.objects(st, KM.evidence)
    }
    assert docs == {KMR["doc/twins"], KMR["doc/busan"]}


# --- the shared twin-town datasets --------------------------------------------------------------


def shared_file(shared_dir: Path, *parts: str) -> Path:
    path = shared_dir.joinpath("data", *parts)
    if not path.is_file():
        pytest.skip(f"{path} not found")
    return path


def test_wikipedia_twin_towns(shared_dir: Path) -> None:
    path = shared_file(shared_dir, "sister-cities-wikipedia", "twin_cities_raw.csv")
    text = path.read_text(encoding="utf-8")
    doc, warnings = parse_table(text, str(path), "twin-cities-raw")
    assert find_mapping(path, text).name == "twin-towns-wikipedia"
    assert doc.title.startswith("Twin towns") and doc.url == "https://github.com/Hekman/twincities"
    assert warnings == []
    ex = extract_table(doc)
    assert len(ex.facts) > 26_000
    pairs = {frozenset((f.subject, f.object)) for f in ex.facts}
    assert len(pairs) > 24_000
    surabaya = {next(iter(p - {"kota-surabaya"})) for p in pairs if "kota-surabaya" in p}
    assert {"busan", "kochi", "seattle", "guangzhou"} <= surabaya
    # England and "England, United Kingdom" are one country: one Liverpool
    assert "liverpool" in surabaya and ex.entities["liverpool"].country == "united-kingdom"


def test_wikidata_twin_towns(shared_dir: Path) -> None:
    path = shared_file(shared_dir, "sister-cities-wikidata", "relations.tsv")
    loaded = load_sources([path, path.with_name("names.tsv")])
    (doc,) = loaded.documents
    assert doc.language == "de" and doc.published == "2016-09-10"
    (problem,) = loaded.problems
    assert problem.path.endswith("names.tsv") and "table of names" in problem.reason
    ex = extract_table(doc)
    pairs = {frozenset((f.subject, f.object)) for f in ex.facts}
    assert len(pairs) == 17_401  # the distinct undirected pairs, as SOURCE.md counts
    # entities known to the gazetteer by their Wikidata id: one Surabaya, one Busan
    surabaya = {next(iter(p - {"kota-surabaya"})) for p in pairs if "kota-surabaya" in p}
    assert {"busan", "kochi", "guangzhou"} <= surabaya
    # an entity the gazetteer does not know: label and Wikidata id
    weimar = ex.entities["weimar-q3955"]
    assert weimar.wikidata == "Q3955" and weimar.labels == {"de": "Weimar"}


def test_both_datasets_agree_on_surabaya(shared_dir: Path) -> None:
    wiki = shared_file(shared_dir, "sister-cities-wikipedia", "indonesia_pairs_raw.csv")
    wd = shared_file(shared_dir, "sister-cities-wikidata", "relations.tsv")
    partners = []
    for path in (wiki, wd):
        ex, _ = extract(path)
        partners.append(
            {f.subject if f.object == "kota-surabaya" else f.object for f in ex.facts}
            & {"busan", "kochi", "guangzhou", "seattle", "kitakyushu", "marseille"}
        )
    assert partners[0] & partners[1] >= {"busan", "kochi", "guangzhou", "seattle"}


def test_shared_data_is_not_copied_into_the_repository(repo_root: Path) -> None:
    names = {"twin_cities_raw.csv", "twin_cities_geocoded.csv", "relations.tsv", "names.tsv"}
    found = [
        p
        for top in ("graph", "ontology", "sources", "tests", "benchmarks", "docs", "scripts")
        if (repo_root / top).is_dir()
        for p in (repo_root / top).rglob("*")
        if p.name in names
    ]
    assert found == []


def test_graph_of_a_table_is_small_enough_to_validate(tmp_path: Path) -> None:
    # validation runs on the union; a table with many rows keeps one statement a pair
    rows = "".join(f"Town {i},France,Surabaya,Indonesia,,\n" for i in range(50))
    table = write(
        tmp_path, "many.csv", "city,country,partner_city,partner_country,since,url\n" + rows
    )
    ex, _ = extract(table)
    g: Graph = union_graph(to_dataset([ex]))
    assert len(set(g.subjects(RDF.type, KM.Statement))) == 50
