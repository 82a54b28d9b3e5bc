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

from kg.build.extract.prose.context import Out
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.lexicon import POSTS
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.nodes import make_node
from kg.model import Lit, Mention

PEOPLE = frozenset({"person", "name"})
_FORMS = sorted(
    {f for n, fs in POSTS.items() for f in (n, *fs) if len(f) > 3}, key=len, reverse=True
)
_CANON = {f.lower(): n for n, fs in POSTS.items() for f in (n, *fs)}
_MINISTRY = (
    r"(?-i:(?:Union |Cabinet |Deputy )?Minister (?:of State )?(?:for|of) (?:the )?"
    r"[A-Z][\w'’-]*(?:(?:,| and| &| of)? [A-Z][\w'’-]*)*)"
)
_POST = re.compile(
    rf"(?P<post>{_MINISTRY}|" + "|".join(re.escape(f) for f in _FORMS) + r")s?\b", re.I
)
_TITLE_GAP = re.compile(r"^\s*(?:of Jharkhand\s*)?$")
_APPOS = re.compile(
    r"^,\s+(?:the|a|an|his|her|their)\s+(?:former\s+|then\s+|sitting\s+|outgoing\s+)?"
    r"(?:state'?s?\s+)?$"
)
_BECAME = re.compile(
    r"\b(?:became|becomes|was appointed(?: as)?|was made|was elected(?: as)?|served as|serving as|"
    r"took over as|was named)\s+(?:the\s+)?(?:first\s+|second\s+|third\s+)?$",
    re.I,
)
_FROM_TO = re.compile(r"\bfrom\s+(?P<a>[\w ]{4,20}?)\s+(?:to|till|until)\s+(?P<b>[\w ]{4,20}?)\b")


def _canonical(text: str) -> str:
    t = (
        " ".join(text.split()).rstrip("s")
        if text.lower().endswith("ministers")
        else " ".join(text.split())
    )
    return _CANON.get(t.lower(), t[0].upper() + t[1:])


def _lit(c: Chunk) -> Lit | None:
    v = c.value
    if v.startswith("--"):
        return None
    return Lit(v, {4: "gYear", 7: "gYearMonth"}.get(len(v), "date"))


_NOT_PORTFOLIO = ("chief", "deputy chief", "union", "prime", "deputy", "cabinet", "state")
# "the outgoing social welfare minister", "his former food and public distribution minister"
_NOT_WORD = r"(?!chief\b|union\b|prime\b|deputy\b|cabinet\b|former\b|outgoing\b|then\b|a\b|the\b)"
_PORTFOLIO = re.compile(
    r"\b(?:the|his|her|former|outgoing|then|state|state's)\s+"
    rf"(?P<p>(?:{_NOT_WORD}[a-z]+\s+){{1,4}}?)minister\b"
)


def post_name(title: str) -> str:
    """The post a title names, one name for each wording: "Labour Minister" and "labour minister"
    are the "Minister of Labour"; a title of :data:`POSTS` is that post."""
    t = " ".join(title.split())
    if t.lower() in _CANON:
        return _CANON[t.lower()]
    m = re.fullmatch(r"(?P<p>.+?)\s+Ministers?", t, re.I)
    first = m.group("p").split()[0].lower() if m else ""
    if m and m.group("p").lower() not in _NOT_PORTFOLIO and first not in _NOT_PORTFOLIO:
        words = [
            w if w in ("and", "of", "&") else w[0].upper() + w[1:] for w in m.group("p").split()
        ]
        return "Minister of " + " ".join(words)
    return _canonical(t)


def rule_offices(out: Out, s: Sentence) -> None:
    """Titles and appositions are read when the words they span are not negated or hedged (a
    "denied a ticket" later in the sentence does not undo "A, the labour minister"); a post
    with dates only when the whole sentence is sure."""
    _titles(out, s)
    _portfolios(out, s)
    if unsure(s.text):
        return
    titled = [(c.start, c.end) for c in s.chunks if c.kind == "title"]
    for m in _POST.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if any(x <= a < y for x, y in titled):
            continue
        if (
            m.group("post").isupper()
            and len(m.group("post")) <= 3
            and not re.search(r"\b(?:former|the)\s+$", s.text[: m.start()])
        ):
            continue  # "MLA", "MP" alone are read only after a title word
        post = _canonical(m.group("post"))
        people = _titled(s, b) or _apposed(s, a)
        dated = _becomes(s, a)
        if dated is not None:
            people = [dated]
        for person in people:
            node = make_node("holding", Mention(post, "Post"), Mention(person.value, "Person"))
            out.node(node, out.span(min(a, person.start), max(b, person.end)), "office")
            if dated is not None:
                _dates(out, node, s, b)


def _titles(out: Out, s: Sentence) -> None:
    """A title chunk right before a name: "Rural Development Minister Nilkanth Singh Munda"."""
    for t in (c for c in s.chunks if c.kind == "title"):
        person = next((c for c in s.chunks if c.start >= t.end), None)
        if person is None or person.kind not in PEOPLE or s.between(t.end, person.start).strip():
            continue
        if unsure(s.between(max(s.start, t.start - 30), person.end)):
            continue
        post = Mention(post_name(t.text), "Post")
        node = make_node("holding", post, Mention(person.value, "Person"))
        out.node(node, out.span(t.start, person.end), "office")


def _portfolios(out: Out, s: Sentence) -> None:
    """A lower-case ministry in apposition: "A, the outgoing social welfare minister"."""
    for m in _PORTFOLIO.finditer(s.text):
        a = s.start + m.start()
        people = _apposed(s, a)
        for person in people:
            if unsure(s.between(person.start, s.start + m.end())):
                continue
            post = Mention(post_name(m.group("p") + "minister"), "Post")
            node = make_node("holding", post, Mention(person.value, "Person"))
            out.node(
                node, out.span(min(a, person.start), max(s.start + m.end(), person.end)), "office"
            )


def _titled(s: Sentence, post_end: int) -> list[Chunk]:
    """People right after the title: "Chief Minister A", "chief ministers A and B"."""
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


def _becomes(s: Sentence, post_start: int) -> Chunk | None:
    head = s.text[: post_start - s.start]
    if not _BECAME.search(head):
        return None
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= post_start]
    if before:
        return before[-1]
    return None


def _dates(out: Out, node: object, s: Sentence, after: int) -> None:
    dates = [c for c in s.chunks if c.kind == "date" and c.start >= after]
    m = _FROM_TO.search(s.text[after - s.start :])
    if m and len(dates) >= 2:
        for prop, d in (("kgo:startDate", dates[0]), ("kgo:endDate", dates[1])):
            lit = _lit(d)
            if lit:
                out.add(node, prop, lit, out.span(d.start, d.end), "office")  # type: ignore[arg-type]
    elif dates:
        lit = _lit(dates[0])
        if lit:
            out.add(node, "kgo:startDate", lit, out.span(dates[0].start, dates[0].end), "office")  # type: ignore[arg-type]
