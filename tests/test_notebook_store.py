"""User notebooks in the state database: revisions, conflicts, history, restore, atomic saves."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kg.notebooks.model import Notebook, notebook_from_dict
from kg.notebooks.store import Conflict, NotebookStore, NotFound, ReadOnly, Revision
from kg.state.db import connect

from .conftest import ROOT


def _nb(slug: str = "tallies", title: str = "Tallies", note: str = "First note.") -> Notebook:
    return notebook_from_dict(
        {
            "title": title,
            "description": "Seat tallies on counting day.",
            "cells": [
                {"markdown": note},
                {"title": "C6", "query": "c06-seat-tallies", "view": "table"},
                {
                    "sparql": "SELECT ?x WHERE { BIND(?_n_integer AS ?x) }",
                    "params": {"n": 3},
                    "view": {"type": "bar", "x": "x", "y": ["x"]},
                },
            ],
        },
        slug=slug,
    )


@pytest.fixture()
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture()
def store(state: Path) -> NotebookStore:
    return NotebookStore(connect(state), ROOT / "queries" / "notebooks")


def test_save_creates_revision_one_and_get_returns_it(store: NotebookStore) -> None:
    rev = store.save(_nb(), "first version", None)
    assert (rev.slug, rev.number, rev.message, rev.restored_from) == (
        "tallies",
        1,
        "first version",
        None,
    )
    assert rev.saved.endswith("Z") and len(rev.saved) == 20
    nb, got = store.get("tallies")
    assert nb == _nb()
    assert got == rev
    [summary] = store.list()
    assert (summary.slug, summary.title, summary.description, summary.revision) == (
        "tallies",
        "Tallies",
        "Seat tallies on counting day.",
        1,
    )


def test_each_save_on_the_head_is_the_next_revision(store: NotebookStore) -> None:
    store.save(_nb(), "one", None)
    assert store.save(_nb(note="Second."), "two", 1).number == 2
    assert store.save(_nb(note="Third."), "three", 2).number == 3
    assert store.get("tallies")[0] == _nb(note="Third.")
    assert store.get("tallies", 2)[0] == _nb(note="Second.")
    assert store.get("tallies", 1)[0] == _nb()
    assert [r.number for r in store.history("tallies")] == [3, 2, 1]
    assert [r.message for r in store.history("tallies")] == ["three", "two", "one"]


def test_a_save_on_a_stale_revision_is_a_conflict_naming_both(store: NotebookStore) -> None:
    store.save(_nb(), "one", None)
    store.save(_nb(note="Second."), "two", 1)
    with pytest.raises(Conflict) as exc:
        store.save(_nb(note="Lost update."), "stale", 1)
    assert "revision 1" in str(exc.value) and "revision 2" in str(exc.value)
    with pytest.raises(Conflict, match=r"already exists \(revision 2\)"):
        store.save(_nb(note="Blind overwrite."), "new?", None)
    with pytest.raises(Conflict, match="does not exist"):
        store.save(_nb(slug="other"), "base on nothing", 4)
    assert [r.number for r in store.history("tallies")] == [2, 1]
    assert store.get("tallies")[0] == _nb(note="Second.")
    with pytest.raises(NotFound):
        store.get("other")


def test_missing_notebooks_and_revisions_are_not_found(store: NotebookStore) -> None:
    with pytest.raises(NotFound) as exc:
        store.get("nothing-here")
    assert str(exc.value) == "there is no saved notebook called 'nothing-here'"
    store.save(_nb(), "one", None)
    with pytest.raises(NotFound, match="notebook 'tallies' has no revision 7"):
        store.get("tallies", 7)
    with pytest.raises(NotFound, match="nothing-here"):
        store.history("nothing-here")
    with pytest.raises(NotFound, match="no revision 9"):
        store.restore("tallies", 9)
    assert isinstance(NotFound("x"), KeyError)


def test_restore_makes_a_new_revision_with_the_old_content(store: NotebookStore) -> None:
    store.save(_nb(), "one", None)
    store.save(_nb(title="Renamed", note="Second."), "two", 1)
    rev = store.restore("tallies", 1, "back to the first")
    assert rev == Revision("tallies", 3, rev.saved, "back to the first", 1)
    assert store.get("tallies") == (_nb(), rev)
    assert store.list()[0].title == "Tallies"
    default = store.restore("tallies", 2)
    assert (default.number, default.message, default.restored_from) == (4, "restored revision 2", 2)
    assert [(r.number, r.restored_from) for r in store.history("tallies")] == [
        (4, 2),
        (3, 1),
        (2, None),
        (1, None),
    ]


def test_shipped_slugs_are_read_only(store: NotebookStore) -> None:
    shipped = sorted(p.stem for p in (ROOT / "queries" / "notebooks").glob("*.yaml"))
    assert "counting-day-2024" in shipped
    for slug in shipped:
        with pytest.raises(ReadOnly, match="save a copy under another slug"):
            store.save(_nb(slug=slug), "overwrite the shipped one", None)
    assert issubclass(ReadOnly, Conflict)
    assert store.list() == []
    assert store.save(_nb(slug="counting-day-2024-copy"), "a copy", None).number == 1


def test_a_failing_save_leaves_the_head_and_history_unchanged(
    store: NotebookStore, state: Path
) -> None:
    store.save(_nb(), "one", None)
    # make moving the head fail after the revision row has gone in, as a crash there would
    other = connect(state)
    other.execute(
        "CREATE TRIGGER refuse_head BEFORE UPDATE ON notebooks"
        " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
    )
    with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
        store.save(_nb(note="Never saved."), "two", 1)
    assert [r.number for r in store.history("tallies")] == [1]
    assert store.get("tallies")[0] == _nb()
    with pytest.raises(sqlite3.IntegrityError):
        store.save(_nb(slug="brand-new"), "first", None)
    assert [s.slug for s in store.list()] == ["tallies"]
    with pytest.raises(NotFound):
        store.get("brand-new")
    assert not store.conn.in_transaction
    other.execute("DROP TRIGGER refuse_head")
    assert store.save(_nb(note="Second."), "two", 1).number == 2


def test_saves_survive_a_new_connection(store: NotebookStore, state: Path) -> None:
    store.save(_nb(), "one", None)
    store.save(_nb(note="Second."), "two", 1)
    store.conn.close()
    again = NotebookStore(connect(state))
    assert [r.number for r in again.history("tallies")] == [2, 1]
    assert again.get("tallies", 1)[0] == _nb()


def test_two_writers_on_the_same_base_one_wins(state: Path) -> None:
    first = NotebookStore(connect(state))
    second = NotebookStore(connect(state))
    first.save(_nb(), "one", None)
    outcomes: list[str] = []
    barrier = threading.Barrier(8)

    def save(store: NotebookStore, i: int) -> None:
        barrier.wait()
        try:
            store.save(_nb(note=f"Edit {i}."), f"edit {i}", 1)
            outcomes.append("saved")
        except Conflict:
            outcomes.append("conflict")

    threads = [
        threading.Thread(target=save, args=(first if i % 2 else second, i)) for i in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict"] * 7 + ["saved"]
    assert [r.number for r in first.history("tallies")] == [2, 1]
