"""A constituency's own turnout, on a :class:`kgo:ConstituencyContest` node of the election and
the seat: "Nala registered 78.01 per cent", "Ranchi recorded a turnout of 65.36 per cent",
"Jamshedpur East managed only 56.3 per cent", "turnout was 49.04 per cent in Ranchi".

A figure is a seat's when the seat stands right before it as the subject of a verb of turnout
(or of "at", "of"), with nothing between them that gives another figure, or when "in <seat>"
follows it. A district's figure ("Ranchi district") and a vote share are not read. Where the
sentence or the three before it do not speak of turnout or polling, a seat's figure is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.build.extract.prose.context import Elections
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import DATELINE, DISTRICT, SEATS, Chunk, Sentence
from kg.build.extract.prose.tallies import TURNOUT, election_of
from kg.build.nodes import make_node
from kg.model import Lit, Mention

_PLACES = frozenset({*SEATS, "place"})
# what may stand between a seat and its figure: "recorded", "registered a turnout of", "was the
# busiest seat in that phase at", "came in lowest of the entire election at", "managed only"
_BEFORE = re.compile(
    r"(?:(?:recorded|registered|saw|managed|logged|reported|clocked|witnessed|posted|polled|"
    r"was|were|at|of|with)\s+(?:(?:only|just|about|nearly|around|over|more than|an estimated|"
    r"a|the|turnout|polling|voter|of)\s+)*|,\s+|\s+)$",
    re.I,
)
_AFTER = re.compile(
    r"^\s*(?:per\s*cent|percent|%)?(?:\s+(?:turnout|polling|voting))?(?:\s+(?:was\s+)?recorded)?"
    r"\s+in\s+$",
    re.I,
)
_SHARE = re.compile(r"\b(?:votes?|vote share|share|margin)\b", re.I)
_DISTRICTS = re.compile(r"^\s+districts\b", re.I)
_IN = re.compile(r"\b(?:in|on|near|of|across|from|at)\s+(?:the\s+)?$", re.I)
_AND = re.compile(r"\b(?:and|but)\s*$", re.I)


def figure_place(s: Sentence, c: Chunk) -> Chunk | None:
    """The seat or place a percentage ``c`` of ``s`` is about, if the words tie it to one."""
    figures = [x.start for x in s.chunks if x.kind in ("percent", "number") and x is not c]
    after = next((x for x in s.chunks if x.kind in _PLACES and x.start >= c.end), None)
    if after is not None and _AFTER.match(s.text[c.end - s.start : after.start - s.start]):
        return after
    dateline = DATELINE.match(s.text)
    start = s.start + (dateline.end() if dateline else 0)
    district = None
    for x in reversed([x for x in s.chunks if x.kind in _PLACES and start <= x.start < c.start]):
        gap = s.text[x.end - s.start : c.start - s.start]
        if (
            len(gap) > 90
            or ";" in gap
            or _SHARE.search(gap)
            or any(x.end <= f < c.start for f in figures)
        ):
            break
        if _DISTRICTS.match(gap):  # "across Giridih and Bokaro districts": a region's
            break
        if DISTRICT.match(gap):  # "Nala, in Jamtara district, registered …": Nala's
            district = district or x
            continue
        if x.kind not in SEATS and _IN.search(s.text[: x.start - s.start]):
            continue  # "Baharagora on the Odisha border was …": Baharagora's
        verb = _BEFORE.search(gap)
        if verb and not _AND.search(gap[: verb.start()]):  # not "…, Hatia and Kanke, and saw"
            return x
        break
    return district


def seat_or_district(s: Sentence, c: Chunk) -> bool:
    """Whether a percentage is one seat's or one district's, not a phase's or the election's."""
    x = figure_place(s, c)
    return x is not None and (
        x.kind in SEATS or DISTRICT.match(s.text[x.end - s.start :]) is not None
    )


def rule_seat_turnout(out: Out, s: Sentence, ctx: Elections, recent: Sequence[Sentence]) -> None:
    """Each percentage of ``s`` that is one constituency's turnout; ``recent``: the sentences
    before it, which may say what the figures are ("Turnout fell everywhere. Nala …")."""
    pcts = [c for c in s.chunks if c.kind == "percent"]
    if not pcts or unsure(s.text) or _SHARE.search(s.text):
        return
    if not TURNOUT.search(s.text) and not any(TURNOUT.search(r.text) for r in recent):
        return
    got = election_of(out, s, ctx)  # a by-election's turnout is the election's own
    if got is None:
        return
    election, note = got
    for c in pcts:
        seat = figure_place(s, c)
        if seat is None or seat.kind not in SEATS:
            continue
        node = make_node("contest", election, Mention(seat.value, "Constituency"))
        ev = out.span(min(seat.start, c.start), max(seat.end, c.end))
        out.node(node, ev, "turnout", note)
        out.figure(node, "kgo:turnout", Lit(c.value, "decimal"), c, ev, "turnout")
