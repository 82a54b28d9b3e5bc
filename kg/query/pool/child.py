"""A query worker: one process holding the dataset in memory, answering jobs from a pipe.

The web process can kill a worker whose query runs past the time limit (pyoxigraph has no cancel
hook) and start a fresh one; nothing else is lost, because a worker holds no state of its own:
the built dump and the user-graph file are its only inputs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.query.formats import BY_NAME, serialize_boolean, serialize_solutions, serialize_triples
from kg.query.params import Term
from kg.query.store import ox_substitutions

HIDDEN_ASSERTED = ox.NamedNode("urn:x-kg:asserted-union")
EMPTY_GRAPH = "# empty-graph "


@dataclass(frozen=True)
class WorkerConfig:
    nquads: str
    user_file: str
    base_iri: str
    user_graph: str
    inferred_graph: str
    row_cap: int
    prefixes: dict[str, str] = field(default_factory=dict)
    # open store: plain SPARQL store semantics for a scratch deployment (default graph of its own,
    # every graph writable, the whole dataset kept in the state file); see ServerSettings.update_scope
    open_store: bool = False


@dataclass(frozen=True)
class Job:
    kind: str  # "query" | "update"
    text: str
    user_version: int
    default_graphs: tuple[str, ...] | None = None  # from the protocol; None = not given
    named_graphs: tuple[str, ...] | None = None
    asserted_only: bool = False
    results_format: str | None = "json"  # None: the client accepts no results format
    graph_format: str | None = "turtle"
    row_cap: int | None = None  # None: the endpoint's cap; the server's own pages pass their own
    # parameters of a saved query: (variable without '?', term), bound by the engine's
    # substitution API (see kg.query.params)
    substitutions: tuple[tuple[str, Term], ...] = ()


@dataclass(frozen=True)
class Outcome:
    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    rows: int | None = None
    truncated: bool = False
    user_nquads: bytes | None = None  # after an update: the new content of the user graph


class Dataset:
    """The store plus the bookkeeping for its materialised default graph and user graph."""

    def __init__(self, cfg: WorkerConfig) -> None:
        self.cfg = cfg
        self.store = ox.Store()
        self.user = ox.NamedNode(cfg.user_graph)
        self.inferred = ox.NamedNode(cfg.inferred_graph)
        self.user_version: int | None = None
        state = Path(cfg.user_file).read_bytes()
        if cfg.open_store:
            self.load_snapshot(state)
            return
        self.store.bulk_load(path=cfg.nquads, format=ox.RdfFormat.N_QUADS)
        self.reload_user(state, None)
        self.store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
        self.store.update(
            f"INSERT {{ GRAPH <{HIDDEN_ASSERTED.value}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"FILTER(?g NOT IN (<{self.user.value}>, <{self.inferred.value}>)) }}"
        )

    def load_snapshot(self, state: bytes) -> None:
        """Open store: the state file, once an update has written it, is the whole dataset.

        N-Quads cannot state an empty graph, so the snapshot lists those in comment lines
        (``# empty-graph <iri>``) and they are recreated here, as SPARQL Update's CREATE wants.
        """
        self.store.clear()
        if not state:
            self.store.bulk_load(path=self.cfg.nquads, format=ox.RdfFormat.N_QUADS)
            return
        self.store.load(state, format=ox.RdfFormat.N_QUADS)
        for line in state.decode("utf-8").splitlines():
            if line.startswith(EMPTY_GRAPH):
                self.store.add_graph(ox.NamedNode(line[len(EMPTY_GRAPH) :].strip().strip("<>")))

    def snapshot(self) -> bytes:
        quads = list(self.store)
        body = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"" if quads else b""
        used = {q.graph_name for q in quads}
        empty = [
            g for g in self.store.named_graphs() if g not in used and isinstance(g, ox.NamedNode)
        ]
        marks = "".join(f"{EMPTY_GRAPH}<{g.value}>\n" for g in sorted(empty, key=lambda g: g.value))
        return body + marks.encode() + (b"" if body or marks else b"# empty dataset\n")

    def refresh(self, version: int) -> None:
        state = Path(self.cfg.user_file).read_bytes()
        if self.cfg.open_store:
            self.load_snapshot(state)
            self.user_version = version
        else:
            self.reload_user(state, version)

    def visible_graphs(self) -> list[ox.NamedNode]:
        return sorted(
            (
                g
                for g in self.store.named_graphs()
                if isinstance(g, ox.NamedNode) and g != HIDDEN_ASSERTED
            ),
            key=lambda g: g.value,
        )

    def user_triples(self) -> set[tuple[Any, Any, Any]]:
        return {
            (q.subject, q.predicate, q.object)
            for q in self.store.quads_for_pattern(None, None, None, self.user)
        }

    def reload_user(self, nquads: bytes, version: int | None) -> None:
        """Replace the user graph with the file's content."""
        old = self.user_triples()
        new = {
            (q.subject, q.predicate, q.object)
            for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
            if q.graph_name == self.user
        }
        for t in old - new:
            self.store.remove(ox.Quad(*t, self.user))
        for t in new - old:
            self.store.add(ox.Quad(*t, self.user))
        if self.user_version is not None:
            self.sync_default(old, new)
        self.user_version = version if version is not None else 0

    def sync_default(self, old: set, new: set) -> None:  # type: ignore[type-arg]
        """Keep the default graph the set union of all graphs after the user graph changed."""
        for s, p, o in old - new:
            elsewhere = any(
                q.graph_name not in (ox.DefaultGraph(), self.user, HIDDEN_ASSERTED)
                for q in self.store.quads_for_pattern(s, p, o, None)
            )
            if not elsewhere:
                self.store.remove(ox.Quad(s, p, o, ox.DefaultGraph()))
        for s, p, o in new - old:
            self.store.add(ox.Quad(s, p, o, ox.DefaultGraph()))

    def user_nquads(self) -> bytes:
        quads = list(self.store.quads_for_pattern(None, None, None, self.user))
        return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"" if quads else b""


def _dataset_args(ds: Dataset, job: Job) -> dict[str, object]:
    if ds.cfg.open_store and job.default_graphs is None and job.named_graphs is None:
        return {}
    if job.default_graphs is not None or job.named_graphs is not None:
        return {
            "default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()],
        }
    if job.asserted_only:
        visible = [g for g in ds.visible_graphs() if g not in (ds.user, ds.inferred)]
        return {"default_graph": HIDDEN_ASSERTED, "named_graphs": visible}
    return {"named_graphs": ds.visible_graphs()}


def run_query(ds: Dataset, job: Job) -> Outcome:
    cap = job.row_cap or ds.cfg.row_cap
    try:
        res = ds.store.query(
            job.text,
            base_iri=ds.cfg.base_iri,
            substitutions=ox_substitutions(job.substitutions),
            **_dataset_args(ds, job),  # type: ignore[arg-type]
        )
    except SyntaxError as exc:
        return Outcome(400, f"SPARQL syntax error: {exc}\n".encode())
    except (OSError, ValueError, RuntimeError) as exc:
        return Outcome(400, f"query failed: {exc}\n".encode())
    if isinstance(res, ox.QueryBoolean):
        return _boolean_answer(bool(res), job)
    if isinstance(res, ox.QuerySolutions):
        return _solutions_answer(res, job, cap)
    return _graph_answer(res, job, cap, ds.cfg.prefixes)


def _boolean_answer(value: bool, job: Job) -> Outcome:
    fmt = BY_NAME.get(job.results_format or "")
    if fmt is None:
        return Outcome(406, b"no acceptable media type for boolean results\n")
    return Outcome(200, serialize_boolean(value, fmt), fmt.media_type, rows=1)


def _solutions_answer(res: ox.QuerySolutions, job: Job, cap: int) -> Outcome:
    fmt = BY_NAME.get(job.results_format or "")
    if fmt is None:
        return Outcome(406, b"no acceptable media type for SELECT results\n")
    variables = [v.value for v in res.variables]
    rows: list[list[Any]] = []
    for sol in res:
        if len(rows) == cap:
            return Outcome(
                200, serialize_solutions(variables, rows, fmt), fmt.media_type, cap, True
            )
        rows.append([sol[v] for v in variables])
    return Outcome(200, serialize_solutions(variables, rows, fmt), fmt.media_type, len(rows))


def _graph_answer(res: Any, job: Job, cap: int, prefixes: dict[str, str]) -> Outcome:
    fmt = BY_NAME.get(job.graph_format or "")
    if fmt is None:
        return Outcome(406, b"no acceptable media type for an RDF graph\n")
    triples: list[Any] = []
    truncated = False
    for t in res:
        if len(triples) == cap:
            truncated = True
            break
        triples.append(t)
    body = serialize_triples(triples, fmt, prefixes)
    return Outcome(200, body, fmt.media_type, len(triples), truncated)


def run_update(ds: Dataset, job: Job) -> Outcome:
    before = ds.user_triples()
    try:
        ds.store.update(job.text, base_iri=ds.cfg.base_iri)
    except SyntaxError as exc:
        return Outcome(400, f"SPARQL Update syntax error: {exc}\n".encode())
    except (OSError, ValueError, RuntimeError) as exc:
        return Outcome(400, f"update failed: {exc}\n".encode())
    if ds.cfg.open_store:
        return Outcome(200, b"", user_nquads=ds.snapshot())
    ds.sync_default(before, ds.user_triples())
    return Outcome(200, b"", user_nquads=ds.user_nquads())


def serve(conn: Connection, cfg: WorkerConfig) -> None:
    """Worker main loop (runs in the child process)."""
    try:
        ds = Dataset(cfg)
    except Exception as exc:  # report why the worker could not start, then stop
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", [g.value for g in ds.visible_graphs()]))
    while True:
        try:
            job: Job = conn.recv()
        except EOFError:
            return
        try:
            if job.user_version != ds.user_version:
                ds.refresh(job.user_version)
            outcome = run_update(ds, job) if job.kind == "update" else run_query(ds, job)
        except Exception as exc:  # a bug must cost one answer, not the worker
            outcome = Outcome(
                500, f"internal error in the query worker: {type(exc).__name__}: {exc}\n".encode()
            )
        conn.send(outcome)
