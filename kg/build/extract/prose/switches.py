"""Party switches: "X joined the BJP", "X quit the JMM to join the BJP", "JMM leaders like A, B
and C shifting allegiance to the BJP", "X returned to the BJP in February 2020". Each gives a
``kgo:PartySwitch`` with the party left when the sentence names it, and the membership of the
party joined, from the switch's date.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.event_parts import dated, subjects, who_of
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.extract.prose.triggers import Hit
from kg.build.nodes import make_node
from kg.model import Mention


def join(
    out: Out, s: Sentence, hit: Hit, at: int, year: int | None, subject: Mention | None
) -> None:
    party = next((c for c in s.chunks if c.kind == "party" and c.start >= s.start + hit.end), None)
    if party is None or s.text[party.start - s.start - 4 : party.start - s.start].strip() == "of":
        return
    left = left_party(s, at)
    ev = out.sentence_span(s)
    for who in who_of(out, s, at):
        node = make_node("party-switch", who, Mention(party.value, "PoliticalParty"))
        out.node(node, ev, "party-switch")
        if left is not None and left.value != party.value:
            out.add(
                node,
                "kgo:fromParty",
                Mention(left.value, "PoliticalParty"),
                out.span(min(left.start, at), max(left.end, party.end)),  # left … joined
                "party-switch",
            )
        dated(out, node, s, s.start + hit.end, year, "party-switch")
        member = make_node("membership", who, Mention(party.value, "PoliticalParty"))
        out.node(member, ev, "party-switch")  # who joins a party is its member from then on
        dated(out, member, s, s.start + hit.end, year, "party-switch", "kgo:startDate")


_QUIT = re.compile(
    r"\b(?:quit|left|resigned from|deserted|broke away from|leaving|quitting|from)\s+(?:the\s+)?$"
)
# "JMM leaders like A, B and C …", "three Congress MLAs, A, B and C, …"
_MEMBERS = re.compile(
    r"^\s*(?:(?:MLAs?|MPs?|legislators?|leaders?|members?|heavyweights?|veterans?)\s*,?\s*"
    r"(?:like|such as|including)?\s*,?\s*)$"
)


def left_party(s: Sentence, at: int) -> Chunk | None:
    """The party left: "quit the JMM to join …", "from the Congress to …", or the party of the
    people who move ("JMM leaders like A and B joined …", "the Congress's A joined …")."""
    left = None
    for c in s.chunks:
        if c.kind == "party" and c.end <= at and _QUIT.search(s.text[: c.start - s.start]):
            left = c
    if left is not None:
        return left
    people = subjects(s, at)
    if not people:
        return None
    for c in s.chunks:
        if c.kind == "party" and c.end <= people[0].start:
            gap = s.between(c.end, people[0].start)
            if _MEMBERS.match(gap) or re.fullmatch(r"(?:[’']s)?\s*", gap):
                left = c
    return left
