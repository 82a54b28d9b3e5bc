"""Candidates' results in any of the common wordings.

"A defeated B by 5,000 votes", "A won Dumka by a margin of 5,000 over B", "A polled 1,02,417 votes
to B's 87,305", "B lost to A", "A retained the seat", "A was trailing B by 3,400 votes". A sentence
is cut into clauses (at ";", "while", "whereas"), and each clause with a result verb gives the
candidacy of the person before the verb and, where one is named after it, of the opponent. The
constituency, votes, margin, vote share and parties come from the chunks of the same clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.build.extract.prose.candidacy import OUTCOMES, STATUS, add_candidacy
from kg.build.extract.prose.clauses import Clause, by_subject, clauses, numbers
from kg.build.extract.prose.context import YEAR, Elections
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.result_people import (
    RELATIVE,
    co_subjects,
    leading_subject,
    opponent_of,
    subject_of,
)
from kg.build.extract.prose.result_seats import NO_SEAT, Fallback, clause_seat, fallback_seat
from kg.build.extract.prose.result_years import stretch_year
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.extract.prose.triggers import Hit, triggers
from kg.model import Mention

STANDING = frozenset({"CONTEST", "FIELD"})  # a candidacy, no outcome stated
# "X will contest Y" announces a nomination, which is a fact today; other modals still hedge
_ANNOUNCED = re.compile(r"\bwill (?:contest|be (?:the|its|their) (?:candidate|nominee))\b", re.I)
_POLLED = re.compile(
    r"\b(?:polled|polling|garnered|garnering|bagged|bagging|received|receiving|got|getting|"
    r"secured|securing)\b[^.;]*\bvotes\b[^.;]*\b(?:to|against)\b",
    re.I,
)


_REPEATED = re.compile(  # "had won Madhupur four times": a seat held over many elections
    r"\b(?:won|retained|represented|held)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}"
    r"(?:(?:seat|constituency)\s+)?(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?:times|terms)|twice|thrice)\b"
)


def rule_results(out: Out, s: Sentence, ctx: Elections, paragraph: Sequence[Sentence] = ()) -> None:
    parts = [p for cl in clauses(s) for p in by_subject(cl, _result_hits(cl))]
    for cl in parts:
        hits = _result_hits(cl)
        seat = fallback_seat(s, cl, parts, paragraph, lambda p: bool(_result_hits(p)))
        if _unsure(cl.text):
            if len(_verbs(cl, hits)) > 1:  # "could not retain Silli and lost to B": the loss holds
                _series(out, s, cl, _verbs(cl, hits), ctx, seat, guarded=True)
            continue
        if _REPEATED.search(cl.text) and not YEAR.search(cl.text):
            continue  # many elections, none of them named
        strong = [h for h in hits if h.label in ("DEFEAT", "LOSE", "TRAIL")]
        if _POLLED.search(cl.text) and len(numbers(cl)[1]) >= 2:  # "N votes to B's M"
            _clause(
                out,
                s,
                cl,
                Hit("POLL", 0, 0),
                ctx,
                next((h for h in hits if h.label in OUTCOMES), None),
                fallback=seat,
            )
        elif len(_verbs(cl, hits)) > 1:
            _series(out, s, cl, _verbs(cl, hits), ctx, seat)
        elif hits:
            hit = (strong or hits)[0]
            lead = leading_subject(cl, hit, parts, _result_hits)
            _clause(out, s, cl, hit, ctx, None, lead, fallback=seat)


def _result_hits(cl: Clause) -> list[Hit]:
    return [
        h
        for h in triggers(cl.text)
        if (h.label in OUTCOMES or h.label in STATUS or h.label in STANDING)
        and not (h.label == "LEAD" and _AHEAD_OF.match(cl.text, h.end))
        and not (
            h.label == "DEFEAT"
            and _PASSIVE.search(cl.text[: h.start])
            and not _BY.match(cl.text, h.end)
        )
    ]


# "was unseated after a conviction": removed, not beaten (a defeat has "by" after it)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|got|get|gets)\s+$", re.I)
_BY = re.compile(r"\s+(?:\w+\s+){0,3}?by\b", re.I)


# "ahead of the 2005 election" is a time, not a lead
_AHEAD_OF = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:elections?|polls?|bypolls?|by-elections?|"
    r"votes?|voting|counting|results?)\b",
    re.I,
)


def _verbs(cl: Clause, hits: list[Hit]) -> list[Hit]:
    """Result verbs of one subject in a row, each after a comma or "and": "won Dumka in 1980,
    lost it in 1984 to X, and recaptured it in 1989"."""
    out = hits[:1]
    for h in hits[1:]:
        gap = cl.text[out[-1].end : h.start]
        if h.start > out[-1].end and _SERIES_GAP.search(gap):
            out.append(h)
    return out


