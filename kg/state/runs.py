"""Citable runs: what a saved query or notebook run asked, on which data, and what it got.

A run records, for each query it ran, the query text, the parameter values (as given and as the
RDF terms bound), whether inference was included and the hash of the result (see
:meth:`kg.query.answer.Table.digest`); and for the whole run the data it ran on (the build id and the
user-graph hash, :class:`kg.query.pool.jobs.DataId`), the time, and the answer itself (so the permalink
shows what was seen then, even after the data changes).

A run's id is derived from what it recorded apart from the time, so the same query with the same
parameters on the same data and with the same result has one permalink, first seen at one time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import zlib
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from kg.query.pool.jobs import DataId

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,          -- 'query' (a saved query) or 'notebook'
    name TEXT NOT NULL,          -- saved query name or notebook slug
    revision INTEGER,            -- the notebook revision, for a user notebook
    build_id TEXT NOT NULL,
    user_graph TEXT NOT NULL,
    created TEXT NOT NULL,       -- ISO 8601, UTC, when this run was first recorded
    body BLOB NOT NULL           -- zlib-compressed JSON: the parts (see RunPart)
)
"""


@dataclass(frozen=True)
class RunPart:
    """One query of a run: a saved query run has one, a notebook run one per query cell."""

    cell: int | None  # the notebook cell (1-based); None for a saved query
    text: str
    params: dict[str, str]  # raw values, as given or defaulted
    bound: dict[str, str]  # variable -> N-Triples term, as the engine bound it
    inference: bool
    result_hash: str
    result: dict[str, Any] | None  # SPARQL JSON of the answer; None when the query failed
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RunPart:
        return cls(**d)


@dataclass(frozen=True)
class Run:
    id: str
    kind: str
    name: str
    revision: int | None
    data: DataId
    created: str
    parts: tuple[RunPart, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "revision": self.revision,
            "build_id": self.data.build,
            "user_graph": self.data.user_graph,
            "created": self.created,
            "parts": [p.to_dict() for p in self.parts],
        }


def run_id(
    kind: str, name: str, revision: int | None, data: DataId, parts: tuple[RunPart, ...]
) -> str:
    key = {
        "kind": kind,
        "name": name,
        "revision": revision,
        "data": [data.build, data.user_graph],
        "parts": [
            [p.cell, p.text, p.params, p.bound, p.inference, p.result_hash, p.error] for p in parts
        ],
    }
    blob = json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()[:20]


class RunLog:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lock = threading.Lock()
        with self._lock:
            self.conn.execute(_SCHEMA)

    def record(
        self,
        kind: str,
        name: str,
        data: DataId,
        parts: tuple[RunPart, ...],
        revision: int | None = None,
    ) -> Run:
        rid = run_id(kind, name, revision, data, parts)
        created = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
        body = zlib.compress(json.dumps([p.to_dict() for p in parts]).encode("utf-8"))
        with self._lock:
            self.conn.execute(
                "INSERT OR IGNORE INTO runs (id, kind, name, revision, build_id, user_graph,"
                " created, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (rid, kind, name, revision, data.build, data.user_graph, created, body),
            )
        run = self.get(rid)
        assert run is not None
        return run

    def get(self, rid: str) -> Run | None:
        with self._lock:
            row = self.conn.execute("SELECT * FROM runs WHERE id = ?", (rid,)).fetchone()
        if row is None:
            return None
        parts = tuple(RunPart.from_dict(d) for d in json.loads(zlib.decompress(row["body"])))
        return Run(
            row["id"],
            row["kind"],
            row["name"],
            row["revision"],
            DataId(row["build_id"], row["user_graph"]),
            row["created"],
            parts,
        )

    def recent(self, limit: int = 50) -> list[dict[str, Any]]:
        with self._lock:
            rows = self.conn.execute(
                "SELECT id, kind, name, revision, build_id, created FROM runs"
                " ORDER BY created DESC, id LIMIT ?",
                (limit,),
            ).fetchall()
        return [dict(r) for r in rows]
