"""The ontology and shapes: every term documented and aligned; the data uses only declared terms."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.build import Built

from .conftest import BASE, ROOT

ONTOLOGY_FILES = sorted((ROOT / "ontology").glob("*.ttl"))
KGO = BASE + "ontology#"
IN_LAWS = ("motherInLaw", "sonInLaw", "brotherInLaw", "sisterInLaw")
STATED_KINSHIP = (
    "brother",
    "sister",
    "son",
    "daughter",
    *IN_LAWS,
    "cousin",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "grandfather",
    "grandmother",
    "grandson",
    "granddaughter",
)
PARTIAL_DATES = (
    KGO + "startDate",
    KGO + "endDate",
    KGO + "date",
    KGO + "pollingDate",
    "http://schema.org/birthDate",
    "http://schema.org/deathDate",
)
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
        BASE + "ontology#succeededBy": "P1366",
        BASE + "ontology#ordinal": "P1545",
        "http://schema.org/sibling": "P3373",
        BASE + "ontology#relative": "P1038",
        "http://schema.org/deathDate": "P570",
        "http://schema.org/deathPlace": "P20",
    }
    for prop, pid in expected.items():
        assert g.value(URIRef(prop), wd) == URIRef("http://www.wikidata.org/entity/" + pid), prop
    for derivable in ("fatherInLaw", "childInLaw", "husbandsFather", "daughterInLaw"):
        assert g.value(URIRef(BASE + "ontology#" + derivable), wd) is None
    # refinements export through their super-property or not at all; founded by (P112) runs the
    # other way, from the organisation
    for term in (*STATED_KINSHIP, "founderOf", "founder"):
        assert g.value(URIRef(BASE + "ontology#" + term), wd) is None, term


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


def _supers(g: Graph, p: URIRef) -> set[URIRef]:
    return {q for q in g.transitive_objects(p, RDFS.subPropertyOf) if isinstance(q, URIRef)}


def test_stated_kinship_refines_only_what_the_word_says() -> None:
    """A brother is a sibling, a son a child, the wider family relatives; an in-law word says
    nothing of the side of the family, so no in-law is a chain's sub-property or inverse."""
    g = _load(ROOT / "ontology" / "kg.ttl")
    schema = "http://schema.org/"
    relative = URIRef(KGO + "relative")
    expected = {
        "brother": {schema + "sibling"},
        "sister": {schema + "sibling"},
        "son": {schema + "children"},
        "daughter": {schema + "children"},
        **{k: {KGO + "relative"} for k in STATED_KINSHIP[4:]},
        "fatherInLaw": {KGO + "relative"},
        "childInLaw": {KGO + "relative"},
    }
    for term, sup in expected.items():
        p = URIRef(KGO + term)
        assert {str(q) for q in _supers(g, p)} - {str(p)} == sup, term
        assert (p, RDFS.label, None) in g and (p, RDF.type, OWL.ObjectProperty) in g
    for term in IN_LAWS:
        p = URIRef(KGO + term)
        assert (p, OWL.inverseOf, None) not in g and (None, OWL.inverseOf, p) not in g
        assert (p, OWL.propertyChainAxiom, None) not in g
    symmetric = set(g.subjects(RDF.type, OWL.SymmetricProperty))
    assert {relative, URIRef(KGO + "cousin"), URIRef(schema + "sibling")} <= symmetric
    assert "never stated" not in str(g.value(URIRef(KGO + "fatherInLaw"), RDFS.comment))


def test_partial_date_properties_have_no_range() -> None:
    """xsd:date, xsd:gYearMonth and xsd:gYear are all allowed, so no single range fits, and a
    union datatype is outside OWL 2 RL: the shapes check the datatype instead."""
    g = _load(ROOT / "ontology" / "kg.ttl")
    for prop in PARTIAL_DATES:
        p = URIRef(prop)
        assert (p, RDF.type, OWL.DatatypeProperty) in g, prop
        assert g.value(p, RDFS.range) is None, prop
    assert (None, OWL.unionOf, None) not in g


def test_every_node_kind_uses_declared_terms() -> None:
    from kg.build.nodes import NODE_KINDS
    from kg.iris import Names

    g = _load(ROOT / "ontology" / "kg.ttl")
    names = Names(BASE)
    for kind in NODE_KINDS.values():
        cls = names.expand(kind.cls)
        assert (cls, RDF.type, OWL.Class) in g, kind.name
        props = [*kind.roles, *([kind.truthy[1]] if kind.truthy else [])]
        for prop in props:
            assert (names.expand(prop), RDF.type, None) in g, (kind.name, prop)
    new = {
        "founding": (
            "kgo:Founding",
            ("kgo:organisationFounded", "kgo:founder"),
            (1, "kgo:founderOf", 0),
        ),
        "membership": (
            "kgo:PartyMembership",
            ("kgo:member", "kgo:party"),
            (0, "kgo:memberOfParty", 1),
        ),
        "final-tally": ("kgo:SeatTally", ("kgo:election", "kgo:party"), None),
        "bail": ("kgo:Bail", ("kgo:personBailed",), None),
        "oath": ("kgo:OathTaking", ("kgo:person", "kgo:post"), None),
    }
    for name, (cls_curie, roles, truthy) in new.items():
        k = NODE_KINDS[name]
        assert (k.cls, k.roles, k.truthy) == (cls_curie, roles, truthy), name
    for event in ("Founding", "Bail", "OathTaking"):
        assert (URIRef(KGO + event), RDFS.subClassOf, URIRef(KGO + "Event")) in g


def test_stated_kinship_infers_the_same_with_the_engine_and_owlrl() -> None:
    """What a stated brother, son or in-law adds, by the build's engine and by owlrl alike; an
    in-law makes nobody's father-in-law, child-in-law or daughter-in-law."""
    from kg.build.reason.facts import Triple, is_fact
    from kg.build.reason.reference import owlrl_inferred
    from kg.build.reason.rules import inferred_facts, reason, schema_of
    from kg.iris import Names

    g = _load(ROOT / "ontology" / "kg.ttl")
    names = Names(BASE)
    kg, kgo, schema = names.kg, names.kgo, "http://schema.org/"
    a, b, c, d, e = (kg[x] for x in "abcde")
    facts: set[Triple] = {
        (a, kgo.brother, b),
        (a, kgo.son, c),
        (a, kgo.sonInLaw, d),
        (a, kgo.motherInLaw, e),
        (b, kgo.cousin, e),
    }
    engine = inferred_facts(reason(schema_of(g), facts), facts, lambda t: is_fact(t, names))[0]
    assert engine == owlrl_inferred(g, facts, names)
    kin = {(s, p, o) for s, p, o in engine if p != RDF.type}
    sibling, children, parent = (URIRef(schema + x) for x in ("sibling", "children", "parent"))
    assert kin == {
        (a, sibling, b),
        (b, sibling, a),
        (a, children, c),
        (c, parent, a),
        (a, kgo.relative, d),
        (d, kgo.relative, a),
        (a, kgo.relative, e),
        (e, kgo.relative, a),
        (e, kgo.cousin, b),
        (b, kgo.relative, e),
        (e, kgo.relative, b),
    }
