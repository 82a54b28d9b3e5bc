"""A small OWL 2 RL engine that remembers why: every conclusion with its rule and premises.

It implements the rules this ontology's axioms call for (names from the OWL 2 RL profile,
section 4.3): prp-dom, prp-rng, prp-symp, prp-trp, prp-spo1, prp-spo2, prp-inv1, prp-inv2,
cax-sco and cls-svf1. Tests compare its facts with owlrl's on the built graph and on generated
graphs; a construct it does not implement makes :func:`kg.build.reason.schema.schema_of` fail
loudly instead of silently inferring less.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import OWL, RDF, RDFS, Literal
from rdflib.term import Node as RDFNode

from kg.build.reason.facts import Triple
from kg.build.reason.schema import Schema, UnsupportedAxiom, schema_of


@dataclass(frozen=True)
class Step:
    """One rule application: ``conclusion`` follows from ``premises`` (facts) by ``rule`` using ``axioms``."""

    conclusion: Triple
    rule: str
    premises: tuple[Triple, ...]
    axioms: tuple[Triple, ...]


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


def _cax_sco(sc: Schema, t: Triple) -> Iterator[Step]:
    s, _, o = t
    for sup in sc.sub_class.get(o, ()):
        yield Step((s, RDF.type, sup), "cax-sco", (t,), ((o, RDFS.subClassOf, sup),))


def _prp_dom(sc: Schema, t: Triple) -> Iterator[Step]:
    s, p, _ = t
    for c in sc.domain.get(p, ()):
        yield Step((s, RDF.type, c), "prp-dom", (t,), ((p, RDFS.domain, c),))


def _prp_rng(sc: Schema, t: Triple) -> Iterator[Step]:
    _, p, o = t
    for c in sc.range.get(p, ()):
        yield Step((o, RDF.type, c), "prp-rng", (t,), ((p, RDFS.range, c),))


def _prp_symp(sc: Schema, t: Triple) -> Iterator[Step]:
    s, p, o = t
    if p in sc.symmetric:
        yield Step((o, p, s), "prp-symp", (t,), ((p, RDF.type, OWL.SymmetricProperty),))


def _prp_inv(sc: Schema, t: Triple) -> Iterator[Step]:
    s, p, o = t
    for q in sc.inverse.get(p, ()):
        yield Step((o, q, s), "prp-inv", (t,), ((p, OWL.inverseOf, q),))


def _prp_trp(sc: Schema, idx: _Index, t: Triple) -> Iterator[Step]:
    s, p, o = t
    if p not in sc.transitive:
        return
    for t2 in idx.by_ps.get((p, o), ()):
        yield Step((s, p, t2[2]), "prp-trp", (t, t2), ((p, RDF.type, OWL.TransitiveProperty),))


def _cls_svf1(sc: Schema, idx: _Index, t: Triple) -> Iterator[Step]:
    s, p, o = t
    for c in idx.types.get(o, ()):
        for r in sc.svf.get((p, c), ()):
            yield Step(
                (s, RDF.type, r),
                "cls-svf1",
                (t, (o, RDF.type, c)),
                ((r, OWL.onProperty, p), (r, OWL.someValuesFrom, c)),
            )


def _prp_spo1(sc: Schema, t: Triple) -> Iterator[Step]:
    s, p, o = t
    for q in sc.sub_prop.get(p, ()):
        yield Step((s, q, o), "prp-spo1", (t,), ((p, RDFS.subPropertyOf, q),))


def _fact_steps(sc: Schema, idx: _Index, t: Triple) -> Iterator[Step]:
    """The rule applications with the fact ``t`` as their first premise."""
    if t[1] == RDF.type:
        yield from _cax_sco(sc, t)
        return
    yield from _prp_dom(sc, t)
    if not isinstance(t[2], Literal):
        yield from _prp_rng(sc, t)
        yield from _prp_symp(sc, t)
        yield from _prp_inv(sc, t)
        yield from _prp_trp(sc, idx, t)
        yield from _cls_svf1(sc, idx, t)
    yield from _prp_spo1(sc, t)


def _prp_spo2(idx: _Index, p: RDFNode, links: tuple[RDFNode, ...], axiom: Triple) -> Iterator[Step]:
    """``p`` wherever a path of facts follows the property chain ``links``."""
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


def steps(sc: Schema, idx: _Index) -> Iterator[Step]:
    """Every rule application over the facts in ``idx``."""
    for t in list(idx.all):
        yield from _fact_steps(sc, idx, t)
    for p, links, axiom in sc.chains:
        yield from _prp_spo2(idx, p, links, axiom)


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
