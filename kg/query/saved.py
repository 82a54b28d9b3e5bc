"""Saved queries: ``queries/*.rq`` files with a metadata header of ``#+ key: value`` lines.

The header is YAML once the ``#+ `` marks are taken off, the convention grlc uses for its
decorators, and it uses grlc's keys where grlc has one: ``summary`` (the title), ``description``,
``tags``, ``defaults`` and ``enumerate``. Parameters are variables named as grlc and BASIL name
them (``?_person_iri``); ``params`` adds what grlc has no key for, a label and a description per
parameter. See :mod:`kg.query.params` and ``docs/query-style.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.query.params import Parameter, parameters
from kg.query.safety.guard import scan
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
    params: tuple[Parameter, ...] = ()
    form: str | None = None  # SELECT, ASK, CONSTRUCT or DESCRIBE

    def param(self, name: str) -> Parameter | None:
        return next((p for p in self.params if p.name == name), None)

    @property
    def builds_graph(self) -> bool:
        """A CONSTRUCT or DESCRIBE query, answered in an RDF format rather than a table."""
        return self.form in ("CONSTRUCT", "DESCRIBE")


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
    for key in ("summary", "description"):
        if not str(meta.get(key, "")).strip():
            raise SavedQueryError(f"{path.name}: header has no {key}")
    tags = meta.get("tags") or []
    try:
        params = parameters(text, meta)
    except ValueError as exc:
        raise SavedQueryError(f"{path.name}: {exc}") from None
    return SavedQuery(
        name=path.stem,
        title=str(meta["summary"]).strip(),
        description=" ".join(str(meta["description"]).split()),
        tags=tuple(str(t) for t in tags),
        text=text,
        path=path,
        params=params,
        form=scan(text).form,
    )


def load_saved_queries(folder: Path) -> list[SavedQuery]:
    return [parse_saved_query(p) for p in sorted(folder.glob("*.rq"))]


def find_saved_query(folder: Path, name: str) -> SavedQuery | None:
    """The saved query called ``name`` (its file name without ``.rq``), if there is one."""
    if not all(c.isalnum() or c in "-_" for c in name):
        return None
    path = folder / f"{name}.rq"
    return parse_saved_query(path) if path.is_file() else None
