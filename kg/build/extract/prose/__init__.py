"""Sentence rules for any article: news reports and the prose of wiki-style biographies.

:func:`extract_prose` splits the text into sentences (:mod:`.sentences`, on spaCy), finds the
article's election context (:mod:`.context`), and runs each rule family on every sentence:
results (:mod:`.results`), whole-election numbers (:mod:`.tallies`), events and quotations
(:mod:`.events`) and biography (:mod:`.family`). Negated and hedged sentences give nothing
(:mod:`.guard`). It also returns the sentences that name a person, party, place or number but gave
no claim, so the build can list what it could not read.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from kg.build.extract.prose.campaigns import rule_campaigns
from kg.build.extract.prose.contested import rule_contested
from kg.build.extract.prose.context import ASSEMBLY, Elections
from kg.build.extract.prose.education import rule_education
from kg.build.extract.prose.entry import rule_entry
from kg.build.extract.prose.events import rule_events
from kg.build.extract.prose.family import rule_birth, rule_kin, rule_marriage
from kg.build.extract.prose.interviews import merge_interviews, rule_interviews
from kg.build.extract.prose.languages import rule_languages
from kg.build.extract.prose.lexicon import DEFAULT, Lexicon
from kg.build.extract.prose.nominees import rule_nominees
from kg.build.extract.prose.occupations import rule_occupation
from kg.build.extract.prose.offices import rule_offices
from kg.build.extract.prose.org_posts import rule_org_posts
from kg.build.extract.prose.origins import rule_origins
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.parties import rule_affiliation, rule_alliances
from kg.build.extract.prose.party_posts import rule_party_posts
from kg.build.extract.prose.phases import rule_phases, rule_polling_day, rule_turnout
from kg.build.extract.prose.quotes import quote_occasions, read_quotes
from kg.build.extract.prose.references import Relatives
from kg.build.extract.prose.represented import rule_represented
from kg.build.extract.prose.results import rule_results
from kg.build.extract.prose.seat_turnout import rule_seat_turnout
from kg.build.extract.prose.sentences import Chunk, Sentence, sentences
from kg.build.extract.prose.tallies import rule_house, rule_tallies
from kg.build.extract.prose.titles import rule_titles
from kg.model import Claim, Mention, Method

__all__ = ["DEFAULT", "Lexicon", "extract_prose"]

_SKIP = ("|", "- ", "=", "^")


def _full_names(sents: list[Sentence], subject: Mention | None) -> list[Sentence]:
    """Each bare name ("Marandi") read as the full name it stands for: in a biography a part of
    the subject's name is the subject; otherwise the latest full name before it that contains it
    ("Babulal Marandi" after "Lois Marandi" was named earlier), else the one full name in the
    article that contains it. A bare name that matches none is kept as a ``proper`` word, which
    no rule reads as a person."""
    owners: dict[str, set[str]] = {}
    for name in {c.value for s in sents for c in s.chunks if c.kind == "person"}:
        for part in name.split():
            owners.setdefault(part, set()).add(name)
    unique = {part: next(iter(names)) for part, names in owners.items() if len(names) == 1}
    own = {part: subject.text for part in subject.text.split()} if subject is not None else {}
    latest: dict[str, str] = {}
    out = []
    for s in sents:
        chunks = []
        for c in s.chunks:
            if c.kind == "name":
                full = own.get(c.value) or latest.get(c.value) or unique.get(c.value)
                if full is None:  # no one's name: a word of some other kind ("born at Noamundi")
                    chunks.append(replace(c, kind="proper"))
                    continue
                c = replace(c, kind="person", value=full)
            elif c.kind == "person":
                latest.update({part: c.value for part in c.value.split()})
            chunks.append(c)
        out.append(replace(s, chunks=tuple(chunks)))
    return out


def _paragraphs(text: str, sents: list[Sentence]) -> dict[int, list[Sentence]]:
    """Each sentence's paragraph (sentences up to the blank line before it)."""
    out: dict[int, list[Sentence]] = {}
    current: list[Sentence] = []
    last_end = 0
    for s in sents:
        if "\n\n" in text[last_end : s.start] or (
            last_end and "\n" in text[last_end : s.start] and not current
        ):
            current = []
        current.append(s)
        out[s.start] = current
        last_end = s.end
    return out


def extract_prose(
    source: str,
    text: str,
    *,
    kind: str,
    subject: Mention | None = None,
    published: str | None = None,
    lexicon: Lexicon = DEFAULT,
    skip: tuple[tuple[int, int], ...] = (),
    title: str | None = None,
) -> tuple[list[Claim], list[Sentence]]:
    """Claims from every sentence of ``text`` (but those overlapping a range in ``skip``: read
    already by another extractor), and the sentences that named something but gave nothing."""
    sents = [s for s in sentences(text, lexicon) if not s.text.lstrip().startswith(_SKIP)]
    sents = _full_names(sents, subject)
    ctx = Elections.of(text, sents, published, ASSEMBLY if kind == "news" else None, title)
    year = ctx.year
    out = Out(source, text, Method.NEWS if kind == "news" else Method.SENTENCE, subject=subject)
    paras = _paragraphs(text, sents)
    read = _merged(skip)
    quoted = _merged(tuple(read_quotes(out, text, sents, read)))
    unread = []
    relatives = Relatives()
    for i, s in enumerate(sents):
        if _overlaps(read, s.start, s.end):
            continue
        before = len(out.claims)
        s = relatives.named(out, s)  # "her husband" as the person the article named so
        rule_results(out, s, ctx, paras.get(s.start, []))
        rule_nominees(out, s, ctx)
        if kind == "news":
            rule_tallies(out, s, ctx, paras.get(s.start, []))
            rule_contested(out, s, ctx)
        rule_house(out, s, ctx)
        rule_turnout(out, s, ctx, sents[max(0, i - 3) : i])
        if kind == "news":
            rule_seat_turnout(out, s, ctx, sents[max(0, i - 3) : i])
        rule_phases(out, s, ctx, year)
        rule_polling_day(out, s, ctx, year)
        rule_offices(out, s)  # before the events: "he resigned" may mean the post just named
        rule_titles(out, s)
        rule_party_posts(out, s)
        rule_represented(out, s)
        rule_events(out, s, year, subject)
        rule_affiliation(out, s)
        rule_alliances(out, s)
        rule_kin(out, s, subject)
        rule_birth(out, s, subject)
        rule_occupation(out, s)
        rule_languages(out, s)
        rule_interviews(out, s)
        rule_marriage(out, s, subject)
        rule_education(out, s, subject)
        rule_org_posts(out, s, subject)
        rule_origins(out, s, subject)
        rule_entry(out, s)
        rule_campaigns(out, s, ctx)
        relatives.learn(out.claims)
        if (
            len(out.claims) == before
            and _names_something(s.chunks)
            and not _overlaps(quoted, s.start, s.end)
        ):
            unread.append(s)
        first = next((c for c in s.chunks if c.kind == "person"), None)
        out.last_person = first or out.last_person
    return quote_occasions(merge_interviews(out.claims), text), unread


def _merged(ranges: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """``ranges`` sorted and with overlapping ones joined, for :func:`_overlaps`."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _overlaps(merged: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the disjoint sorted ranges (a binary search)."""
    i = bisect.bisect_left(merged, (end, -1)) - 1  # the last range that starts before ``end``
    return i >= 0 and merged[i][1] > start


def _names_something(chunks: tuple[Chunk, ...]) -> bool:
    return any(c.kind != "date" for c in chunks)
