"""Extraction: pure functions from a source text to claims with evidence.

``encyclopedia`` reads a wiki-style article's structure, ``infobox`` and ``tables`` its infobox and
electoral tables, ``news`` the sentences of news reports, ``curated`` the hand-written claims of
``data/claims/``, and ``values`` the numbers, dates and lists they all read.
"""

from __future__ import annotations

from kg.build.extract.encyclopedia import parse_document
from kg.build.extract.infobox import extract_infobox
from kg.build.extract.news import extract_news
from kg.build.extract.tables import extract_tables
from kg.model import Claim, Mention, Problem, Source


def extract_source(source: Source) -> tuple[list[Claim], list[Problem]]:
    """Rule-based extraction for one article, by its kind."""
    if source.kind == "encyclopedia":
        doc = parse_document(source.text)
        if doc.title is None:
            return [], [
                Problem("extract", "encyclopedia article without a '= Title =' line", source.id)
            ]
        subject = Mention(doc.title.text, "Person")
        c1, p1 = extract_infobox(source.id, doc, subject)
        c2, p2 = extract_tables(source.id, doc, subject)
        return c1 + c2, p1 + p2
    return extract_news(source.id, source.text)
