"""Quotations and who said them, read over the whole article, since a quotation often runs over
several sentences.

- after the quotation: '"…," Marandi told reporters', '"…," said Assam Chief Minister A',
  '"…," he said' (the person named last before it, or a biography's subject);
- before it: 'A said: "…"', 'A told the gathering, "…"'.

What is inside the quotation is not checked for negation or hedging: that someone said it is the
fact. Quotations under 12 characters ("a 'unilateral' decision") are words, not statements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.nodes import key_claims, make_node
from kg.model import Claim, Lit, Mention, Node, Span

_QUOTE = re.compile(r"[“\"](?P<q>[^”\"\n]{12,}?)[,.]?[”\"]")
_VERB = r"(?:said|says|told|added|asserted|stated|remarked|wrote|posted|declared|alleged|claimed)"
# after the closing mark: ', Marandi told', ' he said', ', RJD leader A told'
_SPEAKER_FIRST = re.compile(rf"^[,.]?\s*(?P<who>[^,.;\"“”]{{0,60}}?)\s*\b{_VERB}\b", re.I)
# after the closing mark: ', said A'
_VERB_FIRST = re.compile(rf"^[,.]?\s*{_VERB}\s+(?P<who>[^,.;\"“”]{{0,70}})", re.I)
# before the opening mark: 'A said: ', 'A told the gathering, '
_BEFORE = re.compile(rf"(?P<who>[^.;\"“”]{{0,60}}?)\b{_VERB}\b[^.;\"“”]{{0,30}}[:,]\s*$", re.I)
_PRONOUN = re.compile(r"^(?:he|she)$", re.I)


def read_quotes(
    out: Out, text: str, sents: list[Sentence], read: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Claims for each quotation with a speaker, outside the passages in ``read``; returns where
    the quotations read are."""
    spans: list[tuple[int, int]] = []
    people = sorted((c for s in sents for c in s.chunks if c.kind in PEOPLE), key=lambda c: c.start)
    for m in _QUOTE.finditer(text):
        speaker = _speaker(out, text, people, m)
        if speaker is None or any(x < m.end() and m.start() < y for x, y in read):
            continue
        q = m.group("q").strip().rstrip(",")
        a = m.start("q") + (len(m.group("q")) - len(m.group("q").lstrip()))
        node = make_node("quotation", speaker, Lit(q))
        out.node(node, out.span(a, a + len(q)), "quote")
        spans.append((m.start(), m.end()))
    return spans


def _in(people: list[Chunk], a: int, b: int) -> list[Chunk]:
    return [c for c in people if a <= c.start and c.end <= b]


def _speaker(out: Out, text: str, people: list[Chunk], m: re.Match[str]) -> Mention | None:
    end = m.end()
    after = text[end : end + 90]
    first = _SPEAKER_FIRST.match(after)
    if first:
        who = first.group("who").strip()
        named = _in(people, end + first.start("who"), end + first.end("who"))
        if named:
            return Mention(named[-1].value, "Person")
        if _PRONOUN.match(who):
            return _earlier(out, people, m.start(), who)
    verb = _VERB_FIRST.match(after)
    if verb:
        named = _in(people, end + verb.start("who"), end + verb.end("who"))
        if named:
            return Mention(named[0].value, "Person")
    before = _BEFORE.search(text[max(0, m.start() - 100) : m.start()])
    if before:
        lo = m.start() - len(text[max(0, m.start() - 100) : m.start()]) + before.start("who")
        named = _in(people, lo, m.start())
        if named:
            return Mention(named[-1].value, "Person")
    return None


def _earlier(out: Out, people: list[Chunk], at: int, pronoun: str) -> Mention | None:
    """Who "he said" is: a biography's subject when the pronoun can be them, else the person
    named last before the quotation."""
    if out.subject is not None and out.means_subject(pronoun):
        return out.subject
    prior = [c for c in people if c.end <= at]
    return Mention(prior[-1].value, "Person") if prior else None


# after a quotation: '…," A had said in the interview', '…," she said while addressing a rally at X'
_IN_INTERVIEW = re.compile(r"^[^.;“”\"]{0,60}?\bsaid in (?:the|that|an|his|her) interview\b")
_GATHERING = re.compile(
    r"^[^.;“”\"]{0,60}?\bwhile addressing an? (?:public |large |election )?"
    r"(?:gathering|rally|meeting) (?:at|in) (?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)


def quote_occasions(claims: list[Claim], text: str) -> list[Claim]:
    """Where each quotation was said, when the words after it say so: "… in the interview" (the
    one interview of the speaker the article reports) or "… while addressing a public gathering
    at Ghatkul" (a ``kgo:PublicGathering`` of the speaker there)."""
    interviews: dict[str, list[Node]] = {}
    for c in claims:
        if (
            isinstance(c.subject, Node)
            and c.subject.kind == "interview"
            and c.predicate == "rdf:type"
        ):
            who = c.subject.key[0]
            if isinstance(who, Mention) and c.subject not in interviews.get(who.text, []):
                interviews.setdefault(who.text, []).append(c.subject)
    out: list[Claim] = []
    for c in claims:
        if not (
            isinstance(c.subject, Node)
            and c.subject.kind == "quotation"
            and c.predicate == "rdf:type"
        ):
            continue
        speaker = c.subject.key[0]
        if not isinstance(speaker, Mention):
            continue
        end = c.evidence.end + 2  # past the closing comma and mark
        after = text[end : end + 160]
        span = Span(c.evidence.source, c.evidence.start, end, text[c.evidence.start : end])
        m = _IN_INTERVIEW.match(after)
        if m and len(interviews.get(speaker.text, [])) == 1:
            ev = replace(span, end=end + m.end(), text=text[span.start : end + m.end()])
            out.append(
                replace(
                    c, predicate="kgo:occasion", object=interviews[speaker.text][0], evidence=ev
                )
            )
        g = _GATHERING.match(after)
        if g:
            ev = replace(span, end=end + g.end(), text=text[span.start : end + g.end()])
            node = make_node("gathering", Mention(g.group("place"), "Place"), speaker)
            out += key_claims(node, ev, c.method, "sentence:quote")
            out.append(replace(c, predicate="kgo:occasion", object=node, evidence=ev))
    return claims + out
