"""The reference data of ``data/reference/`` as a graph of its own, ``<graph/reference>``.

:func:`load_reference` reads and checks the files (:mod:`read`, :mod:`load`; a bad value is a
:class:`~kg.build.gazetteer.GazetteerError` naming the file), :func:`reference_graph` turns the
records into the graph (:mod:`graph`), with the IRIs the rest of the build gives the same things
(:mod:`ids`). The sentence rules read the same files through :mod:`kg.build.gazetteer`.
"""

from __future__ import annotations

from kg.build.reference.graph import reference_graph
from kg.build.reference.ids import assign, wanted
from kg.build.reference.load import load_reference
from kg.build.reference.model import Reference
from kg.build.resolve import Entity


def reference_ids(ref: Reference, registry: tuple[Entity, ...]) -> dict[str, str]:
    """The id of every entity the reference graph describes (the registry's where it knows the
    thing), with its type: what a review decision may name although no article mentions it, and
    ids a new entity of another type must not take."""
    items = wanted(ref)
    ids = assign(items, registry)
    return {ids[(w.kind, w.name)].id: w.type for w in items}


__all__ = ["Reference", "load_reference", "reference_graph", "reference_ids"]
