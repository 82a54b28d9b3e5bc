"""Which party a person belongs to, as reports say it in passing.

"the BJP's Simon Malto", "JMM candidate A", "Congress MLA A", "A of the JMM", "A (BJP)", "A, the
Congress nominee", "A, a JMM leader". A party named with "former", "ex-", "expelled" or "rebel"
beside it says the person has left it, so it gives nothing here (the party-switch rules read
those).
"""

from __future__ import annotations

import re
from typing import Protocol

from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk
from kg.model import Mention, Node

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


_TICKET = re.compile(r"\b(?:for|on|as)\s+(?:the\s+|an?\s+)?$", re.I)


def ticket_party(st: Stretch, person: Chunk) -> Chunk | None:
    """The party a candidate stood for, said after the verb: "kept Rajmahal for the JMM", "won
    Jama on a JMM ticket", "won as the BJP candidate"."""
    for p in st.chunks:
        if p.kind != "party" or p.start <= person.end:
            continue
        head = st.text[max(0, p.start - st.start - 12) : p.start - st.start]
        tail = st.text[p.end - st.start : p.end - st.start + 12]
        if _TICKET.search(head) and (
            not head.rstrip().endswith("as") or re.match(r"\s*(?:candidate|nominee)", tail)
        ):
            return p
    return None


def _role_after(st: Stretch, p: Chunk) -> bool:
    """ "A, the JMM candidate": after a comma the party must be followed by a role word, else
    "A, the BJP and the JMM" would tie A to the BJP."""
    return re.match(rf"\s*(?:[’']s\s+)?{_ROLE}\b", st.text[p.end - st.start :], re.I) is not None


def rule_affiliation(out: Out, st: Stretch) -> None:
    """``kgo:memberOfParty`` for each person a party is written beside, but the party the
    sentence says they left ("the JMM's A joined the BJP")."""
    left = _left(out, st)
    for person in (c for c in st.chunks if c.kind in PEOPLE):
        party = party_of(st, person)
        if party is None or (person.value, party.value) in left:
            continue
        _member(out, st, person, party)
    for person in (c for c in st.chunks if c.kind == "person"):
        party = _own_party(st, person)  # "Hemant Soren's JMM"
        if party is not None and (person.value, party.value) not in left:
            _member(out, st, person, party)


def _own_party(st: Stretch, person: Chunk) -> Chunk | None:
    return next(
        (
            p
            for p in st.chunks
            if p.kind == "party"
            and p.start >= person.end
            and re.fullmatch(r"[’']s\s+", st.text[person.end - st.start : p.start - st.start])
        ),
        None,
    )


def _member(out: Out, st: Stretch, person: Chunk, party: Chunk) -> None:
    a, b = min(person.start, party.start), max(person.end, party.end)
    if not unsure(st.text[a - st.start : b - st.start]):
        out.add(
            Mention(person.value, "Person"),
            "kgo:memberOfParty",
            Mention(party.value, "PoliticalParty"),
            out.span(a, b),
            "affiliation",
        )


def _left(out: Out, st: Stretch) -> set[tuple[str, str]]:
    """(person, party) of each party switch read in ``st`` whose party left is known."""
    out_of: set[tuple[str, str]] = set()
    for c in reversed(out.claims):  # this sentence's claims are the last ones
        if c.evidence.start < st.start:
            break
        if c.predicate != "kgo:fromParty" or not isinstance(c.subject, Node):
            continue
        if isinstance(c.object, Mention):
            who = c.subject.key[0]
            if isinstance(who, Mention):
                out_of.add((who.text, c.object.text))
    return out_of


# "A, B and C fought as a pre-poll alliance", "contested together", "as INDIA bloc partners"
_TOGETHER = re.compile(
    r"\b(?:as (?:a |an )?(?:pre-poll |post-poll |poll )?(?:alliance|allies|partners|coalition)|"
    r"together|as (?:\w+ ){0,2}(?:bloc |alliance )?partners|in an alliance|jointly)\b",
    re.I,
)
_LIST_GAP = re.compile(r"^\s*(?:\([^)]*\))?\s*(?:,\s*|,?\s+and\s+)(?:the\s+)?$")
# between two parties: ", in alliance with the ", " and its ally, the ", "'s ally ", " with its partner "
_PAIR_GAP = re.compile(
    r"^\s*(?:\([^)]*\))?\s*(?:,\s*)?(?:in (?:an )?alliance with|allied with|along with its allies?,?|"
    r"and its (?:allies|ally|partners?),?|with its (?:allies|ally|partners?),?|[’']s (?:ally|partner)"
    r",?|, (?:an|its|the) (?:ally|partner) (?:of )?)\s*(?:the\s+)?$",
    re.I,
)
# "B, the JMM's partner": the partner named first
_PARTNER_OF = re.compile(r"^\s*,\s*(?:the|an|its)\s+$")


def rule_alliances(out: Out, st: Stretch) -> None:
    """``kgo:alliedWith`` between parties the sentence says are allies."""
    parties = [c for c in st.chunks if c.kind == "party"]
    if len(parties) < 2 or unsure(st.text):
        return
    pairs: set[tuple[Chunk, Chunk]] = set()
    for a, b in zip(parties, parties[1:], strict=False):
        gap = st.text[a.end - st.start : b.start - st.start]
        after = st.text[b.end - st.start : b.end - st.start + 20]
        if _PAIR_GAP.match(gap) or (
            _PARTNER_OF.match(gap) and re.match(r"[’']s\s+(?:partner|ally)\b", after)
        ):
            pairs.add((a, b))
    listed = _coordinated(st, parties)
    if len(listed) >= 2 and _TOGETHER.search(st.text[listed[-1].end - st.start :]):
        pairs |= {(x, y) for i, x in enumerate(listed) for y in listed[i + 1 :]}
    for a, b in sorted(pairs, key=lambda p: (p[0].start, p[1].start)):
        if a.value != b.value:
            ev = out.span(a.start, b.end)
            out.add(
                Mention(a.value, "PoliticalParty"),
                "kgo:alliedWith",
                Mention(b.value, "PoliticalParty"),
                ev,
                "alliance",
            )


def _coordinated(st: Stretch, parties: list[Chunk]) -> list[Chunk]:
    """The first run of parties joined by commas and "and": "A, B and C"."""
    run = parties[:1]
    for b in parties[1:]:
        if _LIST_GAP.match(st.text[run[-1].end - st.start : b.start - st.start]):
            run.append(b)
        elif len(run) >= 2:
            break
        else:
            run = [b]
    return run
