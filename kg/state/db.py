"""The server's own SQLite database (``<state dir>/kg.sqlite3``): user notebooks and citable runs.

Every connection uses write-ahead logging with ``synchronous=FULL``: a transaction that has
committed is on disk before the caller hears so, and a process killed with SIGKILL (or a crashed
machine) loses nothing that was acknowledged. Each module keeps its own tables and creates them
on first use with ``CREATE TABLE IF NOT EXISTS``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

FILENAME = "kg.sqlite3"


def connect(state_dir: Path) -> sqlite3.Connection:
    """A connection to the state database; usable from any thread, one statement at a time."""
    state_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        state_dir / FILENAME, timeout=10, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return conn
