"""Numbers about a whole election: seat tallies and the House (seats contested are
:mod:`.contested`'s, turnout and phases :mod:`.phases`'s, which share the patterns below).

- tallies: "the JMM won 34 seats", "BJP is ahead in 21 and has won four", "Congress 16, RJD one",
  timed by a clock time in the sentence or its paragraph ("As of 5.15 pm", "by 4 pm"), or final
  when the sentence says the results are in and nothing is still leading;
- the House: "the 81-member Assembly", "42-seat majority mark", "41 needed for a majority".
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Elections
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Lit, Mention, Node

_WON = re.compile(
    r"\b(?:won|wins|winning|bagged|secured|clinched|captured|bag|bags|grabbed|swept|tally of"
    r"|finished with|ended with)\b",
    re.I,
)
# "got 14", "managed two": seats won where the sentence speaks of no seat-sharing
_WON_LOOSE = re.compile(r"\b(?:got|gets|managed|manages|took|ended up with)\b", re.I)
_SHARING = re.compile(
    r"\b(?:shar\w*|deal|allot\w*|allocat\w*|contest\w*|fight\w*|fought|field\w*|put up)\b", re.I
)
_NOT_SEATS = re.compile(
    r"\s*-|\s*(?:years?|months?|weeks?|days?|hours?|rounds?|times|terms?|per\s*cent|%|lakh|crore)\b",
    re.I,
)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)
EACH = re.compile(r"^\s*(?:seats?\s+)?(?:each|apiece)\b", re.I)
# between parties of one list: "the BJP and the JMM", "the Bharatiya Janata Party (BJP) and the JMM"
_JOINED = re.compile(r"\s*\(\s*|\)?\s*(?:,|and|,\s*and)\s+(?:the\s+)?", re.I)
_LEAD = re.compile(r"\b(?:leading|leads|lead|ahead)\b", re.I)
_SEATWORD = re.compile(r"\b(?:seats?|constituencies|leads|others|more)\b", re.I)
CONTEST = re.compile(
    r"\b(?:contest(?:ed|ing|s)?|fight(?:ing|s)?|fought|field(?:ed|ing)?|put up|"
    r"share of|seat-sharing|"
    r"seat sharing|allotted|allocated|given|got|gets|get|getting|share|shares)\b",
    re.I,
)
_FINAL = re.compile(
    r"\b(?:final(?:ly)?|results? (?:were|was) declared|all \d+ results|in all|declared)\b", re.I
)
_MAJORITY = re.compile(
    r"(?:majority mark of|magic (?:figure|number) of|halfway mark of|majority of)\s+(?P<a>\d+)"
    r"|(?P<b>\d+)(?:-seat| seats?)?\s+(?:majority mark|magic (?:figure|number)|halfway mark)"
    r"|(?P<c>\d+)\s+(?:seats?\s+)?(?:are\s+|is\s+)?(?:needed|required)\s+(?:for|to form)"
    r"|\bneeds?\s+(?P<d>\d+)\s+seats?\s+(?:to form|for a majority)",
    re.I,
)
_SIZE = re.compile(
    r"\b(?P<n>\d+)[- ](?:member|seat|strong)\s+(?:[A-Z][a-z]+\s+)?(?:Assembly|House|assembly|house|Vidhan Sabha)"
)
PHASES = re.compile(r"\b(?:in|over|across)\s+(?P<n>\w+)\s+phases\b|\b(?P<m>\w+)-phase\b", re.I)
PHASE_NO = re.compile(
    r"\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|4th|5th)"
    r"(?:\s+and\s+(?:final|last))?\s+phase|\bphase\s+(?P<n>\d|I{1,3}V?|IV|V)\b",
    re.I,
)
TURNOUT = re.compile(
    r"\b(?:turnout|polling percentage|voter participation|polling|voting percentage|votes? (?:were )?cast"
    r"|turn(?:ed)? out|(?:electors|voters) (?:voted|cast (?:their )?(?:votes|ballots)))\b",
    re.I,
)
ORDINAL = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
}
WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "2": 2,
    "3": 3,
    "4": 4,
    "5": 5,
}


def election_of(
    out: Out, s: Sentence, ctx: Elections, *, by_ok: bool = False
) -> tuple[Mention, str | None] | None:
    e, from_context = ctx.for_sentence(s, None)
    if e is None or (e.kind == "ByElection" and not by_ok):
        return None
    m = out.election(e, out.sentence_span(s))
    return m, "election taken from the article's context" if from_context else None


def _clock(s: Sentence, para: list[Sentence]) -> Chunk | None:
    own = next((c for c in s.chunks if c.kind == "time"), None)
    if own:
        return own
    first = para[0] if para else None
    if first is not None and first is not s:
        return next((c for c in first.chunks if c.kind == "time"), None)
    return None


def rule_tallies(out: Out, s: Sentence, ctx: Elections, para: list[Sentence]) -> None:
    parties = [c for c in s.chunks if c.kind == "party"]
    if not parties or unsure(s.text):
        return
    if not (_SEATWORD.search(s.text) or any(_SEATWORD.search(p.text) for p in para)):
        return  # "The Congress won 16" counts seats only where the paragraph speaks of seats
    if re.search(r"\b(?:votes?|per ?cent|%|lakh)\b", s.text, re.I):
        return
    loose = _SHARING.search(s.text) is None and _WON_LOOSE.search(s.text) is not None
    if not (_WON.search(s.text) or _LEAD.search(s.text) or loose):
        return
    got = election_of(out, s, ctx)
    if got is None:
        return
    clock = _clock(s, para)
    if clock is None and _LEAD.search(s.text):
        return  # leads without a time say nothing that stays true
    counts = [
        _party_counts(s, party, parties[i + 1].start if i + 1 < len(parties) else s.end, loose)
        for i, party in enumerate(parties)
    ]
    if _RESPECTIVELY.search(s.text):
        counts = _respectively(s, parties, counts)
    for i, party in enumerate(parties):
        values = counts[i] or _shared(s, parties, counts, i)
        if values:
            _write_tally(out, got, party, clock, values)


def _respectively(
    s: Sentence, parties: list[Chunk], counts: list[dict[str, Chunk]]
) -> list[dict[str, Chunk]]:
    """ "The JMM and the Congress finished with 34 and 16 seats respectively": the counts after a
    list of parties, in its order; a list whose counts do not pair up gives none."""
    out = [dict(c) for c in counts]
    i = 0
    while i < len(parties):
        last = last_joined(s, parties, i)
        k = parties.index(last)
        stop = parties[k + 1].start if k + 1 < len(parties) else s.end
        numbers = [c for c in s.chunks if c.kind == "number" and last.end <= c.start < stop]
        if k > i:
            paired = len(numbers) == k - i + 1
            for j in range(i, k + 1):
                out[j] = {"kgo:seatsWon": numbers[j - i]} if paired else {}
        i = k + 1
    return out


def _shared(
    s: Sentence, parties: list[Chunk], counts: list[dict[str, Chunk]], i: int
) -> dict[str, Chunk]:
    """The count of the party a list of parties ends on, when it is "each" or "apiece": "the BJP
    and the JMM won 18 seats each" gives the BJP 18 as well."""
    j = i
    while j + 1 < len(parties) and _JOINED.fullmatch(
        s.between(parties[j].end, parties[j + 1].start)
    ):
        j += 1
        if counts[j]:
            last = max(counts[j].values(), key=lambda n: n.end)
            return counts[j] if EACH.match(s.text[last.end - s.start :]) else {}
    return {}


