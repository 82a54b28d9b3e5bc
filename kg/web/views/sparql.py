"""The SPARQL 1.1 endpoint at /sparql: query and update by the standard protocol."""

from __future__ import annotations

import hmac
import time

from flask import Blueprint, Response, current_app, request
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from kg.query.formats import FORMATS, lookup, negotiate
from kg.query.params import truth
from kg.query.pool.child import Job, Outcome
from kg.query.pool.parent import Busy, TimedOut, WorkerFailed
from kg.query.safety.guard import GuardError, check_query, check_update, inject_using, scan
from kg.query.safety.updates import check_writable
from kg.web.description import service_description
from kg.web.endpoint import Endpoint
from kg.web.http import not_acceptable, rdf_format, rdf_response
from kg.web.metrics import log_query
from kg.web.protocol import Operation, ProtocolError, parse_operation

bp = Blueprint("sparql", __name__)
FORMAT_NAMES = ", ".join(f.name for f in FORMATS)
BEARER = {"WWW-Authenticate": 'Bearer realm="kg"'}


def endpoint() -> Endpoint:
    ep: Endpoint = current_app.extensions["kg_endpoint"]
    return ep


def text_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        message.rstrip("\n") + "\n", status=status, mimetype="text/plain", headers=headers
    )


def wants_html(accept: str) -> bool:
    best_html = best_rdf = 0.0
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        q = next(
            (
                float(f[2:])
                for f in fields[1:]
                if f.startswith("q=") and f[2:].replace(".", "", 1).isdigit()
            ),
            1.0,
        )
        mt = fields[0].lower()
        if mt in ("text/html", "application/xhtml+xml"):
            best_html = max(best_html, q)
        elif lookup(mt) is not None:
            best_rdf = max(best_rdf, q)
    return best_html > 0 and best_html >= best_rdf


def _describe_service(ep: Endpoint) -> Response:
    accept = request.headers.get("Accept", "")
    if wants_html(accept):
        from kg.web.views.page import index

        page: Response = index()  # type: ignore[assignment]
        return page
    fmt = rdf_format()
    if fmt is None:
        return not_acceptable("the service description")
    g = service_description(
        request.base_url, sorted(ep.known_graphs()), ep.settings.update_token is not None
    )
    return rdf_response(g, fmt)


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
    accept = request.headers.get("Accept")
    results, graph = negotiate(accept, "results"), negotiate(accept, "graph")
    return (results.name if results else None, graph.name if graph else None)


def _asserted_only(op: Operation) -> bool:
    value = (op.param("inference") or "true").lower()
    inference = truth(value)
    if inference is None:
        raise ProtocolError(400, f"inference must be true or false, got {value!r}")
    return not inference


def authorise(ep: Endpoint) -> None:
    token = ep.settings.update_token
    if token is None:
        raise ProtocolError(
            403, "SPARQL Update is switched off on this server (no KG_UPDATE_TOKEN is set)"
        )
    given = request.headers.get("Authorization", "")
    if not given.startswith("Bearer "):
        raise ProtocolError(
            401,
            "SPARQL Update needs 'Authorization: Bearer <token>'",
            {"WWW-Authenticate": 'Bearer realm="kg"'},
        )
    if not hmac.compare_digest(given[7:].strip().encode(), token.encode()):
        raise ProtocolError(
            401,
            "the bearer token is not valid",
            {"WWW-Authenticate": 'Bearer realm="kg", error="invalid_token"'},
        )


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


@bp.route("/sparql", methods=["GET", "POST"])
@bp.route("/sparql/", methods=["GET", "POST"])
def sparql() -> Response:
    ep = endpoint()
    started = time.perf_counter()
    kind, text, reason = "query", "", None
    try:
        op = parse_operation(
            request.method, request.query_string, request.content_type, request.get_data()
        )
        if op is None:
            return _describe_service(ep)
        kind, text = op.kind, op.text
        outcome = _run_update(ep, op) if op.kind == "update" else _run_query(ep, op)
    except ProtocolError as exc:
        reason = "protocol"
        outcome, headers = Outcome(exc.status, exc.message.encode()), exc.headers
    except GuardError as exc:
        reason = "refused"
        outcome, headers = Outcome(exc.status, str(exc).encode()), {}
    except Busy as exc:
        reason = "busy"
        outcome = Outcome(
            429, f"all {ep.settings.workers} query workers are busy; try again shortly".encode()
        )
        headers = {"Retry-After": str(exc.retry_after)}
    except TimedOut as exc:
        reason = "timeout"
        ep.metrics.timeouts.inc()
        outcome, headers = (
            Outcome(503, f"{exc}; narrow it (LIMIT, more specific patterns) and retry".encode()),
            {},
        )
    except WorkerFailed as exc:
        reason = "worker"
        outcome, headers = Outcome(503, str(exc).encode()), {"Retry-After": "5"}
    else:
        headers = {}
    if reason and reason != "timeout":
        ep.metrics.rejections.labels(reason).inc()
    ep.metrics.requests.labels(kind, str(outcome.status)).inc()
    ep.metrics.latency.labels(kind).observe(time.perf_counter() - started)
    log_query(
        kind=kind,
        status=outcome.status,
        started=started,
        rows=outcome.rows,
        truncated=outcome.truncated,
        timeout=reason == "timeout",
        reason=reason,
        client=request.remote_addr,
        text=text,
    )
    if outcome.status >= 400:
        return text_response(outcome.status, outcome.body.decode("utf-8", "replace"), headers)
    if outcome.status == 204:
        return Response(status=204)
    headers = {
        "Vary": "Accept",
        "X-KG-Row-Cap": str(ep.settings.row_cap),
        "X-KG-Truncated": "true" if outcome.truncated else "false",
        "X-KG-Rows": str(outcome.rows if outcome.rows is not None else 0),
    }
    return Response(outcome.body, status=200, content_type=outcome.media_type, headers=headers)


@bp.get("/metrics")
def metrics() -> Response:
    return Response(
        generate_latest(endpoint().metrics.registry), mimetype=CONTENT_TYPE_LATEST.split(";")[0]
    )
