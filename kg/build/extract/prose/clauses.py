"""A result sentence cut into clauses (at ";", "while", "whereas", ", but" …), and the numbers of
one clause told apart: the margin ("by 5,000", "a margin of"), the vote counts in order ("polled
N votes to B's M") and the vote share ("48.2 % of the votes"); a number of seats is none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.build.extract.prose.sentences import Chunk, Sentence

_CLAUSE = re.compile(r";|,? while |,? whereas |, and (?=[A-Z])|, but |\. ")
_MARGIN_BEFORE = re.compile(
    r"(?:by|margin of|lead of|margin|majority of)\s+(?:a\s+)?(?:\w+\s+)?$", re.I
)
_VOTES_AFTER = re.compile(r"^\s*(?:lakh\s+)?votes\b", re.I)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of the (?:votes|vote share|valid votes)|vote share|votes? polled)", re.I
)
_SEATS_AFTER = re.compile(
    r"^\s*(?:of the\s+\d+\s+)?(?:seats|constituencies|leads)\b|^\s*(?:and|,)", re.I
)


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
        elif _SEATS_AFTER.match(after):
            continue
        elif _MARGIN_BEFORE.search(before) or re.match(r"^\s*-?\s*votes?\s+margin", after):
            margin = margin or c
        elif _VOTES_AFTER.match(after):
            votes.append(c)
    return margin, votes, share
