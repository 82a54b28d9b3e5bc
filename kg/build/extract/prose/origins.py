"""Where a person comes from and where they served, as biographies say it: "Her father's native
place is Mayurbhanj district, Odisha", "a native of Dumka", "born in Kapurthala, where her father
was stationed with the Indian Army", "he was posted at Ranchi", and the fields a person has "a
background in".

- ``kgo:nativePlace``: "A's native place (village, town) is X", "A is a native of X";
- ``kgo:stationedAt``: "X, where A was stationed (posted)", "A was stationed (posted) at X";
- ``kgo:militaryBranch``: "A was stationed with (served in) the Indian Army";
- ``kgo:academicBackground``: "holds a background in engineering and business administration",
  for the fields of study listed below only;
- a place followed by ", State" is in that state (``kgo:locatedIn``).

A negated or hedged sentence gives nothing.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.family import speaks_of
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import STATES
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.model import Mention

_PLACES = frozenset({"place", "constituency", "loksabha", "seat"})
_NATIVE = re.compile(
    r"^(?:[’']s\s+(?:native|ancestral|home)\s+(?:place|village|town|district)\s+(?:is|was)\s+"
    r"|,?\s+(?:is\s+|was\s+)?an?\s+native\s+of\s+)$"
)
_WHERE = re.compile(r",\s+where\s+(?:(?:his|her|their)\s+[a-z-]+,?\s+)?$")
_STATIONED = re.compile(r",?\s+(?:was|were|had been)\s+(?:stationed|posted)\b")
_AT = re.compile(r"^\s+(?:was|were|had been)\s+(?:stationed|posted)\s+(?:at|in)\s+$")
_FORCES = (
    r"Indian Army|Indian Navy|Indian Air Force|Border Security Force|Central Reserve Police Force"
)
_BRANCH = re.compile(
    rf"^,?\s+(?:was\s+|were\s+|had\s+)?(?:been\s+)?(?:stationed|posted|serving|served)\s+"
    rf"(?:with|in)\s+the\s+(?P<b>{_FORCES})\b"
)
FIELDS = (
    "engineering", "business administration", "management", "law", "medicine", "economics",
    "commerce", "political science", "history", "sociology", "geography", "mathematics", "physics",
    "chemistry", "agriculture", "journalism", "public administration", "computer science",
    "accountancy", "education", "science", "arts", "philosophy", "psychology", "social work",
)  # fmt: skip
_FIELD = "|".join(sorted(FIELDS, key=len, reverse=True))
_BACKGROUND = re.compile(
    rf"\b(?:holds?|has|had|with)\s+an?\s+(?:academic\s+|educational\s+)?background\s+in\s+"
    rf"(?P<f>(?:{_FIELD})(?:(?:,\s*|,?\s+and\s+)(?:{_FIELD}))*)\b",
    re.I,
)
_STATE = re.compile(r",\s+(?P<s>" + "|".join((*STATES, "Jharkhand")) + r")\b")


def rule_origins(out: Out, s: Sentence, subject: Mention | None) -> None:
    if unsure(s.text):
        return
    for i, c in enumerate(s.chunks):
        if c.kind in PEOPLE:
            nxt = s.chunks[i + 1] if i + 1 < len(s.chunks) else None
            _of_person(out, s, c, nxt)
            _stationed_where(out, s, c, s.chunks[:i])
    _background(out, s, subject)


def _of_person(out: Out, s: Sentence, c: Chunk, nxt: Chunk | None) -> None:
    rest = s.text[c.end - s.start :]
    branch = _BRANCH.match(rest)
    if branch:
        force = Mention(branch.group("b"), "ArmedForce")
        ev = out.span(c.start, c.end + branch.end())
        out.add(_person(c), "kgo:militaryBranch", force, ev, "origin")
    if nxt is None or nxt.kind not in _PLACES:
        return
    gap = s.between(c.end, nxt.start)
    ev = out.span(c.start, nxt.end)
    if _NATIVE.match(gap):
        out.add(_person(c), "kgo:nativePlace", _place(out, s, nxt), ev, "origin")
    elif _AT.match(gap):
        out.add(_person(c), "kgo:stationedAt", _place(out, s, nxt), ev, "origin")


def _stationed_where(out: Out, s: Sentence, c: Chunk, before: tuple[Chunk, ...]) -> None:
    """ "born in X, Punjab, where her father, A, was stationed": A was stationed at X."""
    where = _WHERE.search(s.text[: c.start - s.start])
    done = _STATIONED.match(s.text, c.end - s.start)
    if where is None or done is None or not before:
        return
    places = [p for p in before if p.kind in _PLACES]
    if not places or places[-1].end != s.start + where.start():
        return
    place = places[-1]
    if len(places) > 1 and place.value in STATES and s.between(places[-2].end, place.start) == ", ":
        place = places[-2]  # "X, Punjab, where": X
    ev = out.span(place.start, s.start + done.end())
    out.add(_person(c), "kgo:stationedAt", Mention(place.value, "Place"), ev, "origin")


def _place(out: Out, s: Sentence, c: Chunk) -> Mention:
    """The place at ``c``; a ", State" after it says which state it is in."""
    place = Mention(c.value, "Place")
    m = _STATE.match(s.text, c.end - s.start)
    if m is not None and m.group("s") != c.value:
        state = Mention(m.group("s"), "Place")
        out.add(place, "kgo:locatedIn", state, out.span(c.start, s.start + m.end()), "origin")
    return place


def _person(c: Chunk) -> Mention:
    return Mention(c.value, "Person")


def _background(out: Out, s: Sentence, subject: Mention | None) -> None:
    m = _BACKGROUND.search(s.text)
    if m is None:
        return
    at = s.start + m.start()
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    who = Mention(before[-1].value, "Person") if before else speaks_of(s, subject)
    if who is None:
        return
    ev = out.span(at, s.start + m.end())
    for f in re.split(r",\s*|,?\s+and\s+", m.group("f")):
        out.add(who, "kgo:academicBackground", Mention(f.lower(), "FieldOfStudy"), ev, "origin")
