"""Mentions -> canonical entities, from ``data/entities.yaml``, the seats of ``data/reference/``
and the article each mention was read in. Nothing is ever merged by guess.

A mention resolves, in this order:

1. **A bare surname** ("Soren", "Mr. Marandi"), typed as a person, names the person named in
   full earlier in the same article ("Hemant Soren ... Soren said"): earlier means a smaller
   offset in the article (:func:`context.position`). One such person: that one. Two or more
   ("Shibu Soren and Hemant Soren ... Soren"): a review item. None: step 2. (:meth:`Resolver.claims`,
   which the build calls, first notes every person each article names in full, so the claims
   need not come in article order.)
2. **By name**: its normalised text (case, spacing, a leading "the", a trailing possessive and a
   trailing "(ABBR)" do not matter; a post also without its ordinal, so "12th Chief Minister of
   Jharkhand" is the "Chief Minister of Jharkhand") equals the label or an alias of entities of
   an agreeing type (:mod:`types`: a "Person" mention never names a constituency). One entity, or
   one of exactly the mention's type: that one. Several: a review item.
3. **Otherwise it is minted**: a new entity with an IRI made from its text, reported as a
   problem (not fatal), with ``minted_at`` saying where it was first met.

A **review item** (:class:`ReviewItem`: article, offset, text, type, the candidate ids and why)
is recorded on the resolver and reported as a problem that is not fatal. The claims that use the
mention are **left out** of the graph until a person decides: keeping them under a guessed
entity would state a fact about someone nobody chose, and keeping them under a new entity would
mint a duplicate of one of the candidates. Spelling variants come from the reference data as
aliases of its seats (:func:`kg.build.gazetteer.seat_entities`): the variants it lists (Kodarma /
Koderma) and the Hindi compass words (Jamshedpur East / Jamshedpur Purba).
"""

from __future__ import annotations

from kg.build.resolve.entities import Entity, EntityError, load_entities, name_keys, normalise
from kg.build.resolve.resolver import Resolver, ReviewItem
from kg.build.resolve.types import PARENT, compatible

__all__ = [
    "PARENT",
    "Entity",
    "EntityError",
    "Resolver",
    "ReviewItem",
    "compatible",
    "load_entities",
    "name_keys",
    "normalise",
]
