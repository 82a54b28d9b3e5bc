"""What goes into the reasoner, and what of its output counts as a fact."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.term import Node as RDFNode

from kg.iris import SCHEMA, Names

Triple = tuple[RDFNode, RDFNode, RDFNode]

NOT_FACTS = {RDFS.label, SKOS.altLabel, SCHEMA.description}
NOISE_TYPES = {OWL.Thing, OWL.NamedIndividual, RDFS.Resource}


def fact_triples(
    graphs: Mapping[URIRef, Graph], names: Names, exclude: Iterable[URIRef] = ()
) -> set[Triple]:
    """Triples about entities and statement nodes (no provenance, labels or source metadata)."""
    prefix = str(names.kg)
    skip = set(exclude)
    out: set[Triple] = set()
    for gname, g in graphs.items():
        if gname in skip:
            continue
        for s, p, o in g:
            if isinstance(s, URIRef) and str(s).startswith(prefix) and p not in NOT_FACTS:
                out.add((s, p, o))
    return out


def is_fact(t: Triple, names: Names) -> bool:
    """Drop reasoner noise: literal or blank subjects, blank objects, x sameAs x, trivial types."""
    s, p, o = t
    if not isinstance(s, URIRef) or not str(s).startswith(str(names.kg)):
        return False
    if isinstance(o, BNode):
        return False
    if p == OWL.sameAs and s == o:
        return False
    if p == RDF.type and o in NOISE_TYPES:
        return False
    return not (p == RDF.type and isinstance(o, Literal))
