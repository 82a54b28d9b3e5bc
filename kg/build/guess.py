"""What an article's own text says about it: its kind, its title and its dateline.

``kg add`` asks this before it records a new article, and prints what it guessed so the researcher
can correct it (``--kind``, ``--title``, ``--published``). Nothing here is certain, so every guess
says what it rests on.

- **Kind.** A wiki-style biography starts with a ``= Name =`` heading, has ``== Section ==``
  headings or ``- Office:`` infobox lines; anything else is a news report.
- **Title.** The ``= Name =`` heading of a biography; the first line of a report when it is short,
  stands alone, does not end in a full stop and does not open with a dateline (a headline). A
  report that opens straight into its first paragraph has no headline: its first words, cut at a
  word, make a title that is marked as not the article's own.
- **Dateline.** A full date near the top: ``Published: 11 Jun 2024``, ``Updated: Nov 23, 2024``,
  ``Updated: 02-05-2021 22:09 IST`` (day first, as Indian sites write it),
  `` date 2024-11-23``, ``RANCHI, November 23, 2024 —``. A dateline without a year
  (``RANCHI, December 23 —``) names no day that can be recorded, and is reported as such.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as dateparser

_HEADING = re.compile(r"^\s*=\s*(?P<title>[^=\n]+?)\s*=\s*$", re.M)
_SECTION = re.compile(r"^\s*==+\s*[^=\n]+?\s*==+\s*$", re.M)
_INFOBOX = re.compile(r"^- (?:Office|Born|Birth Place|Party|Spouse|Constituency)\s*:", re.M)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATES = (
    r"\d{4}-\d{2}-\d{2}",
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}",  # Indian day-first: 02-05-2021 is 2 May
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}",
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",
)
_DATE = re.compile(r"\b(?:" + "|".join(_DATES) + r")\b", re.I)
_LEAD = re.compile(
    r"^\W*(?:(?:date|dated|published|updated|posted)\s*:?\s*)?(?:" + "|".join(_DATES) + r")\W*",
    re.I,
)
_NO_YEAR = re.compile(rf"^[A-Z][A-Za-z ]+,\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})\b")
TOP = 400  # characters: a dateline stands above or at the start of the first paragraph
HEADLINE = 200  # characters: a longer first line is a paragraph, not a headline


@dataclass(frozen=True)
class Guess:
    """What the text suggests, each with the reason shown to the researcher."""

    kind: str
    kind_why: str
    title: str
    title_from_text: bool
    title_why: str
    published: str | None
    published_why: str


def guess_kind(text: str) -> tuple[str, str]:
    if _HEADING.match(text.lstrip("\ufeff")):
        return "encyclopedia", "it opens with a '= Name =' heading"
    if _INFOBOX.search(text):
        return "encyclopedia", "it has infobox lines ('- Office: …')"
    if _SECTION.search(text):
        return "encyclopedia", "it has '== Section ==' headings"
    return "news", "no heading, infobox or sections: read as a news report"


def _first_line(text: str) -> tuple[str, bool]:
    """The first non-empty line, and whether a blank line follows it."""
    lines = text.lstrip("\ufeff").splitlines()
    for i, line in enumerate(lines):
        if line.strip():
            rest = lines[i + 1 : i + 2]
            return line.strip(), not rest or not rest[0].strip()
    return "", False


def _cut(text: str, limit: int = 80) -> str:
    if len(text) <= limit:
        return text.rstrip(" .")
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"


def guess_title(text: str, kind: str) -> tuple[str, bool, str]:
    m = _HEADING.match(text.lstrip("\ufeff"))
    if m:
        return m.group("title").strip(), True, "the '= … =' heading"
    line, alone = _first_line(text)
    dated = _LEAD.match(line) or _NO_YEAR.match(line)
    if alone and len(line) <= HEADLINE and not line.endswith(".") and not dated:
        return line, True, "the first line, which stands alone (a headline)"
    lead = _LEAD.match(line)
    body = line[lead.end() :].strip(" -—:") if lead else line
    return (
        _cut(body),
        False,
        "no headline: the first words of the text, marked as not the article's own title",
    )


def guess_published(text: str) -> tuple[str | None, str]:
    top = text[:TOP]
    for m in _DATE.finditer(top):
        try:
            day = dateparser.parse(m.group(0), dayfirst=True, fuzzy=False).date()
        except (ValueError, OverflowError):
            continue
        if dt.date(1947, 1, 1) <= day <= dt.date.today():
            return day.isoformat(), f"the dateline {m.group(0)!r}"
    for line in top.splitlines():
        no_year = _NO_YEAR.match(line.strip())
        if no_year:
            return None, f"the dateline {no_year.group(0)!r} has no year: give --published"
    return None, "no dated line near the top: give --published if the article has a date"


def guess(text: str) -> Guess:
    """Kind, title and publication date as the text suggests them."""
    kind, kind_why = guess_kind(text)
    title, own, title_why = guess_title(text, kind)
    published, published_why = guess_published(text) if kind == "news" else (None, "")
    return Guess(kind, kind_why, title, own, title_why, published, published_why)
