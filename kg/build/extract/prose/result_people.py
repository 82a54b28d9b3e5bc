"""Who a result clause is about: its subject (the last person named before the verb, the one a
pronoun or a relative "who" points back to, the subject of the stretch a leading participle
belongs to), its opponent, and the people listed with a plural verb's subject."""

from __future__ import annotations

import re
from collections.abc import Callable

from kg.build.extract.prose.clauses import Clause
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.build.extract.prose.triggers import Hit

PRONOUN = re.compile(r"\b(?:he|she)\b", re.I)


def subject_of(out: Out, s: Sentence, cl: Clause, hit: Hit, before: list[Chunk]) -> Chunk | None:
    """The person a result clause is about: the last one named before the verb, or the one a
    leading pronoun points back to (earlier in the sentence, the article's subject, the last
    person named)."""
    before = _beside(s, before)
    if before:
        gap = s.text[before[-1].end - s.start : cl.start + max(0, hit.start) - s.start]
        pro = PRONOUN.search(gap)  # "… from B, and in 1999 he held it": not B
        if pro and out.subject is not None and out.means_subject(pro[0]) and _about_subject(s):
            here = before[-1].end + pro.start()
            return Chunk("person", here, here, out.subject.text, out.subject.text)
        return before[-1]
    if RELATIVE.match(cl.text[: max(0, hit.start)]):  # "…, B, who won the seat"
        named = [c for c in s.chunks if c.kind in PEOPLE and c.end <= cl.start]
        return named[-1] if named else None
    pro = PRONOUN.search(cl.text[: max(0, hit.start)])
    if pro is None:
        return None
    if out.subject is not None and out.means_subject(pro.group(0)) and _about_subject(s):
        here = cl.start + pro.start()
        return Chunk("person", here, here, out.subject.text, out.subject.text)
    earlier = next((c for c in s.chunks if c.kind == "person" and c.end <= cl.start), None)
    if out.subject is not None and earlier is None and pro and out.means_subject(pro.group(0)):
        here = cl.start + (pro.start() if pro else hit.start)
        earlier = Chunk("person", here, here, out.subject.text, out.subject.text)
    if earlier is None and out.last_person is not None:
        return out.last_person
    return earlier


def _beside(s: Sentence, before: list[Chunk]) -> list[Chunk]:
    """The people before a verb without one named in an apposition to another: in "A, wife of
    former chief minister B, won" the subject is A."""
    if len(before) < 2:
        return before
    a, b = before[-2], before[-1]
    if _APPOSED.fullmatch(s.text[a.end - s.start : b.start - s.start]) and re.match(
        r"\s*,", s.text[b.end - s.start :]
    ):
        return before[:-1]
    return before


_APPOSED = re.compile(
    r",\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:wife|husband|widow|son|daughter|brother|sister|"
    r"father|mother|nephew|niece|grandson|granddaughter|aide|associate|protégé|rival)\s+of\s+"
    r"(?:(?:the\s+)?[\w.'’-]+\s+){0,4}"
    # another name of the same person: "Seema Devi, who also goes by Seema Mahto, defeated …"
    r"|,\s+(?:who\s+(?:is\s+)?)?(?:also\s+|better\s+|popularly\s+)?(?:known\s+as|goes\s+by|"
    r"called|alias)\s+",
    re.I,
)
RELATIVE = re.compile(r"^\W*who\s+(?:\w+\s+)?$", re.I)


def _about_subject(s: Sentence) -> bool:
    """Whether a biography's sentence opens on "he" or "she" before it names anyone: then its
    later "he" is the same person ("He retained the seat against A, and in 2014 he defeated B")."""
    pro = PRONOUN.search(s.text)
    first = next((c for c in s.chunks if c.kind in PEOPLE), None)
    return pro is not None and (first is None or s.start + pro.start() < first.start)


