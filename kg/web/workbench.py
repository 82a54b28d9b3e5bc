"""What the saved-query, notebook and run views share: a runner on the endpoint's workers, the
data id and the run log, built once per app. (The notebook database is ``kg.notebooks.library``,
kept by the notebooks blueprint.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import current_app

from kg.query.answer import Table
from kg.query.params import Term
from kg.query.pool.jobs import DataId, QueryFailed, file_hash, make_job, table_of
from kg.state.db import connect
from kg.state.runs import RunLog
from kg.web.endpoint import Endpoint
from kg.web.errors import WORKER_ERRORS, refuse


class PoolRunner:
    """Runs a query on the endpoint's worker processes, with its time limit and row cap.

    A busy or failed worker, or a timeout, is a :class:`QueryFailed` with the status and message
    the app's error handlers give it (a notebook cell or a run records it as that cell's error).
    """

    def __init__(self, ep: Endpoint) -> None:
        self.ep = ep

    def __call__(self, text: str, substitutions: dict[str, Term], inference: bool = True) -> Table:
        ep = self.ep
        job = make_job(
            text,
            substitutions,
            inference,
            ep.user_graph.version(),
            ep.cfg.base_iri,
            ep.settings.service_allowlist,
        )
        try:
            return table_of(ep.pool.run(job))
        except WORKER_ERRORS as exc:
            r = refuse(ep, exc)
            raise QueryFailed(r.status, r.message) from None


@dataclass
class Workbench:
    ep: Endpoint
    build_id: str  # sha256 of the built dump, hashed once: the build does not change under the app
    runs: RunLog
    # the user graph's hash, kept with the version it was computed for (updates change the version)
    _user_hash: tuple[int, str] | None = None

    @classmethod
    def start(cls, ep: Endpoint, dump: Path) -> Workbench:
        return cls(ep, file_hash(dump), RunLog(connect(ep.user_graph.dir)))

    @property
    def state_dir(self) -> Path:
        return self.ep.user_graph.dir

    def data_id(self) -> DataId:
        """The data queries see now: the build, and the user graph as it is at this moment."""
        version = self.ep.user_graph.version()
        if self._user_hash is None or self._user_hash[0] != version:
            self._user_hash = (version, file_hash(self.ep.user_graph.path))
        return DataId(self.build_id, self._user_hash[1])

    def runner(self) -> PoolRunner:
        return PoolRunner(self.ep)

    @property
    def queries_dir(self) -> Path:
        return self.ep.cfg.queries_dir


def workbench() -> Workbench:
    wb: Workbench = current_app.extensions["kg_workbench"]
    return wb
