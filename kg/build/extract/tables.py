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

from kg.build.extract.encyclopedia import Document, Table
from kg.build.extract.values import parse_decimal, parse_int
from kg.model import Claim, Lit, Mention, Method, Node, Problem, Span, Term, Text, Value
from kg.build.nodes import key_claims, make_node

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


def extract_tables(
    source: str, doc: Document, subject: Mention
) -> tuple[list[Claim], list[Problem]]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    for table in doc.tables:
        if not is_electoral_table(table):
            continue
        legislature = _legislature(table.path)
        roles = [HEADERS.get(h.text.strip().lower()) for h in table.header]
        previous: dict[str, Text] = {}
        for cells, line in zip(table.rows, table.row_lines, strict=True):
            row, repaired = realign(roles, cells)
            where = f"{source}@{line.start}"
            carried: set[str] = set()
            if repaired:
                for role in ("constituency", "party"):
                    if role not in row and role in previous:
                        row[role] = previous[role]
                        carried.add(role)
                problems.append(
                    Problem(
                        "extract",
                        "table row with shifted columns realigned by cell type"
                        + (
                            f"; {', '.join(sorted(carried))} taken from the row above"
                            if carried
                            else ""
                        ),
                        where,
                    )
                )
            year = row.get("year")
            m = _YEAR.match(year.text) if year else None
            if m is None:
                problems.append(Problem("extract", "table row without a year; skipped", where))
                continue
            meaning = table.footnotes.get(m.group("mark"), "") if m.group("mark") else ""
            by_election = "by-election" in meaning.lower() or "bypoll" in meaning.lower()
            constituency = row.get("constituency")
            if by_election and constituency is not None:
                election = Mention(f"{m.group('y')} {constituency.text} by-election", "ByElection")
            elif legislature:
                election = Mention(f"{m.group('y')} {legislature} election", "GeneralElection")
            else:
                problems.append(
                    Problem("extract", "cannot tell which election a row is for; skipped", where)
                )
                continue
            row_span = Span(source, line.start, line.end, line.text)
            note = "row realigned: its columns were shifted" if repaired else None
            cand = make_node("candidacy", election, subject)
            claims.extend(
                Claim(c.subject, c.predicate, c.object, c.evidence, c.method, c.rule, note=note)
                for c in key_claims(cand, row_span, Method.TABLE, RULE)
            )

            def add(
                s: Node | Mention, prop: str, value: Value, cell: Text, why: str | None = note
            ) -> None:
                ev = Span(source, cell.start, cell.end, cell.text)
                claims.append(Claim(s, prop, value, ev, Method.TABLE, f"{RULE}:{prop}", note=why))

            # the election itself: its type, year and legislature, as the row and heading give them
            claims.append(
                Claim(
                    election,
                    "rdf:type",
                    Term("kgo:ByElection" if by_election else "kgo:GeneralElection"),
                    row_span,
                    Method.TABLE,
                    RULE,
                )
            )
            add(election, "kgo:year", Lit(m.group("y"), "gYear"), year)  # type: ignore[arg-type]
            if legislature:
                claims.append(
                    Claim(
                        election,
                        "kgo:legislature",
                        Mention(legislature, "Legislature"),
                        row_span,
                        Method.TABLE,
                        RULE,
                    )
                )
            for role, prop in (("constituency", "kgo:constituency"), ("party", "kgo:party")):
                cell = row.get(role)
                if cell is None:
                    continue
                why = (
                    f"{role} taken from the row above: this row's columns were shifted"
                    if role in carried
                    else note
                )
                typ = "Constituency" if role == "constituency" else "PoliticalParty"
                add(cand, prop, Mention(cell.text, typ), cell, why)
                if role == "constituency" and by_election:
                    add(election, prop, Mention(cell.text, typ), cell, why)
            for role, prop, parse, datatype in NUMBERS:
                if role in row:
                    add(cand, prop, Lit(str(parse(row[role].text)), datatype), row[role])
            if "result" in row:
                add(cand, "kgo:outcome", Term(OUTCOMES[row["result"].text.lower()]), row["result"])
            previous = {**previous, **{k: v for k, v in row.items() if k not in carried}}
            for k in carried:
                previous.setdefault(k, row[k])
    return claims, problems
