"""The SPARQL 1.1 Protocol, request side: which operation a request carries, and its dataset.

Pure functions over the parts of an HTTP request; every refusal is a :class:`ProtocolError` with
the status and a message that names the problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qs

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True)
class Operation:
    kind: str  # "query" | "update"
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    dataset_given: bool = False
    params: dict[str, list[str]] = field(default_factory=dict)  # every other parameter

    def param(self, name: str) -> str | None:
        values = self.params.get(name)
        return values[-1] if values else None


def _decode_params(raw: bytes, where: str) -> dict[str, list[str]]:
    try:
        text = raw.decode("ascii")
        return parse_qs(
            text, keep_blank_values=True, strict_parsing=False, encoding="utf-8", errors="strict"
        )
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {where} is not valid percent-encoded UTF-8") from None


def _body_text(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"the {what} in the request body is not valid UTF-8") from None


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(
            400, f"the request has {len(values)} '{name}' parameters; send exactly one"
        )
    return values[0] if values else None


_Found = tuple[str, str, dict[str, list[str]]]  # kind, text, every parameter


def parse_operation(
    method: str, query_string: bytes, content_type: str | None, body: bytes
) -> Operation | None:
    """The operation a request to the SPARQL endpoint carries; None if it carries none."""
    url = _decode_params(query_string, "query string")
    if method == "GET":
        found = _from_get(url)
    elif method == "POST":
        found = _from_post(url, content_type, body)
    else:
        raise ProtocolError(
            405, f"method {method} is not allowed; use GET or POST", {"Allow": "GET, POST, OPTIONS"}
        )
    return None if found is None else _operation(*found)


def _from_get(url: dict[str, list[str]]) -> _Found | None:
    if "update" in url:
        raise ProtocolError(400, "SPARQL Update is never run by GET; send it by POST")
    text = _one(url, "query")
    return None if text is None else ("query", text, url)


def _from_post(url: dict[str, list[str]], content_type: str | None, body: bytes) -> _Found:
    mime = (content_type or "").split(";")[0].strip().lower()
    if not mime:
        raise ProtocolError(
            415, f"a POST needs a Content-Type: {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}"
        )
    if mime == FORM:
        return _from_form(url, body)
    if mime not in (QUERY_TYPE, UPDATE_TYPE):
        raise ProtocolError(
            415, f"unsupported Content-Type {mime!r}; use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}"
        )
    kind = "query" if mime == QUERY_TYPE else "update"
    text = _body_text(body, kind)
    if "query" in url or "update" in url:
        raise ProtocolError(
            400, "the operation is in the body; do not also send it as a URL parameter"
        )
    return kind, text, url


def _from_form(url: dict[str, list[str]], body: bytes) -> _Found:
    form = _decode_params(body, "form body")
    params = {**url, **{k: url.get(k, []) + v for k, v in form.items()}}
    q, u = _one(params, "query"), _one(params, "update")
    if q is not None and u is not None:
        raise ProtocolError(400, "the request has both 'query' and 'update'; send one")
    if q is not None:
        return "query", q, params
    if u is not None:
        return "update", u, params
    raise ProtocolError(400, "the form has neither a 'query' nor an 'update' parameter")


def _operation(kind: str, text: str, params: dict[str, list[str]]) -> Operation:
    if not text.strip():
        raise ProtocolError(400, f"the {kind} is empty")
    d, n = (
        ("default-graph-uri", "named-graph-uri")
        if kind == "query"
        else ("using-graph-uri", "using-named-graph-uri")
    )
    other = {k: v for k, v in params.items() if k not in ("query", "update", d, n)}
    return Operation(
        kind=kind,
        text=text,
        default_graphs=tuple(params.get(d, [])),
        named_graphs=tuple(params.get(n, [])),
        dataset_given=d in params or n in params,
        params=other,
    )
