"""Posts in societies, trusts, companies and boards: "She is the President of the Adivasi Welfare
Society, and Director of Jharkhand Agro Pvt Ltd", "he was chairman of the Santhal Pargana
Development Board", "A serves as secretary of B Trust".

Each gives a ``kgo:PositionHolding`` of the post "<Office> of <Organisation>", a post in
(``kgo:postIn``) that organisation. "is" or "serves as" says the post is held now
(``kgo:Incumbent``). Party and government offices are not read here (:mod:`.titles` and
:mod:`.offices` read them), and neither is a negated or hedged sentence.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.family import speaks_of
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Sentence
from kg.build.nodes import make_node
from kg.model import Mention, Term

_OFFICE = (
    r"(?P<office>(?:Managing |Executive |Joint |General |Vice[- ])?(?:President|Director|Chairman|"
    r"Chairperson|Chairwoman|Secretary|Treasurer|Trustee|Patron|Convenor|Convener)|"
    r"Chief Executive Officer|CEO)"
)
_ORG = (
    r"(?-i:(?P<org>[A-Z][\w&'’-]*(?:\s(?:of\s|for\s|and\s)?[A-Z][\w&'’-]*){0,7}"
    r"(?:\s(?:Pvt|Ltd|Co)\.?)*))"
)
_VERB = re.compile(
    r"\b(?P<verb>is|was|has been|had been|became|becomes|serves as|served as|is also|was also|"
    r"was elected|was appointed|was made|was named)\s+"
    r"(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
_POST = re.compile(rf"\b{_OFFICE}\s+of\s+(?:the\s+)?{_ORG}", re.I)
_NOW = re.compile(r"^(?:is|serves as|is also|has been)$", re.I)


def rule_org_posts(out: Out, s: Sentence, subject: Mention | None) -> None:
    if unsure(s.text):
        return
    verb: str | None = None
    who: Mention | None = None
    prev_end = None
    for m in _POST.finditer(s.text):
        if any(
            c.kind in ("party", "title")
            and c.start < s.start + m.end("org")
            and s.start + m.start("org") < c.end
            for c in s.chunks
        ):
            continue  # "President of the JMM" is a party office
        head = s.text[: m.start()] if prev_end is None else None
        if head is not None:
            v = _VERB.search(head)
            if v is None:
                return
            verb = v.group("verb")
            who = _holder(s, s.start + v.start(), subject)
        elif not re.fullmatch(r"\s*(?:,\s*)?(?:and\s+)?(?:the\s+)?", s.text[prev_end : m.start()]):
            return
        if who is None:
            return
        prev_end = m.end()
        org = Mention(m.group("org"), "Organisation")
        office = m.group("office")
        post = Mention(f"{office[0].upper()}{office[1:]} of {m.group('org')}", "OrganisationPost")
        ev = out.span(s.start + m.start(), s.start + m.end())
        node = make_node("holding", post, who)
        out.node(node, ev, "org-post")
        out.add(post, "kgo:postIn", org, ev, "org-post")
        if verb is not None and _NOW.match(verb):
            out.add(node, "kgo:status", Term("kgo:Incumbent"), ev, "org-post")


def _holder(s: Sentence, at: int, subject: Mention | None) -> Mention | None:
    """The person named last before the verb, else whom the biography's sentence speaks of."""
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if before:
        return Mention(before[-1].value, "Person")
    return speaks_of(s, subject)
