"""Normalise values as articles write them: dates, counts, percentages, lists, number words."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9

NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
ORDINALS = {
    w: i
    for i, w in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
        ]
    )
}

_DMY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_MDY = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_DM = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)$")
_MD = re.compile(r"^([A-Za-z]+)\s+(\d{1,2})$")
_INT = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$|^\d{1,2},\d{2},\d{3}$|^\d{1,2}(,\d{2})+,\d{3}$")
_DEC = re.compile(r"^\d+\.\d+$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_AND_AFTER_SEP = re.compile(r"\s*(and|&)\s+")  # right after "," or ";"
_AND_ALONE = re.compile(r"\s+(and|&)\s+")  # "A and B" with no comma


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def parse_date(text: str, year: int | None = None) -> dt.date | None:
    """'3 March 1985', 'March 4, 2024' -> date; '31 January' / 'November 13' need ``year``."""
    t = " ".join(text.strip().split())
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy")):
        m = rx.match(t)
        if m:
            a, b, y = m.groups()
            day, mon = (a, b) if order == "dmy" else (b, a)
            month = _month(mon)
            if month:
                try:
                    return dt.date(int(y), month, int(day))
                except ValueError:
                    return None
    if year is not None:
        for rx, order in ((_DM, "dm"), (_MD, "md")):
            m = rx.match(t)
            if m:
                a, b = m.groups()
                day, mon = (a, b) if order == "dm" else (b, a)
                month = _month(mon)
                if month:
                    try:
                        return dt.date(year, month, int(day))
                    except ValueError:
                        return None
    return None


def parse_int(text: str) -> int | None:
    """'109,827' -> 109827 (Western or Indian digit grouping); 'six' -> 6; '2' -> 2."""
    t = text.strip()
    if _INT.match(t):
        return int(t.replace(",", ""))
    return NUMBER_WORDS.get(t.lower())


def parse_decimal(text: str) -> str | None:
    """'50.54' -> '50.54' (kept as written, so no float rounding ever enters the graph)."""
    t = text.strip().rstrip("%").strip()
    return t if _DEC.match(t) or t.isdigit() else None


def parse_year(text: str) -> int | None:
    m = _YEAR.match(text.strip())
    return int(m.group(1)) if m else None


def parse_time(text: str) -> str | None:
    """'3 PM', '6 pm', '11:30 am' -> 'HH:MM:SS' (24 h)."""
    m = re.match(r"^(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?$", text.strip(), re.I)
    if not m:
        return None
    hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3).lower()
    if not (1 <= hour <= 12 and minute < 60):
        return None
    hour = hour % 12 + (12 if half == "p" else 0)
    return f"{hour:02d}:{minute:02d}:00"


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
