"""Sentences and the names, numbers and dates in them, on spaCy's blank English pipeline.

spaCy gives the tokens and the sentence boundaries (its rule-based ``sentencizer``: no model is
downloaded or loaded). Paragraphs and headline lines are split first, so a heading never runs into
the sentence after it. In each sentence :func:`chunks` marks, left to right:

- names from the :class:`~kg.build.extract.prose.lexicon.Lexicon` (parties, agencies, courts,
  constituencies, places), longest first;
- people: runs of capitalised tokens that are not lexicon names, titles or sentence openers;
- numbers (Indian grouping, lakh and crore, number words, bounds such as "over"), percentages,
  clock times and dates.

Every chunk keeps its character offsets in the article, so any value can be quoted back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import spacy
from spacy.language import Language

from kg.build.extract.prose.lexicon import Lexicon
from kg.build.extract.prose.words import LEADING, NOT_NAMES, ORG_WORDS, ROLE_WORDS
from kg.build.extract.values import MONTHS, NUMBER_WORDS

_NUM = re.compile(
    r"(?P<bound>\b(?:more than|over|nearly|almost|around|about|roughly|approximately|some|"
    r"at least|less than|fewer than|under|close to|just over|just under)\s+)?"
    r"(?P<n>\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?P<scale>\s*(?:lakh|lakhs|crore|crores)\b)?"
    r"(?P<pct>\s*(?:%|per ?cent\b|percent\b))?"
)
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMWORD = re.compile(
    rf"\b(?P<bound>(?:more than|over|nearly|around|about|some) )?(?P<w>{_WORDS})\b", re.I
)
_CLOCK = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?!\w)", re.I
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    rf"|(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH})(?!\w)"
    rf"|(?P<m4>{_MONTH})\s+(?P<y4>(?:19|20)\d\d)"
    rf"|(?P<y5>(?:19|20)\d\d))\b",
    re.I,
)
BOUNDS = {
    "more than": "more-than",
    "over": "more-than",
    "just over": "more-than",
    "at least": "at-least",
    "less than": "less-than",
    "fewer than": "less-than",
    "under": "less-than",
    "just under": "less-than",
}


# a report's dateline: where it was filed, not a seat of its results ("RANCHI, Dec 23 —",
# "MADHUPUR (Deoghar), May 2 (PTI) -")
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.' -]+(?:\s*\([^)]*\))?\s*,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)"
    r"(?:,? \d{4})?\s*(?:\([^)]*\)\s*)?[—–-]+"
)


# a place named as a district ("in Bokaro district"): not the seat of the same name
DISTRICT = re.compile(r"\s+district\b", re.I)

PEOPLE = frozenset({"person", "name"})  # chunk kinds that name a person
SEATS = frozenset({"constituency", "loksabha", "seat"})  # chunk kinds that name a seat


@dataclass(frozen=True)
class Chunk:
    """A name, number or date in a sentence: ``kind``, where it is, and what it says."""

    # party alliance agency court constituency loksabha seat (either house) place person name
    # title number percent time date
    kind: str
    start: int
    end: int
    text: str
    value: str  # the canonical name, the number, "HH:MM", or an ISO (partial) date
    bound: str | None = None  # more-than / at-least / less-than, for numbers
    approximate: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    words: tuple[tuple[int, int, str], ...]  # spaCy tokens: (start, end, text), absolute offsets
    chunks: tuple[Chunk, ...]

    def after(self, chunk: Chunk, kinds: frozenset[str]) -> Chunk | None:
        return next((c for c in self.chunks if c.start >= chunk.end and c.kind in kinds), None)

    def before(self, chunk: Chunk, kinds: frozenset[str]) -> Chunk | None:
        prior = [c for c in self.chunks if c.end <= chunk.start and c.kind in kinds]
        return prior[-1] if prior else None

    def between(self, a: int, b: int) -> str:
        return self.text[a - self.start : b - self.start]


@cache
def nlp() -> Language:
    """spaCy's blank English pipeline with the rule-based sentencizer (no model, no download)."""
    pipe = spacy.blank("en")
    pipe.add_pipe("sentencizer")
    return pipe


