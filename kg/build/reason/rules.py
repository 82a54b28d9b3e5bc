"""A small OWL 2 RL engine that remembers why: every conclusion with its rule and premises.

It implements the rules this ontology's axioms call for (names from the OWL 2 RL profile,
section 4.3): prp-dom, prp-rng, prp-symp, prp-trp, prp-spo1, prp-spo2, prp-inv1, prp-inv2,
cax-sco and cls-svf1. Tests compare its facts with owlrl's on the built graph and on generated
graphs; a construct it does not implement makes :func:`schema_of` fail loudly instead of silently
inferring less.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import OWL, RDF, RDFS, Graph, Literal
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


@dataclass(frozen=True)
class Step:
    """One rule application: ``conclusion`` follows from ``premises`` (facts) by ``rule`` using ``axioms``."""

    conclusion: Triple
    rule: str
    premises: tuple[Triple, ...]
    axioms: tuple[Triple, ...]


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


def schema_of(ontology: Graph) -> Schema:
    sc = Schema()
    for p in UNSUPPORTED:
        if (None, p, None) in ontology:
            raise UnsupportedAxiom(
                f"the rule engine does not implement {p}; extend kg/reason/rules.py"
            )
    for t in UNSUPPORTED_TYPES:
        if (None, RDF.type, t) in ontology:
            raise UnsupportedAxiom(
                f"the rule engine does not implement {t}; extend kg/reason/rules.py"
            )
    for s, o in ontology.subject_objects(RDFS.subClassOf):
        sc.sub_class[s].add(o)
    for s, o in ontology.subject_objects(RDFS.subPropertyOf):
        sc.sub_prop[s].add(o)
    for s, o in ontology.subject_objects(OWL.inverseOf):
        sc.inverse[s].add(o)
        sc.inverse[o].add(s)
    for s, o in ontology.subject_objects(RDFS.domain):
        sc.domain[s].add(o)
    for s, o in ontology.subject_objects(RDFS.range):
        sc.range[s].add(o)
    sc.symmetric = set[RDFNode](ontology.subjects(RDF.type, OWL.SymmetricProperty))
    sc.transitive = set[RDFNode](ontology.subjects(RDF.type, OWL.TransitiveProperty))
    for chain, head in ontology.subject_objects(OWL.propertyChainAxiom):
        links = tuple[RDFNode, ...](Collection(ontology, head))
        sc.chains.append((chain, links, (chain, OWL.propertyChainAxiom, head)))
    for r in ontology.subjects(RDF.type, OWL.Restriction):
        on, some = ontology.value(r, OWL.onProperty), ontology.value(r, OWL.someValuesFrom)
        if on is not None and some is not None:
            sc.svf[(on, some)].add(r)
    return sc


class _Index:
    def __init__(self, facts: Iterable[Triple]) -> None:
        self.all: set[Triple] = set()
        self.by_p: dict[RDFNode, set[Triple]] = defaultdict(set)
        self.by_ps: dict[tuple[RDFNode, RDFNode], set[Triple]] = defaultdict(set)
        self.types: dict[RDFNode, set[RDFNode]] = defaultdict(set)
        for t in facts:
            self.add(t)

    def add(self, t: Triple) -> bool:
        if t in self.all:
            return False
        self.all.add(t)
        s, p, o = t
        self.by_p[p].add(t)
        self.by_ps[(p, s)].add(t)
        if p == RDF.type:
            self.types[s].add(o)
        return True


def _subject_ok(t: Triple) -> bool:
    return not isinstance(t[0], Literal)


def steps(sc: Schema, idx: _Index) -> Iterator[Step]:
    """Every rule application over the facts in ``idx``."""
    for t in list(idx.all):
        s, p, o = t
        if p == RDF.type:
            for sup in sc.sub_class.get(o, ()):
                yield Step((s, RDF.type, sup), "cax-sco", (t,), ((o, RDFS.subClassOf, sup),))
            continue
        for c in sc.domain.get(p, ()):
            yield Step((s, RDF.type, c), "prp-dom", (t,), ((p, RDFS.domain, c),))
        if not isinstance(o, Literal):
            for c in sc.range.get(p, ()):
                yield Step((o, RDF.type, c), "prp-rng", (t,), ((p, RDFS.range, c),))
            if p in sc.symmetric:
                yield Step((o, p, s), "prp-symp", (t,), ((p, RDF.type, OWL.SymmetricProperty),))
            for q in sc.inverse.get(p, ()):
                yield Step((o, q, s), "prp-inv", (t,), ((p, OWL.inverseOf, q),))
            if p in sc.transitive:
                for t2 in idx.by_ps.get((p, o), ()):
                    yield Step(
                        (s, p, t2[2]), "prp-trp", (t, t2), ((p, RDF.type, OWL.TransitiveProperty),)
                    )
            for c in idx.types.get(o, ()):
                for r in sc.svf.get((p, c), ()):
                    yield Step(
                        (s, RDF.type, r),
                        "cls-svf1",
                        (t, (o, RDF.type, c)),
                        ((r, OWL.onProperty, p), (r, OWL.someValuesFrom, c)),
                    )
        for q in sc.sub_prop.get(p, ()):
            yield Step((s, q, o), "prp-spo1", (t,), ((p, RDFS.subPropertyOf, q),))
    for p, links, axiom in sc.chains:
        paths: list[tuple[RDFNode, RDFNode, tuple[Triple, ...]]] = [
            (t[0], t[2], (t,)) for t in idx.by_p.get(links[0], ())
        ]
        for link in links[1:]:
            paths = [
                (start, t2[2], (*prem, t2))
                for start, end, prem in paths
                if not isinstance(end, Literal)
                for t2 in idx.by_ps.get((link, end), ())
            ]
        for start, end, prem in paths:
            yield Step((start, p, end), "prp-spo2", prem, (axiom,))


@dataclass(frozen=True)
class Reasoning:
    """The engine's result over asserted facts ``asserted``."""

    closure: frozenset[Triple]
    steps: tuple[Step, ...]  # every rule application over the closure
    derivation: dict[Triple, Step]  # for each derivable fact, a well-founded first derivation

    def derivable_without_itself(self, t: Triple, asserted: set[Triple]) -> bool:
        return t in _propagate(self.steps, asserted - {t}, stop=t)

    def explain(self, t: Triple, asserted: set[Triple]) -> Step | None:
        """A derivation of ``t``; for an asserted triple, one that does not rest on ``t`` itself."""
        if t not in asserted:
            return self.derivation.get(t)
        return _propagate(self.steps, asserted - {t}, stop=t).get(t)


