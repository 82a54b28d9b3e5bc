"""Running tallies on counting day: "As of <time>, P has won N seats and is leading in M"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.build.extract.news.text import NAME, NUMW, Collector, num, sentences
from kg.build.extract.values import (
    parse_time,
)
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Span, Text

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


@dataclass(frozen=True)
class _AsOf:
    """What a paragraph's "As of <time>," clause fixes for every tally after it."""

    start: int  # where the clause starts in the paragraph
    election: Mention
    time: str  # 'HH:MM:SS'
    label: str  # the time as written, e.g. "3 PM on counting day"
    span: Span  # the clause, without its comma
    reporter: re.Match[str] | None  # "the <Org> reported", anywhere in the paragraph


def _as_of(out: Collector, para: Text) -> _AsOf | None:
    """The paragraph's first "As of" clause, if it has one with a valid time (and an election)."""
    m_as = _AS_OF.search(para.text)
    if not m_as or out.ctx.election is None:
        return None
    time = parse_time(m_as.group("time"))
    if time is None:
        return None
    o = para.start
    span = out.span(o + m_as.start(), o + m_as.end() - 1)
    rep = _REPORTER.search(para.text)
    return _AsOf(m_as.start(), out.ctx.election, time, m_as.group("label"), span, rep)


def rule_tallies(out: Collector, para: Text) -> None:
    as_of = _as_of(out, para)
    if as_of is None:
        return
    previous_party: Mention | None = None
    for sent in sentences(para.text):
        if sent.start < as_of.start:
            continue
        party = _tally(out, para.start, sent, as_of, previous_party)
        if party is not None:
            previous_party = party


def _tally(
    out: Collector, o: int, sent: Text, as_of: _AsOf, previous_party: Mention | None
) -> Mention | None:
    """The tally one sentence states (``o``: the paragraph's offset); returns its party, if any."""
    counts = [("kgo:seatsWon", m) for m in _WON.finditer(sent.text)] + [
        ("kgo:seatsLeading", m) for m in _LEAD.finditer(sent.text)
    ]
    if not counts:
        return None
    subj = _subject(sent.text, min(m.start() for _, m in counts))
    if subj is None:
        return None
    party = Mention(subj.group("np"), "PoliticalParty")
    s_span = out.span(o + sent.start, o + sent.end)
    note = f"time from {as_of.span.text!r}; {out.context_note}"
    tally = make_node("seat-tally", as_of.election, party, Lit(as_of.time, "time"))
    out.node(tally, s_span, "seat-tally", note)
    out.add(tally, "kgo:asOfLabel", Lit(as_of.label), as_of.span, "seat-tally")
    rep = as_of.reporter
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
    _allies(out, o + sent.start, sent.text, previous_party)
    return party


def _allies(out: Collector, o: int, sent: str, previous_party: Mention | None) -> None:
    """Alliances stated in the sentence ``sent`` (at offset ``o``).

    'Its ally, the P' allies P with the party of the previous tally; 'P, which is in alliance
    with Q' allies P with Q.
    """
    for a in _ALLY.finditer(sent):
        if a.group("phrase") and previous_party is not None:
            ev = out.span(o + a.start("phrase"), o + a.end("phrase"))
            out.add(
                Mention(a.group("party"), "PoliticalParty"),
                "kgo:alliedWith",
                previous_party,
                ev,
                "ally",
            )
        elif a.group("phrase2"):
            ev = out.span(o + a.start("phrase2"), o + a.end("phrase2"))
            out.add(
                Mention(a.group("party2"), "PoliticalParty"),
                "kgo:alliedWith",
                Mention(a.group("with"), "PoliticalParty"),
                ev,
                "ally",
            )
