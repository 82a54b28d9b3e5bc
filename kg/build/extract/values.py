"""Normalise values as articles write them: dates, counts, percentages, lists, number words.

Numbers live in :mod:`kg.build.extract.numbers` and dates and times in
:mod:`kg.build.extract.dates`; this module gathers them with list splitting, so that rules import
every value reader from one place.
"""

from __future__ import annotations

import re

from kg.build.extract.dates import (
    MONTHS,
    WEEKDAYS,
    PartialDate,
    date_spans,
    find_clocks,
    find_dates,
    parse_clock,
    parse_date,
    parse_partial_date,
    parse_range,
    parse_time,
    parse_year,
)
from kg.build.extract.numbers import (
    NUMBER_WORDS,
    ORDINALS,
    Quantity,
    find_quantities,
    number_words,
    parse_decimal,
    parse_int,
    parse_quantity,
)

__all__ = [
    "MONTHS",
    "NUMBER_WORDS",
    "ORDINALS",
    "WEEKDAYS",
    "PartialDate",
    "Quantity",
    "date_spans",
    "find_clocks",
    "find_dates",
    "find_quantities",
    "number_words",
    "parse_clock",
    "parse_date",
    "parse_decimal",
    "parse_int",
    "parse_partial_date",
    "parse_quantity",
    "parse_range",
    "parse_time",
    "parse_year",
    "split_list",
]

_AND_AFTER_SEP = re.compile(r"\s*(and|&)\s+")  # right after "," or ";"
_AND_ALONE = re.compile(r"\s+(and|&)\s+")  # "A and B" with no comma


def _depth_after(c: str, depth: int) -> int:
    """Parenthesis depth once ``c`` is read."""
    if c == "(":
        return depth + 1
    if c == ")":
        return max(0, depth - 1)
    return depth


def _separator_at(text: str, i: int, start: int) -> int:
    """Length of the item separator starting at ``text[i]`` (0 if none); ``start`` opens the item.

    ',' or ';' (with an 'and' / '&' right after it) always separates; a bare ' and ' / ' & '
    separates only once the item has begun.
    """
    if text[i] in ",;":
        m = _AND_AFTER_SEP.match(text[i + 1 :])
        return 1 + (m.end() if m else 0)
    m = _AND_ALONE.match(text[i:])
    return m.end() if m and i > start else 0


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` narrowed past surrounding whitespace."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def split_list(text: str) -> list[tuple[int, int]]:
    """Split 'A, B and C' / 'A,B & C' into item offsets (start, end) relative to ``text``.

    Commas inside parentheses do not split. Surrounding spaces are not part of an item.
    """
    items: list[tuple[int, int]] = []
    depth, start, i = 0, 0, 0
    while i < len(text):
        depth = _depth_after(text[i], depth)
        sep = _separator_at(text, i, start) if depth == 0 else 0
        if sep:
            items.append((start, i))
            start = i = i + sep
        else:
            i += 1
    items.append((start, len(text)))
    trimmed = (_trimmed(text, a, b) for a, b in items)
    return [(a, b) for a, b in trimmed if b > a]
