"""The files of ``data/reference/`` read into the records of :mod:`kg.build.reference.model`,
every value checked.

A file holds lists, each named by its key as :mod:`kg.build.gazetteer` reads them (``lok`` Lok
Sabha seats, ``constituenc`` or ``assembly`` Assembly seats, ``district`` districts, ``place``
divisions and regions, ``part`` parties, ``allian`` alliances), beside a ``title`` and the
``sources`` it was compiled from. Every record keeps the file it came from, so the graph can say
which dataset each entity was derived from. A wrong value is a :class:`GazetteerError` of one line
naming the file and the entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from kg.build.gazetteer import GazetteerError, read_reference_file
from kg.build.reference.model import (
    RESERVATIONS,
    Alliance,
    Dataset,
    District,
    LineUp,
    LokSabhaSeat,
    Member,
    Party,
    PublicSource,
    Reference,
    Region,
    Seat,
)
from kg.build.sources import URL

_LINEUP = re.compile(r"^(?P<house>lok_sabha|assembly)_(?P<year>(?:19|20)\d\d)$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
T = TypeVar("T")


class _Entry:
    """One mapping of a file, with checked getters whose errors name the file and the entry."""

    def __init__(self, path: Path, where: str, value: Any) -> None:
        self.path, self.where = path, where
        if not isinstance(value, dict):
            self.fail(f"expected a mapping, got {value!r}")
        self.value: dict[str, Any] = value

    def fail(self, message: str) -> NoReturn:
        raise GazetteerError(f"{self.path}: {self.where}: {message}")

    def text(self, key: str, optional: bool = False) -> str:
        v = self.value.get(key)
        if v is None and optional:
            return ""
        if not isinstance(v, str) or not v.strip():
            self.fail(f"{key} must be a non-empty text, got {v!r}")
        return " ".join(str(v).split())

    def number(self, key: str, least: int) -> int:
        v = self.value.get(key)
        if not isinstance(v, int) or isinstance(v, bool) or v < least:
            self.fail(f"{key} must be a whole number of {least} or more, got {v!r}")
        return v

    def maybe_number(self, key: str, least: int) -> int | None:
        return None if self.value.get(key) is None else self.number(key, least)

    def texts(self, key: str) -> tuple[str, ...]:
        v = self.value.get(key)
        if v is None:
            return ()
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.fail(f"{key} must be a list of texts, got {v!r}")
        return tuple(" ".join(x.split()) for x in v)

    def date(self, key: str) -> str:
        v = self.text(key)
        try:
            return dt.date.fromisoformat(v).isoformat()
        except ValueError:
            self.fail(f"{key} must be a date YYYY-MM-DD, got {v!r}")

    def reservation(self) -> str:
        v = self.value.get("reservation")
        if v not in RESERVATIONS:
            self.fail(f"reservation must be one of {', '.join(RESERVATIONS)}, got {v!r}")
        return str(v)


def _urls(texts: Iterable[str]) -> tuple[str, ...]:
    """The web addresses the source notes of an entry start with ("https://… (what it says)");
    a note that names its page without an address gives none."""
    firsts = (t.split()[0] for t in texts if t.split())
    return tuple(u for u in firsts if URL.match(u))


def _entries(path: Path, key: str, value: Any) -> list[_Entry]:
    if not isinstance(value, list):
        raise GazetteerError(f"{path}: {key} must be a list")
    out = []
    for n, v in enumerate(value, 1):
        label = v.get("name") if isinstance(v, dict) else None
        out.append(_Entry(path, f"{key} entry {n}" + (f" ({label})" if label else ""), v))
    return out


def _source(e: _Entry) -> PublicSource:
    sid = e.text("id")
    if not _ID.match(sid):
        e.fail(f"id must be lower-case words joined by '-', got {sid!r}")
    urls = e.texts("urls")
    for u in urls:
        if not URL.match(u):
            e.fail(f"urls must be http(s) addresses, got {u!r}")
    return PublicSource(sid, e.text("name"), e.date("read"), urls, e.text("note", True) or None)


def _seat(dataset: str, e: _Entry) -> Seat:
    return Seat(
        dataset,
        e.number("number", 1),
        e.text("name"),
        e.texts("variants"),
        e.text("district"),
        e.reservation(),
        e.text("lok_sabha"),
    )


def _lok_sabha(dataset: str, e: _Entry) -> LokSabhaSeat:
    return LokSabhaSeat(
        dataset, e.number("number", 1), e.text("name"), e.texts("variants"), e.reservation()
    )


def _district(dataset: str, e: _Entry) -> District:
    return District(dataset, e.text("name"), e.texts("variants"), e.text("division"))


def _region(dataset: str, e: _Entry) -> Region:
    return Region(dataset, e.text("name"), e.texts("variants"))


def _notes(e: _Entry, *keys: str) -> tuple[str, ...]:
    return tuple(n for k in keys if (n := e.text(k, optional=True)))


def _party(dataset: str, e: _Entry) -> Party:
    return Party(
        dataset,
        e.text("name"),
        e.texts("abbreviations"),
        e.maybe_number("founded", 1000),
        e.maybe_number("dissolved", 1000),
        _notes(e, "founded_note", "notes"),
        _urls(e.texts("sources")),
    )


def _lineup(e: _Entry, key: str, value: Any) -> LineUp:
    m = _LINEUP.match(str(key))
    if not m:
        e.fail(f"jharkhand: {key!r} must name a house and year, such as assembly_2024")
    block = _Entry(e.path, f"{e.where}, {key}", value)
    members = block.value.get("members")
    if not isinstance(members, list) or not members:
        block.fail("members must be a non-empty list of {party: NAME, seats: N}")
    out = []
    for n, item in enumerate(members, 1):
        member = _Entry(e.path, f"{block.where}, member {n}", item)
        out.append(Member(member.text("party"), member.maybe_number("seats", 0)))
    return LineUp(m["house"], int(m["year"]), tuple(out), _urls(block.texts("sources")))


def _alliance(dataset: str, e: _Entry) -> Alliance:
    jharkhand = e.value.get("jharkhand") or {}
    if not isinstance(jharkhand, dict):
        e.fail("jharkhand must map elections (such as assembly_2024) to their members")
    return Alliance(
        dataset,
        e.text("name"),
        e.texts("abbreviations"),
        tuple(_lineup(e, k, v) for k, v in jharkhand.items()),
        _notes(e, "notes"),
    )


def _kind(key: str) -> str | None:
    """Which list a key holds, by the same words the gazetteer reads it by."""
    k = key.lower()
    for word, kind in (
        ("lok", "lok_sabha"),
        ("district", "districts"),
        ("place", "regions"),
        ("constituenc", "seats"),
        ("assembly", "seats"),
        ("part", "parties"),
        ("allian", "alliances"),
    ):
        if word in k:
            return kind
    return None


def _dataset(path: Path, root: Path, doc: dict[str, Any]) -> Dataset:
    head = _Entry(path, "header", doc)
    raw = doc.get("sources")
    if not isinstance(raw, list) or not raw:
        head.fail("needs a `sources:` list naming the public sources (id, name, read, urls)")
    sources = tuple(_source(e) for e in _entries(path, "sources", raw))
    ids = [s.id for s in sources]
    if len(set(ids)) != len(ids):
        head.fail(f"source ids must differ, got {ids}")
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    return Dataset(path.stem, rel, head.text("title"), sources)


def read_file(path: Path, root: Path) -> Reference:
    """One file: its dataset description and its records."""
    doc = read_reference_file(path)
    dataset = _dataset(path, root, doc)
    lists: dict[str, list[_Entry]] = {}
    for key, value in doc.items():
        kind = _kind(str(key))
        if kind is not None:
            lists.setdefault(kind, []).extend(_entries(path, str(key), value))

    def each(kind: str, read: Callable[[str, _Entry], T]) -> tuple[T, ...]:
        return tuple(read(dataset.key, e) for e in lists.get(kind, ()))

    return Reference(
        (dataset,),
        each("seats", _seat),
        each("lok_sabha", _lok_sabha),
        each("districts", _district),
        each("regions", _region),
        each("parties", _party),
        each("alliances", _alliance),
    )
