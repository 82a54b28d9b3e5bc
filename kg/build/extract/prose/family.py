"""Biography sentences: birth, marriage, parents, children, siblings and in-laws (schooling is
:mod:`.education`'s).

The subject of a biography is often "he" or "she"; a sentence that starts with a pronoun (or with
the article's subject) speaks of the article's subject. A kinship word names the relation:
"his son X", "X, her husband", "the elder brother of X", "married X in 1985", "born to X and Y".
An in-law word says nothing about which side of the family it is on, so it is kept as it is; a
parent who is not named is not guessed.
"""

from __future__ import annotations

import re

from kg.build.extract.kinship import IN_LAWS
from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import STATES
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Mention, Span

KIN = {
    "father": "kgo:father",
    "mother": "kgo:mother",
    "son": "kgo:son",
    "daughter": "kgo:daughter",
    "brother": "kgo:brother",
    "sister": "kgo:sister",
    "wife": "kgo:wife",
    "husband": "kgo:husband",
    "spouse": "schema:spouse",
    **IN_LAWS,
    "nephew": "kgo:nephew",
    "niece": "kgo:niece",
    "uncle": "kgo:uncle",
    "aunt": "kgo:aunt",
    "cousin": "kgo:cousin",
    "grandson": "kgo:grandson",
    "granddaughter": "kgo:granddaughter",
    "grandfather": "kgo:grandfather",
    "grandmother": "kgo:grandmother",
}
# "X is the son of Y": the relation of Y to X
INVERSE = {
    "son": "parent",
    "daughter": "parent",
    "wife": "kgo:husband",
    "husband": "kgo:wife",
    "father": "child",
    "mother": "child",
    "brother": "schema:sibling",
    "sister": "schema:sibling",
}
_KINWORD = "|".join(sorted(KIN, key=len, reverse=True))
# "his son Y", "her husband, Y", "Y, his wife"
_POSSESSIVE = re.compile(
    rf"\b(?P<pro>his|her|their|(?P<own>[A-Z][\w]+)[’']s)\s+"
    rf"(?:elder |younger |late |eldest |youngest |only )?(?P<kin>{_KINWORD})s?\b,?\s*$",
    re.I,
)
# "X is the son of Y", "the elder brother of Y"
_OF = re.compile(
    rf"\b(?:the\s+)?(?:elder |younger |late |eldest |youngest |only )?(?P<kin>{_KINWORD})\s+of\s+(?:\w+\s+){{0,4}}$",
    re.I,
)
_BORN = re.compile(r"\bborn\b(?!\s+to\b)", re.I)
_BORN_TO = re.compile(r"\bborn\s+to\b", re.I)
_MARRIED = re.compile(
    r"\b(?:married|marries|wed|is married to|was married to|tied the knot with)\b", re.I
)
_PRONOUN = re.compile(r"\b(?:he|she|his|her)\b", re.I)


def speaks_of(s: Sentence, subject: Mention | None) -> Mention | None:
    """The person a biography sentence is about: a person named at its start, the article's
    subject named first after an opening clause ("Born in Ranchi, A married …"), or the subject
    when a pronoun comes before any name ("In 1994 she married …"). A relative named by
    kinship ("her father") is not a name here: the sentence still speaks of "her"."""
    first = next((c for c in s.chunks if c.kind in PEOPLE and not _PRONOUN.match(c.text)), None)
    if first is not None and first.start - s.start < 3:
        return Mention(first.value, "Person")
    if first is not None and subject is not None and first.value == subject.text:
        return subject
    lead = s.text[: (first.start - s.start) if first else len(s.text)]
    if subject is not None and _PRONOUN.search(lead):
        return subject
    return None


def rule_birth(out: Out, s: Sentence, subject: Mention | None) -> None:
    m = _BORN.search(s.text)
    if m is None or unsure(s.text):
        return
    who = speaks_of(s, subject)
    if who is None:
        return
    at = s.start + m.end()
    date = next((c for c in s.chunks if c.kind == "date" and c.start >= at), None)
    if date is not None and date.start - at < 40:
        lit = date_lit(date)
        if lit is not None:
            out.add(who, "schema:birthDate", lit, out.span(s.start + m.start(), date.end), "birth")
    place = next(
        (
            c
            for c in s.chunks
            if c.start >= at
            and c.kind in ("place", "constituency", "seat", "name", "person", "proper")
            and re.search(
                r"\b(?:in|at)\s+(?:the\s+)?(?:(?:village|town|city) of\s+)?$",
                s.text[: c.start - s.start],
            )
        ),
        None,
    )
    if place is not None and place.value != who.text:
        out.add(
            who,
            "schema:birthPlace",
            Mention(place.value, "Place"),
            out.span(
                s.start + m.start() if place.start - at < 100 else place.start,
                place.end + len(_STATE_AFTER.match(s.text, place.end - s.start).group(0)),  # type: ignore[union-attr]
            ),
            "birth",
        )
    group = _INTO.match(s.text, m.end())
    if group is not None:
        ev = out.span(s.start + group.start(), s.start + group.end())
        out.add(who, "kgo:ethnicGroup", Mention(group.group("g"), "EthnicGroup"), ev, "birth")


