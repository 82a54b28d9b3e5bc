"""Running tallies on counting day: "As of <time>, P has won N seats and is leading in M"."""

from __future__ import annotations

import re

from kg.build.extract.news.text import NAME, NUMW, Collector, num, sentences
from kg.build.extract.values import (
    parse_time,
)
from kg.model import Lit, Mention, Text
from kg.build.nodes import make_node

_AS_OF = re.compile(
    r"\bAs of (?P<label>(?P<time>\d{1,2}(?::\d\d)?\s*[AaPp]\.?\s*[Mm]\.?)(?: on [a-z ]+?)?),"
)
_WON = re.compile(rf"(?:has |have )?(?:won|secured) (?P<n>{NUMW}) (?:seats|wins)")
_LEAD = re.compile(rf"(?:(?:is |are )?(?:leading|leads) in (?P<n>{NUMW})|(?P<n2>{NUMW}) leads)")
_WHICH = re.compile(r", which [^,]*,")
_SUBJ = re.compile(rf"(?P<np>{NAME})[\s,]*$")
_REPORTER = re.compile(r"the (?P<org>[A-Z]\w+(?: [A-Z]\w+)*) reported")
_ALLY = re.compile(
    rf"(?P<phrase>Its ally, the (?P<party>{NAME}))"
    rf"|(?P<phrase2>(?P<party2>{NAME}), which is in alliance with (?P<with>{NAME}))"
)


def _subject(sent: str, upto: int) -> re.Match[str] | None:
    head = _WHICH.sub(lambda m: " " * len(m.group(0)), sent[:upto])
    head = re.sub(r"(?:\s+[a-z]+)+\s*$", "", head.rstrip())
    return _SUBJ.search(head)


def rule_tallies(out: Collector, para: Text) -> None:
    m_as = _AS_OF.search(para.text)
    if not m_as or out.ctx.election is None:
        return
    time = parse_time(m_as.group("time"))
    if time is None:
        return
    o = para.start
    as_of = out.span(o + m_as.start(), o + m_as.end() - 1)
    label = m_as.group("label")
    rep = _REPORTER.search(para.text)
    previous_party: Mention | None = None
    for sent in sentences(para.text):
        if sent.start < m_as.start():
            continue
        counts = [("kgo:seatsWon", m) for m in _WON.finditer(sent.text)] + [
            ("kgo:seatsLeading", m) for m in _LEAD.finditer(sent.text)
        ]
        if not counts:
            continue
        first = min(m.start() for _, m in counts)
        subj = _subject(sent.text, first)
        if subj is None:
            continue
        party = Mention(subj.group("np"), "PoliticalParty")
        s_span = out.span(o + sent.start, o + sent.end)
        note = f"time from {as_of.text!r}; {out.context_note}"
        tally = make_node("seat-tally", out.ctx.election, party, Lit(time, "time"))
        out.node(tally, s_span, "seat-tally", note)
        out.add(tally, "kgo:asOfLabel", Lit(label), as_of, "seat-tally")
        if rep:
            out.add(
                tally,
                "kgo:reportedBy",
                Mention(rep.group("org"), "Organisation"),
                out.span(o + rep.start(), o + rep.end()),
                "seat-tally",
            )
        for prop, m in counts:
            n = num(m.group("n") or m.group("n2"))
            out.add(
                tally,
                prop,
                Lit(str(n), "integer"),
                out.span(o + sent.start + m.start(), o + sent.start + m.end()),
                "seat-tally",
            )
        for a in _ALLY.finditer(sent.text):
            if a.group("phrase") and previous_party is not None:
                ev = out.span(o + sent.start + a.start("phrase"), o + sent.start + a.end("phrase"))
                out.add(
                    Mention(a.group("party"), "PoliticalParty"),
                    "kgo:alliedWith",
                    previous_party,
                    ev,
                    "ally",
                )
            elif a.group("phrase2"):
                ev = out.span(
                    o + sent.start + a.start("phrase2"), o + sent.start + a.end("phrase2")
                )
                out.add(
                    Mention(a.group("party2"), "PoliticalParty"),
                    "kgo:alliedWith",
                    Mention(a.group("with"), "PoliticalParty"),
                    ev,
                    "ally",
                )
        previous_party = party
