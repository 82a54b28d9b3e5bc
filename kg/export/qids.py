"""Q-ids: ``data/wikidata.yaml`` (the checked mapping of entities and sources to Wikidata items),
loaded and checked, and Wikidata ids read from IRIs."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.export.wikidata_rdf import WD
from kg.yamlfile import YAMLError, load_yaml

_QID = re.compile(r"^Q[1-9][0-9]*$")


class MappingError(ValueError):
    """``data/wikidata.yaml`` is malformed or disagrees with the graph."""


@dataclass(frozen=True)
class WikidataMapping:
    """Q-ids by entity id (``kalpana-soren``) and by source id (``000``)."""

    items: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, str] = field(default_factory=dict)


def mapping_file() -> Path:
    """``data/wikidata.yaml`` of the project (``KG_HOME``, else this checkout)."""
    from kg.config import Config

    return Config.load().root / "data" / "wikidata.yaml"


def load_mapping(path: Path | None = None) -> WikidataMapping:
    """Read the Q-id mapping; a missing file maps nothing."""
    path = path or mapping_file()
    if not path.is_file():
        return WikidataMapping()
    try:
        data: Any = load_yaml(path.read_text(encoding="utf-8")) or {}
    except YAMLError as exc:
        raise MappingError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or set(data) - {"items", "sources"}:
        raise MappingError(f"{path}: expected the keys 'items' and 'sources'")
    parts: dict[str, dict[str, str]] = {}
    for key in ("items", "sources"):
        table = data.get(key) or {}
        if not isinstance(table, dict):
            raise MappingError(f"{path}: '{key}' must map ids to Q-ids")
        for k, q in table.items():
            if not isinstance(q, str) or not _QID.match(q):
                raise MappingError(f"{path}: {key}.{k}: {q!r} is not a Q-id")
        seen: dict[str, str] = {}
        for k, q in table.items():
            if q in seen:
                raise MappingError(f"{path}: {q} is given to both {seen[q]} and {k}")
            seen[q] = str(k)
        parts[key] = {str(k): q for k, q in table.items()}
    return WikidataMapping(parts["items"], parts["sources"])


def _local_wd(iri: str, pattern: re.Pattern[str]) -> str:
    local = iri.removeprefix(WD)
    if local == iri or not pattern.match(local):
        raise MappingError(f"not a Wikidata id: {iri}")
    return local
