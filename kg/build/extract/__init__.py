"""Extraction: pure functions from a source text to claims with evidence.

``encyclopedia`` reads a wiki-style article's structure, ``infobox`` and ``tables`` its infobox and
electoral tables, ``news`` the sentences of news reports, and ``values`` the numbers, dates and lists they all
read. Facts a person adds on review are read by :mod:`kg.build.review`.
"""

from __future__ import annotations

from kg.build.extract.encyclopedia import parse_document
from kg.build.extract.infobox import extract_infobox
from kg.build.extract.news import extract_news
from kg.build.extract.prose import DEFAULT, Lexicon, extract_prose
from kg.build.extract.prose.sentences import Sentence
from kg.build.extract.tables import extract_tables
from kg.model import Claim, Mention, Problem, Source


def _unread(source: Source, sents: list[Sentence]) -> list[Problem]:
    return [
        Problem("unread", " ".join(s.text.split())[:300], f"{source.id}@{s.start}") for s in sents
    ]


def extract_source(source: Source, lexicon: Lexicon = DEFAULT) -> tuple[list[Claim], list[Problem]]:
    """Rule-based extraction for one article, by its kind.

    The problems include one of stage ``unread`` per sentence that names a person, party, place
    or number but gave no claim. In news reports the sentence rules skip the passages the older news
    patterns have already read."""
    if source.kind == "encyclopedia":
        doc = parse_document(source.text)
        if doc.title is None:
            return [], [
                Problem("extract", "encyclopedia article without a '= Title =' line", source.id)
            ]
        subject = Mention(doc.title.text, "Person")
        c1, p1 = extract_infobox(source.id, doc, subject)
        c2, p2 = extract_tables(source.id, doc, subject)
        c3, unread = extract_prose(
            source.id,
            source.text,
            kind="encyclopedia",
            subject=subject,
            lexicon=lexicon,
        )
        return c1 + c2 + c3, p1 + p2 + _unread(source, unread)
    c1, p1 = extract_news(source.id, source.text)
    read = tuple((c.evidence.start, c.evidence.end) for c in c1)
    c2, unread = extract_prose(
        source.id,
        source.text,
        kind="news",
        published=source.published,
        lexicon=lexicon,
        skip=read,
        title=source.title,
    )
    return c1 + c2, p1 + _unread(source, unread)
