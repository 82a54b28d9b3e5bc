"""A reader of QuickStatements V1 commands (tab-separated), to check the export against the graph.

It accepts what the V1 format defines and refuses anything else with the line number:

- ``CREATE`` on a line of its own makes a new item, which ``LAST`` then names;
- ``ITEM Lxx "text"``, ``Axx "text"``, ``Dxx "text"``: label, alias, description in language xx;
- ``ITEM Pnn VALUE [Pnn VALUE]... [Snn VALUE]...``: a statement with qualifiers (P) and one
  reference (S); lines repeating a statement add qualifiers and another reference to it, as
  QuickStatements does;
- values: ``Qnn`` or ``LAST``; ``"string"``; ``xx:"monolingual text"``;
  ``+YYYY-MM-DDThh:mm:ssZ/p`` (a time with its precision); a number, with an optional ``~tolerance``
  and ``Unn`` unit (a quantity). A quoted value is the whole field from its first to its last
  double quote (the format has no escapes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ITEM = re.compile(r"^Q[1-9][0-9]*$")
_PROP = re.compile(r"^[PS][1-9][0-9]*$")
_TIME = re.compile(r"^([+-]\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)/(\d{1,2})$")
_QUANTITY = re.compile(r"^([+-]?\d+(?:\.\d+)?)(?:~(\d+(?:\.\d+)?))?(?:U([1-9][0-9]*))?$")
_MONO = re.compile(r'^([a-z][a-z0-9-]*):"(.*)"$', re.DOTALL)
_STRING = re.compile(r'^"(.*)"$', re.DOTALL)
_TERM = re.compile(r"^([LAD])([a-z][a-z0-9-]*)$")


class ParseError(ValueError):
    pass


@dataclass(frozen=True)
class Value:
    kind: str  # item | string | monolingualtext | time | quantity
    text: str  # Q-id ("LAST" resolved to the item's key), string, time, amount
    lang: str = ""
    precision: int = 0


@dataclass
class Statement:
    pid: str
    value: Value
    qualifiers: list[tuple[str, Value]] = field(default_factory=list)
    references: list[list[tuple[str, Value]]] = field(default_factory=list)

    def qualifier(self, pid: str) -> list[Value]:
        return [v for p, v in self.qualifiers if p == pid]


@dataclass
class Item:
    key: str  # the Q-id, or "new:N" for the N-th CREATE
    created: bool
    labels: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    descriptions: dict[str, str] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)

    def claims(self, pid: str) -> list[Statement]:
        return [s for s in self.statements if s.pid == pid]


def parse_value(text: str, last: str | None, where: str) -> Value:
    if text == "LAST":
        if last is None:
            raise ParseError(f"{where}: LAST before any CREATE")
        return Value("item", last)
    if _ITEM.match(text):
        return Value("item", text)
    m = _TIME.match(text)
    if m:
        precision = int(m.group(2))
        if not 0 <= precision <= 14:
            raise ParseError(f"{where}: time precision {precision} out of range")
        return Value("time", m.group(1), precision=precision)
    m = _MONO.match(text)
    if m:
        return Value("monolingualtext", m.group(2), lang=m.group(1))
    m = _STRING.match(text)
    if m:
        return Value("string", m.group(1))
    m = _QUANTITY.match(text)
    if m:
        return Value("quantity", m.group(1))
    raise ParseError(f"{where}: not a QuickStatements value: {text!r}")


def parse(text: str) -> list[Item]:
    """The items of a QuickStatements V1 batch, in the order they first appear."""
    items: dict[str, Item] = {}
    last: str | None = None
    created = 0
    for n, line in enumerate(text.split("\n"), start=1):
        where = f"line {n}"
        if not line.strip():
            continue
        fields = line.split("\t")
        if fields == ["CREATE"]:
            created += 1
            last = f"new:{created}"
            items[last] = Item(last, True)
            continue
        if len(fields) < 3:
            raise ParseError(f"{where}: expected ITEM, PROPERTY and VALUE: {line!r}")
        item = _subject(fields[0], items, last, where)
        m = _TERM.match(fields[1])
        if m:
            _add_term(item, m, fields, where)
        else:
            _add_statement(item, fields, last, where)
    return list(items.values())


def _subject(subject: str, items: dict[str, Item], last: str | None, where: str) -> Item:
    """The item a line is about: LAST (the latest CREATE) or a Q-id, met here for the first time
    or again."""
    if subject == "LAST":
        if last is None:
            raise ParseError(f"{where}: LAST before any CREATE")
        key = last
    elif _ITEM.match(subject):
        key = subject
        items.setdefault(key, Item(key, False))
    else:
        raise ParseError(f"{where}: not an item: {subject!r}")
    return items[key]


def _add_term(item: Item, m: re.Match[str], fields: list[str], where: str) -> None:
    """A label (L), alias (A) or description (D) line; ``m`` is the match of its ``_TERM``."""
    if len(fields) != 3:
        raise ParseError(f"{where}: a label, alias or description takes one value")
    value = _STRING.match(fields[2])
    if not value:
        raise ParseError(f"{where}: expected a quoted string: {fields[2]!r}")
    kind, lang, text_ = m.group(1), m.group(2), value.group(1)
    if kind == "L":
        item.labels[lang] = text_
    elif kind == "A":
        item.aliases.setdefault(lang, []).append(text_)
    else:
        item.descriptions[lang] = text_


def _add_statement(item: Item, fields: list[str], last: str | None, where: str) -> None:
    """A statement line: added to the item, or merged into the same statement given before."""
    if not re.match(r"^P[1-9][0-9]*$", fields[1]):
        raise ParseError(f"{where}: not a property: {fields[1]!r}")
    value = parse_value(fields[2], last, where)
    quals, sources = _qualifiers_and_sources(fields[3:], last, where)
    st = next((s for s in item.statements if s.pid == fields[1] and s.value == value), None)
    if st is None:
        st = Statement(fields[1], value)
        item.statements.append(st)
    st.qualifiers.extend(q for q in quals if q not in st.qualifiers)
    if sources and sources not in st.references:
        st.references.append(sources)


def _qualifiers_and_sources(
    rest: list[str], last: str | None, where: str
) -> tuple[list[tuple[str, Value]], list[tuple[str, Value]]]:
    """The (Pnn, value) pairs after a statement's value: qualifiers (P) and its source (S)."""
    if len(rest) % 2:
        raise ParseError(f"{where}: qualifiers and sources come in pairs")
    quals: list[tuple[str, Value]] = []
    sources: list[tuple[str, Value]] = []
    for i in range(0, len(rest), 2):
        prop = rest[i]
        if not _PROP.match(prop):
            raise ParseError(f"{where}: not a qualifier or source property: {prop!r}")
        v = parse_value(rest[i + 1], last, where)
        (sources if prop.startswith("S") else quals).append(("P" + prop[1:], v))
    return quals, sources
