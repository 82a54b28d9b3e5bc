"""The records of the reference data, as :mod:`kg.build.reference.read` makes them from the
files of ``data/reference/``. Each entity record keeps the key of the dataset (file) it came from."""

from __future__ import annotations

from dataclasses import dataclass

RESERVATIONS = ("SC", "ST", "none")


@dataclass(frozen=True)
class PublicSource:
    """A public dataset, page or set of pages a reference file was compiled from."""

    id: str
    name: str
    read: str  # the day it was read, YYYY-MM-DD
    urls: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Dataset:
    """One reference file: its key (the file's stem), path, title and public sources."""

    key: str
    file: str  # relative to the project: "data/reference/constituencies.yaml"
    title: str
    sources: tuple[PublicSource, ...]


@dataclass(frozen=True)
class Seat:
    """An Assembly constituency."""

    dataset: str
    number: int
    name: str
    variants: tuple[str, ...]
    district: str
    reservation: str  # SC, ST or none
    lok_sabha: str


@dataclass(frozen=True)
class LokSabhaSeat:
    dataset: str
    number: int
    name: str
    variants: tuple[str, ...]
    reservation: str


@dataclass(frozen=True)
class District:
    dataset: str
    name: str
    variants: tuple[str, ...]
    division: str


@dataclass(frozen=True)
class Region:
    """A division, or a region reports name (``places``)."""

    dataset: str
    name: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Party:
    dataset: str
    name: str
    abbreviations: tuple[str, ...]
    founded: int | None = None
    dissolved: int | None = None
    notes: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()  # the addresses among the entry's sources


@dataclass(frozen=True)
class Member:
    party: str
    seats: int | None = None  # seats contested for the alliance, where a source gives it


@dataclass(frozen=True)
class LineUp:
    """An alliance's Jharkhand members in one election."""

    house: str  # lok_sabha or assembly
    year: int
    members: tuple[Member, ...]
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alliance:
    dataset: str
    name: str
    abbreviations: tuple[str, ...]
    lineups: tuple[LineUp, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reference:
    """Everything in ``data/reference/``."""

    datasets: tuple[Dataset, ...] = ()
    seats: tuple[Seat, ...] = ()
    lok_sabha: tuple[LokSabhaSeat, ...] = ()
    districts: tuple[District, ...] = ()
    regions: tuple[Region, ...] = ()
    parties: tuple[Party, ...] = ()
    alliances: tuple[Alliance, ...] = ()
