"""User notebooks in the state database, each save a numbered revision.

Two tables (created on first use): ``notebooks`` has one row per slug with its head revision, and
``notebook_revisions`` every revision's content (the JSON of :meth:`Notebook.to_dict`), time,
message and, for a restore, the revision it copied. A save is one ``BEGIN IMMEDIATE … COMMIT``
transaction that inserts the revision and moves the head, so it happens entirely or not at all,
and the state database's ``synchronous=FULL`` puts it on disk before the caller hears of it.

Saving is optimistic: the caller names the revision its edit started from, and a save on top of
any other head is a :class:`Conflict`. The slugs of shipped notebooks (``queries/notebooks/``)
are read-only here; an edit of one is saved as a copy under a new slug.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kg.notebooks.model import Notebook, notebook_from_dict

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS notebooks (
        slug TEXT PRIMARY KEY,
        created TEXT NOT NULL,      -- ISO 8601, UTC
        head INTEGER NOT NULL       -- the newest revision's number
    )""",
    """CREATE TABLE IF NOT EXISTS notebook_revisions (
        slug TEXT NOT NULL REFERENCES notebooks(slug),
        number INTEGER NOT NULL,    -- 1, 2, … per notebook
        saved TEXT NOT NULL,        -- ISO 8601, UTC
        message TEXT NOT NULL,
        restored_from INTEGER,      -- the revision a restore copied, else NULL
        content TEXT NOT NULL,      -- JSON of Notebook.to_dict()
        PRIMARY KEY (slug, number)
    )""",
)


class NotFound(KeyError):
    """No such notebook, or no such revision of it."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class Conflict(Exception):
    """A save based on a revision that is no longer the head."""


class ReadOnly(Conflict):
    """A save under the slug of a shipped notebook."""


@dataclass(frozen=True)
class Revision:
    slug: str
    number: int
    saved: str
    message: str
    restored_from: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "revision": self.number,
            "saved": self.saved,
            "message": self.message,
            "restored_from": self.restored_from,
        }


@dataclass(frozen=True)
class Summary:
    """A user notebook as a list shows it: its head revision's title and description."""

    slug: str
    title: str
    description: str
    created: str
    revision: int
    saved: str


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _revision(row: sqlite3.Row) -> Revision:
    return Revision(row["slug"], row["number"], row["saved"], row["message"], row["restored_from"])


