"""Every notebook a reader can open: the shipped ones (``queries/notebooks/*.yaml``, read-only)
and the user notebooks of the :class:`~kg.notebooks.store.NotebookStore`, under one slug space.

A shipped slug always names the shipped file (the store refuses to save under it), so a slug
resolves to at most one notebook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.notebooks.model import SLUG, Notebook, NotebookError, load_notebook_file
from kg.notebooks.store import NotebookStore, NotFound, Revision

SHIPPED = "shipped"
USER = "user"


@dataclass(frozen=True)
class Entry:
    """A notebook as the list shows it."""

    slug: str
    title: str
    description: str
    source: str  # SHIPPED | USER
    revision: int | None = None  # the head revision of a user notebook
    saved: str | None = None  # when that revision was saved
    error: str | None = None  # a shipped file that does not load

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "slug": self.slug,
            "title": self.title,
            "description": self.description,
            "source": self.source,
            "revision": self.revision,
            "saved": self.saved,
        }
        if self.error:
            out["error"] = self.error
        return out


@dataclass(frozen=True)
class Opened:
    """A notebook as opened: where it comes from and, for a user notebook, which revision."""

    notebook: Notebook
    source: str
    revision: Revision | None = None
    head: int | None = None  # the newest revision of a user notebook

    @property
    def number(self) -> int | None:
        return None if self.revision is None else self.revision.number

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.notebook.to_dict(),
            "source": self.source,
            "revision": self.number,
            "head": self.head,
            "saved": None if self.revision is None else self.revision.saved,
        }


class Library:
    def __init__(self, shipped_dir: Path, store: NotebookStore) -> None:
        self.shipped_dir = shipped_dir
        self.store = store

    def entries(self) -> list[Entry]:
        """The shipped notebooks in file-name order, then the user notebooks by slug."""
        out = []
        for path in sorted(self.shipped_dir.glob("*.yaml")):
            try:
                nb = load_notebook_file(path)
            except NotebookError as exc:
                out.append(Entry(path.stem, path.stem, "", SHIPPED, error=str(exc)))
                continue
            out.append(Entry(nb.slug, nb.title, nb.description, SHIPPED))
        for s in self.store.list():
            out.append(Entry(s.slug, s.title, s.description, USER, s.revision, s.saved))
        return out

    def shipped_path(self, slug: str) -> Path | None:
        path = self.shipped_dir / f"{slug}.yaml"
        return path if SLUG.fullmatch(slug) and path.is_file() else None

    def open(self, slug: str, revision: int | None = None) -> Opened:
        """The notebook called ``slug``; NotFound names what is missing, NotebookError a shipped
        file that does not load."""
        path = self.shipped_path(slug)
        if path is not None:
            if revision is not None:
                raise NotFound(f"{slug!r} is a shipped notebook; it has no revisions")
            return Opened(load_notebook_file(path), SHIPPED)
        if not SLUG.fullmatch(slug):
            raise NotFound(f"there is no notebook called {slug!r}")
        try:
            nb, rev = self.store.get(slug, revision)
        except NotFound as exc:
            if revision is None:
                raise NotFound(f"there is no notebook called {slug!r}") from None
            raise exc from None
        return Opened(nb, USER, rev, self.store.head(slug))

    def to_run(self, slug: str, edited: Notebook | None) -> tuple[Notebook, int | None]:
        """What a run of ``slug`` runs (``edited``, the page's unsaved edits, else the stored
        notebook) and the revision it cites: only a user notebook's, and only when the run is
        of exactly what that revision holds."""
        if edited is None:
            opened = self.open(slug)
            return opened.notebook, opened.number
        try:
            opened = self.open(slug)
        except (NotFound, NotebookError):
            return edited, None  # a draft, not saved yet
        return edited, opened.number if opened.notebook == edited else None

    def history(self, slug: str) -> tuple[str, list[Revision]]:
        """Where the notebook comes from and its revisions, newest first (none when shipped)."""
        if self.shipped_path(slug) is not None:
            return SHIPPED, []
        if not SLUG.fullmatch(slug):
            raise NotFound(f"there is no notebook called {slug!r}")
        return USER, self.store.history(slug)
