"""Dates and clock times as Indian reports write them.

A date is kept only as precise as the text gives it (:class:`PartialDate`): '3 March 1985' is an
``xsd:date``, 'November 1956' an ``xsd:gYearMonth``, '1962' an ``xsd:gYear``. Phrases that need
the report's own date (the dateline) to resolve -- 'March 4', 'on Monday', 'yesterday',
'last March' -- take it as ``reference`` and say so in ``note``; without one they give ``None``.
Numeric day/month forms ('03-03-1985') are never read: day-first or month-first cannot be told
apart. Only the ISO form '1985-03-03' is.

Pure functions on one line of text: any text holding a line break is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

_MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS = {d: i for i, d in enumerate(_WEEKDAY_NAMES)}

DateType = Literal["date", "gYearMonth", "gYear"]
FROM_DATELINE = "year taken from the dateline"
WEEKDAY_FROM_DATELINE = "weekday resolved against the dateline"
RELATIVE_TO_DATELINE = "resolved against the dateline"
MONTH_FROM_DATELINE = "month resolved against the dateline"


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the text: ``lexical`` is the XSD lexical form of ``datatype``."""

    lexical: str
    datatype: DateType
    note: str | None = None


def one_line(text: str) -> str | None:
    """``text`` without surrounding spaces, or ``None`` if it holds a line break anywhere."""
    return None if "\n" in text or "\r" in text else text.strip()


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made plain, so that several can share one regex."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


# --- the old whole-value parsers (kept as they were; a line break is now refused) ---------------

_DMY = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_MDY = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})")
_DM = re.compile(r"(\d{1,2})\s+([A-Za-z]+)")
_MD = re.compile(r"([A-Za-z]+)\s+(\d{1,2})")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def _day_month(rx: re.Pattern[str], t: str, day_first: bool, year: str | int) -> dt.date | None:
    """``None`` if ``t`` is not of ``rx``'s shape or names no real day."""
    m = rx.fullmatch(t)
    if not m:
        return None
    day, mon = (m.group(1), m.group(2)) if day_first else (m.group(2), m.group(1))
    month = _month(mon)
    try:
        return dt.date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


def parse_date(text: str, year: int | None = None) -> dt.date | None:
    """'3 March 1985', 'March 4, 2024' -> date; '31 January' / 'November 13' need ``year``."""
    t = " ".join((one_line(text) or "").split())
    for rx, day_first in ((_DMY, True), (_MDY, False)):
        m = rx.fullmatch(t)
        if m:
            return _day_month(rx, t, day_first, m.group(3))
    if year is not None:
        for rx, day_first in ((_DM, True), (_MD, False)):
            if rx.fullmatch(t):
                return _day_month(rx, t, day_first, year)
    return None


def parse_year(text: str) -> int | None:
    """'1985' -> 1985 (1800-2099 only)."""
    t = one_line(text)
    return int(t) if t is not None and _YEAR.fullmatch(t) else None


# --- clock times ---------------------------------------------------------------------------------

_CLOCK_FORMS = {
    "ampm": r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>[AaPp])\.?\s*[Mm]\b\.?(?:\s*IST\b)?",
    "hrs": r"(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?:hrs\b\.?|hours\b|IST\b)",
    "noon": r"(?:12\s+)?(?P<noon>noon|midday|midnight)\b",
}
_CLOCK = [re.compile(p, re.I) for p in _CLOCK_FORMS.values()] + [
    re.compile(r"(?P<h>\d{1,2}):(?P<m>\d{2})")  # '17:15' on its own, whole values only
]
_FIND_CLOCK = re.compile(
    r"(?<![\w.,:])(?:" + "|".join(map(_unnamed, _CLOCK_FORMS.values())) + ")",
    re.I,
)


