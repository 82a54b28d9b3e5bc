"""Prose written in MediaWiki markup, made readable for the sentence rules without moving a
character: bold and italic quotes, the target half of a link (``[[Dumri Assembly
constituency|Dumri]]`` reads "Dumri"), references (``<ref>…</ref>``) and one-line templates
(``{{citation needed}}``, but not a date's) become spaces of the same length. Offsets stay those of the article,
so every quote is cut from the article as it is (:func:`requote`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.model import Claim

_MARKUP = re.compile(
    r"<ref[^>/]*/>"  # <ref name="x" />
    r"|<ref[^>]*>.*?</ref>"  # <ref>…</ref>, on one line
    r"|\{\{(?!\s*(?:birth|death|start|end)?\s*date\b)[^{}\n]*\}\}"  # {{template}}, one line,
    # but a date's ({{birth date and age|1985|3|3}}), which the infobox reads
    r"|\[\[(?:[^\[\]|\n]*\|)?"  # the opening of a link, with its target when it has a label
    r"|\]\]"
    r"|'{2,5}"  # bold, italic
    r"|<br\s*/?>",
    re.I,
)
_WIKI = re.compile(r"''|\[\[|\{\{|\{\||<ref", re.I)


def is_wikitext(text: str) -> bool:
    return _WIKI.search(text) is not None


def blank_markup(text: str) -> str:
    """``text`` with its markup replaced by spaces (line breaks kept)."""
    return _MARKUP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def requote(claims: list[Claim], text: str) -> list[Claim]:
    """Each claim's quote cut again from the article ``text`` at the same offsets."""
    return [
        replace(c, evidence=replace(c.evidence, text=text[c.evidence.start : c.evidence.end]))
        for c in claims
    ]
