"""How electoral-history tables of wiki-style biographies name their columns and write their cells.

Columns are identified by the words of the header row, never by position: "Votes %" is a vote
share, "Margin (votes)" a margin, "House" / "Legislature" the house. An "Election" column is read
by what its cells hold: years (the election's year) or house names ("Bihar Legislative Assembly").
Cells are read as articles write them: "—" for nothing, "2002^" or "2005 (by-election)" for a
year with a note, "Won" / "lost" for the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.build.extract.values import parse_decimal, parse_int
from kg.model import Text

# (words any of which names the role, role); the first rule that fits a header wins
HEADER_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("opponent", "rival", "runner"), "opponent"),
    (("margin", "majority"), "margin"),
    (("share", "%", "percent", "per cent"), "share"),
    (("vote",), "votes"),
    (("year",), "year"),
    (("election", "poll", "contest"), "election"),
    (("constituency", "seat"), "constituency"),
    (("house", "legislature", "chamber", "body", "sabha", "assembly"), "house"),
    (("party", "alliance"), "party"),
    (("result", "outcome", "status"), "result"),
)
BLANK = frozenset({"", "—", "–", "-", "−", "n/a", "na", "?", "…", "...", "nil"})
OUTCOMES = {
    "won": "kgo:Won",
    "win": "kgo:Won",
    "elected": "kgo:Won",
    "re-elected": "kgo:Won",
    "returned": "kgo:Won",
    "lost": "kgo:Lost",
    "defeated": "kgo:Lost",
    "runner-up": "kgo:Lost",
    "forfeited": "kgo:Lost",
}
BY_ELECTION = re.compile(r"\bby[- ]?(?:e-?)?(?:election|poll)s?\b", re.I)
_YEAR = re.compile(r"^(?P<y>(?:19|20)\d\d)(?![\d–-])\s*(?P<rest>.*)$")
_MARK = re.compile(r"^(?P<mark>[\^*†‡#]+|\[\w{1,3}\])")
_NAME = re.compile(r"^[^\d\W][\w .,()&'’/–-]*$")
_STATE_HOUSE = re.compile(
    r"\b(?P<state>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (?:Legislative Assembly|Vidhan Sabha)\b"
)
_ASSEMBLY = re.compile(r"\b(?:assembly|vidhan sabha|mla)\b", re.I)
_LOK_SABHA = re.compile(r"\b(?:lok sabha|parliament|general election)\b", re.I)
_NUMBER = re.compile(r"^(?P<n>\d[\d,]*)")


def blank(text: str) -> bool:
    return text.strip().lower() in BLANK


def header_role(text: str) -> str | None:
    """'Votes %' -> 'share', 'Margin (votes)' -> 'margin', 'Election year' -> 'year' ..."""
    t = " ".join(text.lower().split())
    for words, role in HEADER_WORDS:
        if any(w in t for w in words):
            return role
    return None


@dataclass(frozen=True)
class House:
    """The house an election fills: the Lok Sabha, or a state's assembly (its state if named)."""

    kind: str  # "lok-sabha" | "assembly"
    state: str | None = None

    @property
    def label(self) -> str | None:
        if self.kind == "lok-sabha":
            return "Lok Sabha"
        return f"{self.state} Legislative Assembly" if self.state else None


def house_of(text: str) -> House | None:
    """'Lok Sabha' / 'Bihar Legislative Assembly' / 'Assembly' -> the house; else ``None``."""
    m = _STATE_HOUSE.search(text)
    if m:
        return House("assembly", m.group("state"))
    if _LOK_SABHA.search(text):
        return House("lok-sabha")
    if _ASSEMBLY.search(text):
        return House("assembly")
    return None


def houses_named(text: str) -> set[House]:
    """Every house a heading such as 'Lok Sabha and Assembly contests' names."""
    found = {House("assembly", m.group("state")) for m in _STATE_HOUSE.finditer(text)}
    rest = _STATE_HOUSE.sub(" ", text)
    if _LOK_SABHA.search(rest):
        found.add(House("lok-sabha"))
    if _ASSEMBLY.search(rest) and not any(h.kind == "assembly" for h in found):
        found.add(House("assembly"))
    return found


