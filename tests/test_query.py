"""Tests for graph.sparql.query: SPARQL over a built graph, W3C result formats, read-only guard."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from graph.rdf.triples import KMR, PREFIXES
from graph.sparql.query import (
    QueryError,
    find_graph_file,
    format_result,
    load_graph,
    read_query,
    result_rows,
    run_query,
)

SPARQL_NS = "http://www.w3.org/2005/sparql-results#"
KM_NS = "https://w3id.org/kotamitra/ontology#"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"

LABELS = """
SELECT ?entity ?label WHERE {
  VALUES ?entity { kmr:kota-medan kmr:gwangju kmr:bobby-nasution }
  ?entity rdfs:label ?label .
} ORDER BY ?entity STR(?label)
"""
# (entity, label) as the graph holds them: Kota Medan has an @id and an @en label,
# Gwangju an @en one and Bobby Nasution a plain one
EXPECTED_LABELS = [
    (KMR["bobby-nasution"], Literal("Bobby Nasution")),
    (KMR["gwangju"], Literal("Gwangju", lang="en")),
    (KMR["kota-medan"], Literal("Kota Medan", lang="id")),
    (KMR["kota-medan"], Literal("Medan City", lang="en")),
]


@pytest.fixture
def ds(graph_dir: Path):
    return load_graph(graph_dir)


def select(ds, query: str) -> list[tuple]:
    result = run_query(ds, query)
    assert result is not None
    return [tuple(row) for row in result]


# --- opening a graph ----------------------------------------------------------------------


def test_load_graph_from_folder_trig_and_ttl(graph_dir: Path) -> None:
    assert find_graph_file(graph_dir) == graph_dir / "graph.trig"
    counts = []
    for path in (graph_dir, graph_dir / "graph.trig", graph_dir / "graph.ttl"):
        g = load_graph(path)
        rows = select(g, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        counts.append(int(rows[0][0]))
    # the union of the named graphs and the Turtle file hold the same triples
    assert counts[0] == counts[1] == counts[2] > 0


def test_load_graph_missing_folder_or_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as info:
        load_graph(tmp_path)
    assert "no graph" in str(info.value)
    assert "kotamitra build" in (info.value.hint or "")
    with pytest.raises(QueryError) as info:
        load_graph(tmp_path / "missing.trig")
    assert "no such file" in str(info.value)


def test_load_graph_unparsable_file(tmp_path: Path) -> None:
    bad = tmp_path / "graph.ttl"
    bad.write_text("this is not turtle <<<", encoding="utf-8")
    with pytest.raises(QueryError) as info:
        load_graph(tmp_path)
    assert "cannot parse" in str(info.value)
    assert str(bad) in str(info.value)


# --- prefixes and SELECT ------------------------------------------------------------------


def test_predeclared_prefixes_match_the_contract() -> None:
    assert set(PREFIXES) == {
        "km",
        "kmr",
        "rdf",
        "rdfs",
        "owl",
        "xsd",
        "skos",
        "prov",
        "schema",
        "wd",
    }
    assert PREFIXES["km"] == KM_NS
    assert PREFIXES["kmr"] == "https://w3id.org/kotamitra/id/"
    assert PREFIXES["schema"] == "https://schema.org/"
    assert PREFIXES["wd"] == "http://www.wikidata.org/entity/"


def test_predeclared_prefixes_work(ds) -> None:
    assert select(ds, LABELS) == EXPECTED_LABELS
    rows = select(
        ds,
        "SELECT ?wd ?doc WHERE { kmr:kota-medan owl:sameAs ?wd . "
        "?doc a schema:NewsArticle ; schema:inLanguage 'id' . "
        "?ev a km:Evidence ; prov:wasQuotedFrom ?doc ; km:sentenceIndex ?i . "
        "FILTER(?i = 0) } ",
    )
    assert rows == [(URIRef("http://www.wikidata.org/entity/Q10908"), KMR["doc/medan-gwangju"])]
    assert select(ds, "SELECT ?x WHERE { kmr:kota-medan skos:altLabel ?x }") == [
        (Literal("Pemkot Medan"),)
    ]
    rows = select(ds, "SELECT ?d WHERE { ?a a km:Exchange ; km:startDate ?d }")
    assert rows == [(Literal("2023-10-03", datatype=XSD_DATE),)]


def test_user_prefix_declarations_are_allowed(ds) -> None:
    q = "PREFIX ex: <https://w3id.org/kotamitra/id/>\nSELECT ?l WHERE { ex:gwangju rdfs:label ?l }"
    assert select(ds, q) == [(Literal("Gwangju", lang="en"),)]


def test_select_table(ds) -> None:
    out = format_result(run_query(ds, LABELS), "table")
    lines = out.splitlines()
    assert lines[0].split() == ["entity", "label"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(4 rows)"
    # IRIs are shortened with the predeclared prefixes in the table
    assert any("Medan City" in line and "kmr:kota-medan" in line for line in lines[2:-1])


def test_select_json_is_w3c(ds) -> None:
    data = json.loads(format_result(run_query(ds, LABELS), "json"))
    assert data["head"]["vars"] == ["entity", "label"]
    bindings = data["results"]["bindings"]
    assert len(bindings) == len(EXPECTED_LABELS)
    for b, (entity, label) in zip(bindings, EXPECTED_LABELS, strict=True):
        assert b["entity"] == {"type": "uri", "value": str(entity)}
        assert b["label"]["type"] == "literal"
        assert b["label"]["value"] == str(label)
        if label.language:
            assert b["label"]["xml:lang"] == label.language
        else:
            assert "xml:lang" not in b["label"]


def test_select_json_typed_literal(ds) -> None:
    q = "SELECT ?n WHERE { ?a km:participantCount ?n }"
    data = json.loads(format_result(run_query(ds, q), "json"))
    assert data["results"]["bindings"] == [
        {"n": {"type": "literal", "value": "12", "datatype": XSD_INTEGER}}
    ]


def test_select_xml_is_w3c(ds) -> None:
    root = ET.fromstring(format_result(run_query(ds, LABELS), "xml"))
    ns = {"s": SPARQL_NS}
    assert root.tag == f"{{{SPARQL_NS}}}sparql"
    names = [v.get("name") for v in root.findall("s:head/s:variable", ns)]
    assert names == ["entity", "label"]
    results = root.findall("s:results/s:result", ns)
    assert len(results) == len(EXPECTED_LABELS)
    first_label = results[2].find("s:binding[@name='label']/s:literal", ns)
    assert first_label is not None
    assert first_label.text == "Kota Medan"
    assert first_label.get("{http://www.w3.org/XML/1998/namespace}lang") == "id"
    uri = results[0].find("s:binding[@name='entity']/s:uri", ns)
    assert uri is not None and uri.text == str(KMR["bobby-nasution"])


def test_select_csv(ds) -> None:
    out = format_result(run_query(ds, LABELS), "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["entity", "label"]
    assert rows[1:] == [[str(e), str(lbl)] for e, lbl in EXPECTED_LABELS]


def test_select_tsv(ds) -> None:
    out = format_result(run_query(ds, LABELS), "tsv")
    lines = out.rstrip("\n").split("\n")
    assert lines[0] == "?entity\t?label"
    cells = [line.split("\t") for line in lines[1:]]
    assert cells == [
        [f"<{e}>", '"Bobby Nasution"' if not lbl.language else f'"{lbl}"@{lbl.language}']
        for e, lbl in EXPECTED_LABELS
    ]
    assert '"Kota Medan"@id' in out  # language tags kept


def test_select_tsv_unbound_and_typed(ds) -> None:
    q = (
        "SELECT ?a ?n ?theme WHERE { ?a km:participant ?p . "
        "OPTIONAL { ?a km:participantCount ?n } OPTIONAL { ?a km:theme ?theme } } ORDER BY ?a"
    )
    lines = format_result(run_query(ds, q), "tsv").rstrip("\n").split("\n")
    assert lines[0] == "?a\t?n\t?theme"
    # the resolved events (one per occurrence), not the reports of each source
    rows = sorted((line.split("\t") for line in lines[1:]), key=lambda r: r[1])
    denpasar, medan = rows
    assert all(r[0].startswith(f"<{KMR['event/']}") for r in rows)
    assert denpasar[1:] == ["", ""]
    assert medan[1] == f'"12"^^<{XSD_INTEGER}>'
    assert medan[2] == '"Pertukaran mahasiswa"'


def test_result_rows_plain_dicts(ds) -> None:
    rows = result_rows(run_query(ds, LABELS))
    assert rows[0] == {"entity": str(KMR["bobby-nasution"]), "label": "Bobby Nasution"}


# --- ASK and CONSTRUCT --------------------------------------------------------------------

ASK_YES = "ASK { kmr:kota-medan km:partnersWith kmr:gwangju }"
ASK_NO = "ASK { kmr:kota-medan km:partnersWith kmr:mossel-bay }"


def test_ask(ds) -> None:
    assert run_query(ds, ASK_YES).askAnswer is True
    assert run_query(ds, ASK_NO).askAnswer is False
    assert format_result(run_query(ds, ASK_YES), "table") == "yes\n"
    assert format_result(run_query(ds, ASK_NO), "table") == "no\n"
    assert json.loads(format_result(run_query(ds, ASK_YES), "json"))["boolean"] is True
    assert json.loads(format_result(run_query(ds, ASK_NO), "json"))["boolean"] is False
    root = ET.fromstring(format_result(run_query(ds, ASK_NO), "xml"))
    assert root.find(f"{{{SPARQL_NS}}}boolean").text == "false"


def test_ask_csv_gives_an_answer_or_a_query_error(ds) -> None:
    try:
        out = format_result(run_query(ds, ASK_YES), "csv")
    except QueryError:
        return
    assert "true" in out.lower()


def test_construct_turtle_parses_back(ds) -> None:
    q = "CONSTRUCT { ?a km:partnersWith ?b } WHERE { ?a km:partnersWith ?b }"
    out = format_result(run_query(ds, q), "turtle")
    g = Graph().parse(data=out, format="turtle")
    expected = {
        (KMR["kota-medan"], URIRef(KM_NS + "partnersWith"), KMR["gwangju"]),
        (KMR["kota-denpasar"], URIRef(KM_NS + "partnersWith"), KMR["mossel-bay"]),
    }
    assert set(g) == expected
    # the table format of a graph result is Turtle too
    assert set(Graph().parse(data=format_result(run_query(ds, q), "table"), format="turtle")) == (
        expected
    )


def test_describe_gives_a_graph(ds) -> None:
    out = format_result(run_query(ds, "DESCRIBE kmr:gwangju"), "nt")
    g = Graph().parse(data=out, format="nt")
    assert (KMR["gwangju"], None, None) in g


def test_formats_for_the_wrong_kind_of_result(ds) -> None:
    with pytest.raises(QueryError):
        format_result(run_query(ds, LABELS), "turtle")
    q = "CONSTRUCT { ?a km:partnersWith ?b } WHERE { ?a km:partnersWith ?b }"
    with pytest.raises(QueryError):
        format_result(run_query(ds, q), "csv")


# --- errors -------------------------------------------------------------------------------


def test_syntax_error_has_line_and_caret(ds) -> None:
    query = "SELECT ?s\nWHERE {\n  ?s km:partnersWith ?o\n  ?o ?p }"
    with pytest.raises(QueryError) as info:
        run_query(ds, query)
    message = str(info.value)
    assert "syntax error" in message
    assert "line 4," in message  # the user's line, not counting the predeclared prefixes
    lines = message.splitlines()
    caret = next(i for i, line in enumerate(lines) if line.strip() == "^")
    # the caret line sits under the quoted query line, pointing at the offending token
    quoted = lines[caret - 1]
    assert quoted.strip() == "?o ?p }"
    assert quoted[lines[caret].index("^")] == "?"
    assert info.value.hint and "prefixes" in info.value.hint


def test_syntax_error_line_number_counts_the_users_lines(ds) -> None:
    with pytest.raises(QueryError) as info:
        run_query(ds, "SELECT ?s WHERE { ?s ?p }")
    assert "line 1," in str(info.value)


def test_unknown_prefix_is_a_query_error(ds) -> None:
    with pytest.raises(QueryError) as info:
        run_query(ds, "SELECT * WHERE { ?s foo:bar ?o }")
    assert "foo" in str(info.value)


# --- UPDATE -------------------------------------------------------------------------------

INSERT = "INSERT DATA { kmr:kota-medan km:partnersWith kmr:mossel-bay }"
DELETE = "DELETE WHERE { kmr:kota-medan km:partnersWith ?o }"


@pytest.mark.parametrize(
    "query",
    [
        INSERT,
        DELETE,
        "PREFIX ex: <http://example.org/>\nINSERT { ex:a ex:b ex:c } WHERE { }",
        "  delete { ?s ?p ?o } where { ?s ?p ?o }",
        "CLEAR ALL",
        "DROP ALL",
        "LOAD <http://example.org/graph.ttl>",
    ],
)
def test_update_refused_without_allow_update(ds, query: str) -> None:
    before = set(ds.quads())
    with pytest.raises(QueryError) as info:
        run_query(ds, query)
    assert "UPDATE" in str(info.value)
    assert "--allow-update" in (info.value.hint or "")
    assert set(ds.quads()) == before


def test_update_with_allow_update_changes_only_memory(graph_dir: Path, ds) -> None:
    files = {p.name: p.read_bytes() for p in graph_dir.iterdir()}
    assert run_query(ds, ASK_YES).askAnswer is True
    assert run_query(ds, DELETE, allow_update=True) is None
    assert run_query(ds, ASK_YES).askAnswer is False
    assert (
        run_query(
            ds, "INSERT { kmr:kota-medan km:memberOf kmr:uclg-aspac } WHERE { }", allow_update=True
        )
        is None
    )
    assert run_query(ds, "ASK { kmr:kota-medan km:memberOf kmr:uclg-aspac }").askAnswer is True
    # the files were not rewritten
    assert {p.name: p.read_bytes() for p in graph_dir.iterdir()} == files
    assert run_query(load_graph(graph_dir), ASK_YES).askAnswer is True


def test_insert_data_with_allow_update(ds) -> None:
    assert run_query(ds, INSERT, allow_update=True) is None
    assert run_query(ds, "ASK { kmr:kota-medan km:partnersWith kmr:mossel-bay }").askAnswer


def test_update_after_a_comment_is_recognised(ds) -> None:
    with pytest.raises(QueryError) as info:
        run_query(ds, "# remove a partnership\n" + DELETE)
    assert "UPDATE" in str(info.value)


# --- reading the query --------------------------------------------------------------------


def test_read_query_string_and_rq_file(tmp_path: Path, ds) -> None:
    assert read_query(LABELS) == LABELS
    path = tmp_path / "labels.rq"
    path.write_text(LABELS, encoding="utf-8")
    assert read_query(str(path)) == LABELS
    assert select(ds, read_query(str(path))) == EXPECTED_LABELS
    # an existing file with another suffix, named on one line, is read too
    other = tmp_path / "ask.query"
    other.write_text(ASK_YES, encoding="utf-8")
    assert read_query(str(other)) == ASK_YES


def test_read_query_missing_rq_file(tmp_path: Path) -> None:
    with pytest.raises(QueryError) as info:
        read_query(str(tmp_path / "missing.rq"))
    assert "missing.rq" in str(info.value)


def test_shipped_actor_network_query_runs(ds) -> None:
    from graph.resources import ontology_dir

    query = read_query(str(ontology_dir() / "queries" / "actor-network.rq"))
    rows = {(str(r.s), str(r.p), str(r.o), int(r.sources)) for r in run_query(ds, query)}
    assert rows == {
        (str(KMR["kota-medan"]), KM_NS + "partnersWith", str(KMR["gwangju"]), 1),
        (str(KMR["kota-denpasar"]), KM_NS + "partnersWith", str(KMR["mossel-bay"]), 1),
    }
