"""The SPARQL 1.1 endpoint at /sparql: query and update by the standard protocol.

Refusals (protocol errors, guard refusals, busy or failed workers, timeouts) propagate to the
app's error handlers (:mod:`kg.web.errors`). Every operation, answered or refused, is counted and
logged once, after its response is made (:func:`_record`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from kg.query.formats import FORMATS, lookup
from kg.query.params import truth
from kg.query.pool.child import Job, Outcome
from kg.query.safety.guard import check_query, check_update, inject_using, scan
from kg.query.safety.updates import check_writable
from kg.web.auth import authorise
from kg.web.description import service_description
from kg.web.endpoint import Endpoint
from kg.web.errors import refusal_reason
from kg.web.http import (
    negotiate,
    not_acceptable,
    rdf_format,
    rdf_response,
    text_response,
    wants_html,
)
from kg.web.metrics import log_query
from kg.web.protocol import Operation, ProtocolError, parse_operation
from kg.web.state import endpoint

bp = Blueprint("sparql", __name__)
FORMAT_NAMES = ", ".join(f.name for f in FORMATS)
_OPERATION = "kg_sparql_operation"  # the request's _Operation, in flask.g


@dataclass
class _Operation:
    """What the metrics and the query log say of one request to the endpoint."""

    started: float
    kind: str = "query"
    text: str = ""
    outcome: Outcome | None = None  # None until the workers answer (or for a refusal)


def _describe_service(ep: Endpoint) -> Response:
    if wants_html():
        page = current_app.view_functions["page.index"]  # the query page, by its own blueprint
        return current_app.make_response(current_app.ensure_sync(page)())
    fmt = rdf_format()
    if fmt is None:
        return not_acceptable("the service description")
    graph = service_description(
        request.base_url, sorted(ep.known_graphs()), ep.settings.update_token is not None
    )
    return rdf_response(graph, fmt)


def _check_dataset(ep: Endpoint, op: Operation, from_clauses: tuple[tuple[str, str], ...]) -> None:
    if ep.open_store:  # a scratch store's graphs come and go with updates
        return
    known = ep.known_graphs()
    for iri in (*op.default_graphs, *op.named_graphs, *(iri for _, iri in from_clauses)):
        if iri not in known:
            raise ProtocolError(
                400, f"graph <{iri}> is not in this store; its graphs are listed by GET /sparql"
            )


def _formats(op: Operation) -> tuple[str | None, str | None]:
    explicit = op.param("format")
    if explicit:
        fmt = lookup(explicit)
        if fmt is None:
            raise ProtocolError(
                400,
                f"unknown format {explicit!r}; use {FORMAT_NAMES}",
            )
        return (fmt.name, None) if fmt.kind == "results" else (None, fmt.name)
    results, graph = negotiate("results"), negotiate("graph")
    return (results.name if results else None, graph.name if graph else None)


def _asserted_only(op: Operation) -> bool:
    value = (op.param("inference") or "true").lower()
    inference = truth(value)
    if inference is None:
        raise ProtocolError(400, f"inference must be true or false, got {value!r}")
    return not inference


def _run_query(ep: Endpoint, op: Operation) -> Outcome:
    s = scan(op.text, ep.cfg.base_iri)
    check_query(s, ep.settings.service_allowlist)
    _check_dataset(ep, op, () if op.dataset_given else s.dataset)
    results_format, graph_format = _formats(op)
    job = Job(
        "query",
        op.text,
        ep.user_graph.version(),
        default_graphs=op.default_graphs if op.dataset_given else None,
        named_graphs=op.named_graphs if op.dataset_given else None,
        asserted_only=_asserted_only(op),
        results_format=results_format,
        graph_format=graph_format,
    )
    return ep.pool.run(job)


def _run_update(ep: Endpoint, op: Operation) -> Outcome:
    authorise(ep)
    s = scan(op.text, ep.cfg.base_iri)
    check_update(s)
    text = (
        inject_using(op.text, op.default_graphs, op.named_graphs) if op.dataset_given else op.text
    )
    if not ep.open_store:
        check_writable(text, ep.cfg.base_iri, ep.writable)
    with ep.user_graph.locked():
        outcome = ep.pool.run(Job("update", text, ep.user_graph.version()))
        if outcome.status == 200 and outcome.user_nquads is not None:
            ep.user_graph.replace(outcome.user_nquads)
    return Outcome(204) if outcome.status == 200 else outcome


def _answer(ep: Endpoint, outcome: Outcome) -> Response:
    if outcome.status >= 400:
        return text_response(outcome.status, outcome.body.decode("utf-8", "replace"))
    if outcome.status == 204:
        return Response(status=204)
    headers = {
        "Vary": "Accept",
        "X-KG-Row-Cap": str(ep.settings.row_cap),
        "X-KG-Truncated": "true" if outcome.truncated else "false",
        "X-KG-Rows": str(outcome.rows if outcome.rows is not None else 0),
    }
    return Response(outcome.body, status=200, content_type=outcome.media_type, headers=headers)


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def sparql() -> Response:
    ep = endpoint()
    record = _Operation(time.perf_counter())
    setattr(g, _OPERATION, record)
    op = parse_operation(
        request.method, request.query_string, request.content_type, request.get_data()
    )
    if op is None:
        g.pop(_OPERATION)  # a service description is not counted or logged
        return _describe_service(ep)
    record.kind, record.text = op.kind, op.text
    record.outcome = _run_update(ep, op) if op.kind == "update" else _run_query(ep, op)
    return _answer(ep, record.outcome)


@bp.after_request
def _record(response: Response) -> Response:
    """Count and log an operation the workers answered or the error handlers refused.

    A request that failed otherwise (a body over the size limit, an internal error) is neither.
    """
    record: _Operation | None = g.pop(_OPERATION, None)
    reason = refusal_reason()
    if record is None or (record.outcome is None and reason is None):
        return response
    ep, outcome = endpoint(), record.outcome
    ep.metrics.requests.labels(record.kind, str(response.status_code)).inc()
    ep.metrics.latency.labels(record.kind).observe(time.perf_counter() - record.started)
    log_query(
        kind=record.kind,
        status=response.status_code,
        started=record.started,
        rows=outcome.rows if outcome else None,
        truncated=outcome.truncated if outcome else False,
        timeout=reason == "timeout",
        reason=reason,
        client=request.remote_addr,
        text=record.text,
    )
    return response


@bp.get("/metrics")
def metrics() -> Response:
    return Response(
        generate_latest(endpoint().metrics.registry), mimetype=CONTENT_TYPE_LATEST.split(";")[0]
    )
