"""What the event rules share: the date of an event (after its verb, else before it, with the
year from the dateline for "4 July"), and who an event is about (the people listed before the
verb, or whom "he"/"she" means)."""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.model import Lit, Mention


def event_date(s: Sentence, after: int, year: int | None) -> Chunk | None:
    """The date after a verb, else the one before it ("In February 2020 he merged …")."""
    dates = [c for c in s.chunks if c.kind == "date"]
    return next((c for c in dates if c.start >= after), None) or (dates[-1] if dates else None)


def event_date_lit(d: Chunk, year: int | None) -> tuple[Lit, str | None] | None:
    v = d.value
    if v.startswith("--"):
        if year is None:
            return None
        return Lit(f"{year}{v[1:]}", "date"), "year taken from the article's dateline"
    if len(v) == 4:
        return Lit(v, "gYear"), None
    if len(v) == 7:
        return Lit(v, "gYearMonth"), None
    return Lit(v, "date"), None


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
