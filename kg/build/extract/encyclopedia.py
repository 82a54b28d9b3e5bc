"""Structure of an encyclopedia-format article: title, infobox, sections and tables.

The format::

    = Title =
    <optional display name line>
    - Key: Value            (infobox lines)
    <prose>
    ==Section==  / === Subsection ===
    | head | head |          (table rows; the first row is the header)
    ^footnote               (a line starting with a footnote mark, after a table)

Everything is kept as character offsets into the original text, so any value can be quoted back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Text

_TITLE = re.compile(r"^=\s*(?P<t>[^=].*?)\s*=\s*$")
_SECTION = re.compile(r"^(?P<eq>={2,6})\s*(?P<t>.*?)\s*(?P=eq)\s*$")
_INFOBOX = re.compile(r"^-\s+(?P<k>[^:]+?)\s*:\s*(?P<v>.*?)\s*$")
_FOOTNOTE = re.compile(r"^(?P<mark>[\^*†‡#])(?P<t>\S.*?)\s*$")


@dataclass(frozen=True)
class InfoboxField:
    key: Text
    value: Text
    line: Text  # "Key: Value", without the leading "- "


@dataclass(frozen=True)
class Section:
    level: int  # 2 for ==…==, 3 for ===…===
    title: Text
    path: tuple[str, ...]  # titles of the enclosing sections and this one
    body: Text


@dataclass(frozen=True)
class Table:
    path: tuple[str, ...]  # section path the table sits in
    header: tuple[Text, ...]
    rows: tuple[tuple[Text, ...], ...]
    row_lines: tuple[Text, ...]
    footnotes: dict[str, str]  # mark -> meaning, e.g. "^" -> "by-election"


@dataclass(frozen=True)
class Document:
    title: Text | None
    display_name: Text | None
    infobox: tuple[InfoboxField, ...]
    lead: Text | None
    sections: tuple[Section, ...]
    tables: tuple[Table, ...]


def _lines(text: str) -> list[Text]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(Text(pos, pos + len(body), body))
        pos += len(raw)
    return out


def _sub(line: Text, start: int, end: int) -> Text:
    return Text(line.start + start, line.start + end, line.text[start:end])


def _cells(line: Text) -> tuple[Text, ...]:
    """Cells of a '| a | b |' row, each trimmed; an empty cell keeps its position."""
    cells = []
    bars = [i for i, c in enumerate(line.text) if c == "|"]
    for a, b in zip(bars, bars[1:], strict=False):
        s, e = a + 1, b
        while s < e and line.text[s] == " ":
            s += 1
        while e > s and line.text[e - 1] == " ":
            e -= 1
        cells.append(Text(line.start + s, line.start + e, line.text[s:e]))
    return tuple(cells)


def _block(lines: list[Text], text: str) -> Text | None:
    kept = [ln for ln in lines if ln.text.strip()]
    if not kept:
        return None
    return Text(kept[0].start, kept[-1].end, text[kept[0].start : kept[-1].end])


def parse_document(text: str) -> Document:
    """Parse ``text`` into its parts. Pure; never raises on odd input, it just finds less."""
    lines = _lines(text)
    title = display = None
    infobox: list[InfoboxField] = []
    sections: list[Section] = []
    tables: list[Table] = []
    path: list[tuple[int, str]] = []
    lead_lines: list[Text] = []
    body_lines: list[Text] = []
    current: tuple[int, Text, tuple[str, ...]] | None = None
    table_rows: list[Text] = []

    def close_section() -> None:
        nonlocal body_lines
        if current is not None:
            level, t, p = current
            body = _block(body_lines, text) or Text(t.end, t.end, "")
            sections.append(Section(level, t, p, body))
        body_lines = []

    def close_table(footnote_lines: list[Text]) -> None:
        nonlocal table_rows
        if len(table_rows) >= 2:
            notes = {}
            for fl in footnote_lines:
                m = _FOOTNOTE.match(fl.text)
                if m:
                    notes[m.group("mark")] = m.group("t").strip()
            tables.append(
                Table(
                    path=tuple(p for _, p in path),
                    header=_cells(table_rows[0]),
                    rows=tuple(_cells(r) for r in table_rows[1:]),
                    row_lines=tuple(table_rows[1:]),
                    footnotes=notes,
                )
            )
        table_rows = []

    i = 0
    while i < len(lines):
        ln = lines[i]
        s = ln.text.strip()
        m_sec = _SECTION.match(s)
        if title is None and not m_sec and _TITLE.match(s):
            m = _TITLE.match(ln.text)
            if m:
                title = _sub(ln, m.start("t"), m.end("t"))
            i += 1
            continue
        if m_sec:
            close_table([])
            close_section()
            level = len(m_sec.group("eq"))
            while path and path[-1][0] >= level:
                path.pop()
            m = _SECTION.match(ln.text)
            assert m is not None
            t = _sub(ln, m.start("t"), m.end("t"))
            path.append((level, t.text))
            current = (level, t, tuple(p for _, p in path))
            i += 1
            continue
        if s.startswith("|") and s.endswith("|"):
            table_rows.append(ln)
            body_lines.append(ln)
            i += 1
            continue
        if table_rows:
            notes = []
            while i < len(lines) and _FOOTNOTE.match(lines[i].text.strip()):
                notes.append(lines[i])
                body_lines.append(lines[i])
                i += 1
            close_table(notes)
            continue
        m_box = _INFOBOX.match(ln.text)
        if current is None and m_box:
            infobox.append(
                InfoboxField(
                    key=_sub(ln, m_box.start("k"), m_box.end("k")),
                    value=_sub(ln, m_box.start("v"), m_box.end("v")),
                    line=_sub(ln, m_box.start("k"), m_box.end("v")),
                )
            )
        elif current is None:
            if title is not None and not infobox and display is None and s:
                display = _sub(ln, len(ln.text) - len(ln.text.lstrip()), len(ln.text.rstrip()))
            elif infobox or display is not None:
                lead_lines.append(ln)
        else:
            body_lines.append(ln)
        i += 1
    close_table([])
    close_section()
    return Document(
        title=title,
        display_name=display,
        infobox=tuple(infobox),
        lead=_block(lead_lines, text),
        sections=tuple(sections),
        tables=tuple(tables),
    )