_STATE_AFTER = re.compile(r"(?:,\s+(?:" + "|".join(STATES) + r")\b)?")
# the tribes and communities of Jharkhand a biography names a family by: "born into a Santal family"
COMMUNITIES = (
    "Santal", "Santhal", "Munda", "Oraon", "Ho", "Kharia", "Bhumij", "Mahli", "Paharia", "Kharwar",
    "Lohra", "Chero", "Gond", "Birhor", "Asur", "Korwa", "Bedia", "Kurmi", "Bhuiyan",
)  # fmt: skip
_INTO = re.compile(
    r".{0,60}?\binto\s+an?\s+(?:(?:poor|humble|middle-class|farming|tribal|Adivasi)\s+)*"
    r"(?P<g>" + "|".join(COMMUNITIES) + r")\s+(?:tribal\s+)?family\b"
)


def rule_kin(out: Out, s: Sentence, subject: Mention | None) -> None:
    if unsure(s.text):
        return
    for c in s.chunks:
        if c.kind not in PEOPLE:
            continue
        head = s.text[: c.start - s.start]
        m = _POSSESSIVE.search(head)
        if m:
            _possessive_kin(out, s, c, m, subject)
            continue
        m = _OF.search(head)
        if m:
            _kin_of(out, s, c, m, subject)


def _possessive_kin(
    out: Out, s: Sentence, c: Chunk, m: re.Match[str], subject: Mention | None
) -> None:
    """ "his son, Y", "Z's wife Y": Y is the owner's kin."""
    own = m.group("own")
    pro = m.group("pro")
    if not own and subject is not None and out.means_subject(pro):
        owner: Mention | None = subject  # in a biography "his wife" is its subject's wife
    else:
        owner = _owner(s, m.start() + s.start + (len(own) if own else 0), subject)
    if owner is None and out.last_person is not None and not own:
        owner = Mention(out.last_person.value, "Person")  # "His brother, X" after "Y said."
    if owner is not None and owner.text != c.value:
        ev = out.span(s.start + m.start(), c.end)
        _kin(out, owner, KIN[m.group("kin").lower()], Mention(c.value, "Person"), ev)


def _kin_of(out: Out, s: Sentence, c: Chunk, m: re.Match[str], subject: Mention | None) -> None:
    """ "X is the son of Y": the relation is stated from Y's side, so it is turned round."""
    kin = m.group("kin").lower()
    owner = _owner(s, m.start() + s.start, subject)
    other = Mention(c.value, "Person")
    if owner is None or owner.text == c.value:
        return
    prop = INVERSE.get(kin)
    ev = out.span(s.start + m.start(), c.end)
    if prop == "parent":
        out.add(other, KIN[kin], owner, ev, "kinship")
    elif prop == "child":
        out.add(other, "schema:children", owner, ev, "kinship")
    elif prop == "schema:sibling":
        out.add(owner, prop, other, ev, "kinship")
    elif prop or kin.endswith("in-law"):
        # "X is the daughter-in-law of Y": Y's daughter-in-law is X
        _kin(out, other, KIN[kin], owner, ev)


def _kin(out: Out, a: Mention, prop: str, b: Mention, ev: Span) -> None:
    """``a prop b``; a husband or wife is also stated as a spouse, as the article says they are
    married."""
    out.add(a, prop, b, ev, "kinship")
    if prop in ("kgo:husband", "kgo:wife"):
        out.add(a, "schema:spouse", b, ev, "kinship")


def _owner(s: Sentence, at: int, subject: Mention | None) -> Mention | None:
    prior = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if prior:
        return Mention(prior[-1].value, "Person")
    return subject


_RIGHT_BEFORE = re.compile(r"\s*,?\s*(?:(?:had|has|was|then|later|who|also|finally)\s+){0,3}")


def _married_by(s: Sentence, at: int) -> Mention | None:
    """The person named right before "married" ("B's daughter-in-law, A, had married C": A)."""
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if before and _RIGHT_BEFORE.fullmatch(s.between(before[-1].end, at)):
        return Mention(before[-1].value, "Person")
    return None


def rule_marriage(out: Out, s: Sentence, subject: Mention | None) -> None:
    m = _MARRIED.search(s.text)
    if m is None or unsure(s.text):
        return
    who = _married_by(s, s.start + m.start()) or speaks_of(s, subject)
    at = s.start + m.end()
    partner = next((c for c in s.chunks if c.kind in PEOPLE and c.start >= at), None)
    if who is None or partner is None or partner.value == who.text or partner.start - at > 30:
        return
    other = Mention(partner.value, "Person")
    ev = out.span(s.start + m.start(), partner.end)
    node = make_node("marriage", who, other)
    out.node(node, ev, "marriage")
    out.add(who, "schema:spouse", other, ev, "marriage")
    dates = [c for c in s.chunks if c.kind == "date"]
    date = next((c for c in dates if 0 <= c.start - partner.end < 12), None) or (
        dates[0] if len(dates) == 1 and dates[0].end <= s.start + m.start() else None
    )
    if date is not None:
        lit = date_lit(date)
        if lit is not None:
            out.add(node, "kgo:date", lit, out.span(date.start, date.end), "marriage")