# what may stand between the comma or "and" of a series and its next verb: "…, and then lost",
# "…, but later regained"; not a new subject ("…, ruling alliance loses")
_SERIES_GAP = re.compile(
    r"(?:,|\band)\s+(?:(?:and|but|then|later|again|also|subsequently|eventually|finally|"
    r"once|narrowly|comfortably|easily|was|were|had|has|have|is|got|he|she|it)\s+){0,2}$",
    re.I,
)


def _unsure(text: str) -> bool:
    return unsure(_ANNOUNCED.sub("contests", text)) is not None


def _series(
    out: Out,
    s: Sentence,
    cl: Clause,
    hits: list[Hit],
    ctx: Elections,
    seat: Fallback,
    guarded: bool = False,
) -> None:
    """Each verb of a series read as its own clause about the series' subject; ``guarded``: a
    verb whose own stretch is negated or hedged is left out."""
    first = subject_of(
        out,
        s,
        cl,
        hits[0],
        [c for c in cl.chunks if c.kind in PEOPLE and c.end <= cl.start + hits[0].start],
    )
    if first is None:
        return
    for i, h in enumerate(hits):
        a = cl.start + (h.start if i else 0)
        b = cl.start + hits[i + 1].start if i + 1 < len(hits) else cl.end
        text = s.text[a - s.start : b - s.start]
        part = Clause(a, b, text, tuple(c for c in cl.chunks if a <= c.start and c.end <= b))
        if guarded and _unsure(s.text[(cl.start if i == 0 else a) - s.start : b - s.start]):
            continue
        _clause(
            out,
            s,
            part,
            Hit(h.label, h.start - (a - cl.start), h.end - (a - cl.start)),
            ctx,
            None,
            first,
            seat,
        )


_BACK = {
    "DEFEAT": "LOST",
    "LOSE": "WIN",
    "LEAD": "TRAIL",
    "TRAIL": "LEAD",
    "WIN": "LOST",
    "LOST": "WIN",
    "CONTEST": "CONTEST",
    "FIELD": "CONTEST",
}


def _poll_hit(cl: Clause, people: list[Chunk], stated: Hit | None) -> Hit:
    """Where "polled" stands: after the last person named before it ("A lost Sisai to B of the
    JMM, who polled N votes to A's M" is B's count), else after the first person; a participle
    after a comma is the verb's before it ("he unseated B, polling N votes to B's M")."""
    m = _POLLED.search(cl.text)
    after_comma = m is not None and re.search(r",\s*$", cl.text[: m.start()]) is not None
    participle = m is not None and after_comma and m.group(0).split()[0].endswith("ing")
    if m is not None and stated is not None and stated.start < m.start() and participle:
        return Hit("POLL", stated.start, stated.start)
    before = [c for c in people if m is not None and c.end - cl.start <= m.start()]
    if m is not None and not before and RELATIVE.match(cl.text[: m.start()]):
        return Hit("POLL", m.start(), m.start())  # ", who polled …": the one named before it
    at = (before[-1] if before else people[0]).end - cl.start
    return Hit("POLL", at, at)


