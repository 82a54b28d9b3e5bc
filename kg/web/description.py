"""The SPARQL 1.1 Service Description of this endpoint."""

from __future__ import annotations

import hashlib

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

from kg.query.formats import FORMATS

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FMT = Namespace("http://www.w3.org/ns/formats/")
_FORMAT_IRIS = {
    "json": FMT.SPARQL_Results_JSON,
    "xml": FMT.SPARQL_Results_XML,
    "csv": FMT.SPARQL_Results_CSV,
    "tsv": FMT.SPARQL_Results_TSV,
    "turtle": FMT.Turtle,
    "ntriples": FMT["N-Triples"],
    "jsonld": FMT["JSON-LD"],
    "rdfxml": FMT.RDF_XML,
    "trig": FMT.TriG,
    "nquads": FMT["N-Quads"],
}


def service_description(endpoint: str, graphs: list[str], updates: bool) -> Graph:
    g = Graph()
    g.bind("sd", SD)
    g.bind("format", FMT)
    svc = URIRef(endpoint)
    g.add((svc, RDF.type, SD.Service))
    g.add((svc, SD.endpoint, svc))
    g.add((svc, SD.supportedLanguage, SD.SPARQL11Query))
    if updates:
        g.add((svc, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((svc, SD.feature, SD.UnionDefaultGraph))
    for f in FORMATS:
        g.add((svc, SD.resultFormat, _FORMAT_IRIS[f.name]))
    ds = BNode("dataset")
    g.add((svc, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    default = BNode("default")
    g.add((ds, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in graphs:
        ng = BNode("g-" + hashlib.sha1(name.encode()).hexdigest()[:12])
        g.add((ds, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, URIRef(name)))
    g.add(
        (
            svc,
            URIRef("http://www.w3.org/2000/01/rdf-schema#comment"),
            Literal(
                "Read-only SPARQL 1.1 endpoint; the default graph is the union of all named graphs. "
                "SERVICE and LOAD are refused; SPARQL Update needs a bearer token and writes only the user graph."
            ),
        )
    )
    return g
