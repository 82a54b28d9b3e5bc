"""The ontology and shapes: every term documented and aligned; the data uses only declared terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.build import Built

from .conftest import BASE, ROOT

ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
)


def _load(path: Path) -> Graph:
    g = Graph()
    g.parse(path, publicID=BASE)
    return g


@pytest.mark.parametrize("path", ONTOLOGY_FILES, ids=lambda p: p.name)
def test_ontology_files_parse(path: Path) -> None:
    assert len(_load(path)) > 100


def test_every_term_has_an_english_label_and_comment() -> None:
    g = _load(ROOT / "ontology" / "kg.ttl")
    terms = {s for k in KINDS for s in g.subjects(RDF.type, k) if isinstance(s, URIRef)}
    assert len(terms) > 150
    for t in terms:
        labels = [
            o for o in g.objects(t, RDFS.label) if isinstance(o, Literal) and o.language == "en"
        ]
        comments = [
            o for o in g.objects(t, RDFS.comment) if isinstance(o, Literal) and o.language == "en"
        ]
        assert labels and comments, t


def test_wikidata_alignment_of_the_design_properties() -> None:
    g = _load(ROOT / "ontology" / "kg.ttl")
    wd = URIRef(BASE + "ontology#wikidataProperty")
    expected = {
        "http://schema.org/spouse": "P26",
        BASE + "ontology#father": "P22",
        BASE + "ontology#memberOfParty": "P102",
        BASE + "ontology#positionHeld": "P39",
        BASE + "ontology#startDate": "P580",
        BASE + "ontology#constituency": "P768",
        BASE + "ontology#replaces": "P1365",
        BASE + "ontology#candidateIn": "P3602",
        BASE + "ontology#votes": "P1111",
        "http://schema.org/alumniOf": "P69",
        BASE + "ontology#degree": "P512",
        "http://schema.org/knowsLanguage": "P1412",
        "http://schema.org/birthDate": "P569",
        "http://schema.org/birthPlace": "P19",
        BASE + "ontology#numberOfChildren": "P1971",
    }
    for prop, pid in expected.items():
        assert g.value(URIRef(prop), wd) == URIRef("http://www.wikidata.org/entity/" + pid), prop
    for derivable in ("fatherInLaw", "childInLaw", "husbandsFather", "daughterInLaw"):
        assert g.value(URIRef(BASE + "ontology#" + derivable), wd) is None


def test_no_chain_property_is_a_super_property_of_its_own_links() -> None:
    g = _load(ROOT / "ontology" / "kg.ttl")
    from rdflib.collection import Collection

    for p, head in g.subject_objects(OWL.propertyChainAxiom):
        for link in Collection(g, head):
            assert p not in set(g.transitive_objects(link, RDFS.subPropertyOf)) - {link}


def test_the_data_uses_only_declared_terms(built: Built) -> None:
    n = built.names
    ontology = built.graphs[n.ontology_graph]
    declared = set(ontology.subjects())
    for gname, g in built.graphs.items():
        if gname == n.ontology_graph:
            continue
        for _, p, o in g:
            if str(p).startswith(str(n.kgo)):
                assert p in declared, p
            if p == RDF.type and str(o).startswith(str(n.kgo)):
                assert o in declared, o


def test_shapes_are_valid_shacl() -> None:
    conforms, _, text = validate(
        Graph(), shacl_graph=_load(ROOT / "ontology" / "shapes.ttl"), meta_shacl=True
    )
    assert conforms, text
