"""Electoral-history tables of encyclopedia-format articles -> candidacy claims.

Columns are found by header name. A row whose cells do not fit their columns (a vote count in the
Constituency column, as when a merged cell has been lost and the values slid left) is realigned:
each non-empty cell goes to the next column whose type accepts it, and a column left empty takes
the value of the row above, the usual reading of a merged cell. Each repair is recorded as a note
on the claims it affects and as a problem in the build report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.build.extract.encyclopedia import Document, Table
from kg.build.extract.values import parse_decimal, parse_int
from kg.build.nodes import key_claims, make_node
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Term, Text, Value

RULE = "table:electoral-history"

# header names (lower case) -> column role
HEADERS = {
    "year": "year",
    "election": "year",
    "constituency": "constituency",
    "seat": "constituency",
    "party": "party",
    "votes": "votes",
    "%": "share",
    "vote share": "share",
    "votes %": "share",
    "result": "result",
    "margin": "margin",
}
_YEAR = re.compile(r"^(?P<y>(19|20)\d\d)(?P<mark>[\^*†‡#]?)$")
_NAME = re.compile(r"^[^\d\W][\w .()&'’-]*$")
OUTCOMES = {
    "won": "kgo:Won",
    "win": "kgo:Won",
    "elected": "kgo:Won",
    "lost": "kgo:Lost",
    "defeated": "kgo:Lost",
}

# numeric columns: role, property, parser, XSD type
NUMBERS: tuple[tuple[str, str, Callable[[str], object], str], ...] = (
    ("votes", "kgo:votes", parse_int, "integer"),
    ("share", "kgo:voteShare", parse_decimal, "decimal"),
    ("margin", "kgo:margin", parse_int, "integer"),
)

ACCEPTS: dict[str, Callable[[str], bool]] = {
    "year": lambda s: bool(_YEAR.match(s)),
    "constituency": lambda s: bool(_NAME.match(s)) and s.lower() not in OUTCOMES,
    "party": lambda s: bool(_NAME.match(s)) and s.lower() not in OUTCOMES,
    "votes": lambda s: parse_int(s) is not None and not s.isalpha(),
    "share": lambda s: parse_decimal(s) is not None and "." in s,
    "margin": lambda s: parse_int(s) is not None and not s.isalpha(),
    "result": lambda s: s.lower() in OUTCOMES,
}


def is_electoral_table(table: Table) -> bool:
    roles = {HEADERS.get(h.text.strip().lower()) for h in table.header}
    return {"year", "votes"} <= roles or {"year", "result"} <= roles


def _legislature(path: tuple[str, ...]) -> str | None:
    """'Jharkhand Legislative Assembly elections' -> 'Jharkhand Legislative Assembly'."""
    for title in reversed(path):
        m = re.match(r"^(?P<l>.+?)\s+elections?$", title.strip(), re.I)
        if m and m.group("l").lower() != "electoral history":
            return m.group("l")
    return None


def realign(roles: list[str | None], cells: tuple[Text, ...]) -> tuple[dict[str, Text], bool]:
    """Map column role -> cell. Returns (mapping, repaired?)."""
    direct = {r: c for r, c in zip(roles, cells, strict=False) if r and c.text}
    if all(ACCEPTS[r](c.text) for r, c in direct.items()):
        return direct, False
    out: dict[str, Text] = {}
    col = 0
    for cell in (c for c in cells if c.text):
        while col < len(roles) and not (roles[col] and ACCEPTS[roles[col]](cell.text)):  # type: ignore[index]
            col += 1
        if col == len(roles):
            break
        out[roles[col]] = cell  # type: ignore[index]
        col += 1
    return out, True


@dataclass(frozen=True)
class _Election:
    """Which election a row is for, as its year cell, the year's footnote and the heading say."""

    mention: Mention
    by_election: bool
    year: str
    year_cell: Text


@dataclass(frozen=True)
class _Row:
    """One realigned row of a table: role -> cell, and how they were repaired."""

    source: str
    line: Text
    cells: dict[str, Text]
    carried: set[str]  # roles taken from the row above
    note: str | None  # on every claim of a repaired row

    @property
    def span(self) -> Span:
        return Span(self.source, self.line.start, self.line.end, self.line.text)

    def claim(
        self, s: Node | Mention, prop: str, value: Value, cell: Text, why: str | None
    ) -> Claim:
        """A claim quoting ``cell``."""
        ev = Span(self.source, cell.start, cell.end, cell.text)
        return Claim(s, prop, value, ev, Method.TABLE, f"{RULE}:{prop}", note=why)


def extract_tables(
    source: str, doc: Document, subject: Mention
) -> tuple[list[Claim], list[Problem]]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    for table in doc.tables:
        if is_electoral_table(table):
            _table(source, table, subject, claims, problems)
    return claims, problems


