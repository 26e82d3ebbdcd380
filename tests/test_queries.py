"""Every query shipped with the ontology, run on the graph of sources/, with its answer."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.pipeline.build import build
from graph.sparql.query import shipped_queries
from graph.sparql.store import open_store, run

REPO = Path(__file__).resolve().parent.parent
KMR = "https://w3id.org/kotamitra/id/"
KM = "https://w3id.org/kotamitra/ontology#"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    out = tmp_path_factory.mktemp("q")
    build([REPO / "sources"], out, with_metrics=False, with_viz=False)
    return open_store(out)


def rows(store: ox.Store, name: str, **params: str) -> list[dict[str, str]]:
    text = shipped_queries()[name].read_text(encoding="utf-8")
    result = run(store, text, params)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def test_at_least_twelve_competency_queries_each_asked_in_both_languages() -> None:
    queries = shipped_queries()
    assert len(queries) >= 12
    for name, path in queries.items():
        head = path.read_text(encoding="utf-8").split("SELECT")[0].split("CONSTRUCT")[0]
        assert "# EN:" in head and "# ID:" in head, f"{name}.rq lacks its question"


def reference_partners(slug: str) -> set[str]:
    """The partners the shipped Wikidata reference table gives a local government."""
    table = REPO / "sources" / "reference" / "wikidata-p190-indonesia.tsv"
    lines = [line.split("\t") for line in table.read_text(encoding="utf-8").splitlines()[1:]]
    return {cells[3] for cells in lines if cells[2] == slug}


def test_partners_of_kota_jambi(store: ox.Store) -> None:
    got = {r["partner"] for r in rows(store, "partners")}
    # the LoI with Temasek Polytechnic (2023) is a partnership of its own
    partners = {"singapore", "uclg-aspac", "iclei", "temasek-polytechnic-singapore"}
    assert got == {KMR + p for p in partners}
    medan = rows(store, "partners", lg="kota-medan")
    # the news partner first (most sentences), then those of the Wikidata reference table;
    # Gwangju (Q41283) is in both, on one node
    assert medan[0]["partner"] == KMR + "gwangju"
    assert len(medan) == len(
        reference_partners("kota-medan") | {"Q41283"}
    )  # Gwangju: news and Wikidata
    assert all(r["example"] for r in medan)


def test_partners_with_their_start_year(store: ox.Store) -> None:
    bandung = {r["partner"]: r.get("since") for r in rows(store, "partners", lg="kota-bandung")}
    assert bandung[KMR + "namur"] == "2017"
    assert bandung[KMR + "braunschweig"] == "1960"


def test_programmes_and_since_when(store: ox.Store) -> None:
    got = {(r["actor"], r["programme"]): r.get("since") for r in rows(store, "programmes")}
    assert got[(KMR + "kota-jambi", KMR + "singapore-cooperation-programme")] == "2016"


def test_who_initiated_what(store: ox.Store) -> None:
    got = rows(store, "initiatives")
    assert {r["initiator"] for r in got} == {KMR + "syarif-fasha"}
    assert got[0]["with"] == KMR + "singapore-cooperation-programme"


def test_who_funds_what(store: ox.Store) -> None:
    funders = {r["funder"] for r in rows(store, "funding")}
    assert funders == {KMR + "singapore"}


def test_international_organisations_per_city(store: ox.Store) -> None:
    got = {(r["lg"], r["organisation"]) for r in rows(store, "international-organisations")}
    assert got == {(KMR + "kota-jambi", KMR + "uclg-aspac"), (KMR + "kota-jambi", KMR + "iclei")}


def test_delegations_per_year_and_destination(store: ox.Store) -> None:
    got = {(r["year"], r["sender"], r["destination"]) for r in rows(store, "delegations-per-year")}
    assert ("2023", KMR + "kota-jambi", KMR + "singapore") in got
    assert ("2024", KMR + "kota-medan", KMR + "gwangju") in got
    assert ("2017", KMR + "busan", KMR + "kota-surabaya") in got


def test_trainings_with_themes_dates_and_counts(store: ox.Store) -> None:
    got = {r.get("theme"): r for r in rows(store, "trainings")}
    water = got["Water Management"]
    assert (water["start"], water["end"], water["people"]) == ("2023-05-15", "2023-05-19", "25")
    assert got["Basic English Training"]["start"] == "2018-10-15"


def test_sentence_and_article_behind_facts(store: ox.Store) -> None:
    got = rows(store, "evidence", entity="kota-medan")
    objects = {r["object"] for r in got}
    assert KMR + "gwangju" in objects
    assert len(objects) == len(
        reference_partners("kota-medan") | {"Q41283"}
    )  # Gwangju: news and Wikidata
    assert all(r["sentence"] and r["url"].startswith("https://") for r in got)


def test_claims_with_their_sentences(store: ox.Store) -> None:
    people = [r for r in rows(store, "claims") if r["unit"] == "people"]
    assert {"150", "300", "500"} <= {r["quantity"] for r in people}
    assert all(r["sentence"] for r in people)


def test_cities_with_partners_in_a_country(store: ox.Store) -> None:
    got = {(r["lg"], r["partner"]) for r in rows(store, "partners-in-country")}
    assert (KMR + "kota-surabaya", KMR + "kitakyushu") in got
    korea = {
        (r["lg"], r["partner"]) for r in rows(store, "partners-in-country", country="south-korea")
    }
    assert {(KMR + "kota-medan", KMR + "gwangju"), (KMR + "kota-surabaya", KMR + "busan")} <= korea


def test_heads_of_local_governments(store: ox.Store) -> None:
    got = {(r["person"], r["role"], r["lg"]) for r in rows(store, "heads")}
    assert (KMR + "syarif-fasha", KM + "headOf", KMR + "kota-jambi") in got
    assert (KMR + "maulana", KM + "deputyHeadOf", KMR + "kota-jambi") in got
    assert (KMR + "bobby-nasution", KM + "headOf", KMR + "kota-medan") in got
    # one row per head and role, counting the articles that state it
    found = rows(store, "heads")
    assert len(found) == len(got)
    fasha = next(r for r in found if r["person"] == KMR + "syarif-fasha")
    assert int(fasha["articles"]) >= 2 and fasha["headline"]


def test_planned_partnerships_are_not_asserted(store: ox.Store) -> None:
    for r in rows(store, "planned-partnerships"):
        assert r["status"] != "active"
        ask = f"ASK {{ <{r['a']}> km:partnersWith <{r['b']}> }}"
        assert not bool(run(store, ask))


def test_outward_looking_policy_network(store: ox.Store) -> None:
    text = shipped_queries()["outward-looking-network"].read_text(encoding="utf-8")
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in run(store, text)}
    assert (KMR + "kota-jambi", KM + "partnersWith", KMR + "singapore") in triples
    assert (
        KMR + "syarif-fasha",
        KM + "implementsPolicy",
        KMR + "outward-looking-policy",
    ) in triples
    assert (
        KMR + "singapore-cooperation-programme",
        KM + "organizedBy",
        KMR + "singapore",
    ) in triples


def test_actor_network_projection(store: ox.Store) -> None:
    got = rows(store, "actor-network")
    assert any(r["s"] == KMR + "kota-jambi" and r["o"] == KMR + "singapore" for r in got)


# What the resolved statements count, computed the long way from every source's own
# statement node: the shipped queries read the former, and the two must agree.
PER_SOURCE_COUNTS = """
SELECT ?s ?p ?o ?year (COUNT(DISTINCT ?doc) AS ?n) (MIN(?key) AS ?first)
WHERE {
  ?st a km:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; km:source ?doc .
  OPTIONAL { ?doc schema:datePublished ?date }
  BIND(IF(BOUND(?date), SUBSTR(STR(?date), 1, 4), "") AS ?year)
  BIND(CONCAT(IF(BOUND(?date), STR(?date), "~"), " ", STR(?doc)) AS ?key)
}
GROUP BY ?s ?p ?o ?year
"""

RESOLVED_COUNTS = """
SELECT ?s ?p ?o ?year ?n ?total ?first WHERE {
  ?f a km:ResolvedStatement ; km:factSubject ?s ; km:factPredicate ?p ; km:factObject ?o ;
     km:sourceCount ?total ; km:firstSource ?first ; km:yearCount ?y .
  ?y km:sourceCount ?n .
  OPTIONAL { ?y km:reportYear ?ry }
  BIND(IF(BOUND(?ry), STR(?ry), "") AS ?year)
}
"""


def test_resolved_statements_count_what_the_sources_state(store: ox.Store) -> None:
    per_year: dict[tuple[str, ...], int] = {}
    first: dict[tuple[str, ...], tuple[str, str]] = {}
    for r in run(store, PER_SOURCE_COUNTS):
        fact = (r["s"].value, r["p"].value, r["o"].value)
        per_year[(*fact, r["year"].value)] = int(r["n"].value)
        date, doc = r["first"].value.split(" ")
        first[fact] = min(first.get(fact, (date, doc)), (date, doc))
    got_year: dict[tuple[str, ...], int] = {}
    got_total: dict[tuple[str, ...], int] = {}
    got_first: dict[tuple[str, ...], str] = {}
    for r in run(store, RESOLVED_COUNTS):
        fact = (r["s"].value, r["p"].value, r["o"].value)
        got_year[(*fact, r["year"].value)] = int(r["n"].value)
        got_total[fact] = int(r["total"].value)
        got_first[fact] = r["first"].value
    assert len(per_year) > 50
    assert got_year == per_year
    for fact in first:
        assert got_total[fact] == sum(n for k, n in per_year.items() if k[:3] == fact)
        assert got_first[fact] == first[fact][1]
    # a fact several articles state is counted once per article, in its own year
    fasha = (KMR + "syarif-fasha", KM + "headOf", KMR + "kota-jambi")
    assert got_total[fasha] >= 2
