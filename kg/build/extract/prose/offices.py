"""Who holds which office, as reports name it in passing or state it with dates.

- titles before a name: "Chief Minister Hemant Soren", "former chief ministers A and B";
- appositions: "A, the Leader of the Opposition", "A, a Rajya Sabha member";
- statements with dates: "became Chief Minister on 15 November 2000", "served as POST from 2005
  to 2009", "was appointed POST in 2019".

Posts are the ones of :data:`~kg.build.extract.prose.lexicon.POSTS` plus ministries written out
("Minister of Tribal Affairs", "Minister of State for Education").
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import YEAR
from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.lexicon import POSTS
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.posts import STATES, canonical_post, post_name
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Mention, Method, Node, Span, Term

_FORMS = sorted(
    {f for n, fs in POSTS.items() for f in (n, *fs) if len(f) > 3}, key=len, reverse=True
)
_MINISTRY = (
    r"(?-i:(?:Union |Cabinet |Deputy )?Minister (?:of State )?(?:for|of) (?:the )?"
    r"[A-Z][\w'’-]*(?:(?:,| and| &| of)? [A-Z][\w'’-]*)*)"
)
# the short forms ("MLA", "MP", "CM") only in capitals, so that "cm" or "mp" in a word is none
_SHORT = sorted(
    {f for n, fs in POSTS.items() for f in (n, *fs) if len(f) <= 3 and f.isupper()},
    key=len,
    reverse=True,
)
_POST = re.compile(
    rf"(?P<post>{_MINISTRY}|"
    + "|".join(re.escape(f) for f in _FORMS)
    + "|(?-i:"
    + "|".join(_SHORT)
    + r"))s?\b",
    re.I,
)
_TITLE_GAP = re.compile(r"^,?\s*(?:of Jharkhand\s*)?$")  # "MP Sanjay Seth", "MLA, Vinod Singh"
_OTHER_STATE = re.compile(rf"\b(?:{'|'.join(STATES)})(?:'s)?\s+$")
_APPOS = re.compile(
    r"^,\s+(?:the|a|an|his|her|their)\s+(?:former\s+|then\s+|sitting\s+|outgoing\s+)?"
    r"(?:(?:two|three|four|five|six|seven|\d+)-time\s+)?(?:state'?s?\s+)?$"
)
_BECAME = re.compile(
    r"\b(?:became|becomes|was appointed(?: as)?|was made|was elected(?: as)?|served as|serving as|"
    r"took over as|was named|was|is|has been|had been|remained|remains|(?:roles?|terms?) as)\s+"
    r"(?:the\s+)?"
    r"(?:first\s+|second\s+|third\s+)?$",
    re.I,
)
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[\w ]{4,20}?)\s+(?:to|till|until)\s+(?P<b>[\w ]{4,20}?)\b")


def first_post(text: str) -> tuple[str, int, int] | None:
    """The first post ``text`` names, by its canonical name, and where it is: "as Minister of
    State for Education", "as chief minister", "as a Union Cabinet minister"."""
    m = _POST.search(text)
    if m is None:
        return None
    return post_name(m.group("post")), m.start(), m.end()


_FORMER = re.compile(r"\b(?:former|ex-|late)\s*$", re.I)
_THEN = re.compile(r"\b(?:then|erstwhile)\s*$", re.I)
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b")


def title_status(out: Out, s: Sentence, a: int) -> str | None:
    """Whether the title written at ``a`` before a name says its holder holds the post now
    (``kgo:Incumbent``, as of the article), held it (``kgo:Former``: "former", "ex-"), or neither
    ("the then"). A bare title is "now" in a news report, and in a biography only in a
    present-tense sentence with no year in it ("A is the wife of Chief Minister B")."""
    before = s.between(max(s.start, a - 12), a)
    if _FORMER.search(before):
        return "kgo:Former"
    if _THEN.search(before):
        return None
    if out.method is Method.NEWS or (_PRESENT.search(s.text) and not YEAR.search(s.text)):
        return "kgo:Incumbent"
    return None


_HOLDS_NOW = re.compile(
    r"\b(?:is|are|remains|remain|serves as|serve as|(?:their|his|her) roles? as)\s+(?:the\s+|an?\s+)?"
    r"(?:sitting\s+)?$"
)


def _now(out: Out, s: Sentence, post_start: int) -> str | None:
    """``kgo:Incumbent`` when a present-tense verb gives the post ("A is the Speaker", "their
    roles as Lok Sabha MPs") in a report, or in a biography sentence with no year."""
    if not _HOLDS_NOW.search(s.text[: post_start - s.start]):
        return None
    if out.method is Method.NEWS or not YEAR.search(s.text):
        return "kgo:Incumbent"
    return None


