"""What the article around a mention says about it: where it stands, whether it is a bare
surname, and the names of posts without their ordinal ("12th Chief Minister of Jharkhand")."""

from __future__ import annotations

import re

from kg.build.resolve.entities import normalise
from kg.model import Span

_ORDINAL_WORDS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
)
_ORDINAL = re.compile(rf"^(?:\d+(?:st|nd|rd|th)|{_ORDINAL_WORDS})\s+(?=\S)")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "shri", "sri", "smt", "km"})


def without_ordinal(key: str) -> str | None:
    """A normalised post name without its leading ordinal ("12th chief minister of jharkhand" ->
    "chief minister of jharkhand"); None when it has none."""
    m = _ORDINAL.match(key)
    return key[m.end() :] if m else None


def tokens(text: str) -> list[str]:
    return normalise(text).replace(".", " ").split()


def bare_surname(text: str) -> str | None:
    """The one name of a one-word person mention ("Soren", "Mr. Marandi"), normalised."""
    words = tokens(text)
    if len(words) == 2 and words[0] in _HONORIFICS:
        words = words[1:]
    return words[0] if len(words) == 1 and words[0].isalpha() else None


def last_name(text: str) -> str | None:
    """The last word of a name of two words or more ("hemant soren" -> "soren")."""
    words = tokens(text)
    if words and words[0] in _HONORIFICS:
        words = words[1:]
    return words[-1] if len(words) >= 2 else None


def position(text: str, at: Span) -> int:
    """Where ``text`` stands in the article: its first whole-word occurrence in the evidence
    ``at`` (the evidence's start when it is not there). In "Hemant Soren said ... Soren" the full
    name stands at 0 and the bare "Soren" at 7, inside it, so the full name comes first."""
    word = rf"(?<!\w){re.escape(text.strip())}(?!\w)"
    m = re.search(word, at.text) or re.search(word, at.text, re.IGNORECASE)
    return at.start + (m.start() if m else 0)
