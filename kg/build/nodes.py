"""Statement nodes: n-ary facts (a candidacy, a position holding, a seat tally ...).

Each kind names its class, the properties that make a node of that kind unique (its key, in
order), and optionally a "truthy" shortcut triple (``holder positionHeld post``) so simple
queries stay simple. :func:`key_claims` turns a node into the claims that state it exists, all
carrying the evidence given.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.iris import digest, slugify
from kg.model import Claim, EntityId, Lit, Method, Node, Span, Term, Value


@dataclass(frozen=True)
class NodeKind:
    name: str  # IRI segment: id/<name>/<key parts...>
    cls: str  # CURIE of the class
    roles: tuple[str, ...]  # key properties, in key order
    truthy: tuple[int, str, int] | None = None  # (owner key index, property, value key index)


NODE_KINDS: dict[str, NodeKind] = {
    k.name: k
    for k in (
        NodeKind(
            "candidacy",
            "kgo:Candidacy",
            ("kgo:election", "kgo:candidate"),
            (1, "kgo:candidateIn", 0),
        ),
        NodeKind(
            "holding", "kgo:PositionHolding", ("kgo:post", "kgo:holder"), (1, "kgo:positionHeld", 0)
        ),
        NodeKind(
            "education",
            "kgo:Education",
            ("kgo:student", "kgo:institution"),
            (0, "schema:alumniOf", 1),
        ),
        NodeKind("seat-tally", "kgo:SeatTally", ("kgo:election", "kgo:party", "kgo:asOfTime")),
        NodeKind("final-tally", "kgo:SeatTally", ("kgo:election", "kgo:party")),
        NodeKind(
            "membership",
            "kgo:PartyMembership",
            ("kgo:member", "kgo:party"),
            (0, "kgo:memberOfParty", 1),
        ),
        NodeKind(
            "founding",
            "kgo:Founding",
            ("kgo:organisationFounded", "kgo:founder"),
            (1, "kgo:founderOf", 0),
        ),
        NodeKind("alliance", "kgo:Alliance", ("kgo:election", "kgo:ledBy")),
        NodeKind("seat-allocation", "kgo:SeatAllocation", ("kgo:election", "kgo:party")),
        NodeKind("phase", "kgo:ElectionPhase", ("kgo:phaseOf", "kgo:phaseNumber")),
        NodeKind("contest", "kgo:ConstituencyContest", ("kgo:election", "kgo:constituency")),
        NodeKind("campaign", "kgo:Campaign", ("kgo:election", "kgo:party")),
        NodeKind("marriage", "kgo:Marriage", ("kgo:participant", "kgo:participant")),
        NodeKind("arrest", "kgo:Arrest", ("kgo:personArrested",)),
        NodeKind("bail", "kgo:Bail", ("kgo:personBailed",)),
        NodeKind("oath", "kgo:OathTaking", ("kgo:person", "kgo:post")),
        NodeKind("entry-into-politics", "kgo:EntryIntoPolitics", ("kgo:person",)),
        NodeKind("resignation", "kgo:Resignation", ("kgo:person", "kgo:post")),
        NodeKind("party-switch", "kgo:PartySwitch", ("kgo:person", "kgo:toParty")),
        NodeKind("rallies", "kgo:RallySeries", ("kgo:person", "kgo:partOf")),
        NodeKind("interview", "kgo:Interview", ("kgo:interviewee", "kgo:interviewer")),
        NodeKind("gathering", "kgo:PublicGathering", ("kgo:location", "kgo:person")),
        NodeKind("celebration", "kgo:Celebration", ("kgo:organiser", "kgo:date")),
        NodeKind("quotation", "kgo:Quotation", ("kgo:speaker", "kgo:quotationText")),
    )
}


class NodeError(ValueError):
    """A node spec that does not fit its kind."""


def path_of(v: Value) -> str:
    """The id path of an entity or a statement node, the part of its IRI after ``id/``:
    ``hemant-soren``, ``candidacy/election/2024-jharkhand-assembly/hemant-soren``. A literal in
    a node key is its slug (long ones shortened, with a hash that keeps them apart)."""
    if isinstance(v, EntityId):
        return v.id
    if isinstance(v, Lit):
        slug = slugify(v.lexical)
        return slug if len(slug) <= 40 else f"{slug[:32].rstrip('-')}-{digest(v.lexical)[:8]}"
    if isinstance(v, Node):
        return v.kind + "/" + "/".join(path_of(k) for k in v.key)
    raise TypeError(f"cannot key a node by {v!r}")


def make_node(kind: str, *key: Value) -> Node:
    spec = NODE_KINDS.get(kind)
    if spec is None:
        raise NodeError(f"unknown node kind {kind!r}; known: {', '.join(sorted(NODE_KINDS))}")
    if len(key) != len(spec.roles):
        raise NodeError(
            f"a {kind} node needs {len(spec.roles)} key parts ({', '.join(spec.roles)})"
        )
    return Node(kind, tuple(key))


def canonical(node: Node) -> Node:
    """``node`` with the parts of an unordered key (a marriage's two participants) sorted, so the
    same marriage is one node whichever spouse an article names first."""
    spec = NODE_KINDS.get(node.kind)
    if spec is None or len(spec.roles) < 2 or len(set(spec.roles)) > 1:
        return node
    if not all(isinstance(p, EntityId) for p in node.key):
        return node
    return Node(
        node.kind, tuple(sorted(node.key, key=lambda p: p.id if isinstance(p, EntityId) else ""))
    )


def key_claims(node: Node, evidence: Span, method: Method, rule: str) -> list[Claim]:
    """The type, key and truthy claims that state ``node`` exists, all on ``evidence``."""
    spec = NODE_KINDS[node.kind]
    out = [Claim(node, "rdf:type", Term(spec.cls), evidence, method, rule)]
    for prop, part in zip(spec.roles, node.key, strict=True):
        out.append(Claim(node, prop, part, evidence, method, rule))
    if spec.truthy is not None:
        owner, prop, value = spec.truthy
        subject = node.key[owner]
        if isinstance(subject, Lit | Term):
            raise NodeError(f"{node.kind}: truthy owner must be an entity")
        out.append(Claim(subject, prop, node.key[value], evidence, method, rule))
    return out
