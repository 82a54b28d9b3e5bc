"""Polling: turnout (overall, per phase, of a by-election), the phases and their dates, and a
by-election's polling day.

- turnout: "a turnout of 67.74 per cent", per phase ("the second phase saw 68.95%");
- phases: "in five phases", "the third phase on December 7";
- polling day: a by-election "was held on April 17".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.build.extract.prose.context import Elections, election_label
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.seat_turnout import seat_or_district
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.extract.prose.tallies import (
    ORDINAL,
    PHASE_NO,
    PHASES,
    TURNOUT,
    WORDS,
    election_of,
)
from kg.build.nodes import make_node
from kg.model import Lit, Mention

# "… against 66.6 per cent in 2014": a figure of another year's election, for comparison
_YEAR_AFTER = re.compile(
    r"\s*(?:per cent|percent|%)?\s*(?:recorded\s+)?(?:in|during)\s+(?:the\s+)?(?P<y>(?:19|20)\d\d)\b"
)
_RECORDED = re.compile(r"\b(?:recorded|registered|saw|logged|clocked|witnessed|posted)\b", re.I)
_VOTE_SHARE = re.compile(r"\b(?:votes?|vote share|share)\b", re.I)
_OVERALL = re.compile(r"\b(?:overall|in all|all (?:the )?\w+ phases|total|cumulative)\b", re.I)
_STATE_WIDE = frozenset({"Jharkhand", "the state"})


def _seat_level(s: Sentence) -> bool:
    """Whether the sentence names a seat or a town, whose own figures are not the election's."""
    return any(
        c.kind in ("constituency", "loksabha", "seat", "place") and c.value not in _STATE_WIDE
        for c in s.chunks
    )


def rule_turnout(out: Out, s: Sentence, ctx: Elections, recent: Sequence[Sentence] = ()) -> None:
    """Turnout figures; ``recent``, the sentences before, may say what a phase's figure is
    ("… electors turned out. The second phase recorded 54.3 per cent")."""
    pcts = [c for c in s.chunks if c.kind == "percent"]
    about = TURNOUT.search(s.text) or (
        PHASE_NO.search(s.text)
        and _RECORDED.search(s.text)
        and any(TURNOUT.search(r.text) for r in recent)
        and not _VOTE_SHARE.search(s.text)
    )
    if not pcts or not about or unsure(s.text):
        return
    got = election_of(out, s, ctx, by_ok=True)
    if got is None:
        return
    election, note = got
    general = not election.text.endswith("by-election")
    years = {c.start: _YEAR_AFTER.match(s.text, c.end - s.start) for c in pcts}
    phases = list(PHASE_NO.finditer(s.text))
    words = [s.start + m.start() for m in TURNOUT.finditer(s.text)]
    places = general and _seat_level(s)
    for c in pcts:
        if places and (seat_or_district(s, c) or not phases):
            continue  # a seat's own figure (.seat_turnout), or one no phase claims
        this, this_note = _compared(out, s, ctx, election, note, years, c)
        if this is None:
            continue
        before = [p for p in phases if 0 < c.start - (s.start + p.end()) < 40]
        if not before and len(phases) == 1 and phases[0].end() < c.start - s.start:
            between = s.text[phases[0].end() : c.start - s.start]  # the sentence's one phase
            before = [] if _OVERALL.search(between) else phases
        phase = before[-1] if before else None
        # quoted from the turnout word or the phase before the figure: "a turnout of 67.74 per cent"
        starts = [w for w in words if 0 <= c.start - w < 60]
        if phase is not None:
            starts.append(s.start + phase.start())
        ev = out.span(min(starts) if starts else c.start, c.end)
        if phase is None:
            lit = Lit(c.value, "decimal")
            out.figure(this, "kgo:turnout", lit, c, ev, "turnout", note=this_note)
            continue
        number = ORDINAL.get((phase.group("w") or phase.group("n") or "").lower())
        if number is None:
            continue
        node = make_node("phase", this, Lit(str(number), "integer"))
        out.node(node, out.span(s.start + phase.start(), s.start + phase.end()), "turnout", note)
        out.figure(node, "kgo:turnout", Lit(c.value, "decimal"), c, ev, "turnout")