def _clock(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    if groups.get("noon"):
        return "00:00" if groups["noon"].lower() == "midnight" else "12:00"
    hour, minute = int(groups["h"]), int(groups["m"] or 0)
    if minute > 59:
        return None
    if groups.get("ap"):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if groups["ap"].lower() == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


def parse_clock(text: str) -> str | None:
    """'5.15 pm' -> '17:15', '3 PM' -> '15:00', '11:30 a.m.' -> '11:30', 'noon' -> '12:00'.

    Also '17:15', '09.30 hrs', '10 am IST' and 'midnight' ('00:00').
    """
    t = one_line(text)
    matches = (rx.fullmatch(t) for rx in _CLOCK) if t else ()
    m = next((m for m in matches if m), None)
    return _clock(m) if m else None


def parse_time(text: str) -> str | None:
    """'3 PM', '6 pm', '11:30 am' -> 'HH:MM:SS' (24 h); every form :func:`parse_clock` reads."""
    hm = parse_clock(text)
    return f"{hm}:00" if hm else None


def find_clocks(text: str) -> list[tuple[int, int, str]]:
    """Every clock time in ``text`` with an am/pm, 'hrs' / 'IST', or 'noon' / 'midnight'."""
    out = []
    for m in _FIND_CLOCK.finditer(text):
        hm = parse_clock(m.group(0))
        if hm:
            out.append((m.start(), m.end(), hm))
    return out


# --- partial dates -------------------------------------------------------------------------------

_MON = (
    r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?![a-z])|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?![a-z])\.?)"
)
_WD = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WDP = rf"(?:(?P<wd>{_WD}),?\s+)?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YR = r"(?P<y>[12]\d{3})"
_BARE_YEAR = r"(?P<y>1[89]\d\d|20\d\d)"
# after these, a bare year-shaped number is a count ('1985 votes'), not a year
COUNT_WORDS = (
    r"votes?|voters|seats|people|persons|candidates|booths|polling\s+stations|members|MLAs|MPs|"
    r"workers|supporters|villages|families|households|cases|deaths|acres|hectares|km|kilomet(?:re|er)s|"
    r"posts|jobs|teachers|students|farmers|women|men|children|crores?|lakhs?|thousand|million|"
    r"per\s?cent|percent"
)
_FORMS = {
    "dmy": rf"{_WDP}{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YR}",
    "mdy": rf"{_WDP}{_MON}\s+{_DAY}(?:,\s*|\s+){_YR}",
    "iso": r"(?P<y>[12]\d{3})-(?P<mm>[01]\d)-(?P<d>[0-3]\d)",
    "my": rf"{_MON},?\s+{_YR}",
    "dm": rf"{_WDP}{_DAY}\s+(?:of\s+)?{_MON}",
    "md": rf"{_WDP}{_MON}\s+{_DAY}",
    "last_wd": rf"[Ll]ast\s+(?P<wd>{_WD})",
    "last_mon": rf"[Ll]ast\s+{_MON}",
    "rel": r"(?P<rel>[Yy]esterday|[Tt]oday)",
    "wd": rf"(?P<wd>{_WD})",
    "year": _BARE_YEAR,
}
_PARSE = [(name, re.compile(p, re.I)) for name, p in _FORMS.items()]
_LEAD = re.compile(r"^(?:on\s+)?(?:the\s+)?", re.I)
# how a form is found inside running text: the context that makes it a date
_IN_TEXT = {
    "rel": r"(?<!India ){}",
    "wd": r"(?<=\b[Oo]n ){}",
    "year": r"(?<!Rs )(?<!Rs\. )(?<!₹){}(?!\s*%|\s*(?:" + COUNT_WORDS + r")\b)",
}
_FIND_DATE = re.compile(
    r"(?<![\w.,/])(?:"
    + "|".join(_IN_TEXT.get(n, "{}").replace("{}", _unnamed(p)) for n, p in _FORMS.items())
    + r")(?![\w/]|[.,:]\d)"
)
_YEAR_PAIR = re.compile(r"(?<![\w.,/])(?:1[89]\d\d|20\d\d)\s*[-–—]\s*(?:\d{4}|\d{2})(?!\d)")


def _day(y: int, mon: int, d: int, note: str | None = None) -> PartialDate | None:
    try:
        return PartialDate(dt.date(y, mon, d).isoformat(), "date", note)
    except ValueError:
        return None


def _written(m: re.Match[str], year: int, note: str | None = None) -> PartialDate | None:
    """A day written with its month name; a weekday written beside it that disagrees is noted."""
    month = _month(m.group("mon"))
    found = _day(year, month, int(m.group("d")), note) if month else None
    wd = m.groupdict().get("wd")
    if found and wd and WEEKDAYS[wd.lower()] != dt.date.fromisoformat(found.lexical).weekday():
        clash = f"the text says {wd}, which this date is not"
        return PartialDate(found.lexical, "date", f"{note}; {clash}" if note else clash)
    return found


