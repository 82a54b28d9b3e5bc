"""When a person entered politics: "A joined politics on 4 March 2024", "she formally entered
active politics in 2019", "he began his political career in 1977 as a JP movement activist",
"B made her political debut in 2024".

Each gives a ``kgo:EntryIntoPolitics`` of that person with the date written right after the
words, or at the sentence's start (a year, a month or a day), and what it followed when the words
after say so (", following her husband B's arrest": ``kgo:follows`` B's arrest). A negated or
hedged sentence gives nothing ("A has not yet entered politics", "is expected to enter politics").
"""

from __future__ import annotations

import re

from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.offices import first_post
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.references import possessor
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Node

_ENTERED = re.compile(
    r"\b(?:(?:formally|finally|first)\s+)?(?:joined|entered|stepped into|took the plunge into)\s+"
    r"(?:active\s+|electoral\s+|mainstream\s+)?politics"
    r"|\b(?:began|started|launched)\s+(?:his|her|their)\s+political\s+(?:career|innings|journey)"
    r"|\bmade\s+(?:his|her)\s+(?:political|electoral)\s+debut"
    r"|\b(?:his|her)\s+(?:entry|foray)\s+(?:into\s+(?:active\s+|electoral\s+)?politics\s+)?came\b",
    re.I,
)
_BEFORE_DATE = re.compile(r"^\s*,?\s*(?:(?:in|on)\s+)?$")


def rule_entry(out: Out, s: Sentence) -> None:
    m = _ENTERED.search(s.text)
    if m is None or unsure(s.text):
        return
    at = s.start + m.start()
    people = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    who = Mention(people[-1].value, "Person") if people else out.pronoun(s, at)
    if (
        who is None
        and out.subject is not None
        and re.search(r"\b(?:he|she)\b", s.text[: m.start()], re.I)
    ):
        who = out.subject
    if who is None and (p := re.match(r"his|her", m.group(0), re.I)):
        who = possessor(out, s, at, p.group(0))  # "Her entry came …"
    if who is None:
        return
    end = s.start + m.end()
    date = next(
        (
            c
            for c in s.chunks
            if c.kind == "date" and c.start >= end and _BEFORE_DATE.match(s.between(end, c.start))
        ),
        None,
    )
    if date is None:  # "In 1977 she began her political career"
        date = next(
            (
                c
                for c in s.chunks
                if c.kind == "date"
                and c.end <= at
                and re.fullmatch(r"\s*(?:In|On)\s+", s.between(s.start, c.start))
            ),
            None,
        )
    near = people[-1].start if people and at - people[-1].end < 30 else at  # the name, if close
    ev = out.span(min(near, date.start if date else at), max(end, date.end if date else end))
    node = make_node("entry-into-politics", who)
    out.node(node, ev, "entry")
    lit = date_lit(date) if date else None
    if lit is not None:
        out.add(node, "kgo:date", lit, ev, "entry")
        if date is not None and date.start >= end:
            _occasion(out, s, node, date, lit)
    _follows(out, s, node, max(end, date.end if date else end))


_DURING = re.compile(r"\s*,?\s*(?:during|at|on)\s+(?:the\s+)?")
_FOUNDATION_DAY = re.compile(
    r"(?:[’']s)?\s+(?:foundation|formation|founding|raising)\s+day\b"
    r"(?:\s+(?:celebrations?|function|programme|event|rally))?",
    re.I,
)


def _occasion(out: Out, s: Sentence, node: Node, when: Chunk, date: Lit) -> None:
    """ "entered politics on 4 March 2024, during the JMM's foundation day celebrations": the
    party's celebration of that day is the occasion."""
    m = _DURING.match(s.text, when.end - s.start)
    party = m and next(
        (c for c in s.chunks if c.kind == "party" and c.start == s.start + m.end()), None
    )
    day = party and _FOUNDATION_DAY.match(s.text, party.end - s.start)
    if not party or not day:
        return
    ev = out.span(when.start, s.start + day.end())
    event = make_node("celebration", Mention(party.value, "PoliticalParty"), date)
    out.node(event, ev, "entry")
    out.add(node, "kgo:occasion", event, ev, "entry")


# ", following her husband Hemant Soren's arrest", " at a crucial time, after B's resignation"
_LEAD = re.compile(
    r"(?:\s+[a-z][a-z ]{0,40},)?\s*,?\s*(?:following|after|soon after|days after)\s+"
)
_AND = re.compile(r"\s*(?:,\s*)?(?:and|as well as)\s+")
_KIN = re.compile(r"(?:his|her|their)\s+[a-z-]+\s+")  # "her husband A's arrest"
_EVENT = re.compile(r"[’']s\s+(?P<e>arrest|resignation)\b")
_OWN = re.compile(r"(?P<p>his|her)\s+(?P<e>arrest|resignation)\b", re.I)
_AS = re.compile(r"\s+as\s+(?:the\s+)?")


def _follows(out: Out, s: Sentence, node: Node, after: int) -> None:
    """The entry came after someone's arrest or resignation, named right after it ("following
    A's resignation as chief minister and his arrest"): one ``kgo:follows`` for each."""
    lead = _LEAD
    while (m := lead.match(s.text, after - s.start)) is not None:
        got = _owned_event(out, s, s.start + m.end())
        if got is None:
            return
        kind, who, a, end = got
        got_event = _event(s, kind, who, end)
        if got_event is None:
            return
        event, end = got_event
        out.node(event, out.span(a, end), "entry")
        out.add(node, "kgo:follows", event, out.span(after, end), "entry")
        after, lead = end, _AND


def _owned_event(out: Out, s: Sentence, at: int) -> tuple[str, Mention, int, int] | None:
    """The event written at ``at``: "A's arrest" (a person named) or "his resignation" (the
    possessor named before), with where it starts and ends."""
    rel = at - s.start
    if (k := _KIN.match(s.text, rel)) is not None and not _OWN.match(s.text, rel):
        rel = k.end()
    person = next((c for c in s.chunks if c.kind in PEOPLE and c.start == s.start + rel), None)
    if person is not None:
        m = _EVENT.match(s.text, person.end - s.start)
        if m is None:
            return None
        return m.group("e"), Mention(person.value, "Person"), person.start, s.start + m.end()
    own = _OWN.match(s.text, rel)
    if own is None:
        return None
    who = possessor(out, s, at, own.group("p"))
    return (own.group("e").lower(), who, at, s.start + own.end()) if who else None


def _event(s: Sentence, kind: str, who: Mention, end: int) -> tuple[Node, int] | None:
    """The arrest of ``who``, or their resignation from the post named after "as", and where
    its words end."""
    if kind == "arrest":
        return make_node("arrest", who), end
    m = _AS.match(s.text, end - s.start)
    got = first_post(s.text[m.end() :]) if m else None
    if m is None or got is None or got[1] != 0:
        return None
    return make_node("resignation", who, Mention(got[0], "Post")), s.start + m.end() + got[2]
