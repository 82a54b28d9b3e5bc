"""Runs queries in worker processes so a query past its time limit can really be stopped.

pyoxigraph has no way to cancel a running query, so each query goes to a worker process
(:mod:`kg.query.pool.child`) holding the dataset in memory; when the limit passes, the worker is killed and
a fresh one started in the background, and other clients keep being answered by the remaining
workers. At most ``size`` queries run at once; a request that finds no idle worker within
``queue_wait`` seconds is turned away (the caller answers 429 with Retry-After).
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.query.pool.child import Job, Outcome, WorkerConfig, serve

log = logging.getLogger("kg.query.pool.parent")


class Busy(Exception):
    """Every worker is busy."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("every query worker is busy")
        self.retry_after = retry_after


class TimedOut(Exception):
    """The query ran past the limit; its worker was killed."""


class WorkerFailed(Exception):
    """A worker died or could not start."""


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection


class QueryPool:
    def __init__(
        self, cfg: WorkerConfig, size: int = 2, timeout: float = 30.0, queue_wait: float = 2.0
    ) -> None:
        self.cfg, self.size, self.timeout, self.queue_wait = cfg, size, timeout, queue_wait
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Slot] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        self._start_error: str | None = None
        self.graphs: list[str] = []
        starters = [threading.Thread(target=self._add_worker) for _ in range(size)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        if self._idle.qsize() == 0:
            raise WorkerFailed(self._start_error or "no query worker could start")

    def _start(self) -> _Slot:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(
            target=serve, args=(child, self.cfg), daemon=True, name="kg-query-worker"
        )
        proc.start()
        child.close()
        if not parent.poll(300):
            proc.kill()
            raise WorkerFailed("a query worker did not start within 300 s")
        status, payload = parent.recv()
        if status != "ready":
            proc.join(1)
            raise WorkerFailed(f"a query worker could not load the dataset: {payload}")
        self.graphs = payload
        return _Slot(proc, parent)

    def _add_worker(self) -> None:
        try:
            slot = self._start()
        except (WorkerFailed, OSError, EOFError) as exc:
            self._start_error = f"{type(exc).__name__}: {exc}"
            log.error("query worker failed to start: %s", exc)
            return
        with self._lock:
            if self._closed:
                slot.process.kill()
                return
        self._idle.put(slot)

    def _replace(self, slot: _Slot) -> None:
        slot.process.kill()
        slot.process.join(5)
        slot.conn.close()
        if not self._closed:
            threading.Thread(target=self._add_worker, daemon=True).start()

    def run(self, job: Job, timeout: float | None = None) -> Outcome:
        limit = self.timeout if timeout is None else timeout
        try:
            slot = self._idle.get(timeout=self.queue_wait)
        except queue.Empty:
            raise Busy(max(1, round(self.queue_wait))) from None
        started = time.monotonic()
        try:
            slot.conn.send(job)
            if slot.conn.poll(limit):
                outcome: Outcome = slot.conn.recv()
                self._idle.put(slot)
                return outcome
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(slot)
            raise WorkerFailed(f"the query worker stopped unexpectedly ({exc})") from None
        log.warning(
            "query stopped after %.1f s (limit %.1f s); replacing its worker",
            time.monotonic() - started,
            limit,
        )
        self._replace(slot)
        raise TimedOut(f"the query ran longer than the {limit:g} s limit and was stopped")

    @property
    def idle(self) -> int:
        return self._idle.qsize()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                slot = self._idle.get_nowait()
            except queue.Empty:
                break
            slot.process.kill()
            slot.process.join(5)
