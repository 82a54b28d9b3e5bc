"""Deterministic dumps: sorted N-Quads and TriG, byte-identical for the same dataset."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph

from kg.iris import Names


def canonical(g: Graph) -> Graph:
    """Blank nodes (the ontology's restrictions and lists) get labels from their content, so
    dumps do not change from one run to the next."""
    if any(isinstance(t, BNode) for triple in g for t in triple):
        return to_canonical_graph(g)
    return g


def nquad_lines(graphs: dict[URIRef, Graph]) -> list[str]:
    lines: list[str] = []
    for gname, g in graphs.items():
        body = canonical(g).serialize(format="nt", encoding="utf-8").decode("utf-8")
        suffix = f" {gname.n3()} .\n"
        lines.extend(line[: -len(" .")] + suffix for line in body.splitlines() if line.strip())
    return sorted(set(lines))


def write_nquads(graphs: dict[URIRef, Graph], path: Path) -> None:
    path.write_text("".join(nquad_lines(graphs)), encoding="utf-8")


def write_trig(graphs: dict[URIRef, Graph], names: Names, path: Path) -> None:
    """Our prefixes, plus any other rdflib writes on its own (``dcat:`` for a term the ontology
    aligns with), declared once at the top."""
    declared = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(names.prefixes().items())]
    header = set(declared)
    parts = []
    for gname in sorted(graphs):
        g = Graph()
        for p, ns in names.prefixes().items():
            g.bind(p, ns, override=True, replace=True)
        for t in canonical(graphs[gname]):
            g.add(t)
        lines = g.serialize(format="turtle").splitlines()
        header.update(line.strip() for line in lines if line.startswith("@prefix"))
        triples = "\n".join(line for line in lines if not line.startswith("@prefix")).strip()
        indented = "\n".join(("    " + line) if line else "" for line in triples.splitlines())
        parts.append(f"\n{gname.n3()} {{\n{indented}\n}}\n")
    extra = sorted(header - set(declared))
    out = [line + "\n" for line in (*declared, *extra)] + parts
    path.write_text("".join(out), encoding="utf-8")
