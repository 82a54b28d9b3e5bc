"""Queries run in this process, on a dataset loaded here, for the CLI (``kg notebook run``).

The same code path as the endpoint's workers (:func:`kg.query.pool.child.run_query`), and the
same checks on the text (:func:`kg.query.pool.jobs.make_job`), without a process to kill.
"""

from __future__ import annotations

from pathlib import Path

from kg.iris import Names
from kg.query.answer import Table
from kg.query.params import Term
from kg.query.pool.child import Dataset, WorkerConfig, run_query
from kg.query.pool.jobs import make_job, table_of


class LocalRunner:
    """Runs queries on a dataset loaded in this process (the built dump plus the user graph)."""

    def __init__(self, cfg: WorkerConfig, row_cap: int | None = None) -> None:
        self.cfg = cfg
        self.dataset = Dataset(cfg)
        self.row_cap = row_cap

    @classmethod
    def on_build(
        cls, base_iri: str, nquads: Path, user_file: Path, row_cap: int = 10_000
    ) -> LocalRunner:
        """A runner on a built dump and a user-graph file, named as the build names its graphs."""
        names = Names(base_iri)
        return cls(
            WorkerConfig(
                nquads=str(nquads),
                user_file=str(user_file),
                base_iri=base_iri,
                user_graph=str(names.user_graph),
                inferred_graph=str(names.inferred_graph),
                row_cap=row_cap,
                prefixes=names.prefixes(),
            )
        )

    def __call__(self, text: str, substitutions: dict[str, Term], inference: bool = True) -> Table:
        job = make_job(text, substitutions, inference, 0, self.cfg.base_iri, row_cap=self.row_cap)
        return table_of(run_query(self.dataset, job))
