"""A query job and its answer: what the web app's workers and the local runner both take and give.

:func:`make_job` checks the text with the endpoint's guard (no SERVICE, no LOAD) before the engine
sees it, and carries parameters as terms for the engine's substitution API; :func:`table_of` reads
a worker's answer as a :class:`~kg.query.answer.Table`. Two runners use them: the web app's pool
of killable workers (:class:`kg.web.workbench.PoolRunner`) and :class:`kg.query.pool.local.LocalRunner`.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.query.answer import Table
from kg.query.params import Term
from kg.query.pool.child import Job, Outcome
from kg.query.safety.guard import GuardError, check_query, scan
from kg.query.store import json_term


class QueryFailed(Exception):
    """The query could not run, or was refused; ``status`` is the HTTP status that fits."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Runner(Protocol):
    def __call__(
        self, text: str, substitutions: dict[str, Term], inference: bool = True
    ) -> Table: ...


@dataclass(frozen=True)
class DataId:
    """Which data a query ran on: the build (hash of the built dump) and the user graph."""

    build: str
    user_graph: str

    @classmethod
    def of(cls, nquads: Path, user_file: Path) -> DataId:
        return cls(file_hash(nquads), file_hash(user_file))


def file_hash(path: Path) -> str:
    """sha256 of a file's bytes ('sha256:' + hex); a missing file hashes as empty."""
    h = hashlib.sha256()
    if path.exists():
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    return "sha256:" + h.hexdigest()


def make_job(
    text: str,
    substitutions: dict[str, Term],
    inference: bool,
    user_version: int,
    base_iri: str,
    service_allowlist: frozenset[str] = frozenset(),
    row_cap: int | None = None,
) -> Job:
    """A query job for the workers, after the endpoint's safety checks on the text."""
    s = scan(text, base_iri)
    if s.operation != "query":
        raise QueryFailed(400, "not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    try:
        check_query(s, service_allowlist)
    except GuardError as exc:
        raise QueryFailed(exc.status, str(exc)) from None
    return Job(
        "query",
        text,
        user_version,
        asserted_only=not inference,
        results_format="json",
        graph_format="ntriples",
        row_cap=row_cap,
        substitutions=tuple(sorted(substitutions.items())),
    )


def table_of(outcome: Outcome) -> Table:
    """The table of a worker's answer; a graph answer becomes subject/predicate/object rows."""
    if outcome.status >= 400:
        raise QueryFailed(outcome.status, outcome.body.decode("utf-8", "replace").strip())
    if outcome.media_type.startswith("application/sparql-results+json"):
        return Table.from_sparql_json(json.loads(outcome.body), outcome.truncated)
    rows = []
    for t in ox.parse(outcome.body, format=ox.RdfFormat.N_TRIPLES):
        rows.append(tuple(json_term(x) for x in (t.subject, t.predicate, t.object)))
    return Table(("subject", "predicate", "object"), tuple(rows), outcome.truncated)
