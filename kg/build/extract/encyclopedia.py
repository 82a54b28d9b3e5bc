"""Structure of an encyclopedia-format article: title, infobox, sections and tables.

The format::

    = Title =
    <optional display name line>
    - Key: Value            (infobox lines; also "* Key: Value", "| key = value", and a bare
    - Office title           "- Text" line, read as a key without a value)
    <prose>
    ==Section==  / === Subsection ===
    | head | head |          (table rows; markdown separator rows "|---|" are dropped)
    {| … |}                 (a MediaWiki table, read by :mod:`kg.build.extract.wikitable`)
    ^footnote               (a line starting with a footnote mark, after a table)

Lines may be indented.
Everything is kept as character offsets into the original text, so any value can be quoted back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.build.extract.wikitable import is_end, is_start, read_wikitable
from kg.model import Text

_TITLE = re.compile(r"^=\s*(?P<t>[^=].*?)\s*=\s*$")
_SECTION = re.compile(r"^(?P<eq>={2,6})\s*(?P<t>.*?)\s*(?P=eq)\s*$")
_INFOBOX = re.compile(r"^\s*[-*•]\s+(?P<k>[^:]*?[^:\s])\s*:\s*(?P<v>.*?)\s*$")
_TEMPLATE = re.compile(r"^\s*\|\s*(?P<k>[A-Za-z][\w ]*?)\s*=\s*(?P<v>.*?)\s*$")
_BARE = re.compile(r"^\s*[-*•]\s+(?P<k>\S.*?)\s*$")
_FOOTNOTE = re.compile(r"^\s*(?P<mark>[\^*†‡#]+|\[\w{1,3}\])\s*(?P<t>\S.*?)\s*$")
_SEPARATOR = re.compile(r"^:?-{2,}:?$")


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


class _Parser:
    """The state of one pass over the lines of an article; :meth:`parse` runs it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        self.title: Text | None = None
        self.display: Text | None = None
        self.infobox: list[InfoboxField] = []
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.path: list[tuple[int, str]] = []  # (level, title) of the open sections
        self.lead_lines: list[Text] = []
        self.body_lines: list[Text] = []
        self.current: tuple[int, Text, tuple[str, ...]] | None = None  # the open section
        self.table_rows: list[Text] = []

    def parse(self) -> Document:
        i = 0
        while i < len(self.lines):
            i = self._step(i)
        self._close_table([])
        self._close_section()
        return Document(
            title=self.title,
            display_name=self.display,
            infobox=tuple(self.infobox),
            lead=_block(self.lead_lines, self.text),
            sections=tuple(self.sections),
            tables=tuple(self.tables),
        )

    def _step(self, i: int) -> int:
        """Read the line at ``i``; returns the index of the next line to read."""
        ln = self.lines[i]
        s = ln.text.strip()
        m_sec = _SECTION.match(s)
        if self.title is None and not m_sec and _TITLE.match(s):
            self._title(ln)
        elif m_sec:
            self._open_section(ln, len(m_sec.group("eq")))
        elif is_start(s):
            return self._wikitable(i)
        elif s.startswith("|") and s.endswith("|"):
            self.table_rows.append(ln)
            self.body_lines.append(ln)
        elif self.table_rows:
            return self._end_table(i)
        elif self.current is None:
            self._front(ln, s)
        else:
            self.body_lines.append(ln)
        return i + 1

    def _wikitable(self, i: int) -> int:
        """A "{| … |}" table from line ``i``; returns the line after it."""
        self._close_table([])
        j = i
        while j < len(self.lines) and (j == i or not is_end(self.lines[j].text)):
            j += 1
        block = self.lines[i : j + 1]
        if self.current is not None:
            self.body_lines += block
        t = read_wikitable(block, self.text)
        if t is not None:
            path = tuple(p for _, p in self.path)
            self.tables.append(Table(path, t.header, t.rows, t.row_lines, {}))
        return j + 1

    def _title(self, ln: Text) -> None:
        indent = len(ln.text) - len(ln.text.lstrip())
        m = _TITLE.match(ln.text.strip())
        if m:
            self.title = _sub(ln, indent + m.start("t"), indent + m.end("t"))

    def _open_section(self, ln: Text, level: int) -> None:
        self._close_table([])
        self._close_section()
        while self.path and self.path[-1][0] >= level:
            self.path.pop()
        indent = len(ln.text) - len(ln.text.lstrip())
        m = _SECTION.match(ln.text.strip())
        assert m is not None
        t = _sub(ln, indent + m.start("t"), indent + m.end("t"))
        self.path.append((level, t.text))
        self.current = (level, t, tuple(p for _, p in self.path))

    def _end_table(self, i: int) -> int:
        """Close the table with the footnote lines from ``i`` on; returns the line after them."""
        notes = []
        j = i
        while j < len(self.lines) and not self.lines[j].text.strip():
            j += 1  # blank lines between a table and its footnotes
        if j < len(self.lines) and _FOOTNOTE.match(self.lines[j].text):
            i = j
        while i < len(self.lines) and _FOOTNOTE.match(self.lines[i].text):
            notes.append(self.lines[i])
            self.body_lines.append(self.lines[i])
            i += 1
        self._close_table(notes)
        return i

    def _front(self, ln: Text, s: str) -> None:
        """A line before the first section: an infobox field, the display name or the lead."""
        f = _infobox_field(ln)
        if f is not None:
            self.infobox.append(f)
        elif s.startswith("{{") or s == "}}":
            pass  # the frame of a "{{Infobox ...}}" template
        elif self.title is not None and not self.infobox and self.display is None and s:
            self.display = _sub(ln, len(ln.text) - len(ln.text.lstrip()), len(ln.text.rstrip()))
        elif self.infobox or self.display is not None:
            self.lead_lines.append(ln)

    def _close_section(self) -> None:
        if self.current is not None:
            level, t, p = self.current
            body = _block(self.body_lines, self.text) or Text(t.end, t.end, "")
            self.sections.append(Section(level, t, p, body))
        self.body_lines = []

    def _close_table(self, footnote_lines: list[Text]) -> None:
        if len(self.table_rows) >= 2:
            notes = {}
            for fl in footnote_lines:
                m = _FOOTNOTE.match(fl.text)
                if m:
                    notes[m.group("mark")] = m.group("t").strip()
            kept = [r for r in self.table_rows if not _is_separator(_cells(r))]
            if len(kept) >= 2:
                self.tables.append(
                    Table(
                        path=tuple(p for _, p in self.path),
                        header=_cells(kept[0]),
                        rows=tuple(_cells(r) for r in kept[1:]),
                        row_lines=tuple(kept[1:]),
                        footnotes=notes,
                    )
                )
        self.table_rows = []


