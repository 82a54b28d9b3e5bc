"""Saved queries: ``queries/*.rq`` files with a metadata header of ``#+ key: value`` lines.

The header is YAML once the ``#+ `` marks are taken off (the convention grlc uses for its
decorators), so tools that read grlc-style headers find title, description and tags.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.yamlfile import YAMLError, load_yaml


class SavedQueryError(ValueError):
    """A saved query file is malformed; the message names the file."""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    tags: tuple[str, ...]
    text: str
    path: Path


def parse_saved_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header = [
        line[3:] if line.startswith("#+ ") else line[2:]
        for line in text.splitlines()
        if line.startswith("#+")
    ]
    try:
        meta = load_yaml("\n".join(header)) or {}
    except YAMLError as exc:
        raise SavedQueryError(f"{path.name}: header is not valid YAML ({exc})") from None
    if not isinstance(meta, dict):
        raise SavedQueryError(f"{path.name}: header must be 'key: value' lines")
    for key in ("title", "description"):
        if not str(meta.get(key, "")).strip():
            raise SavedQueryError(f"{path.name}: header has no {key}")
    tags = meta.get("tags") or []
    return SavedQuery(
        name=path.stem,
        title=str(meta["title"]).strip(),
        description=" ".join(str(meta["description"]).split()),
        tags=tuple(str(t) for t in tags),
        text=text,
        path=path,
    )


def load_saved_queries(folder: Path) -> list[SavedQuery]:
    return [parse_saved_query(p) for p in sorted(folder.glob("*.rq"))]
