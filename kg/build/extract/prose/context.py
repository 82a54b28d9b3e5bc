"""Which election a sentence is about (the collector the rules write into is :mod:`.out`).

A report names its election once or twice (the headline, the dateline, "the 2019 Assembly polls")
and then writes "won", "leads" or "the bypoll" without it. :class:`Elections` reads the article's
house (Assembly or Lok Sabha), its year (from a phrase near the house word, else the dateline) and
whether it is a by-election, and answers per sentence: a sentence that names another house or year
gets that one, a by-election sentence gets the by-election of its constituency (one per seat).
Every claim that relies on the article's context says so in its note.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.build.extract.prose.sentences import DATELINE, Chunk, Sentence
from kg.model import Mention

ASSEMBLY = "Jharkhand Legislative Assembly"
LOK_SABHA = "Lok Sabha"
# The years each house was elected in full (Election Commission of India). The Assembly: Bihar's,
# for the seats now in Jharkhand, until 2000 (an Assembly election before 2000 is labelled
# Bihar's), then Jharkhand's; the Lok Sabha since 1952. A year outside these is a by-election's,
# or names no election at all ("reported on 8 September 2023").
GENERAL_YEARS: dict[str, frozenset[int]] = {
    ASSEMBLY: frozenset(
        {1952, 1957, 1962, 1967, 1969, 1972, 1977, 1980, 1985, 1990, 1995, 2000}
        | {2005, 2009, 2014, 2019, 2024, 2029}
    ),
    LOK_SABHA: frozenset(
        {1952, 1957, 1962, 1967, 1971, 1977, 1980, 1984, 1989, 1991, 1996, 1998, 1999}
        | {2004, 2009, 2014, 2019, 2024, 2029}
    ),
}
_HOUSE = re.compile(
    r"\b(?P<ls>Lok Sabha|general elections?|parliamentary (?:polls?|elections?)|LS polls?)"
    r"|\b(?P<as>[Aa]ssembly|Vidhan Sabha|state polls?)\b"
)
_MP = re.compile(r"\bMPs?\b")
_BY = re.compile(r"\b(?:by-?elections?|bye-?elections?|by-?polls?|bye-?polls?)\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")  # a year an election may have been held in
_GENERAL = re.compile(
    r"\b(?:general elections?|[Aa]ssembly (?:elections?|polls)|Lok Sabha (?:elections?|polls))\b"
)


@dataclass(frozen=True)
class Election:
    label: str
    kind: str  # GeneralElection | ByElection
    house: str
    year: int
    constituency: str | None = None

    @property
    def mention(self) -> Mention:
        return Mention(self.label, self.kind)


def election_label(house: str, year: int, constituency: str | None) -> str:
    if constituency and house == LOK_SABHA:
        return f"{year} {constituency} Lok Sabha by-election"
    if constituency:
        return f"{year} {constituency} by-election"
    if house == LOK_SABHA:
        return f"{year} Indian general election"
    if year <= 2000:  # Jharkhand was carved out of Bihar in November 2000
        return f"{year} Bihar Legislative Assembly election"
    return f"{year} {ASSEMBLY} election"


def _house_by_year(s: Sentence, year: int) -> str | None:
    """The house a seat of both houses was contested for in ``year``: the one house that was
    elected that year, or the Lok Sabha where the sentence speaks of an MP ("unseated the
    sitting BJP MP A")."""
    fits = [h for h in (ASSEMBLY, LOK_SABHA) if year in GENERAL_YEARS[h]]
    if LOK_SABHA in fits and _MP.search(s.text):
        return LOK_SABHA
    return fits[0] if len(fits) == 1 else None


def _house_of(text: str) -> str | None:
    m = _HOUSE.search(text)
    if m is None:
        return None
    return LOK_SABHA if m.group("ls") else ASSEMBLY


_NOT_WHEN = re.compile(r"(?:since|until|till|before|after|from|age of|aged)\s+$", re.I)


def _years(text: str) -> list[re.Match[str]]:
    """Years that may date an election: not "since 1995", "until 2019"."""
    return [
        m
        for m in YEAR.finditer(text)
        if not _NOT_WHEN.search(text[max(0, m.start() - 12) : m.start()])
    ]


def year_of(text: str) -> int | None:
    """The one year a stretch of text names, if it names exactly one."""
    years = {m.group(0) for m in _years(text)}
    return int(years.pop()) if len(years) == 1 else None


def _main_seat(by_seats: tuple[str, ...], sents: list[Sentence]) -> str | None:
    """The one by-election seat, or the one the report names at least twice as often as any
    other ("the Ramgarh bypoll", though a sentence about it also names a court in Hazaribagh)."""
    if len(by_seats) == 1:
        return by_seats[0]
    named = Counter(c.value for s in sents for c in s.chunks if c.value in by_seats)
    ranked = named.most_common(2)
    if len(ranked) == 2 and ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None


def _year_near(text: str, at: int) -> int | None:
    """The year written within 40 characters of ``at`` (only that window is searched, so the
    cost does not grow with the article)."""
    lo = max(0, at - 60)
    years = [(abs(lo + m.start() - at), int(m.group(0))) for m in _years(text[lo : at + 60])]
    close = [y for d, y in sorted(years) if d <= 40]
    return close[0] if close else None


@dataclass
class Elections:
    """The article's election context."""

    house: str | None
    year: int | None
    by_election: bool
    by_seats: tuple[str, ...] = ()
    main_seat: str | None = None  # the by-election seat the report is about, when one stands out

    @classmethod
    def of(
        cls,
        text: str,
        sents: list[Sentence],
        published: str | None,
        default_house: str | None = None,
        title: str | None = None,
    ) -> Elections:
        """The context of ``text``; ``default_house`` is the house when the text names none (a
        state-politics news report that says "the polls" means the Assembly). A headline
        ("Jharkhand Elections 2024: …") counts as much as the report's first lines, and when
        nothing ties a year to a house, "the 2024 elections" in the text still dates them."""
        head = text[:400]
        houses, years = _weigh(text, published, title)
        year = years.most_common(1)[0][0] if years else None
        seats = []
        for s in sents:
            if _BY.search(s.text):
                seats += [c.value for c in s.chunks if c.kind in ("constituency", "seat")]
        general = len(_GENERAL.findall(text))
        by_words = len(_BY.findall(text))
        by = default_house is not None and (
            bool(_BY.search(head)) or (by_words > 0 and by_words >= general)
        )
        if by:  # the seats the headline and the first lines name are the report's own
            for s in (s for s in sents if s.start < len(head)):
                dateline = DATELINE.match(s.text)  # where it was filed: not a seat
                after = s.start + (dateline.end() if dateline else 0)
                seats += [
                    c.value
                    for c in s.chunks
                    if c.kind in ("constituency", "seat") and c.start >= after
                ]
        if by and not seats:  # the by-election's seat: the constituency the report names most
            named = Counter(
                c.value for s in sents for c in s.chunks if c.kind in ("constituency", "seat")
            )
            seats = [named.most_common(1)[0][0]] if named else []
        house = houses.most_common(1)[0][0] if houses else (ASSEMBLY if by else default_house)
        by_seats = tuple(dict.fromkeys(seats))
        return cls(house, year, by, by_seats, _main_seat(by_seats, sents) if by else None)

    @property
    def one_by_seat(self) -> bool:
        """A report of one by-election: a result without a seat is that seat's."""
        return self.by_election and self.main_seat is not None

    def for_sentence(
        self, s: Sentence, seat: Chunk | None, part: str | None = None
    ) -> tuple[Election | None, bool]:
        """The election a sentence speaks of, and whether it came from the article's context.
        ``part``: the stretch of the sentence a result is stated in ("lost it in 1984 to X" in
        "He won Dumka in 1980, lost it in 1984 to X"); its one year, if it has one, is the one."""
        own_house = _house_of(s.text)
        m = _HOUSE.search(s.text)
        own_year = year_of(part) if part else None
        if own_year is None:
            own_year = _year_near(s.text, m.start()) if m else None
        if own_year is None:
            lone = {m.group(0) for m in _years(s.text)}
            own_year = int(lone.pop()) if len(lone) == 1 else None
        seat_house = (
            {"constituency": ASSEMBLY, "loksabha": LOK_SABHA}.get(seat.kind) if seat else None
        )
        house = own_house or seat_house or self.house
        year = own_year or self.year
        if own_house is None and seat is not None and seat.kind == "seat" and year is not None:
            house = _house_by_year(s, year) or house  # a seat of both houses: Lohardaga
        if house is None or year is None:
            return None, True
        from_context = own_house is None or own_year is None
        other_year = own_year is not None and own_year != self.year
        same_house = own_house is None or own_house == self.house
        # a stretch with its own year speaks for itself: "won the 1998 by-election … and held it
        # at the 2000 election" (2000's was a general election)
        scope = part if part and year_of(part) is not None else s.text
        by = bool(_BY.search(scope)) or (
            self.by_election and same_house and not other_year and not _GENERAL.search(s.text)
        )
        if other_year and not _BY.search(scope):
            from_context = True
        if not by and year not in GENERAL_YEARS[house]:
            return None, True  # no general election was held that year: a date, not an election
        if by:
            name = seat.value if seat else self.main_seat
            if name is None:
                return None, True
            return Election(
                election_label(house, year, name), "ByElection", house, year, name
            ), from_context
        return Election(
            election_label(house, year, None), "GeneralElection", house, year
        ), from_context


def _weigh(
    text: str, published: str | None, title: str | None
) -> tuple[Counter[str], Counter[int]]:
    """How strongly the headline, the text and the dateline point at each house and year."""
    houses: Counter[str] = Counter()
    years: Counter[int] = Counter()
    if title and _ELECTION_WORD.search(title):
        for m in _HOUSE.finditer(title):
            houses[LOK_SABHA if m.group("ls") else ASSEMBLY] += 3
        for y in _years(title):
            years[int(y.group(0))] += 3
    for m in _HOUSE.finditer(text):
        houses[LOK_SABHA if m.group("ls") else ASSEMBLY] += 3 if m.start() < 400 else 1
        near = _year_near(text, m.start())
        if near:
            years[near] += 3 if m.start() < 400 else 1
    if published:  # the dateline dates the report's own election, unless it names another
        years[int(published[:4])] += 3
    if not years:
        years.update(int(m.group("y")) for m in _YEAR_ELECTION.finditer(text))
    return houses, years


_ELECTION_WORD = re.compile(
    r"\b(?:elections?|polls?|results?|bypolls?|by-elections?|votes?)\b", re.I
)
# "the 2024 elections", "the 2019 Assembly polls"
_YEAR_ELECTION = re.compile(
    r"\b(?P<y>(?:19|20)\d\d)\s+(?:(?:assembly|lok sabha|state|general)\s+)?(?:elections?|polls?)\b",
    re.I,
)
