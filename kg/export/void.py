"""A VoID description of the dataset: size, entities, classes, properties, vocabularies,
example resources, subsets (one per named graph), the endpoint and the dump locations."""

from __future__ import annotations

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, XSD

from kg.iris import Names
from kg.query.store import Store

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
EXAMPLES = ("kalpana-soren", "gandey", "election/2024-jharkhand-assembly")


def _count(store: Store, sparql: str) -> int:
    return int(store.query(sparql).values()[0]["n"] or 0)


def void_description(store: Store, names: Names, endpoint: str, dumps: dict[str, str]) -> Graph:
    """``dumps`` maps a media type to the URL of a dump in that format."""
    g = Graph()
    for short, vocabulary in (("void", VOID), ("dcterms", DCTERMS), ("foaf", FOAF), ("sd", SD)):
        g.bind(short, vocabulary)
    ds = URIRef(names.base + "dataset")
    doc = URIRef(names.base + ".well-known/void")
    g.add((doc, RDF.type, VOID.DatasetDescription))
    g.add((doc, FOAF.primaryTopic, ds))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("Jharkhand politics knowledge graph", lang="en")))
    g.add(
        (
            ds,
            DCTERMS.description,
            Literal(
                "Facts of articles on Jharkhand politics with their provenance (article, offsets, quoted text), "
                "plus OWL 2 RL inferences kept in a graph of their own.",
                lang="en",
            ),
        )
    )
    prefix = str(names.kg)
    g.add((ds, VOID.uriSpace, Literal(prefix)))
    g.add(
        (
            ds,
            VOID.triples,
            Literal(
                _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), datatype=XSD.integer
            ),
        )
    )
    g.add(
        (
            ds,
            VOID.entities,
            Literal(
                _count(
                    store,
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { "
                    f'GRAPH <{names.entities_graph}> {{ ?s rdfs:label ?l }} FILTER(STRSTARTS(STR(?s), "{prefix}")) }}',
                ),
                datatype=XSD.integer,
            ),
        )
    )
    g.add(
        (
            ds,
            VOID.classes,
            Literal(
                _count(store, "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }"),
                datatype=XSD.integer,
            ),
        )
    )
    g.add(
        (
            ds,
            VOID.properties,
            Literal(
                _count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
                datatype=XSD.integer,
            ),
        )
    )
    g.add(
        (
            ds,
            VOID.distinctSubjects,
            Literal(
                _count(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
                datatype=XSD.integer,
            ),
        )
    )
    used = {r["p"] for r in store.query("SELECT DISTINCT ?p WHERE { ?s ?p ?o }").values()}
    for ns in sorted(set(names.prefixes().values()) - {prefix}):
        if any(p and p.startswith(ns) for p in used):
            g.add((ds, VOID.vocabulary, URIRef(ns)))
    for slug in EXAMPLES:
        g.add((ds, VOID.exampleResource, names.entity(slug)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
    for media, url in sorted(dumps.items()):
        g.add((ds, VOID.dataDump, URIRef(url)))
        g.add((URIRef(url), DCTERMS.format, Literal(media)))
    counts = store.count_by_graph()
    for gname in sorted(counts):
        sub = URIRef(gname)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, RDF.type, SD.NamedGraph))
        g.add((sub, SD.name, sub))
        g.add((sub, VOID.triples, Literal(counts[gname], datatype=XSD.integer)))
    return g