def _compared(
    out: Out,
    s: Sentence,
    ctx: Elections,
    election: Mention,
    note: str | None,
    years: dict[int, re.Match[str] | None],
    c: Chunk,
) -> tuple[Mention | None, str | None]:
    """The election a percentage belongs to when the sentence compares two: the one of the year
    written right after it, else the article's own."""
    if not any(years.values()):
        return election, note
    e, _ = ctx.for_sentence(s, None)
    if e is None or e.kind != "GeneralElection":
        return None, None
    own = years[c.start]
    year = int(own.group("y")) if own else ctx.year
    if year is None:
        return None, None
    other = replace(e, label=election_label(e.house, year, None), year=year)
    return out.election(other, out.span(c.start, c.end)), None if own else "election of the article"


_HELD = re.compile(
    r"\b(?:(?:was|were) held|polling (?:was|took place)|voting (?:was|took place)|went to the polls|voted)\s+on\s+$",
    re.I,
)


def rule_polling_day(out: Out, s: Sentence, ctx: Elections, year: int | None) -> None:
    """A by-election "was held on April 17": the day of its one poll."""
    if PHASE_NO.search(s.text) or PHASES.search(s.text) or unsure(s.text):
        return
    date = next(
        (c for c in s.chunks if c.kind == "date" and _HELD.search(s.text[: c.start - s.start])),
        None,
    )
    if date is None:
        return
    got = election_of(out, s, ctx, by_ok=True)
    if got is None or not got[0].text.endswith("by-election"):
        return
    value = date.value
    if value.startswith("--"):
        if year is None:
            return
        value = f"{year}{value[1:]}"
    if len(value) != 10:
        return
    out.add(
        got[0],
        "kgo:pollingDate",
        Lit(value, "date"),
        out.span(date.start, date.end),
        "polling-day",
        note=got[1],
    )


def rule_phases(out: Out, s: Sentence, ctx: Elections, year: int | None) -> None:
    m = PHASES.search(s.text)
    phases = list(PHASE_NO.finditer(s.text))
    dates = [
        c
        for c in s.chunks
        if c.kind == "date" and (c.value.count("-") == 2 or c.value.startswith("--"))
    ]
    if not (m or (phases and dates)) or unsure(s.text):
        return
    got = election_of(out, s, ctx, by_ok=True)
    if got is None:
        return
    election, note = got
    n = WORDS.get((m.group("n") or m.group("m") or "").lower()) if m else None
    if m and n:
        ev = out.span(s.start + m.start(), s.start + m.end())
        out.add(election, "kgo:numberOfPhases", Lit(str(n), "integer"), ev, "phases", note=note)
    for number, d in _phase_dates(s, phases, dates, counted=m is not None):
        _write_phase(out, election, note, number, d, year)


def _phase_dates(
    s: Sentence, phases: list[re.Match[str]], dates: list[Chunk], *, counted: bool
) -> list[tuple[int | None, Chunk]]:
    """Each polling date with the phase it belongs to: the nearest "phase N" before it, or,
    after "in N phases", the order the dates come in."""
    if phases:
        pairs: list[tuple[int | None, Chunk]] = []
        for d in dates:
            before = [p for p in phases if s.start + p.start() < d.start]
            p = before[-1] if before else phases[0]
            pairs.append((ORDINAL.get((p.group("w") or p.group("n") or "").lower()), d))
        return pairs
    return [(i + 1, d) for i, d in enumerate(dates)] if counted else []


def _write_phase(
    out: Out,
    election: Mention,
    note: str | None,
    number: int | None,
    d: Chunk,
    year: int | None,
) -> None:
    value = d.value
    if value.startswith("--"):
        if year is None:
            return
        value = f"{year}{value[1:]}"
    if number is None:
        return
    node = make_node("phase", election, Lit(str(number), "integer"))
    ev = out.span(d.start, d.end)
    out.node(node, ev, "phases", note)
    guessed = "year taken from the article's context" if d.value.startswith("--") else None
    out.add(node, "kgo:pollingDate", Lit(value, "date"), ev, "phases", note=guessed)
