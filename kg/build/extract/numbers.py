"""Numbers as Indian reports write them: '1,10,249', '5.63 lakh', 'twenty-one', 'over 400', '67.74 per cent'.

A figure the text hedges or bounds ('nearly 3 lakh', 'over 400', 'at least 12') is never given as
exact: :class:`Quantity` carries the bound and the hedge. Decimals stay strings as written, so no
float rounding ever enters the graph. Pure functions; any text holding a line break is refused.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from kg.build.extract.dates import date_spans, find_clocks, one_line

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten", "eleven", "twelve", "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES = {
    "zero": 0,
    **{w: i for i, w in enumerate(_UNITS, 1)},
    **{w: i for i, w in enumerate(_TEENS, 10)},
    **{w: 10 * i for i, w in enumerate(_TENS, 2)},
}
# the words news rules match on (kept to zero..twenty: kg.build.extract.news.text builds on it)
NUMBER_WORDS = {w: v for w, v in WORD_VALUES.items() if v <= 20}
_ORDINAL_WORDS = [
    "zeroth", "first", "second", "third", "fourth", "fifth",
    "sixth", "seventh", "eighth", "ninth", "tenth",
]  # fmt: skip
ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS)}


def _alt(words: list[str]) -> str:
    return "|".join(words)


_BELOW_100 = (
    rf"(?:{_alt(_TENS)})(?:[- ](?:{_alt(_UNITS)})(?![\w]))?|{_alt(_TEENS)}|{_alt(_UNITS)}|zero"
)
WORD_NUMBER = (
    rf"(?:(?:(?:{_alt(_UNITS)})\s+)?hundred(?:\s+(?:and\s+)?(?:{_BELOW_100}))?|{_BELOW_100})"
    r"(?![\w]|-(?!odd\b|plus\b)\w)"
)
_WORD_NUMBER = re.compile(WORD_NUMBER, re.I)

_INT = re.compile(r"\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}")  # plain, Western, Indian
_DEC = re.compile(r"\d+\.\d+")


def number_words(text: str) -> int | None:
    """'twelve' -> 12, 'twenty-one' / 'twenty one' -> 21, 'hundred' -> 100, 'two hundred and five' -> 205."""
    t = one_line(text)
    if not t or not _WORD_NUMBER.fullmatch(t):
        return None
    total = 0
    for w in re.split(r"[\s-]+", t.lower()):
        if w == "hundred":
            total = (total or 1) * 100
        elif w != "and":
            total += WORD_VALUES[w]
    return total


def parse_int(text: str) -> int | None:
    """'109,827' -> 109827 (Western or Indian digit grouping); 'six' -> 6; '2' -> 2.

    Digits grouped neither way ('1,00', '12,34') give ``None``; words go to twenty.
    """
    t = one_line(text)
    if t is None:
        return None
    if _INT.fullmatch(t):
        return int(t.replace(",", ""))
    return NUMBER_WORDS.get(t.lower())


def parse_decimal(text: str) -> str | None:
    """'50.54' -> '50.54' (kept as written, so no float rounding ever enters the graph)."""
    t = one_line(text)
    t = t.rstrip("%").strip() if t else ""
    return t if _DEC.fullmatch(t) or (t.isascii() and t.isdigit()) else None


# --- quantities ----------------------------------------------------------------------------------

Bound = Literal["more-than", "at-least", "less-than", "at-most"]
Unit = Literal["percent", "percentage-point"]
# hedge before the figure -> (bound, approximate); 'nearly' / 'almost' mean a little below it
HEDGES: dict[str, tuple[Bound | None, bool]] = {
    "over": ("more-than", False),
    "more than": ("more-than", False),
    "above": ("more-than", False),
    "in excess of": ("more-than", False),
    "upwards of": ("more-than", False),
    "just over": ("more-than", True),
    "at least": ("at-least", False),
    "no less than": ("at-least", False),
    "no fewer than": ("at-least", False),
    "a minimum of": ("at-least", False),
    "less than": ("less-than", False),
    "fewer than": ("less-than", False),
    "under": ("less-than", False),
    "below": ("less-than", False),
    "just under": ("less-than", True),
    "nearly": ("less-than", True),
    "almost": ("less-than", True),
    "at most": ("at-most", False),
    "up to": ("at-most", False),
    "no more than": ("at-most", False),
    "not more than": ("at-most", False),
    "a maximum of": ("at-most", False),
    "around": (None, True),
    "about": (None, True),
    "roughly": (None, True),
    "some": (None, True),
    "approximately": (None, True),
    "approx.": (None, True),
    "close to": (None, True),
    "an estimated": (None, True),
    "estimated": (None, True),
    "between": (None, True),  # made a range with the figure after 'and' (see _paired)
}
# hedge after the figure
TAILS: dict[str, tuple[Bound | None, bool]] = {
    "-odd": (None, True),
    " odd": (None, True),
    " or so": (None, True),
    "-plus": ("more-than", False),
    " plus": ("more-than", False),
    "+": ("more-than", False),
    " or more": ("at-least", False),
    " or less": ("at-most", False),
    " or fewer": ("at-most", False),
}
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "lac": 100_000, "crore": 10_000_000}
SCALES |= {"million": 1_000_000, "billion": 1_000_000_000}


def _phrases(words: dict[str, tuple[Bound | None, bool]]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_SCALE = r"(?:(?:thousand|lakhs?|lacs?)\s+)?(?:thousand|lakhs?|lacs?|crores?|million|billion)\b"
_QUANTITY = re.compile(
    r"(?<![\w.,/])(?<![A-Za-z]-)"
    rf"(?:(?P<pre>{_phrases(HEDGES)})\s+)?"
    rf"(?P<num>\d+(?:,\d+)*(?:\.\d+)?|{WORD_NUMBER})"
    rf"(?:\s*(?P<scale>{_SCALE}))?"
    r"(?P<unit>\s?%|\s*percentage\s+points?\b|\s*per\s?cent\b|\s*percent\b)?"
    rf"(?P<tail>{_phrases(TAILS)})?"
    r"(?![\w/]|[.,:]\d)",
    re.I,
)
# a number after these names something ('Section 144', 'Phase 2'), it does not count
_LABEL = re.compile(
    r"\b(?:Article|Section|Sec\.|No\.|Number|Ward|Booth|Rule|Clause|Schedule|Chapter|Phase|NH)\s*$",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|\bto\b)\s*|\s+or\s+|\s+and\s+", re.I)


@dataclass(frozen=True)
class Quantity:
    """A figure from the text. ``value``: an int, or a decimal string as written ('67.74').

    ``bound``: the figure is a limit ('over 400' -> 'more-than'); ``approximate``: it is hedged
    ('about', 'nearly', '400-odd'). ``unit``: 'percent' / 'percentage-point', else ``None``.
    """

    value: int | str
    bound: Bound | None = None
    approximate: bool = False
    unit: Unit | None = None

    @property
    def exact(self) -> bool:
        return self.bound is None and not self.approximate


@dataclass(frozen=True)
class _Figure:
    """A matched figure before it becomes a :class:`Quantity`: what a range partner may lend it."""

    start: int
    end: int
    written: str  # the number as written, commas dropped ('5.63', '110249', '21')
    scale: int  # 1 when none is written
    unit: Unit | None
    bound: Bound | None
    approximate: bool
    pre: str | None

    def quantity(self) -> Quantity:
        return Quantity(_value(self.written, self.scale), self.bound, self.approximate, self.unit)


def _value(written: str, scale: int) -> int | str:
    if scale == 1:
        return written if "." in written else int(written)
    d = Decimal(written) * scale
    return int(d) if d == d.to_integral_value() else format(d.normalize(), "f")


def _written(num: str) -> str | None:
    """The number with its commas dropped, if they group it one way or the other."""
    whole, _, frac = num.partition(".")
    if whole[:1].isdigit():
        return num.replace(",", "") if _INT.fullmatch(whole) else None
    n = number_words(num)
    return None if n is None else str(n)


def _unit(text: str | None) -> Unit | None:
    if not text:
        return None
    return "percentage-point" if "point" in text.lower() else "percent"


def _tail_key(tail: str) -> str:
    """'-ODD' -> '-odd', '  or   so' -> ' or so': the key in :data:`TAILS`."""
    return tail.lower() if tail[0] in "-+" else " " + " ".join(tail.lower().split())


def _hedge(pre: str | None, tail: str | None) -> tuple[Bound | None, bool]:
    """Bound and hedge from the words either side; a bound before the figure wins."""
    b1, a1 = HEDGES[" ".join(pre.lower().split())] if pre else (None, False)
    b2, a2 = TAILS[_tail_key(tail)] if tail else (None, False)
    return b1 or b2, a1 or a2


def _figure(m: re.Match[str]) -> _Figure | None:
    written = _written(m.group("num"))
    if written is None:
        return None
    scale = 1
    for w in (m.group("scale") or "").lower().split():
        scale *= SCALES[w.rstrip("s")]
    bound, approximate = _hedge(m.group("pre"), m.group("tail"))
    pre = m.group("pre")
    return _Figure(
        m.start(), m.end(), written, scale, _unit(m.group("unit")), bound, approximate, pre
    )


def parse_quantity(text: str) -> Quantity | None:
    """One figure (the whole of ``text``) -> :class:`Quantity`, or ``None``.

    '1,10,249' / '110,249' -> 110249; '3 lakh' -> 300000; '5.63 lakh' -> 563000; '1.2 crore'
    -> 12000000; 'twenty-one' -> 21; 'over 400' -> more-than 400; 'nearly 3 lakh' -> less-than
    300000, approximate; 'around 400' -> approximate; '67.74 per cent' -> '67.74' percent.
    Digits grouped neither way ('1,00') give ``None``, as does a clock time ('5.15 pm').
    """
    t = one_line(text)
    m = _QUANTITY.fullmatch(t) if t else None
    f = _figure(m) if m else None
    return f.quantity() if f else None


def _blocked(text: str) -> list[tuple[int, int]]:
    """Where no figure may start or end: dates, years, clock times."""
    return date_spans(text) + [(a, b) for a, b, _ in find_clocks(text)]


def _figures(text: str) -> list[_Figure]:
    blocked = _blocked(text)
    out = []
    for m in _QUANTITY.finditer(text):
        f = _figure(m)
        if f is None or any(a < f.end and f.start < b for a, b in blocked):
            continue
        if not _LABEL.search(text, max(0, f.start - 10), f.start):
            out.append(f)
    return out


def _paired(first: _Figure, second: _Figure, join: str) -> tuple[_Figure, _Figure]:
    """'3 to 4 lakh', '40-50 per cent', 'between 400 and 500', '3 or 4 lakh': one figure shared.

    The first borrows the second's scale and unit when it has none; a range bounds both ends.
    """
    if first.scale == 1 and first.unit is None:
        first = dataclasses.replace(first, scale=second.scale, unit=second.unit)
    word = join.strip().lower()
    if word == "or":
        return dataclasses.replace(first, approximate=True), dataclasses.replace(
            second, approximate=True
        )
    hedged = first.approximate and first.pre is not None and first.pre.lower() != "between"
    first = dataclasses.replace(first, bound="at-least", approximate=hedged)
    second = dataclasses.replace(second, bound="at-most", approximate=hedged or second.approximate)
    return first, second


def _joins(text: str, first: _Figure, second: _Figure) -> str | None:
    """The word joining two figures into a range or an alternative, if they are so joined."""
    if first.bound or first.end >= second.start or second.pre:
        return None
    m = _RANGE_JOIN.fullmatch(text, first.end, second.start)
    if not m:
        return None
    is_and = m.group(0).strip().lower() == "and"
    between = first.pre is not None and first.pre.lower() == "between"
    return m.group(0) if is_and == between else None


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Every figure in ``text`` with its span (hedge and unit words included): (start, end, quantity).

    Years ('in 2019', 'the 2019 elections', '2002–2019'), days of dates, clock times ('5.15 pm')
    and labels ('Section 144') are not figures. Two figures joined as a range ('3 to 4 lakh',
    'between 400 and 500') come back as an at-least and an at-most, sharing scale and unit.
    """
    figs = _figures(text)
    for i in range(len(figs) - 1):
        join = _joins(text, figs[i], figs[i + 1])
        if join is not None:
            figs[i], figs[i + 1] = _paired(figs[i], figs[i + 1], join)
    return [(f.start, f.end, f.quantity()) for f in figs]
