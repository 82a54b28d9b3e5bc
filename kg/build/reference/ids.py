"""Which entity each reference entry is: the registry's where the registry knows it, else the id the
rest of the build would give it.

An entry is a registry entity (``data/entities.yaml``) when one of its names (name, variants or
abbreviations) is, normalised as the resolver normalises, a label or alias of that entity, and
the two types agree (:func:`kg.build.resolve.compatible`). So the JMM of ``parties.yaml`` is
``jharkhand-mukti-morcha`` and the CPI(ML) Liberation, whose abbreviations include the
registry's alias "CPI(ML)", is ``cpi-ml``. Otherwise the entry gets the id the build mints for a
mention of its name: a seat's :func:`kg.build.gazetteer.seat_id` (as
:func:`kg.build.gazetteer.seat_entities` does), "<name>-district" for a district (as the
registry's "Mayurbhanj district"), and the slug of the name for the rest.

Entries are matched in order (Assembly seats first), and a registry entity matched by an entry of
one kind is not offered to the next kind: were "Dumka" a registry seat, the Assembly seat would
be that entity and the Lok Sabha seat of the name would get an id of its own. Anything that would
make two things one IRI is an error: an entry that fits two registry entities, two entries of one
kind that fit one, an id that two entries would mint, or a minted id that is already a registry
entity's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kg.build.gazetteer import GazetteerError, seat_id
from kg.build.reference.load import divisions
from kg.build.reference.model import Reference
from kg.build.resolve import Entity, compatible, normalise
from kg.iris import slugify

STATE = "Jharkhand"
ASSEMBLY = "Jharkhand Legislative Assembly"
LOK_SABHA = "Lok Sabha"


@dataclass(frozen=True)
class Wanted:
    """A thing the reference graph names, before it has an id."""

    kind: str  # "seat", "lok_sabha", "district", "region", "party", "alliance", "election", ...
    name: str
    names: tuple[str, ...]  # every name it goes by, the name first
    type: str  # entity type, a class of the ontology by local name
    minted: str  # its id when the registry does not know it


@dataclass(frozen=True)
class Known:
    """The id of a wanted thing, and the registry's label when the registry knows it."""

    id: str
    registry_label: str | None = None


def election_label(house: str, year: int) -> str:
    """The election of an alliance's line-up, named as the sentence rules name it."""
    if house == "lok_sabha":
        return f"{year} Indian general election"
    return f"{year} Jharkhand Legislative Assembly election"


def wanted(ref: Reference) -> list[Wanted]:
    """Everything the reference graph describes or links to, Assembly seats first."""
    out = [
        Wanted("seat", s.name, (s.name, *s.variants), "Constituency", seat_id(s.name, "Assembly"))
        for s in ref.seats
    ]
    out += [
        Wanted(
            "lok_sabha",
            s.name,
            (s.name, *s.variants),
            "LokSabhaConstituency",
            seat_id(s.name, "Lok Sabha"),
        )
        for s in ref.lok_sabha
    ]
    out += [
        Wanted(
            "district",
            d.name,
            (f"{d.name} district", d.name, *d.variants),
            "District",
            slugify(f"{d.name} district"),
        )
        for d in ref.districts
    ]
    division = divisions(ref)
    out += [
        Wanted(
            "region",
            r.name,
            (r.name, *r.variants),
            "Division" if r.name in division else "Place",
            slugify(r.name),
        )
        for r in ref.regions
    ]
    out += [
        Wanted("party", p.name, (p.name, *p.abbreviations), "PoliticalParty", slugify(p.name))
        for p in ref.parties
    ]
    out += [
        Wanted("alliance", a.name, (a.name, *a.abbreviations), "Alliance", slugify(a.name))
        for a in ref.alliances
    ]
    labels = sorted({election_label(u.house, u.year) for a in ref.alliances for u in a.lineups})
    out += [Wanted("election", x, (x,), "GeneralElection", slugify(x)) for x in labels]
    out += [
        Wanted("place", STATE, (STATE,), "State", slugify(STATE)),
        Wanted("house", ASSEMBLY, (ASSEMBLY,), "Legislature", slugify(ASSEMBLY)),
        Wanted("house", LOK_SABHA, (LOK_SABHA,), "Legislature", slugify(LOK_SABHA)),
    ]
    return out


def _index(registry: Iterable[Entity]) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = {}
    for e in registry:
        for n in dict.fromkeys(normalise(x) for x in (e.label, *e.aliases)):
            out.setdefault(n, []).append(e)
    return out


def assign(items: list[Wanted], registry: tuple[Entity, ...]) -> dict[tuple[str, str], Known]:
    """(kind, name) -> the entity it is; a :class:`GazetteerError` where two things would merge."""
    index = _index(registry)
    registry_ids = {e.id for e in registry}
    matched: dict[str, Wanted] = {}  # registry id -> the entry that took it
    used: dict[str, Wanted] = {}  # every id given -> its entry
    out: dict[tuple[str, str], Known] = {}
    for w in items:
        fits = {
            e.id: e
            for n in w.names
            for e in index.get(normalise(n), ())
            if compatible(e.type, w.type) and (e.id not in matched or matched[e.id].kind == w.kind)
        }
        if len(fits) > 1:
            raise GazetteerError(
                f"reference {w.kind} {w.name!r} fits the registry's {', '.join(sorted(fits))}: "
                "give data/entities.yaml aliases that tell them apart"
            )
        if fits:
            (e,) = fits.values()
            if e.id in matched:
                raise GazetteerError(
                    f"reference {w.kind}s {matched[e.id].name!r} and {w.name!r} both fit the "
                    f"registry's {e.id}"
                )
            matched[e.id] = w
            known = Known(e.id, e.label)
        else:
            if w.minted in registry_ids:
                raise GazetteerError(
                    f"reference {w.kind} {w.name!r} would take the id {w.minted!r} of a registry "
                    "entity of another kind: add an alias to data/entities.yaml, or rename one"
                )
            known = Known(w.minted)
        if known.id in used and used[known.id] != w:
            other = used[known.id]
            raise GazetteerError(
                f"reference {other.kind} {other.name!r} and {w.kind} {w.name!r} would share the "
                f"IRI id/{known.id}"
            )
        used[known.id] = w
        out[(w.kind, w.name)] = known
    return out
