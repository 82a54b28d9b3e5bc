"""Mentions -> canonical entities, from ``data/entities.yaml`` plus name normalisation.

A mention resolves when its normalised text equals the normalised label or an alias of exactly one
entity (or of exactly one entity of the mention's type, when several share it). A mention that
matches nothing becomes a new entity with an IRI minted from its text, and the build reports it;
a mention that matches several entities is an error. Nothing is ever merged by guess.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.build.nodes import canonical
from kg.iris import slugify
from kg.model import Claim, EntityId, Lit, Mention, Node, Problem, Term, Value
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


def _variants(text: str) -> list[str]:
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


@dataclass
class Resolver:
    """Resolves mentions against known entities, minting (and reporting) unknown ones."""

    entities: dict[str, Entity]
    index: dict[str, list[str]] = field(default_factory=dict)
    minted: dict[str, Entity] = field(default_factory=dict)
    minted_at: dict[str, str] = field(default_factory=dict)  # id -> where first met (source@offset)
    problems: list[Problem] = field(default_factory=list)
    _reported: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, entities: tuple[Entity, ...]) -> Resolver:
        index: dict[str, list[str]] = defaultdict(list)
        for e in entities:
            for name in (e.label, *e.aliases):
                key = normalise(name)
                if e.id not in index[key]:
                    index[key].append(e.id)
        return cls({e.id: e for e in entities}, dict(index))

    def entity(self, mention: Mention, where: str) -> str | None:
        for key in _variants(mention.text):
            ids = self.index.get(key, [])
            if len(ids) > 1:
                typed = [i for i in ids if self.entities[i].type == mention.type]
                if len(typed) == 1:
                    return typed[0]
                self._report(
                    f"ambiguous:{key}",
                    Problem(
                        "resolve",
                        f"mention {mention.text!r} matches {', '.join(ids)}; not resolved",
                        where,
                        fatal=True,
                    ),
                )
                return None
            if ids:
                return ids[0]
        return self._mint(mention, where)

    def _mint(self, mention: Mention, where: str) -> str:
        slug = slugify(mention.text)
        eid = slug
        n = 2
        while eid in self.entities or (
            eid in self.minted and normalise(self.minted[eid].label) != normalise(mention.text)
        ):
            eid, n = f"{slug}-{n}", n + 1
        if eid not in self.minted:
            self.minted[eid] = Entity(eid, mention.type, mention.text, minted=True)
            self.minted_at[eid] = where
            self.index.setdefault(normalise(mention.text), []).append(eid)
        self._report(
            f"minted:{eid}",
            Problem(
                "resolve",
                f"unresolved mention {mention.text!r} ({mention.type}): new entity {eid!r}",
                where,
            ),
        )
        return eid

    def _report(self, key: str, problem: Problem) -> None:
        if key not in self._reported:
            self._reported.add(key)
            self.problems.append(problem)

    def value(self, v: Value, where: str) -> Value | None:
        """``v`` with every mention replaced by an :class:`EntityId`; None if it cannot resolve."""
        if isinstance(v, Lit | Term):
            return v
        if isinstance(v, EntityId):
            if v.id not in self.entities and v.id not in self.minted:
                self._report(
                    f"unknown:{v.id}",
                    Problem("resolve", f"unknown entity id {v.id!r}", where, fatal=True),
                )
                return None
            return v
        if isinstance(v, Mention):
            eid = self.entity(v, where)
            return EntityId(eid) if eid else None
        parts = [self.value(p, where) for p in v.key]
        if any(p is None for p in parts):
            return None
        return canonical(Node(v.kind, tuple(p for p in parts if p is not None)))

    def claim(self, c: Claim) -> Claim | None:
        where = f"{c.evidence.source}@{c.evidence.start} ({c.rule})"
        s, o = self.value(c.subject, where), self.value(c.object, where)
        if s is None or o is None or isinstance(s, Lit | Term):
            return None
        return replace(c, subject=s, object=o)

    def all_entities(self) -> tuple[Entity, ...]:
        return tuple(self.entities.values()) + tuple(self.minted[k] for k in sorted(self.minted))
