"""Electoral-history tables of encyclopedia-format articles -> candidacy claims.

Columns are found by the words of the header row (:mod:`kg.build.extract.table_columns`). A row
whose cells do not fit their columns (a vote count in the Constituency column, as when a merged
cell has been lost and the values slid left) is realigned: each non-empty cell goes to the next
column whose type accepts it, and a column left empty takes the value of the row above, the usual
reading of a merged cell. Each repair is recorded as a note on the claims it affects and as a
problem in the build report.

A row's election is named as the gold convention names it: "2019 Jharkhand Legislative Assembly
election", "2019 Indian general election", "2001 Ramgarh by-election", "2002 Dumka Lok Sabha
by-election". The house comes from the row's house cell, else from the section heading; an
assembly named without its state ("Assembly") is the one the article names most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from kg.build.extract.encyclopedia import Document, Table
from kg.build.extract.table_columns import (
    ACCEPTS,
    BY_ELECTION,
    House,
    YearCell,
    blank,
    column_roles,
    house_of,
    houses_named,
    is_electoral,
    leading_int,
    outcome,
    read_year,
    seat_name,
    share,
    states_named,
)
from kg.build.nodes import key_claims, make_node
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Term, Text, Value

RULE = "table:electoral-history"

# numeric columns: role, property, reader, XSD type
NUMBERS: tuple[tuple[str, str, Callable[[str], object], str], ...] = (
    ("votes", "kgo:votes", leading_int, "integer"),
    ("share", "kgo:voteShare", share, "decimal"),
    ("margin", "kgo:margin", leading_int, "integer"),
)
# named columns: role, property, class hint
NAMES = (
    ("constituency", "kgo:constituency", "Constituency"),
    ("party", "kgo:party", "PoliticalParty"),
    ("opponent", "kgo:opponent", "Person"),
)


def is_electoral_table(table: Table) -> bool:
    return is_electoral(column_roles(table.header, table.rows))


def realign(roles: list[str | None], cells: tuple[Text, ...]) -> tuple[dict[str, Text], bool]:
    """Map column role -> cell ("—" and the like count as empty). Returns (mapping, repaired?)."""
    direct = {r: c for r, c in zip(roles, cells, strict=False) if r and not blank(c.text)}
    if all(ACCEPTS[r](c.text) for r, c in direct.items()):
        return direct, False
    out: dict[str, Text] = {}
    col = 0
    for cell in (c for c in cells if not blank(c.text)):
        while col < len(roles) and not _fits(roles[col], cell):
            col += 1
        role = roles[col] if col < len(roles) else None
        if role is None:
            break
        out[role] = cell
        col += 1
    return out, True


def _fits(role: str | None, cell: Text) -> bool:
    return role is not None and ACCEPTS[role](cell.text)


@dataclass(frozen=True)
class _Context:
    """What a table's rows share: the house its heading names and the article's state."""

    source: str
    subject: Mention
    heading: House | None
    state: str | None
    footnotes: dict[str, str]
    seat_house: Callable[[str], str | None] = lambda _name: None  # "assembly" | "lok-sabha"


@dataclass(frozen=True)
class _Election:
    """Which election a row is for, as its year cell, house cell, notes and heading say."""

    mention: Mention
    by_election: bool
    year: str
    year_cell: Text
    legislature: str | None


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
    source: str,
    doc: Document,
    subject: Mention,
    seat_house: Callable[[str], str | None] = lambda _name: None,
) -> tuple[list[Claim], list[Problem]]:
    """The candidacies of ``subject`` in the electoral tables of ``doc``. ``seat_house`` says
    which house a seat's name is a seat of when only one ("assembly" or "lok-sabha"): the house
    of a row that neither its cells nor the headings name."""
    claims: list[Claim] = []
    problems: list[Problem] = []
    state = _article_state(doc)
    for table in doc.tables:
        roles = column_roles(table.header, table.rows)
        if is_electoral(roles):
            heading = _heading_house(table.path)
            ctx = _Context(source, subject, heading, state, table.footnotes, seat_house)
            _table(ctx, table, roles, claims, problems)
    return claims, problems


def _article_state(doc: Document) -> str | None:
    """The state whose assembly the article names most (infobox, headings, text)."""
    texts = [f.value.text for f in doc.infobox]
    texts += [s.title.text for s in doc.sections] + [s.body.text for s in doc.sections]
    if doc.lead is not None:
        texts.append(doc.lead.text)
    counts = Counter(state for t in texts for state in states_named(t))
    return counts.most_common(1)[0][0] if counts else None


def _heading_house(path: tuple[str, ...]) -> House | None:
    """The house the nearest heading naming one names; a heading naming two decides nothing."""
    for title in reversed(path):
        houses = houses_named(title)
        if len(houses) == 1:
            return next(iter(houses))
        if houses:
            return None
    return None


def _table(
    ctx: _Context,
    table: Table,
    roles: list[str | None],
    claims: list[Claim],
    problems: list[Problem],
) -> None:
    """The claims of one electoral-history table, row by row."""
    previous: dict[str, Text] = {}
    for cells, line in zip(table.rows, table.row_lines, strict=True):
        row, repaired = realign(roles, cells)
        where = f"{ctx.source}@{line.start}"
        carried: set[str] = set()
        if repaired:
            carried = _carry_over(row, previous)
            problems.append(_realigned(carried, where))
        election = _election_of(row, ctx)
        if isinstance(election, str):
            problems.append(Problem("extract", election, where))
            continue
        note = "row realigned: its columns were shifted" if repaired else None
        r = _Row(ctx.source, line, row, carried, note)
        claims.extend(_row_claims(r, election, ctx.subject))
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


def _is_by_election(row: dict[str, Text], year: YearCell, footnotes: dict[str, str]) -> bool:
    """A by-election, as the year's footnote, a note after the year or the house cell says."""
    notes = [footnotes.get(year.mark, "") if year.mark else "", year.rest]
    notes += [row[k].text for k in ("house", "result") if k in row]
    return any(BY_ELECTION.search(n) for n in notes)


