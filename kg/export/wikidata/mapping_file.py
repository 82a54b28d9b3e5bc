"""Editing the Q-id mapping: :func:`record_qids` writes checked ``entity id -> Q-id`` pairs into
``data/wikidata.yaml`` in place, keeping its comments, through a temporary file that is checked
and then renamed over it. Reading the file is :mod:`kg.export.wikidata.mapping`'s job."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kg.export.wikidata.mapping import QID, MappingError, WikidataMapping, load_mapping

EMPTY = "items:\nsources: {}\n"  # the text of a mapping file that does not exist yet


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
    text = path.read_text(encoding="utf-8") if path.is_file() else EMPTY
    changed = _changes(path, current, pairs, known, replace)
    after = {**current.items, **{eid: pairs[eid] for eid in changed}}
    _check_one_entity_each(after)
    if not changed:
        return changed
    new = {eid: pairs[eid] for eid in changed}
    _write_checked(path, _edited(path, text, new, note), after)
    return changed


def _changes(
    path: Path,
    current: WikidataMapping,
    pairs: Mapping[str, str],
    known: set[str],
    replace: bool,
) -> dict[str, str | None]:
    """The pairs that change the mapping (entity id -> its Q-id before), each checked."""
    changed: dict[str, str | None] = {}
    for eid, qid in pairs.items():
        if not QID.match(qid):
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
    return changed


def _check_one_entity_each(items: Mapping[str, str]) -> None:
    """No Q-id is given to two entities in the mapping as it would be."""
    seen: dict[str, str] = {}
    for eid, qid in items.items():
        if qid in seen:
            raise MappingError(f"{qid} would be given to both {seen[qid]} and {eid}")
        seen[qid] = eid


def _items_block(path: Path, lines: list[str]) -> tuple[int, int]:
    """``(start, end)``: the line ``items:`` and the line after its block. A file without one
    gets an empty ``items:`` at its top (in ``lines``)."""
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
    return start, end


def _edited(path: Path, text: str, new: Mapping[str, str], note: str | None) -> str:
    """``text`` with the pairs ``new`` at the end of ``items:``, under a comment naming them."""
    lines = text.splitlines()
    start, end = _items_block(path, lines)
    # a replaced pair leaves its old line (and the evidence above it, which names the old id)
    replaced = [i for i in range(start + 1, end) if lines[i].split(":")[0].strip() in new]
    for i in reversed(replaced):
        del lines[i]
    end -= len(replaced)
    named = ", ".join(f"{eid} {qid}" for eid, qid in new.items())
    lines[end:end] = [
        f"  # {note or 'recorded with kg wikidata set'}: {named}",
        *(f"  {eid}: {qid}" for eid, qid in new.items()),
    ]
    return "\n".join(lines) + "\n"


def _write_checked(path: Path, text: str, items: Mapping[str, str]) -> None:
    """Write ``text`` to a temporary file beside ``path``; move it over ``path`` only when it
    reads back with the ``items`` intended, and leave no temporary file either way."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        if load_mapping(tmp).items != items:  # the edit reads back as intended, or nothing moves
            raise MappingError(f"{path}: the edited mapping does not read back as written")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
