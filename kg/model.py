"""Frozen dataclasses shared by every stage: sources, spans, mentions, nodes, literals, claims."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Source:
    """One article of the corpus, with its text as stored on disk."""

    id: str
    file: str
    kind: str  # "encyclopedia" | "news"
    title: str
    text: str
    sha256: str
    retrieved: str
    published: str | None = None
    publisher: str | None = None
    title_from_text: bool = True
    url: str | None = None  # where the article was read, when the researcher gives it


@dataclass(frozen=True)
class Text:
    """A piece of a text and where it is: ``text == whole[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of one source (Unicode code point offsets)."""

    source: str
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}..{self.end} in {self.source}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text length does not match {self.start}..{self.end}")


@dataclass(frozen=True)
class Mention:
    """An entity named in a text, still to be resolved to a canonical IRI."""

    text: str
    type: str  # a class local name hint, e.g. "Person", "PoliticalParty"


@dataclass(frozen=True)
class EntityId:
    """An entity already known by its canonical slug (as in ``data/entities.yaml``)."""

    id: str


@dataclass(frozen=True)
class Node:
    """A statement node (candidacy, position holding, seat tally ...) identified by its key parts.

    ``kind`` names an entry of :data:`kg.build.nodes.NODE_KINDS`; ``key`` holds the parts that make the
    node unique, in the order that kind declares (entities or literals).
    """

    kind: str
    key: tuple[Value, ...]


@dataclass(frozen=True)
class Lit:
    """A typed literal value. ``datatype`` is an XSD local name: integer, decimal, date, ..."""

    lexical: str
    datatype: str = "string"


@dataclass(frozen=True)
class Term:
    """An ontology term by CURIE: a class (``kgo:Candidacy``) or an individual (``kgo:Won``)."""

    curie: str


Ref = Mention | EntityId | Node
Value = Ref | Lit | Term


class Method(StrEnum):
    """How a claim was extracted; each maps to a ``kgo:ExtractionMethod`` individual."""

    INFOBOX = "InfoboxParser"
    TABLE = "TableParser"
    NEWS = "NewsPatternRules"
    SENTENCE = "SentenceRules"
    REVIEWED = "ReviewedClaim"  # a fact a person added on review (``data/reviews/``)


@dataclass(frozen=True)
class Review:
    """A person's decision on a claim: who, when, what they decided, and where it is recorded.

    ``decision`` is "accepted", "corrected" (``corrected_from`` is the value the rule read) or
    "added" (a fact the rules missed); ``ref`` is ``<file>#<decision id>`` in ``data/reviews/``.
    """

    reviewer: str
    at: str  # ISO 8601 date-time with its offset
    decision: str
    ref: str
    corrected_from: Value | None = None


@dataclass(frozen=True)
class Claim:
    """One triple an article states, with the evidence that states it.

    ``predicate`` is a CURIE (``kgo:votes``, ``schema:spouse``). ``approximate`` marks a value the
    source gives as a round figure; ``note`` records how a value was read (e.g. a year taken from
    context).
    """

    subject: Ref
    predicate: str
    object: Value
    evidence: Span
    method: Method
    rule: str
    approximate: bool = False
    note: str | None = None
    claim_id: str | None = None
    review: Review | None = None


@dataclass(frozen=True)
class Problem:
    """Something a stage could not do cleanly; the build reports these."""

    stage: str
    message: str
    where: str = ""
    fatal: bool = False
