"""Stage: reason. The rule engine agrees with owlrl; inferences are kept apart and explained."""

from __future__ import annotations

import random

import pytest
from rdflib import OWL, RDF, Graph, Literal, URIRef

from kg.build import Built
from kg.build.reason.facts import Triple, fact_triples, is_fact
from kg.build.reason.reference import owlrl_inferred
from kg.build.reason.rules import UnsupportedAxiom, inferred_facts, reason, schema_of
from kg.iris import SCHEMA, Names
from kg.query.store import Store

from .conftest import PREFIXES, rows


def _engine(ontology: Graph, facts: set[Triple], names: Names) -> set[Triple]:
    r = reason(schema_of(ontology), facts)
    return inferred_facts(r, facts, lambda t: is_fact(t, names))[0]


def test_the_engine_infers_exactly_what_owlrl_infers_on_the_built_graph(built: Built) -> None:
    n = built.names
    ontology = built.graphs[n.ontology_graph]
    facts = fact_triples(built.graphs, n, exclude={n.ontology_graph, n.inferred_graph})
    expected = owlrl_inferred(ontology, facts, n)
    assert len(expected) > 100
    assert _engine(ontology, facts, n) == expected


@pytest.mark.parametrize("seed", range(4))
def test_the_engine_agrees_with_owlrl_on_generated_graphs(built: Built, seed: int) -> None:
    """Random individuals joined by random object properties and typed with random classes."""
    n = built.names
    ontology = built.graphs[n.ontology_graph]
    props = sorted(
        p for p in ontology.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)
    )
    classes = sorted(c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    rnd = random.Random(seed)
    people = [n.entity(f"gen/{i}") for i in range(40)]
    facts: set[Triple] = set()
    for _ in range(160):
        facts.add((rnd.choice(people), rnd.choice(props), rnd.choice(people)))
    for _ in range(40):
        facts.add((rnd.choice(people), RDF.type, rnd.choice(classes)))
    for _ in range(10):
        facts.add((rnd.choice(people), n.kgo.votes, Literal(rnd.randint(1, 9999))))
    assert _engine(ontology, facts, n) == owlrl_inferred(ontology, facts, n)


def test_unsupported_axioms_fail_loudly() -> None:
    g = Graph()
    g.add((URIRef("http://x/p"), RDF.type, OWL.FunctionalProperty))
    with pytest.raises(UnsupportedAxiom):
        schema_of(g)


def test_father_in_law_is_both_stated_and_inferred(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?g WHERE { GRAPH ?g { kg:kalpana-soren kgo:fatherInLaw kg:shibu-soren } } ORDER BY ?g
        """,
    ) == [("http://localhost:5000/graph/inferred",), ("http://localhost:5000/graph/source/000",)]


def test_the_inferred_father_in_law_is_explained_by_the_chain_down_to_article_000(
    store: Store,
) -> None:
    got = rows(
        store,
        PREFIXES
        + """
        SELECT ?rule ?axiom ?premiseProperty ?premiseObject ?article ?quote WHERE {
          GRAPH <graph/inferred> {
            ?st rdf:subject kg:kalpana-soren ; rdf:predicate kgo:fatherInLaw ; rdf:object kg:shibu-soren ;
                kgo:inferredBy ?d .
            ?d kgo:rule ?rule ; kgo:axiomAbout ?axiom ; kgo:premise ?prem .
          }
          ?prem rdf:predicate ?premiseProperty ; rdf:object ?premiseObject ;
                prov:wasDerivedFrom ?ref .
          ?ref kgo:statedIn/kgo:sourceId ?article ; oa:hasSelector/oa:exact ?quote .
          FILTER(?article = "000")
        } ORDER BY ?premiseProperty ?quote""",
    )
    chain = "http://localhost:5000/ontology#fatherInLaw"
    assert {(r[0], r[1], r[2], r[3]) for r in got} == {
        (
            "prp-spo2",
            chain,
            "http://localhost:5000/ontology#father",
            "http://localhost:5000/id/shibu-soren",
        ),
        ("prp-spo2", chain, "http://schema.org/spouse", "http://localhost:5000/id/hemant-soren"),
    }
    quotes = {r[5] for r in got}
    assert quotes == {  # the spouse premise is read twice in 000's personal life section
        "Hemant Soren, son of former Chief Minister Shibu Soren",
        "her husband Hemant Soren",
        "married Hemant Soren",
    }


def test_kalpana_is_inferred_as_shibu_sorens_daughter_in_law(store: Store) -> None:
    assert rows(
        store,
        PREFIXES
        + """
        SELECT ?g WHERE { GRAPH ?g { kg:shibu-soren kgo:daughterInLaw kg:kalpana-soren } }
        """,
    ) == [("http://localhost:5000/graph/inferred",)]


def test_no_son_in_law_is_called_a_daughter_in_law(store: Store) -> None:
    # Hemant Soren's father-in-law is Ampa Murmu (spouse, then father) ...
    assert (
        store.query(PREFIXES + "ASK { kg:hemant-soren kgo:fatherInLaw kg:ampa-murmu }").boolean
        is True
    )
    assert (
        store.query(PREFIXES + "ASK { kg:ampa-murmu kgo:childInLaw kg:hemant-soren }").boolean
        is True
    )
    # ... but Hemant is not Ampa Murmu's daughter-in-law
    assert (
        store.query(PREFIXES + "ASK { kg:ampa-murmu kgo:daughterInLaw kg:hemant-soren }").boolean
        is False
    )


def test_symmetric_inverse_and_class_inferences(store: Store) -> None:
    for ask in (
        "ASK { GRAPH <graph/inferred> { kg:shibu-soren schema:children kg:hemant-soren } }",
        "ASK { GRAPH <graph/inferred> { kg:kalpana-soren a kgo:MemberOfLegislativeAssembly } }",
        "ASK { GRAPH <graph/inferred> { kg:hemant-soren a kgo:ChiefMinister } }",
        "ASK { GRAPH <graph/inferred> { kg:kapurthala kgo:locatedIn kg:india } }",
        "ASK { GRAPH <graph/inferred> { kg:jharkhand-mukti-morcha kgo:alliedWith kg:indian-national-congress } }",
    ):
        assert store.query(PREFIXES + ask).boolean is True, ask


def test_the_inferred_graph_holds_no_reasoner_noise(built: Built) -> None:
    n = built.names
    g = built.graphs[n.inferred_graph]
    facts = [
        t
        for t in g
        if (t[0], RDF.type, RDF.Statement) not in g and not str(t[0]).endswith("/derivation")
    ]
    assert facts
    for s, p, o in facts:
        assert isinstance(s, URIRef) and str(s).startswith(str(n.kg))
        assert not (p == OWL.sameAs and s == o)
        assert (p, o) != (RDF.type, OWL.Thing)
    assert (n.entity("kalpana-soren"), RDF.type, SCHEMA.Person) in g
    assert not any(isinstance(s, Literal) for s, _, _ in g)


def test_asserted_only_queries_exclude_inferences(store: Store) -> None:
    """The documented pattern for 'what the articles say': only the article graphs."""
    assert rows(
        store,
        PREFIXES
        + """
        SELECT DISTINCT ?rel WHERE {
          GRAPH ?g { kg:kalpana-soren ?rel kg:shibu-soren } FILTER(STRSTARTS(STR(?g), STR(<graph/source/>)))
        }""",
    ) == [("http://localhost:5000/ontology#fatherInLaw",)]


def test_every_premise_of_every_derivation_is_a_statement_that_leads_somewhere(
    store: Store,
) -> None:
    """Following premises always reaches an article reference, a registry entry or another derivation."""
    assert (
        store.query(
            PREFIXES
            + """
        ASK {
          GRAPH <graph/inferred> { ?d kgo:premise ?prem }
          FILTER NOT EXISTS { ?prem prov:wasDerivedFrom ?ref }
          FILTER NOT EXISTS { ?prem kgo:inferredBy ?d2 }
          FILTER NOT EXISTS { ?prem kgo:curatedIn ?file }
        }"""
        ).boolean
        is False
    )
    assert store.query(PREFIXES + "ASK { ?d kgo:rule 'cls-svf1, cax-sco' }").boolean is True