class NotebookStore:
    """User notebooks on one connection of :func:`kg.state.db.connect` (autocommit mode).

    ``shipped`` is the folder of shipped notebooks, whose slugs cannot be saved to; it is read
    on each save, so a notebook added there is protected at once.
    """

    def __init__(self, conn: sqlite3.Connection, shipped: Path | None = None) -> None:
        self.conn = conn
        self.shipped = shipped
        self._lock = threading.Lock()  # one transaction at a time on this connection
        with self._lock:
            for statement in _SCHEMA:
                self.conn.execute(statement)

    def is_shipped(self, slug: str) -> bool:
        return self.shipped is not None and (self.shipped / f"{slug}.yaml").is_file()

    def list(self) -> list[Summary]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT n.slug, n.created, n.head, r.saved, r.content FROM notebooks n"
                " JOIN notebook_revisions r ON r.slug = n.slug AND r.number = n.head"
                " ORDER BY n.slug"
            ).fetchall()
        out = []
        for row in rows:
            content = json.loads(row["content"])
            out.append(
                Summary(
                    row["slug"],
                    str(content.get("title", "")),
                    str(content.get("description", "")),
                    row["created"],
                    row["head"],
                    row["saved"],
                )
            )
        return out

    def head(self, slug: str) -> int | None:
        with self._lock:
            row = self.conn.execute("SELECT head FROM notebooks WHERE slug = ?", (slug,)).fetchone()
        return None if row is None else int(row["head"])

    def get(self, slug: str, revision: int | None = None) -> tuple[Notebook, Revision]:
        """The notebook at ``revision`` (default: the head) and that revision's record."""
        with self._lock:
            if revision is None:
                row = self.conn.execute(
                    "SELECT r.* FROM notebooks n JOIN notebook_revisions r"
                    " ON r.slug = n.slug AND r.number = n.head WHERE n.slug = ?",
                    (slug,),
                ).fetchone()
            else:
                row = self.conn.execute(
                    "SELECT * FROM notebook_revisions WHERE slug = ? AND number = ?",
                    (slug, revision),
                ).fetchone()
        if row is None:
            if revision is None or self.head(slug) is None:
                raise NotFound(f"there is no saved notebook called {slug!r}")
            raise NotFound(f"notebook {slug!r} has no revision {revision}")
        return notebook_from_dict(json.loads(row["content"]), slug=slug), _revision(row)

    def history(self, slug: str) -> builtins.list[Revision]:
        """Every revision of the notebook, newest first."""
        with self._lock:
            rows = self.conn.execute(
                "SELECT slug, number, saved, message, restored_from FROM notebook_revisions"
                " WHERE slug = ? ORDER BY number DESC",
                (slug,),
            ).fetchall()
        if not rows:
            raise NotFound(f"there is no saved notebook called {slug!r}")
        return [_revision(r) for r in rows]

    def save(self, nb: Notebook, message: str, base_revision: int | None) -> Revision:
        """Save ``nb`` as a new revision: the first when the slug is new (``base_revision`` must
        then be None), else on top of ``base_revision``, which must be the head."""
        if self.is_shipped(nb.slug):
            raise ReadOnly(
                f"{nb.slug!r} is a shipped notebook and cannot be changed here;"
                " save a copy under another slug"
            )
        content = json.dumps(nb.to_dict(), ensure_ascii=False, sort_keys=True)
        return self._commit(nb.slug, content, message, None, base_revision, check=True)

    def restore(self, slug: str, number: int, message: str = "") -> Revision:
        """A new head revision whose content is that of revision ``number``."""
        with self._lock:
            row = self.conn.execute(
                "SELECT content FROM notebook_revisions WHERE slug = ? AND number = ?",
                (slug, number),
            ).fetchone()
        if row is None:
            self.history(slug)  # raises NotFound for an unknown notebook
            raise NotFound(f"notebook {slug!r} has no revision {number}")
        text = message or f"restored revision {number}"
        return self._commit(slug, row["content"], text, number, None, check=False)

    def _commit(
        self,
        slug: str,
        content: str,
        message: str,
        restored_from: int | None,
        base: int | None,
        check: bool,
    ) -> Revision:
        saved = _now()
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                row = self.conn.execute(
                    "SELECT head FROM notebooks WHERE slug = ?", (slug,)
                ).fetchone()
                head = None if row is None else int(row["head"])
                if check and base != head:
                    raise Conflict(_conflict_message(slug, base, head))
                number = 1 if head is None else head + 1
                if head is None:
                    self.conn.execute(
                        "INSERT INTO notebooks (slug, created, head) VALUES (?, ?, 0)",
                        (slug, saved),
                    )
                self.conn.execute(
                    "INSERT INTO notebook_revisions"
                    " (slug, number, saved, message, restored_from, content)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (slug, number, saved, message, restored_from, content),
                )
                self.conn.execute("UPDATE notebooks SET head = ? WHERE slug = ?", (number, slug))
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        return Revision(slug, number, saved, message, restored_from)


def _conflict_message(slug: str, base: int | None, head: int | None) -> str:
    if head is None:
        return (
            f"notebook {slug!r} does not exist, so there is no revision {base} to build on;"
            " save it with base_revision null"
        )
    if base is None:
        return (
            f"notebook {slug!r} already exists (revision {head}); to change it, send"
            f" base_revision {head}, or save a copy under another slug"
        )
    return (
        f"notebook {slug!r} has changed: this edit is based on revision {base}, but the"
        f" latest is revision {head}; reload it and apply the edit again"
    )
