"""Resolved claims -> an RDF dataset: one named graph per article, plus entities and ontology.

For every claim the article's graph holds the plain ("truthy") triple and a statement node
(``rdf:Statement``) naming that triple, whose ``prov:wasDerivedFrom`` points at a reference:
the article, the extraction method and rule, and two Web Annotation selectors (character
offsets, and the exact quoted text with a little context). The same triple stated twice gets one
statement node and two references. Every IRI is derived from content, so a rebuild of the same
inputs yields the same dataset.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node as RDFNode

from kg.build.nodes import path_of
from kg.build.resolve import Entity
from kg.iris import OA, PROV, SCHEMA, Names, digest, statement_iri
from kg.model import Claim, EntityId, Lit, Node, Review, Source, Term, Value

CONTEXT_CHARS = 32
XSD_TYPES = {
    "integer": XSD.integer,
    "decimal": XSD.decimal,
    "date": XSD.date,
    "gYear": XSD.gYear,
    "gYearMonth": XSD.gYearMonth,
    "time": XSD.time,
    "boolean": XSD.boolean,
}


class Terms:
    """Maps model values to RDF terms under one base IRI."""

    def __init__(self, names: Names) -> None:
        self.names = names

    def node_iri(self, node: Node) -> URIRef:
        return self.names.entity(path_of(node))

    def term(self, v: Value) -> RDFNode:
        if isinstance(v, EntityId):
            return self.names.entity(v.id)
        if isinstance(v, Node):
            return self.node_iri(v)
        if isinstance(v, Term):
            return self.names.expand(v.curie)
        if isinstance(v, Lit):
            return Literal(v.lexical, datatype=XSD_TYPES.get(v.datatype))
        raise TypeError(f"unresolved value {v!r}")


def triple_of(terms: Terms, c: Claim) -> tuple[URIRef, URIRef, RDFNode]:
    s = terms.term(c.subject)
    assert isinstance(s, URIRef)
    return s, terms.names.expand(c.predicate), terms.term(c.object)


def add_claims(g: Graph, names: Names, claims: Iterable[Claim], source: Source) -> None:
    terms = Terms(names)
    kgo = names.kgo
    src = names.source(source.id)
    text = source.text
    for c in claims:
        s, p, o = triple_of(terms, c)
        g.add((s, p, o))
        st = statement_iri(names, s, p, o)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, p))
        g.add((st, RDF.object, o))
        ev = c.evidence
        ref = names.reference(digest(st, ev.source, ev.start, ev.end, c.rule))
        g.add((st, PROV.wasDerivedFrom, ref))
        g.add((ref, RDF.type, kgo.Reference))
        g.add((ref, kgo.statedIn, src))
        g.add((ref, kgo.extractionMethod, kgo[c.method.value]))
        g.add((ref, kgo.extractionRule, Literal(c.rule)))
        if c.claim_id and c.review is None:
            g.add((ref, kgo.claimId, Literal(c.claim_id)))
        if c.approximate:
            g.add((ref, kgo.approximate, Literal(True)))
        if c.note:
            g.add((ref, kgo.note, Literal(c.note)))
        if c.review is not None:
            _add_review(g, terms, ref, c.review)
        pos, quote = URIRef(f"{ref}/position"), URIRef(f"{ref}/quote")
        g.add((ref, OA.hasSelector, pos))
        g.add((ref, OA.hasSelector, quote))
        g.add((pos, RDF.type, OA.TextPositionSelector))
        g.add((pos, OA.start, Literal(ev.start)))
        g.add((pos, OA.end, Literal(ev.end)))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(ev.text)))
        g.add((quote, OA.prefix, Literal(text[max(0, ev.start - CONTEXT_CHARS) : ev.start])))
        g.add((quote, OA.suffix, Literal(text[ev.end : ev.end + CONTEXT_CHARS])))


DECISIONS = {"accepted": "Accepted", "corrected": "Corrected", "added": "AddedByReview"}


def _add_review(g: Graph, terms: Terms, ref: URIRef, review: Review) -> None:
    """Who reviewed the fact behind ``ref``, when, and what they decided (and, for a correction,
    the value the rule had read)."""
    names = terms.names
    agent = names.agent(review.reviewer)
    g.add((agent, RDF.type, PROV.Agent))
    g.add((agent, RDFS.label, Literal(review.reviewer)))
    g.add((ref, PROV.wasAttributedTo, agent))
    g.add((ref, names.kgo.reviewDecision, names.kgo[DECISIONS[review.decision]]))
    g.add((ref, names.kgo.reviewedAt, Literal(review.at, datatype=XSD.dateTime)))
    g.add((ref, names.kgo.claimId, Literal(review.ref)))
    if review.corrected_from is not None:
        g.add((ref, names.kgo.correctedFrom, terms.term(review.corrected_from)))


def add_source(g: Graph, names: Names, source: Source, publisher: str | None) -> None:
    kgo = names.kgo
    src = names.source(source.id)
    cls = kgo.EncyclopediaArticle if source.kind == "encyclopedia" else kgo.NewsArticle
    g.add((src, RDF.type, cls))
    g.add((src, DCTERMS.title, Literal(source.title)))
    g.add((src, kgo.sourceId, Literal(source.id)))
    g.add((src, kgo.sourceFile, Literal("data/sources/" + source.file)))
    g.add((src, kgo.sha256, Literal(source.sha256)))
    g.add((src, kgo.retrievedDate, Literal(source.retrieved, datatype=XSD.date)))
    if source.published:
        g.add((src, kgo.publicationDate, Literal(source.published, datatype=XSD.date)))
    if source.publisher:
        g.add((src, kgo.publisherName, Literal(source.publisher)))
    if publisher:
        g.add((src, kgo.publisher, names.entity(publisher)))
    if source.url:
        g.add((src, SCHEMA.url, URIRef(source.url)))
    if not source.title_from_text:
        g.add((src, kgo.note, Literal("The article has no headline; the title is descriptive.")))


def add_entities(g: Graph, names: Names, entities: Iterable[Entity]) -> None:
    for e in entities:
        iri = names.entity(e.id)
        cls = names.class_iri(e.type)
        g.add((iri, RDF.type, cls))
        st = statement_iri(names, iri, RDF.type, cls)
        g.add((st, RDF.type, RDF.Statement))
        g.add((st, RDF.subject, iri))
        g.add((st, RDF.predicate, RDF.type))
        g.add((st, RDF.object, cls))
        g.add((st, names.kgo.curatedIn, Literal("data/entities.yaml")))
        g.add((iri, RDFS.label, Literal(e.label, lang="en")))
        for a in e.aliases:
            g.add((iri, SKOS.altLabel, Literal(a, lang="en")))
        if e.description:
            g.add((iri, SCHEMA.description, Literal(" ".join(e.description.split()), lang="en")))
        if e.wikidata:
            g.add(
                (
                    iri,
                    names.kgo.wikidataItem,
                    URIRef("http://www.wikidata.org/entity/" + e.wikidata),
                )
            )
        if e.minted:
            g.add(
                (
                    iri,
                    names.kgo.note,
                    Literal("Made by the build from a mention no entity matched."),
                )
            )


def _part_label(k: Value, labels: dict[str, str]) -> str:
    if isinstance(k, EntityId):
        return labels.get(k.id, k.id)
    if isinstance(k, Lit):
        return k.lexical
    return k.kind if isinstance(k, Node) else ""


def add_node_labels(g: Graph, names: Names, nodes: Iterable[Node], labels: dict[str, str]) -> None:
    """Readable labels for statement nodes, from their kind and the labels of their key parts."""
    terms = Terms(names)
    for node in nodes:
        parts = [_part_label(k, labels) for k in node.key]
        text = ", ".join(p if len(p) <= 60 else p[:57] + "…" for p in parts if p)
        g.add(
            (
                terms.node_iri(node),
                RDFS.label,
                Literal(f"{node.kind.replace('-', ' ')}: {text}", lang="en"),
            )
        )
