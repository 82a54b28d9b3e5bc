"""Find an entity by name: an index of the entities' labels and aliases, built once from the
built graph, and a ranked, case- and accent-insensitive search over it.

The names are each entity's ``rdfs:label`` and ``skos:altLabel`` in the entities graph; an entity
is a subject typed there (statement nodes, typed in the source graphs, are not entities to find).
The index is built with a fixed query and searched in Python: what a user types never becomes
query text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kg.iris import Names, compact
from kg.query.store import Store

EXACT, PREFIX, SUBSTRING = 0, 1, 2
RANKS = ("exact", "prefix", "substring")

_NAMES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?name ?alias ?type WHERE {{ GRAPH <{graph}> {{
  ?s a ?type FILTER(isIRI(?s) && isIRI(?type))
  {{ ?s rdfs:label ?name BIND(false AS ?alias) }} UNION {{ ?s skos:altLabel ?name BIND(true AS ?alias) }}
}} }} ORDER BY ?s ?alias DESC(LANGMATCHES(LANG(?name), "en")) ?name ?type"""


def normalise(text: str) -> str:
    """``text`` as the search compares it: accents dropped (NFKD without combining marks),
    case folded, runs of white space made one space, ends trimmed."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class Entity:
    iri: str
    label: str  # the rdfs:label shown (English first)
    type: str  # the CURIE of its type in the entities graph (the first, when it has several)
    names: tuple[
        tuple[str, str], ...
    ]  # (name as written, normalised): the label first, then aliases


@dataclass(frozen=True)
class Match:
    entity: Entity
    matched: str  # the label or alias that matched, as written
    rank: int  # EXACT, PREFIX or SUBSTRING

    @property
    def how(self) -> str:
        return RANKS[self.rank]


def _rank(key: str, query: str) -> int | None:
    if key == query:
        return EXACT
    if key.startswith(query):
        return PREFIX
    return SUBSTRING if query in key else None


def best_match(entity: Entity, query: str) -> Match | None:
    """The entity's best name for the normalised ``query``: the lowest rank, the label before an
    alias of the same rank, then the shortest alias."""
    found: Match | None = None
    for i, (name, key) in enumerate(entity.names):
        rank = _rank(key, query)
        if rank is None:
            continue
        better = found is None or (rank, i > 0, len(name)) < (
            found.rank,
            found.matched != entity.label,
            len(found.matched),
        )
        if better:
            found = Match(entity, name, rank)
    return found


@dataclass(frozen=True)
class SearchIndex:
    """The entities of one build, with their names normalised for search."""

    build_id: str
    entities: tuple[Entity, ...]

    @classmethod
    def from_store(cls, store: Store, base: str, build_id: str) -> SearchIndex:
        names = Names(base)
        prefixes = names.prefixes()
        rows = store.query(_NAMES.format(graph=names.entities_graph)).values()
        labels: dict[str, list[str]] = {}
        types: dict[str, str] = {}
        for r in rows:
            s, name, t = r["s"], r["name"], r["type"]
            if s is None or name is None or t is None:
                continue
            types.setdefault(s, compact(t, prefixes, base))
            seen = labels.setdefault(s, [])
            if r["alias"] == "false" and not seen:
                seen.append(name)  # the first label (English first) is the one shown
            elif name not in seen and seen:
                seen.append(name)
        entities = tuple(
            Entity(s, ns[0], types[s], tuple((n, normalise(n)) for n in ns))
            for s, ns in labels.items()
            if ns
        )
        return cls(build_id, entities)

    def search(self, text: str, limit: int) -> list[Match]:
        """At most ``limit`` entities whose label or an alias holds ``text`` (normalised): exact
        matches first, then prefixes, then substrings; ties by label, then IRI."""
        query = normalise(text)
        if not query:
            return []
        found = [m for e in self.entities if (m := best_match(e, query)) is not None]
        found.sort(key=lambda m: (m.rank, normalise(m.entity.label), m.entity.label, m.entity.iri))
        return found[:limit]
