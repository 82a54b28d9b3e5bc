"""IRIs of the graph, all from one base IRI: namespaces, graph names, CURIEs both ways, slugs and
the content-derived names of statements and references."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node as RDFNode

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
    def reference_graph(self) -> URIRef:
        """The reference data of ``data/reference/``: seats, districts, parties, alliances."""
        return URIRef(self.base + "graph/reference")

    def dataset(self, key: str) -> URIRef:
        """A reference dataset, one file of ``data/reference/`` ("constituencies"), or a public
        source it was compiled from ("constituencies/adr-lookup-2019")."""
        return URIRef(self.base + "dataset/" + key)

    @property
    def ontology_graph(self) -> URIRef:
        return URIRef(self.base + "graph/ontology")

    @property
    def inferred_graph(self) -> URIRef:
        return URIRef(self.base + "graph/inferred")

    @property
    def user_graph(self) -> URIRef:
        return URIRef(self.base + "graph/user")

    def agent(self, name: str) -> URIRef:
        """A reviewer, by the slug of their name."""
        return URIRef(self.base + "agent/" + slugify(name))

    def statement(self, key: str) -> URIRef:
        return URIRef(self.base + "statement/" + key)

    def reference(self, key: str) -> URIRef:
        return URIRef(self.base + "reference/" + key)

    def class_iri(self, local: str) -> URIRef:
        """Entity type names of ``entities.yaml``: 'Person' is schema:Person, others kgo:."""
        return SCHEMA.Person if local == "Person" else URIRef(self.kgo + local)


def slugify(text: str) -> str:
    """A readable, stable IRI segment: 'Jharkhand Mukti Morcha' -> 'jharkhand-mukti-morcha'."""
    s = re.sub(r"[^\w]+", "-", text.lower(), flags=re.ASCII).strip("-")
    return re.sub(r"-{2,}", "-", s) or "x"


def digest(*parts: object) -> str:
    """A short stable hash of the parts, for names derived from content (statements, references)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def statement_iri(names: Names, s: RDFNode, p: RDFNode, o: RDFNode) -> URIRef:
    """The ``rdf:Statement`` of a triple: the same triple gets the same IRI in every graph."""
    return names.statement(digest(s.n3(), p.n3(), o.n3()))


# SPARQL PN_LOCAL without escapes: a CURIE is only offered when it can be pasted into a query
_PN_LOCAL = re.compile(r"[\w:](?:[\w.:-]*[\w:-])?")


def compact(iri: str, prefixes: dict[str, str], base: str) -> str:
    """The shortest SPARQL spelling of ``iri``: ``prefix:local``, else ``<relative>``, else ``<iri>``."""
    best: tuple[str, str] | None = None
    for prefix, ns in prefixes.items():
        if iri.startswith(ns) and (best is None or len(ns) > len(best[1])):
            local = iri[len(ns) :]
            if local and _PN_LOCAL.fullmatch(local):
                best = (prefix, ns)
    if best is not None:
        return f"{best[0]}:{iri[len(best[1]) :]}"
    if iri.startswith(base):
        return f"<{iri[len(base) :]}>"
    return f"<{iri}>"