def _propagate(
    all_steps: Iterable[Step], base: set[Triple], stop: Triple | None = None
) -> dict[Triple, Step | None]:
    """Horn propagation: which conclusions follow from ``base`` (first step found for each)."""
    waiting: dict[Triple, list[int]] = defaultdict(list)
    steps_list = list(all_steps)
    missing = []
    for i, st in enumerate(steps_list):
        need = {p for p in st.premises if p not in base}
        missing.append(len(need))
        for p in need:
            waiting[p].append(i)
    reached: dict[Triple, Step | None] = dict.fromkeys(base)
    queue: deque[int] = deque(i for i, n in enumerate(missing) if n == 0)
    while queue:
        st = steps_list[queue.popleft()]
        c = st.conclusion
        if c in reached:
            continue
        reached[c] = st
        if c == stop:
            break
        for j in waiting.get(c, ()):
            missing[j] -= 1
            if missing[j] == 0:
                queue.append(j)
    return reached


def reason(schema: Schema, asserted: set[Triple]) -> Reasoning:
    idx = _Index(asserted)
    while True:
        new = [
            st.conclusion
            for st in steps(schema, idx)
            if st.conclusion not in idx.all and _subject_ok(st.conclusion)
        ]
        if not new:
            break
        for c in new:
            idx.add(c)
    # a fixed order, so the derivation recorded for each fact is the same on every run
    all_steps = tuple(
        sorted(
            (st for st in steps(schema, idx) if _subject_ok(st.conclusion)),
            key=lambda st: (
                st.rule,
                [t.n3() for t in st.conclusion],
                [[t.n3() for t in p] for p in st.premises],
            ),
        )
    )
    first = _propagate(all_steps, set(asserted))
    derivation = {t: st for t, st in first.items() if st is not None}
    return Reasoning(frozenset(idx.all), all_steps, derivation)


def inferred_facts(
    reasoning: Reasoning, asserted: set[Triple], keep: object
) -> tuple[set[Triple], set[Triple]]:
    """(new facts, asserted facts that also follow from the other asserted facts), both filtered by ``keep``."""
    assert callable(keep)
    new = {t for t in reasoning.closure if t not in asserted and keep(t)}
    concluded = {st.conclusion for st in reasoning.steps if st.conclusion in asserted}
    also = {t for t in concluded if keep(t) and reasoning.derivable_without_itself(t, asserted)}
    return new, also


__all__ = [
    "Reasoning",
    "Schema",
    "Step",
    "UnsupportedAxiom",
    "inferred_facts",
    "reason",
    "schema_of",
]
