"""Sentences, paragraphs, the election context, and the claim collector the rules share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.build.extract.values import (
    NUMBER_WORDS,
    parse_int,
)
from kg.build.nodes import key_claims
from kg.model import Claim, Mention, Method, Node, Problem, Span, Text, Value

NAME = r"[A-Z][\w-]*(?: [A-Z][\w-]*)*"
PARTY = rf"(?:the )?(?P<party>{NAME})(?:[’']s)?(?: \((?P<abbr>[A-Z][A-Za-z()-]*)\))?"
NUMW = r"\d[\d,]*|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SENT = re.compile(r"(?:[^.!?\n]|[.!?](?![\s”\"]|$))+(?:[.!?]+[”\"]?|$)", re.M)
_CONTEXT = re.compile(r"\b(?:(?P<y>(?:19|20)\d\d) )?(?P<st>[A-Z][a-z]+ )?Assembly elections?\b")


@dataclass(frozen=True)
class Context:
    election: Mention | None
    year: int | None
    span: Text | None


def sentences(text: str) -> Iterator[Text]:
    for m in _SENT.finditer(text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield Text(a, b, text[a:b])


def paragraphs(text: str) -> Iterator[Text]:
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.match(r"\n\s*\n", block):
            lead = len(block) - len(block.lstrip())
            body = block.strip()
            yield Text(pos + lead, pos + lead + len(body), body)
        pos += len(block)


def find_context(text: str) -> Context:
    m = _CONTEXT.search(text)
    if not m:
        return Context(None, None, None)
    year = int(m.group("y")) if m.group("y") else None
    if year is None:
        y = re.search(r"\b(?:19|20)\d\d\b", text)
        year = int(y.group(0)) if y else None
    if year is None:
        return Context(None, None, None)
    # named as the sentence rules name it, so both read one election (kg.build.extract.prose.context)
    label = f"{year} Jharkhand Legislative Assembly election"
    return Context(Mention(label, "GeneralElection"), year, Text(m.start(), m.end(), m.group(0)))


def num(s: str) -> int | None:
    return parse_int(s.replace(" ", ""))


class Collector:
    """Collects claims for one source with shared method and evidence helpers."""

    def __init__(self, source: str, text: str, ctx: Context) -> None:
        self.source, self.text, self.ctx = source, text, ctx
        self.claims: list[Claim] = []
        self.problems: list[Problem] = []

    def span(self, start: int, end: int) -> Span:
        return Span(self.source, start, end, self.text[start:end])

    def add(self, s: Mention | Node, p: str, o: Value, ev: Span, rule: str, **kw: object) -> None:
        self.claims.append(Claim(s, p, o, ev, Method.NEWS, f"news:{rule}", **kw))  # type: ignore[arg-type]

    def node(self, node: Node, ev: Span, rule: str, note: str | None = None) -> None:
        for c in key_claims(node, ev, Method.NEWS, f"news:{rule}"):
            self.claims.append(
                Claim(c.subject, c.predicate, c.object, c.evidence, c.method, c.rule, note=note)
            )

    @property
    def context_note(self) -> str:
        quoted = self.ctx.span.text if self.ctx.span else "?"
        return f"election taken from the article's context ({quoted!r})"


def party_mention(m: re.Match[str], group: str = "party") -> Mention:
    abbr = m.groupdict().get("abbr")
    name = m.group(group)
    return Mention(f"{name} ({abbr})" if abbr else name, "PoliticalParty")