def _is_separator(cells: tuple[Text, ...]) -> bool:
    """A markdown table's '|---|:---:|' line."""
    return bool(cells) and all(_SEPARATOR.match(c.text) for c in cells)


def _infobox_field(ln: Text) -> InfoboxField | None:
    """'- Key: Value', '| key = value' or a bare '- Text' line (its value is empty)."""
    m = _INFOBOX.match(ln.text) or _TEMPLATE.match(ln.text)
    if m:
        return InfoboxField(
            key=_sub(ln, m.start("k"), m.end("k")),
            value=_sub(ln, m.start("v"), m.end("v")),
            line=_sub(ln, m.start("k"), m.end("v")),
        )
    m = _BARE.match(ln.text)
    if m:
        key = _sub(ln, m.start("k"), m.end("k"))
        return InfoboxField(key=key, value=Text(key.end, key.end, ""), line=key)
    return None


_BOLD = re.compile(r"'''(?P<t>[^'\n]{2,80}?)'''")


def subject_name(doc: Document, text: str) -> tuple[Text, str] | None:
    """Who the article is about, and where that was read: the '= Title =' line, else the
    infobox's name, else the first name in bold (as wikitext marks the subject in its first
    sentence)."""
    if doc.title is not None:
        return doc.title, "title"
    name = next((f.value for f in doc.infobox if f.key.text.strip().lower() == "name"), None)
    if name is not None and name.text:
        return name, "the infobox's name"
    m = _BOLD.search(text)
    if m is not None:
        return Text(m.start("t"), m.end("t"), m.group("t")), "the first name in bold"
    return None


def parse_document(text: str) -> Document:
    """Parse ``text`` into its parts. Pure; never raises on odd input, it just finds less."""
    return _Parser(text).parse()
