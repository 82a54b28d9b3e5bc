"""A result sentence cut into clauses (at ";", "while", "whereas", ", but" …), and the numbers of
one clause told apart: the margin ("by 5,000", "a margin of"), the vote counts in order ("polled
N votes to B's M") and the vote share ("48.2 % of the votes"); a number of seats is none of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.extract.prose.triggers import Hit

_CLAUSE = re.compile(
    r";|,? while |,? whereas |, and (?=[A-Z])|, but |(?<!\b[A-Z])\. "
)  # not after an initial
_MARGIN_BEFORE = re.compile(
    r"(?:by|margin of|lead of|margin|majority of)\s+(?:a\s+)?(?:\w+\s+)?$", re.I
)
_VOTES_AFTER = re.compile(r"^\s*(?:lakh\s+)?votes\b", re.I)
_FINISHED_WITH = re.compile(
    r"\b(?:finished|came|ended|stood|was)\b(?:\s+(?:a|up|close|distant|poor|second|third|"
    r"fourth|runner-up))*\s+with\s+$",
    re.I,
)
_SEATS_WORD = re.compile(r"^\s*(?:of the\s+\d+\s+)?(?:seats|constituencies|leads)\b", re.I)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of the (?:votes|vote share|valid votes)|vote share|votes? polled)", re.I
)
_SEATS_AFTER = re.compile(_SEATS_WORD.pattern + r"|^\s*(?:and|,)", re.I)  # "30 and 26 seats"


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence, with the chunks inside it."""

    start: int
    end: int
    text: str
    chunks: tuple[Chunk, ...]


def clauses(s: Sentence) -> list[Clause]:
    out, pos = [], s.start
    cuts = [m for m in _CLAUSE.finditer(s.text)]
    bounds = [(s.start + m.start(), s.start + m.end()) for m in cuts]
    for a, b in bounds + [(s.end, s.end)]:
        if a > pos:
            text = s.text[pos - s.start : a - s.start]
            out.append(
                Clause(pos, a, text, tuple(c for c in s.chunks if pos <= c.start and c.end <= a))
            )
        pos = b
    return out


# what may stand between a person and the result verb they are the subject of: "A of the BJP
# defeated", "A (JMM) has won", "the Congress's A was re-elected"
_TO_VERB = re.compile(
    r"\s*(?:\([^()]{1,30}\)\s*)?(?:of the [\w()\-]+(?: Party)?\s+)?"
    r"(?:(?:was|is|has|had|have|also|then|easily|comfortably|narrowly)\s+)*",
    re.I,
)
# a pronoun or a relative "who" as the subject of a verb of its own: "…, and in 2014 he defeated"
_SUBJECT_WORD = re.compile(r"\b(?:he|she|who)\b", re.I)
# where a stretch about a new subject starts: after a comma or "and", then perhaps "in Seat" or
# the party's possessive ("…, and in Lohardaga the Congress's A defeated B")
_JOIN = re.compile(r"(?:,\s*(?:and\s+|while\s+|whereas\s+)?|\s+and\s+)", re.I)


def by_subject(cl: Clause, hits: Sequence[Hit]) -> list[Clause]:
    """``cl`` cut before each person who is the subject of a result verb of their own: "A kept
    Rajmahal, beating B, and in Lohardaga C defeated D" is two stretches, A's and C's. ``hits``
    are the clause's result verbs (offsets in ``cl.text``)."""
    named = [(c.start - cl.start, c.end - cl.start) for c in cl.chunks if c.kind in PEOPLE]
    pronouns = [(m.start(), m.end()) for m in _SUBJECT_WORD.finditer(cl.text)]
    subjects = sorted(named + pronouns)
    cuts: list[int] = []
    for h in hits[1:]:
        near = [p for p in subjects if p[1] <= h.start]
        if not near or not _TO_VERB.fullmatch(cl.text[near[-1][1] : h.start]):
            continue
        a = near[-1][0]
        earlier = [p for p in subjects if p[1] <= a]
        if not earlier or (cuts and cuts[-1] >= a):
            continue
        joins = list(_JOIN.finditer(cl.text, earlier[-1][1], a))
        if joins:
            cuts.append(
                joins[-1].end() if cl.text[a : a + 3].lower() != "who" else joins[-1].start()
            )
    if not cuts:
        return [cl]
    out, pos = [], 0
    for cut in [*cuts, len(cl.text)]:
        a, b = cl.start + pos, cl.start + cut
        out.append(
            Clause(
                a, b, cl.text[pos:cut], tuple(c for c in cl.chunks if a <= c.start and c.end <= b)
            )
        )
        pos = cut
    return out


def _after(text: str, c: Chunk, base: int) -> str:
    return text[c.end - base :]


def numbers(cl: Clause) -> tuple[Chunk | None, list[Chunk], Chunk | None]:
    """The margin, the vote counts (in order) and the vote share of a clause."""
    margin, votes, share = None, [], None
    for c in cl.chunks:
        before = cl.text[: c.start - cl.start]
        after = _after(cl.text, c, cl.start)
        if c.kind == "percent" and _SHARE_AFTER.match(after):
            share = c
        if c.kind != "number":
            continue
        if re.search(r"[’']s\s*$", before):  # "to Das's 58,112": the other side's votes
            votes.append(c)
        elif votes and re.search(r"\bvotes\s+(?:to|against)\s+$", before):
            votes.append(c)  # "polling 4,51,139 votes to 3,70,259 for B"
        elif _FINISHED_WITH.search(before) and not _SEATS_WORD.match(after):
            votes.append(c)  # "B finished a distant second with 93,699"
        elif _SEATS_AFTER.match(after):
            continue
        elif _MARGIN_BEFORE.search(before) or re.match(r"^\s*-?\s*votes?\s+margin", after):
            margin = margin or c
        elif _VOTES_AFTER.match(after):
            votes.append(c)
    return margin, votes, share
