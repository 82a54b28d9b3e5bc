"""/ontology: the documentation page and the ontology itself by content negotiation."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from rdflib import OWL, RDF, Graph, URIRef

from kg.config import Config

from .conftest import ROOT, app_on_build


@pytest.fixture(scope="module")
def app(cfg: Config, built: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_on_build(cfg, tmp_path_factory.mktemp("onto")) as app:
        yield app


def test_the_page_documents_every_term_with_its_alignment(app: Flask) -> None:
    html = (
        app.test_client().get("/ontology", headers={"Accept": "text/html"}).get_data(as_text=True)
    )
    assert (
        '<dt id="fatherInLaw"><code>kgo:fatherInLaw</code> — <strong>father-in-law</strong></dt>'
        in html
    )
    assert "property chain:</span>\nschema:spouse ∘ kgo:father" in html
    assert (
        '<a href="http://www.wikidata.org/entity/P26">wd:P26</a>' in html
    )  # spouse's Wikidata property
    assert (
        '<a href="#Politician">kgo:Politician</a>' in html
    )  # MemberOfLegislativeAssembly's superclass, linked
    g = Graph()
    g.parse(ROOT / "ontology" / "kg.ttl", publicID="http://localhost:5000/")
    for term in g.subjects(RDF.type, OWL.Class):
        if isinstance(term, URIRef) and str(term).startswith("http://localhost:5000/ontology#"):
            assert f'id="{str(term).split("#")[1]}"' in html, term


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")],
)
def test_the_ontology_by_content_negotiation(app: Flask, accept: str, fmt: str) -> None:
    res = app.test_client().get("/ontology", headers={"Accept": accept})
    assert res.mimetype == accept
    g = Graph()
    g.parse(data=res.data, format=fmt)
    chain = URIRef("http://localhost:5000/ontology#fatherInLaw")
    assert (chain, OWL.propertyChainAxiom, None) in g