def _poll_label(stated: str | None, votes: list[Chunk]) -> str:
    """ "X polled N votes to Y's M": the outcome a verb states, else the larger count."""
    if stated in ("WIN", "DEFEAT"):
        return "WIN"
    if stated in ("LOSE", "LOST"):
        return "LOST"
    return "WIN" if int(votes[0].value) > int(votes[1].value) else "LOST"


def _anchor(
    cl: Clause, hit: Hit, stated: Hit | None
) -> tuple[Hit, Hit | None, int, list[Chunk]] | None:
    """The verb, the outcome it states, where its subject must end, and the people of the
    clause; None when "fielded" names no one."""
    people = [c for c in cl.chunks if c.kind in PEOPLE]
    if hit.label == "POLL" and people:
        hit = _poll_hit(cl, people, stated)
        if stated is not None and stated.start < hit.start:
            stated = None  # "A lost Sisai to B, who polled …": the verb is A's, not B's
    at = cl.start + hit.start
    if hit.label == "FIELD":  # the one fielded is named after the verb
        named = [c for c in people if c.start >= cl.start + hit.end]
        if not named:
            return None
        at, people = named[0].end + 1, named[:1]
    return hit, stated, at, people


def _clause(
    out: Out,
    s: Sentence,
    cl: Clause,
    hit: Hit,
    ctx: Elections,
    stated: Hit | None = None,
    subject: Chunk | None = None,
    fallback: Fallback = NO_SEAT,
) -> None:
    anchored = _anchor(cl, hit, stated)
    if anchored is None:
        return
    hit, stated, at, people = anchored
    before = [c for c in people if c.end <= at]
    series = subject is not None  # a verb of a series: its own stretch dates it
    subject = (
        subject_of(out, s, cl, hit, before)
        if before
        else subject or subject_of(out, s, cl, hit, before)
    )
    if subject is None:
        return
    other = opponent_of(cl, hit, [c for c in people if c.start >= cl.start + hit.end])
    margin, votes, share = numbers(cl)
    seat, topic = clause_seat(cl, fallback, bool(other or margin or votes))
    counted = ctx.one_by_seat and bool(votes or margin)  # a by-election report's counts
    if seat is None and hit.label in ("WIN", "LOST", *STANDING) and not other and not counted:
        return  # "X won 30 seats" is a tally; "X won" alone says too little
    house = seat or fallback.hint  # another contest's seat still tells the house
    near = stretch_year(s, cl, hit, fallback, series)
    election, from_context = ctx.for_sentence(s, house, near)
    if election is None or (seat and seat.kind == "loksabha" and election.house != "Lok Sabha"):
        return
    label = hit.label
    if label == "POLL":
        if len(votes) < 2 or other is None:
            return
        label = _poll_label(stated.label if stated else None, votes)
    note = "election taken from the article's context" if from_context else None
    e = out.election(election, out.span(cl.start, cl.end))
    add_candidacy(
        out, cl, e, subject, other, seat, label, note, margin, votes[:1], share, seat_note=topic
    )
    _co_candidacies(out, cl, e, before, at, label, note, (other, seat, margin, *votes))
    if other is not None:
        back_margin = margin  # the margin is the contest's: the winner's lead, the loser's deficit
        add_candidacy(
            out,
            cl,
            e,
            other,
            subject,
            seat,
            _BACK[label],
            note,
            back_margin,
            votes[1:2],
            None,
            seat_note=topic,
        )


def _co_candidacies(
    out: Out,
    cl: Clause,
    e: Mention,
    before: list[Chunk],
    at: int,
    label: str,
    note: str | None,
    stated: tuple[Chunk | None, ...],
) -> None:
    """The same standing for the others listed with the subject: "A and his wife B are leading",
    unless an opponent, seat, margin or votes is ``stated``: those would be one person's."""
    if any(stated):
        return
    for co in co_subjects(cl, before, at):
        add_candidacy(out, cl, e, co, None, None, label, note, None, [], None)
