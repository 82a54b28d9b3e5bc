"""Candidate lists: "X will contest Deoghar, Y Godda and Z Koderma", "its nominees: A in Dhanwar,
B in Nirsa", "the party fielded C from Jama". Each name written right before a seat (or with
"in", "from", "for" between) is that seat's candidate; nothing is said of an outcome.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Elections
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, SEATS, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Mention

_LIST = re.compile(
    r"\b(?:will contest|contest|contests|fielded|fields|nominees?|candidates?|names? of|list|"
    r"ticket to|tickets to|renominated)\b",
    re.I,
)
_GAP = re.compile(r"^\s*,?\s*(?:(?:in|from|for)\s+)?$", re.I)
_ALIAS = re.compile(r"^\s*,?\s*(?:alias|aka|also known as)\s+$", re.I)
_MODAL_ANNOUNCED = re.compile(r"\bwill (?:contest|be fielded)\b", re.I)


def rule_nominees(out: Out, s: Sentence, ctx: Elections) -> None:
    if not _LIST.search(s.text) or unsure(_MODAL_ANNOUNCED.sub("contests", s.text)):
        return
    chunks = list(s.chunks)
    for i, c in enumerate(chunks[:-1]):
        j = i + 1
        if chunks[j].kind in PEOPLE and _ALIAS.match(s.between(c.end, chunks[j].start)):
            j += 1  # "C, alias D, in Sindri": the seat comes after the other name
        seat = chunks[j] if j < len(chunks) else None
        if c.kind not in PEOPLE or seat is None or seat.kind not in SEATS:
            continue
        if re.search(r"\b(?:alias|aka|also known as)\s+$", s.text[: c.start - s.start], re.I):
            continue  # the other name of the one before
        if not _GAP.match(s.between(chunks[j - 1].end, seat.start)):
            continue
        _nominee(out, s, ctx, c, seat)


def _nominee(out: Out, s: Sentence, ctx: Elections, person: Chunk, seat: Chunk) -> None:
    election, from_context = ctx.for_sentence(s, seat)
    if election is None:
        return
    ev = out.span(person.start, seat.end)
    e = out.election(election, ev)
    note = "election taken from the article's context" if from_context else None
    cand = make_node("candidacy", e, Mention(person.value, "Person"))
    out.node(cand, ev, "nominee", note)
    out.add(
        cand,
        "kgo:constituency",
        Mention(seat.value, "Constituency"),
        out.span(seat.start, seat.end),
        "nominee",
    )
