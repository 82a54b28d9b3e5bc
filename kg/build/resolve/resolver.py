"""The resolver: each mention of a claim -> one entity id, read in the context of its article."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from kg.build.nodes import canonical
from kg.build.resolve.context import bare_surname, last_name, position, without_ordinal
from kg.build.resolve.entities import Entity, name_keys, normalise
from kg.build.resolve.types import compatible, is_person, is_post
from kg.iris import slugify
from kg.model import Claim, EntityId, Lit, Mention, Node, Problem, Span, Term, Value

SEVERAL = "several entities of this type have this name"
SURNAMES = "several people of this surname are named before it"


@dataclass(frozen=True)
class ReviewItem:
    """A mention that fits several entities, for a person to decide; its claims are left out."""

    source: str
    start: int  # where the mention stands in the article (see context.position)
    text: str
    type: str
    candidates: tuple[str, ...]  # entity ids, sorted
    why: str

    def line(self) -> str:
        return (
            f"mention {self.text!r} ({self.type}) fits {', '.join(self.candidates)}: "
            f"{self.why} @{self.start}"
        )


def _mentions(v: Value) -> Iterator[Mention]:
    if isinstance(v, Mention):
        yield v
    elif isinstance(v, Node):
        for part in v.key:
            yield from _mentions(part)


def _at(where: str) -> tuple[str, int]:
    """(source, offset) of a ``where`` note: "007@120 (rule)" -> ("007", 120)."""
    sid, _, rest = where.partition("@")
    digits = re.match(r"\d*", rest)
    return sid, int(digits.group() if digits and digits.group() else 0)


@dataclass
class Resolver:
    """Resolves mentions against known entities, minting (and reporting) unknown ones and leaving
    the ones that fit several entities for review."""

    entities: dict[str, Entity]
    index: dict[str, list[str]] = field(default_factory=dict)
    minted: dict[str, Entity] = field(default_factory=dict)
    minted_at: dict[str, str] = field(default_factory=dict)  # id -> where first met (source@offset)
    problems: list[Problem] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    # source -> (position, last name, mention) of each person named in full, in article order
    people: dict[str, list[tuple[int, str, Mention]]] = field(default_factory=dict)
    # (source, normalised name) -> the entity a reviewer said that name is, in that article
    decided: dict[tuple[str, str], str] = field(default_factory=dict)
    # id -> type of what is described elsewhere (the reference data): a reviewer's fact may name
    # them, and a new entity of another type does not take the id
    elsewhere: Mapping[str, str] = field(default_factory=dict)
    _reported: set[str] = field(default_factory=set)

    @classmethod
    def of(
        cls, entities: tuple[Entity, ...], elsewhere: Mapping[str, str] | None = None
    ) -> Resolver:
        index: dict[str, list[str]] = defaultdict(list)
        for e in entities:
            for name in (e.label, *e.aliases):
                key = normalise(name)
                if e.id not in index[key]:
                    index[key].append(e.id)
        return cls({e.id: e for e in entities}, dict(index), elsewhere=dict(elsewhere or {}))

    def decide(self, source: str, name: str, eid: str) -> None:
        """A reviewer's decision: in article ``source``, the name ``name`` is entity ``eid``. The
        name also becomes an alias of a known entity, so other articles find it as well."""
        self.decided[(source, normalise(name))] = eid
        self.add_alias(eid, name)

    def add_alias(self, eid: str, name: str) -> None:
        """``name`` as one more name of entity ``eid`` (known or minted; nothing if neither)."""
        table = self.entities if eid in self.entities else self.minted
        e = table.get(eid)
        if e is None or normalise(name) in {normalise(n) for n in (e.label, *e.aliases)}:
            return
        table[eid] = replace(e, aliases=(*e.aliases, name))
        ids = self.index.setdefault(normalise(name), [])
        if eid not in ids:
            ids.append(eid)

    def note(self, claims: Iterable[Claim]) -> None:
        """Remember each person that ``claims`` name in full, by article and position, so that a
        bare surname later in the article can find them."""
        for c in claims:
            for m in (*_mentions(c.subject), *_mentions(c.object)):
                last = last_name(m.text) if is_person(m.type) else None
                if last:
                    named = self.people.setdefault(c.evidence.source, [])
                    named.append((position(m.text, c.evidence), last, m))
        for named in self.people.values():
            named.sort(key=lambda t: (t[0], t[2].text))

    def claims(self, claims: list[Claim]) -> list[Claim]:
        """Every claim resolved (see :meth:`claim`), after noting the people each article names."""
        self.note(claims)
        return [r for r in (self.claim(c) for c in claims) if r is not None]

    def entity(self, mention: Mention, where: str, at: Span | None = None) -> str | None:
        """The entity ``mention`` names (minted when none does), or None when it fits several:
        then it is a review item. ``at``, the evidence the mention was read in, lets a bare
        surname find the person named in full before it in the same article."""
        source = at.source if at is not None else _at(where)[0]
        eid = self.decided.get((source, normalise(mention.text)))
        if eid is not None:
            return eid
        found, why = self._in_context(mention, at), SURNAMES
        if found is None:
            found, why = self._lookup(mention), SEVERAL
        if found is None:
            return self._mint(mention, where)
        if len(found) == 1:
            return found[0]
        self._review(mention, where, at, found, why)
        return None

    def _type(self, eid: str) -> str:
        return (self.entities.get(eid) or self.minted[eid]).type

    def _keys(self, mention: Mention) -> list[str]:
        keys = name_keys(mention.text)
        if is_post(mention.type):  # "12th Chief Minister of Jharkhand" is the post
            keys += [k for k in map(without_ordinal, keys) if k]
        return keys

    def _lookup(self, mention: Mention) -> list[str] | None:
        """The entities of an agreeing type that the mention's text names (the one of exactly
        the mention's type, if only one is); None when there are none."""
        for key in self._keys(mention):
            ids = [i for i in self.index.get(key, []) if compatible(mention.type, self._type(i))]
            exact = [i for i in ids if self._type(i) == mention.type]
            if ids:
                return exact if len(exact) == 1 else ids
        return None

    def _in_context(self, mention: Mention, at: Span | None) -> list[str] | None:
        """For a bare surname: the people named in full before it in the same article whose last
        name it is; None when it is not a surname or nobody was."""
        last = bare_surname(mention.text) if at is not None and is_person(mention.type) else None
        if at is None or last is None:
            return None
        here = position(mention.text, at)
        ids: set[str] = set()
        for pos, name, full in self.people.get(at.source, ()):
            if pos < here and name == last:
                eid = self.entity(full, f"{at.source}@{pos}")
                ids.update((eid,) if eid else ())
        return sorted(ids) or None

    def _mint(self, mention: Mention, where: str) -> str:
        slug = slugify(mention.text)
        eid = slug
        n = 2
        while (
            eid in self.entities
            or (eid in self.elsewhere and not compatible(self.elsewhere[eid], mention.type))
            or (
                eid in self.minted
                and not (
                    normalise(self.minted[eid].label) == normalise(mention.text)
                    and compatible(self.minted[eid].type, mention.type)
                )
            )
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

    def _review(
        self, mention: Mention, where: str, at: Span | None, found: list[str], why: str
    ) -> None:
        source, start = (at.source, position(mention.text, at)) if at else _at(where)
        item = ReviewItem(source, start, mention.text, mention.type, tuple(sorted(found)), why)
        key = f"review:{source}@{start}:{normalise(mention.text)}:{mention.type}"
        if key not in self._reported:
            self.review.append(item)
        message = (
            f"mention {mention.text!r} ({mention.type}) fits {', '.join(item.candidates)} "
            f"({why}): left for review, its claims are left out"
        )
        self._report(key, Problem("resolve", message, where))

    def _report(self, key: str, problem: Problem) -> None:
        if key not in self._reported:
            self._reported.add(key)
            self.problems.append(problem)

    def value(self, v: Value, where: str, at: Span | None = None) -> Value | None:
        """``v`` with every mention replaced by an :class:`EntityId`; None if it cannot resolve."""
        if isinstance(v, Lit | Term):
            return v
        if isinstance(v, EntityId):
            if v.id not in self.entities and v.id not in self.minted and v.id not in self.elsewhere:
                self._report(
                    f"unknown:{v.id}",
                    Problem("resolve", f"unknown entity id {v.id!r}", where, fatal=True),
                )
                return None
            return v
        if isinstance(v, Mention):
            eid = self.entity(v, where, at)
            return EntityId(eid) if eid else None
        parts = [self.value(p, where, at) for p in v.key]
        if any(p is None for p in parts):
            return None
        return canonical(Node(v.kind, tuple(p for p in parts if p is not None)))

    def claim(self, c: Claim) -> Claim | None:
        """``c`` with its subject and object resolved; None when either cannot be (a review item
        or an unknown id): a claim is not stated about an entity nobody has decided."""
        where = f"{c.evidence.source}@{c.evidence.start} ({c.rule})"
        s = self.value(c.subject, where, c.evidence)
        o = self.value(c.object, where, c.evidence)
        if s is None or o is None or isinstance(s, Lit | Term):
            return None
        return replace(c, subject=s, object=o)

    def all_entities(self) -> tuple[Entity, ...]:
        return tuple(self.entities.values()) + tuple(self.minted[k] for k in sorted(self.minted))
