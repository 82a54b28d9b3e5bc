"""Reading the Q-id mapping: ``data/wikidata.yaml`` (the checked Wikidata items of entities and
sources) loaded and checked. Editing the file is :mod:`kg.export.wikidata.mapping_file`'s job."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.yamlfile import YAMLError, load_yaml

QID = re.compile(r"^Q[1-9][0-9]*$")


class MappingError(ValueError):
    """``data/wikidata.yaml`` is malformed or disagrees with the graph."""


@dataclass(frozen=True)
class WikidataMapping:
    """Q-ids by entity id (``kalpana-soren``) and by source id (``000``)."""

    items: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)


def load_mapping(path: Path) -> WikidataMapping:
    """Read the Q-id mapping at ``path``; a missing file maps nothing."""
    if not path.is_file():
        return WikidataMapping()
    try:
        data: Any = load_yaml(path.read_text(encoding="utf-8")) or {}
    except YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"items", "sources"}:
        raise MappingError(f"{path}: expected the keys 'items' and 'sources'")
    items = _table(path, "items", data.get("items") or {})
    sources = _table(path, "sources", data.get("sources") or {})
    return WikidataMapping(items, sources)


def _table(path: Path, key: str, table: Any) -> dict[str, str]:
    """One table of the file (``items`` or ``sources``), checked: Q-ids, each given once."""
    if not isinstance(table, dict):
        raise MappingError(f"{path}: '{key}' must map ids to Q-ids")
    for k, q in table.items():
        if not isinstance(q, str) or not QID.match(q):
            raise MappingError(f"{path}: {key}.{k}: {q!r} is not a Q-id")
    seen: dict[str, str] = {}
    for k, q in table.items():
        if q in seen:
            raise MappingError(f"{path}: {q} is given to both {seen[q]} and {k}")
        seen[q] = str(k)
    return {str(k): q for k, q in table.items()}
