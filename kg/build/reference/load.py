"""All of ``data/reference/``, read and checked as a whole: names and numbers given once, and
every seat's district and Lok Sabha seat, every district's division and every alliance member a
name the data defines. A missing folder is no reference data, not an error."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

from kg.build.gazetteer import GazetteerError
from kg.build.reference.model import District, Reference
from kg.build.reference.read import read_file


def _merge(parts: Iterable[Reference]) -> Reference:
    out = Reference()
    for part in parts:
        out = Reference(
            *(getattr(out, f.name) + getattr(part, f.name) for f in dataclasses.fields(Reference))
        )
    return out


def division_of(district: District, regions: Iterable[str]) -> str | None:
    """The region a district's ``division`` names: "Kolhan", or "Palamu" for "Palamu division"."""
    names = set(regions)
    for name in (district.division, f"{district.division} division"):
        if name in names:
            return name
    return None


def divisions(ref: Reference) -> set[str]:
    """The places some district names as its division: the administrative divisions."""
    regions = [r.name for r in ref.regions]
    return {name for d in ref.districts if (name := division_of(d, regions)) is not None}


class _Check:
    def __init__(self, ref: Reference) -> None:
        self.files = {d.key: d.file for d in ref.datasets}

    def fail(self, dataset: str, message: str) -> None:
        raise GazetteerError(f"{self.files.get(dataset, dataset)}: {message}")

    def once(self, what: str, items: Iterable[tuple[str, object]]) -> None:
        seen: set[object] = set()
        for dataset, value in items:
            if value in seen:
                self.fail(dataset, f"{what} {value!r} is given twice")
            seen.add(value)


def check(ref: Reference) -> None:
    """Raise a :class:`GazetteerError` naming the file of the first entry that does not fit."""
    c = _Check(ref)
    c.once("Assembly constituency", ((s.dataset, s.name) for s in ref.seats))
    c.once("Assembly constituency number", ((s.dataset, s.number) for s in ref.seats))
    c.once("Lok Sabha constituency", ((s.dataset, s.name) for s in ref.lok_sabha))
    c.once("Lok Sabha constituency number", ((s.dataset, s.number) for s in ref.lok_sabha))
    c.once("district", ((d.dataset, d.name) for d in ref.districts))
    c.once("place", ((r.dataset, r.name) for r in ref.regions))
    c.once("party", ((p.dataset, p.name) for p in ref.parties))
    c.once("alliance", ((a.dataset, a.name) for a in ref.alliances))
    districts = {d.name for d in ref.districts}
    houses = {s.name for s in ref.lok_sabha}
    for s in ref.seats:
        if s.district not in districts:
            c.fail(s.dataset, f"{s.name}: district {s.district!r} is not one of the districts")
        if s.lok_sabha not in houses:
            c.fail(s.dataset, f"{s.name}: lok_sabha {s.lok_sabha!r} is not a Lok Sabha seat")
    regions = [r.name for r in ref.regions]
    for d in ref.districts:
        if division_of(d, regions) is None:
            c.fail(d.dataset, f"{d.name}: division {d.division!r} is not one of the places")
    parties = {p.name for p in ref.parties}
    for a in ref.alliances:
        for lineup in a.lineups:
            for m in lineup.members:
                if m.party not in parties:
                    c.fail(a.dataset, f"{a.name}: member {m.party!r} is not one of the parties")


def load_reference(directory: Path, root: Path) -> Reference:
    """Every ``*.yaml`` of ``directory`` (file paths are given relative to ``root``), checked."""
    if not directory.is_dir():
        return Reference()
    ref = _merge(read_file(p, root) for p in sorted(directory.glob("*.yaml")))
    check(ref)
    return ref
