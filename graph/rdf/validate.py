"""Validate stage: SHACL shapes (``ontology/shapes.ttl``) checked with a SHACL engine.

Engines, chosen by measurement (``benchmarks/bench_validate.py``, README "Validation"):
``pyshacl-turbo`` (pySHACL's interface, evaluated in Rust; the default), ``pyshacl``, the
reference: a test compares the verdicts and violation lists of the others with it on
small graphs, conforming and violating, and ``pyrudof`` (Rust, optional).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace
from rdflib.term import Node

from graph.errors import ValidationError
from graph.rdf.read import read_graph
from graph.resources import ontology_dir

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Violation:
    severity: str
    focus: str
    path: str
    value: str
    message: str


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self, limit: int = 50) -> str:
        if self.conforms:
            return "The graph conforms to the kotamitra shapes.\n"
        lines = [f"{len(self.violations)} violation(s) of the kotamitra shapes:"]
        for v in self.violations[:limit]:
            lines.append(f"- [{v.severity}] {v.focus}")
            lines.append(
                f"    {v.message}"
                + (
                    f" (property {v.path}" + (f", value {v.value})" if v.value else ")")
                    if v.path
                    else ""
                )
            )
        if len(self.violations) > limit:
            lines.append(f"... and {len(self.violations) - limit} more")
        return "\n".join(lines) + "\n"


def _short(g: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    try:
        return (
            g.namespace_manager.normalizeUri(str(node))
            if hasattr(node, "startswith") and str(node).startswith("http")
            else str(node)
        )
    except Exception:
        return str(node)


ENGINES = ("pyshacl-turbo", "pyshacl", "pyrudof")  # "auto" takes the first installed


def available_engine(engine: str = "auto") -> str:
    """The engine to use: ``engine`` itself, or with "auto" the fastest installed."""
    import importlib.util

    names = ENGINES if engine == "auto" else (engine,)
    if engine != "auto" and engine not in ENGINES:
        raise ValidationError(f"unknown SHACL engine {engine!r}", f"one of {', '.join(ENGINES)}")
    for name in names:
        if importlib.util.find_spec(name.replace("-", "_")) is not None:
            return name
    raise ValidationError(
        f"the SHACL engine {names[0]} is not installed", "pip install pyshacl (or pyrudof)"
    )


@cache
def _names() -> Graph:
    """An empty graph with the project's prefixes: how violations name terms."""
    from graph.vocab import bind

    g = Graph()
    bind(g)
    return g


@cache
def _shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")


def validate(data: Graph | Path, engine: str = "auto") -> ValidationReport:
    """Check ``data`` (the union graph of a build, or a Turtle/N-Triples file of it)
    against the SHACL shapes with ``engine`` (see the module)."""
    name = available_engine(engine)
    if name == "pyrudof":
        out = _validate_rudof(data)
    else:
        graph = data if isinstance(data, Graph) else read_graph(Path(data))
        out = _validate_pyshacl(graph, name)
    out.violations.sort(key=lambda v: (v.focus, v.path, v.value, v.message))
    return out


def _validate_pyshacl(data: Graph, name: str) -> ValidationReport:
    import importlib

    engine = importlib.import_module(name.replace("-", "_"))
    conforms, report, _ = engine.validate(
        data, shacl_graph=_shapes(), inference="none", abort_on_first=False, allow_warnings=True
    )
    out = ValidationReport(conforms=bool(conforms))
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, result) in report:
            continue  # nested detail of another result
        out.violations.append(
            Violation(
                severity=_short(report, report.value(result, SH.resultSeverity))
                .split("#")[-1]
                .replace("sh:", ""),
                focus=_short(_names(), report.value(result, SH.focusNode)),
                path=_short(_names(), report.value(result, SH.resultPath)),
                value=str(report.value(result, SH.value) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
            )
        )
    return out


_NT_LITERAL = re.compile(r'^"(.*)"(?:@[\w-]+|\^\^<[^>]*>)?$', re.S)


def _rudof_value(text: str | None) -> str:
    if not text:
        return ""
    m = _NT_LITERAL.match(text)
    if m:
        return m.group(1).replace('\\"', '"')
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def _rudof_message(entry: object) -> str:
    """The shape's own sh:message (English first), as pySHACL reports it."""
    from rdflib import URIRef

    text = str(getattr(entry, "message", "") or "")
    shapes = _shapes()
    english = {
        str(m)
        for m in shapes.objects(None, SH.message)
        if isinstance(m, Literal) and m.language == "en"
    }
    ending = [m for m in english if text.rstrip().endswith(f'"{m}"@en')]
    if ending:
        return max(ending, key=len)
    shape = str(getattr(entry, "source_shape", "") or "")
    candidates: list[Node] = (
        [URIRef(shape.strip("<>"))] if shape and not shape.startswith("_:") else []
    )
    if not candidates:  # a blank node shape: rudof's label is not ours; find it by path
        path = URIRef(_rudof_value(getattr(entry, "path", None)))
        candidates = list(shapes.subjects(SH.path, path))
        node = re.search(r"node shape (\S+) \(sh:node\)", text)
        if node:
            target = URIRef(node.group(1).strip("<>"))
            candidates = [c for c in candidates if (c, SH.node, target) in shapes]
    messages = {
        str(m)
        for c in candidates
        for m in shapes.objects(c, SH.message)
        if isinstance(m, Literal) and m.language in {"en", None}
    }
    return messages.pop() if len(messages) == 1 else text.strip('"')


def _validate_rudof(data: Graph | Path) -> ValidationReport:
    import pyrudof

    rudof = pyrudof.Rudof(pyrudof.RudofConfig())
    if isinstance(data, Graph):
        rudof.read_data(data.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples)
    else:
        fmt = pyrudof.RDFFormat.NTriples if data.suffix == ".nt" else pyrudof.RDFFormat.Turtle
        rudof.read_data(str(data), format=fmt)
    rudof.read_shacl(str(ontology_dir() / "shapes.ttl"))
    report = rudof.validate_shacl()
    g = _names()
    out = ValidationReport(conforms=bool(report.conforms))
    for v in report.violations:
        focus, path = _rudof_value(v.focus_node), _rudof_value(v.path)
        out.violations.append(
            Violation(
                severity=str(v.severity or "Violation").split("#")[-1],
                focus=_short(g, _term(focus)),
                path=_short(g, _term(path)) if path else "",
                value=_rudof_value(v.value),
                message=_rudof_message(v),
            )
        )
    return out


def _term(text: str) -> Node:
    from rdflib import BNode, URIRef

    return BNode(text[2:]) if text.startswith("_:") else URIRef(text)


def validate_graph(path: Path | str, engine: str = "auto") -> ValidationReport:
    """Validate a built graph (a build folder or a graph file): what ``kotamitra
    validate`` runs. :class:`ValidationError` when it cannot run."""
    name = available_engine(engine)
    path = Path(path)
    file = path / "graph.ttl" if path.is_dir() else path
    if not file.is_file():
        raise ValidationError(f"{file}: no such graph", "run 'kotamitra build' first")
    try:
        if name == "pyrudof" and file.suffix not in {".trig", ".nq"}:
            return validate(file, name)
        return validate(read_graph(file), name)  # a dataset's named graphs merged
    except ValidationError:
        raise
    except Exception as exc:
        raise ValidationError(f"{file}: validation could not run: {exc}") from None
