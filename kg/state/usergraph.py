"""The user graph: what authorised SPARQL Updates wrote, kept outside the build folder.

It lives in one N-Quads file (``<state dir>/user-graph.nq``), so it survives restarts and
rebuilds. Writes are atomic (a temporary file, fsync, rename, fsync of the folder) and serialised
by a lock file, so a reader never sees half a file and a crash never loses an acknowledged write.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_THREAD_LOCK = threading.Lock()


class UserGraph:
    def __init__(self, state_dir: Path) -> None:
        self.dir = state_dir
        self.path = state_dir / "user-graph.nq"
        self.dir.mkdir(parents=True, exist_ok=True)
        if not self.path.exists():
            self._write(b"")

    def version(self) -> int:
        """Changes whenever the file is replaced (nanosecond mtime plus size)."""
        st = self.path.stat()
        return hash((st.st_mtime_ns, st.st_size, st.st_ino))

    def read(self) -> bytes:
        return self.path.read_bytes()

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Exclusive across threads of this process and across processes."""
        with _THREAD_LOCK, open(self.dir / "user-graph.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def replace(self, nquads: bytes) -> None:
        """Atomically replace the content; call inside :meth:`locked`."""
        self._write(nquads)

    def _write(self, data: bytes) -> None:
        tmp = self.path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)
        fd = os.open(self.dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