def _blocks(text: str) -> Iterator[tuple[int, str]]:
    """Paragraphs and single lines: a line break ends a sentence in these articles."""
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            yield pos, line
        pos += len(line) + 1


def _number(m: re.Match[str]) -> tuple[str, str] | None:
    raw = m.group("n").replace(",", "")
    groups = m.group("n").split(",")
    if len(groups) > 1 and (
        len(groups[-1]) != 3 or any(len(g) not in (2, 3) for g in groups[1:-1])
    ):
        return None
    value = float(raw)
    scale = (m.group("scale") or "").strip().lower()
    if scale.startswith("lakh"):
        value *= 100_000
    elif scale.startswith("crore"):
        value *= 10_000_000
    kind = "percent" if m.group("pct") else "number"
    if scale:
        value = round(value)
    text = str(int(value)) if float(value).is_integer() and (scale or "." not in raw) else raw
    return kind, text


def _numbers(s: str, base: int) -> list[Chunk]:
    out = []
    for m in _NUM.finditer(s):
        read = _number(m)
        if read is None:
            continue
        kind, value = read
        bound_word = (m.group("bound") or "").strip().lower()
        bound = BOUNDS.get(bound_word)
        approx = (
            bool(bound_word) and bound is None or bool(m.group("scale")) and "." not in m.group("n")
        )
        out.append(Chunk(kind, base + m.start(), base + m.end(), m.group(0), value, bound, approx))
    for m in _NUMWORD.finditer(s):
        word = m.group("w").lower()
        bound_word = (m.group("bound") or "").strip().lower()
        out.append(
            Chunk(
                "number",
                base + m.start(),
                base + m.end(),
                m.group(0),
                str(NUMBER_WORDS[word]),
                BOUNDS.get(bound_word),
                bool(bound_word) and bound_word not in BOUNDS,
            )
        )
    return out


def _clock(m: re.Match[str]) -> str:
    h = int(m.group("h")) % 12 + (12 if m.group("ap").lower().startswith("p") else 0)
    return f"{h:02d}:{int(m.group('m') or 0):02d}"


