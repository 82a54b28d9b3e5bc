"""Relatives named only by their kinship: "following her husband's resignation", "her father's
native place is X".

An article usually names a relative once ("Hemant Soren and his wife, Kalpana Soren"; "her
father, Ampa Murmu") and then calls them "her husband" or "her father". :class:`Relatives` learns
each relation from the claims the kinship rules have already made in the article (a wife's
husband is learnt with her), and :meth:`Relatives.named` marks a later "her husband" as a person
chunk naming that relative, so every rule reads it as the name. It is done only when the
possessor is clear (the biography's subject, or the nearest person named before) and the article
has named exactly one such relative; otherwise the words stay as they are. The chunk quotes the
words the article wrote ("her husband"), so the evidence stays verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kg.build.extract.prose.family import KIN
from kg.build.extract.prose.out import Out
from kg.build.extract.prose.sentences import PEOPLE, Chunk, Sentence
from kg.model import Claim, Mention

_WORD_OF = {prop: word for word, prop in KIN.items() if prop != "schema:spouse"}
_CONVERSE = {"kgo:wife": "husband", "kgo:husband": "wife"}
_KINWORD = "|".join(sorted(_WORD_OF.values(), key=len, reverse=True))
_REFERENCE = re.compile(rf"\b(?P<pro>his|her)\s+(?:late\s+)?(?P<kin>{_KINWORD})\b", re.I)
_NAMED_AFTER = re.compile(r"^,?\s*$")  # "her husband, A" or "her husband A": named right there


def possessor(out: Out, s: Sentence, at: int, pronoun: str) -> Mention | None:
    """Whose "his" or "her" at ``at`` is: the biography's subject when the pronoun fits it, else
    the nearest person named before it in the sentence, else the sentence before's first."""
    if out.subject is not None and out.means_subject(pronoun):
        return out.subject
    before = [c for c in s.chunks if c.kind in PEOPLE and c.end <= at]
    if before:
        return Mention(before[-1].value, "Person")
    return Mention(out.last_person.value, "Person") if out.last_person else None


@dataclass
class Relatives:
    """Who is whose relative, as the article's claims have said so far."""

    known: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    seen: int = 0  # how many of the article's claims have been read

    def learn(self, claims: list[Claim]) -> None:
        for c in claims[self.seen :]:
            word = _WORD_OF.get(c.predicate)
            if word is None or not isinstance(c.subject, Mention):
                continue
            if not isinstance(c.object, Mention):
                continue
            self.known.setdefault((c.subject.text, word), set()).add(c.object.text)
            if c.predicate in _CONVERSE:
                self.known.setdefault((c.object.text, _CONVERSE[c.predicate]), set()).add(
                    c.subject.text
                )
        self.seen = len(claims)

    def named(self, out: Out, s: Sentence) -> Sentence:
        """``s`` with each "her husband" whose person the article has named marked as that
        person."""
        if not self.known:
            return s
        added: list[Chunk] = []
        for m in _REFERENCE.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(c.start < b and a < c.end for c in s.chunks) or self._named_after(s, b):
                continue
            owner = possessor(out, s, a, m.group("pro"))
            if owner is None:
                continue
            names = self.known.get((owner.text, m.group("kin").lower()), set())
            if len(names) == 1:
                added.append(Chunk("person", a, b, m.group(0), next(iter(names))))
        if not added:
            return s
        return replace(s, chunks=tuple(sorted((*s.chunks, *added), key=lambda c: c.start)))

    @staticmethod
    def _named_after(s: Sentence, b: int) -> bool:
        nxt = next((c for c in s.chunks if c.start >= b), None)
        return (
            nxt is not None
            and nxt.kind in PEOPLE
            and _NAMED_AFTER.match(s.between(b, nxt.start)) is not None
        )
