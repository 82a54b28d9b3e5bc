"""Titles written right before a name, in the ways reports write them.

- a capitalised title the chunker split off: "Rural Development Minister Nilkanth Singh Munda";
- a lower-case ministry in apposition: "A, the outgoing social welfare minister";
- a Union portfolio: "Union tribal affairs minister A", "former Union minister A";
- a party office: "Congress president A", "state BJP president A", "the JMM's general secretary
  A";
- another state's chief minister: "Assam chief minister A".

Each gives a ``kgo:PositionHolding`` of the post :mod:`.posts` names, unless the words it spans
are negated or hedged. "former" or "ex-" before the title marks the holding ``kgo:Former``. A bare
title marks it ``kgo:Incumbent`` (as of the article) in a news report, and in a biography only in a
present-tense sentence with no year in it ("A is the wife of Chief Minister B"); "the then" says
nothing about now.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.offices import add_status, title_status
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import (
    PARTY_OFFICES,
    STATES,
    party_office,
    portfolio,
    post_name,
    state_chief_minister,
)
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Mention

_NOT_WORD = r"(?!chief\b|union\b|prime\b|deputy\b|cabinet\b|former\b|outgoing\b|then\b|a\b|the\b)"
# "the outgoing social welfare minister", "his former food and public distribution minister"
_PORTFOLIO = re.compile(
    r"\b(?:the|his|her|former|outgoing|then|state|state's)\s+"
    rf"(?P<p>(?:{_NOT_WORD}[a-z]+\s+){{1,4}}?)minister\b"
)
_APPOS = re.compile(
    r"^,\s+(?:the|a|an|his|her|their)\s+(?:former\s+|then\s+|sitting\s+|outgoing\s+)?"
    r"(?:state'?s?\s+)?$"
)
_UNION = re.compile(r"\bUnion\s+(?P<p>(?:[A-Za-z]+\s+){0,3}?)[Mm]inister\s+$")
_OFFICE = "|".join(sorted(PARTY_OFFICES, key=len, reverse=True))
_PARTY_OFFICE = re.compile(rf"^(?:[’']s)?\s+(?:state\s+|Jharkhand\s+)?(?P<o>{_OFFICE})\s+$", re.I)
_CM = re.compile(r"\b(?P<t>(?:Deputy |Dy\.? ?)?CM)\s+$")
_STATE_CM = re.compile(rf"\b(?P<st>{'|'.join(STATES)})\s+(?:[Cc]hief [Mm]inister|CM)\s+$")


def rule_titles(out: Out, s: Sentence) -> None:
    for c in s.chunks:
        if c.kind not in PEOPLE:
            continue
        got = _title_before(s, c)
        if got is not None:
            post, start = got
            _hold(out, s, post, c, start, c.end)
    _portfolios(out, s)


def _title_before(s: Sentence, person: Chunk) -> tuple[str, int] | None:
    """The post a title right before ``person`` names, and where the title starts."""
    prev = next((c for c in reversed(s.chunks) if c.end <= person.start), None)
    if prev is not None and prev.kind == "title" and not s.between(prev.end, person.start).strip():
        return post_name(prev.text), prev.start
    head = s.text[max(0, person.start - s.start - 60) : person.start - s.start]
    m = _UNION.search(head)
    if m:
        name = (
            "Union Minister of " + portfolio(m.group("p"))
            if m.group("p").strip()
            else "Union Minister"
        )
        return name, person.start - (len(head) - m.start())
    m = _STATE_CM.search(head)
    if m:
        return state_chief_minister(m.group("st")), person.start - (len(head) - m.start())
    m = _CM.search(head)  # "former CM A", "Deputy CM B": the chunker drops the short title
    if m:
        return post_name(m.group("t").replace("Dy.", "Deputy").replace("Dy ", "Deputy ")), (
            person.start - (len(head) - m.start())
        )
    if prev is not None and prev.kind == "party":
        m = _PARTY_OFFICE.match(s.between(prev.end, person.start))
        if m:
            before = s.text[max(0, prev.start - s.start - 12) : prev.start - s.start]
            state = re.search(r"\b(?:state|Jharkhand)\s+$", before, re.I) is not None
            state = state or bool(re.search(r"\bstate\b|\bJharkhand\b", m.group(0), re.I))
            return party_office(m.group("o"), prev.value, state_unit=state), prev.start
    return None


def _hold(out: Out, s: Sentence, post: str, person: Chunk, a: int, b: int) -> None:
    if unsure(s.between(max(s.start, a - 30), b)):
        return
    node = make_node("holding", Mention(post, "Post"), Mention(person.value, "Person"))
    ev = out.span(a, b)
    out.node(node, ev, "office")
    add_status(out, s, node, title_status(out, s, a), ev)


def _portfolios(out: Out, s: Sentence) -> None:
    """A lower-case ministry in apposition: "A, the outgoing social welfare minister"."""
    for m in _PORTFOLIO.finditer(s.text):
        a = s.start + m.start()
        before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= a]
        if not before or not _APPOS.match(s.between(before[-1].end, a)):
            continue
        person = before[-1]
        post = post_name(m.group("p") + "minister")
        if not unsure(s.between(person.start, s.start + m.end())):
            node = make_node("holding", Mention(post, "Post"), Mention(person.value, "Person"))
            out.node(node, out.span(person.start, s.start + m.end()), "office")
