"""The lexicon the sentence rules read names with, from the entity registry and ``data/reference/``.

The parties, agencies and courts every build knows are in
:mod:`kg.build.extract.prose.lexicon`. To them this adds the registry's places and parties
(``data/entities.yaml``: each label and alias) and, where the folder exists, the reference lists of
``data/reference/``: assembly and Lok Sabha constituencies with their spelling variants, and the
districts. A file that cannot be read is an error that names it; a missing folder is not.

A seat, district or region whose name has an English compass word is also known by the Hindi
word, as the press and the state write it: "Jamshedpur East" is "Jamshedpur Purba" (or Purbi,
Purvi), "West Singhbhum" is "Pashchimi Singhbhum" (:data:`COMPASS`). Only the compass word
changes, so such a name still names one seat of the reference data.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.build.extract.prose.lexicon import PARTIES as KNOWN_PARTIES
from kg.build.extract.prose.lexicon import Lexicon, _surface
from kg.build.resolve import Entity, normalise
from kg.iris import slugify
from kg.model import Claim, Mention, Node, Value
from kg.yamlfile import YAMLError, load_yaml

PLACE_TYPES = frozenset({"Place", "Country", "State", "District", "City", "Village"})

# English compass word -> the Hindi words written for it in the names of seats and districts
COMPASS = {
    "East": ("Purba", "Purbi", "Purvi"),
    "West": ("Paschim", "Pashchim", "Paschimi", "Pashchimi"),
    "North": ("Uttar", "Uttari"),
    "South": ("Dakshin", "Dakshini"),
}


class GazetteerError(ValueError):
    """A reference file is malformed."""


def _names(entry: Any) -> tuple[str, tuple[str, ...]] | None:
    if not isinstance(entry, dict) or not entry.get("name"):
        return None
    variants = entry.get("variants") or entry.get("abbreviations") or ()
    return str(entry["name"]), tuple(str(v) for v in variants)


def _table(entries: Iterable[Any]) -> dict[str, tuple[str, ...]]:
    out = {}
    for e in entries:
        got = _names(e)
        if got:
            out[got[0]] = got[1]
    return out


def _compass(name: str) -> tuple[str, ...]:
    """``name`` with its compass word in Hindi: "Jamshedpur East" -> "Jamshedpur Purba", ..."""
    words = name.split()
    return tuple(
        " ".join((*words[:i], hindi, *words[i + 1 :]))
        for i, word in enumerate(words)
        for hindi in COMPASS.get(word, ())
    )


def read_reference_file(path: Path) -> dict[str, Any]:
    """One reference file as a mapping, or a :class:`GazetteerError` that names it."""
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise GazetteerError(f"{path}: cannot read ({exc})") from None
    if not isinstance(doc, dict):
        raise GazetteerError(f"{path}: expected a mapping of lists")
    return doc


def _section(key: str) -> str | None:
    """Which list a reference file's key holds, from its name ("lok_sabha", "districts", ...)."""
    k = key.lower()
    if "lok" in k:
        return "lok_sabha"
    if "district" in k or "place" in k:
        return "places"
    if "constituenc" in k or "assembly" in k:
        return "seats"
    if "part" in k:
        return "parties"
    return None


def seat_id(name: str, house: str) -> str:
    """The entity id of a seat of the reference data: an Assembly seat by its name ("dumri"), a
    Lok Sabha seat by its name and house ("dumka-lok-sabha"), so two seats of one name in the two
    houses are two entities. The reference graph and the seats named in claims both use it."""
    return slugify(name) if house == "Assembly" else f"{slugify(name)}-lok-sabha"


def load_lexicon(reference_dir: Path, entities: tuple[Entity, ...]) -> Lexicon:
    """The default lexicon plus the registry's and the reference files' names."""
    names: dict[str, dict[str, tuple[str, ...]]] = {
        "seats": {},
        "lok_sabha": {},
        "places": {},
        "parties": dict(KNOWN_PARTIES),
    }
    for path in sorted(reference_dir.glob("*.yaml")) if reference_dir.is_dir() else ():
        for key, value in read_reference_file(path).items():
            section = _section(key)
            if section is None or not isinstance(value, list):
                continue
            table = names[section]
            for name, short in _table(value).items():
                table[name] = tuple(dict.fromkeys((*table.get(name, ()), *short)))
    for e in entities:
        if e.type == "Constituency":
            names["seats"].setdefault(e.label, e.aliases)
        elif e.type in PLACE_TYPES:
            names["places"].setdefault(e.label, e.aliases)
    for section in ("seats", "lok_sabha", "places"):
        table = names[section]
        for name, short in table.items():
            table[name] = tuple(dict.fromkeys((*short, *_compass(name))))
    return Lexicon(
        parties=_surface(names["parties"]),
        constituencies=_surface(names["seats"]),
        lok_sabha=_surface(names["lok_sabha"]),
        places=_surface(names["places"]),
    )


def canonical_seats(claims: list[Claim], lexicon: Lexicon) -> list[Claim]:
    """Constituency names as the gazetteer spells them, whichever reader wrote them: a table's
    "Koderma" and a sentence's "Kodarma" are one seat, not two entities."""
    table = {**lexicon.lok_sabha, **lexicon.constituencies}

    def seat(v: Value) -> Value:
        if isinstance(v, Mention) and v.type == "Constituency" and v.text in table:
            return Mention(table[v.text], v.type)
        if isinstance(v, Mention) and (respelt := _respelt(v.text, table)) is not None:
            return Mention(respelt, v.type)
        if isinstance(v, Node):
            key = tuple(seat(k) for k in v.key)
            return v if key == v.key else Node(v.kind, key)
        return v

    out = []
    for c in claims:
        s, o = seat(c.subject), seat(c.object)
        same = s is c.subject and o is c.object
        out.append(c if same else dataclasses.replace(c, subject=s, object=o))  # type: ignore[arg-type]
    return out


