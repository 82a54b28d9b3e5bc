"""Which party a person belongs to, as reports say it in passing.

"the BJP's Simon Malto", "JMM candidate A", "Congress MLA A", "A of the JMM", "A (BJP)", "A, the
Congress nominee", "A, a JMM leader". A party named with "former", "ex-", "expelled" or "rebel"
beside it says the person has left it, so it gives nothing here (the party-switch rules read
those).
"""

from __future__ import annotations

import re
from typing import Protocol

from kg.build.extract.prose.context import Out
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.sentences import Chunk
from kg.model import Mention

PEOPLE = frozenset({"person", "name"})
_ROLE = (
    r"(?:candidate|nominee|leader|heavyweight|MLA|MP|legislator|veteran|strongman|spokesperson|"
    r"chief|president|general secretary|working president|minister|member|worker|face)"
)
# between the party and the person: "BJP's ", "BJP candidate ", "JMM's sitting MLA "
_BEFORE = re.compile(
    rf"(?:[’']s)?\s*(?:\)\s*)?(?:(?:sitting|senior|young|local|state|Jharkhand)\s+)?"
    rf"(?:{_ROLE}\s*)?(?:[’']s\s+)?(?:candidate\s+)?",
    re.I,
)
# between the person and the party: " of the ", " (", ", the ", ", a senior "
_AFTER = re.compile(
    r"\s*(?:\(|of the\s+|of\s+|from the\s+|, the\s+|, a\s+(?:senior\s+|young\s+)?|, an\s+)", re.I
)
_LEFT = re.compile(r"\b(?:former|ex-|expelled|rebel|quit|left|suspended)\W*\s*$", re.I)


class Stretch(Protocol):
    """A sentence or a clause: its text, where it starts, its chunks."""

    @property
    def start(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def chunks(self) -> tuple[Chunk, ...]: ...


def party_of(st: Stretch, person: Chunk) -> Chunk | None:
    """The party written right beside ``person`` in ``st``, if the wording ties them."""
    for p in st.chunks:
        if p.kind != "party":
            continue
        if p.end <= person.start:
            gap = st.text[p.end - st.start : person.start - st.start]
            head = st.text[: p.start - st.start]
            if _BEFORE.fullmatch(gap) and not _LEFT.search(head):
                return p
        elif person.end <= p.start:
            gap = st.text[person.end - st.start : p.start - st.start]
            comma = re.search(r",\s+(?:the|a|an)\s+$", gap) is not None
            if (
                _AFTER.fullmatch(gap)
                and not _LEFT.search(gap)
                and (not comma or _role_after(st, p))
            ):
                return p
    return None


def _role_after(st: Stretch, p: Chunk) -> bool:
    """ "A, the JMM candidate": after a comma the party must be followed by a role word, else
    "A, the BJP and the JMM" would tie A to the BJP."""
    return re.match(rf"\s*(?:[’']s\s+)?{_ROLE}\b", st.text[p.end - st.start :], re.I) is not None


def rule_affiliation(out: Out, st: Stretch) -> None:
    """``kgo:memberOfParty`` for each person a party is written beside."""
    for person in (c for c in st.chunks if c.kind in PEOPLE):
        party = party_of(st, person)
        if party is None:
            continue
        a, b = min(person.start, party.start), max(person.end, party.end)
        if unsure(st.text[a - st.start : b - st.start]):
            continue
        out.add(
            Mention(person.value, "Person"),
            "kgo:memberOfParty",
            Mention(party.value, "PoliticalParty"),
            out.span(a, b),
            "affiliation",
        )
