"""What the event rules share: the date of an event (after its verb, else before it, with the
year from the dateline for "4 July"), and who an event is about (the people listed before the
verb, or whom "he"/"she" means)."""

from __future__ import annotations

import re

from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.model import Lit, Mention


def event_date(s: Sentence, after: int, year: int | None) -> Chunk | None:
    """The date after a verb, else the one before it ("In February 2020 he merged …")."""
    dates = [c for c in s.chunks if c.kind == "date"]
    return next((c for c in dates if c.start >= after), None) or (dates[-1] if dates else None)


def date_lit(c: Chunk) -> Lit | None:
    """A date chunk as a literal as precise as the text ("2014", "2014-05", "2014-05-30"); a day
    with no year ("--05-30") gives none."""
    v = c.value
    if v.startswith("--"):
        return None
    return Lit(v, {4: "gYear", 7: "gYearMonth"}.get(len(v), "date"))


def event_date_lit(d: Chunk, year: int | None) -> tuple[Lit, str | None] | None:
    """Like :func:`date_lit`, with a day of no year dated by the article's dateline, and a note."""
    if d.value.startswith("--"):
        if year is None:
            return None
        return Lit(f"{year}{d.value[1:]}", "date"), "year taken from the article's dateline"
    lit = date_lit(d)
    return (lit, None) if lit else None


def dated(
    out: Out,
    node: object,
    s: Sentence,
    after: int,
    year: int | None,
    rule: str,
    prop: str = "kgo:date",
) -> None:
    d = event_date(s, after, year)
    if d is None:
        return
    got = event_date_lit(d, year)
    if got:
        out.add(node, prop, got[0], out.span(d.start, d.end), rule, note=got[1])  # type: ignore[arg-type]


def subjects(s: Sentence, hit_at: int) -> list[Chunk]:
    """The people before a verb: one, or a list joined by commas and "and"."""
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= hit_at]
    if not before:
        return []
    group = [before[-1]]
    for c in reversed(before[:-1]):
        gap = s.text[c.end - s.start : group[0].start - s.start]
        if re.fullmatch(r"\s*(?:,|and|, and)\s*", gap):
            group.insert(0, c)
        else:
            break
    return group


def who_of(out: Out, s: Sentence, at: int) -> list[Mention]:
    people = subjects(s, at)
    if people:
        return [Mention(p.value, "Person") for p in people]
    who = out.pronoun(s, at)
    return [who] if who else []
