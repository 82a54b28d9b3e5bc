"""What the SPARQL views need, built once per app: settings, names, query pool, user graph, metrics."""

from __future__ import annotations

import atexit
from dataclasses import dataclass

from kg.config import Config, ServerSettings
from kg.iris import Names
from kg.query.pool.child import WorkerConfig
from kg.query.pool.parent import QueryPool
from kg.state.usergraph import UserGraph
from kg.web.metrics import Metrics


@dataclass
class Endpoint:
    cfg: Config
    settings: ServerSettings
    names: Names
    pool: QueryPool
    user_graph: UserGraph
    metrics: Metrics

    @property
    def open_store(self) -> bool:
        return self.settings.update_scope == "all"

    @property
    def writable(self) -> frozenset[str]:
        return frozenset({str(self.names.user_graph)})

    def known_graphs(self) -> set[str]:
        return set(self.pool.graphs) | {str(self.names.user_graph)}

    @classmethod
    def start(cls, cfg: Config, nquads: str) -> Endpoint:
        names, settings = Names(cfg.base_iri), cfg.server
        user_graph = UserGraph(cfg.state_dir)
        worker_cfg = WorkerConfig(
            nquads=nquads,
            user_file=str(user_graph.path),
            base_iri=cfg.base_iri,
            user_graph=str(names.user_graph),
            inferred_graph=str(names.inferred_graph),
            row_cap=settings.row_cap,
            prefixes=names.prefixes(),
            open_store=settings.update_scope == "all",
        )
        pool = QueryPool(worker_cfg, settings.workers, settings.query_timeout, settings.queue_wait)
        atexit.register(pool.close)
        return cls(cfg, settings, names, pool, user_graph, Metrics.create())
