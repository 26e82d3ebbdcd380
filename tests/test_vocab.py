"""The vocabulary is held once, in graph/vocab.py, and matches ontology/kotamitra.ttl both
ways: a class or property of the ontology missing from the vocabulary fails here, and so
does a term of the vocabulary the ontology does not declare."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph import vocab
from graph.resources import ontology_dir

REPO = Path(__file__).resolve().parents[1]
NS = str(vocab.KM._NS)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kotamitra.ttl")


def declared(g: Graph, *types: URIRef) -> set[str]:
    return {
        str(s)[len(NS) :] for t in types for s in g.subjects(RDF.type, t) if str(s).startswith(NS)
    }


def test_classes_match_the_ontology(ontology: Graph) -> None:
    classes = declared(ontology, OWL.Class)
    assert len(vocab.CLASSES) == len(set(vocab.CLASSES)), "a class is listed twice"
    assert sorted(classes - set(vocab.CLASSES)) == [], "classes missing from graph/vocab.py"
    assert sorted(set(vocab.CLASSES) - classes) == [], "classes the ontology does not declare"


def test_properties_match_the_ontology(ontology: Graph) -> None:
    props = declared(ontology, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert sorted(props - set(vocab.PROPERTIES)) == [], "properties missing from graph/vocab.py"
    assert sorted(set(vocab.PROPERTIES) - props) == [], "properties the ontology does not declare"


def test_the_closed_namespace_is_the_ontology(ontology: Graph) -> None:
    terms = declared(ontology, OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    assert set(vocab.KM.__annotations__) == terms
    with pytest.raises(AttributeError):
        _ = vocab.KM.partnerWith  # a misspelt term raises instead of minting an IRI


def test_relations_are_object_properties_between_entities(ontology: Graph) -> None:
    objects = declared(ontology, OWL.ObjectProperty)
    assert set(vocab.DIRECT_RELATIONS) <= objects
    entity_iris = {vocab.KM[c] for c in vocab.ENTITY_CLASSES} | {OWL.Thing}
    for rel in vocab.DIRECT_RELATIONS:
        for axis in (RDFS.domain, RDFS.range):
            for cls in ontology.objects(vocab.KM[rel], axis):
                if isinstance(cls, URIRef):
                    assert cls in entity_iris, f"km:{rel} {axis} {cls} is not an entity class"


def subclasses(g: Graph, cls: str) -> set[str]:
    found = {cls}
    todo = [vocab.KM[cls]]
    while todo:
        for sub in g.subjects(RDFS.subClassOf, todo.pop()):
            name = str(sub)[len(NS) :]
            if name not in found:
                found.add(name)
                todo.append(sub)  # type: ignore[arg-type]
    return found


def test_class_groups_follow_the_hierarchy(ontology: Graph) -> None:
    for parent, group in vocab.SUBCLASSES.items():
        assert set(group) == subclasses(ontology, parent), parent
    assert set(vocab.LOCAL_GOVERNMENT_CLASSES) == subclasses(ontology, "LocalGovernment") - {
        "LocalGovernment"
    }
    assert set(vocab.ENTITY_CLASSES) <= set(vocab.CLASSES)
    assert set(vocab.ACTOR_CLASSES) <= set(vocab.ENTITY_CLASSES)
    assert "Person" not in vocab.ACTOR_CLASSES
    assert set(vocab.METRICS_CLASSES) <= set(vocab.CLASSES)


# The modules whose vocabulary comes from graph.vocab: none of them lists classes or
# relations of its own, spells the home country, or defines a slug function.
VOCAB_USERS = [
    *sorted((REPO / "graph" / "network").glob("*.py")),
    *sorted((REPO / "graph" / "pipeline").glob("*.py")),
    REPO / "graph" / "rdf" / "export.py",
    REPO / "graph" / "rdf" / "write.py",
    REPO / "scripts" / "build_gazetteer.py",
]


@pytest.mark.parametrize("path", VOCAB_USERS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_second_vocabulary(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    terms = set(vocab.CLASSES) | set(vocab.DIRECT_RELATIONS)
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name.strip("_") in {"slug", "slugify"}:
            problems.append(f"line {node.lineno}: a slug function of its own ({node.name})")
        if isinstance(node, ast.Constant) and node.value == vocab.HOME_COUNTRY:
            problems.append(f"line {node.lineno}: {vocab.HOME_COUNTRY!r} spelt out")
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            named = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if sum(1 for v in named if v in terms) >= 3:
                problems.append(f"line {node.lineno}: a list of classes or relations")
    assert problems == []
