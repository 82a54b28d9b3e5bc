"""Interviews, as reports mention them: "In an interview with Outlook in February 2024, A said",
"A told ThePrint", "he told the news agency PTI", "speaking to NDTV, A …", "In a conversation
with Outlook India Editor B in 2022, Chief Minister A had …", "in conversation with Outlook's B,
A …", "In earlier conversations with The Hindu, both A and C had …".

Each gives a ``kgo:Interview`` with the person interviewed, the journalist when the report names
one (else the outlet stands as the interviewer), the outlet (``kgo:mediaOrganisation``) and a date
written right after. A journalist named with the outlet ("Outlook's B") works for it
(``kgo:employer``). Outlets are those of :data:`OUTLETS`; an interview with an unnamed outlet or
one not listed gives nothing, and so does a hedged or negated sentence ("A declined to speak to
the media", "A denied giving an interview to B").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.offices import add_status, title_status
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Claim, Mention, Node

# news agencies, papers, channels and sites that report on Jharkhand politics
OUTLETS = (
    "ANI",
    "PTI",
    "IANS",
    "UNI",
    "Outlook India",
    "Outlook",
    "ThePrint",
    "The Print",
    "The Hindu",
    "Hindustan Times",
    "The Indian Express",
    "Indian Express",
    "The Times of India",
    "Times of India",
    "The Telegraph",
    "The Statesman",
    "Deccan Herald",
    "The Economic Times",
    "Business Standard",
    "Mint",
    "NDTV",
    "India Today",
    "Aaj Tak",
    "News18",
    "Zee News",
    "ABP News",
    "Republic TV",
    "The Wire",
    "Scroll",
    "The Quint",
    "Firstpost",
    "Prabhat Khabar",
    "Dainik Jagran",
    "Dainik Bhaskar",
    "Hindustan",
    "Lallantop",
    "Reuters",
    "BBC",
)
# one name per outlet, whichever way a report writes it
SAME_OUTLET = {
    "Outlook": "Outlook India",
    "The Print": "ThePrint",
    "Indian Express": "The Indian Express",
    "Times of India": "The Times of India",
}
_OUTLET = (
    "(?P<outlet>" + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True)) + ")"
)
_AGENCY = r"(?:the\s+)?(?:news\s+agency\s+|(?:news\s+)?channel\s+|daily\s+|newspaper\s+)?"
# "in an interview with Outlook", "in earlier conversations with The Hindu", "speaking to NDTV"
_WITH = re.compile(
    r"\b(?:(?:in|during)\s+(?:[a-z]+\s+){0,3}?(?:interviews?|conversations?|chats?)\s+(?:with|to)|"
    r"(?:speaking|talking|spoke|speaks)\s+(?:to|with)|gave\s+an\s+interview\s+to)\s+"
    + _AGENCY
    + _OUTLET
    + r"\b",
    re.I,
)
# "A told ThePrint", "he told the news agency ANI"
_TOLD = re.compile(r"\btold\s+" + _AGENCY + _OUTLET + r"\b")
_JOURNALIST_GAP = re.compile(
    r"^(?:[’']s)?(?:\s+(?:(?:senior|political|chief|deputy|associate|executive|national|special)\s+)?"
    r"(?:editor|correspondent|reporter|journalist|anchor|bureau chief)\b)?\s*$",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)
_ROLE = re.compile(
    r"^\s*(?:(?:Senior|Political|Executive|Associate|Deputy|Consulting|National|Chief)\s+)*"
    r"(?:Editor(?:-in-Chief)?|Correspondent|Reporter|Journalist|Anchor|Bureau Chief)?\s*",
    re.I,
)
# between the interview and the first person interviewed, or between two of them
_BETWEEN = re.compile(
    r"[\s,'‘’\"“”]*(?:[^,.;]{0,40}?,\s*)?(?:both\s+)?(?:[A-Z][\w ]*?\s+)?"
    r"|\s*(?:,\s*)?and\s+"
)


def _doubted(s: Sentence, m: re.Match[str]) -> bool:
    """Whether the words up to the interview are negated or hedged (what was said may be)."""
    head = s.text[: m.end()]
    return (
        unsure(head) is not None or re.search(r"\b(?:declined|refused)\b", head, re.I) is not None
    )


def rule_interviews(out: Out, s: Sentence) -> None:
    for m in _WITH.finditer(s.text):
        if _doubted(s, m):
            continue
        end = s.start + m.end()
        journalist = _journalist(s, end)
        after = journalist.end if journalist else end
        people = _interviewees(out, s, s.start + m.start(), after)
        _interviews(out, s, m, people, journalist, after)
    for m in _TOLD.finditer(s.text):
        if _doubted(s, m):
            continue
        a = s.start + m.start()
        before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= a]
        who = None
        if before and not s.between(before[-1].end, a).strip(" ,"):
            who = Mention(before[-1].value, "Person")
        elif _PRONOUN.search(s.between(max(s.start, a - 5), a)):
            who = out.pronoun(s, a)
        if who is not None:
            _interviews(out, s, m, [who], None, s.start + m.end())


def _journalist(s: Sentence, outlet_end: int) -> Chunk | None:
    """The journalist written right after the outlet: "Outlook's B", "Outlook India Editor B"."""
    for c in s.chunks:
        if c.kind in PEOPLE and c.start < outlet_end < c.end:  # "Outlook India Editor B", one run
            return _named(s, outlet_end, c.end)
        if c.start < outlet_end:
            continue
        if c.kind in PEOPLE and _JOURNALIST_GAP.match(s.between(outlet_end, c.start)):
            return _named(s, c.start, c.end)  # "Editor B" as one run: the name is B
        if c.kind == "title" and not s.between(outlet_end, c.start).strip():
            continue  # "Outlook India Editor" then the name
        return None
    return None


def _named(s: Sentence, a: int, b: int) -> Chunk | None:
    """The name in ``a``–``b`` without the role words before it; None for a single word."""
    name = _ROLE.sub("", s.between(a, b))
    return Chunk("person", b - len(name), b, name, name) if " " in name else None


def _interviewees(out: Out, s: Sentence, at: int, after: int) -> list[Mention]:
    """Who was interviewed: the people the clause after the interview names before its verb
    ("…, both A and B had …"), else the person before the phrase, else whom "he"/"she" means."""
    rest = [c for c in s.chunks if c.kind in PEOPLE and c.start >= after]
    named: list[Mention] = []
    pos = after
    for c in rest:
        gap = s.between(pos, c.start)
        if not _BETWEEN.fullmatch(gap):
            break
        named.append(Mention(c.value, "Person"))
        pos = c.end
    if named:
        return named
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if before:
        return [Mention(before[-1].value, "Person")]
    tail = s.between(after, s.end)
    pron = _PRONOUN.search(tail[:40])
    if pron:
        who = out.pronoun(s, after + pron.end())
        return [who] if who else []
    return [out.subject] if out.subject is not None and s.start == 0 else []


def _interviews(
    out: Out,
    s: Sentence,
    m: re.Match[str],
    people: list[Mention],
    journalist: Chunk | None,
    after: int,
) -> None:
    outlet = Mention(SAME_OUTLET.get(m.group("outlet"), m.group("outlet")), "MediaOrganisation")
    by = Mention(journalist.value, "Person") if journalist else outlet
    date = next(
        (
            c
            for c in s.chunks
            if c.kind == "date"
            and after <= c.start
            and re.fullmatch(r"\s*(?:in|on)\s+", s.between(after, c.start))
        ),
        None,
    )
    ev = out.span(s.start + m.start(), max(after, date.end if date else after))
    for who in people:
        if who.text == by.text:
            continue
        node = make_node("interview", who, by)
        out.node(node, ev, "interview")
        out.add(node, "kgo:mediaOrganisation", outlet, ev, "interview")
        lit = date_lit(date) if date else None
        if lit is not None:
            out.add(node, "kgo:date", lit, ev, "interview")
    if journalist is not None:
        out.add(by, "kgo:employer", outlet, ev, "interview")
        _role(out, s, m, outlet, journalist)


def _role(out: Out, s: Sentence, m: re.Match[str], outlet: Mention, journalist: Chunk) -> None:
    """ "Outlook India Editor B": B holds the post Editor of Outlook India."""
    role = re.sub(r"^[’']s\s*", "", s.between(s.start + m.end(), journalist.start)).strip()
    if not role or not _ROLE.fullmatch(role):
        return
    post = Mention(f"{role[0].upper()}{role[1:]} of {outlet.text}", "OrganisationPost")
    who = Mention(journalist.value, "Person")
    ev = out.span(s.start + m.start("outlet"), journalist.end)
    node = make_node("holding", post, who)
    out.node(node, ev, "interview")
    out.add(post, "kgo:postIn", outlet, ev, "interview")
    add_status(out, s, node, title_status(out, s, s.start + m.end()), ev)


def merge_interviews(claims: list[Claim]) -> list[Claim]:
    """One interview per person and outlet in an article: "In earlier conversations with Outlook,
    A said …" and "In a conversation with Outlook's B, A …" are the same, B's."""
    by: dict[tuple[str, str], Node] = {}
    for c in claims:
        parts = _parts(c.subject)
        outlet = c.object.text if isinstance(c.object, Mention) else None
        if parts and c.predicate == "kgo:mediaOrganisation" and outlet and parts[1] != outlet:
            by.setdefault((parts[0], outlet), c.subject)  # type: ignore[arg-type]
    if not by:
        return claims
    out = []
    for c in claims:
        subject, obj = c.subject, c.object
        parts = _parts(subject)
        if parts and parts in by:
            subject = by[parts]
            if c.predicate == "kgo:interviewer":
                obj = subject.key[1]
        out.append(replace(c, subject=subject, object=obj))
    return list(dict.fromkeys(out))


def _parts(v: object) -> tuple[str, str] | None:
    """(interviewee, interviewer) of an interview node of mentions."""
    if isinstance(v, Node) and v.kind == "interview":
        who, by_whom = v.key
        if isinstance(who, Mention) and isinstance(by_whom, Mention):
            return who.text, by_whom.text
    return None
