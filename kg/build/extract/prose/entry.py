"""When a person entered politics: "A joined politics on 4 March 2024", "she formally entered
active politics in 2019", "he began his political career in 1977 as a JP movement activist",
"B made her political debut in 2024".

Each gives a ``kgo:EntryIntoPolitics`` of that person with the date written right after the
words, or at the sentence's start (a year, a month or a day), and what it followed when the words
after say so (", following her husband B's arrest": ``kgo:follows`` B's arrest). A negated or
hedged sentence gives nothing ("A has not yet entered politics", "is expected to enter politics").
"""

from __future__ import annotations

import re

from kg.build.extract.prose.context import Out
from kg.build.extract.prose.event_parts import date_lit
from kg.build.extract.prose.guard import unsure
from kg.build.extract.prose.sentences import PEOPLE, Sentence
from kg.build.nodes import make_node
from kg.model import Mention, Node

_ENTERED = re.compile(
    r"\b(?:(?:formally|finally|first)\s+)?(?:joined|entered|stepped into|took the plunge into)\s+"
    r"(?:active\s+|electoral\s+|mainstream\s+)?politics"
    r"|\b(?:began|started|launched)\s+(?:his|her|their)\s+political\s+(?:career|innings|journey)"
    r"|\bmade\s+(?:his|her)\s+(?:political|electoral)\s+debut",
    re.I,
)
_BEFORE_DATE = re.compile(r"^\s*,?\s*(?:(?:in|on)\s+)?$")


def rule_entry(out: Out, s: Sentence) -> None:
    m = _ENTERED.search(s.text)
    if m is None or unsure(s.text):
        return
    at = s.start + m.start()
    people = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    who = Mention(people[-1].value, "Person") if people else out.pronoun(s, at)
    if (
        who is None
        and out.subject is not None
        and re.search(r"\b(?:he|she)\b", s.text[: m.start()], re.I)
    ):
        who = out.subject
    if who is None:
        return
    end = s.start + m.end()
    date = next(
        (
            c
            for c in s.chunks
            if c.kind == "date" and c.start >= end and _BEFORE_DATE.match(s.between(end, c.start))
        ),
        None,
    )
    if date is None:  # "In 1977 she began her political career"
        date = next(
            (
                c
                for c in s.chunks
                if c.kind == "date"
                and c.end <= at
                and re.fullmatch(r"\s*(?:In|On)\s+", s.between(s.start, c.start))
            ),
            None,
        )
    near = people[-1].start if people and at - people[-1].end < 30 else at  # the name, if close
    ev = out.span(min(near, date.start if date else at), max(end, date.end if date else end))
    node = make_node("entry-into-politics", who)
    out.node(node, ev, "entry")
    lit = date_lit(date) if date else None
    if lit is not None:
        out.add(node, "kgo:date", lit, ev, "entry")
    _follows(out, s, node, max(end, date.end if date else end))


# ", following her husband Hemant Soren's arrest", " after B's resignation"
_AFTER = re.compile(
    r"\s*,?\s*(?:following|after|soon after|days after)\s+(?:(?:his|her|their)\s+[a-z-]+\s+)?$"
)
_EVENT = re.compile(r"[’']s\s+(?P<e>arrest|resignation)\b")


def _follows(out: Out, s: Sentence, node: Node, after: int) -> None:
    """The entry came after someone's arrest or resignation, named right after it."""
    for c in s.chunks:
        if c.kind != "person" or c.start < after or not _AFTER.fullmatch(s.between(after, c.start)):
            continue
        m = _EVENT.match(s.text, c.end - s.start)
        if m is None:
            return
        if m.group("e") == "arrest":
            event = make_node("arrest", Mention(c.value, "Person"))
            ev = out.span(after, s.start + m.end())
            out.node(event, ev, "entry")
            out.add(node, "kgo:follows", event, ev, "entry")
        return
