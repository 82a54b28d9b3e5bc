"""A MediaWiki table (``{| … |}``) read into cells that keep their offsets in the article.

The markup::

    {| class="wikitable"
    |+ caption                      (skipped)
    ! Year !! Constituency !! Votes (header cells; also one "! cell" per line)
    |-                              (a new row)
    | 2019 || [[Dumri]] || 71,128   (data cells; also one "| cell" per line)
    |}

A cell's attributes (``style="…" | 2019``) are dropped by narrowing the cell to the text after
them; links and bold are blanked before (:mod:`kg.build.extract.wikitext`), so a cell
``[[Dumri Assembly constituency|Dumri]]`` reads "Dumri" and can still be quoted back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Text

_ATTRIBUTE = re.compile(r"^[^|\[\]{}]*=\s*\"[^\"]*\"[^|]*\|(?!\|)")


@dataclass(frozen=True)
class WikiTable:
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    row_lines: tuple[Text, ...]  # each row's lines, as one stretch of the article


def is_start(line: str) -> bool:
    return line.lstrip().startswith("{|")


def is_end(line: str) -> bool:
    return line.lstrip().startswith("|}")


def _trim(t: Text) -> Text:
    a, b = 0, len(t.text)
    while a < b and t.text[a].isspace():
        a += 1
    while b > a and t.text[b - 1].isspace():
        b -= 1
    return Text(t.start + a, t.start + b, t.text[a:b])


def _plain(t: Text) -> Text:
    """The cell without its attributes (links and quotes are blanked before, by
    :mod:`kg.build.extract.wikitext`)."""
    t = _trim(t)
    m = _ATTRIBUTE.match(t.text)
    if m:
        t = _trim(Text(t.start + m.end(), t.end, t.text[m.end() :]))
    return t


def _split(line: Text, mark: str) -> list[Text]:
    """The cells of one "| a || b" or "! a !! b" line (``mark`` is "|" or "!")."""
    body = line.text.lstrip()
    offset = len(line.text) - len(body) + 1  # after the leading mark
    rest = body[1:]
    seps = [re.escape(mark * 2)] + (["\\|\\|"] if mark == "!" else [])
    cells, pos = [], 0
    for m in re.finditer("|".join(seps), rest):
        cells.append(
            Text(line.start + offset + pos, line.start + offset + m.start(), rest[pos : m.start()])
        )
        pos = m.end()
    cells.append(Text(line.start + offset + pos, line.start + offset + len(rest), rest[pos:]))
    return [_plain(c) for c in cells]


class _Rows:
    """The header and the rows of a table as its lines are read."""

    def __init__(self) -> None:
        self.header: list[Text] = []
        self.rows: list[tuple[list[Text], list[Text]]] = []  # (cells, lines) of each row
        self.cells: list[Text] = []
        self.lines: list[Text] = []

    def close(self) -> None:
        if self.cells:
            self.rows.append((self.cells, self.lines))
        self.cells, self.lines = [], []

    def line(self, ln: Text) -> None:
        s = ln.text.strip()
        if s.startswith("|-"):
            self.close()
        elif s.startswith("|+") or not s:
            return
        elif s.startswith("!") and not self.rows and not self.cells:
            self.header += _split(ln, "!")  # header cells, before any row
        elif s[:1] in ("!", "|"):
            self.cells += _split(ln, s[0])
            self.lines.append(ln)


def read_wikitable(lines: list[Text], text: str) -> WikiTable | None:
    """The table of ``lines`` (from the "{|" line to the "|}" line); None without a header and a
    row. Without header cells, the first row is the header."""
    t = _Rows()
    for ln in lines[1:]:
        if is_end(ln.text):
            break
        t.line(ln)
    t.close()
    if not t.header and t.rows:
        t.header = t.rows.pop(0)[0]
    if not t.header or not t.rows:
        return None
    return WikiTable(
        header=tuple(t.header),
        rows=tuple(tuple(c) for c, _ in t.rows),
        row_lines=tuple(
            Text(ls[0].start, ls[-1].end, text[ls[0].start : ls[-1].end]) for _, ls in t.rows
        ),
    )