def _full(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    return _written(m, int(m.group("y")))


def _iso(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    return _day(int(m.group("y")), int(m.group("mm")), int(m.group("d")))


def _month_year(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    month = _month(m.group("mon"))
    return PartialDate(f"{m.group('y')}-{month:02d}", "gYearMonth") if month else None


def _year(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    return PartialDate(m.group("y"), "gYear")


def _dateline_year(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    return _written(m, ref.year, FROM_DATELINE) if ref else None


def _weekday(m: re.Match[str], ref: dt.date | None, least: int = 0) -> PartialDate | None:
    """The latest such weekday at least ``least`` days before ``ref``."""
    if ref is None:
        return None
    back = (ref.weekday() - WEEKDAYS[m.group("wd").lower()]) % 7
    back = back if back >= least else back + 7
    return PartialDate((ref - dt.timedelta(days=back)).isoformat(), "date", WEEKDAY_FROM_DATELINE)


def _last_weekday(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    return _weekday(m, ref, least=1)


def _last_month(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    month = _month(m.group("mon"))
    if ref is None or not month:
        return None
    year = ref.year if month < ref.month else ref.year - 1
    return PartialDate(f"{year}-{month:02d}", "gYearMonth", MONTH_FROM_DATELINE)


def _relative(m: re.Match[str], ref: dt.date | None) -> PartialDate | None:
    if ref is None:
        return None
    back = 1 if m.group("rel").lower() == "yesterday" else 0
    return PartialDate((ref - dt.timedelta(days=back)).isoformat(), "date", RELATIVE_TO_DATELINE)


_BUILD: dict[str, Callable[[re.Match[str], dt.date | None], PartialDate | None]] = {
    "dmy": _full,
    "mdy": _full,
    "iso": _iso,
    "my": _month_year,
    "dm": _dateline_year,
    "md": _dateline_year,
    "last_wd": _last_weekday,
    "last_mon": _last_month,
    "rel": _relative,
    "wd": _weekday,
    "year": _year,
}


def parse_partial_date(text: str, *, reference: dt.date | None = None) -> PartialDate | None:
    """One date phrase (the whole of ``text``) -> :class:`PartialDate`, or ``None``.

    '3 March 1985', '3rd of March 1985', 'March 3, 1985', 'Monday, 4 March 2024', '1985-03-03'
    -> date; 'November 1956' -> gYearMonth; '1962' -> gYear. With ``reference`` (the dateline):
    'March 4' / '4 March' (its year), '(on) Monday' (the latest Monday on or before it),
    'last Monday' (strictly before it), 'yesterday', 'today', 'last March' (the latest March
    before its month). A day that does not exist ('31 February 2024') gives ``None``.
    """
    t = one_line(text)
    if not t:
        return None
    t = _LEAD.sub("", t, count=1)
    for name, rx in _PARSE:
        m = rx.fullmatch(t)
        if m:
            return _BUILD[name](m, reference)
    return None


def find_dates(
    text: str, *, reference: dt.date | None = None
) -> list[tuple[int, int, PartialDate]]:
    """Every date phrase in ``text`` that resolves, with its span: (start, end, date).

    In running text a month name must be capitalised, a bare weekday must follow 'on', and a
    bare year-shaped number followed by a count ('1985 votes', '2000 per cent') is not a year.
    """
    out = []
    for m in _FIND_DATE.finditer(text):
        d = parse_partial_date(m.group(0), reference=reference)
        if d:
            out.append((m.start(), m.end(), d))
    return out


def date_spans(text: str) -> list[tuple[int, int]]:
    """Spans shaped like dates (resolvable or not) and year pairs ('2019-20'): no counts in them."""
    return [m.span() for rx in (_FIND_DATE, _YEAR_PAIR) for m in rx.finditer(text)]


# --- ranges --------------------------------------------------------------------------------------

_OPEN_END = re.compile(r"present|now|till date|to date|date|incumbent|ongoing", re.I)
_SINCE = re.compile(r"(?:since|from)\s+(?P<a>.+)", re.I)
_UNTIL = re.compile(r"(?:until|till|up\s?to)\s+(?P<b>.+)", re.I)
_RANGE_SEP = re.compile(r"\s*[-–—]\s*|\s+(?:to|till|until)\s+", re.I)
_FROM = re.compile(r"^(?:from|between)\s+", re.I)

Range = tuple[PartialDate | None, PartialDate | None]


def _first_day(d: PartialDate) -> str:
    """'2019' -> '2019-01-01', '2019-11' -> '2019-11-01': for ordering dates of any precision."""
    return (d.lexical + "-01-01")[:10] if d.datatype != "gYearMonth" else d.lexical + "-01"


def _short_end(start: PartialDate, right: str) -> PartialDate | None:
    """'2014–19': the end year written with two digits, in the century that follows ``start``."""
    if start.datatype != "gYear" or not re.fullmatch(r"\d{2}", right):
        return None
    year = int(start.lexical) // 100 * 100 + int(right)
    year += 100 if year < int(start.lexical) else 0
    return PartialDate(str(year), "gYear")


def _split_range(t: str, ref: dt.date | None) -> Range | None:
    """'A – B' / 'A to B' / 'A – present' at the first separator where both sides read."""
    for sep in _RANGE_SEP.finditer(t):
        left, right = t[: sep.start()], t[sep.end() :]
        left = _FROM.sub("", left, count=1)
        start = parse_partial_date(left, reference=ref)
        if start is None:
            continue
        if _OPEN_END.fullmatch(right):
            return start, None
        end = parse_partial_date(right, reference=ref) or _short_end(start, right)
        if end is not None and _first_day(end) >= _first_day(start):
            return start, end
    return None


def parse_range(text: str, *, reference: dt.date | None = None) -> Range | None:
    """A span of time -> (start, end); either side may be ``None`` but not both.

    '2002–2019', '2002-2019', '(2006–2020)', 'March 2005 to June 2009', '2014–19' -> both ends;
    '2006 – present', 'since 2024', 'from 2024' -> (start, None); 'until 2024', 'till 2014'
    -> (None, end). An end before its start gives ``None``.
    """
    t = one_line(text)
    if not t:
        return None
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1].strip()
    since, until = _SINCE.fullmatch(t), _UNTIL.fullmatch(t)
    a = parse_partial_date(since.group("a"), reference=reference) if since else None
    if a:
        return a, None
    b = parse_partial_date(until.group("b"), reference=reference) if until else None
    if b:
        return None, b
    return _split_range(t, reference)
