"""The seat of a result clause that names none: the sentence's (but a seat another result of the
sentence stands beside), else the one the sentence before, in the same paragraph, was about."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kg.build.extract.prose.clauses import Clause
from kg.build.extract.prose.sentences import DATELINE, DISTRICT, SEATS, Chunk, Sentence


@dataclass(frozen=True)
class Fallback:
    """The seat of a result clause that names none: the sentence's, else the one the sentence
    before (in the paragraph) was about ("Khunti delivered the shock. A lost to B by …")."""

    seat: Chunk | None
    note: str | None = None
    hint: Chunk | None = None  # a seat of the sentence that is not this clause's: its house only
    year: str | None = None  # the sentence before, when it names one year: "… in 2019. B was third"


NO_SEAT = Fallback(None)
_RELATIVE = re.compile(r"^\W*who\b", re.I)
_TOPIC_NOTE = "constituency taken from a sentence before"
_EARLIER_NOTE = "constituency taken from earlier in the sentence"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "kept the seat", "retained it": the clause speaks of the seat named before
_THE_SEAT = re.compile(r"\b(?:(?:the|that|this|her|his) (?:same )?(?:seat|constituency)|it)\b")


def fallback_seat(
    s: Sentence,
    cl: Clause,
    parts: list[Clause],
    paragraph: Sequence[Sentence],
    has_result: Callable[[Clause], bool],
) -> Fallback:
    """The seat clause ``cl`` of ``s`` falls back on; ``parts`` are the sentence's clauses, and
    ``has_result`` tells which of them state a result of their own."""
    relative = _RELATIVE.match(cl.text) is not None  # "…, B, who won the seat": B's contest
    before = [x for x in paragraph if x.end <= s.start]
    dated = next((p for p in reversed(before) if _YEAR.search(p.text)), None)
    year = _one_year(dated.text) if dated else None  # the nearest sentence before with a year
    others = [p for p in parts if p is not cl and has_result(p) and not relative]
    return replace(_seat_of(s, others, before), year=year)


def _one_year(text: str) -> str | None:
    years = set(_YEAR.findall(text))
    return years.pop() if len(years) == 1 else None


def _seat_of(s: Sentence, others: list[Clause], before: list[Sentence]) -> Fallback:
    dateline = DATELINE.match(s.text)
    after = s.start + (dateline.end() if dateline else 0)  # "MADHUPUR (Deoghar), May 2 —"
    own = next(
        (
            c
            for c in s.chunks
            if c.kind in SEATS
            and c.start >= after
            and not _district(s, c)
            and not any(p.start <= c.start < p.end for p in others)
        ),
        None,
    )
    if own is not None:
        return Fallback(own)
    elsewhere = next((c for c in s.chunks if c.kind in SEATS and not _district(s, c)), None)
    if elsewhere is not None:
        return Fallback(None, hint=elsewhere)
    # the nearest sentence before, in the paragraph, that names a seat: "A unseated B in
    # Lohardaga. He was made a minister. In 2009 C won the seat …"
    seats = next((x for x in (_seats_in(p) for p in reversed(before)) if x), [])
    if len({c.value for c in seats}) != 1:
        return Fallback(None)
    return Fallback(seats[0], _TOPIC_NOTE)


def _seats_in(s: Sentence) -> list[Chunk]:
    """The seats a sentence names, but a district's name ("Gomia, in Bokaro district")."""
    return [c for c in s.chunks if c.kind in SEATS and not _district(s, c)]


def _district(s: Sentence, c: Chunk) -> bool:
    """Whether ``c`` names a district or a member ("Bokaro district", "the Manoharpur MLA"),
    not the seat a result is about."""
    at = c.end - s.start
    return DISTRICT.match(s.text, at) is not None or _TITLED.match(s.text, at) is not None


# a seat in a title describes a person: "B, the Manoharpur MLA", "sitting Dumka MP A"
_TITLED = re.compile(r"\s+(?:MLAs?|MPs?|legislators?)\b")


def clause_seat(cl: Clause, fallback: Fallback, contest: bool) -> tuple[Chunk | None, str | None]:
    """The clause's seat, else the fallback; the sentence before's only for a contest (an
    opponent, a margin or votes), not for "A won" alone."""
    dateline = DATELINE.match(cl.text)
    after = cl.start + (dateline.end() if dateline else 0)
    seat = next(
        (
            c
            for c in cl.chunks
            if c.kind in SEATS and c.start >= after and not _TITLED.match(cl.text, c.end - cl.start)
        ),
        None,
    )
    again = _THE_SEAT.search(cl.text) is not None
    if seat is None and fallback.seat is None and again and fallback.hint is not None:
        return fallback.hint, _EARLIER_NOTE  # "took Jama from A, and in 2014 held it against B"
    if seat is None and (fallback.note is None or contest or again):
        return fallback.seat, fallback.note
    return seat, None
