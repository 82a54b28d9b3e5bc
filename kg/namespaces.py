"""IRIs of the graph: namespaces, graph names and CURIE expansion, all from one base IRI."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS

SCHEMA = Namespace("http://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

FIXED = {
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "oa": OA,
    "wd": WD,
}


@dataclass(frozen=True)
class Names:
    """Every IRI the build makes, derived from the base IRI."""

    base: str

    @property
    def kgo(self) -> Namespace:
        return Namespace(self.base + "ontology#")

    @property
    def kg(self) -> Namespace:
        return Namespace(self.base + "id/")

    @property
    def shapes(self) -> Namespace:
        return Namespace(self.base + "shapes#")

    def prefixes(self) -> dict[str, str]:
        return {"kg": str(self.kg), "kgo": str(self.kgo), **{k: str(v) for k, v in FIXED.items()}}

    def expand(self, curie: str) -> URIRef:
        prefix, _, local = curie.partition(":")
        ns = self.prefixes().get(prefix)
        if ns is None or not local:
            raise KeyError(f"unknown CURIE {curie!r}")
        return URIRef(ns + local)

    def entity(self, slug: str) -> URIRef:
        return URIRef(self.base + "id/" + slug)

    def source(self, sid: str) -> URIRef:
        return URIRef(self.base + "source/" + sid)

    def source_graph(self, sid: str) -> URIRef:
        return URIRef(self.base + "graph/source/" + sid)

    @property
    def entities_graph(self) -> URIRef:
        return URIRef(self.base + "graph/entities")

    @property
    def ontology_graph(self) -> URIRef:
        return URIRef(self.base + "graph/ontology")

    @property
    def inferred_graph(self) -> URIRef:
        return URIRef(self.base + "graph/inferred")

    @property
    def user_graph(self) -> URIRef:
        return URIRef(self.base + "graph/user")

    def statement(self, key: str) -> URIRef:
        return URIRef(self.base + "statement/" + key)

    def reference(self, key: str) -> URIRef:
        return URIRef(self.base + "reference/" + key)

    def class_iri(self, local: str) -> URIRef:
        """Entity type names of ``entities.yaml``: 'Person' is schema:Person, others kgo:."""
        return SCHEMA.Person if local == "Person" else URIRef(self.kgo + local)
