"""Who led a party's election campaign: "Kalpana spearheaded the JMM's election campaign", "A
led the BJP's campaign in Santhal Pargana", "the Congress campaign was helmed by B".

Each gives the ``kgo:Campaign`` of the party in the election the sentence (or the article) is
about, ``kgo:ledBy`` that person. A campaign of no named party, negated or hedged words ("may lead its
campaign"), or an article with no election in view gives nothing.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Elections
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Sentence
from kg.build.nodes import make_node
from kg.model import Mention

_LED = r"(?:spearheaded|led|helmed|steered|headed|fronted|was the face of)"
# "A spearheaded the JMM's election campaign"
_ACTIVE = re.compile(
    rf"\b{_LED}\s+the\s+(?P<party>[^\s’']+(?:\s[^\s’']+){{0,3}}?)[’']s\s+"
    r"(?:(?:election|poll|assembly|state-wide|statewide)\s+)?campaign\b"
)
# "the JMM campaign was led by A"
_PASSIVE = re.compile(
    rf"\b[Tt]he\s+(?P<party>[^\s’']+(?:\s[^\s’']+){{0,3}}?)(?:[’']s)?\s+(?:(?:election|poll)\s+)?"
    rf"campaign\s+(?:was|is)\s+{_LED}\s+by\b"
)


def rule_campaigns(out: Out, s: Sentence, ctx: Elections) -> None:
    for rx, person_after in ((_ACTIVE, False), (_PASSIVE, True)):
        for m in rx.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            party = next(
                (
                    c
                    for c in s.chunks
                    if c.kind == "party" and c.start == s.start + m.start("party")
                ),
                None,
            )
            if person_after:
                who = next((c for c in s.chunks if c.kind in PEOPLE and c.start >= b), None)
            else:
                who = next((c for c in reversed(s.chunks) if c.kind in PEOPLE and c.end <= a), None)
            if (
                party is None
                or who is None
                or unsure(s.between(min(a, who.start), max(b, who.end)))
            ):
                continue
            election, _ = ctx.for_sentence(s, None)
            if election is None:
                continue
            ev = out.span(min(a, who.start), max(b, who.end))
            e = out.election(election, ev)
            node = make_node("campaign", e, Mention(party.value, "PoliticalParty"))
            out.node(node, ev, "campaign")
            out.add(node, "kgo:ledBy", Mention(who.value, "Person"), ev, "campaign")
