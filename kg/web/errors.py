"""What stops a request, answered once: busy or failed query workers, a query past the time
limit, a SPARQL Protocol error, a guard refusal and a failed query become plain-text answers
with the status that fits, as Flask error handlers (:func:`register_error_handlers`).

Views let these exceptions propagate. Each refusal is counted in the endpoint's metrics by
reason, and the reason is kept for the request (:func:`refusal_reason`) for the query log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, Response, g

from kg.query.pool.jobs import QueryFailed
from kg.query.pool.parent import Busy, TimedOut, WorkerFailed
from kg.query.safety.guard import GuardError
from kg.web.endpoint import Endpoint
from kg.web.http import text_response
from kg.web.protocol import ProtocolError
from kg.web.state import endpoint

WORKER_ERRORS = (Busy, TimedOut, WorkerFailed)
REFUSALS = (*WORKER_ERRORS, ProtocolError, GuardError)
_REASON = "kg_refusal"  # in flask.g, from the error handler to the end of the request


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str
    reason: str  # the metrics label and the query log's "reason"
    headers: dict[str, str] = field(default_factory=dict)


def refusal(exc: Exception, workers: int) -> Refusal:
    """The answer to one of :data:`REFUSALS`; ``workers`` is the size of the worker pool."""
    if isinstance(exc, Busy):
        return Refusal(
            429,
            f"all {workers} query workers are busy; try again shortly",
            "busy",
            {"Retry-After": str(exc.retry_after)},
        )
    if isinstance(exc, TimedOut):
        return Refusal(
            503, f"{exc}; narrow it (LIMIT, more specific patterns) and retry", "timeout"
        )
    if isinstance(exc, WorkerFailed):
        return Refusal(503, str(exc), "worker", {"Retry-After": "5"})
    if isinstance(exc, ProtocolError):
        return Refusal(exc.status, exc.message, "protocol", exc.headers)
    if isinstance(exc, GuardError):
        return Refusal(exc.status, str(exc), "refused")
    raise TypeError(f"not a refusal: {exc!r}")


def refuse(ep: Endpoint, exc: Exception) -> Refusal:
    """The answer to ``exc``, counted in the endpoint's metrics."""
    r = refusal(exc, ep.settings.workers)
    ep.metrics.refused(r.reason)
    return r


def refusal_reason() -> str | None:
    """Why this request was refused ("busy", "timeout", "protocol", ...); None if it was not."""
    reason: str | None = g.get(_REASON)
    return reason


def _refused(exc: Exception) -> Response:
    r = refuse(endpoint(), exc)
    setattr(g, _REASON, r.reason)
    return text_response(r.status, r.message, r.headers)


def _query_failed(exc: QueryFailed) -> Response:
    return text_response(exc.status, str(exc))


def _forget_refusal(exc: BaseException | None) -> None:
    # g can outlive a request (an app context a test holds open); the reason must not
    g.pop(_REASON, None)


def register_error_handlers(app: Flask) -> None:
    for cls in REFUSALS:
        app.register_error_handler(cls, _refused)
    app.register_error_handler(QueryFailed, _query_failed)
    app.teardown_request(_forget_refusal)
