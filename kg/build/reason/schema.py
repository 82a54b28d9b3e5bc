"""What the rule engine reads from the ontology: the axioms of the constructs it implements.

:func:`schema_of` fails on any construct the engine does not implement, so a new axiom in the
ontology cannot make the build silently infer less than owlrl would.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph
from rdflib.collection import Collection
from rdflib.term import Node as RDFNode

from kg.build.reason.facts import Triple

UNSUPPORTED = (
    OWL.equivalentClass,
    OWL.equivalentProperty,
    OWL.sameAs,
    OWL.hasKey,
    OWL.intersectionOf,
    OWL.unionOf,
    OWL.hasValue,
    OWL.allValuesFrom,
    OWL.maxCardinality,
    OWL.cardinality,
    OWL.maxQualifiedCardinality,
    OWL.oneOf,
    OWL.disjointWith,
    OWL.propertyDisjointWith,
)
UNSUPPORTED_TYPES = (
    OWL.FunctionalProperty,
    OWL.InverseFunctionalProperty,
    OWL.AsymmetricProperty,
    OWL.IrreflexiveProperty,
    OWL.ReflexiveProperty,
)


class UnsupportedAxiom(ValueError):
    """The ontology uses a construct this engine does not implement."""


@dataclass
class Schema:
    sub_class: dict[RDFNode, set[RDFNode]] = field(default_factory=lambda: defaultdict(set))
    sub_prop: dict[RDFNode, set[RDFNode]] = field(default_factory=lambda: defaultdict(set))
    inverse: dict[RDFNode, set[RDFNode]] = field(default_factory=lambda: defaultdict(set))
    domain: dict[RDFNode, set[RDFNode]] = field(default_factory=lambda: defaultdict(set))
    range: dict[RDFNode, set[RDFNode]] = field(default_factory=lambda: defaultdict(set))
    symmetric: set[RDFNode] = field(default_factory=set)
    transitive: set[RDFNode] = field(default_factory=set)
    chains: list[tuple[RDFNode, tuple[RDFNode, ...], Triple]] = field(default_factory=list)
    svf: dict[tuple[RDFNode, RDFNode], set[RDFNode]] = field(
        default_factory=lambda: defaultdict(set)
    )


def _check_supported(ontology: Graph) -> None:
    """Fail on any construct the engine would otherwise silently ignore."""
    for p in UNSUPPORTED:
        if (None, p, None) in ontology:
            raise UnsupportedAxiom(
                f"the rule engine does not implement {p}; extend kg/build/reason/rules.py"
            )
    for t in UNSUPPORTED_TYPES:
        if (None, RDF.type, t) in ontology:
            raise UnsupportedAxiom(
                f"the rule engine does not implement {t}; extend kg/build/reason/rules.py"
            )


def _pairs(ontology: Graph, p: RDFNode, into: dict[RDFNode, set[RDFNode]]) -> None:
    """Each ``s p o`` of the ontology as ``into[s] ∋ o``."""
    for s, o in ontology.subject_objects(p):
        into[s].add(o)


def _chains(ontology: Graph) -> list[tuple[RDFNode, tuple[RDFNode, ...], Triple]]:
    """Each property chain axiom as (property, its chain of links, the axiom triple)."""
    out: list[tuple[RDFNode, tuple[RDFNode, ...], Triple]] = []
    for chain, head in ontology.subject_objects(OWL.propertyChainAxiom):
        links = tuple[RDFNode, ...](Collection(ontology, head))
        out.append((chain, links, (chain, OWL.propertyChainAxiom, head)))
    return out


def _some_values_from(ontology: Graph, into: dict[tuple[RDFNode, RDFNode], set[RDFNode]]) -> None:
    """Each ``owl:someValuesFrom`` restriction ``r`` on ``p`` to ``c`` as ``into[(p, c)] ∋ r``."""
    for r in ontology.subjects(RDF.type, OWL.Restriction):
        on, some = ontology.value(r, OWL.onProperty), ontology.value(r, OWL.someValuesFrom)
        if on is not None and some is not None:
            into[(on, some)].add(r)


def schema_of(ontology: Graph) -> Schema:
    _check_supported(ontology)
    sc = Schema()
    _pairs(ontology, RDFS.subClassOf, sc.sub_class)
    _pairs(ontology, RDFS.subPropertyOf, sc.sub_prop)
    for s, o in ontology.subject_objects(OWL.inverseOf):
        sc.inverse[s].add(o)
        sc.inverse[o].add(s)
    _pairs(ontology, RDFS.domain, sc.domain)
    _pairs(ontology, RDFS.range, sc.range)
    sc.symmetric = set[RDFNode](ontology.subjects(RDF.type, OWL.SymmetricProperty))
    sc.transitive = set[RDFNode](ontology.subjects(RDF.type, OWL.TransitiveProperty))
    sc.chains = _chains(ontology)
    _some_values_from(ontology, sc.svf)
    return sc
