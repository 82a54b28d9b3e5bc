"""Stage: validate. The built graph conforms; a violation gets a readable report."""

from __future__ import annotations

from rdflib import RDF, XSD, Graph, Literal

from kg.build import Built
from kg.build.validate import validate_graph
from kg.config import Config

from .conftest import ROOT


def _shapes(cfg: Config) -> Graph:
    g = Graph()
    g.parse(ROOT / "ontology" / "shapes.ttl", publicID=cfg.base_iri)
    return g


def test_the_built_graph_conforms(built: Built) -> None:
    assert built.validation.conforms, built.validation.text()
    assert built.validation.text() == "The graph conforms to the shapes in ontology/shapes.ttl."


def test_violations_are_reported_readably(built: Built, cfg: Config) -> None:
    n = built.names
    bad = Graph()
    c = n.entity("candidacy/x/y")
    bad.add((c, RDF.type, n.kgo.Candidacy))
    bad.add((c, n.kgo.candidate, n.entity("kalpana-soren")))
    bad.add((n.entity("kalpana-soren"), RDF.type, n.kgo.Politician))
    bad.add(
        (n.entity("kalpana-soren"), n.names_label if False else n.kgo.numberOfChildren, Literal(2))
    )
    bad.add((c, n.kgo.voteShare, Literal("120.5", datatype=XSD.decimal)))
    report = validate_graph(bad, _shapes(cfg), built.graphs[n.ontology_graph], n)
    assert not report.conforms
    text = report.text()
    assert text.startswith("3 violation(s) of ontology/shapes.ttl:")
    assert "kg:candidacy/x/y\n    kgo:election:" in text
    assert "kgo:voteShare:" in text
    assert "schema:Person" not in text or "rdfs:label" in text