def rule_offices(out: Out, s: Sentence) -> None:
    """Posts of :data:`POSTS` and written-out ministries, before a name, in apposition or with
    dates (titles the article writes in other ways are :mod:`.titles`'s)."""
    sure = unsure(s.text) is None
    titled = [(c.start, c.end) for c in s.chunks if c.kind == "title"]
    for m in _POST.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if any(x <= a < y for x, y in titled) or _OTHER_STATE.search(s.text[: m.start()]):
            continue  # "Assam chief minister A" is another state's post (read in .titles)
        if (
            m.group("post").isupper()
            and len(m.group("post")) <= 3
            and not re.search(r"\b(?:former|the)\s+$", s.text[: m.start()])
            and not _titled(s, b)
            and not _apposed(s, a)
        ):
            continue  # "MLA", "MP" alone: only before a name, after a title word, in apposition
        post = canonical_post(m.group("post"))
        plural = m.group(0)[-1:] == "s" and m.group(0) != m.group("post")
        people = _titled(s, b, plural) or _apposed(s, a)
        dated = _becomes(out, s, a) if sure else None
        if dated is not None:
            people = _with_others(s, dated) if m.group(0).endswith("s") else [dated]
        for person in people:
            if not sure and unsure(s.between(min(a, person.start), max(b, person.end))):
                continue  # a title is read unless its own words are negated or hedged
            node = make_node("holding", Mention(post, "Post"), Mention(person.value, "Person"))
            ev = out.span(min(a, person.start), max(b, person.end))
            out.node(node, ev, "office")
            status = title_status(out, s, a) if dated is None and person.start >= b else None
            if dated is not None:
                _dates(out, node, s, b)
                status = _now(out, s, a)
            add_status(out, s, node, status, ev)
            _seat(out, s, node, post, a, b)


_MEMBERS = ("Member of the Jharkhand Legislative Assembly", "Member of Parliament, Lok Sabha")
_FROM = re.compile(r"^\s+(?:from|for)\s+$")


def _seat(out: Out, s: Sentence, node: Node, post: str, a: int, b: int) -> None:
    """The seat of a member: "Ghatshila MLA A", "sitting Dumka MP A", "an MLA from Jama"."""
    if post not in _MEMBERS:
        return
    # a name of both houses (Dumka) is read as the Assembly seat: an MP's only when Lok Sabha's
    kinds = ("constituency", "seat") if post == _MEMBERS[0] else ("loksabha",)
    seats = [c for c in s.chunks if c.kind in kinds]
    before = [c for c in seats if c.end <= a and re.fullmatch(r"\s*", s.between(c.end, a))]
    after = [c for c in seats if c.start >= b and _FROM.match(s.between(b, c.start))]
    for c in before[-1:] or after[:1]:
        out.add(
            node,
            "kgo:constituency",
            Mention(c.value, "Constituency"),
            out.span(c.start, c.end),
            "office",
        )


def add_status(out: Out, s: Sentence, node: Node, status: str | None, ev: Span) -> None:
    """The holding's status, quoted with the "former" that says it when there is one."""
    if status is None:
        return
    window = max(s.start, ev.start - 12)
    former = _FORMER.search(s.between(window, ev.start))
    start = window + former.start() if former else ev.start
    out.add(node, "kgo:status", Term(status), out.span(start, ev.end), "office")


def _with_others(s: Sentence, last: Chunk) -> list[Chunk]:
    """``last`` and the people listed before it ("A, B and C were MLAs")."""
    group = [last]
    for c in reversed([c for c in s.chunks if c.kind in PEOPLE and c.end <= last.start]):
        if not re.fullmatch(r"\s*(?:,|and|, and)\s*", s.between(c.end, group[0].start)):
            break
        group.insert(0, c)
    return group


def _titled(s: Sentence, post_end: int, plural: bool = False) -> list[Chunk]:
    """People right after the title: "Chief Minister A", and with a plural title a list ("chief
    ministers A and B"; "CM A and B" is A's title alone)."""
    out: list[Chunk] = []
    pos = post_end
    for c in s.chunks:
        if c.start < pos:
            continue
        gap = s.text[pos - s.start : c.start - s.start]
        if c.kind in PEOPLE and (
            _TITLE_GAP.match(gap) if not out else re.fullmatch(r"\s*(?:,|and|, and)\s*", gap)
        ):
            out.append(c)
            pos = c.end
            if not plural:
                break
        else:
            break
    return out


def _apposed(s: Sentence, post_start: int) -> list[Chunk]:
    """ "A, the chief minister" (the post right after the person and a comma)."""
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= post_start]
    if not before:
        return []
    gap = s.text[before[-1].end - s.start : post_start - s.start]
    return [before[-1]] if _APPOS.match(gap) else []


def _becomes(out: Out, s: Sentence, post_start: int) -> Chunk | None:
    """Who "became" / "was" the post: the person named before it, or the one "he"/"she" is."""
    head = s.text[: post_start - s.start]
    if not _BECAME.search(head):
        return None
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= post_start]
    gap = s.text[before[-1].end - s.start : post_start - s.start] if before else ""
    if before and not re.search(r"\b(?:he|she)\b", gap, re.I):
        return before[-1]  # "under A he was deputy chief minister": the post is his, not A's
    who = out.pronoun(s, post_start)
    return Chunk("person", post_start, post_start, who.text, who.text) if who else None


def _dates(out: Out, node: object, s: Sentence, after: int) -> None:
    dates = [c for c in s.chunks if c.kind == "date" and c.start >= after]
    m = _FROM_TO.search(s.text[after - s.start :])
    if m and len(dates) >= 2:
        for prop, d in (("kgo:startDate", dates[0]), ("kgo:endDate", dates[1])):
            lit = date_lit(d)
            if lit:
                out.add(node, prop, lit, out.span(d.start, d.end), "office")  # type: ignore[arg-type]
    elif dates:
        lit = date_lit(dates[0])
        if lit:
            out.add(node, "kgo:startDate", lit, out.span(dates[0].start, dates[0].end), "office")  # type: ignore[arg-type]
