"""Sentences that must give no fact: negations, hedges, reported speculation and questions.

"X is not related to Y", "they only share a surname", "denied that he would join", "is expected to
contest", "sources said he may resign": the words are there, the fact is not. The rules ask
:func:`unsure` about the stretch of text their fact rests on, and state nothing when it answers.
"""

from __future__ import annotations

import re

_NEGATION = re.compile(
    r"\b(?:not|never|no longer|neither|nor|denied|denies|deny|refuted|dismissed|rejected the|"
    r"ruled out|only share|no relation|unrelated|isn't|wasn't|aren't|weren't|hasn't|haven't|"
    r"hadn't|didn't|doesn't|don't|won't|cannot|can't|failed to)\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:expected to|likely to|set to|poised to|tipped to|speculat\w*|"
    r"rumou?r\w*|reportedly|sources said|sources say|according to sources|is said to|are said to|"
    r"plans? to|planning to|wants? to|hopes? to|hoped to|aims? to|intends? to|considering|"
    r"if\b|whether|unconfirmed|alleged(?:ly)? (?:that|to)|buzz|exit polls?|predicted|projected|"
    r"forecast\w*)\b",
    re.I,
)
# modal verbs, in lower case only: "May 2024" is a month
_MODAL = re.compile(r"\b(?:may|might|could|would|will|shall)\b")


def unsure(text: str) -> str | None:
    """Why ``text`` states no fact ("negation: not", "hedge: expected to"), or None."""
    if text.rstrip().endswith("?"):
        return "question"
    m = _NEGATION.search(text)
    if m:
        return f"negation: {m.group(0)}"
    m = _HEDGE.search(text) or _MODAL.search(text)
    if m:
        return f"hedge: {m.group(0)}"
    return None
