"""Exports of the built graph: RDF dumps, VoID, Wikibase RDF and QuickStatements.

Each exporter is a function ``(store, names) -> bytes`` over the built dataset (the build's dump
loaded into a :class:`kg.query.store.Store`); :func:`exporters` names them for ``kg export --format``
and ``/export/<name>``. The Wikidata exports (:mod:`kg.export.wikidata`) read the Q-id mapping
file the caller gives :func:`exporters`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.iris import Names
from kg.query.store import Store


@dataclass(frozen=True)
class Exporter:
    name: str
    media_type: str
    extension: str
    run: Callable[[Store, Names], bytes]
    description: str


def exporters(mapping_file: Path) -> dict[str, Exporter]:
    """Every exporter by name; the Wikidata ones read the Q-ids at ``mapping_file`` when run."""
    from kg.export import dumps
    from kg.export.wikidata.writers import quickstatements, wikibase

    items = [
        *dumps.EXPORTERS,
        wikibase.exporter(mapping_file),
        quickstatements.exporter(mapping_file),
    ]
    return {e.name: e for e in items}
