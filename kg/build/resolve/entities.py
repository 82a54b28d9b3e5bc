"""The entity registry (``data/entities.yaml``) and the name normalisation every lookup uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.yamlfile import YAMLError, load_yaml

_ID = re.compile(r"^[a-z0-9]+(?:[-/][a-z0-9]+)*$")


class EntityError(ValueError):
    """``data/entities.yaml`` is malformed."""


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    label: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None
    minted: bool = False  # made by the build from an unresolved mention


def normalise(text: str) -> str:
    """Case, spacing, apostrophes, a leading 'the' and a trailing possessive do not matter."""
    t = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    t = " ".join(t.split()).casefold()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"'s$", "", t)
    return t.strip(" ,.;:")


def name_keys(text: str) -> list[str]:
    """The text itself, then without a trailing '(ABBR)', then the abbreviation alone."""
    out = [normalise(text)]
    m = re.match(r"^(?P<name>.+?)\s*\((?P<abbr>[^()]+)\)$", text.strip())
    if m and not re.search(r"[a-z]{2}", m.group("abbr")):  # "(BJP)", not "(United)"
        out += [normalise(m.group("name")), normalise(m.group("abbr"))]
    return out


def load_entities(path: Path) -> tuple[Entity, ...]:
    try:
        doc = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, YAMLError) as exc:
        raise EntityError(f"{path}: cannot read ({exc})") from None
    out: list[Entity] = []
    seen: set[str] = set()
    for n, e in enumerate(doc.get("entities") or [], 1):
        where = f"{path.name} entry {n}"
        if not isinstance(e, dict) or not all(k in e for k in ("id", "type", "label")):
            raise EntityError(f"{where}: needs id, type and label")
        eid = str(e["id"])
        if not _ID.match(eid):
            raise EntityError(f"{where}: id {eid!r} must be lower-case words joined by '-' or '/'")
        if eid in seen:
            raise EntityError(f"{where}: duplicate id {eid!r}")
        seen.add(eid)
        wd = e.get("wikidata")
        if wd is not None and not re.match(r"^Q\d+$", str(wd)):
            raise EntityError(f"{where}: wikidata must look like Q123, got {wd!r}")
        out.append(
            Entity(
                id=eid,
                type=str(e["type"]),
                label=str(e["label"]),
                aliases=tuple(str(a) for a in e.get("aliases") or ()),
                description=e.get("description"),
                wikidata=str(wd) if wd else None,
            )
        )
    return tuple(out)
