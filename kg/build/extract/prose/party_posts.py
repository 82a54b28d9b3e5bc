"""Party offices written elsewhere than right before the name (:mod:`.titles` reads "JMM
president A"):

- after the name: "A, the BJP's state president,", "B, JMM vice-president,";
- before it, with the party named earlier in the sentence: "The BJP fielded its state
  president, C";
- as what someone became or left: "the BJP made him president of its Jharkhand unit", "took
  charge of the state BJP as its president", "resigned from his post as party vice-president".

The post is :func:`.posts.party_office`'s: "President of the Jharkhand Mukti Morcha", and for a
party's state unit ("state president", "its Jharkhand unit") "President of the Bharatiya Janata
Party, Jharkhand". "the party" or "its" names the party only when the sentence names one before
it; otherwise nothing is read. A negated or hedged stretch gives nothing.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.offices import add_status, title_status
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import PARTY_OFFICES, party_office
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Mention

_OFFICE = "|".join(sorted((re.escape(o) for o in PARTY_OFFICES if o != "chief"), key=len)[::-1])
_UNIT = r"(?P<unit>state\s+|Jharkhand\s+|national\s+)?"
# after a name: ", the BJP's state president", ", JMM vice-president", ", the party's treasurer"
_AFTER = re.compile(
    rf",\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:(?:former|then|outgoing|sitting|ex-)\s*)?"
    rf"(?P<pre>state\s+)?(?:(?P<ref>party|party's)\s+|(?P<p>\x00+)(?:['’]s)?\s+)?"
    rf"{_UNIT}(?P<o>{_OFFICE})\b(?!\s+of\b)",
    re.I,
)
# before a name: "its state president, A", "the party's general secretary A"
_BEFORE = re.compile(
    rf"\b(?P<ref>its|the\s+party['’]s|party)\s+{_UNIT}(?P<o>{_OFFICE}),?\s+$", re.I
)
# what someone became or left: "made him president of its Jharkhand unit", "as its president"
_BECAME = re.compile(
    rf"\b(?:made\s+(?:him|her)\s+(?:its\s+|the\s+party['’]s\s+)?|(?:post|office|role)\s+of\s+|"
    rf"as\s+(?:the\s+|its\s+)?(?P<pre>state\s+)?(?:(?P<ref>party)\s+|(?P<p>\x00+)(?:['’]s)?\s+)?)"
    rf"{_UNIT}(?P<o>{_OFFICE})"
    rf"(?P<of>\s+of\s+(?:its|the\s+party['’]s|the)\s+(?:Jharkhand|state)\s+unit)?\b",
    re.I,
)


def rule_party_posts(out: Out, s: Sentence) -> None:
    if unsure(s.text):
        return
    parties = [c for c in s.chunks if c.kind == "party"]
    if not parties:
        return
    people = [c for c in s.chunks if c.kind in PEOPLE]
    text = _masked(s, parties)
    for person in people:
        m = _AFTER.match(text, person.end - s.start)
        if m:
            party = _party(s, parties, m, person.start)
            _hold(out, s, party, m, person, person.start, s.start + m.end())
        head = text[: person.start - s.start]
        b = _BEFORE.search(head)
        if b:
            party = _party(s, parties, b, s.start + b.start())
            _hold(out, s, party, b, person, s.start + b.start(), person.end)
    for m in _BECAME.finditer(text):
        who = _holder(out, s, people, s.start + m.start())
        party = _party(s, parties, m, s.start + m.start())
        if who is not None:
            _hold(out, s, party, m, who, s.start + m.start(), s.start + m.end())


def _masked(s: Sentence, parties: list[Chunk]) -> str:
    """The sentence with each party's words as one NUL per character, so that the patterns can
    stand a party (``\\x00``) wherever one may be named."""
    chars = list(s.text)
    for c in parties:
        for i in range(c.start - s.start, c.end - s.start):
            chars[i] = "\x00"
    return "".join(chars)


def _party(s: Sentence, parties: list[Chunk], m: re.Match[str], at: int) -> Chunk | None:
    """The party the match names: its own party, else ("its", "the party") the one named last
    before ``at`` in the sentence."""
    if m.groupdict().get("p"):
        start = s.start + m.start("p")
        return next((c for c in parties if c.start <= start < c.end), None)
    if not m.groupdict().get("ref") and not re.search(r"\bits\b", m.group(0), re.I):
        return None
    before = [c for c in parties if c.end <= at]
    return before[-1] if before else None


_REPLACED = re.compile(
    r"\b(?:replaced|replacing|succeeded|succeeding|followed|took over from)\s+(?:him|her)\s+$", re.I
)


def _holder(out: Out, s: Sentence, people: list[Chunk], at: int) -> Chunk | None:
    """Who became or left the post: the biography's subject or the person "he", "him" or "his"
    stands for, else the person named last before it."""
    before = [c for c in people if c.end <= at]
    if before and _REPLACED.search(s.text[: at - s.start]):
        return before[-1]  # "B replaced him as state party president": B's post
    tail = s.text[max(0, at - s.start - 80) : at - s.start + 12]  # "made him …"
    pro = re.search(r"\b(he|she|him|her|his)\b", tail, re.I)
    who = None
    if pro and out.subject is not None and out.means_subject(pro[1]):
        who = out.subject
    elif pro:  # "he" before it, else the one the sentence before was about
        last = out.last_person
        who = out.pronoun(s, at) or (Mention(last.value, "Person") if last else None)
    if who is not None:
        return Chunk("person", at, at, who.text, who.text)
    return before[-1] if before else None


def _hold(
    out: Out,
    s: Sentence,
    party: Chunk | None,
    m: re.Match[str],
    person: Chunk,
    a: int,
    b: int,
) -> None:
    if party is None or unsure(s.between(min(a, person.start), max(b, person.end))):
        return
    state = bool(m.groupdict().get("unit") and not m["unit"].lower().startswith("national"))
    state = state or bool(m.groupdict().get("of")) or bool(m.groupdict().get("pre"))
    state = state or bool(re.search(r"\b(?:state|Jharkhand)\s+$", s.between(s.start, party.start)))
    office = ("national " if (m["unit"] or "").lower().startswith("national") else "") + m["o"]
    post = party_office(office, party.value, state_unit=state)
    node = make_node("holding", Mention(post, "Post"), Mention(person.value, "Person"))
    ev = out.span(min(a, person.start), max(b, person.end))
    out.node(node, ev, "office")
    add_status(out, s, node, _status(out, s, m, a), ev)


def _status(out: Out, s: Sentence, m: re.Match[str], a: int) -> str | None:
    """ "a former state Congress president": held; "made him president": an event, which says
    nothing about now; a title before the name or in apposition: as :func:`title_status` says."""
    if re.search(r"\b(?:former|ex-|outgoing)", m.group(0), re.I):
        return "kgo:Former"
    if re.search(r"\bthen\b", m.group(0), re.I) or m.re is _BECAME:
        return None
    return title_status(out, s, a)