def _house(row: dict[str, Text], year: YearCell, ctx: _Context) -> House | None:
    """The row's house (its cell, else words after the year, else the heading), with its state."""
    cell, seat = row.get("house"), row.get("constituency")
    house = (
        (house_of(cell.text) if cell else None)
        or house_of(year.rest)
        or (house_of(seat.text) if seat else None)  # "Giridih (Lok Sabha)"
        or ctx.heading
        or (_seat_house(ctx, seat.text) if seat else None)
    )
    if house is not None and house.kind == "assembly" and house.state is None:
        state = ctx.heading.state if ctx.heading is not None else None
        return House("assembly", state or ctx.state)
    return house


def _seat_house(ctx: _Context, seat: str) -> House | None:
    kind = ctx.seat_house(seat_name(seat))
    return House(kind) if kind is not None else None


def _election_of(row: dict[str, Text], ctx: _Context) -> _Election | str:
    """The election of a row, or why the row is skipped."""
    cell = row.get("year")
    year = read_year(cell.text) if cell is not None else None
    if cell is None or year is None:
        return "table row without a year; skipped"
    house = _house(row, year, ctx)
    if house is None:
        return "cannot tell which house a row's election is for; skipped"
    by_election = _is_by_election(row, year, ctx.footnotes)
    constituency = row.get("constituency")
    y = year.year
    if house.kind == "assembly" and house.state == "Jharkhand" and int(y) <= 2000:
        house = House("assembly", "Bihar")  # Jharkhand was carved out of Bihar in November 2000
    if by_election:
        if constituency is None:
            return "by-election row without a constituency; skipped"
        lok = " Lok Sabha" if house.kind == "lok-sabha" else ""
        mention = Mention(f"{y} {constituency.text}{lok} by-election", "ByElection")
    elif house.kind == "lok-sabha":
        mention = Mention(f"{y} Indian general election", "GeneralElection")
    elif house.label is not None:
        mention = Mention(f"{y} {house.label} election", "GeneralElection")
    else:
        return "cannot tell which state's assembly a row is for; skipped"
    return _Election(mention, by_election, y, cell, house.label)


def _row_claims(r: _Row, e: _Election, subject: Mention) -> list[Claim]:
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
    if e.legislature:
        leg = Mention(e.legislature, "Legislature")
        out.append(Claim(e.mention, "kgo:legislature", leg, r.span, Method.TABLE, RULE))
    out.extend(_named_cells(r, e, cand))
    for role, prop, read, datatype in NUMBERS:
        value = read(r.cells[role].text) if role in r.cells else None
        if value is not None:
            cell = r.cells[role]
            out.append(r.claim(cand, prop, Lit(str(value), datatype), cell, r.note))
    result = outcome(r.cells["result"].text) if "result" in r.cells else None
    if result is not None:
        out.append(r.claim(cand, "kgo:outcome", Term(result), r.cells["result"], r.note))
    return out


def _named_cells(r: _Row, e: _Election, cand: Node) -> list[Claim]:
    """The row's constituency, party and opponent; a by-election's constituency is its own too."""
    out: list[Claim] = []
    for role, prop, typ in NAMES:
        cell = r.cells.get(role)
        if cell is None:
            continue
        why = (
            f"{role} taken from the row above: this row's columns were shifted"
            if role in r.carried
            else r.note
        )
        name = seat_name(cell.text) if role == "constituency" else cell.text
        out.append(r.claim(cand, prop, Mention(name, typ), cell, why))
        if role == "constituency" and e.by_election:
            out.append(r.claim(e.mention, prop, Mention(name, typ), cell, why))
    return out
