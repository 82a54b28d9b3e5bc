"""The year a result clause speaks of, when the election's year is not beside its verb: the
words around the verb, a year counted on from one named before ("a year later", "four years
later"), the year the clause hangs on ("in 2014, when she edged out B"), or the one year of the
sentence before."""

from __future__ import annotations

import re

from kg.build.extract.numbers import parse_int
from kg.build.extract.prose.clauses import Clause
from kg.build.extract.prose.context import YEAR, year_of
from kg.build.extract.prose.result_seats import Fallback
from kg.build.extract.prose.sentences import Sentence
from kg.build.extract.prose.triggers import Hit


def stretch_year(s: Sentence, cl: Clause, hit: Hit, fallback: Fallback, series: bool) -> str | None:
    """The stretch whose one year dates a result: the series' part, the words around the verb,
    a year counted on ("a year later"), the year the clause hangs on ("in 2014, when …"), or
    the sentence before's year when this sentence names none."""
    near = cl.text if series else _around(cl, hit)
    if year_of(near or "") is None:  # "… in 1998 and, a year later, beat his wife": 1999
        near = _later(s, cl, hit, fallback) or _year_before(s, cl) or near
    if fallback.year and year_of(near or "") is None and not YEAR.search(s.text):
        near = fallback.year  # the year of the sentence before, not the article's
    return near


def _around(cl: Clause, hit: Hit) -> str | None:
    """The words around a result verb when they name one year ("retained Dhanwar … in 2024 and
    became Leader of the Opposition … in 2025": 2024 is the election's)."""
    before = _JOINED.split(cl.text[max(0, hit.start - 50) : hit.start])[-1]
    after = _JOINED.split(cl.text[hit.start : hit.end + 60])[0]  # not the next contest's year
    near = before + after
    return near if year_of(near) is not None else None


_JOINED = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s*", re.I)


def _later(s: Sentence, cl: Clause, hit: Hit, fallback: Fallback) -> str | None:
    """The year "a year later", "four years later" or "the following year" (just before the
    verb, in its clause or before it) stands for: so many years after the last year named before
    it in the sentence, else after the sentence before's one year."""
    at = cl.start - s.start + hit.start
    m = _LATER.search(s.text, max(0, at - 60), at)  # "… in 2009 and, five years later, took"
    if m is None:
        return None
    n = 1 if m["n"] is None or m["n"].lower() in ("a", "one") else parse_int(m["n"])
    years = YEAR.findall(s.text[: m.start()])
    base = years[-1] if years else fallback.year
    return str(int(base) + n) if base and n else None


_LATER = re.compile(
    r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+later|"
    r"the\s+(?:following|next)\s+year)\b",
    re.I,
)
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s*,?\s*(?:when|as|where|after which)?\s*$", re.I)


def _year_before(s: Sentence, cl: Clause) -> str | None:
    """The year a clause is tied to just before it: "She kept the seat in 2014, when she edged
    out B": the contest of "when …" is 2014's."""
    m = _YEAR_BEFORE.search(s.text[: cl.start - s.start])
    return m.group(1) if m else None
