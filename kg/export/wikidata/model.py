"""What the Wikidata exports write: items, statements (claims), references, and the facts left
out, gathered in a :class:`WikidataView` (made by :func:`kg.export.wikidata.statements.view`)."""

from __future__ import annotations

from dataclasses import dataclass

from kg.export.wikidata.properties import pid_number
from kg.export.wikidata.rdf import Term


@dataclass(frozen=True)
class Reference:
    iri: str
    source: str  # the article's IRI
    source_qid: str | None
    quote: str
    retrieved: str | None
    published: str | None
    title: str | None  # the article's own title only
    publisher: str | None  # entity IRI
    url: str | None = None  # where the article was read (P854)


@dataclass(frozen=True)
class Claim:
    """One Wikidata statement: ``subject Pnn value`` with qualifiers and references."""

    subject: str  # entity IRI
    pid: str
    value: Term
    qualifiers: tuple[tuple[str, Term], ...]
    refs: tuple[str, ...]  # reference IRIs
    iri: str  # our statement: the statement node, or the rdf:Statement of the triple
    origin: str  # "node" | "triple" | "type"


@dataclass(frozen=True)
class Item:
    iri: str
    id: str  # entity id, as in data/entities.yaml
    qid: str | None
    label: str
    aliases: tuple[str, ...]
    description: str | None


@dataclass(frozen=True)
class Skipped:
    """An asserted fact with a P-id that the exports cannot carry, and why."""

    subject: str
    predicate: str
    value: Term
    reason: str


@dataclass(frozen=True)
class WikidataView:
    items: dict[str, Item]  # by entity IRI
    claims: tuple[Claim, ...]
    references: dict[str, Reference]
    skipped: tuple[Skipped, ...]
    pids: dict[str, str]  # ontology property IRI -> P-id

    def qid(self, iri: str) -> str | None:
        item = self.items.get(iri)
        return item.qid if item else None


def claim_key(c: Claim) -> tuple[str, int, Term, tuple[tuple[str, Term], ...], str]:
    """The order of claims in a view: by subject, property number, value, qualifiers, IRI."""
    return (c.subject, pid_number(c.pid), c.value, c.qualifiers, c.iri)


def skip_key(s: Skipped) -> tuple[str, str, Term, str]:
    """The order of the facts left out of a view."""
    return (s.subject, s.predicate, s.value, s.reason)