def _party_counts(s: Sentence, party: Chunk, stop: int, loose: bool = False) -> dict[str, Chunk]:
    """The seats won and leading a sentence gives one party, between its name and the next;
    ``loose``: "got" and "managed" say won too."""
    values: dict[str, Chunk] = {}
    for n in (c for c in s.chunks if c.kind == "number" and party.end <= c.start < stop):
        before = s.text[max(0, party.end - s.start) : n.start - s.start]
        after = s.text[n.end - s.start : n.end - s.start + 20]
        if _NOT_SEATS.match(after):
            continue  # "a two-year term", "three rounds": no seats
        lead = [m.end() for m in _LEAD.finditer(before)]
        won = [m.end() for m in _WON.finditer(before)]
        if loose:
            won = sorted(won + [m.end() for m in _WON_LOOSE.finditer(before)])
        fought = [m.end() for m in CONTEST.finditer(before)]
        if fought and (not won or fought[-1] > won[-1]):
            continue  # "fought four and won two": four is contested (rule_contested's)
        if re.match(r"\s*leads?\b", after) or (lead and (not won or lead[-1] > won[-1])):
            values.setdefault("kgo:seatsLeading", n)
        elif won or re.match(r"\s*(?:seats|,|and|$)", after) or not values:
            values.setdefault("kgo:seatsWon", n)
    return values


def _write_tally(
    out: Out,
    got: tuple[Mention, str | None],
    party: Chunk,
    clock: Chunk | None,
    values: dict[str, Chunk],
) -> None:
    """A final tally (no reporting time) or one at a time of day, with the article's wording of
    that time kept beside its normalised form."""
    election, note = got
    pm = Mention(party.value, "PoliticalParty")
    ev = out.span(party.start, max(n.end for n in values.values()))
    node: Node
    if clock is None:
        node = make_node("final-tally", election, pm)
        out.node(node, ev, "seat-tally", note)
        out.add(node, "kgo:isFinal", Lit("true", "boolean"), ev, "seat-tally")
    else:
        node = make_node("seat-tally", election, pm, Lit(clock.value + ":00", "time"))
        out.node(node, ev, "seat-tally", note)
        label = out.span(clock.start, clock.end)
        out.add(node, "kgo:asOfLabel", Lit(clock.text), label, "seat-tally")
    for prop, n in values.items():
        out.add(node, prop, Lit(n.value, "integer"), out.span(n.start, n.end), "seat-tally")


def last_joined(s: Sentence, parties: list[Chunk], i: int) -> Chunk:
    """The last party of the list that ``parties[i]`` opens ("the RJD and the AJSU")."""
    j = i
    while j + 1 < len(parties) and _JOINED.fullmatch(
        s.between(parties[j].end, parties[j + 1].start)
    ):
        j += 1
    return parties[j]


def rule_house(out: Out, s: Sentence, ctx: Elections) -> None:
    got = None
    for m in _MAJORITY.finditer(s.text):
        got = got or election_of(out, s, ctx)
        if got is None:
            return
        n = m.group("a") or m.group("b") or m.group("c") or m.group("d")
        out.add(
            got[0],
            "kgo:majorityMark",
            Lit(n, "integer"),
            out.span(s.start + m.start(), s.start + m.end()),
            "house",
        )
    for m in _SIZE.finditer(s.text):
        got = got or election_of(out, s, ctx)
        if got is None:
            return
        out.add(
            got[0],
            "kgo:numberOfSeats",
            Lit(m.group("n"), "integer"),
            out.span(s.start + m.start(), s.start + m.end()),
            "house",
        )