def _table(
    source: str, table: Table, subject: Mention, claims: list[Claim], problems: list[Problem]
) -> None:
    """The claims of one electoral-history table, row by row."""
    legislature = _legislature(table.path)
    roles = [HEADERS.get(h.text.strip().lower()) for h in table.header]
    previous: dict[str, Text] = {}
    for cells, line in zip(table.rows, table.row_lines, strict=True):
        row, repaired = realign(roles, cells)
        where = f"{source}@{line.start}"
        carried: set[str] = set()
        if repaired:
            carried = _carry_over(row, previous)
            problems.append(_realigned(carried, where))
        election = _election_of(row, table.footnotes, legislature)
        if isinstance(election, str):
            problems.append(Problem("extract", election, where))
            continue
        note = "row realigned: its columns were shifted" if repaired else None
        r = _Row(source, line, row, carried, note)
        claims.extend(_row_claims(r, election, legislature, subject))
        previous = {**previous, **{k: v for k, v in row.items() if k not in carried}}
        for k in carried:
            previous.setdefault(k, row[k])


def _carry_over(row: dict[str, Text], previous: dict[str, Text]) -> set[str]:
    """Fill a repaired row's empty constituency and party from the row above; returns those roles."""
    carried: set[str] = set()
    for role in ("constituency", "party"):
        if role not in row and role in previous:
            row[role] = previous[role]
            carried.add(role)
    return carried


def _realigned(carried: set[str], where: str) -> Problem:
    taken = f"; {', '.join(sorted(carried))} taken from the row above" if carried else ""
    return Problem(
        "extract", "table row with shifted columns realigned by cell type" + taken, where
    )


def _election_of(
    row: dict[str, Text], footnotes: dict[str, str], legislature: str | None
) -> _Election | str:
    """The election of a row, or why the row is skipped."""
    year = row.get("year")
    m = _YEAR.match(year.text) if year is not None else None
    if year is None or m is None:
        return "table row without a year; skipped"
    meaning = footnotes.get(m.group("mark"), "") if m.group("mark") else ""
    by_election = "by-election" in meaning.lower() or "bypoll" in meaning.lower()
    constituency = row.get("constituency")
    y = m.group("y")
    if by_election and constituency is not None:
        mention = Mention(f"{y} {constituency.text} by-election", "ByElection")
    elif legislature:
        mention = Mention(f"{y} {legislature} election", "GeneralElection")
    else:
        return "cannot tell which election a row is for; skipped"
    return _Election(mention, by_election, y, year)


def _row_claims(r: _Row, e: _Election, legislature: str | None, subject: Mention) -> list[Claim]:
    """The candidacy of ``subject`` in the row's election, and what the row says of both."""
    cand = make_node("candidacy", e.mention, subject)
    out = [
        Claim(c.subject, c.predicate, c.object, c.evidence, c.method, c.rule, note=r.note)
        for c in key_claims(cand, r.span, Method.TABLE, RULE)
    ]
    # the election itself: its type, year and legislature, as the row and heading give them
    kind = Term("kgo:ByElection" if e.by_election else "kgo:GeneralElection")
    out.append(Claim(e.mention, "rdf:type", kind, r.span, Method.TABLE, RULE))
    out.append(r.claim(e.mention, "kgo:year", Lit(e.year, "gYear"), e.year_cell, r.note))
    if legislature:
        leg = Mention(legislature, "Legislature")
        out.append(Claim(e.mention, "kgo:legislature", leg, r.span, Method.TABLE, RULE))
    out.extend(_named_cells(r, e, cand))
    for role, prop, parse, datatype in NUMBERS:
        if role in r.cells:
            cell = r.cells[role]
            out.append(r.claim(cand, prop, Lit(str(parse(cell.text)), datatype), cell, r.note))
    if "result" in r.cells:
        cell = r.cells["result"]
        out.append(r.claim(cand, "kgo:outcome", Term(OUTCOMES[cell.text.lower()]), cell, r.note))
    return out


def _named_cells(r: _Row, e: _Election, cand: Node) -> list[Claim]:
    """The row's constituency and party; a by-election's constituency is the election's too."""
    out: list[Claim] = []
    for role, prop in (("constituency", "kgo:constituency"), ("party", "kgo:party")):
        cell = r.cells.get(role)
        if cell is None:
            continue
        why = (
            f"{role} taken from the row above: this row's columns were shifted"
            if role in r.carried
            else r.note
        )
        typ = "Constituency" if role == "constituency" else "PoliticalParty"
        out.append(r.claim(cand, prop, Mention(cell.text, typ), cell, why))
        if role == "constituency" and e.by_election:
            out.append(r.claim(e.mention, prop, Mention(cell.text, typ), cell, why))
    return out
