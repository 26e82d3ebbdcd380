"""The resolved layer: one partnership per pair, one event per real occurrence, agreements
and lifecycles, the national reference network, and wikidata-diff. Texts are written for
these tests; none is copied from the sources."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.extract.agreements import expiry, extract_agreements, kind_of, validity
from graph.model import Activity, Document, Evidence, Extraction, Qualified
from graph.pipeline.build import build
from graph.pipeline.parallel import extract_document
from graph.resolve.events import resolve_events, same_event
from graph.resolve.layer import resolve_layer
from graph.resolve.model import NEWS, Reported, Source
from graph.sparql.store import open_store, run
from graph.sparql.wikidata import p190_pairs, wikidata_diff

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"
SCP = "singapore-cooperation-programme"


def report(doc: str, act: Activity, published: str = "2019-02-17") -> Reported[Activity]:
    return Reported(Source(doc, NEWS, published), act)


def training(start: str, end: str | None = None, **kw: object) -> Activity:
    values: dict = {"participants": ["kota-jambi"], "part_of": SCP, "participant_count": 25}
    values.update(kw)
    return Activity(type="Training", start=start, end=end, evidence=[Evidence("x", 0)], **values)


# --- events -------------------------------------------------------------------------------------


def test_send_off_and_the_training_it_starts_are_one_event() -> None:
    send_off = training("2019-02-15", theme="pelepasan peserta", location="singapore")
    course = training("2019-02-17", "2019-02-23", theme="Smart City")
    assert same_event(send_off, course)
    events = resolve_events([report("a", send_off), report("b", course)])
    assert len(events) == 1
    ev = events[0]
    # the most detailed report gives the dates; every source is kept
    assert (ev.activity.start, ev.activity.end) == ("2019-02-17", "2019-02-23")
    assert {s.doc_id for s in ev.sources} == {"a", "b"}


def test_different_trainings_stay_apart() -> None:
    march = training("2023-03-23", "2023-03-31", theme="Public Service")
    may = training("2023-05-15", "2023-05-19", theme="Water Management")
    same_days_other_theme = training("2023-03-23", "2023-03-31", theme="Water Management")
    other_city = training("2023-03-23", "2023-03-31", theme="Public Service")
    other_city.participants = ["kota-medan"]
    assert not same_event(march, may)
    assert not same_event(march, same_days_other_theme)
    assert not same_event(march, other_city)
    assert len(resolve_events([report(str(i), a) for i, a in enumerate([march, may])])) == 2


def test_a_month_mention_joins_the_dated_report_and_disagreement_is_kept() -> None:
    month = training(
        "2023-03", theme="pelatihan Public Service", part_of=None, participant_count=30
    )
    dated = training("2023-03-23", "2023-03-31", theme="Public Service")
    [ev] = resolve_events([report("a", month, "2023-05-15"), report("b", dated, "2023-03-23")])
    assert ev.activity.participant_count == 25  # from the most detailed report
    choice = next(c for c in ev.choices if c.prop == "participantCount")
    assert {v.value: v.sources for v in choice.values} == {"30": ["a"], "25": ["b"]}


def test_a_year_alone_does_not_merge_unrelated_visits() -> None:
    a = Activity(type="Visit", start="2016", participants=["kota-bandung"], theme="budaya")
    b = Activity(type="Visit", start="2016-05-02", participants=["kota-bandung"])
    assert not same_event(a, b)


def extraction(doc_id: str, acts: list[Activity], qualified: list[Qualified] = ()) -> Extraction:
    doc = Document(doc_id, "", f"{doc_id}.md", published="2023-05-15", language="id")
    return Extraction(document=doc, activities=list(acts), qualified=list(qualified))


def test_one_more_report_adds_a_source_not_an_event() -> None:
    base = [
        extraction("one", [training("2023-05-15", "2023-05-19", theme="Water Management")]),
        extraction("two", [training("2024-07-01", "2024-07-05", theme="Innovation")]),
    ]
    before = resolve_layer(base)
    again = extraction("three", [training("2023-05-12", theme="Water Management")])
    after = resolve_layer([*base, again])
    assert len(after.events) == len(before.events) == 2
    first = next(e for e in after.events if e.activity.start == "2023-05-15")
    assert {s.doc_id for s in first.sources} == {"one", "three"}


def test_one_partnership_per_pair_with_status_and_since_from_all_sources() -> None:
    q1 = Qualified("Partnership", ("kota-bandung", "namur"), since="2017", evidence=[])
    q2 = Qualified("Partnership", ("namur", "kota-bandung"), since="2016", evidence=[])
    q3 = Qualified("Partnership", ("kota-makassar", "taipei"), status="explored", evidence=[])
    layer = resolve_layer([extraction("a", [], [q1, q3]), extraction("b", [], [q2])])
    pairs = [(p.a, p.b) for p in layer.partnerships]
    assert sorted(pairs) == [("kota-bandung", "namur"), ("kota-makassar", "taipei")]
    namur = layer.partnerships[0]
    assert namur.since == "2016"
    since = next(c for c in namur.choices if c.prop == "since")
    assert {v.value for v in since.values} == {"2016", "2017"}  # the other value kept
    assert layer.partnerships[1].status == "explored"


# --- agreements ---------------------------------------------------------------------------------


def test_agreement_kind_and_validity() -> None:
    assert kind_of("Kedua kota memperpanjang nota kesepahaman sister city.") == "renewal"
    assert kind_of("The two cities signed a letter of intent.") == "LoI"
    assert kind_of("Perjanjian kerja sama (PKS) bidang pariwisata diteken.") == "PKS"
    assert kind_of("Hujan turun sepanjang hari.") is None
    assert validity("Nota kesepahaman ini berlaku selama tiga tahun.") == (3, None)
    assert validity("The memorandum is valid until 2027.") == (None, "2027")


def test_agreement_extracted_with_parties_signatories_and_end_date() -> None:
    text = (
        "Pemerintah Kota Denpasar menjalin kerja sama sister city dengan Kota Mossel Bay, "
        "Afrika Selatan. Nota kesepahaman (MoU) kedua kota ditandatangani pada Senin "
        "(4/3/2024) di Denpasar dan berlaku lima tahun. Penandatanganan dilakukan oleh Wali "
        "Kota Denpasar I Gusti Ngurah Jaya Negara dan Wali Kota Mossel Bay Dirk Kotze. "
        "Kerja sama itu meliputi bidang pariwisata dan pendidikan."
    )
    doc = Document("t", text, "t.md", published="2024-03-05", language="id")
    ex = extract_document(doc)
    [ag] = ex.agreements
    assert ag.kind == "MoU"
    assert ag.parties == ["kota-denpasar", "mossel-bay"]
    assert ag.signed == "2024-03-04"
    assert ag.valid_years == 5 and ag.valid_until == "2029-03-04"
    assert {"tourism", "education"} <= set(ag.themes)
    assert len(ag.signatories) == 2
    assert extract_agreements(Document("u", "Hujan deras.", "u.md"), Extraction(doc)) == []


def test_a_stated_expiry_ends_the_lifecycle_in_both_languages() -> None:
    cases = [
        (
            "Pemerintah Kota Padang menjalin kerja sama sister city dengan Kota Hildesheim, "
            "Jerman. Nota kesepahaman (MoU) kedua kota ditandatangani pada 12 Mei 2014. "
            "Masa berlakunya telah habis pada 2019 dan belum dibahas lagi.",
            "id",
            "2019",
        ),
        (
            "Padang City has a sister city partnership with Hildesheim, Germany. The two "
            "mayors signed a memorandum of understanding on 12 May 2014. The memorandum "
            "lapsed last November.",
            "en",
            "2022-11",
        ),
    ]
    for text, lang, ended in cases:
        doc = Document("t", text, "t.md", published="2023-03-10", language=lang)
        ex = extract_document(doc)
        [ag] = ex.agreements
        assert (ag.kind, ag.signed, ag.expired, ag.expired_on) == ("MoU", "2014-05-12", True, ended)
        layer = resolve_layer([ex])
        [p] = layer.partnerships
        assert [(s.stage, s.date) for s in p.stages] == [
            ("signed", "2014-05-12"),
            ("expired", ended),
        ]
        assert p.stage == "expired"


def test_an_expiry_told_with_a_renewal_ends_the_agreement_before_it() -> None:
    first = Document(
        "a",
        "Padang City and Hildesheim, Germany, became sister cities when the two mayors "
        "signed a memorandum of understanding on 12 May 2014.",
        "a.md",
        published="2014-05-13",
        language="en",
    )
    second = Document(
        "b",
        "The city governments of Padang and Hildesheim in Germany have signed a new "
        "memorandum of understanding on sister city cooperation, dated 20 January 2023.\n"
        "The new agreement extends the earlier memorandum, which had expired the "
        "previous November.",
        "b.md",
        published="2023-01-21",
        language="en",
    )
    layer = resolve_layer([extract_document(first), extract_document(second)])
    [p] = layer.partnerships
    steps = [(s.stage, s.date) for s in p.stages]
    assert steps == [("signed", "2014-05-12"), ("expired", "2022-11"), ("renewed", "2023-01-20")]
    expired = next(s for s in p.stages if s.stage == "expired")
    mou = next(ag for ag in p.agreements if ag.agreement.kind == "MoU")
    assert expired.agreement == mou.key and expired.basis.startswith("MoU")
    assert p.stage == "renewed"


def test_a_denied_expiry_or_renewal_is_not_one() -> None:
    for text in (
        "Masa berlaku nota kesepahaman itu belum berakhir.",
        "The memorandum has not expired yet.",
        "The memorandum has not yet expired.",
    ):
        assert expiry(text) == (False, None), text
    # "tidak diperpanjang" ends an MoU; it is no renewal
    assert kind_of("MoU kota kembar itu tidak diperpanjang.") == "MoU"
    assert expiry("MoU kota kembar itu tidak diperpanjang.") == (True, None)
    assert kind_of("MoU kota kembar itu diperpanjang lima tahun.") == "renewal"


# --- the shipped sources ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    out = tmp_path_factory.mktemp("resolve-build")
    build([SOURCES], out, with_metrics=False, with_viz=False)
    return open_store(out)


def select(store: ox.Store, query: str, **params: str) -> list[dict[str, str]]:
    result = run(store, query, params)
    names = [v.value for v in result.variables]  # type: ignore[union-attr]
    return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]  # type: ignore[union-attr]


def test_no_two_partnership_nodes_share_a_pair(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT ?a ?b WHERE { ?p a km:Partnership ; km:partner ?a , ?b . "
        "?q a km:Partnership ; km:partner ?a , ?b . FILTER(?p != ?q && ?a != ?b) }",
    )
    assert rows == []
    assert select(store, "SELECT ?p WHERE { ?p a km:Partnership }")


def test_events_count_once_where_reports_count_twice(store: ox.Store) -> None:
    q = """SELECT (SUM(?n) AS ?people) (COUNT(?e) AS ?events) WHERE {
      ?e a ?t ; km:partOf kmr:singapore-cooperation-programme ;
         km:participant kmr:kota-jambi ; km:participantCount ?n . FILTER(?t = km:Training) }"""
    events = select(store, q)[0]
    reports = select(
        store,
        """SELECT (COUNT(?r) AS ?reports) WHERE {
          ?e a km:Training ; km:partOf kmr:singapore-cooperation-programme ;
             km:participant kmr:kota-jambi ; km:participantCount ?n ; km:report ?r }""",
    )[0]
    assert int(events["events"]) < int(reports["reports"])
    # a query that forgets the type still counts events: reports carry no count
    untyped = select(
        store,
        "SELECT (SUM(?n) AS ?people) WHERE { ?e km:partOf kmr:singapore-cooperation-programme ; "
        "km:participant kmr:kota-jambi ; km:participantCount ?n }",
    )[0]
    assert untyped["people"] == events["people"]
    feb = select(
        store,
        "SELECT ?n ?sources WHERE { ?e a km:Training ; km:participant kmr:kota-jambi ; "
        "km:startDate ?d ; km:participantCount ?n ; km:sourceCount ?sources . "
        'FILTER(STRSTARTS(STR(?d), "2019-02")) }',
    )
    assert feb == [{"n": "25", "sources": "2"}]


def test_trainings_query_has_no_blank_rows(store: ox.Store) -> None:
    text = (REPO / "ontology" / "queries" / "trainings.rq").read_text(encoding="utf-8")
    rows = select(store, text)
    assert rows and all(r.get("start") or r.get("theme") for r in rows)


def test_denpasar_mossel_bay_history_signing_then_renewal(store: ox.Store) -> None:
    text = (REPO / "ontology" / "queries" / "partnership-history.rq").read_text(encoding="utf-8")
    rows = select(store, text, a="kota-denpasar", b="mossel-bay")
    stages = [(r["stage"], r.get("date")) for r in rows if r["stage"] != "activity"]
    names = [s for s, _ in stages]
    assert names.index("signed") < names.index("renewed")
    signed = dict(stages)["signed"]
    assert signed and dict(stages)["renewed"] > signed


def test_dormant_years_is_an_option_of_the_build(store: ox.Store, tmp_path: Path) -> None:
    stage = "SELECT ?now WHERE { kmr:partnership\\/busan--kota-surabaya km:lifecycleStage ?now }"
    # the sources report the Surabaya–Busan tie last in March 2019; their latest news is of 2024
    assert select(store, stage) == [{"now": "signed"}]
    out = tmp_path / "out"
    args = ["build", str(SOURCES), "-o", str(out), "--dormant-years", "2", "--no-viz"]
    result = CliRunner().invoke(main, [*args, "--no-metrics", "-q"])
    assert result.exit_code == 0, result.output
    shorter = open_store(out)
    assert select(shorter, stage) == [{"now": "dormant"}]
    years = "SELECT ?n WHERE { kmr:build km:dormantAfterYears ?n }"
    assert select(shorter, years) == [{"n": "2"}]
    assert select(store, years) == [{"n": "5"}]
    refused = CliRunner().invoke(main, [*args[:-2], "--dormant-years", "0"])
    assert refused.exit_code == 2 and "--dormant-years" in refused.output


def test_reference_network_on_the_same_nodes_as_the_news(store: ox.Store) -> None:
    rows = select(
        store,
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a km:Partnership ; km:sourceKind "
        '"reference" ; km:partner ?lg . ?lg km:kemendagriCode ?c }',
    )
    table = SOURCES / "reference" / "wikidata-p190-indonesia.tsv"
    assert int(rows[0]["n"]) == len(table.read_text(encoding="utf-8").splitlines()) - 1 >= 90
    for city in ("Surabaya", "Bandung"):
        nodes = select(
            store,
            "SELECT DISTINCT ?x WHERE { ?x a km:CityGovernment ; rdfs:label ?l "
            f'FILTER(STR(?l) = "Kota {city}") }}',
        )
        assert len(nodes) == 1
    both = select(
        store,
        'SELECT ?p WHERE { ?p a km:Partnership ; km:provenance "both" ; '
        "km:partner kmr:kota-surabaya , kmr:busan }",
    )
    assert len(both) == 1


def test_a_wikidata_only_pair_has_reference_provenance_and_no_news_evidence(
    store: ox.Store,
) -> None:
    rows = select(
        store,
        'SELECT ?p WHERE { ?p a km:Partnership ; km:provenance "reference" ; '
        "km:partner kmr:provinsi-dki-jakarta }",
    )
    assert rows
    p = rows[0]["p"]
    news = select(
        store,
        f"SELECT ?ev WHERE {{ <{p}> km:evidence ?ev . ?ev prov:wasQuotedFrom ?d . "
        "?d a schema:NewsArticle }",
    )
    assert news == []
    ref = select(store, f"SELECT ?d WHERE {{ <{p}> km:source ?d . ?d a schema:Dataset }}")
    assert len(ref) == 1


def test_rebuild_with_a_re_report_changes_sources_not_events(tmp_path: Path) -> None:
    src = tmp_path / "sources"
    shutil.copytree(SOURCES, src)
    out1, out2 = tmp_path / "one", tmp_path / "two"
    build([src], out1, with_metrics=False, with_viz=False)
    count = "SELECT (COUNT(?e) AS ?n) WHERE { ?e a km:Training }"
    water = (
        'SELECT ?e ?s WHERE { ?e a km:Training ; km:theme "Water Management" ; km:sourceCount ?s }'
    )
    first = open_store(out1)
    before, water_before = select(first, count), select(first, water)
    del first
    (src / "test-2023-05-water-again.md").write_text(
        "---\ntitle: Jambi sends staff to Singapore\npublished: 2023-05-20\nlanguage: en\n---\n"
        "The Jambi City Government sent 25 civil servants to Singapore for the Water "
        "Management training of the Singapore Cooperation Programme (SCP) from 15 to 19 May "
        "2023.\n",
        encoding="utf-8",
    )
    build([src], out2, with_metrics=False, with_viz=False)
    second = open_store(out2)
    assert select(second, count) == before
    [after] = select(second, water)
    assert int(after["s"]) == int(water_before[0]["s"]) + 1


# --- wikidata-diff ------------------------------------------------------------------------------

QS_VALUE = {
    "S854": re.compile(r'^"https?://[^"\s]+"$'),
    "S1476": re.compile(r'^[a-z]{2,3}:"[^"\t\n]+"$'),
    "S577": re.compile(r"^\+\d{4}-\d{2}-\d{2}T00:00:00Z/(9|10|11)$"),
    "S813": re.compile(r"^\+\d{4}-\d{2}-\d{2}T00:00:00Z/11$"),
}


def check_quickstatements(line: str) -> None:
    """The QuickStatements V1 rules for one statement with one reference: item, P190,
    item, then source-property / value pairs, tab-separated, no empty field."""
    cells = line.split("\t")
    assert re.fullmatch(r"Q[1-9]\d*", cells[0]) and cells[1] == "P190"
    assert re.fullmatch(r"Q[1-9]\d*", cells[2]) and cells[0] != cells[2]
    pairs = cells[3:]
    assert len(pairs) % 2 == 0 and pairs
    props = pairs[0::2]
    assert props[0] == "S854" and "S813" in props and len(set(props)) == len(props)
    for prop, value in zip(props, pairs[1::2], strict=True):
        assert QS_VALUE[prop].match(value), (prop, value)


def test_wikidata_diff_writes_quickstatements_for_news_pairs_wikidata_lacks(
    tmp_path: Path,
) -> None:
    src = tmp_path / "sources"
    (src / "reference").mkdir(parents=True)
    shutil.copy(SOURCES / "reference" / "wikidata-p190-indonesia.tsv", src / "reference")
    (src / "denpasar-busan.md").write_text(
        '---\ntitle: "Denpasar dan Busan teken MoU kota kembar"\n'
        "url: https://example.org/berita/denpasar-busan\npublished: 2021-06-10\n"
        "language: id\n---\n"
        "Pemerintah Kota Denpasar dan Kota Busan, Korea Selatan, menandatangani nota "
        "kesepahaman sister city pada Rabu (9/6/2021). Kerja sama sister city Denpasar dan "
        "Busan meliputi bidang pariwisata.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build([src], out, with_metrics=False, with_viz=False)
    diff = wikidata_diff(open_store(out), retrieved=dt.date(2025, 1, 2))
    missing = {(p.a, p.b) for p in diff.missing}
    assert ("busan", "kota-denpasar") in missing
    assert diff.quickstatements
    for line in diff.quickstatements:
        check_quickstatements(line)
    # both ways, with the article's date and the retrieval date
    subjects = {line.split("\t")[0] for line in diff.quickstatements}
    assert len(subjects) == 2
    assert all("+2021-06-10T00:00:00Z/11" in line for line in diff.quickstatements)
    assert all("S813\t+2025-01-02T00:00:00Z/11" in line for line in diff.quickstatements)
    # Wikidata pairs no news supports: the table's pairs, Denpasar-Busan not among them
    assert (
        len(diff.unsupported)
        == len((src / "reference" / "wikidata-p190-indonesia.tsv").read_text().splitlines()) - 1
    )

    # a fresh P190 export that has the pair: nothing is missing any more
    export = tmp_path / "query.csv"
    qids = diff.missing[0].qid_a, diff.missing[0].qid_b
    export.write_text(
        "item,itemLabel,partner\n"
        f"http://www.wikidata.org/entity/{qids[0]},X,http://www.wikidata.org/entity/{qids[1]}\n",
        encoding="utf-8",
    )
    assert p190_pairs(export) == {frozenset(qids)}
    again = wikidata_diff(open_store(out), export)
    assert again.missing == [] and again.quickstatements == []

    result = CliRunner().invoke(main, ["wikidata-diff", "--graph", str(out)])
    assert result.exit_code == 0, result.output
    assert "P190" in result.output and "no news source supports" in result.output
    bad = tmp_path / "empty.tsv"
    bad.write_text("nothing here\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["wikidata-diff", "--graph", str(out), "--p190", str(bad)])
    assert result.exit_code != 0 and "no pair of Wikidata ids" in result.output


# --- claims -------------------------------------------------------------------------------------


def test_claims_compare_the_same_quantity_only() -> None:
    from graph.sparql.claims import about_words, is_time_unit

    assert is_time_unit("years") and is_time_unit("tahun") and not is_time_unit("people")
    concerns = ["kota-jambi"]
    # "25 ASN ... pelatihan" and "25 civil servants ... training": one quantity
    assert about_words("ASN Pemkot Jambi mengikuti pelatihan", concerns) & about_words(
        "civil servants of Jambi to a training", concerns
    )
    # the city's name alone does not make two counts the same quantity
    assert not about_words("pelajar Kota Jambi", concerns) & about_words(
        "proyek di Jambi", concerns
    )


def test_two_articles_on_one_signing_date_give_the_partnership_its_start() -> None:
    # no article states a start year: the partnership starts at its MoU, which two
    # articles report signed the same day (their sources must not be compared)
    from graph.model import Agreement

    exs = []
    for doc in ("b", "a"):
        ex = Extraction(document=Document(doc, "t", f"{doc}.txt", published="2019-11-28"))
        ex.agreements.append(Agreement("MoU", ["kota-denpasar", "mossel-bay"], signed="2019-11-27"))
        exs.append(ex)
    layer = resolve_layer(exs)
    pair = next(p for p in layer.partnerships if {p.a, p.b} == {"kota-denpasar", "mossel-bay"})
    assert pair.since == "2019-11-27"


def _build_article(tmp_path: Path, title: str, published: str, body: str) -> Path:
    """Build one news article of our own (front matter and body) without metrics or
    visualisation; returns the output folder."""
    src = tmp_path / "sources"
    src.mkdir()
    (src / "article.md").write_text(
        f"---\ntitle: {title}\npublished: {published}\nlanguage: id\n---\n{body}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build([src], out, with_metrics=False, with_viz=False)
    return out


@pytest.mark.parametrize(
    ("title", "published", "text", "query", "expected"),
    [
        pytest.param(
            "Riau usulkan sister city",
            "2019-11-03",
            "Gubernur Riau Syamsuar mengusulkan pembangunan sister city kepada Wakil Menteri "
            "Luar Negeri Malaysia dalam pertemuan di Pekanbaru pada 2 November 2019.",
            "SELECT ?status ?who WHERE { ?p a km:Partnership ; km:status ?status ; "
            "km:initiatedBy ?who }",
            [{"status": "planned", "who": "https://w3id.org/kotamitra/id/syamsuar"}],
            id="the proposer of a planned partnership is on its resolved node",
        ),
        pytest.param(
            "ASN Medan ke Gwangju",
            "2024-05-04",
            "Sebanyak 20 ASN Pemkot Medan bertolak ke Kota Gwangju untuk mengikuti pelatihan "
            "tata kota pada 3 Mei 2024. Rombongan dipimpin Kepala Dinas Pendidikan Kota Medan, "
            "Rudi Hartono, dan terbang melalui Jakarta.",
            "SELECT ?who ?name WHERE { ?e a km:Training ; km:ledBy ?who . ?who a km:Person ; "
            "rdfs:label ?name }",
            [{"who": "https://w3id.org/kotamitra/id/rudi-hartono", "name": "Rudi Hartono"}],
            id="who led a delegation is on the resolved event",
        ),
        pytest.param(
            "Kota Tarakan dan jaringan kota",
            "2024-02-12",
            "Pemerintah Kota Tarakan bergabung dengan CityNet pada tahun 2011 dan menjadi "
            "anggota ICLEI sejak 2016.",
            "SELECT ?body ?since WHERE { ?m a km:Membership ; km:member kmr:kota-tarakan ; "
            "km:organization ?body ; km:since ?since } ORDER BY ?body",
            [
                {"body": "https://w3id.org/kotamitra/id/citynet", "since": "2011"},
                {"body": "https://w3id.org/kotamitra/id/iclei", "since": "2016"},
            ],
            id="the year a government joined a body is on its km:Membership",
        ),
    ],
)
def test_resolved_nodes_carry_the_article_facts_and_conform(
    tmp_path: Path, title: str, published: str, text: str, query: str, expected: list[dict]
) -> None:
    """km:initiatedBy on the km:Partnership, km:ledBy (a km:Person) on the event node, and
    the graph still conforms to the shapes."""
    from graph.rdf.validate import validate_graph

    out = _build_article(tmp_path, title, published, text)
    assert select(open_store(out), query) == expected
    assert validate_graph(out / "graph.ttl").conforms


def test_a_membership_without_its_organisation_breaks_the_shapes(tmp_path: Path) -> None:
    from rdflib import Graph

    from graph.rdf.validate import validate
    from graph.vocab import KM

    out = _build_article(
        tmp_path, "Tarakan", "2024-02-12", "Pemkot Tarakan menjadi anggota ICLEI sejak 2016."
    )
    g = Graph().parse(out / "graph.ttl")
    assert validate(g).conforms
    g.remove((None, KM.organization, None))
    report = validate(g)
    assert not report.conforms
    assert any("km:organization" in v.message for v in report.violations)


# --- people across documents -------------------------------------------------------------------


def _heads(texts: list[str]) -> set[tuple[str, str]]:
    from graph.extract import extract
    from graph.resolve import resolve

    docs = [Document(f"d{i}", t, f"d{i}.txt", language="id") for i, t in enumerate(texts)]
    exs = resolve([extract(d) for d in docs])
    return {(f.subject, f.object) for ex in exs for f in ex.facts if f.predicate == "headOf"}


def test_a_head_named_in_full_in_one_article_and_shorter_in_another_is_one_person() -> None:
    heads = _heads(
        [
            "Wali Kota Medan Bobby Afif Nasution menerima delegasi Kota Gwangju.",
            "Wali Kota Medan Bobby Nasution menerima kunjungan Konsul Jenderal Jepang di Medan.",
        ]
    )
    assert heads == {("bobby-afif-nasution", "kota-medan")}


def test_two_people_sharing_words_of_their_names_stay_two_unless_they_head_one_government() -> None:
    heads = _heads(
        [
            "Wali Kota Medan Bobby Afif Nasution menerima delegasi Kota Gwangju.",
            "Bupati Deli Serdang Bobby Nasution menerima kunjungan Konsul Jenderal Jepang.",
        ]
    )
    assert heads == {
        ("bobby-afif-nasution", "kota-medan"),
        ("bobby-nasution", "kabupaten-deli-serdang"),
    }
