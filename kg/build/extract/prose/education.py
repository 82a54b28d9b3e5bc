"""Schooling, as biographies tell it: "She completed her B.Tech in Electrical Engineering from X
Institute of Technology (under Y University)", "In 2012 he earned an MBA from the Z Centre for
Management, Pune", "attended several Kendriya Vidyalaya schools", "graduated from Ranchi
University".

Each institution named in a sentence about studying gives a ``kgo:Education`` of the person the
sentence speaks of, with the degree, the field ("in Electrical Engineering") and the year when the
sentence has exactly one. An institution in brackets right after another is its parent
(``kgo:affiliatedWith``), and a place after a comma is where the institution is
(``kgo:locatedIn``). A negated or hedged sentence gives nothing.
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import YEAR
from kg.build.extract.prose.family import speaks_of
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import Sentence
from kg.build.nodes import make_node
from kg.model import Lit, Mention

_KINDS = (
    r"College|University|Institute|School|Convent|Vidyalaya|Mahavidyalaya|Vishwavidyalaya|Academy|"
    r"Polytechnic|IIT|IIM|Centre\s(?:for|of)(?:\s[A-Z][\w&'’-]*)+|Center\s(?:for|of)(?:\s[A-Z][\w&'’-]*)+"
)
_INSTITUTION = re.compile(
    r"(?P<i>(?:[A-Z][\w.&'’-]*\s(?:of\s|for\s|and\s)?){0,6}(?:" + _KINDS + r")"
    r"(?:\s(?:of|for)(?:\s[A-Z][\w.&'’-]*)+)?)(?:,\s(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))?"
)
_STUDY = re.compile(
    r"\b(?:graduated|studied|educated|completed|holds? a|earned|obtained|received|passed"
    r"|did his|did her|alumnus|alumna|degree|attended|schooled|schooling)\b",
    re.I,
)
_DEGREE = re.compile(
    r"\b(?P<d>B\.?\s?A\.?|M\.?\s?A\.?|B\.?\s?Sc\.?|M\.?\s?Sc\.?|B\.?\s?Com\.?|LL\.?\s?B\.?|MBA"
    r"|B\.?\s?Tech\.?|Ph\.?\s?D\.?|intermediate|matriculation|bachelor'?s degree|master'?s degree"
    r"|[Bb]achelor of [A-Z]\w+|[Mm]aster of [A-Z]\w+|(?:post)?graduate degree|law degree)(?![\w'])"
    r"(?:\s+degree)?"
    r"(?:\s+in\s+(?!the\b|same\b|a\b)(?P<f>[A-Za-z][a-z]+(?:\s+[A-Za-z][a-z]+){0,2}?)(?=\s+(?:from|at)\b|[,.]))?",
    re.I,
)
_WHERE = re.compile(r",?\s*where\b")
_PARENT = re.compile(r"^\s*\((?:under|affiliated (?:to|with)|of)?\s*$", re.I)


_PLURAL = re.compile(r"(?:\s(?:schools|colleges))?")


def _from(s: Sentence, a: int) -> int:
    """Where the evidence for the institution at ``a`` starts: at the studying word before it
    ("completed her B.Tech … from X", "attended several X schools"), or at the sentence's
    start when the sentence opens with it ("She completed …")."""
    verbs = [m for m in _STUDY.finditer(s.text[: a - s.start]) if a - s.start - m.start() < 120]
    if not verbs:
        return a
    start = verbs[0].start()
    return s.start if start <= 40 and "," not in s.text[start : a - s.start] else s.start + start


def _near(spans: list[re.Match[str]], a: int, b: int, where: bool) -> re.Match[str] | None:
    """The match nearest the institution at ``a``–``b``: before it in its clause, else after;
    after it first when a "where" clause follows ("X College, where he earned a B.Sc.")."""
    before = [m for m in spans if m.end() <= a and a - m.end() < 90]
    after = [m for m in spans if m.start() >= b and m.start() - b < (100 if where else 40)]
    if before and not (where and after):
        return before[-1]
    return after[0] if after else None


def _name(m: re.Match[str]) -> tuple[str, str | None]:
    """The institution's name and its place: "Symbiosis Centre for Distance Learning" in Pune,
    but "Science College, Patna" whole, since a two-word name needs its town to be one."""
    name, place = m.group("i").strip(), m.group("place")
    if place and len(name.split()) <= 2:
        return f"{name}, {place}", place
    return name, place


def rule_education(out: Out, s: Sentence, subject: Mention | None) -> None:
    if not _STUDY.search(s.text) or unsure(s.text):
        return
    who = speaks_of(s, subject)
    if who is None:
        return
    degrees = list(_DEGREE.finditer(s.text))
    years = list(YEAR.finditer(s.text))
    last: tuple[Mention, int] | None = None
    for m in _INSTITUTION.finditer(s.text):
        name, where = _name(m)
        inst = Mention(name, "EducationalInstitution")
        a = s.start + m.start("i")
        b = a + len(m.group("i").strip())
        b += len(_PLURAL.match(s.text, b - s.start).group(0))  # type: ignore[union-attr]
        ev = out.span(_from(s, a), b)
        if where:
            place = Mention(where, "Place")
            out.add(inst, "kgo:locatedIn", place, out.span(a, s.start + m.end()), "education")
        if last is not None and _PARENT.match(s.text[last[1] - s.start : m.start("i")]):
            out.add(
                last[0],
                "kgo:affiliatedWith",
                inst,
                out.span(last[1] - len(last[0].text), s.start + m.end("i")),
                "education",
            )
            last = None
            continue  # "X (under Y University)": Y is X's parent, not where they studied
        node = make_node("education", who, inst)
        out.node(node, ev, "education")
        last = (inst, s.start + m.end("i"))
        where_ = _WHERE.match(s.text, m.end()) is not None
        d = _near(degrees, m.start("i"), m.end(), where_)
        if d:
            dev = out.span(s.start + d.start(), s.start + d.end())
            out.add(node, "kgo:degree", Mention(d.group("d"), "AcademicDegree"), dev, "education")
            if d.group("f"):
                field = Mention(d.group("f"), "FieldOfStudy")
                out.add(node, "kgo:fieldOfStudy", field, dev, "education")
        y = _near(years, m.start("i"), m.end(), where_)
        if y is not None:
            yev = out.span(s.start + y.start(), s.start + y.end())
            out.add(node, "kgo:year", Lit(y.group(0), "gYear"), yev, "education")
