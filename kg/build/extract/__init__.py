"""Extraction: pure functions from a source text to claims with evidence.

``encyclopedia`` reads a wiki-style article's structure, ``infobox`` and ``tables`` its infobox and
electoral tables, ``news`` the sentences of news reports, and ``values`` the numbers, dates and lists they all
read. Facts a person adds on review are read by :mod:`kg.build.review`.
"""

from __future__ import annotations

from kg.build.extract.encyclopedia import parse_document, subject_name
from kg.build.extract.infobox import extract_infobox
from kg.build.extract.news import extract_news
from kg.build.extract.prose import DEFAULT, Lexicon, extract_prose
from kg.build.extract.prose.sentences import Sentence
from kg.build.extract.tables import extract_tables
from kg.build.extract.wikitext import blank_markup, is_wikitext, requote
from kg.model import Claim, Mention, Problem, Source, Text


def _seat_house(lexicon: Lexicon, name: str) -> str | None:
    """ "assembly" or "lok-sabha" when the reference data knows ``name`` as a seat of one house
    only (Dumri); None when of both (Giridih) or neither."""
    assembly, lok_sabha = name in lexicon.constituencies, name in lexicon.lok_sabha
    if assembly != lok_sabha:
        return "assembly" if assembly else "lok-sabha"
    return None


def _subject_note(source: Source, named: tuple[Text, str]) -> Problem:
    text, where = named
    return Problem(
        "extract",
        f"no '= Title =' line: the article is read as about {text.text!r} ({where})",
        source.id,
    )


def _unread(source: Source, sents: list[Sentence]) -> list[Problem]:
    return [
        Problem("unread", " ".join(s.text.split())[:300], f"{source.id}@{s.start}") for s in sents
    ]


def _encyclopedia(source: Source, lexicon: Lexicon) -> tuple[list[Claim], list[Problem]]:
    """Infobox, tables and prose of a wiki-style article. Wikitext is read with its markup
    blanked out (:mod:`kg.build.extract.wikitext`), and every quote cut from the article as is."""
    wiki = is_wikitext(source.text)
    text = blank_markup(source.text) if wiki else source.text
    doc = parse_document(text)
    named = subject_name(doc, source.text)
    if named is None:
        message = (
            "encyclopedia article without a '= Title =' line, an infobox name or a name in "
            "bold: nothing says who it is about"
        )
        return [], [Problem("extract", message, source.id)]
    subject = Mention(named[0].text, "Person")
    notes = [] if named[1] == "title" else [_subject_note(source, named)]
    c1, p1 = extract_infobox(source.id, doc, subject)
    c2, p2 = extract_tables(source.id, doc, subject, lambda n: _seat_house(lexicon, n))
    c3, unread = extract_prose(
        source.id, text, kind="encyclopedia", subject=subject, lexicon=lexicon
    )
    claims = c1 + c2 + c3
    return requote(claims, source.text) if wiki else claims, notes + p1 + p2 + _unread(
        source, unread
    )


def extract_source(source: Source, lexicon: Lexicon = DEFAULT) -> tuple[list[Claim], list[Problem]]:
    """Rule-based extraction for one article, by its kind.

    The problems include one of stage ``unread`` per sentence that names a person, party, place
    or number but gave no claim. In news reports the sentence rules skip the passages the older news
    patterns have already read."""
    if source.kind == "encyclopedia":
        return _encyclopedia(source, lexicon)
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
