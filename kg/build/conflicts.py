"""Stage between resolve and rdf: one value where the model allows one.

Two readers of one article can disagree: an electoral table gives a candidacy one constituency and
a sentence of the same article another spelling or another seat; a sentence about two elections
gives one candidacy both outcomes. The shapes (``sh:maxCount 1``) would refuse the whole build.
Here, for each property a shape allows once on a kind of node, the value of the most reliable
reader is kept (a person's review, then infobox, table, then sentence rules; among equals the one
stated first) and each other value is dropped with a warning that names both, so nothing is lost
silently and one article's slip never blocks the corpus.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from kg.build.nodes import NODE_KINDS
from kg.iris import Names
from kg.model import Claim, Method, Node, Problem

RANK = {
    Method.REVIEWED: 0,
    Method.INFOBOX: 1,
    Method.TABLE: 2,
    Method.NEWS: 3,
    Method.SENTENCE: 3,
}


def single_valued(shapes: Graph) -> set[tuple[URIRef, URIRef]]:
    """(class, property) pairs a shape allows at most once."""
    out = set()
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            most = shapes.value(prop, SH.maxCount)
            if isinstance(path, URIRef) and isinstance(cls, URIRef) and str(most) == "1":
                out.add((cls, path))
    return out


def one_value_each(
    claims: list[Claim], once: set[tuple[URIRef, URIRef]], names: Names
) -> tuple[list[Claim], list[Problem]]:
    """``claims`` with the less reliable of conflicting single values dropped, and a warning for
    each value dropped."""
    groups: dict[tuple[Node, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if isinstance(c.subject, Node):
            kind = NODE_KINDS.get(c.subject.kind)
            if kind is not None and (names.expand(kind.cls), names.expand(c.predicate)) in once:
                groups[(c.subject, c.predicate)].append(c)
    dropped: set[int] = set()
    problems = []
    for (node, prop), group in groups.items():
        if len({repr(c.object) for c in group}) < 2:
            continue
        best = min(group, key=lambda c: (_rank(c), c.evidence.start))
        for c in group:
            if repr(c.object) != repr(best.object):
                dropped.add(id(c))
                problems.append(
                    Problem(
                        "resolve",
                        f"{prop} of {node.kind} {_key(node)}: kept {_val(best)} "
                        f"({best.method.value}), dropped {_val(c)} ({c.method.value}) "
                        f"read from {c.evidence.text[:80]!r}",
                        f"{c.evidence.source}@{c.evidence.start}",
                    )
                )
    return [c for c in claims if id(c) not in dropped], problems


def _rank(c: Claim) -> int:
    """A value a reviewer accepted or corrected wins over every rule's reading."""
    return 0 if c.review is not None else RANK.get(c.method, 9)


def _key(node: Node) -> str:
    return "/".join(_val_of(k) for k in node.key)


def _val(c: Claim) -> str:
    return _val_of(c.object)


def _val_of(v: object) -> str:
    for attr in ("id", "lexical", "curie", "text"):
        if hasattr(v, attr):
            return str(getattr(v, attr))
    return repr(v)
