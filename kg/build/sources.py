"""Read the corpus: ``data/sources/sources.yaml`` and the article files it lists.

This is the only module that reads article files. A file whose bytes differ from the recorded
SHA-256 is refused, so every stored offset keeps pointing at the characters it was made from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from kg.model import Source
from kg.yamlfile import YAMLError, load_yaml

KINDS = ("encyclopedia", "news")
REQUIRED = ("id", "file", "kind", "title", "retrieved")
_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z-]*$")
URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


class SourceError(ValueError):
    """The corpus description or a file in it is wrong."""


def _date(value: Any, field: str, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SourceError(f"{where}: {field} must be a date YYYY-MM-DD, got {value!r}") from None


def parse_entry(entry: dict[str, Any], text: str, where: str) -> Source:
    """Check one ``sources.yaml`` entry against its text and make a :class:`Source`."""
    missing = [k for k in REQUIRED if k not in entry]
    if missing:
        raise SourceError(f"{where}: missing {', '.join(missing)}")
    if not isinstance(entry["id"], str) or not _ID.match(entry["id"]):
        raise SourceError(
            f"{where}: id must be a quoted string of letters, digits and '-' such as \"010\", got "
            f"{entry['id']!r} (YAML reads an unquoted 010 as the number 8)"
        )
    if entry["kind"] not in KINDS:
        raise SourceError(f"{where}: kind must be one of {', '.join(KINDS)}, got {entry['kind']!r}")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    recorded = entry.get("sha256")
    if recorded and recorded != digest:
        raise SourceError(
            f"{where}: {entry['file']} has changed (sha256 {digest[:12]}…, recorded "
            f"{str(recorded)[:12]}…); offsets would no longer match the text"
        )
    published = entry.get("published")
    url = entry.get("url")
    if url is not None and not URL.match(str(url)):
        raise SourceError(f"{where}: url must be an http(s) address, got {url!r}")
    return Source(
        id=str(entry["id"]),
        file=str(entry["file"]),
        kind=str(entry["kind"]),
        title=str(entry["title"]),
        text=text,
        sha256=digest,
        retrieved=_date(entry["retrieved"], "retrieved", where),
        published=_date(published, "published", where) if published else None,
        publisher=entry.get("publisher"),
        title_from_text=bool(entry.get("title_from_text", True)),
        url=str(url) if url else None,
    )


def load_sources(sources_dir: Path) -> tuple[Source, ...]:
    """All sources in ``sources.yaml`` order."""
    index = sources_dir / "sources.yaml"
    if not index.is_file():
        raise SourceError(f"no corpus index at {index}")
    try:
        doc = load_yaml(index.read_text(encoding="utf-8")) or {}
    except YAMLError as exc:
        raise SourceError(f"{index}: not valid YAML ({exc})") from None
    entries = doc.get("sources")
    if not isinstance(entries, list) or not entries:
        raise SourceError(f"{index}: expected a non-empty list under 'sources'")
    seen: set[str] = set()
    out = []
    for n, entry in enumerate(entries, 1):
        where = f"{index.name} entry {n}"
        if not isinstance(entry, dict):
            raise SourceError(f"{where}: expected a mapping")
        path = sources_dir / str(entry.get("file", ""))
        if not path.is_file():
            raise SourceError(f"{where}: file not found: {path}")
        text = path.read_bytes().decode("utf-8")
        source = parse_entry(entry, text, where)
        if source.id in seen:
            raise SourceError(f"{where}: duplicate id {source.id}")
        seen.add(source.id)
        out.append(source)
    return tuple(out)
