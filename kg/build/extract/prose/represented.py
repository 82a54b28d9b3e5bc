"""Seats held, said without a title: "A has represented Seraikella since 2005", "he represented
Jamshedpur East in the Assembly from 1995 to 2019", "Elected to the Rajya Sabha in 2002, he …",
"B returned to the Rajya Sabha in June 2020".

Each gives a ``kgo:PositionHolding`` of the member's post with the seat as its constituency and
the dates the sentence ties to it ("since" a start, "from … to" both ends). An Assembly seat held
only up to 2000 was Bihar's. A negated or hedged stretch gives nothing ("did not represent …").
"""

from __future__ import annotations

import re

from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, SEATS, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Node

ASSEMBLY = "Member of the Jharkhand Legislative Assembly"
BIHAR = "Member of the Bihar Legislative Assembly"
LOK_SABHA = "Member of Parliament, Lok Sabha"
RAJYA_SABHA = "Member of Parliament, Rajya Sabha"

_REPRESENTED = re.compile(r"\b(?:has|had|have)?\s*represented\s+$", re.I)
_IN_HOUSE = re.compile(
    r"^\s+(?:in|at)\s+(?:the\s+)?(?P<h>Assembly|Vidhan Sabha|legislature|Lok Sabha|Parliament)\b",
    re.I,
)
_RAJYA = re.compile(
    r"\b(?:(?:was|were|got|is|been)\s+)?(?:elected|re-elected|returned|nominated|sent)\s+to\s+"
    r"the\s+Rajya\s+Sabha\b",
    re.I,
)
_SINCE = re.compile(r"^[^.;]{0,40}?\bsince\s+$", re.I)
_FROM = re.compile(r"^[^.;]{0,40}?\b(?:from|between)\s+$", re.I)
_TO = re.compile(r"^\s*(?:to|till|until|and|–|-)\s*$", re.I)
_IN = re.compile(r"^[^.;]{0,30}?\bin\s+$", re.I)


def rule_represented(out: Out, s: Sentence) -> None:
    for seat in (c for c in s.chunks if c.kind in SEATS):
        if not _REPRESENTED.search(s.text[: seat.start - s.start][-24:]):
            continue
        at = s.start + s.text.lower().rfind("represented", 0, seat.start - s.start)
        who = _holder(out, s, at)
        if who is None or unsure(s.between(max(s.start, at - 30), seat.end + 40)):
            continue
        house = _IN_HOUSE.match(s.text[seat.end - s.start :])
        start, end = _span_dates(s, seat.end)
        lok = seat.kind == "loksabha" or bool(
            house and house["h"].lower() in ("lok sabha", "parliament")
        )
        post = LOK_SABHA if lok else ASSEMBLY
        if not lok and end is not None and end.value[:4].isdigit() and int(end.value[:4]) <= 2000:
            post = BIHAR
        node = make_node("holding", Mention(post, "Post"), Mention(who.value, "Person"))
        ev = out.span(min(at, who.start), seat.end)
        out.node(node, ev, "office")
        out.add(
            node,
            "kgo:constituency",
            Mention(seat.value, "Constituency"),
            out.span(seat.start, seat.end),
            "office",
        )
        _add_dates(out, node, start, end, s)
    for m in _RAJYA.finditer(s.text):
        at = s.start + m.start()
        date = next(
            (
                c
                for c in s.chunks
                if c.kind == "date"
                and c.start >= s.start + m.end()
                and _IN.match(s.between(s.start + m.end(), c.start))
            ),
            None,
        )
        who = _holder(out, s, at)
        stretch = s.between(max(s.start, at - 30), date.end if date else s.start + m.end())
        if who is None or unsure(stretch):
            continue
        node = make_node("holding", Mention(RAJYA_SABHA, "Post"), Mention(who.value, "Person"))
        out.node(node, out.span(at, s.start + m.end()), "office")
        _add_dates(out, node, date, None, s)


def _holder(out: Out, s: Sentence, at: int) -> Chunk | None:
    """The person named last before ``at``, or the one a "he"/"she" of the sentence stands for
    ("Elected to the Rajya Sabha in 2002, he …" is the biography's subject), or the one named
    after the comma of a sentence that opens on the participle."""
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if before and not re.search(r"\b(?:he|she)\b", s.between(before[-1].end, at), re.I):
        return before[-1]
    pro = re.search(r"\b(?:he|she)\b", s.text, re.I)
    if pro is None:  # "Elected to the Rajya Sabha in 2016, A did not …": A
        after = [c for c in s.chunks if c.kind in PEOPLE and c.start > at]
        lead = not s.between(s.start, at).strip()
        return (
            after[0]
            if lead and after and s.between(s.start, after[0].start).rstrip().endswith(",")
            else None
        )
    who = out.pronoun(s, s.start + pro.end())
    return Chunk("person", at, at, who.text, who.text) if who else None


def _span_dates(s: Sentence, after: int) -> tuple[Chunk | None, Chunk | None]:
    """The start and end a seat is held over: "since 2005", "from 1995 to 2005"."""
    dates = [c for c in s.chunks if c.kind == "date" and c.start >= after]
    if not dates:
        return None, None
    first = dates[0]
    gap = s.between(after, first.start)
    if _SINCE.match(gap):
        return first, None
    if _FROM.match(gap):
        last = (
            dates[1] if len(dates) > 1 and _TO.match(s.between(first.end, dates[1].start)) else None
        )
        return first, last
    return None, None


def _add_dates(out: Out, node: Node, start: Chunk | None, end: Chunk | None, s: Sentence) -> None:
    for prop, c in (("kgo:startDate", start), ("kgo:endDate", end)):
        lit: Lit | None = date_lit(c) if c is not None else None
        if c is not None and lit is not None:
            out.add(node, prop, lit, out.span(c.start, c.end), "office")
