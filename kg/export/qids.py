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

    return Config.load().wikidata_file


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


def record_qids(
    path: Path,
    pairs: Mapping[str, str],
    known: set[str],
    *,
    replace: bool = False,
    note: str | None = None,
) -> dict[str, str | None]:
    """Write ``entity id -> Q-id`` pairs into the mapping file at ``path``; return what changed
    (entity id -> the Q-id it had before, None when it had none).

    The file keeps its comments. The new pairs are added at the end of ``items:`` under a comment
    line that names them (``note``, else "recorded with kg wikidata set", then the entity ids and
    Q-ids); a replaced pair moves there from its old line. Every pair is checked before
    anything is written: a Q-id of the form ``Q<digits>``, an entity of the registry (``known``),
    no Q-id given to two entities, and no entity moved to another Q-id unless ``replace``. The new
    text is written to a temporary file beside the old one, read back and checked, then moved
    over it, so the mapping is never left half-written.
    """
    current = load_mapping(path)
    text = path.read_text(encoding="utf-8") if path.is_file() else "items:\nsources: {}\n"
    changed: dict[str, str | None] = {}
    for eid, qid in pairs.items():
        if not _QID.match(qid):
            raise MappingError(f"{qid!r} is not a Q-id (Q followed by digits, e.g. Q3273397)")
        if eid not in known:
            raise MappingError(f"no entity {eid!r} in data/entities.yaml")
        before = current.items.get(eid)
        if before == qid:
            continue
        if before and not replace:
            raise MappingError(
                f"{eid} already has {before} in {path.name}; give --replace to change it to {qid}"
            )
        changed[eid] = before
    after = {**current.items, **{eid: pairs[eid] for eid in changed}}
    seen: dict[str, str] = {}
    for eid, qid in after.items():
        if qid in seen:
            raise MappingError(f"{qid} would be given to both {seen[qid]} and {eid}")
        seen[qid] = eid
    if not changed:
        return changed
    lines = text.splitlines()
    try:
        start = lines.index("items:")
    except ValueError:
        if any(line.startswith("items:") for line in lines):  # "items: {}" or a flow mapping
            raise MappingError(f"{path}: write 'items:' as a block to add to it") from None
        lines[:0] = ["items:"]
        start = 0
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")),
        len(lines),
    )
    # a replaced pair leaves its old line (and the evidence above it, which names the old id)
    replaced = [i for i in range(start + 1, end) if lines[i].split(":")[0].strip() in changed]
    for i in reversed(replaced):
        del lines[i]
    end -= len(replaced)
    named = ", ".join(f"{eid} {pairs[eid]}" for eid in changed)
    lines[end:end] = [
        f"  # {note or 'recorded with kg wikidata set'}: {named}",
        *(f"  {eid}: {pairs[eid]}" for eid in changed),
    ]
    new_text = "\n".join(lines) + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(new_text, encoding="utf-8")
    try:
        if load_mapping(tmp).items != after:  # the edit reads back as intended, or nothing moves
            raise MappingError(f"{path}: the edited mapping does not read back as written")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return changed
