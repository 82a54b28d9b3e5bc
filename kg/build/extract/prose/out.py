"""What one article's sentence rules write: the claims, each election typed once, and what the
rules remember as they read (the last person named, the posts each person was given, whom a
biography's "he" or "she" means)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kg.build.extract.prose.context import Election
from kg.build.extract.prose.sentences import Chunk, Sentence
from kg.build.nodes import key_claims
from kg.model import Claim, Lit, Mention, Method, Node, Span, Term, Value

_PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


@dataclass
class Out:
    """The claims of one article's sentence rules."""

    source: str
    text: str
    method: Method
    claims: list[Claim] = field(default_factory=list)
    elections: set[str] = field(default_factory=set)
    last_person: Chunk | None = None  # who "he" or "she" in the next sentence most likely is
    subject: Mention | None = None  # a biography's subject: "he" and "she" are this person
    posts: dict[str, list[str]] = field(default_factory=dict)  # person -> posts named, in order

    @cached_property
    def subject_pronoun(self) -> str | None:
        """ "he" or "she": the one a biography mostly uses (for its subject), if it is clear."""
        he = len(re.findall(r"\b(?:he|him|his)\b", self.text, re.I))
        she = len(re.findall(r"\b(?:she|her|hers)\b", self.text, re.I))
        if he >= 2 * she and he:
            return "he"
        if she >= 2 * he and she:
            return "she"
        return None

    def means_subject(self, pronoun: str) -> bool:
        """Whether "he"/"his" or "she"/"her" can be the biography's subject ("she won" in Raghubar
        Das's biography is someone else)."""
        if self.subject is None:
            return False
        word = pronoun.lower()
        gender = "she" if word in ("she", "her", "hers") else "he"
        return self.subject_pronoun is None or self.subject_pronoun == gender

    def pronoun(self, s: Sentence, at: int) -> Mention | None:
        """Who "he" or "she" before offset ``at`` is: the biography's subject, else the first
        person named earlier in the sentence, else the first person of the sentence before."""
        head = self.text[s.start : at]
        m = _PRONOUN.search(head)
        if m is None:
            return None
        if self.subject is not None and self.means_subject(m.group(0)):
            return self.subject
        earlier = next((c for c in s.chunks if c.kind == "person" and c.end <= at), None)
        chunk = earlier or self.last_person
        return Mention(chunk.value, "Person") if chunk else None

    def span(self, a: int, b: int) -> Span:
        return Span(self.source, a, b, self.text[a:b])

    def sentence_span(self, s: Sentence) -> Span:
        return self.span(s.start, s.end)

    def add(self, s: Mention | Node, p: str, o: Value, ev: Span, rule: str, **kw: object) -> None:
        self.claims.append(
            Claim(s, p, o, ev, self.method, f"sentence:{rule}", **kw)  # type: ignore[arg-type]
        )

    def figure(
        self, node: Mention | Node, p: str, lit: Lit, c: Chunk, ev: Span, rule: str, **kw: object
    ) -> None:
        """A figure the chunk ``c`` gives, marked approximate, with a note, when the article
        writes a bound ("over 400") or a round or hedged figure ("about 62 per cent")."""
        read = None
        if c.bound:
            read = f"the article gives a bound ({c.text.strip()!r}), not an exact figure"
        elif c.approximate:
            read = f"the article gives a round figure ({c.text.strip()!r})"
        note = "; ".join(str(n) for n in (kw.pop("note", None), read) if n) or None
        approximate = bool(c.bound or c.approximate)
        self.add(node, p, lit, ev, rule, approximate=approximate, note=note, **kw)

    def node(self, node: Node, ev: Span, rule: str, note: str | None = None) -> None:
        if node.kind == "holding":  # who holds what, as the article has said so far
            post, holder = node.key
            if isinstance(post, Mention) and isinstance(holder, Mention):
                self.posts.setdefault(holder.text, []).append(post.text)
        for c in key_claims(node, ev, self.method, f"sentence:{rule}"):
            self.claims.append(
                Claim(c.subject, c.predicate, c.object, c.evidence, c.method, c.rule, note=note)
            )

    def election(self, e: Election, ev: Span) -> Mention:
        """The election's mention, typed and placed once per article."""
        m = e.mention
        if e.label not in self.elections:
            self.elections.add(e.label)
            self.add(m, "rdf:type", Term(f"kgo:{e.kind}"), ev, "election")
            self.add(m, "kgo:year", Lit(str(e.year), "gYear"), ev, "election")
            legislature = Mention(e.house, "Legislature")
            self.add(m, "kgo:legislature", legislature, ev, "election")
            if e.constituency:
                self.add(
                    m, "kgo:constituency", Mention(e.constituency, "Constituency"), ev, "election"
                )
        return m
