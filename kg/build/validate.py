"""SHACL validation of the built dataset (pySHACL), with a report a researcher can read."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import SH

from kg.iris import Names


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...]

    def text(self) -> str:
        if self.conforms:
            return "The graph conforms to the shapes in ontology/shapes.ttl."
        lines = [f"{len(self.violations)} violation(s) of ontology/shapes.ttl:"]
        for v in self.violations:
            lines.append(f"- {v.focus}\n    {v.path}: {v.message} [{v.severity}]")
        return "\n".join(lines)


def _short(term: object, names: Names) -> str:
    s = str(term)
    for prefix, ns in names.prefixes().items():
        if s.startswith(ns):
            return f"{prefix}:{s[len(ns) :]}"
    return s


def validate_graph(data: Graph, shapes: Graph, ontology: Graph, names: Names) -> ValidationReport:
    """Validate ``data`` (asserted + inferred facts and provenance) against ``shapes``."""
    conforms, report, _ = shacl_validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True
    )
    out = []
    for r in report.subjects(SH.resultSeverity, None):
        sev = report.value(r, SH.resultSeverity)
        out.append(
            Violation(
                focus=_short(report.value(r, SH.focusNode), names),
                path=_short(report.value(r, SH.resultPath), names)
                if report.value(r, SH.resultPath)
                else "(node)",
                message=str(report.value(r, SH.resultMessage) or "does not conform"),
                severity=_short(sev, names).split("#")[-1] if isinstance(sev, URIRef) else str(sev),
            )
        )
    out.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), tuple(out))


__all__ = ["Namespace", "ValidationReport", "Violation", "validate_graph"]