# "1998 Koderma by-election", "2002 Dumka Lok Sabha by-election": the seat is spelt as the
# gazetteer spells it, so that a table's and a sentence's by-election are one
_BY_ELECTION = re.compile(r"^(?P<year>\d{4}) (?P<seat>.+?)(?P<rest>(?: Lok Sabha)? by-election)$")


def _respelt(text: str, table: dict[str, str]) -> str | None:
    by = _BY_ELECTION.match(text)
    if by is None or table.get(by["seat"], by["seat"]) == by["seat"]:
        return None
    return f"{by['year']} {table[by['seat']]}{by['rest']}"


def election_spellings(claims: Iterable[Claim], lexicon: Lexicon) -> dict[str, set[str]]:
    """The by-elections :func:`canonical_seats` respells, each with the article's spellings, which
    stay names of it ("1998 Kodarma by-election" is also the "1998 Koderma by-election")."""
    table = {**lexicon.lok_sabha, **lexicon.constituencies}
    out: dict[str, set[str]] = {}

    def note(v: Value) -> None:
        if isinstance(v, Mention) and (respelt := _respelt(v.text, table)) is not None:
            out.setdefault(respelt, set()).add(v.text)
        elif isinstance(v, Node):
            for k in v.key:
                note(k)

    for c in claims:
        note(c.subject)
        note(c.object)
    return out


def seat_entities(
    claims: list[Claim], lexicon: Lexicon, registry: tuple[Entity, ...]
) -> tuple[Entity, ...]:
    """An entity for each gazetteer seat the claims name and the registry does not know, with
    its other spellings as aliases (so "Koderma" finds the "Kodarma" seat). A name of both houses
    is read as the Assembly seat (:func:`seat_id`), unless the claim types it as a Lok Sabha seat
    (:func:`lok_sabha_seats`); a name only of a Lok Sabha seat gets that seat's id and class."""
    known = {normalise(n) for e in registry for n in (e.label, *e.aliases)}
    variants: dict[str, set[str]] = {}
    for table in (lexicon.constituencies, lexicon.lok_sabha):
        for surface, name in table.items():
            variants.setdefault(name, set()).add(surface)
    named = {
        c.object.text
        for c in claims
        if isinstance(c.object, Mention) and c.object.type == "Constituency"
    }
    lok = {  # a seat of a Lok Sabha contest (:func:`lok_sabha_seats`): the Lok Sabha seat
        c.object.text
        for c in claims
        if isinstance(c.object, Mention) and c.object.type == "LokSabhaConstituency"
    }
    out = []
    for name in sorted(named & set(variants)):
        if normalise(name) in known:
            continue
        houses = [
            house
            for house, table in (
                ("Assembly", lexicon.constituencies),
                ("Lok Sabha", lexicon.lok_sabha),
            )
            if name in table.values()
        ]
        aliases = tuple(sorted(v for v in variants[name] if v != name))
        desc = f"{' and '.join(houses)} constituency in Jharkhand (data/reference/)"
        kind = "LokSabhaConstituency" if houses == ["Lok Sabha"] else "Constituency"
        out.append(Entity(seat_id(name, houses[0]), kind, name, aliases, desc))
    have = (
        {e.id for e in out}
        | {e.id for e in registry if e.type == "LokSabhaConstituency"}
        | {
            seat_id(n, "Lok Sabha")
            for e in registry
            if e.type == "LokSabhaConstituency"
            for n in (e.label, *e.aliases)
        }
    )
    for name in sorted(n for n in lok if n in lexicon.lok_sabha.values()):
        if seat_id(name, "Lok Sabha") in have:
            continue
        aliases = tuple(sorted(v for v in variants[name] if v != name))
        desc = "Lok Sabha constituency in Jharkhand (data/reference/)"
        out.append(Entity(seat_id(name, "Lok Sabha"), "LokSabhaConstituency", name, aliases, desc))
    return tuple(out)


_LOK_SABHA_POSTS = frozenset({"Member of Parliament, Lok Sabha"})


def _of_lok_sabha(node: Node) -> bool:
    """Whether a node's seat is a Lok Sabha seat: a Lok Sabha contest's, or an MP's."""
    head = node.key[0] if node.key else None
    if not isinstance(head, Mention):
        return False
    if node.kind in ("candidacy", "contest"):
        return head.text.endswith(("Indian general election", "Lok Sabha by-election"))
    return node.kind == "holding" and head.text in _LOK_SABHA_POSTS


def lok_sabha_seats(claims: list[Claim], lexicon: Lexicon) -> list[Claim]:
    """The seat of a Lok Sabha contest or of an MP, typed as a Lok Sabha seat, so that "Dumka" in
    a Lok Sabha result is the Lok Sabha seat (``dumka-lok-sabha``), not the Assembly seat of the
    same name. Seats of a name no Lok Sabha seat has are left as they are."""
    ls = set(lexicon.lok_sabha.values())
    return [
        dataclasses.replace(c, object=Mention(c.object.text, "LokSabhaConstituency"))
        if c.predicate == "kgo:constituency"
        and isinstance(c.subject, Node)
        and isinstance(c.object, Mention)
        and c.object.type == "Constituency"
        and c.object.text in ls
        and _of_lok_sabha(c.subject)
        else c
        for c in claims
    ]
