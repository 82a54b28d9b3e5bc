"""The facts a reviewer is shown for one article: every claim the next build will hold, with the
rule and passage it comes from, its review if it has one, and the decision fields that name it.

Each fact has a short id (a hash of the article, the passage and the fact), the same on every run
while the rules read the same, which ``kg review ID --reject FACT`` and the source page use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kg.build.nodes import path_of
from kg.build.reading import Read
from kg.build.review import Decision, Outcome, fact_key
from kg.build.review.record import occurrence_at
from kg.iris import digest
from kg.model import Claim, EntityId, Lit, Node, Source, Term, Value


@dataclass(frozen=True)
class Candidate:
    """One fact of an article, as a reviewer sees it."""

    fact: str  # short id
    label: str  # "Hemant Soren · kgo:memberOfParty · Jharkhand Mukti Morcha"
    method: str
    rule: str
    start: int
    end: int
    quote: str
    review: str | None  # "accepted by A. Rao, 2026-12-03T10:15:00+00:00", or None
    fields: dict[str, Any]  # subject, property, object or value, quote, occurrence


def fact_id(c: Claim) -> str:
    ev = c.evidence
    return digest(ev.source, ev.start, ev.end, *fact_key(c.subject, c.predicate, c.object))[:8]


def value_fields(v: Value) -> dict[str, Any]:
    """``{"object": "hemant-soren"}``, ``{"object": {"term": "kgo:Won"}}`` or
    ``{"value": {"integer": "5000"}}``: a value as a review file writes it."""
    if isinstance(v, EntityId | Node):
        return {"object": path_of(v)}
    if isinstance(v, Term):
        return {"object": {"term": v.curie}}
    if isinstance(v, Lit):
        return {"value": {v.datatype: v.lexical}}
    raise TypeError(f"unresolved value {v!r}")


def _label(v: Value, labels: dict[str, str]) -> str:
    if isinstance(v, EntityId):
        return labels.get(v.id, v.id)
    if isinstance(v, Node):
        parts = ", ".join(_label(k, labels) for k in v.key)
        return f"{v.kind.replace('-', ' ')} ({parts})"
    if isinstance(v, Term):
        return v.curie
    if isinstance(v, Lit):
        return v.lexical
    return str(v)


def _review(c: Claim) -> str | None:
    r = c.review
    return None if r is None else f"{r.decision} by {r.reviewer}, {r.at} ({r.ref})"


def _structural(c: Claim) -> bool:
    """A statement node's own type: it is there because the node is, not a reading to judge."""
    return c.predicate == "rdf:type" and isinstance(c.subject, Node)


def candidates(read: Read, sid: str) -> list[Candidate]:
    """The facts of source ``sid`` in text order, each once (without the types of statement
    nodes, which stand or fall with the node's other facts)."""
    source = next(s for s in read.sources if s.id == sid)
    labels = {e.id: e.label for e in read.resolver.all_entities()}
    out: dict[str, Candidate] = {}
    for c in sorted(
        (c for c in read.claims if c.evidence.source == sid and not _structural(c)),
        key=lambda c: (c.evidence.start, c.evidence.end, c.predicate, repr(c.object)),
    ):
        fid = fact_id(c)
        if fid not in out:
            out[fid] = Candidate(
                fid,
                f"{_label(c.subject, labels)} · {c.predicate} · {_label(c.object, labels)}",
                c.method.value,
                c.rule,
                c.evidence.start,
                c.evidence.end,
                c.evidence.text,
                _review(c),
                decision_fields(c, source),
            )
    return list(out.values())


def decision_fields(c: Claim, source: Source) -> dict[str, Any]:
    """The fields that name claim ``c`` in a decision: its fact and its passage."""
    fields: dict[str, Any] = {
        "subject": path_of(c.subject),
        "property": c.predicate,
        **value_fields(c.object),
        "quote": c.evidence.text,
    }
    occurrence = occurrence_at(source.text, c.evidence.text, c.evidence.start)
    if occurrence is not None:
        fields["occurrence"] = occurrence
    return fields


def decisions_of(read: Read, sid: str) -> list[tuple[Decision, Outcome]]:
    """The recorded decisions on ``sid`` with what each did on this reading."""
    return [(o.decision, o) for o in read.outcomes if o.decision.source == sid]


__all__ = ["Candidate", "candidates", "decision_fields", "decisions_of", "fact_id", "value_fields"]
