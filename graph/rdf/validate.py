"""Validate stage: SHACL shapes (``ontology/shapes.ttl``) checked with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, Graph, Namespace
from rdflib.term import Node

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
            g.namespace_manager.normalizeUri(node)
            if hasattr(node, "startswith") and str(node).startswith("http")
            else str(node)
        )
    except Exception:
        return str(node)


def validate(data: Graph) -> ValidationReport:
    """Check ``data`` (the union graph of a build) against the SHACL shapes."""
    import pyshacl

    shapes = Graph().parse(ontology_dir() / "shapes.ttl", format="turtle")
    conforms, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True
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
                focus=_short(data, report.value(result, SH.focusNode)),
                path=_short(data, report.value(result, SH.resultPath)),
                value=str(report.value(result, SH.value) or ""),
                message=str(report.value(result, SH.resultMessage) or ""),
            )
        )
    out.violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return out