def _named(cl: Clause, people: list[Chunk]) -> list[Chunk]:
    """The people a clause names as themselves: in "against Soren's wife, Rupi Soren" that is
    Rupi Soren, not Soren."""
    return [
        c
        for c, nxt in zip(people, [*people[1:], None], strict=False)
        if nxt is None or not _KIN_OF.match(cl.text[c.end - cl.start : nxt.start - cl.start])
    ]


_KIN_OF = re.compile(
    r"^['’]s\s+(?:(?:elder|younger|eldest|youngest|late|own)\s+)?(?:wife|husband|son|daughter|"
    r"brother|sister|father|mother|nephew|niece|cousin|son-in-law|daughter-in-law|"
    r"brother-in-law|sister-in-law)\s*,?\s*$",
    re.I,
)


def opponent_of(cl: Clause, hit: Hit, after: list[Chunk]) -> Chunk | None:
    after = _named(cl, after)
    if after and hit.label in ("DEFEAT", "LOSE", "TRAIL", "LEAD", "POLL"):
        return after[0]
    if after and hit.label == "CONTEST":  # "faced his former colleague X", "took on X"
        gap = cl.text[hit.end : after[0].start - cl.start]
        return after[0] if len(gap.split()) <= 4 and "," not in gap else None
    if hit.label != "WIN":
        return None
    over = r"\b(?:over|against)\s+(?:\S+\s+){0,3}$"  # "won by a margin of 5,000 over X"
    found = next((c for c in after if re.search(over, cl.text[: c.start - cl.start])), None)
    if found is None and after:  # "wrested Dumka from A", "took the seat from the JMM's A"
        gap = cl.text[hit.end : after[0].start - cl.start]
        if cl.text[: hit.end].lower().endswith(" from"):  # "took Dumka from" is the verb's
            gap = " from" + gap
        return after[0] if _FROM.fullmatch(gap) else None
    return found


# from whom a seat was taken: nothing or the seat between the verb and "from", and at most a few
# words (a party, a title) before the person; not "won with support from A"
_FROM = re.compile(
    r"\s+(?:(?:the|this|that)\s+)?(?:(?:[A-Z][\w-]*\s+){1,3}|(?:seat|constituency|it)\s+)?"
    r"from\s+(?:[\w'’()-]+\s+){0,5}"
)


def leading_subject(
    cl: Clause, hit: Hit, parts: list[Clause], hits: Callable[[Clause], list[Hit]]
) -> Chunk | None:
    """ "Trouncing B by 12,340 votes, A romped home": a stretch that opens on a participle is
    about the subject of the stretch after it."""
    word = cl.text[hit.start : hit.end].split(" ", 1)[0].lower()
    if cl.text[: hit.start].strip() or not word.endswith("ing"):
        return None
    later = [p for p in parts if p.start >= cl.end]
    if not later:
        return None
    nxt = later[0]
    verbs = hits(nxt)
    named = [c for c in nxt.chunks if c.kind in PEOPLE]
    if not verbs or not named or named[0].end - nxt.start > verbs[0].start:
        return None
    return named[0]


_CO_GAP = re.compile(
    r"\s*(?:,|and|, and)\s+(?:(?:his|her|their)\s+(?:wife|husband|son|daughter|brother|sister|"
    r"colleague|rival)\s+|(?:[A-Z][\w.]*\s+){0,3}?)?"
)
_PLURAL = re.compile(r"^\W*(?:are|were|have|had|both|all|each)\b", re.I)


def co_subjects(cl: Clause, before: list[Chunk], at: int) -> list[Chunk]:
    """The people listed with the subject of a plural verb: "A and his wife B are leading",
    "A, B and C won"."""
    if not before or not _PLURAL.match(cl.text[before[-1].end - cl.start : at - cl.start + 8]):
        return []
    group: list[Chunk] = []
    last = before[-1]
    for c in reversed(before[:-1]):
        if not _CO_GAP.fullmatch(cl.text[c.end - cl.start : last.start - cl.start]):
            break
        group.insert(0, c)
        last = c
    return group