def states_named(text: str) -> list[str]:
    """The states whose assembly ``text`` names, in order: 'Jharkhand Legislative Assembly' ..."""
    return [m.group("state") for m in _STATE_HOUSE.finditer(text)]


@dataclass(frozen=True)
class YearCell:
    """'2002^' / '2005 (by-election)' / '2019 Lok Sabha': the year and what follows it."""

    year: str
    mark: str | None
    rest: str


def read_year(text: str) -> YearCell | None:
    m = _YEAR.match(text.strip())
    if m is None:
        return None
    rest = m.group("rest").strip()
    mark = _MARK.match(rest)
    return YearCell(m.group("y"), mark.group("mark") if mark else None, rest)


def outcome(text: str) -> str | None:
    """'Won' / 'lost' / 'Won (re-count)' / 'Elected' -> the outcome term."""
    words = text.strip().lower().split()
    return OUTCOMES.get(words[0].rstrip(".,;")) if words else None


def leading_int(text: str) -> int | None:
    """'3,25,871' -> 325871; '1,94,140 (20.5%)' -> 194140."""
    m = _NUMBER.match(text.strip())
    return parse_int(m.group("n").rstrip(",")) if m else None


def share(text: str) -> str | None:
    """'61.48%' / '61.48' / '47' -> the percentage as written, when it is one."""
    t = text.strip().rstrip("%").strip()
    d = parse_decimal(t)
    if d is None:
        return None
    return d if float(d) <= 100 else None


def _name(s: str) -> bool:
    return bool(_NAME.match(s)) and outcome(s) is None and house_of(s) is None


_HOUSE_NOTE = re.compile(r"\s*\((?:Lok Sabha|Vidhan Sabha|Assembly|LS|AC|SC|ST)\)\s*$", re.I)


def seat_name(cell: str) -> str:
    """A constituency cell without a note of its house: 'Giridih (Lok Sabha)' -> 'Giridih'."""
    return _HOUSE_NOTE.sub("", cell).strip()


# role -> whether a cell's text fits it
ACCEPTS: dict[str, Callable[[str], bool]] = {
    "year": lambda s: read_year(s) is not None,
    "house": lambda s: house_of(s) is not None,
    "constituency": lambda s: _name(seat_name(s)),
    "party": _name,
    "opponent": _name,
    "votes": lambda s: leading_int(s) is not None,
    "share": lambda s: share(s) is not None and ("." in s or "%" in s),
    "margin": lambda s: leading_int(s) is not None,
    "result": lambda s: outcome(s) is not None,
}


def column_roles(header: tuple[Text, ...], rows: tuple[tuple[Text, ...], ...]) -> list[str | None]:
    """The role of each column; an 'Election' column is a year or a house, by its cells."""
    roles = [header_role(h.text) for h in header]
    for i, role in enumerate(roles):
        if role != "election":
            continue
        cells = [r[i].text for r in rows if i < len(r) and not blank(r[i].text)]
        years = sum(1 for c in cells if read_year(c) is not None)
        if "year" not in roles and years * 2 > len(cells):
            roles[i] = "year"
        elif sum(1 for c in cells if house_of(c) is not None) * 2 > len(cells):
            roles[i] = "house"
        else:
            roles[i] = None
    return [r if r is None or roles.index(r) == i else None for i, r in enumerate(roles)]


def is_electoral(roles: list[str | None]) -> bool:
    """A year column and a column of what a contest gave: votes, a margin or a share, or a
    result beside a seat, house or party (an awards table also has Year and Result)."""
    have = set(roles)
    if "year" not in have:
        return False
    return bool({"votes", "margin", "share"} & have) or (
        "result" in have and bool({"constituency", "house", "party"} & have)
    )