def _date_value(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if g["iy"]:
        return f"{g['iy']}-{g['im']}-{g['id']}"
    month = g["m1"] or g["m2"] or g["m3"] or g["m4"]
    day = g["d1"] or g["d2"] or g["d3"]
    year = g["y1"] or g["y2"] or g["y4"] or g["y5"]
    mon = MONTHS.get(month.lower().rstrip(".")) if month else None
    if month and mon is None:
        return None
    if day and mon and year:
        return f"{year}-{mon:02d}-{int(day):02d}" if 1 <= int(day) <= 31 else None
    if day and mon:
        return f"--{mon:02d}-{int(day):02d}"
    if mon and year:
        return f"{year}-{mon:02d}"
    return year


def _times_and_dates(s: str, base: int) -> list[Chunk]:
    out = [
        Chunk("time", base + m.start(), base + m.end(), m.group(0), _clock(m))
        for m in _CLOCK.finditer(s)
    ]
    for m in _DATE.finditer(s):
        value = _date_value(m)
        if value:
            out.append(Chunk("date", base + m.start(), base + m.end(), m.group(0), value))
    return out


def _trimmed(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A run of capitalised words without the ones around a name ("The", "Minister"); none when
    a word of it names an organisation, a group or an event ("Scheduled Tribes", "Rath Yatra")."""
    a, b = 0, len(run)
    while a < b and run[a][2] in NOT_NAMES:
        a += 1
    while b > a and run[b - 1][2] in NOT_NAMES:
        b -= 1
    kept = run[a:b]
    return [] if any(w[2] in ORG_WORDS for w in kept) else kept


def _people(
    s: str, base: int, words: tuple[tuple[int, int, str], ...], taken: list[tuple[int, int]]
) -> list[Chunk]:
    """Runs of capitalised words (initials allowed) outside lexicon names."""
    out: list[Chunk] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[0][2] in LEADING:
            run.pop(0)
        roles = [i for i, w in enumerate(run) if w[2] in ROLE_WORDS]
        if roles and roles[-1] < len(run) - 1:  # "Labour Minister Raj Paliwar": title, then name
            title = run[: roles[-1] + 1]
            a, b = title[0][0], title[-1][1]
            text = s[a - base : b - base]
            out.append(Chunk("title", a, b, text, text))
            del run[: roles[-1] + 1]
        run[:] = _trimmed(run)
        if run and (len(run) > 1 or len(run[0][2]) > 2):
            a, b = run[0][0], run[-1][1]
            kind = "person" if len(run) > 1 else "name"
            out.append(Chunk(kind, a, b, s[a - base : b - base], s[a - base : b - base]))
        run.clear()

    first = words[0][0] if words else -1
    for w in words:
        a, b, t = w
        if a == first and re.search(r"(?:ing|ed|ly)$", t):
            continue  # "Contesting Jamshedpur West …": a verb opens the sentence, not a name
        inside = any(x <= a < y for x, y in taken)
        capital = t[:1].isupper() and (
            t[1:].islower() or re.fullmatch(r"[A-Z](?:\.[A-Z])*\.?", t) is not None
        )
        if capital and not inside and (t not in NOT_NAMES or run):
            run.append(w)
        else:
            close()
    close()
    return out


def chunks_of(
    s: str, base: int, words: tuple[tuple[int, int, str], ...], lex: Lexicon
) -> list[Chunk]:
    found: list[Chunk] = []
    for m in lex.pattern.finditer(s):
        kind = lex.kind_of(m.group(0))
        if kind:
            found.append(Chunk(kind[0], base + m.start(), base + m.end(), m.group(0), kind[1]))
    found += _times_and_dates(s, base)
    taken = [(c.start, c.end) for c in found]
    for n in _numbers(s, base):
        if not any(x < n.end and n.start < y for x, y in taken):
            found.append(n)
    taken = [(c.start, c.end) for c in found]
    found += [_seat(c, s, base) for c in _people(s, base, words, taken)]
    return sorted(found, key=lambda c: c.start)


_SEAT_AFTER = re.compile(
    r"\s*(?:\((?:SC|ST)\)\s*)?(?:assembly |Assembly |Lok Sabha |parliamentary |Vidhan Sabha )?"
    r"(?:constituency|seat|segment|bypoll|by-election|by-poll|bye-election)\b"
)
_SEAT_BEFORE = re.compile(
    r"\b(?:from|represents|representing|won|retained|wrested|contested|lost|in)\s+(?:the\s+)?$"
)


def _seat(c: Chunk, s: str, base: int) -> Chunk:
    """A capitalised name followed by "constituency"/"seat" (or after "won", "from") is a seat."""
    after = _SEAT_AFTER.match(s, c.end - base)
    before = _SEAT_BEFORE.search(s[: c.start - base])
    if after or (before and c.kind == "name"):
        return Chunk("constituency", c.start, c.end, c.text, c.text)
    return c


def _title_case(block: str) -> bool:
    """A headline in Title Case: a single line, no full stop at its end, and most of its longer
    words capitalised."""
    line = block.strip()
    if "\n" in line or line.endswith((".", "?", "!", '"', "”")):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def sentences(text: str, lex: Lexicon) -> list[Sentence]:
    """The article's sentences with their chunks."""
    out = []
    pipe = nlp()
    for base, block in _blocks(text):
        doc = pipe(block)
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            while b > a and block[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
            words = tuple(
                (base + t.idx, base + t.idx + len(t.text), t.text) for t in sent if not t.is_space
            )
            chunks = chunks_of(block[a:b], base + a, words, lex)
            if _title_case(block):  # "JMM Retains Control": capitals, not names
                chunks = [c for c in chunks if c.kind not in ("person", "name", "title")]
            out.append(Sentence(base + a, base + b, block[a:b], words, tuple(chunks)))
    return out
