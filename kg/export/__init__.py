"""Exports of the built graph: RDF dumps, VoID, Wikibase RDF and QuickStatements.

Each exporter is a function ``(store, names) -> bytes`` over the built dataset (the build's dump
loaded into a :class:`kg.query.store.Store`); :data:`EXPORTERS` names them for ``kg export --format`` and
``/export/<name>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.iris import Names
from kg.query.store import Store


@dataclass(frozen=True)
class Exporter:
    name: str
    media_type: str
    extension: str
    run: Callable[[Store, Names], bytes]
    description: str


def exporters() -> dict[str, Exporter]:
    from kg.export import dumps, quickstatements, wikibase

    items = [*dumps.EXPORTERS, *wikibase.EXPORTERS, *quickstatements.EXPORTERS]
    return {e.name: e for e in items}
