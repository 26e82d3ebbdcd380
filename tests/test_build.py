"""Tests for graph.pipeline.build: atomic outputs, stable graphs, named graphs and provenance."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

import graph.pipeline.build as build_mod
from graph.files import atomic_write
from graph.pipeline.build import GRAPH_TRIG, GRAPH_TTL, build
from graph.sources.load import load_sources
from graph.sources.text import clean, split_sentences
from graph.sparql.query import run_query

SOURCES_DIR = Path(__file__).resolve().parent.parent / "sources"

KMR = "https://w3id.org/kotamitra/id/"


KEPT = {".cache", ".stores", ".lock"}  # the cache, the store folders, the build lock


def temp_files(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.iterdir()
        if (p.name.startswith(".") and p.name not in {".cache", ".stores", ".lock"})
        or p.suffix == ".tmp"
    ]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every output: a file's bytes; for the store folder, its files' names and bytes.
    The extraction cache (.cache) is no output: a failed build may have filled it."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.name in {".cache", ".lock"}:
            continue
        if p.is_dir():
            out[p.name] = b"".join(
                f.name.encode() + f.read_bytes() for f in sorted(p.rglob("*")) if f.is_file()
            )
        else:
            out[p.name] = p.read_bytes()
    return out


def read_trig(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def named_graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if str(g.identifier).startswith(KMR)}


def union_of(ds: Dataset) -> Graph:
    union = Graph()
    for g in ds.graphs():
        for triple in g:
            union.add(triple)
    return union


def iris(g: Graph) -> set[str]:
    return {str(t) for triple in g for t in triple if isinstance(t, URIRef)}


# --- atomic writes ------------------------------------------------------------------------


def test_atomic_write_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old content\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write("half of the new")  # type: ignore[attr-defined]
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert temp_files(tmp_path) == []
    with atomic_write(target) as fh:
        fh.write("new content\n")  # type: ignore[attr-defined]
    assert target.read_text(encoding="utf-8") == "new content\n"
    assert temp_files(tmp_path) == []


def test_atomic_write_creates_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "metrics.csv"
    build_mod.write_text(target, "x\n")
    assert target.read_text(encoding="utf-8") == "x\n"


@pytest.fixture
def previous_build(tmp_sources: Path, tmp_path: Path) -> Path:
    """An output folder holding the result of an earlier, successful build."""
    out = tmp_path / "out"
    build([tmp_sources / "medan-gwangju.md"], out, with_metrics=False, with_viz=False)
    assert (out / GRAPH_TTL).stat().st_size > 0
    return out


def test_build_failing_before_writing_leaves_outputs_intact(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(previous_build)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated failure while making the dataset")

    monkeypatch.setattr(build_mod, "build_graph", boom)
    with pytest.raises(RuntimeError, match="simulated failure"):
        build([tmp_sources], previous_build, with_metrics=False, with_viz=False)
    assert snapshot(previous_build) == before
    assert temp_files(previous_build) == []


def test_build_failing_in_union_serialisation_leaves_outputs_intact(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph as ox

    import graph.rdf.write

    before = snapshot(previous_build)
    real = ox.serialize

    def serialize(data, output, fmt, **kwargs):  # type: ignore[no-untyped-def]
        if fmt == ox.RdfFormat.TURTLE:
            raise OSError(28, "No space left on device")
        return real(data, output, fmt, **kwargs)

    monkeypatch.setattr(graph.rdf.write.ox, "serialize", serialize)
    with pytest.raises(OSError, match="No space left"):
        build([tmp_sources], previous_build, with_metrics=False, with_viz=False)
    assert snapshot(previous_build) == before
    assert temp_files(previous_build) == []


def test_build_failing_while_writing_a_file_leaves_no_partial_file(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyoxigraph as ox

    import graph.rdf.write

    before = snapshot(previous_build)
    real = ox.serialize

    def serialize(data, output, fmt, **kwargs):  # type: ignore[no-untyped-def]
        if fmt == ox.RdfFormat.TURTLE:
            output.write(real(data, None, fmt, **kwargs)[:100])  # half written, then full
            raise OSError(28, "No space left on device")
        return real(data, output, fmt, **kwargs)

    monkeypatch.setattr(graph.rdf.write.ox, "serialize", serialize)
    with pytest.raises(OSError):
        build([tmp_sources], previous_build, with_metrics=False, with_viz=False)
    # graph.ttl is the old one, whole; no temporary file is left behind
    assert (previous_build / GRAPH_TTL).read_bytes() == before[GRAPH_TTL]
    assert temp_files(previous_build) == []


def test_build_failing_in_a_later_stage_leaves_graph_files_intact(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.network

    before = snapshot(previous_build)

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated failure in metrics")

    monkeypatch.setattr(graph.network, "compute_metrics", boom)
    with pytest.raises(RuntimeError, match="simulated failure in metrics"):
        build([tmp_sources], previous_build, with_metrics=True, with_viz=False)
    # the new graph files were not moved over the previous ones
    assert snapshot(previous_build) == before
    assert temp_files(previous_build) == []


def test_build_failing_in_the_viz_process_leaves_outputs_intact(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.viz.page

    before = snapshot(previous_build)

    def boom(*args: object, **kwargs: object) -> None:
        raise ValueError("simulated failure in the page")

    monkeypatch.setattr(graph.viz.page, "render_html", boom)
    with pytest.raises(RuntimeError, match="viz stage failed: ValueError: simulated failure"):
        build([tmp_sources], previous_build, with_metrics=False, with_viz=True)
    assert snapshot(previous_build) == before
    assert temp_files(previous_build) == []


def test_failure_elsewhere_stops_the_viz_process(
    previous_build: Path, tmp_sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graph.network
    import graph.viz.page

    before = snapshot(previous_build)
    real = graph.viz.page.render_html

    def slow(*args: object, **kwargs: object) -> Path:
        time.sleep(3)  # still running when the metrics fail
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated failure in metrics")

    monkeypatch.setattr(graph.viz.page, "render_html", slow)
    monkeypatch.setattr(graph.network, "compute_metrics", boom)
    with pytest.raises(RuntimeError, match="simulated failure in metrics"):
        build([tmp_sources], previous_build, with_metrics=True, with_viz=True)
    time.sleep(3.5)  # a child left running would now write its page into the folder
    assert snapshot(previous_build) == before
    assert temp_files(previous_build) == []


# --- the build of the repository's sources ------------------------------------------------


def test_sources_build_report(sources_build) -> None:
    report, out = sources_build
    loaded = load_sources([SOURCES_DIR])
    assert not report.problems, report.problems
    assert report.documents == len(loaded.documents) > 0
    assert report.facts > 0
    assert {p.name for p in report.written} == {
        GRAPH_TRIG,
        GRAPH_TTL,
        "graph.nq",
        "void.ttl",
        "entailments.trig",
        "store",
    }
    assert report.triples == len(Graph().parse(out / GRAPH_TTL, format="turtle"))


def test_two_builds_are_isomorphic_with_identical_iris(sources_build, tmp_path: Path) -> None:
    _, first = sources_build
    second = tmp_path / "again"
    build([SOURCES_DIR], second, with_metrics=False, with_viz=False)
    a, b = union_of(read_trig(first / GRAPH_TRIG)), union_of(read_trig(second / GRAPH_TRIG))
    assert len(a) > 0
    assert iris(a) == iris(b)
    assert isomorphic(a, b)
    assert set(named_graphs(read_trig(first / GRAPH_TRIG))) == set(
        named_graphs(read_trig(second / GRAPH_TRIG))
    )


def test_graph_ttl_is_the_union_of_graph_trig(sources_build) -> None:
    _, out = sources_build
    ttl = Graph().parse(out / GRAPH_TTL, format="turtle")
    assert isomorphic(ttl, union_of(read_trig(out / GRAPH_TRIG)))


def test_one_named_graph_per_document(sources_build) -> None:
    _, out = sources_build
    docs = load_sources([SOURCES_DIR]).documents
    graphs = named_graphs(read_trig(out / GRAPH_TRIG))
    assert sorted(graphs) == sorted(f"{KMR}graph/{d.doc_id}" for d in docs)
    for iri, g in graphs.items():
        slug = iri.rsplit("/", 1)[-1]
        # each named graph describes its own document (an article, or a table of
        # reference data as a schema:Dataset), and only that one
        articles = run_query(
            g, "SELECT ?d WHERE { { ?d a schema:NewsArticle } UNION { ?d a schema:Dataset } }"
        )
        assert [str(r.d) for r in articles] == [f"{KMR}doc/{slug}"]


def test_documents_are_described(sources_build) -> None:
    _, out = sources_build
    g = Graph().parse(out / GRAPH_TTL, format="turtle")
    docs = load_sources([SOURCES_DIR]).documents
    tables = [d for d in docs if d.kind == "table"]
    for d in tables:  # reference data: a dataset, not an article
        found = run_query(g, f"ASK {{ <{KMR}doc/{d.doc_id}> a schema:Dataset ; schema:url ?u }}")
        assert found.askAnswer, d.path
    for d in docs:
        if d.kind == "table":
            continue
        rows = list(
            run_query(
                g,
                "SELECT ?url ?headline ?date ?name ?lang ?file WHERE { ?doc a schema:NewsArticle, "
                "prov:Entity ; schema:url ?url ; schema:headline ?headline ; "
                "schema:datePublished ?date ; schema:publisher/schema:name ?name ; "
                "schema:inLanguage ?lang ; km:sourceFile ?file . "
                f"FILTER(?doc = <{KMR}doc/{d.doc_id}>) }}",
            )
        )
        assert len(rows) == 1, d.path
        row = rows[0]
        assert str(row.url) == d.url
        assert str(row.headline) == d.title
        assert str(row.date) == d.published
        assert str(row.name) == d.publisher
        assert str(row.lang) == d.language
        assert str(row.file) == d.path


DIRECT = [
    "partnersWith",
    "participatesIn",
    "organizedBy",
    "fundedBy",
    "sendsDelegationTo",
    "memberOf",
    "headOf",
    "deputyHeadOf",
    "implementsPolicy",
    "initiatedBy",
]
# nodes whose km:organizedBy, km:fundedBy, km:initiatedBy are attributes, not direct facts
NARY = [
    "Participation",
    "Partnership",
    "Activity",
    "Training",
    "Visit",
    "Meeting",
    "Signing",
    "Exchange",
    # one source's report of a qualified node or activity (the resolved layer merges them)
    "ParticipationReport",
    "PartnershipReport",
    "ActivityReport",
    "AgreementReport",
    "Agreement",
]


def statements(g: Graph) -> set[tuple[str, str, str]]:
    rows = run_query(
        g,
        "SELECT ?s ?p ?o WHERE { ?st a km:Statement ; rdf:subject ?s ; rdf:predicate ?p ; "
        "rdf:object ?o }",
    )
    return {(str(r.s), str(r.p), str(r.o)) for r in rows}


def direct_facts(g: Graph) -> set[tuple[str, str, str]]:
    km = "https://w3id.org/kotamitra/ontology#"
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    nary = {URIRef(km + c) for c in NARY}
    facts = set()
    for name in DIRECT:
        for s, p, o in g.triples((None, URIRef(km + name), None)):
            if not set(g.objects(s, rdf_type)) & nary:
                facts.add((str(s), str(p), str(o)))
    return facts


def test_every_statement_has_evidence(sources_build) -> None:
    _, out = sources_build
    g = Graph().parse(out / GRAPH_TTL, format="turtle")
    every = {str(r.st) for r in run_query(g, "SELECT DISTINCT ?st WHERE { ?st a km:Statement }")}
    assert every
    # (the checks on each evidence node are done in Python: rdflib's join order makes the
    # single SPARQL pattern for all of them take seconds)
    evidence = run_query(
        g,
        "SELECT ?st ?ev ?evType ?text ?i ?doc ?docType WHERE { ?st a km:Statement ; "
        "km:evidence ?ev . ?ev a ?evType ; km:text ?text ; km:sentenceIndex ?i ; "
        "prov:wasQuotedFrom ?doc . OPTIONAL { ?doc a ?docType } }",
    )
    with_evidence = {
        str(r.st)
        for r in evidence
        if str(r.evType).endswith("#Evidence")
        and str(r.text).strip()
        and str(r.docType) in {"https://schema.org/NewsArticle", "https://schema.org/Dataset"}
    }
    assert every == with_evidence
    # the fact a statement describes is asserted in the graph, and every fact has one
    assert statements(g) == direct_facts(g)


def test_evidence_lives_in_the_graph_of_its_document(sources_build) -> None:
    _, out = sources_build
    for iri, g in named_graphs(read_trig(out / GRAPH_TRIG)).items():
        slug = iri.rsplit("/", 1)[-1]
        quoted = {
            str(r.doc)
            for r in run_query(g, "SELECT DISTINCT ?doc WHERE { ?e prov:wasQuotedFrom ?doc }")
        }
        assert quoted <= {f"{KMR}doc/{slug}"}, iri
        # every direct fact in a document's graph has its statement in the same graph
        assert statements(g) == direct_facts(g), iri


def test_evidence_text_is_the_sentence_of_the_document(sources_build) -> None:
    _, out = sources_build
    g = Graph().parse(out / GRAPH_TTL, format="turtle")
    docs = {f"{KMR}doc/{d.doc_id}": d for d in load_sources([SOURCES_DIR]).documents}
    rows = list(
        run_query(
            g,
            "SELECT ?text ?i ?doc WHERE { ?ev a km:Evidence ; km:text ?text ; "
            "km:sentenceIndex ?i ; prov:wasQuotedFrom ?doc }",
        )
    )
    assert rows
    for text, index, doc in rows:
        d = docs[str(doc)]
        if d.kind == "table":  # a row of reference data: the row as it is in the file
            assert d.text.splitlines()[int(index)] == str(text), (d.path, int(index))
            continue
        sentences = split_sentences(clean(d.text))
        assert sentences[int(index)].text == str(text), (d.path, int(index))
        assert text.language == d.language


def test_outputs_are_readable_as_plain_files_are(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "x.ttl") as fh:
            fh.write("x")  # type: ignore[attr-defined]
    finally:
        os.umask(old)
    assert (tmp_path / "x.ttl").stat().st_mode & 0o777 == 0o644
